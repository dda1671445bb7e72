import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupFixture } from "../../test-helpers.ts";
import type { Fixture } from "../../test-helpers.ts";

let fx: Fixture;
beforeAll(async () => {
  fx = await setupFixture();
}, 120_000);
afterAll(() => fx.close());

describe("hierarchy.search by codes and names no longer valid", () => {
  it("answers an old code (91.01) with its successor, Kabupaten Merauke 93.01, and the change explained", async () => {
    const found = await fx.callerAs("centralViewer").hierarchy.search({ query: "91.01" });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ regionCode: "93.01", regionName: "Kabupaten Merauke", level: "regency" });
    expect(found[0]!.formerly).toEqual([
      { code: "91.01", name: "Kabupaten Merauke", type: "recode", effectiveDate: "2022-07-25", legalBasis: "UU 14/2022", newCode: "93.01", newName: "Kabupaten Merauke", newProvinceName: "Papua Selatan" },
    ]);
    expect((await fx.callerAs("centralViewer").hierarchy.search({ query: "9101" })).map((t) => t.regionCode)).toEqual(["93.01"]);
  });

  it("answers a name both current and old once: today's Kabupaten Merauke, with its former code", async () => {
    const found = await fx.callerAs("centralViewer").hierarchy.search({ query: "Merauke" });
    expect(found.map((t) => t.regionCode)).toEqual(["93.01"]);
    expect(found[0]!.formerly.map((f) => f.code)).toEqual(["91.01"]);
  });

  it("answers an old name by its successor: Kota Sorong's 92.71 became 96.71 under UU 29/2022", async () => {
    const found = await fx.callerAs("centralViewer").hierarchy.search({ query: "92.71" });
    expect(found.map((t) => t.regionCode)).toEqual(["96.71"]);
    expect(found[0]!.formerly[0]).toMatchObject({ code: "92.71", effectiveDate: "2022-12-08", legalBasis: "UU 29/2022" });
  });

  it("matches only today's task forces on a date before the change", async () => {
    const found = await fx.callerAs("centralViewer").hierarchy.search({ query: "91.01", at: "2021-06-01" });
    expect(found.map((t) => [t.regionCode, t.formerly])).toEqual([["91.01", []]]);
  });

  it("keeps today's matches as they were, with nothing former", async () => {
    const found = await fx.callerAs("centralViewer").hierarchy.search({ query: "Bekasi" });
    expect(found.map((t) => [t.regionCode, t.formerly])).toEqual([
      ["32.16", []],
      ["32.75", []],
    ]);
  });

  it("finds nothing for a code never used", async () => {
    expect(await fx.callerAs("centralViewer").hierarchy.search({ query: "99.99" })).toEqual([]);
  });

  it("answers no successor outside the caller's scope: Jawa Barat does not hear of Merauke", async () => {
    expect(await fx.callerAs("provinceMember").hierarchy.search({ query: "91.01" })).toEqual([]);
  });
});
