import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing.ts";
import { listTaskForcesOfRegions, searchFormerRegions } from "./hierarchy.ts";

const TODAY = "2026-11-28";

describe("searchFormerRegions: codes and names no longer valid on a date", () => {
  const h = createTestDatabase();
  afterAll(() => h.close());
  const search = (query: { words?: string[]; codePrefix?: string | null }, at = TODAY) => searchFormerRegions(h.db, { words: [], limit: 20, at, ...query });

  it("finds Kabupaten Merauke's old code 91.01 with its recode to 93.01 under UU 14/2022", () => {
    expect(search({ codePrefix: "91.01" })).toEqual([
      { oldCode: "91.01", oldName: "Kabupaten Merauke", newCode: "93.01", type: "recode", effectiveDate: "2022-07-25", legalBasis: "UU 14/2022", newRegionName: "Kabupaten Merauke", newProvinceName: "Papua Selatan" },
    ]);
  });

  it("finds an old name too, though the same name is also today's (Merauke is 93.01 now)", () => {
    expect(search({ words: ["merauke"] }).map((m) => [m.oldCode, m.newCode])).toEqual([["91.01", "93.01"]]);
  });

  it("finds nothing before the change took effect: on 2022-07-24 91.01 is still in use", () => {
    expect(search({ codePrefix: "91.01" }, "2022-07-24")).toEqual([]);
  });

  it("finds nothing for a code still in use (91, Papua) or never used (99.99)", () => {
    expect(search({ codePrefix: "91" }).map((m) => m.oldCode)).not.toContain("91");
    expect(search({ codePrefix: "99.99" })).toEqual([]);
    expect(search({ words: [] })).toEqual([]);
  });

  it("lists the task forces that stand for given codes on a date", () => {
    expect(listTaskForcesOfRegions(h.db, { codes: ["93.01", "32.75"], at: TODAY }).map((t) => t.regionCode)).toEqual(["32.75", "93.01"]);
    expect(listTaskForcesOfRegions(h.db, { codes: ["91.01"], at: TODAY })).toEqual([]);
    expect(listTaskForcesOfRegions(h.db, { codes: [], at: TODAY })).toEqual([]);
  });
});
