import { describe, expect, it } from "vitest";
import { IsoDateSchema, YearSchema, daysInMonth, isRealDate, localDateOf, yearOf } from "./dates.ts";

describe("calendar dates", () => {
  it("accepts a leap day only in a leap year (2020 yes, 2019 no, 1900 no, 2000 yes)", () => {
    expect(isRealDate("2020-02-29")).toBe(true);
    expect(isRealDate("2019-02-29")).toBe(false);
    expect(isRealDate("1900-02-29")).toBe(false);
    expect(isRealDate("2000-02-29")).toBe(true);
  });

  it.each(["2024-13-01", "2024-00-10", "2024-04-31", "2024-1-01", "24-01-01", "2024/01/01"])("refuses %j", (d) => {
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
