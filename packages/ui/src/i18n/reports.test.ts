import { EXPLOITATION_FORMS, REPORT_CHECK_CODES } from "@gugus/domain/reports";
import { describe, expect, it } from "vitest";
import { createI18n } from "./index.ts";

const NO_OWN_MESSAGES = { id: {}, en: {} };

describe("report messages", () => {
  it.each(["id", "en"] as const)("word every check code in %s, with every fact the check gives filled in", (language) => {
    const i18n = createI18n(NO_OWN_MESSAGES, language);
    for (const code of REPORT_CHECK_CODES) {
      expect(i18n.exists(`reportChecks.${code}`), code).toBe(true);
      const text = i18n.t(`reportChecks.${code}`, { sum: 12, total: 10, previous: 3, value: 30, target: 5, percent: 600, year: 2025 });
      expect(text, code).not.toContain("{{");
    }
  });

  it.each(["id", "en"] as const)("name every form of exploitation in %s", (language) => {
    const i18n = createI18n(NO_OWN_MESSAGES, language);
    for (const form of EXPLOITATION_FORMS) expect(i18n.exists(`reports.exploitation.${form}`), form).toBe(true);
  });
});
