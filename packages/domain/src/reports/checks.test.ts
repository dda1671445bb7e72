import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SUB_TASK_FORCE_CODES } from "../sub-task-forces.ts";
import { checkReport, listReportCounts, unacknowledgedWarnings } from "./checks.ts";
import type { ReportCheckContext } from "./checks.ts";
import { BUDGET_SOURCES, COUNT_MAX, EXPLOITATION_FORMS, ReportContentSchema, emptyReportContent } from "./content.ts";
import type { ReportContent, ReportContentInput } from "./content.ts";

const context: ReportCheckContext = {
  items: [
    { id: 1, unit: "people", targetMode: "per_year", targets: [{ year: 2025, value: 10 }] },
    { id: 2, unit: "change_percent", targetMode: "per_year", targets: [] },
    { id: 3, unit: "percent", targetMode: "cumulative", targets: [{ year: 2024, value: 20 }, { year: 2025, value: 30 }] },
  ],
  year: 2025,
  previous: null,
  periodKnown: true,
};
const report = (input: ReportContentInput) => ReportContentSchema.parse(input);
const keysOf = (content: ReportContentInput, ctx: Partial<ReportCheckContext> = {}) => {
  const { errors, warnings } = checkReport(report(content), { ...context, ...ctx });
  return { errors: errors.map((e) => e.key), warnings: warnings.map((w) => w.key) };
};

describe("checkReport: errors", () => {
  it("finds nothing in the empty report", () => {
    expect(checkReport(emptyReportContent(), context)).toEqual({ errors: [], warnings: [] });
  });
  it("refuses a negative count and a fractional one, wherever they are", () => {
    expect(keysOf({ victims: { women: -1, exploitation: { other: 1.5 }, abroad: [{ country: "MY", count: -2.5 }] } }).errors).toEqual([
      "COUNT_NEGATIVE@victims.women",
      "COUNT_NOT_WHOLE@victims.exploitation.other",
      "COUNT_NEGATIVE@victims.abroad.0.count",
      "COUNT_NOT_WHOLE@victims.abroad.0.count",
    ]);
  });
  it("refuses victims by sex and age, by exploitation, or by destination that add up to more than the total", () => {
    const keys = keysOf({ victims: { total: 3, women: 2, girls: 2, exploitation: { forced_labour: 4 }, domestic: 1, abroad: [{ country: "MY", count: 3 }] } }).errors;
    expect(keys).toEqual(["BREAKDOWN_EXCEEDS_TOTAL@victims.total", "BREAKDOWN_EXCEEDS_TOTAL@victims.exploitation", "BREAKDOWN_EXCEEDS_TOTAL@victims.abroad"]);
  });
  it("takes breakdowns equal to the total, and does not compare them with a total left blank", () => {
    expect(keysOf({ victims: { total: 4, women: 2, girls: 2, exploitation: { forced_labour: 4 }, domestic: 4 } }).errors).toEqual([]);
    expect(keysOf({ victims: { total: null, women: 20 } }).errors).toEqual([]);
  });
  it("refuses more spent than allocated without a note, and only warns when a note explains it", () => {
    expect(keysOf({ budget: { lines: [{ source: "APBD", allocated: 100, spent: 120 }] } })).toEqual({ errors: ["SPENT_OVER_ALLOCATED@budget.lines.0.spent"], warnings: [] });
    expect(keysOf({ budget: { lines: [{ source: "APBD", allocated: 100, spent: 120, note: "   " }] } }).errors).toEqual(["SPENT_OVER_ALLOCATED@budget.lines.0.spent"]);
    expect(keysOf({ budget: { lines: [{ source: "APBD", allocated: 100, spent: 120, note: "Tambahan dari APBD-P" }] } })).toEqual({
      errors: [],
      warnings: ["SPENT_OVER_ALLOCATED_NOTED@budget.lines.0.spent"],
    });
  });
  it("takes fractional rupiah but refuses a negative amount", () => {
    expect(keysOf({ budget: { lines: [{ source: "APBN", allocated: 100.5, spent: -1 }], regionTotalBudget: -5 } }).errors).toEqual(["BUDGET_NEGATIVE@budget.lines.0.spent", "BUDGET_NEGATIVE@budget.regionTotalBudget"]);
  });
  it("refuses a report for a year no RAN period holds", () => {
    expect(keysOf({}, { periodKnown: false }).errors).toEqual(["REPORT_YEAR_OUTSIDE_PERIODS@"]);
  });
  it("refuses a realisation of an item the period does not have at this level", () => {
    expect(keysOf({ realisations: [{ actionItemId: 99, value: 1 }] }).errors).toEqual(["REALISATION_ITEM_UNKNOWN@realisations.0.actionItemId"]);
  });
  it("judges a realisation by its item's unit: whole people, a change that may fall, a fractional percent", () => {
    expect(keysOf({ realisations: [{ actionItemId: 1, value: -1.5 }] }).errors).toEqual(["REALISATION_NEGATIVE@realisations.0.value", "REALISATION_NOT_WHOLE@realisations.0.value"]);
    expect(keysOf({ realisations: [{ actionItemId: 2, value: -3.5 }, { actionItemId: 3, value: 7.5 }] }).errors).toEqual([]);
  });
  it("refuses an activity dated outside the report's year", () => {
    expect(keysOf({ activities: [{ subTaskForce: "prevention", what: "Rapat", date: "2024-12-31" }, { subTaskForce: "prevention", what: "Rapat", date: "2025-01-01" }] }).errors).toEqual([
      "ACTIVITY_DATE_OUTSIDE_YEAR@activities.0.date",
    ]);
  });
});

describe("checkReport: warnings", () => {
  it("warns when convictions exceed prosecutions (cases span years) and prosecutions exceed suspects", () => {
    expect(keysOf({ lawEnforcement: { suspects: 1, prosecutions: 2, convictions: 3 } })).toEqual({
      errors: [],
      warnings: ["CONVICTIONS_ABOVE_PROSECUTIONS@lawEnforcement.convictions", "PROSECUTIONS_ABOVE_SUSPECTS@lawEnforcement.prosecutions"],
    });
  });
  it("warns of a count ten times last year's, not of nine times, nor when last year was zero or blank", () => {
    const previous = report({ victims: { total: 2, women: 3, girls: 0 }, coordination: { meetings: 1 } });
    expect(keysOf({ victims: { total: 20, women: 27, girls: 50, boys: 9 }, coordination: { meetings: 10 } }, { previous }).warnings).toEqual(["TEN_TIMES_LAST_YEAR@victims.total", "TEN_TIMES_LAST_YEAR@coordination.meetings"]);
  });
  it("matches a destination abroad with last year's by country, not by its place in the list", () => {
    const previous = report({ victims: { abroad: [{ country: "SA", count: 1 }, { country: "MY", count: 5 }] } });
    expect(keysOf({ victims: { abroad: [{ country: "MY", count: 6 }, { country: "SA", count: 10 }] } }, { previous }).warnings).toEqual(["TEN_TIMES_LAST_YEAR@victims.abroad.1.count"]);
  });
  it("warns of a realisation more than three times its target, not of exactly three times", () => {
    expect(keysOf({ realisations: [{ actionItemId: 1, value: 31 }] }).warnings).toEqual(["REALISATION_FAR_ABOVE_TARGET@realisations.0.value"]);
    expect(keysOf({ realisations: [{ actionItemId: 1, value: 30 }] }).warnings).toEqual([]);
    // cumulative: the year's own target is the rise, 30 − 20
    expect(keysOf({ realisations: [{ actionItemId: 3, value: 31 }] }).warnings).toEqual(["REALISATION_FAR_ABOVE_TARGET@realisations.0.value"]);
  });
  it("keeps the warnings not yet acknowledged, by key", () => {
    const { warnings } = checkReport(report({ lawEnforcement: { suspects: 1, prosecutions: 2, convictions: 3 } }), context);
    expect(unacknowledgedWarnings(warnings, ["PROSECUTIONS_ABOVE_SUSPECTS@lawEnforcement.prosecutions", "STALE@x"]).map((w) => w.key)).toEqual(["CONVICTIONS_ABOVE_PROSECUTIONS@lawEnforcement.convictions"]);
    expect(unacknowledgedWarnings(warnings, warnings.map((w) => w.key))).toEqual([]);
  });
});

describe("listReportCounts", () => {
  it("lists every count of the empty report as not reported", () => {
    const counts = listReportCounts(emptyReportContent());
    expect(counts).toHaveLength(5 + EXPLOITATION_FORMS.length + 1 + 4 + 4 + 3 + 4 + 1);
    expect(counts.every((c) => c.value === null)).toBe(true);
  });
});

// Arbitraries for report content: text without digits (so no NIK or phone number), real dates.
const text = (max: number) => fc.stringMatching(new RegExp(`^[A-Za-z][A-Za-z ,.]{0,${max - 2}}[A-Za-z]$`));
const isoDate = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const anyCount = fc.option(fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -COUNT_MAX, max: COUNT_MAX, noNaN: true })), { nil: null });
const counts = <K extends string>(keys: readonly K[], count: fc.Arbitrary<number | null>) => fc.record(Object.fromEntries(keys.map((k) => [k, count])));
const note = fc.option(text(40), { nil: undefined });

function contentArbitrary(count: fc.Arbitrary<number | null>) {
  return fc.record({
    activities: fc.array(fc.record({ subTaskForce: fc.constantFrom(...SUB_TASK_FORCE_CODES), what: text(60), date: fc.option(isoDate, { nil: null }), actionItemId: fc.option(fc.integer({ min: 1, max: 50 }), { nil: null }) }), { maxLength: 5 }),
    realisations: fc.uniqueArray(fc.record({ actionItemId: fc.integer({ min: 1, max: 50 }), value: count, note }, { requiredKeys: ["actionItemId", "value"] }), { selector: (r) => r.actionItemId, maxLength: 5 }),
    victims: fc.record({
      total: count,
      women: count,
      girls: count,
      men: count,
      boys: count,
      exploitation: counts(EXPLOITATION_FORMS, count),
      domestic: count,
      abroad: fc.uniqueArray(fc.record({ country: fc.stringMatching(/^[A-Z]{2}$/), count }), { selector: (a) => a.country, maxLength: 4 }),
    }),
    lawEnforcement: counts(["casesReported", "suspects", "prosecutions", "convictions"], count),
    services: counts(["healthRehabilitation", "socialRehabilitation", "repatriation", "reintegration"], count),
    networkScope: counts(["local", "regional", "international"], count),
    prevention: counts(["trainings", "communityGroups", "regulations", "agreements"], count),
    coordination: counts(["meetings"], count),
    budget: fc.record({
      lines: fc.array(fc.record({ source: fc.constantFrom(...BUDGET_SOURCES), allocated: count, spent: count, note }, { requiredKeys: ["source", "allocated", "spent"] }), { maxLength: 3 }),
      dedicatedLine: fc.option(fc.boolean(), { nil: null }),
      regionTotalBudget: count,
    }),
    narrative: fc.record({ obstacles: text(200), recommendations: text(200) }, { requiredKeys: [] }),
  });
}

/** Content whose counts are non-negative whole numbers, with every breakdown within its total, spending within allocation, dates in 2025. */
const validContent = contentArbitrary(fc.option(fc.nat(1000), { nil: null })).map((c): ReportContentInput => {
  const v = c.victims;
  const s = (xs: (number | null)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);
  const total = v.total === null ? null : v.total + Math.max(s([v.women, v.girls, v.men, v.boys]), s(Object.values(v.exploitation)), s([v.domestic, ...v.abroad.map((a) => a.count)]));
  return {
    ...c,
    activities: c.activities.map((a) => ({ ...a, date: a.date === null ? null : `2025${a.date.slice(4, 10).replace("-02-29", "-02-28")}` })),
    victims: { ...v, total },
    budget: { ...c.budget, lines: c.budget.lines.map((l) => ({ ...l, spent: l.spent === null || l.allocated === null ? l.spent : Math.min(l.spent, l.allocated) })) },
  };
});
const itemsFor = (content: ReportContent): ReportCheckContext["items"] => content.realisations.map((r) => ({ id: r.actionItemId, unit: "count", targetMode: "per_year", targets: [] }));

describe("report content, over generated reports", () => {
  it("parses any content built from the arbitraries, round-trips it through JSON unchanged, and checks it without throwing", () => {
    fc.assert(
      fc.property(contentArbitrary(anyCount), fc.boolean(), fc.option(contentArbitrary(anyCount), { nil: null }), (input, periodKnown, previousInput) => {
        const content = ReportContentSchema.parse(input);
        expect(ReportContentSchema.parse(JSON.parse(JSON.stringify(content)))).toEqual(content);
        const previous = previousInput === null ? null : ReportContentSchema.parse(previousInput);
        const checks = checkReport(content, { items: context.items, year: 2025, previous, periodKnown });
        expect(new Set(checks.errors.map((e) => e.key)).size).toBe(checks.errors.length);
      }),
    );
  });

  it("finds no error in content whose counts are non-negative whole numbers with breakdowns within their totals", () => {
    fc.assert(
      fc.property(validContent, (input) => {
        const content = ReportContentSchema.parse(input);
        expect(checkReport(content, { items: itemsFor(content), year: 2025, previous: null, periodKnown: true }).errors).toEqual([]);
      }),
    );
  });
});
