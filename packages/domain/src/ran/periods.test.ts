import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import {
  RanPeriodSchema,
  assertPeriodsValid,
  checkPeriods,
  currentPeriod,
  getPeriodOf,
  isAdoptedLate,
  periodLength,
  periodOf,
  periodYears,
  toRoman,
  yearInPeriod,
  yearsLeftOut,
} from "./periods.ts";
import type { RanPeriod } from "./periods.ts";
import { REFERENCE_RAN_PERIODS } from "./reference.ts";

const ref = REFERENCE_RAN_PERIODS;
const span = (number: number, firstYear: number, lastYear: number) => ({ number, firstYear, lastYear });

describe("the reference periods I–IV", () => {
  it("are valid, contiguous from 2009 to 2029, and schema-clean", () => {
    expect(checkPeriods(ref)).toEqual({ problems: [], gaps: [] });
    for (const p of ref) expect(RanPeriodSchema.parse(p)).toEqual(p);
    expect(ref.map((p) => `${toRoman(p.number)} ${p.firstYear}–${p.lastYear} ${p.status}`)).toEqual([
      "I 2009–2014 adopted",
      "II 2015–2019 adopted",
      "III 2020–2024 adopted",
      "IV 2025–2029 draft",
    ]);
  });

  it("make period I six years long and the others five", () => {
    expect(ref.map(periodLength)).toEqual([6, 5, 5, 5]);
  });

  it("place 2018 as year 4 of 5 of period II (the seed's second period)", () => {
    const p = getPeriodOf(ref, 2018);
    expect(p.number).toBe(2);
    expect(yearInPeriod(p, 2018)).toEqual({ year: 2018, index: 4, of: 5 });
  });

  it("mark period III as adopted late (2023, four years in) and no other", () => {
    expect(ref.map(isAdoptedLate)).toEqual([false, false, true, false]);
  });
});

describe("isAdoptedLate", () => {
  const period = { firstYear: 2030, status: "adopted" as const };

  it("calls an adoption late only once the first year has ended: 2031 for 2030–2034 is late", () => {
    expect(isAdoptedLate({ ...period, adoptedOn: "2031-01-01" })).toBe(true);
  });

  it("does not call an adoption on the last day of the first year late", () => {
    expect(isAdoptedLate({ ...period, adoptedOn: "2030-12-31" })).toBe(false);
  });

  it("does not call an adoption before the first year late", () => {
    expect(isAdoptedLate({ ...period, adoptedOn: "2029-06-30" })).toBe(false);
  });

  it("does not call a period late without an adoption date, nor a draft whatever its date", () => {
    expect(isAdoptedLate({ ...period, adoptedOn: null })).toBe(false);
    expect(isAdoptedLate({ firstYear: 2030, status: "draft", adoptedOn: "2033-01-01" })).toBe(false);
  });
});

describe("yearsLeftOut", () => {
  it("lists the target years a shrinking end leaves out (2030–2034 cut to 2030–2032 leaves 2033 and 2034)", () => {
    expect(yearsLeftOut({ firstYear: 2030, lastYear: 2032 }, [2030, 2033, 2034])).toEqual([2033, 2034]);
  });

  it("keeps the first and the last year of the new span in", () => {
    expect(yearsLeftOut({ firstYear: 2030, lastYear: 2032 }, [2030, 2032])).toEqual([]);
  });

  it("lists years a later start leaves out, and those outside both ends, once each and sorted from unsorted input", () => {
    expect(yearsLeftOut({ firstYear: 2031, lastYear: 2033 }, [2035, 2030, 2032, 2029, 2035, 2030])).toEqual([2029, 2030, 2035]);
  });
});

describe("periodOf and currentPeriod", () => {
  it("give the period containing a year, its first and last year included", () => {
    expect(periodOf(ref, 2015)?.number).toBe(2);
    expect(periodOf(ref, 2019)?.number).toBe(2);
    expect(periodOf(ref, 2020)?.number).toBe(3);
  });

  it("give nothing for a year before, after or between periods, and getPeriodOf throws YEAR_OUTSIDE_PERIODS", () => {
    expect(periodOf(ref, 2008)).toBeUndefined();
    expect(periodOf(ref, 2030)).toBeUndefined();
    const withGap = [span(1, 2009, 2014), span(2, 2017, 2019)];
    expect(periodOf(withGap, 2015)).toBeUndefined();
    expect(() => getPeriodOf(ref, 2005)).toThrowError(expect.objectContaining({ code: "YEAR_OUTSIDE_PERIODS", details: { year: 2005 } }));
  });

  it("take the current period from the date's year: 2018-03-22 is in period II, 2026-11-28 in draft IV", () => {
    expect(currentPeriod(ref, "2018-03-22")?.number).toBe(2);
    expect(currentPeriod(ref, "2026-11-28")).toMatchObject({ number: 4, status: "draft" });
    expect(currentPeriod(ref, "2024-12-31")?.number).toBe(3);
    expect(currentPeriod(ref, "2025-01-01")?.number).toBe(4);
  });

  it("yearInPeriod throws YEAR_OUTSIDE_PERIODS for a year after or before the period, and places its first and last year", () => {
    expect(() => yearInPeriod(span(2, 2015, 2019), 2020)).toThrow(DomainError);
    expect(() => yearInPeriod(span(2, 2015, 2019), 2014)).toThrowError(expect.objectContaining({ code: "YEAR_OUTSIDE_PERIODS", details: { year: 2014 } }));
    expect(yearInPeriod(span(2, 2015, 2019), 2015)).toEqual({ year: 2015, index: 1, of: 5 });
    expect(yearInPeriod(span(2, 2015, 2019), 2019)).toEqual({ year: 2019, index: 5, of: 5 });
  });
});

describe("checkPeriods", () => {
  it("reports an overlap of one shared year", () => {
    expect(checkPeriods([span(1, 2009, 2014), span(2, 2014, 2019)]).problems).toEqual([
      { code: "PERIOD_OVERLAP", numbers: [1, 2] },
    ]);
  });

  it("reports a period nested inside another", () => {
    expect(checkPeriods([span(1, 2009, 2020), span(2, 2012, 2013)]).problems).toContainEqual({
      code: "PERIOD_OVERLAP",
      numbers: [1, 2],
    });
  });

  it("reports numbers out of year order, and a repeated number", () => {
    expect(checkPeriods([span(2, 2009, 2014), span(1, 2015, 2019)]).problems).toEqual([
      { code: "PERIOD_NUMBER_ORDER", numbers: [2, 1] },
    ]);
    expect(checkPeriods([span(1, 2009, 2014), span(1, 2015, 2019)]).problems).toEqual([
      { code: "PERIOD_NUMBER_ORDER", numbers: [1, 1] },
    ]);
  });

  it("reports a skipped number (IX right after IV), but an order problem first when both hold", () => {
    expect(checkPeriods([...ref, span(9, 2030, 2034)]).problems).toEqual([{ code: "PERIOD_NUMBER_SKIPPED", numbers: [4, 9] }]);
    expect(checkPeriods([...ref, span(5, 2030, 2034)]).problems).toEqual([]);
    expect(checkPeriods([span(3, 2009, 2014), span(1, 2015, 2019)]).problems).toEqual([{ code: "PERIOD_NUMBER_ORDER", numbers: [3, 1] }]);
  });

  it("checks an unsorted set in year order: no problem, and the gap between", () => {
    expect(checkPeriods([span(3, 2020, 2024), span(1, 2009, 2014), span(2, 2017, 2019)])).toEqual({
      problems: [],
      gaps: [{ fromYear: 2015, toYear: 2016, afterNumber: 1, beforeNumber: 2 }],
    });
  });

  it("orders periods starting the same year by number, so the overlap names the lower number first", () => {
    expect(checkPeriods([span(2, 2009, 2014), span(1, 2009, 2012)]).problems).toEqual([{ code: "PERIOD_OVERLAP", numbers: [1, 2] }]);
  });

  it("reports only the order problem when a skipped number comes with it (I, IV, II)", () => {
    expect(checkPeriods([span(1, 2009, 2014), span(4, 2015, 2019), span(2, 2020, 2024)]).problems).toEqual([{ code: "PERIOD_NUMBER_ORDER", numbers: [4, 2] }]);
  });

  it("reports a skipped number next to an overlap (only an order problem holds it back)", () => {
    expect(checkPeriods([span(1, 2009, 2014), span(3, 2014, 2019)]).problems).toEqual([
      { code: "PERIOD_OVERLAP", numbers: [1, 3] },
      { code: "PERIOD_NUMBER_SKIPPED", numbers: [1, 3] },
    ]);
  });

  it("reports inverted years", () => {
    expect(checkPeriods([span(1, 2014, 2009)]).problems).toContainEqual({ code: "PERIOD_YEARS_INVERTED", number: 1 });
  });

  it("reports a gap in the years without calling it a problem", () => {
    expect(checkPeriods([span(1, 2009, 2014), span(2, 2017, 2019)])).toEqual({
      problems: [],
      gaps: [{ fromYear: 2015, toYear: 2016, afterNumber: 1, beforeNumber: 2 }],
    });
  });

  it("accepts a one-year period and an empty set", () => {
    expect(checkPeriods([span(1, 2020, 2020)]).problems).toEqual([]);
    expect(checkPeriods([])).toEqual({ problems: [], gaps: [] });
  });

  it("assertPeriodsValid throws the first problem as a DomainError", () => {
    expect(() => assertPeriodsValid([span(1, 2009, 2014), span(2, 2013, 2019)])).toThrowError(
      expect.objectContaining({ code: "PERIOD_OVERLAP", details: { first: 1, second: 2 } }),
    );
    expect(() => assertPeriodsValid(ref)).not.toThrow();
    expect(() => assertPeriodsValid([span(1, 2014, 2009)])).toThrowError(expect.objectContaining({ code: "PERIOD_YEARS_INVERTED", details: { number: 1 } }));
  });

  const spans = fc.array(
    fc.record({ number: fc.integer({ min: 1, max: 8 }), firstYear: fc.integer({ min: 2000, max: 2040 }), len: fc.integer({ min: 1, max: 7 }) }),
    { maxLength: 6 },
  ).map((xs) => xs.map((x) => span(x.number, x.firstYear, x.firstYear + x.len - 1)));

  it("property: a valid set has every year in at most one period, and gaps are exactly the uncovered years between", () => {
    fc.assert(
      fc.property(spans, (ps) => {
        const { problems, gaps } = checkPeriods(ps);
        if (problems.length > 0) return true;
        for (let y = 1995; y <= 2050; y++) {
          const holders = ps.filter((p) => p.firstYear <= y && y <= p.lastYear);
          if (holders.length > 1) return false;
          const inGap = gaps.some((g) => g.fromYear <= y && y <= g.toYear);
          const min = Math.min(...ps.map((p) => p.firstYear));
          const max = Math.max(...ps.map((p) => p.lastYear));
          const between = ps.length > 0 && y > min && y < max;
          if (inGap !== (between && holders.length === 0)) return false;
          if (holders.length === 1 && periodOf(ps, y) !== holders[0]) return false;
        }
        return true;
      }),
    );
  });

  it("property: a valid set sorted by years is numbered one after another", () => {
    fc.assert(
      fc.property(spans, (ps) => {
        if (checkPeriods(ps).problems.length > 0) return true;
        const numbers = [...ps].sort((a, b) => a.firstYear - b.firstYear).map((p) => p.number);
        return numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
      }),
    );
  });

  it("property: yearInPeriod counts from 1 to the period's length", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 10 }), (first, len) => {
        const p = span(1, first, first + len - 1);
        return periodYears(p).every((y, i) => {
          const at = yearInPeriod(p, y);
          return at.index === i + 1 && at.of === len;
        });
      }),
    );
  });
});

describe("RanPeriodSchema", () => {
  const draft: RanPeriod = { number: 5, firstYear: 2030, lastYear: 2034, status: "draft", instrument: null, adoptedOn: null };

  it("accepts a draft and an adopted period whose adoption falls after the first year", () => {
    expect(RanPeriodSchema.safeParse(draft).success).toBe(true);
    expect(RanPeriodSchema.safeParse({ ...draft, status: "adopted", instrument: "Perpres 1/2033", adoptedOn: "2033-01-10" }).success).toBe(true);
  });

  it("names the field at fault: the last year when inverted, the instrument or the adoption date when incomplete", () => {
    const issue = (v: unknown) => RanPeriodSchema.safeParse(v).error?.issues[0];
    expect(issue({ ...draft, firstYear: 2035 })).toMatchObject({ code: "custom", path: ["lastYear"], message: "PERIOD_YEARS_INVERTED" });
    expect(issue({ ...draft, lastYear: 2040 })).toMatchObject({ code: "custom", path: ["lastYear"], message: "PERIOD_TOO_LONG" });
    expect(issue({ ...draft, status: "adopted" })).toMatchObject({ code: "custom", path: ["instrument"], message: "PERIOD_ADOPTION_INCOMPLETE" });
    expect(issue({ ...draft, adoptedOn: "2030-01-01" })).toMatchObject({ code: "custom", path: ["adoptedOn"], message: "PERIOD_ADOPTION_INCOMPLETE" });
  });

  it("accepts a one-year period", () => {
    expect(RanPeriodSchema.safeParse({ ...draft, lastYear: 2030 }).success).toBe(true);
  });

  it("refuses inverted years, an adopted period with no instrument, a draft with an adoption date", () => {
    const msg = (v: unknown) => RanPeriodSchema.safeParse(v).error?.issues.map((i) => i.message);
    expect(msg({ ...draft, firstYear: 2035 })).toEqual(["PERIOD_YEARS_INVERTED"]);
    expect(msg({ ...draft, status: "adopted" })).toEqual(["PERIOD_ADOPTION_INCOMPLETE"]);
    expect(msg({ ...draft, adoptedOn: "2030-01-01" })).toEqual(["PERIOD_ADOPTION_INCOMPLETE"]);
  });

  it("puts the instrument through the one text rule: an NIK or a phone number is refused, a NUL read as a space, blank is required", () => {
    const adopted = { ...draft, status: "adopted", adoptedOn: "2033-01-10" };
    const msg = (instrument: unknown) => RanPeriodSchema.safeParse({ ...adopted, instrument }).error?.issues.map((i) => i.message);
    expect(msg("Perpres 1/2033 NIK 3275-0101-0101-0001")).toEqual(["PERSONAL_DATA_IN_TEXT"]);
    expect(msg("Perpres 1/2033, hubungi (0812) 3456-7890")).toEqual(["PERSONAL_DATA_IN_TEXT"]);
    expect(msg("   ")).toEqual(["FIELD_REQUIRED"]);
    expect(RanPeriodSchema.parse({ ...adopted, instrument: "Perpres\u00001/2033" }).instrument).toBe("Perpres 1/2033");
  });

  it("refuses a non-numeric year, a fractional year, an impossible date and unknown keys", () => {
    expect(RanPeriodSchema.safeParse({ ...draft, firstYear: "2030" }).success).toBe(false);
    expect(RanPeriodSchema.safeParse({ ...draft, firstYear: 2030.5 }).success).toBe(false);
    expect(RanPeriodSchema.safeParse({ ...draft, status: "adopted", instrument: "x", adoptedOn: "2031-02-29" }).success).toBe(false);
    expect(RanPeriodSchema.safeParse({ ...draft, extra: 1 }).success).toBe(false);
  });
});

describe("toRoman", () => {
  it.each([[1, "I"], [4, "IV"], [8, "VIII"], [9, "IX"], [14, "XIV"], [40, "XL"], [58, "LVIII"], [300, "CCC"], [444, "CDXLIV"], [555, "DLV"], [1994, "MCMXCIV"]])("writes %i as %s", (n, r) => {
    expect(toRoman(n)).toBe(r);
  });
  it("refuses 0 and fractions, naming the number", () => {
    expect(() => toRoman(0)).toThrow(RangeError);
    expect(() => toRoman(0)).toThrow("no roman numeral for 0");
    expect(() => toRoman(1.5)).toThrow(RangeError);
  });
  it("writes the largest numeral, 3999 as MMMCMXCIX, and refuses 4000 and negatives", () => {
    expect(toRoman(3999)).toBe("MMMCMXCIX");
    expect(() => toRoman(4000)).toThrow(RangeError);
    expect(() => toRoman(-1)).toThrow(RangeError);
  });
});
