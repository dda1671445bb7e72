import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayAfter, dayBefore, isValidAt, validitiesOverlap } from "../dates.ts";
import { SUB_TASK_FORCE_CODES } from "../sub-task-forces.ts";
import { MembershipSchema, allSeats, compositionAt, findSeatOverlaps, holderAt, seatOf } from "./composition.ts";
import { countCoverage, coverageShare } from "./coverage.ts";
import type { CoverageEntry } from "./coverage.ts";
import { checkImportRowFields, importFieldOf, normalizeInstrumentType } from "./import.ts";
import { InstrumentSchema, checkInstrumentForTaskForce, formationStatusAt, instrumentFits, instrumentTypesFor, sortInstruments } from "./instruments.ts";

const sk = (issuedOn: string, extra: Partial<{ endsOn: string | null; revokedOn: string | null; id: number }> = {}) => ({ issuedOn, endsOn: null, revokedOn: null, ...extra });

describe("instrument types", () => {
  it("fit their level: Perpres for the nation, Pergub for a province, Perbup for a kabupaten, Perwali for a kota", () => {
    expect(instrumentFits("perpres", "national", null)).toBe(true);
    expect(instrumentFits("pergub", "province", null)).toBe(true);
    expect(instrumentFits("perbup", "regency", "kabupaten")).toBe(true);
    expect(instrumentFits("perbup", "regency", "kota")).toBe(false);
    expect(instrumentFits("perwali", "regency", "kota")).toBe(true);
    expect(instrumentFits("pergub", "regency", "kota")).toBe(false);
    expect(instrumentFits("perda", "national", null)).toBe(false);
  });

  it("list the choices for a city", () => {
    expect(instrumentTypesFor("regency", "kota")).toEqual(["perwali", "sk_walikota", "perda"]);
  });
});

describe("normalizeInstrumentType", () => {
  it.each([
    ["Perwali", "perwali"],
    ["Pergub.", "pergub"],
    ["S.K. Gubernur", "sk_gubernur"],
    ["SK-Bupati", "sk_bupati"],
    ["Keputusan Wali Kota", "sk_walikota"],
    ["  Peraturan  Daerah ", "perda"],
    ["Peraturan Presiden", "perpres"],
    ["Peraturan Gubernur", "pergub"],
    ["Peraturan Bupati", "perbup"],
    ["Peraturan Wali Kota", "perwali"],
    ["Peraturan Walikota", "perwali"],
    ["SK Wali Kota", "sk_walikota"],
    ["Keputusan Gubernur", "sk_gubernur"],
    ["Keputusan Bupati", "sk_bupati"],
    ["Keputusan Walikota", "sk_walikota"],
    ["_ Perda _", "perda"],
  ])("reads %j as %j, whatever its dots, dashes and spaces", (written, code) => {
    expect(normalizeInstrumentType(written)).toBe(code);
  });
});

describe("instrument choices by level and kind", () => {
  it("give the nation a Perpres only, a province its Pergub, SK and Perda, a kabupaten its Perbup, SK and Perda", () => {
    expect(instrumentTypesFor("national", null)).toEqual(["perpres"]);
    expect(instrumentTypesFor("province", null)).toEqual(["pergub", "sk_gubernur", "perda"]);
    expect(instrumentTypesFor("regency", "kabupaten")).toEqual(["perbup", "sk_bupati", "perda"]);
  });

  it("give a regency of unknown kind only what fits any kind (a Perda)", () => {
    expect(instrumentTypesFor("regency", null)).toEqual(["perda"]);
    expect(instrumentFits("perwali", "regency", null)).toBe(false);
  });
});

describe("importFieldOf", () => {
  it.each([
    ["Kode Wilayah", "regionCode"],
    ["  JENIS ", "type"],
    ["jenis-instrumen", "type"],
    ["No", "number"],
    ["Tanggal Penetapan", "issuedOn"],
    ["issued_on", "issuedOn"],
    ["Penerbit", "issuer"],
  ])("reads the header %j as %s, whatever its case, spaces and dashes", (header, field) => {
    expect(importFieldOf(header)).toBe(field);
  });

  it("knows no field for another header, nor for one glued together", () => {
    expect(importFieldOf("warna")).toBeUndefined();
    expect(importFieldOf("kodewilayah")).toBeUndefined();
    expect(importFieldOf("")).toBeUndefined();
  });
});

describe("checkImportRowFields", () => {
  const row = { row: 2, regionCode: " 32.75 ", type: "Perwali", number: "460/105/2017", issuedOn: " 2017-03-01 ", issuer: null };

  it("reads a clean row, trimming the code and the date, with no issuer when none is given", () => {
    expect(checkImportRowFields(row)).toEqual({ issues: [], value: { regionCode: "32.75", type: "perwali", number: "460/105/2017", issuedOn: "2017-03-01", issuer: null } });
    expect(checkImportRowFields({ ...row, issuer: "   " }).value?.issuer).toBeNull();
  });

  it("keeps an issuer the file gives, trimmed", () => {
    expect(checkImportRowFields({ ...row, issuer: " Wali Kota Bekasi " }).value?.issuer).toBe("Wali Kota Bekasi");
  });

  it("names every bad field with its code, and gives no value", () => {
    expect(checkImportRowFields({ row: 3, regionCode: "3275x", type: "keppres", number: " ", issuedOn: "2017-02-30", issuer: "W" })).toEqual({
      issues: [
        { field: "regionCode", messageKey: "REGION_CODE_MALFORMED" },
        { field: "type", messageKey: "INSTRUMENT_TYPE_INVALID" },
        { field: "number", messageKey: "INSTRUMENT_NUMBER_INVALID" },
        { field: "issuedOn", messageKey: "DATE_INVALID" },
        { field: "issuer", messageKey: "INSTRUMENT_ISSUER_INVALID" },
      ],
      value: null,
    });
  });

  it.each([
    ["regionCode", { regionCode: "32.70" }],
    ["type", { type: "Keppres" }],
    ["issuedOn", { issuedOn: "01-03-2017" }],
    ["issuer", { issuer: "W" }],
  ])("refuses a row with only its %s wrong", (field, change) => {
    const result = checkImportRowFields({ ...row, ...change });
    expect(result.issues.map((i) => i.field)).toEqual([field]);
    expect(result.value).toBeNull();
  });
});

describe("checkInstrumentForTaskForce", () => {
  const place = { level: "regency" as const, kind: "kota" as const, today: "2026-11-28", existedOnIssueDate: true };

  it("finds nothing wrong with a fitting instrument dated today or earlier", () => {
    expect(checkInstrumentForTaskForce({ type: "perwali", issuedOn: "2026-11-28", revokedOn: "2026-11-28" }, place)).toEqual([]);
    expect(checkInstrumentForTaskForce({ type: "perwali", issuedOn: "2017-03-01", revokedOn: null }, place)).toEqual([]);
    expect(checkInstrumentForTaskForce({ type: "perwali", issuedOn: "2017-03-01" }, place)).toEqual([]);
  });

  it("reports every broken rule in order, each with its field and details", () => {
    expect(checkInstrumentForTaskForce({ type: "perbup", issuedOn: "2026-11-29", revokedOn: "2026-12-01" }, { ...place, existedOnIssueDate: false })).toEqual([
      { field: "type", code: "INSTRUMENT_TYPE_MISMATCH", details: { type: "perbup", level: "regency" } },
      { field: "issuedOn", code: "DATE_IN_FUTURE", details: { field: "issuedOn", today: "2026-11-28" } },
      { field: "revokedOn", code: "DATE_IN_FUTURE", details: { field: "revokedOn", today: "2026-11-28" } },
      { field: "issuedOn", code: "REGION_NOT_AT_DATE", details: { field: "issuedOn", date: "2026-11-29" } },
    ]);
  });
});

describe("InstrumentSchema", () => {
  const good = { type: "perwali", number: "460/105/2017", issuedOn: "2017-03-01", issuer: "Wali Kota Bekasi" };
  it("accepts an instrument and fills optional fields with null", () => {
    expect(InstrumentSchema.parse(good)).toEqual({ ...good, documentRef: null, endsOn: null, revokedOn: null });
  });
  it("accepts an end or revocation on the day of issue or later", () => {
    expect(InstrumentSchema.safeParse({ ...good, endsOn: "2017-03-01", revokedOn: "2017-03-01" }).success).toBe(true);
    expect(InstrumentSchema.safeParse({ ...good, endsOn: "2020-12-31", revokedOn: "2019-01-01" }).success).toBe(true);
  });

  it("names the field of an end or revocation before the date", () => {
    expect(InstrumentSchema.safeParse({ ...good, endsOn: "2017-02-28" }).error?.issues).toEqual([expect.objectContaining({ code: "custom", path: ["endsOn"], message: "INSTRUMENT_END_BEFORE_START" })]);
    expect(InstrumentSchema.safeParse({ ...good, revokedOn: "2017-02-28" }).error?.issues).toEqual([expect.objectContaining({ code: "custom", path: ["revokedOn"], message: "INSTRUMENT_END_BEFORE_START" })]);
  });

  it("refuses an end or revocation before the date, an unknown type, an empty number", () => {
    const issues = (v: unknown) => InstrumentSchema.safeParse(v).error?.issues.map((i) => i.message);
    expect(issues({ ...good, endsOn: "2017-02-28" })).toEqual(["INSTRUMENT_END_BEFORE_START"]);
    expect(issues({ ...good, revokedOn: "2016-01-01" })).toEqual(["INSTRUMENT_END_BEFORE_START"]);
    expect(issues({ ...good, type: "keppres" })).toEqual(["INSTRUMENT_TYPE_INVALID"]);
    expect(issues({ ...good, number: "  " })).toEqual(["FIELD_REQUIRED"]); // blank is empty
    expect(issues({ ...good, number: "x".repeat(101) })).toEqual(["INSTRUMENT_NUMBER_INVALID"]);
  });
});

describe("formationStatusAt", () => {
  it("is not formed before the first instrument, formed from its date on", () => {
    const list = [sk("2016-05-10")];
    expect(formationStatusAt(list, "2016-05-09").status).toBe("not_formed");
    expect(formationStatusAt(list, "2016-05-10").status).toBe("formed");
    expect(formationStatusAt([], "2030-01-01")).toEqual({ status: "not_formed", instrument: null });
  });

  it("follows the latest instrument: a new SK replaces an expired one", () => {
    const list = [sk("2016-01-01", { endsOn: "2018-12-31" }), sk("2019-06-01")];
    expect(formationStatusAt(list, "2018-12-31").status).toBe("formed");
    expect(formationStatusAt(list, "2019-01-01").status).toBe("expired");
    expect(formationStatusAt(list, "2019-06-01")).toMatchObject({ status: "formed", instrument: { issuedOn: "2019-06-01" } });
  });

  it("is revoked from the day of revocation", () => {
    const list = [sk("2016-01-01", { revokedOn: "2020-03-01" })];
    expect(formationStatusAt(list, "2020-02-29").status).toBe("formed");
    expect(formationStatusAt(list, "2020-03-01").status).toBe("revoked");
  });

  it("follows the latest instrument whatever the list's order", () => {
    const list = [sk("2019-06-01"), sk("2016-01-01", { endsOn: "2018-12-31" })];
    expect(formationStatusAt(list, "2019-01-01")).toMatchObject({ status: "expired", instrument: { issuedOn: "2016-01-01" } });
    expect(formationStatusAt(list, "2019-06-01")).toMatchObject({ status: "formed", instrument: { issuedOn: "2019-06-01" } });
    expect(sortInstruments(list).map((i) => i.issuedOn)).toEqual(["2016-01-01", "2019-06-01"]);
  });

  it("stays formed on an instrument's last day and is expired the day after", () => {
    const list = [sk("2016-01-01", { endsOn: "2018-12-31" })];
    expect(formationStatusAt(list, "2018-12-31")).toMatchObject({ status: "formed" });
    expect(formationStatusAt(list, "2019-01-01")).toMatchObject({ status: "expired", instrument: { endsOn: "2018-12-31" } });
  });

  it("calls a revoked instrument revoked even past its end, and a revocation still ahead formed", () => {
    expect(formationStatusAt([sk("2016-01-01", { endsOn: "2018-12-31", revokedOn: "2018-06-01" })], "2019-06-01").status).toBe("revoked");
    expect(formationStatusAt([sk("2016-01-01", { revokedOn: "2030-01-01" })], "2020-01-01").status).toBe("formed");
  });

  it("breaks a same-day tie by entry order", () => {
    const list = [sk("2019-01-01", { id: 2, revokedOn: "2019-01-01" }), sk("2019-01-01", { id: 1 })];
    expect(sortInstruments(list).map((i) => i.id)).toEqual([1, 2]);
    expect(sortInstruments([sk("2019-01-01", { id: 3 }), sk("2019-01-01", { id: 1 }), sk("2019-01-01", { id: 2 })]).map((i) => i.id)).toEqual([1, 2, 3]);
    expect(formationStatusAt(list, "2019-01-02").status).toBe("revoked");
  });

  it("property: with no end and no revocation, formed exactly from the earliest date on", () => {
    const dates = fc.uniqueArray(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 5 }).map((ns) => ns.map((n) => new Date(Date.UTC(2010, 0, 1 + n)).toISOString().slice(0, 10)));
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 3500 }), (ds, n) => {
        const day = new Date(Date.UTC(2010, 0, 1 + n)).toISOString().slice(0, 10);
        const first = [...ds].sort()[0]!;
        return formationStatusAt(ds.map((d) => sk(d)), day).status === (day >= first ? "formed" : "not_formed");
      }),
    );
  });
});

describe("composition", () => {
  const m = (position: string, validFrom: string, validTo: string | null, subTaskForce: string | null = null, id = 0) => ({ id, position, subTaskForce, validFrom, validTo }) as Parameters<typeof seatOf>[0] & { id: number; validFrom: string; validTo: string | null };

  it("makes the chair, daily chair, secretary and each coordinator single seats; members are not", () => {
    expect(seatOf(m("daily_chair", "2020-01-01", null))).toBe("daily_chair");
    expect(seatOf(m("coordinator", "2020-01-01", null, "law_enforcement"))).toBe("coordinator:law_enforcement");
    expect(seatOf(m("member", "2020-01-01", null))).toBeNull();
    expect(allSeats(SUB_TASK_FORCE_CODES)).toHaveLength(9);
  });

  it("finds two holders of the daily chair whose dates overlap by one day", () => {
    const a = m("daily_chair", "2021-01-01", "2023-08-10", null, 1);
    const b = m("daily_chair", "2023-08-10", null, null, 2);
    expect(findSeatOverlaps([a, b])).toEqual([[a, b]]);
    expect(findSeatOverlaps([a, { ...b, validFrom: "2023-08-11" }])).toEqual([]);
  });

  it("lets many members and coordinators of different sub-task-forces overlap", () => {
    const list = [m("member", "2020-01-01", null, null, 1), m("member", "2020-01-01", null, null, 2), m("coordinator", "2020-01-01", null, "prevention", 3), m("coordinator", "2020-01-01", null, "health_rehab", 4)];
    expect(findSeatOverlaps(list)).toEqual([]);
  });

  it("answers who held the daily chair on 2022-01-01 with one holder", () => {
    const list = [m("daily_chair", "2015-01-01", "2021-03-31", null, 1), m("daily_chair", "2021-04-01", "2023-08-09", null, 2), m("daily_chair", "2023-08-10", null, null, 3)];
    expect(holderAt(list, "daily_chair", "2022-01-01")?.id).toBe(2);
    expect(holderAt(list, "daily_chair", "2023-08-10")?.id).toBe(3);
    expect(holderAt(list, "chair", "2022-01-01")).toBeUndefined();
    expect(compositionAt(list, "2021-03-31").map((x) => x.id)).toEqual([1]);
  });

  it("property: without overlaps, every seat has at most one holder on any day", () => {
    const holding = fc.record({ position: fc.constantFrom("chair", "daily_chair", "secretary", "member"), from: fc.integer({ min: 0, max: 200 }), len: fc.integer({ min: 0, max: 100 }), open: fc.boolean() });
    fc.assert(
      fc.property(fc.array(holding, { maxLength: 8 }), fc.integer({ min: 0, max: 320 }), (hs, d) => {
        const day = (n: number) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
        const list = hs.map((h, i) => m(h.position, day(h.from), h.open ? null : day(h.from + h.len), null, i));
        if (findSeatOverlaps(list).length > 0) return true;
        return (["chair", "daily_chair", "secretary"] as const).every((seat) => list.filter((x) => seatOf(x) === seat && isValidAt(x, day(d))).length <= 1);
      }),
    );
  });

  it("makes the chair and the secretary their own seats, and a coordinator without a sub-task-force no seat", () => {
    expect(seatOf(m("chair", "2020-01-01", null))).toBe("chair");
    expect(seatOf(m("secretary", "2020-01-01", null))).toBe("secretary");
    expect(seatOf(m("coordinator", "2020-01-01", null, null))).toBeNull();
  });

  it("lists the single seats in order: chair, daily chair, secretary, then a coordinator per sub-task-force", () => {
    expect(allSeats(["prevention", "health_rehab"])).toEqual(["chair", "daily_chair", "secretary", "coordinator:prevention", "coordinator:health_rehab"]);
  });

  it("finds every overlapping pair once among three holders, given out of date order, and none between different seats", () => {
    const late = m("chair", "2022-01-01", null, null, 1);
    const early = m("chair", "2020-01-01", "2022-06-30", null, 2);
    const middle = m("chair", "2021-01-01", "2021-12-31", null, 3);
    const secretary = m("secretary", "2020-01-01", null, null, 4);
    expect(findSeatOverlaps([late, secretary, early, middle])).toEqual([
      [late, early],
      [early, middle],
    ]);
    expect(findSeatOverlaps([m("coordinator", "2020-01-01", null, "prevention", 5), m("coordinator", "2020-01-01", null, "prevention", 6)])).toHaveLength(1);
    expect(findSeatOverlaps([m("member", "2020-01-01", null, null, 7), m("coordinator", "2020-01-01", null, null, 8), m("coordinator", "2020-01-01", null, null, 9)])).toEqual([]);
  });

  it("gives the holder of a seat on its last day, and no one the day after", () => {
    const list = [m("secretary", "2021-04-01", "2023-08-09", null, 1)];
    expect(holderAt(list, "secretary", "2023-08-09")?.id).toBe(1);
    expect(holderAt(list, "secretary", "2023-08-10")).toBeUndefined();
    expect(holderAt(list, "secretary", "2021-03-31")).toBeUndefined();
  });

  it("leaves out of a date's composition those not yet in office and those gone", () => {
    const list = [m("member", "2020-01-01", "2020-12-31", null, 1), m("member", "2021-01-01", null, null, 2), m("chair", "2019-01-01", null, null, 3)];
    expect(compositionAt(list, "2021-01-01").map((x) => x.id)).toEqual([2, 3]);
    expect(compositionAt(list, "2020-12-31").map((x) => x.id)).toEqual([1, 3]);
  });

  it("MembershipSchema takes a holding that ends the day it starts, or later", () => {
    const base = { position: "member", office: "Kepala Dinas Pendidikan", agency: "Disdik Kota Bekasi", stakeholderType: "pemda_opd", validFrom: "2020-01-01" };
    expect(MembershipSchema.safeParse({ ...base, validTo: "2020-01-01" }).success).toBe(true);
    expect(MembershipSchema.safeParse({ ...base, validTo: "2024-12-31" }).success).toBe(true);
  });

  it("MembershipSchema names the field at fault: the sub-task-force for a seat mismatch, the end for inverted dates", () => {
    const base = { position: "member", office: "Kepala Dinas Pendidikan", agency: "Disdik Kota Bekasi", stakeholderType: "pemda_opd", validFrom: "2020-01-01" };
    expect(MembershipSchema.safeParse({ ...base, subTaskForce: "prevention" }).error?.issues).toEqual([expect.objectContaining({ code: "custom", path: ["subTaskForce"], message: "POSITION_INVALID_FOR_SEAT" })]);
    expect(MembershipSchema.safeParse({ ...base, validTo: "2019-12-31" }).error?.issues).toEqual([expect.objectContaining({ code: "custom", path: ["validTo"], message: "VALIDITY_INVERTED" })]);
  });

  it("MembershipSchema ties coordinators to a sub-task-force and refuses inverted dates", () => {
    const base = { position: "coordinator", subTaskForce: "prevention", office: "Kepala Dinas Pendidikan", agency: "Disdik Kota Bekasi", stakeholderType: "pemda_opd", validFrom: "2020-01-01" };
    expect(MembershipSchema.safeParse(base).success).toBe(true);
    const issues = (v: unknown) => MembershipSchema.safeParse(v).error?.issues.map((i) => i.message);
    expect(issues({ ...base, subTaskForce: null })).toEqual(["POSITION_INVALID_FOR_SEAT"]);
    expect(issues({ ...base, position: "chair" })).toEqual(["POSITION_INVALID_FOR_SEAT"]);
    expect(issues({ ...base, validTo: "2019-12-31" })).toEqual(["VALIDITY_INVERTED"]);
    expect(issues({ ...base, stakeholderType: "government" })).toEqual(["STAKEHOLDER_TYPE_INVALID"]);
    expect(issues({ ...base, position: "boss" })).toEqual(["SEAT_POSITION_UNKNOWN"]);
    expect(issues({ ...base, position: "" })).toEqual(["FIELD_REQUIRED"]);
  });
});

describe("validity intervals", () => {
  it("include both ends and treat null as open", () => {
    expect(isValidAt({ validFrom: "2020-01-01", validTo: "2020-12-31" }, "2020-12-31")).toBe(true);
    expect(isValidAt({ validFrom: null, validTo: "2020-12-31" }, "1950-01-01")).toBe(true);
    expect(isValidAt({ validFrom: "2020-01-01", validTo: null }, "2019-12-31")).toBe(false);
  });

  it("count days across a leap day", () => {
    expect(dayBefore("2024-03-01")).toBe("2024-02-29");
    expect(dayAfter("2023-02-28")).toBe("2023-03-01");
    expect(dayBefore("2022-01-01")).toBe("2021-12-31");
  });

  it("property: overlap is symmetric and matches a day-by-day check", () => {
    const v = fc.record({ from: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }), len: fc.integer({ min: 0, max: 30 }), open: fc.boolean() });
    const day = (n: number) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10);
    const toValidity = (x: { from: number | null; len: number; open: boolean }) => ({ validFrom: x.from === null ? null : day(x.from), validTo: x.open ? null : day((x.from ?? 0) + x.len) });
    fc.assert(
      fc.property(v, v, (x, y) => {
        const a = toValidity(x);
        const b = toValidity(y);
        let shared = false;
        for (let n = -5; n <= 100 && !shared; n++) shared = isValidAt(a, day(n)) && isValidAt(b, day(n));
        const ends = (a.validTo === null && b.validTo === null) || (a.validFrom === null && b.validFrom === null);
        return validitiesOverlap(a, b) === validitiesOverlap(b, a) && (validitiesOverlap(a, b) === shared || ends);
      }),
    );
  });
});

describe("countCoverage", () => {
  const e = (taskForceId: number, level: CoverageEntry["level"], regionCode: string | null, status: CoverageEntry["status"]): CoverageEntry => ({ taskForceId, level, regionCode, status });

  it("counts formed task forces per level and per province, and lists the unformed", () => {
    const c = countCoverage([
      e(1, "national", null, "formed"),
      e(2, "province", "32", "formed"),
      e(3, "province", "33", "not_formed"),
      e(4, "regency", "32.75", "formed"),
      e(5, "regency", "32.16", "expired"),
      e(6, "regency", "33.74", "formed"),
    ]);
    expect(c.province).toEqual({ formed: 1, total: 2 });
    expect(c.regency).toEqual({ formed: 2, total: 3 });
    expect(c.byProvince).toEqual([
      { provinceCode: "32", provinceFormed: true, regencies: { formed: 1, total: 2 } },
      { provinceCode: "33", provinceFormed: false, regencies: { formed: 1, total: 1 } },
    ]);
    expect(c.unformed.map((u) => u.regionCode)).toEqual(["32.16", "33"]);
  });

  it("orders provinces and the unformed by code whatever the input order, the national task force first", () => {
    const c = countCoverage([
      e(6, "regency", "33.74", "expired"),
      e(3, "province", "33", "not_formed"),
      e(5, "regency", "32.16", "expired"),
      e(1, "national", null, "not_formed"),
      e(2, "province", "32", "formed"),
    ]);
    expect(c.byProvince.map((p) => p.provinceCode)).toEqual(["32", "33"]);
    expect(c.unformed.map((u) => u.regionCode)).toEqual([null, "32.16", "33", "33.74"]);
    const nationalLast = countCoverage([e(5, "regency", "32.16", "expired"), e(3, "province", "33", "not_formed"), e(1, "national", null, "not_formed")]);
    expect(nationalLast.unformed.map((u) => u.regionCode)).toEqual([null, "32.16", "33"]);
    expect(c.national).toEqual({ formed: 0, total: 1 });
    expect(c.byProvince[0]).toEqual({ provinceCode: "32", provinceFormed: true, regencies: { formed: 0, total: 1 } });
  });

  it("counts the national task force at its own level, formed or not, and in no province", () => {
    const c = countCoverage([e(1, "national", null, "formed")]);
    expect(c.national).toEqual({ formed: 1, total: 1 });
    expect(c.province).toEqual({ formed: 0, total: 0 });
    expect(c.byProvince).toEqual([]);
    expect(c.unformed).toEqual([]);
  });

  it("counts a province's regencies even when the province itself is not listed", () => {
    expect(countCoverage([e(4, "regency", "32.75", "formed")]).byProvince).toEqual([{ provinceCode: "32", provinceFormed: false, regencies: { formed: 1, total: 1 } }]);
  });

  it("treats expired and revoked as not formed", () => {
    expect(countCoverage([e(1, "province", "11", "revoked"), e(2, "province", "12", "expired")]).province.formed).toBe(0);
  });

  it("gives a share of 0 when there is nothing to cover", () => {
    expect(coverageShare({ formed: 0, total: 0 })).toBe(0);
    expect(coverageShare({ formed: 195, total: 514 })).toBeCloseTo(0.379, 3);
    expect(coverageShare({ formed: 1, total: 4 })).toBe(0.25);
  });

  it("property: formed + unformed = total, and per-province sums equal the regency level", () => {
    const entry = fc.record({ p: fc.integer({ min: 11, max: 20 }), k: fc.integer({ min: 1, max: 30 }), regency: fc.boolean(), status: fc.constantFrom("formed", "not_formed", "expired", "revoked") });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (x) => `${x.p}.${x.k}.${x.regency}`, maxLength: 60 }), (xs) => {
        const c = countCoverage(xs.map((x, i) => e(i, x.regency ? "regency" : "province", x.regency ? `${x.p}.${String(x.k).padStart(2, "0")}` : String(x.p), x.status)));
        const totals = c.province.total + c.regency.total + c.national.total;
        const formed = c.province.formed + c.regency.formed + c.national.formed;
        return formed + c.unformed.length === totals && c.byProvince.reduce((s, p) => s + p.regencies.total, 0) === c.regency.total;
      }),
    );
  });
});
