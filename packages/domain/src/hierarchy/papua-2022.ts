/**
 * The 2022 split of Papua, as data: four new provinces, and the regencies/cities that moved to them
 * with new codes (old codes from the pre-2022 Kemendagri list, checked against the order of the new
 * codes). Regencies not listed kept their codes; Papua (91) and Papua Barat (92) go on.
 */
import type { Succession } from "./restructuring.ts";

type Law = { legalBasis: string; effectiveDate: string; province: { code: string; from: string }; moves: [old: string, new: string][] };

export const PAPUA_2022_LAWS: readonly Law[] = [
  { legalBasis: "UU 14/2022", effectiveDate: "2022-07-25", province: { code: "93", from: "91" }, moves: [["91.01", "93.01"], ["91.16", "93.02"], ["91.17", "93.03"], ["91.18", "93.04"]] },
  {
    legalBasis: "UU 15/2022",
    effectiveDate: "2022-07-25",
    province: { code: "94", from: "91" },
    moves: [["91.04", "94.01"], ["91.07", "94.02"], ["91.08", "94.03"], ["91.09", "94.04"], ["91.25", "94.05"], ["91.26", "94.06"], ["91.27", "94.07"], ["91.28", "94.08"]],
  },
  {
    legalBasis: "UU 16/2022",
    effectiveDate: "2022-07-25",
    province: { code: "95", from: "91" },
    moves: [["91.02", "95.01"], ["91.12", "95.02"], ["91.13", "95.03"], ["91.14", "95.04"], ["91.21", "95.05"], ["91.22", "95.06"], ["91.23", "95.07"], ["91.24", "95.08"]],
  },
  {
    legalBasis: "UU 29/2022",
    effectiveDate: "2022-12-08",
    province: { code: "96", from: "92" },
    moves: [["92.01", "96.01"], ["92.04", "96.02"], ["92.05", "96.03"], ["92.09", "96.04"], ["92.10", "96.05"], ["92.71", "96.71"]],
  },
];

/** The successions of the 2022 split: each new province from its source, each moved regency recoded. */
export const PAPUA_2022_SUCCESSIONS: readonly Succession[] = PAPUA_2022_LAWS.flatMap((law) => [
  { oldCode: law.province.from, newCode: law.province.code, type: "split" as const, effectiveDate: law.effectiveDate, newName: null, legalBasis: law.legalBasis },
  ...law.moves.map(([oldCode, newCode]) => ({ oldCode, newCode, type: "recode" as const, effectiveDate: law.effectiveDate, newName: null, legalBasis: law.legalBasis })),
]);
