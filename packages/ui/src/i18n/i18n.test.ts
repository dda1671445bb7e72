import { AUDIT_ACTIONS, AUDIT_OUTCOMES, DOMAIN_ERROR_CODES, ROLES } from "@gugus/domain";
import { describe, expect, it } from "vitest";
import { admin, common, createI18n, portal } from "./index.ts";

function leafKeys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [`${prefix}${k}`] : leafKeys(v as object, `${prefix}${k}.`),
  );
}

describe("translations", () => {
  it.each([["common", common], ["admin", admin], ["portal", portal]])("%s: English has exactly the Indonesian keys", (_name, section) => {
    expect(leafKeys(section.en).sort()).toEqual(leafKeys(section.id).sort());
  });

  it("have no empty message", () => {
    for (const section of [common, admin, portal]) {
      for (const lang of [section.id, section.en]) {
        for (const key of leafKeys(lang)) {
          const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], lang);
          expect(value, key).not.toBe("");
        }
      }
    }
  });

  it("translate every domain error code in both languages", () => {
    for (const code of DOMAIN_ERROR_CODES) {
      expect(common.id.errors, code).toHaveProperty(code);
      expect(common.en.errors, code).toHaveProperty(code);
    }
  });

  it("name every role, audit action and outcome in both languages", () => {
    for (const lang of ["id", "en"] as const) {
      const i18n = createI18n("admin", lang);
      for (const role of ROLES) expect(i18n.exists(`role.${role}`), role).toBe(true);
      for (const action of AUDIT_ACTIONS) expect(i18n.exists(`admin.audit.actions.${action}`), action).toBe(true);
      for (const outcome of AUDIT_OUTCOMES) expect(i18n.exists(`admin.audit.outcomes.${outcome}`), outcome).toBe(true);
    }
  });

  it("default to Bahasa Indonesia and switch to English", async () => {
    const i18n = createI18n("portal");
    expect(i18n.language).toBe("id");
    expect(i18n.t("period.line", { numeral: "II", index: 4, of: 5 })).toBe("Periode II, tahun ke-4 dari 5");
    await i18n.changeLanguage("en");
    expect(i18n.t("period.line", { numeral: "II", index: 4, of: 5 })).toBe("Period II, year 4 of 5");
  });

  it("load only the app's own section", () => {
    const i18n = createI18n("admin", "id");
    expect(i18n.t("admin.nav.hierarchy")).toBe("Hierarki");
    expect(i18n.exists("portal.picker.title")).toBe(false);
  });
});
