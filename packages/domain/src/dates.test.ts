import { describe, expect, it } from "vitest";
import { IsoDateSchema, ValiditySchema, YearSchema, assertIsoDate, daysInMonth, isRealDate, localDateOf, yearOf } from "./dates.ts";
import { formationStatusAt } from "./formation/instruments.ts";
import { PAPUA_2022_SUCCESSIONS, resolveBackward, resolveForward } from "./hierarchy/index.ts";
import { endOfLocalDay } from "./ran/calendar.ts";
import { currentPeriod } from "./ran/periods.ts";
import { REFERENCE_RAN_PERIODS } from "./ran/reference.ts";
import { TIME_ZONES } from "./regions/time-zones.ts";

describe("calendar dates", () => {
  it("accepts a leap day only in a leap year (2020 yes, 2019 no, 1900 no, 2000 yes)", () => {
    expect(isRealDate("2020-02-29")).toBe(true);
    expect(isRealDate("2019-02-29")).toBe(false);
    expect(isRealDate("1900-02-29")).toBe(false);
    expect(isRealDate("2000-02-29")).toBe(true);
  });

  it("accepts the first and the last day of a year, and the 31st of a long month", () => {
    for (const d of ["2024-01-01", "2024-12-31", "2024-01-31"]) {
      expect(isRealDate(d), d).toBe(true);
      expect(IsoDateSchema.safeParse(d).success, d).toBe(true);
    }
  });

  it.each(["2024-13-01", "2024-00-10", "2024-04-31", "2024-1-01", "24-01-01", "2024/01/01", "2020-01-00", "2024-01-32", " 2024-01-01", "2024-01-01x"])("refuses %j", (d) => {
    expect(isRealDate(d)).toBe(false);
    expect(IsoDateSchema.safeParse(d).error?.issues.map((i) => i.message)).toEqual(["DATE_INVALID"]);
  });

  it.each(["", undefined, null])("refuses an empty date (%j) as required, not as malformed", (d) => {
    expect(isRealDate(d ?? "")).toBe(false);
    expect(IsoDateSchema.safeParse(d).error?.issues.map((i) => i.message)).toEqual(["FIELD_REQUIRED"]);
  });

  it("counts days in a month", () => {
    expect([1, 2, 4].map((m) => daysInMonth(2024, m))).toEqual([31, 29, 30]);
  });

  it("reads the year of a date", () => {
    expect(yearOf("2018-03-22")).toBe(2018);
  });

  it("gives the local date of an instant: 2024-12-31T16:30Z is still Dec 31 in WIB but Jan 1 in WIT", () => {
    const instant = new Date("2024-12-31T16:30:00Z");
    expect(localDateOf(instant, "Asia/Jakarta")).toBe("2024-12-31");
    expect(localDateOf(instant, "Asia/Makassar")).toBe("2025-01-01");
    expect(localDateOf(instant, "Asia/Jayapura")).toBe("2025-01-01");
  });
});

describe("YearSchema", () => {
  it("accepts whole years in range and refuses text, fractions and absurd years with YEAR_INVALID", () => {
    expect(YearSchema.safeParse(2018).success).toBe(true);
    for (const bad of ["2018", 2018.5, 1899, 2201, Number.NaN, null]) {
      expect(YearSchema.safeParse(bad).error?.issues[0]?.message).toBe("YEAR_INVALID");
    }
  });
});

describe("rules that take a date refuse one written another way, instead of comparing it wrongly", () => {
  it.each(["01-08-2022", "tomorrow", "2019-02-29", ""])("%j: DATE_INVALID from resolveForward, formationStatusAt, currentPeriod and endOfLocalDay", (bad) => {
    const codeOf = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return "no error";
    };
    expect(codeOf(() => resolveForward(PAPUA_2022_SUCCESSIONS, "91.01", bad))).toBe("DATE_INVALID");
    expect(codeOf(() => resolveBackward(PAPUA_2022_SUCCESSIONS, "93.01", bad))).toBe("DATE_INVALID");
    expect(codeOf(() => formationStatusAt([{ issuedOn: "2017-04-10", endsOn: null, revokedOn: null }], bad))).toBe("DATE_INVALID");
    expect(codeOf(() => currentPeriod(REFERENCE_RAN_PERIODS, bad))).toBe("DATE_INVALID");
    expect(codeOf(() => endOfLocalDay(bad, TIME_ZONES.WIT))).toBe("DATE_INVALID");
  });

  it("assertIsoDate names the bad date in its details, cut to 20 characters", () => {
    expect(() => assertIsoDate("01-08-2022")).toThrowError(expect.objectContaining({ code: "DATE_INVALID", details: { date: "01-08-2022" } }));
    expect(() => assertIsoDate("x".repeat(50))).toThrowError(expect.objectContaining({ details: { date: "x".repeat(20) } }));
  });

  it("assertIsoDate hands a real date back unchanged", () => {
    expect(assertIsoDate("2024-02-29")).toBe("2024-02-29");
  });
});

describe("ValiditySchema", () => {
  const issues = (v: unknown) => ValiditySchema.safeParse(v).error?.issues.map((i) => [i.path.join("."), i.message]);

  it("takes a start on or before the end, and either end open", () => {
    for (const v of [
      { validFrom: "2020-01-01", validTo: "2020-01-01" },
      { validFrom: "2020-01-01", validTo: "2024-12-31" },
      { validFrom: null, validTo: "2020-01-01" },
      { validFrom: "2020-01-01", validTo: null },
      { validFrom: null, validTo: null },
    ]) {
      expect(issues(v), JSON.stringify(v)).toBeUndefined();
    }
  });

  it("refuses an end before the start with VALIDITY_INVERTED on the end", () => {
    expect(issues({ validFrom: "2020-01-02", validTo: "2020-01-01" })).toEqual([["validTo", "VALIDITY_INVERTED"]]);
  });
});

describe("localDateOf", () => {
  it("gives the same answer on a second call for a zone (its formatter is kept)", () => {
    const instant = new Date("2024-06-30T16:30:00Z");
    expect(localDateOf(instant, "Asia/Jayapura")).toBe("2024-07-01");
    expect(localDateOf(instant, "Asia/Jayapura")).toBe("2024-07-01");
    expect(localDateOf(instant, "Asia/Jakarta")).toBe("2024-06-30");
  });
});
