/**
 * The admin app's messages, under `admin.`, one file per feature with both languages side by side;
 * with the shared messages of `@gugus/ui/i18n` they are every key `t()` accepts in this app.
 */
import type { AuditAction, AuditOutcome } from "@gugus/domain";
import type { AppMessages, MessagesLike, SharedMessages } from "@gugus/ui/i18n";
import { adoptionMessages } from "./adoption.ts";
import { evaluationMessages } from "./evaluation.ts";
import { hierarchyMessages } from "./hierarchy.ts";
import { importMessages } from "./import.ts";
import { navMessages } from "./nav.ts";
import { periodMessages } from "./periods.ts";
import { reportsMessages } from "./reports.ts";
import { securityMessages } from "./security.ts";
// Announcements
import { announcementsMessages } from "./announcements.ts";

const id = {
  admin: {
    ...navMessages.id,
    ...hierarchyMessages.id,
    ...importMessages.id,
    ...securityMessages.id,
    ...periodMessages.id,
    ...adoptionMessages.id,
    ...reportsMessages.id,
    ...evaluationMessages.id,
    // Announcements
    ...announcementsMessages.id,
  },
};

const en: MessagesLike<typeof id> = {
  admin: {
    ...navMessages.en,
    ...hierarchyMessages.en,
    ...importMessages.en,
    ...securityMessages.en,
    ...periodMessages.en,
    ...adoptionMessages.en,
    ...reportsMessages.en,
    ...evaluationMessages.en,
    // Announcements
    ...announcementsMessages.en,
  },
};

export const adminMessages: AppMessages<typeof id> = { id, en };

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: SharedMessages & typeof id };
  }
}

/** The dotted paths of a message tree's leaves ("auth.sign_in"). */
type LeafPaths<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

// Every audit action and outcome the domain lists has a label (English has the same keys): the type
// check fails here when the domain adds one that this app does not name.
type Unlabelled = Exclude<AuditAction | AuditOutcome, LeafPaths<typeof id.admin.audit.actions> | LeafPaths<typeof id.admin.audit.outcomes>>;
export const everyAuditActionLabelled: [Unlabelled] extends [never] ? true : Unlabelled = true;
