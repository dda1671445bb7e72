import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import {
  RadItemSchema,
  RadPlanInstrumentSchema,
  assertNoRadProblem,
  assertRadLevel,
  assertRadPeriodOpen,
  checkRadInstrument,
  checkRadItem,
  isRadPeriodOpen,
  mayRadFollow,
  radCodeKey,
  radInstrumentTypesFor,
} from "./rad.ts";
import type { RadItem } from "./rad.ts";

const periodIV = { id: 4, number: 4, firstYear: 2025, lastYear: 2029, status: "adopted" as const };
const item: RadItem = {
  subTaskForce: "prevention",
  code: "RAD.1.1",
  programme: "Pencegahan di desa",
  activity: "Sosialisasi pencegahan TPPO di desa rawan",
  indicator: "Jumlah desa yang disosialisasi",
  unit: "count",
  baseline: 2,
  targetMode: "per_year",
  targets: [
    { year: 2026, value: 5 },
    { year: 2027, value: 8 },
  ],
  leadAgency: "DP3A Provinsi",
  relatedAgencies: [],
  followsItemId: 7,
};
const provinceItem = { periodId: 4, level: "province" as const, subTaskForce: "prevention" as const };
const context = { followed: provinceItem, level: "province" as const, period: periodIV, otherCodes: [] as string[] };

describe("a RAD item as entered", () => {
  it("takes a RAN item's fields and the item it follows, without a level", () => {
    expect(RadItemSchema.parse(item)).toMatchObject({ code: "RAD.1.1", followsItemId: 7 });
    expect(RadItemSchema.safeParse({ ...item, level: "province" }).success).toBe(false);
  });

  it("refuses an item that follows nothing: RAD_FOLLOWS_REQUIRED", () => {
    const { followsItemId: _drop, ...rest } = item;
    const result = RadItemSchema.safeParse(rest);
    expect(result.error?.issues[0]?.message).toBe("RAD_FOLLOWS_REQUIRED");
    expect(RadItemSchema.safeParse({ ...item, followsItemId: 0 }).error?.issues[0]?.message).toBe("RAD_FOLLOWS_REQUIRED");
  });

  it("keeps the RAN item's field rules: an NIK in the activity is refused as PERSONAL_DATA_IN_TEXT", () => {
    const result = RadItemSchema.safeParse({ ...item, activity: "Kunjungan ke 3275014501900001" });
    expect(result.error?.issues[0]?.message).toBe("PERSONAL_DATA_IN_TEXT");
  });
});

describe("what a RAD item may follow", () => {
  it("follows a RAN item of the same period, sub-task-force and the task force's own level", () => {
    expect(mayRadFollow(item, provinceItem, { level: "province", periodId: 4 })).toBe(true);
  });

  it("does not follow a national-level item, though mayFollow would allow a higher level", () => {
    expect(mayRadFollow(item, { ...provinceItem, level: "national" }, { level: "province", periodId: 4 })).toBe(false);
    expect(checkRadItem(item, { ...context, followed: { ...provinceItem, level: "national" } })).toEqual([{ path: "followsItemId", code: "RAD_FOLLOWS_INVALID" }]);
  });

  it("does not let a regency follow a province-level item", () => {
    expect(checkRadItem(item, { ...context, level: "regency" })).toEqual([{ path: "followsItemId", code: "RAD_FOLLOWS_INVALID" }]);
  });

  it("does not follow an item of another period", () => {
    expect(checkRadItem(item, { ...context, followed: { ...provinceItem, periodId: 3 } })).toEqual([{ path: "followsItemId", code: "RAD_FOLLOWS_INVALID" }]);
  });

  it("does not follow an item that does not exist", () => {
    expect(checkRadItem(item, { ...context, followed: undefined })).toEqual([{ path: "followsItemId", code: "RAD_FOLLOWS_INVALID" }]);
  });

  it("refuses another sub-task-force than the followed item's: RAD_SUB_TASK_FORCE_MISMATCH", () => {
    expect(checkRadItem({ ...item, subTaskForce: "law_enforcement" }, context)).toEqual([{ path: "subTaskForce", code: "RAD_SUB_TASK_FORCE_MISMATCH" }]);
  });
});

describe("a RAD item's targets and code", () => {
  it("accepts targets in the period's years", () => {
    expect(checkRadItem(item, context)).toEqual([]);
  });

  it("refuses a target in a year outside the period (2030 in 2025–2029)", () => {
    expect(checkRadItem({ ...item, targets: [{ year: 2030, value: 1 }] }, context)).toEqual([{ path: "targets.0.year", code: "TARGET_YEAR_OUTSIDE_PERIOD" }]);
  });

  it("refuses a fraction in a unit that counts whole things", () => {
    expect(checkRadItem({ ...item, targets: [{ year: 2026, value: 1.5 }] }, context)).toEqual([{ path: "targets.0.value", code: "TARGET_NOT_WHOLE" }]);
  });

  it("refuses a code another item of the plan has, in another case", () => {
    expect(checkRadItem(item, { ...context, otherCodes: ["rad.1.1"] })).toEqual([{ path: "code", code: "RAD_ITEM_CODE_TAKEN", details: { code: "RAD.1.1" } }]);
    expect(radCodeKey(" RAD.1.1 ")).toBe(radCodeKey("rad.1.1"));
  });

  it("throws the first problem with the field it concerns", () => {
    expect(() => assertNoRadProblem(checkRadItem(item, { ...context, followed: undefined }))).toThrow(expect.objectContaining({ code: "RAD_FOLLOWS_INVALID", details: { path: "followsItemId" } }));
    expect(() => assertNoRadProblem([])).not.toThrow();
  });
});

describe("the RAD's adopting instrument", () => {
  const instrument = { type: "pergub", number: "12/2026", adoptedOn: "2026-03-02", documentRef: "https://jdih.jabarprov.go.id/pergub-12-2026" };

  it("accepts a Pergub with an http(s) document link, and no link at all", () => {
    expect(RadPlanInstrumentSchema.parse(instrument)).toEqual(instrument);
    expect(RadPlanInstrumentSchema.parse({ ...instrument, documentRef: undefined }).documentRef).toBeNull();
  });

  it("refuses a Perpres: INSTRUMENT_TYPE_MISMATCH", () => {
    expect(RadPlanInstrumentSchema.safeParse({ ...instrument, type: "perpres" }).error?.issues[0]?.message).toBe("INSTRUMENT_TYPE_MISMATCH");
  });

  it("refuses a document reference that is not an http(s) link (javascript:, an archive number)", () => {
    for (const documentRef of ["javascript:alert(1)", "Arsip 12/2026"]) {
      expect(RadPlanInstrumentSchema.safeParse({ ...instrument, documentRef }).error?.issues[0]?.message).toBe("DOCUMENT_REF_INVALID");
    }
  });

  it("refuses a missing adoption date: DATE_REQUIRED", () => {
    expect(RadPlanInstrumentSchema.safeParse({ ...instrument, adoptedOn: "" }).error?.issues[0]?.message).toBe("DATE_REQUIRED");
  });

  it("offers a city the Perwali, its SK and a Perda, never a Perpres or a Perbup", () => {
    expect(radInstrumentTypesFor("regency", "kota")).toEqual(["perwali", "sk_walikota", "perda"]);
    expect(radInstrumentTypesFor("national", null)).toEqual([]);
  });

  it("refuses a Perbup for a province's RAD", () => {
    expect(checkRadInstrument({ type: "perbup", adoptedOn: "2026-03-02" }, { level: "province", kind: null, period: periodIV, today: "2026-11-28" })).toEqual([
      { path: "type", code: "INSTRUMENT_TYPE_MISMATCH", details: { type: "perbup", level: "province" } },
    ]);
  });

  it("refuses an adoption date after today", () => {
    expect(checkRadInstrument({ type: "pergub", adoptedOn: "2026-11-29" }, { level: "province", kind: null, period: periodIV, today: "2026-11-28" })).toEqual([
      { path: "adoptedOn", code: "DATE_IN_FUTURE", details: { latest: "2026-11-28" } },
    ]);
  });

  it("accepts an adoption before the period began (2024 for 2025–2029), not years before it", () => {
    expect(checkRadInstrument({ type: "pergub", adoptedOn: "2024-12-01" }, { level: "province", kind: null, period: periodIV, today: "2026-11-28" })).toEqual([]);
    expect(checkRadInstrument({ type: "pergub", adoptedOn: "2019-01-01" }, { level: "province", kind: null, period: periodIV, today: "2026-11-28" })[0]?.code).toBe("ADOPTION_TOO_EARLY");
  });

  it("refuses an adoption after the period ended", () => {
    expect(checkRadInstrument({ type: "pergub", adoptedOn: "2030-01-02" }, { level: "province", kind: null, period: periodIV, today: "2031-01-01" })[0]?.code).toBe("ADOPTION_AFTER_PERIOD");
  });
});

describe("who has a RAD, and when it can change", () => {
  it("refuses the national task force: RAD_NOT_FOR_NATIONAL", () => {
    expect(() => assertRadLevel("national")).toThrow(DomainError);
    expect(() => assertRadLevel("national")).toThrow(expect.objectContaining({ code: "RAD_NOT_FOR_NATIONAL" }));
    expect(() => assertRadLevel("province")).not.toThrow();
    expect(() => assertRadLevel("regency")).not.toThrow();
  });

  it("opens the adopted period containing today, on its first and last day", () => {
    expect(isRadPeriodOpen(periodIV, "2025-01-01")).toBe(true);
    expect(isRadPeriodOpen(periodIV, "2029-12-31")).toBe(true);
  });

  it("closes an earlier period once it has ended", () => {
    expect(isRadPeriodOpen({ ...periodIV, firstYear: 2020, lastYear: 2024 }, "2026-11-28")).toBe(false);
    expect(() => assertRadPeriodOpen({ ...periodIV, number: 3, firstYear: 2020, lastYear: 2024 }, "2026-11-28")).toThrow(expect.objectContaining({ code: "RAD_PERIOD_CLOSED", details: { number: 3 } }));
  });

  it("keeps a current period closed while it is still a draft", () => {
    expect(isRadPeriodOpen({ ...periodIV, status: "draft" }, "2026-11-28")).toBe(false);
  });

  it("keeps a future period closed", () => {
    expect(isRadPeriodOpen({ ...periodIV, firstYear: 2030, lastYear: 2034 }, "2026-11-28")).toBe(false);
  });
});
