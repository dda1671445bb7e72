import { emptyReportContent } from "@gugus/domain/reports";
import { describe, expect, it } from "vitest";
import { checkContextOf, problemsOf, setField } from "./model.ts";

const view = {
  period: { year: 2025 },
  items: [
    { id: 7, code: "1.1.a", subTaskForce: "prevention", programme: "", activity: "", indicator: "", unit: "people", targetMode: "per_year", targets: [{ year: 2025, value: 10 }], yearTarget: 10, targetToDate: 30 },
  ],
  previousContent: null,
} as unknown as Parameters<typeof checkContextOf>[0];

describe("the report form's model", () => {
  it("sets one leaf by its path and leaves the rest as it was", () => {
    const before = emptyReportContent();
    const after = setField("victims.women", 4)(before);
    expect(after.victims.women).toBe(4);
    expect(after.victims.exploitation).toBe(before.victims.exploitation);
    expect(before.victims.women).toBeNull();
    const lines = setField("budget.lines.0.spent", 5)({ ...before, budget: { ...before.budget, lines: [{ source: "APBD", allocated: 1, spent: null }] } });
    expect(lines.budget.lines).toEqual([{ source: "APBD", allocated: 1, spent: 5 }]);
  });

  it("checks with the server's context: the items with their targets, the year and last year's report", () => {
    expect(checkContextOf(view)).toMatchObject({ year: 2025, previous: null, periodKnown: true, items: [{ id: 7, targets: [{ year: 2025, value: 10 }] }] });
  });

  it("puts the domain's errors and warnings on their fields, and a blank stays no problem", () => {
    const content = { ...emptyReportContent(), victims: { ...emptyReportContent().victims, total: 3, women: 2, girls: 2 }, realisations: [{ actionItemId: 7, value: 1.5 }] };
    const problems = problemsOf(content, checkContextOf(view));
    expect(problems.schema).toEqual([]);
    expect(problems.byPath.get("victims.total")?.map((i) => i.code)).toEqual(["BREAKDOWN_EXCEEDS_TOTAL"]);
    expect(problems.byPath.get("realisations.0.value")?.map((i) => i.code)).toEqual(["REALISATION_NOT_WHOLE"]);
    expect(problems.byPath.has("victims.men")).toBe(false);
  });

  it("reports a schema refusal on its field and runs no check until the schema passes", () => {
    const content = { ...emptyReportContent(), activities: [{ subTaskForce: "prevention" as const, what: "x", date: null, actionItemId: null }], victims: { ...emptyReportContent().victims, total: -1 } };
    const problems = problemsOf(content, checkContextOf(view));
    expect(problems.schema.map((i) => i.key)).toEqual(["activities.0.what"]);
    expect(problems.checks.errors).toEqual([]);
  });

  it("keeps the server's last-year warnings the client cannot tell alone", () => {
    const content = { ...emptyReportContent(), coordination: { meetings: 40 } };
    const server = { errors: [], warnings: [{ key: "TEN_TIMES_LAST_YEAR@coordination.meetings", path: "coordination.meetings", code: "TEN_TIMES_LAST_YEAR" as const, params: { value: 40, previous: 2 } }] };
    expect(problemsOf(content, checkContextOf(view), server).checks.warnings.map((w) => w.key)).toEqual(["TEN_TIMES_LAST_YEAR@coordination.meetings"]);
  });
});
