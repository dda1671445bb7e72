import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getRegion, listRegencies } from "../regions/catalogue.ts";
import { PAPUA_2022_LAWS, PAPUA_2022_SUCCESSIONS } from "./papua-2022.ts";
import { findSuccessionCycle, planRestructuring, regionNameAt, resolveBackward, resolveForward } from "./restructuring.ts";
import type { HierarchyState, RestructurePlan, Succession } from "./restructuring.ts";

const s = (oldCode: string, newCode: string, type: Succession["type"], effectiveDate: string, newName: string | null = null): Succession => ({ oldCode, newCode, type, effectiveDate, newName, legalBasis: null });

describe("the 2022 Papua successions", () => {
  it("move 26 regencies/cities into 4 new provinces, every new code in today's list under its province", () => {
    const moves = PAPUA_2022_LAWS.flatMap((l) => l.moves);
    expect(moves).toHaveLength(26);
    for (const law of PAPUA_2022_LAWS) {
      for (const [, newCode] of law.moves) expect(newCode.startsWith(`${law.province.code}.`)).toBe(true);
    }
    for (const [, newCode] of moves) expect(getRegion(newCode).code).toBe(newCode);
    expect(getRegion("93.01").name).toBe("Kabupaten Merauke");
  });

  it("leave every moved old code out of today's list, and move every regency of the new provinces", () => {
    const moved = new Set(PAPUA_2022_LAWS.flatMap((l) => l.moves.map(([, n]) => n)));
    for (const code of ["93", "94", "95", "96"]) {
      for (const r of listRegencies(code)) expect(moved.has(r.code), r.code).toBe(true);
    }
    const oldCodes = PAPUA_2022_LAWS.flatMap((l) => l.moves.map(([o]) => o));
    for (const code of oldCodes) expect(listRegencies(code.slice(0, 2)).some((r) => r.code === code), code).toBe(false);
  });

  it("resolve Kab. Merauke both ways: 91.01 on 2021-12-31 is 93.01 today, and back", () => {
    expect(resolveForward(PAPUA_2022_SUCCESSIONS, "91.01", "2026-11-28")).toEqual(["93.01"]);
    expect(resolveForward(PAPUA_2022_SUCCESSIONS, "91.01", "2022-07-24")).toEqual(["91.01"]);
    expect(resolveBackward(PAPUA_2022_SUCCESSIONS, "93.01", "2021-12-31")).toEqual(["91.01"]);
    expect(resolveBackward(PAPUA_2022_SUCCESSIONS, "93.01", "2022-07-25")).toEqual(["93.01"]);
  });

  it("resolve Kota Sorong with the later law (8 Dec 2022)", () => {
    expect(resolveForward(PAPUA_2022_SUCCESSIONS, "92.71", "2022-12-07")).toEqual(["92.71"]);
    expect(resolveForward(PAPUA_2022_SUCCESSIONS, "92.71", "2022-12-08")).toEqual(["96.71"]);
  });

  it("keep Papua itself going after the split, alongside the new provinces", () => {
    expect(resolveForward(PAPUA_2022_SUCCESSIONS, "91", "2023-01-01")).toEqual(["91", "93", "94", "95"]);
    expect(resolveBackward(PAPUA_2022_SUCCESSIONS, "94", "2020-01-01")).toEqual(["91"]);
  });

  it("form no cycle", () => {
    expect(findSuccessionCycle(PAPUA_2022_SUCCESSIONS)).toBeNull();
  });
});

describe("succession rules", () => {
  it("find a cycle a → b → a, and a longer one", () => {
    expect(findSuccessionCycle([s("11.01", "11.02", "recode", "2020-01-01"), s("11.02", "11.01", "recode", "2021-01-01")])).toEqual(["11.01", "11.02", "11.01"]);
    expect(findSuccessionCycle([s("a", "b", "recode", "2020"), s("b", "c", "merge", "2021"), s("c", "a", "recode", "2022")])).toHaveLength(4);
  });

  it("draw no edge for a succession to its own code, whatever its type", () => {
    expect(findSuccessionCycle([s("11.01", "11.01", "recode", "2020-01-01")])).toBeNull();
  });

  it("give the cycle alone, not the path that led into it", () => {
    expect(findSuccessionCycle([s("11.09", "11.01", "recode", "2019-01-01"), s("11.01", "11.02", "recode", "2020-01-01"), s("11.02", "11.01", "recode", "2021-01-01")])).toEqual(["11.01", "11.02", "11.01"]);
  });

  it("find a cycle behind a code's second successor, and one that starts from a later code", () => {
    expect(findSuccessionCycle([s("a", "b", "split", "2020"), s("a", "c", "split", "2020"), s("c", "a", "recode", "2021")])).toEqual(["a", "c", "a"]);
    expect(findSuccessionCycle([s("a", "b", "recode", "2020"), s("c", "d", "recode", "2020"), s("d", "c", "recode", "2021")])).toEqual(["c", "d", "c"]);
  });

  it("resolve forward in time order whatever the list's order", () => {
    const list = [s("11.02", "11.03", "recode", "2021-01-01"), s("11.01", "11.02", "recode", "2020-01-01")];
    expect(resolveForward(list, "11.01", "2022-01-01")).toEqual(["11.03"]);
    expect(resolveBackward(list, "11.03", "2019-01-01")).toEqual(["11.01"]);
  });

  it("resolve a code both split and recoded on one day to the new codes only, sorted", () => {
    const list = [s("11.05", "11.02", "split", "2020-01-01"), s("11.05", "12.01", "recode", "2020-01-01")];
    expect(resolveForward(list, "11.05", "2020-01-01")).toEqual(["11.02", "12.01"]);
  });

  it("sort what a split or a merge resolves to", () => {
    expect(resolveForward([s("11.05", "11.02", "split", "2020-01-01")], "11.05", "2020-06-01")).toEqual(["11.02", "11.05"]);
    const merged = [s("11.05", "11.30", "merge", "2030-01-01"), s("11.02", "11.30", "merge", "2030-01-01")];
    expect(resolveBackward(merged, "11.30", "2029-12-31")).toEqual(["11.02", "11.05"]);
  });

  it("name a region by its latest rename by the date, given out of order, ignoring other regions, other kinds, later dates and unnamed renames", () => {
    const region = { code: "12.77", name: "Kota Padang Sidempuan" };
    const list = [
      s("12.77", "12.77", "rename", "2025-01-01", "Kota Padangsidimpuan Baru"),
      s("12.77", "12.77", "rename", "2023-05-01", "Kota Padangsidimpuan"),
      s("12.77", "12.77", "rename", "2020-01-01", "Kota Padang Sidempuan Lama"),
      s("12.78", "12.78", "rename", "2023-06-01", "Kota Lain"),
      s("12.77", "12.90", "recode", "2023-07-01", "Kota Recode"),
      s("12.77", "12.77", "rename", "2023-08-01", null),
    ];
    expect(regionNameAt(region, list, "2024-01-01")).toBe("Kota Padangsidimpuan");
    expect(regionNameAt(region, list, "2019-12-31")).toBe("Kota Padang Sidempuan");
  });

  it("ignore renames, which keep their code", () => {
    expect(findSuccessionCycle([s("12.77", "12.77", "rename", "2023-05-01", "Kota Padangsidimpuan")])).toBeNull();
  });

  it("resolve a merge forward to the new code and backward to all merged codes", () => {
    const list = [s("11.01", "11.30", "merge", "2030-01-01"), s("11.02", "11.30", "merge", "2030-01-01")];
    expect(resolveForward(list, "11.02", "2031-01-01")).toEqual(["11.30"]);
    expect(resolveBackward(list, "11.30", "2029-12-31")).toEqual(["11.01", "11.02"]);
  });

  it("name a region as it was called on a date", () => {
    const list = [s("12.77", "12.77", "rename", "2023-05-01", "Kota Padangsidimpuan")];
    expect(regionNameAt({ code: "12.77", name: "Kota Padang Sidempuan" }, list, "2023-04-30")).toBe("Kota Padang Sidempuan");
    expect(regionNameAt({ code: "12.77", name: "Kota Padang Sidempuan" }, list, "2023-05-01")).toBe("Kota Padangsidimpuan");
  });

  it("property: a chain of recodes resolves forward then backward to where it began", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), (n) => {
        const codes = Array.from({ length: n + 1 }, (_, i) => `11.${String(i + 1).padStart(2, "0")}`);
        const list = codes.slice(1).map((c, i) => s(codes[i]!, c, "recode", `${2020 + i}-01-01`));
        const end = resolveForward(list, codes[0]!, "2100-01-01");
        return end.length === 1 && end[0] === codes.at(-1) && resolveBackward(list, end[0]!, "2019-12-31")[0] === codes[0];
      }),
    );
  });
});

describe("planRestructuring", () => {
  const state: HierarchyState = {
    regions: [
      { code: "91", name: "Papua", validFrom: null, validTo: null },
      { code: "91.03", name: "Kabupaten Jayapura", validFrom: null, validTo: null },
      { code: "91.05", name: "Kabupaten Kepulauan Yapen", validFrom: null, validTo: null },
      { code: "91.71", name: "Kota Jayapura", validFrom: null, validTo: null },
    ],
    links: [
      { taskForceId: 10, regionCode: "91", validFrom: null, validTo: null },
      { taskForceId: 11, regionCode: "91.03", validFrom: null, validTo: null },
      { taskForceId: 12, regionCode: "91.05", validFrom: null, validTo: null },
      { taskForceId: 13, regionCode: "91.71", validFrom: null, validTo: null },
    ],
    successions: [],
  };
  const split: RestructurePlan = { kind: "split", effectiveDate: "2027-01-01", legalBasis: "UU 1/2027", sourceCode: "91", newCode: "97", newName: "Papua Utara", moves: [{ oldCode: "91.05", newCode: "97.01" }] };

  it("records a future split: a new province with its own task force, a regency moving with its task force", () => {
    const change = planRestructuring(split, state);
    expect(change.newRegions).toEqual([
      { code: "97", name: "Papua Utara", validFrom: "2027-01-01" },
      { code: "97.01", name: "Kabupaten Kepulauan Yapen", validFrom: "2027-01-01" },
    ]);
    expect(change.newTaskForces).toEqual([{ regionCode: "97", validFrom: "2027-01-01" }]);
    expect(change.endRegions).toEqual([{ code: "91.05", validTo: "2026-12-31" }]);
    expect(change.endLinks).toEqual([{ taskForceId: 12, regionCode: "91.05", validTo: "2026-12-31" }]);
    expect(change.newLinks).toEqual([{ taskForceId: 12, regionCode: "97.01", validFrom: "2027-01-01" }]);
    expect(change.successions.map((x) => `${x.oldCode}>${x.newCode}:${x.type}`)).toEqual(["91>97:split", "91.05>97.01:recode"]);
  });

  it("records a merge: the first task force carries on under the new code, the other ends", () => {
    const change = planRestructuring({ kind: "merge", effectiveDate: "2028-01-01", legalBasis: "UU 2/2028", sourceCodes: ["91.03", "91.71"], newCode: "91.72", newName: "Kota Jayapura Raya" }, state);
    expect(change.newLinks).toEqual([{ taskForceId: 11, regionCode: "91.72", validFrom: "2028-01-01" }]);
    expect(change.endTaskForces).toEqual([{ taskForceId: 13, validTo: "2027-12-31" }]);
    expect(change.successions.map((x) => x.type)).toEqual(["merge", "merge"]);
  });

  it("refuses a code in use or used before, a region missing on the date, and a regency moved from elsewhere", () => {
    expect(() => planRestructuring({ ...split, newCode: "91" }, state)).toThrowError(expect.objectContaining({ code: "REGION_CODE_USED" }));
    expect(() => planRestructuring({ ...split, sourceCode: "92" }, state)).toThrowError(expect.objectContaining({ code: "REGION_NOT_AT_DATE" }));
    expect(() => planRestructuring({ ...split, moves: [{ oldCode: "92.01", newCode: "97.01" }] }, state)).toThrowError(expect.objectContaining({ code: "RESTRUCTURE_INVALID", details: { reason: "not_in_source", code: "92.01" } }));
    expect(() => planRestructuring({ ...split, moves: [{ oldCode: "91.05", newCode: "98.01" }] }, state)).toThrowError(expect.objectContaining({ details: { reason: "not_in_new", code: "98.01" } }));
  });

  it("refuses a restructuring dated before a change already recorded for the region", () => {
    const after = { ...state, links: state.links.map((l) => (l.regionCode === "91.05" ? { ...l, validFrom: "2027-06-01" } : l)) };
    expect(() => planRestructuring(split, after)).toThrowError(expect.objectContaining({ code: "REGION_NOT_AT_DATE" }));
    const recorded = { ...state, successions: [s("91.05", "91.05", "rename", "2027-03-01", "Kab. Yapen")] };
    expect(() => planRestructuring(split, recorded)).toThrowError(expect.objectContaining({ code: "RESTRUCTURE_TOO_EARLY" }));
  });

  it("refuses a recode back to a code used before (REGION_CODE_USED), before it could close a cycle", () => {
    const withHistory: HierarchyState = { ...state, regions: [...state.regions, { code: "91.90", name: "x", validFrom: null, validTo: "2020-12-31" }], successions: [s("91.90", "91.03", "recode", "2021-01-01")] };
    expect(() => planRestructuring({ kind: "recode", effectiveDate: "2029-01-01", legalBasis: "x 1", oldCode: "91.03", newCode: "91.90", newName: null }, withHistory)).toThrowError(
      expect.objectContaining({ code: "REGION_CODE_USED" }),
    );
  });

  it("records a rename as a succession to the same code", () => {
    const change = planRestructuring({ kind: "rename", effectiveDate: "2027-01-01", legalBasis: "PP 3/2026", code: "91.71", newName: "Kota Port Numbay" }, state);
    expect(change.successions).toEqual([{ oldCode: "91.71", newCode: "91.71", type: "rename", effectiveDate: "2027-01-01", newName: "Kota Port Numbay", legalBasis: "PP 3/2026" }]);
    expect(change.newRegions).toEqual([]);
  });

  const refusal = (plan: RestructurePlan, at: HierarchyState = state) => {
    try {
      planRestructuring(plan, at);
    } catch (error) {
      const e = error as { code?: string; details?: unknown };
      return { code: e.code, details: e.details };
    }
    return "no error";
  };
  const invalid = (details: Record<string, string>) => ({ code: "RESTRUCTURE_INVALID", details });
  const merge = (sourceCodes: string[], newCode: string): RestructurePlan => ({ kind: "merge", effectiveDate: "2028-01-01", legalBasis: "UU 2/2028", sourceCodes, newCode, newName: "Kota Baru" });
  const recode = (oldCode: string, newCode: string, newName: string | null = null): RestructurePlan => ({ kind: "recode", effectiveDate: "2029-01-01", legalBasis: "PP 9/2028", oldCode, newCode, newName });

  it("refuses a new code whose time zone cannot be told (a Kalimantan-like 60): RESTRUCTURE_INVALID time_zone", () => {
    expect(refusal({ ...split, newCode: "60", moves: [] })).toEqual(invalid({ reason: "time_zone", code: "60" }));
  });

  it("refuses a split whose new region is not of the source's level: RESTRUCTURE_INVALID level", () => {
    expect(refusal({ ...split, newCode: "97.01", moves: [] })).toEqual(invalid({ reason: "level", code: "97.01" }));
  });

  it("refuses moves out of a split regency (only provinces hand regencies over): RESTRUCTURE_INVALID moves_need_provinces", () => {
    expect(refusal({ ...split, sourceCode: "91.03", newCode: "91.06", moves: [{ oldCode: "91.05", newCode: "91.07" }] })).toEqual(invalid({ reason: "moves_need_provinces" }));
  });

  it("refuses a regency split into another province: RESTRUCTURE_INVALID other_province", () => {
    expect(refusal({ ...split, sourceCode: "91.03", newCode: "92.06", moves: [] })).toEqual(invalid({ reason: "other_province", code: "92.06" }));
  });

  it("records a regency split within its province: a new regency with its own task force, the source going on", () => {
    const change = planRestructuring({ ...split, sourceCode: "91.03", newCode: "91.06", newName: "Kabupaten Jayapura Utara", moves: [] }, state);
    expect(change.newRegions).toEqual([{ code: "91.06", name: "Kabupaten Jayapura Utara", validFrom: "2027-01-01" }]);
    expect(change.newTaskForces).toEqual([{ regionCode: "91.06", validFrom: "2027-01-01" }]);
    expect(change.endRegions).toEqual([]);
    expect(change.endLinks).toEqual([]);
    expect(change.successions).toEqual([{ oldCode: "91.03", newCode: "91.06", type: "split", effectiveDate: "2027-01-01", newName: "Kabupaten Jayapura Utara", legalBasis: "UU 1/2027" }]);
  });

  it("refuses a regency moved twice, or two regencies moved to one code: RESTRUCTURE_INVALID repeated", () => {
    expect(refusal({ ...split, moves: [{ oldCode: "91.05", newCode: "97.01" }, { oldCode: "91.05", newCode: "97.02" }] })).toEqual(invalid({ reason: "repeated", code: "97.02" }));
    expect(refusal({ ...split, moves: [{ oldCode: "91.03", newCode: "97.01" }, { oldCode: "91.05", newCode: "97.01" }] })).toEqual(invalid({ reason: "repeated", code: "97.01" }));
  });

  it("refuses a move to a code already in use: REGION_CODE_USED", () => {
    expect(refusal({ ...split, moves: [{ oldCode: "91.05", newCode: "97.01" }] }, { ...state, regions: [...state.regions, { code: "97.01", name: "x", validFrom: null, validTo: "2001-12-31" }] })).toEqual({
      code: "REGION_CODE_USED",
      details: { code: "97.01" },
    });
  });

  it("moves several regencies in one split, each with its own task force and name", () => {
    const change = planRestructuring({ ...split, moves: [{ oldCode: "91.05", newCode: "97.01" }, { oldCode: "91.71", newCode: "97.71" }] }, state);
    expect(change.newRegions.map((r) => `${r.code} ${r.name}`)).toEqual(["97 Papua Utara", "97.01 Kabupaten Kepulauan Yapen", "97.71 Kota Jayapura"]);
    expect(change.newLinks).toEqual([
      { taskForceId: 12, regionCode: "97.01", validFrom: "2027-01-01" },
      { taskForceId: 13, regionCode: "97.71", validFrom: "2027-01-01" },
    ]);
    expect(change.endTaskForces).toEqual([]);
  });

  it("refuses a merge naming a region twice: RESTRUCTURE_INVALID repeated", () => {
    expect(refusal(merge(["91.03", "91.03"], "91.72"))).toEqual(invalid({ reason: "repeated" }));
  });

  it("refuses a merge across levels: RESTRUCTURE_INVALID level", () => {
    expect(refusal(merge(["91.03", "91"], "91.72"))).toEqual(invalid({ reason: "level" }));
    expect(refusal(merge(["91.03", "91.71"], "97"))).toEqual(invalid({ reason: "level" }));
  });

  it("refuses a merge of provinces: RESTRUCTURE_INVALID province_merge_unsupported", () => {
    const withPapuaBarat = { ...state, regions: [...state.regions, { code: "92", name: "Papua Barat", validFrom: null, validTo: null }], links: [...state.links, { taskForceId: 20, regionCode: "92", validFrom: null, validTo: null }] };
    expect(refusal(merge(["91", "92"], "97"), withPapuaBarat)).toEqual(invalid({ reason: "province_merge_unsupported" }));
  });

  it("records a merge of three: the first carries on, the other two end with their task forces", () => {
    const change = planRestructuring(merge(["91.05", "91.03", "91.71"], "91.72"), state);
    expect(change.endRegions).toEqual([
      { code: "91.05", validTo: "2027-12-31" },
      { code: "91.03", validTo: "2027-12-31" },
      { code: "91.71", validTo: "2027-12-31" },
    ]);
    expect(change.newRegions).toEqual([{ code: "91.72", name: "Kota Baru", validFrom: "2028-01-01" }]);
    expect(change.endLinks.map((l) => l.taskForceId)).toEqual([12, 11, 13]);
    expect(change.newLinks).toEqual([{ taskForceId: 12, regionCode: "91.72", validFrom: "2028-01-01" }]);
    expect(change.endTaskForces).toEqual([
      { taskForceId: 11, validTo: "2027-12-31" },
      { taskForceId: 13, validTo: "2027-12-31" },
    ]);
    expect(change.successions.map((x) => `${x.oldCode}>${x.newCode}:${x.type}:${x.newName}`)).toEqual(["91.05>91.72:merge:Kota Baru", "91.03>91.72:merge:Kota Baru", "91.71>91.72:merge:Kota Baru"]);
  });

  it("refuses a merge with a region missing on the date: REGION_NOT_AT_DATE", () => {
    expect(refusal(merge(["91.03", "91.09"], "91.72"))).toEqual({ code: "REGION_NOT_AT_DATE", details: { code: "91.09", date: "2028-01-01" } });
  });

  it("refuses a recode to the same code: RESTRUCTURE_INVALID same_code", () => {
    expect(refusal(recode("91.03", "91.03"))).toEqual(invalid({ reason: "same_code" }));
  });

  it("refuses a recode across levels: RESTRUCTURE_INVALID level", () => {
    expect(refusal(recode("91.03", "97"))).toEqual(invalid({ reason: "level" }));
  });

  it("refuses a recode into another province: RESTRUCTURE_INVALID other_province", () => {
    expect(refusal(recode("91.03", "92.06"))).toEqual(invalid({ reason: "other_province", code: "92.06" }));
    expect(refusal(recode("91.03", "80.08"))).toEqual(invalid({ reason: "other_province", code: "80.08" }));
  });

  it("refuses a merge into another province, or of regencies of two provinces: RESTRUCTURE_INVALID other_province", () => {
    expect(refusal(merge(["91.03", "91.71"], "80.08"))).toEqual(invalid({ reason: "other_province", code: "80.08" }));
    expect(refusal(merge(["91.03", "92.71"], "91.72"))).toEqual(invalid({ reason: "other_province", code: "91.72" }));
  });

  it("refuses a recode of a province: RESTRUCTURE_INVALID province_recode_unsupported", () => {
    expect(refusal(recode("91", "97"))).toEqual(invalid({ reason: "province_recode_unsupported" }));
  });

  it("records a recode keeping the region's name unless a new one is given", () => {
    expect(planRestructuring(recode("91.03", "91.06"), state).newRegions).toEqual([{ code: "91.06", name: "Kabupaten Jayapura", validFrom: "2029-01-01" }]);
    const renamed = planRestructuring(recode("91.03", "91.06", "Kabupaten Tabi"), state);
    expect(renamed.newRegions).toEqual([{ code: "91.06", name: "Kabupaten Tabi", validFrom: "2029-01-01" }]);
    expect(renamed.endRegions).toEqual([{ code: "91.03", validTo: "2028-12-31" }]);
    expect(renamed.endLinks).toEqual([{ taskForceId: 11, regionCode: "91.03", validTo: "2028-12-31" }]);
    expect(renamed.newLinks).toEqual([{ taskForceId: 11, regionCode: "91.06", validFrom: "2029-01-01" }]);
    expect(renamed.successions).toEqual([{ oldCode: "91.03", newCode: "91.06", type: "recode", effectiveDate: "2029-01-01", newName: "Kabupaten Tabi", legalBasis: "PP 9/2028" }]);
  });

  it("refuses a rename of a region missing on the date: REGION_NOT_AT_DATE", () => {
    expect(refusal({ kind: "rename", effectiveDate: "2027-01-01", legalBasis: "PP 3/2026", code: "91.09", newName: "Kota X" })).toMatchObject({ code: "REGION_NOT_AT_DATE" });
  });

  it("refuses a change dated on the very day of the region's last change (RESTRUCTURE_TOO_EARLY), and takes one the day after", () => {
    const changedOn = (date: string): HierarchyState => ({ ...state, successions: [s("91.03", "91.03", "rename", date, "Kab. Jayapura")] });
    expect(refusal(recode("91.03", "91.06"), changedOn("2029-01-01"))).toEqual({ code: "RESTRUCTURE_TOO_EARLY", details: { code: "91.03", date: "2029-01-01" } });
    expect(refusal(recode("91.03", "91.06"), changedOn("2028-12-31"))).toBe("no error");
    const linkedOn = { ...state, links: state.links.map((l) => (l.regionCode === "91.03" ? { ...l, validFrom: "2029-01-01" } : l)) };
    expect(refusal(recode("91.03", "91.06"), linkedOn)).toMatchObject({ code: "RESTRUCTURE_TOO_EARLY" });
    const regionFrom = { ...state, regions: state.regions.map((r) => (r.code === "91.03" ? { ...r, validFrom: "2029-01-01" } : r)) };
    expect(refusal(recode("91.03", "91.06"), regionFrom)).toMatchObject({ code: "RESTRUCTURE_TOO_EARLY" });
  });

  it("counts as the region's last change a succession into it or out of it on the date, but not another region's", () => {
    const withSuccession = (x: Succession): HierarchyState => ({ ...state, successions: [x] });
    expect(refusal(recode("91.03", "91.06"), withSuccession(s("91.80", "91.03", "recode", "2029-01-01")))).toMatchObject({ code: "RESTRUCTURE_TOO_EARLY" });
    expect(refusal(recode("91.03", "91.06"), withSuccession(s("91.03", "91.81", "split", "2029-01-01")))).toMatchObject({ code: "RESTRUCTURE_TOO_EARLY" });
    expect(refusal(recode("91.03", "91.06"), withSuccession(s("91.05", "91.82", "split", "2030-01-01")))).toBe("no error");
  });

  it("refuses a split moving a regency missing on the date: REGION_NOT_AT_DATE", () => {
    expect(refusal({ ...split, moves: [{ oldCode: "91.09", newCode: "97.09" }] })).toEqual({ code: "REGION_NOT_AT_DATE", details: { code: "91.09", date: "2027-01-01" } });
  });

  it("refuses a region whose task-force link has ended before the date: REGION_NOT_AT_DATE", () => {
    const ended = { ...state, links: state.links.map((l) => (l.regionCode === "91.03" ? { ...l, validTo: "2028-12-31" } : l)) };
    expect(refusal(recode("91.03", "91.06"), ended)).toMatchObject({ code: "REGION_NOT_AT_DATE" });
  });

  it("refuses a recode that closes a cycle with history whose region is not on record: SUCCESSION_CYCLE", () => {
    const history: HierarchyState = { ...state, successions: [s("91.90", "91.03", "recode", "2021-01-01")] };
    expect(refusal(recode("91.03", "91.90"), history)).toEqual({ code: "SUCCESSION_CYCLE", details: { codes: "91.90 → 91.03 → 91.90" } });
  });
});
