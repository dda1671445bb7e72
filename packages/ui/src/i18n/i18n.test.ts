import { DOMAIN_ERROR_CODES, ROLES, SUB_TASK_FORCES } from "@gugus/domain";
import { describe, expect, it } from "vitest";
// Announcements
import { announcementsMessages } from "./announcements.ts";
import { accountsMessages } from "./accounts.ts";
import { authMessages } from "./auth.ts";
import { compositionMessages } from "./composition.ts";
import { errorMessages } from "./errors.ts";
import { evaluationMessages } from "./evaluation.ts";
import { formationMessages } from "./formation.ts";
import { generalMessages } from "./general.ts";
import { hierarchyMessages } from "./hierarchy.ts";
import { createI18n, sharedMessages } from "./index.ts";
import { offlineMessages } from "./offline.ts";
import { ranMessages } from "./ran.ts";
import { reportsMessages } from "./reports.ts";
import { reviewMessages } from "./review.ts";
import { sessionsMessages } from "./sessions.ts";
// Regional action plans (RAD)
import { radMessages } from "./rad.ts";

function leafKeys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : leafKeys(v as object, `${prefix}${k}.`),
  );
}

const FEATURES = { announcementsMessages, accountsMessages, authMessages, compositionMessages, errorMessages, evaluationMessages, formationMessages, generalMessages, hierarchyMessages, offlineMessages, ranMessages, reportsMessages, reviewMessages, sessionsMessages };
const NO_OWN_MESSAGES = { id: {}, en: {} };
// Regional action plans (RAD)
Object.assign(FEATURES, { radMessages });

describe("translations", () => {
  it.each(Object.entries(FEATURES))("%s: English has exactly the Indonesian keys", (_name, feature) => {
    expect(leafKeys(feature.en).sort()).toEqual(leafKeys(feature.id).sort());
  });

  it("give each key to one feature only, so no feature's message silently replaces another's", () => {
    const all = Object.values(FEATURES).flatMap((f) => leafKeys(f.id));
    expect(all.length).toBe(new Set(all).size);
    expect(leafKeys(sharedMessages.id).length).toBe(all.length);
  });

  it("have no empty message", () => {
    for (const lang of [sharedMessages.id, sharedMessages.en]) {
      for (const key of leafKeys(lang)) {
        const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], lang);
        expect(value, key).not.toBe("");
      }
    }
  });

  it("translate every domain error code in both languages", () => {
    for (const code of DOMAIN_ERROR_CODES) {
      expect(sharedMessages.id.errors, code).toHaveProperty(code);
      expect(sharedMessages.en.errors, code).toHaveProperty(code);
    }
  });

  it("name every role in both languages", () => {
    for (const lang of ["id", "en"] as const) {
      const i18n = createI18n(NO_OWN_MESSAGES, lang);
      for (const role of ROLES) expect(i18n.exists(`role.${role}`), role).toBe(true);
    }
  });

  it("name the sub-task-forces as the domain does, in both languages", () => {
    const id = createI18n(NO_OWN_MESSAGES, "id");
    const en = createI18n(NO_OWN_MESSAGES, "en");
    for (const s of SUB_TASK_FORCES) {
      expect(id.t(`subTaskForce.${s.code}`)).toBe(s.nameId);
      expect(en.t(`subTaskForce.${s.code}`)).toBe(s.nameEn);
    }
  });

  it("default to Bahasa Indonesia and switch to English", async () => {
    const i18n = createI18n(NO_OWN_MESSAGES);
    expect(i18n.language).toBe("id");
    expect(i18n.t("period.line", { numeral: "II", index: 4, of: 5 })).toBe("Periode II, tahun ke-4 dari 5");
    await i18n.changeLanguage("en");
    expect(i18n.t("period.line", { numeral: "II", index: 4, of: 5 })).toBe("Period II, year 4 of 5");
  });

  it("load an app's own messages beside the shared ones, and nothing else", () => {
    const i18n = createI18n({ id: { admin: { nav: { hierarchy: "Hierarki" } } }, en: { admin: { nav: { hierarchy: "Hierarchy" } } } }, "id");
    expect(i18n.getResource("id", "translation", "admin.nav.hierarchy")).toBe("Hierarki");
    expect(i18n.t("errors.NOT_FOUND")).toBe("Tidak ditemukan.");
    expect(i18n.exists("portal.picker.title")).toBe(false);
  });
});
