/**
 * The six sub-task-forces and their names, without their schema: a module a screen's translations
 * can load without zod. `sub-task-forces.ts` (the entry point) re-exports all of it.
 */
export const SUB_TASK_FORCES = [
  { code: "prevention", numeral: "I", nameId: "Pencegahan dan Partisipasi Anak", nameEn: "Prevention and child participation" },
  { code: "health_rehab", numeral: "II", nameId: "Rehabilitasi Kesehatan", nameEn: "Health rehabilitation" },
  {
    code: "social_rehab",
    numeral: "III",
    nameId: "Rehabilitasi Sosial, Pemulangan dan Reintegrasi Sosial",
    nameEn: "Social rehabilitation, repatriation and reintegration",
  },
  { code: "legal_norms", numeral: "IV", nameId: "Pengembangan Norma Hukum", nameEn: "Legal norm development" },
  { code: "law_enforcement", numeral: "V", nameId: "Penegakan Hukum", nameEn: "Law enforcement" },
  { code: "coordination", numeral: "VI", nameId: "Koordinasi dan Kerja Sama", nameEn: "Coordination and cooperation" },
] as const;

export type SubTaskForce = (typeof SUB_TASK_FORCES)[number];
export type SubTaskForceCode = SubTaskForce["code"];

/** The languages the sub-task-forces are named in: Bahasa Indonesia (the original) and English. */
export type SubTaskForceNameLanguage = "id" | "en";

/**
 * The names of the six sub-task-forces in one language, by code — the one source of these names
 * for screens and translations: `getSubTaskForceNames("en").law_enforcement` is "Law enforcement".
 */
export function getSubTaskForceNames(language: SubTaskForceNameLanguage): Record<SubTaskForceCode, string> {
  return Object.fromEntries(SUB_TASK_FORCES.map((s) => [s.code, language === "id" ? s.nameId : s.nameEn])) as Record<SubTaskForceCode, string>;
}
