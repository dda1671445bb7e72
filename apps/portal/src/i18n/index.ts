/**
 * The portal's messages, under `portal.`, one file per feature with both languages side by side;
 * with the shared messages of `@gugus/ui/i18n` they are every key `t()` accepts in this app.
 */
import type { AppMessages, MessagesLike, SharedMessages } from "@gugus/ui/i18n";
import { pickerMessages } from "./picker.ts";
import { planMessages } from "./plan.ts";
import { profileMessages } from "./profile.ts";
// Announcements
import { announcementsMessages } from "./announcements.ts";

const id = {
  portal: {
    ...pickerMessages.id,
    ...profileMessages.id,
    ...planMessages.id,
    // Announcements
    ...announcementsMessages.id,
  },
};

const en: MessagesLike<typeof id> = {
  portal: {
    ...pickerMessages.en,
    ...profileMessages.en,
    ...planMessages.en,
    // Announcements
    ...announcementsMessages.en,
  },
};

export const portalMessages: AppMessages<typeof id> = { id, en };

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: SharedMessages & typeof id };
  }
}
