import { describe, expect, it } from "vitest";
import { BUDGET_MAX, COUNT_MAX, EXPLOITATION_FORMS, REPORT_SECTIONS, ReportContentSchema, emptyReportContent } from "./content.ts";

const codes = (input: unknown) => ReportContentSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}:${i.message}`) ?? [];

describe("ReportContentSchema", () => {
  it("parses {} to the empty report, every count null (not reported) rather than zero", () => {
    const empty = ReportContentSchema.parse({});
    expect(empty).toEqual(emptyReportContent());
    expect(empty.victims.total).toBeNull();
    expect(Object.keys(empty.victims.exploitation)).toEqual([...EXPLOITATION_FORMS]);
    expect(Object.keys(empty)).toEqual([...REPORT_SECTIONS]);
    expect(empty.activities).toEqual([]);
  });

  it("gives a new object each call, so changing one empty report leaves the next alone", () => {
    const a = emptyReportContent();
    a.activities.push({ subTaskForce: "prevention", what: "Sosialisasi", date: null, actionItemId: null });
    a.victims.total = 3;
    expect(emptyReportContent().activities).toEqual([]);
    expect(emptyReportContent().victims.total).toBeNull();
  });

  it("keeps a negative or fractional count in the draft (checkReport refuses it), so nothing typed is lost", () => {
    const parsed = ReportContentSchema.parse({ victims: { total: -2, women: 1.5 } });
    expect(parsed.victims.total).toBe(-2);
    expect(parsed.victims.women).toBe(1.5);
  });

  it("refuses a count that is not a number with COUNT_INVALID and one beyond ±1e12 with COUNT_TOO_LARGE", () => {
    expect(codes({ victims: { total: "3" } })).toEqual(["victims.total:COUNT_INVALID"]);
    expect(codes({ services: { repatriation: COUNT_MAX + 1 } })).toEqual(["services.repatriation:COUNT_TOO_LARGE"]);
    expect(codes({ services: { repatriation: -COUNT_MAX - 1 } })).toEqual(["services.repatriation:COUNT_TOO_LARGE"]);
    expect(codes({ services: { repatriation: COUNT_MAX } })).toEqual([]);
  });

  it("takes a budget up to 1e15 rupiah, above the bound for counts, since a province's budget may exceed a trillion", () => {
    expect(codes({ budget: { regionTotalBudget: 8e13 } })).toEqual([]);
    expect(codes({ budget: { regionTotalBudget: BUDGET_MAX * 2 } })).toEqual(["budget.regionTotalBudget:COUNT_TOO_LARGE"]);
  });

  it("reads -0 as 0, as JSON would write it", () => {
    expect(Object.is(ReportContentSchema.parse({ coordination: { meetings: -0 } }).coordination.meetings, 0)).toBe(true);
  });

  it("refuses a key it does not know, at any depth, with REPORT_CONTENT_INVALID", () => {
    expect(codes({ extra: 1 })).toEqual([":REPORT_CONTENT_INVALID"]);
    expect(codes({ victims: { exploitation: { begging: 2 } } })).toEqual(["victims.exploitation:REPORT_CONTENT_INVALID"]);
  });

  it("refuses a country that is not two upper-case letters, and the same country twice", () => {
    expect(codes({ victims: { abroad: [{ country: "my", count: 1 }] } })).toEqual(["victims.abroad.0.country:COUNTRY_INVALID"]);
    expect(codes({ victims: { abroad: [{ country: "MYS", count: 1 }] } })).toEqual(["victims.abroad.0.country:COUNTRY_INVALID"]);
    expect(codes({ victims: { abroad: [{ country: "MY", count: 1 }, { country: "MY", count: 2 }] } })).toEqual(["victims.abroad.1.country:REPORT_CONTENT_INVALID"]);
  });

  it("refuses two realisations of the same action item", () => {
    expect(codes({ realisations: [{ actionItemId: 4, value: 1 }, { actionItemId: 4, value: null }] })).toEqual(["realisations.1.actionItemId:REPORT_CONTENT_INVALID"]);
  });

  it("refuses more than 300 activities", () => {
    const activity = { subTaskForce: "prevention", what: "Sosialisasi" };
    expect(codes({ activities: Array.from({ length: 300 }, () => activity) })).toEqual([]);
    expect(codes({ activities: Array.from({ length: 301 }, () => activity) })).toEqual(["activities:REPORT_CONTENT_INVALID"]);
  });

  it("refuses an NIK or a phone number in an activity, a note or the narrative", () => {
    expect(codes({ activities: [{ subTaskForce: "prevention", what: "Korban NIK 3275010101010001" }] })).toEqual(["activities.0.what:PERSONAL_DATA_IN_TEXT"]);
    expect(codes({ narrative: { obstacles: "Hubungi 0812-3456-7890" } })).toEqual(["narrative.obstacles:PERSONAL_DATA_IN_TEXT"]);
    expect(codes({ budget: { lines: [{ source: "APBD", note: "HP 081234567890" }] } })).toEqual(["budget.lines.0.note:PERSONAL_DATA_IN_TEXT"]);
  });

  it("refuses a 1 MB narrative with the field's code, and takes 20,000 characters", () => {
    expect(codes({ narrative: { obstacles: "a".repeat(1_000_000) } })).toEqual(["narrative.obstacles:NARRATIVE_INVALID"]);
    expect(codes({ narrative: { recommendations: "a".repeat(20_000) } })).toEqual([]);
  });

  it("refuses an activity described in fewer than 2 characters, and an unknown sub-task-force", () => {
    expect(codes({ activities: [{ subTaskForce: "prevention", what: " x " }] })).toEqual(["activities.0.what:ACTIVITY_INVALID"]);
    expect(codes({ activities: [{ subTaskForce: "finance", what: "Rapat" }] })).toEqual(["activities.0.subTaskForce:SUB_TASK_FORCE_INVALID"]);
  });

  it("refuses an activity dated on a day the calendar does not have", () => {
    expect(codes({ activities: [{ subTaskForce: "prevention", what: "Rapat", date: "2025-02-29" }] })).toEqual(["activities.0.date:DATE_INVALID"]);
  });
});
