import { describe, expect, it } from "vitest";
import { REPORT_SECTIONS, ReportContentSchema, emptyReportContent } from "./content.ts";
import type { ReportContentInput } from "./content.ts";
import { reportCompleteness } from "./completeness.ts";

const stateOf = (input: ReportContentInput, itemIds: number[] = []) => Object.fromEntries(reportCompleteness(ReportContentSchema.parse(input), { itemIds }).sections.map((s) => [s.section, s.state]));

describe("reportCompleteness", () => {
  it("finds every section empty in the empty report, but realisations complete when there is no item to realise", () => {
    const c = reportCompleteness(emptyReportContent(), { itemIds: [] });
    expect(c.sections.map((s) => s.section)).toEqual([...REPORT_SECTIONS]);
    expect(c.sections.filter((s) => s.state !== "empty").map((s) => s.section)).toEqual(["realisations"]);
    expect(c.filled).toBe(0);
    expect(c.ratio).toBe(0);
  });
  it("counts a blank count as not reported and a zero as reported", () => {
    expect(stateOf({ coordination: { meetings: null } }).coordination).toBe("empty");
    expect(stateOf({ coordination: { meetings: 0 } }).coordination).toBe("complete");
    expect(stateOf({ lawEnforcement: { casesReported: 0, suspects: 0 } }).lawEnforcement).toBe("partial");
  });
  it("needs a realisation for every item of the period, a blank realisation not counting", () => {
    expect(stateOf({ realisations: [{ actionItemId: 1, value: 3 }] }, [1, 2]).realisations).toBe("partial");
    expect(stateOf({ realisations: [{ actionItemId: 1, value: 3 }, { actionItemId: 2, value: null }] }, [1, 2]).realisations).toBe("partial");
    expect(stateOf({ realisations: [{ actionItemId: 1, value: 3 }, { actionItemId: 2, value: 0 }] }, [1, 2]).realisations).toBe("complete");
    expect(stateOf({}, [1, 2]).realisations).toBe("empty");
  });
  it("needs a budget line with both amounts, the dedicated-line answer and the region's budget for a complete budget", () => {
    expect(stateOf({ budget: { lines: [{ source: "APBD", allocated: 10, spent: null }], dedicatedLine: false, regionTotalBudget: 1e9 } }).budget).toBe("partial");
    expect(stateOf({ budget: { lines: [{ source: "APBD", allocated: 10, spent: 0 }], dedicatedLine: false, regionTotalBudget: 1e9 } }).budget).toBe("complete");
  });
  it("reads a narrative of only spaces as empty", () => {
    expect(stateOf({ narrative: { obstacles: "  " } }).narrative).toBe("empty");
    expect(stateOf({ narrative: { obstacles: "Anggaran terbatas" } }).narrative).toBe("partial");
  });
  it("weighs the ratio by what was filled, between 0 and 1", () => {
    const c = reportCompleteness(ReportContentSchema.parse({ coordination: { meetings: 2 }, activities: [{ subTaskForce: "prevention", what: "Rapat" }] }), { itemIds: [1] });
    expect(c.filled).toBe(2);
    expect(c.ratio).toBeCloseTo(2 / c.total);
  });
});
