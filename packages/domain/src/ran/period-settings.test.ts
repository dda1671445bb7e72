import { describe, expect, it } from "vitest";
import { PeriodSettingsSchema } from "./settings.ts";

const codeOf = (value: unknown) => {
  const parsed = PeriodSettingsSchema.safeParse(value);
  return parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};
const base = { firstYear: 2030, lastYear: 2034, reportingCycle: "annual", dueDays: 31, expiryDays: 60 };

describe("a period's settings: its years and its reporting", () => {
  it("accepts a five-year period with annual reporting", () => {
    expect(codeOf(base)).toBeNull();
  });

  it("accepts a period of exactly ten years and refuses one of eleven, on the last year", () => {
    expect(codeOf({ ...base, lastYear: 2039 })).toBeNull();
    expect(codeOf({ ...base, lastYear: 2040 })).toEqual(["lastYear:PERIOD_TOO_LONG"]);
  });

  it("accepts a one-year period and refuses a last year before the first", () => {
    expect(codeOf({ ...base, lastYear: 2030 })).toBeNull();
    expect(codeOf({ ...base, lastYear: 2029 })).toEqual(["lastYear:PERIOD_YEARS_INVERTED"]);
  });

  it("refuses a year that is not a whole number in range, with the year's code", () => {
    expect(codeOf({ ...base, firstYear: -2030 })?.[0]).toBe("firstYear:YEAR_INVALID");
    expect(codeOf({ ...base, firstYear: "1e9" })).toEqual(["firstYear:YEAR_INVALID"]);
  });

  it("refuses reporting settings out of range with their own codes", () => {
    expect(codeOf({ ...base, dueDays: 367 })).toEqual(["dueDays:DUE_DAYS_INVALID"]);
    expect(codeOf({ ...base, expiryDays: -1 })).toEqual(["expiryDays:EXPIRY_DAYS_INVALID"]);
    expect(codeOf({ ...base, reportingCycle: "monthly" })).toEqual(["reportingCycle:REPORTING_CYCLE_INVALID"]);
  });

  it("refuses a field it does not know", () => {
    expect(codeOf({ ...base, number: 5 })).not.toBeNull();
  });
});
