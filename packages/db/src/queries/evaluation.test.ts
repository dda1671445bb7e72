import { DEFAULT_EVALUATION_SETTINGS, EVALUATION_COUNT_COLUMNS, emptyReportContent } from "@gugus/domain";
import type { ReportContent } from "@gugus/domain";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing.ts";
import {
  countCoordinatorsAt,
  findEvaluationSettings,
  insertEvaluationPublication,
  insertEvaluationSettings,
  listEarlierRealisations,
  listEvaluationPublications,
  listEvaluationReports,
  listEvaluationSettings,
  updateEvaluationSettings,
} from "./evaluation.ts";
import { insertMembership } from "./formation.ts";
import { listTaskForces } from "./hierarchy.ts";
import { findPeriodByNumber } from "./ran.ts";
import { insertReport, updateReportStatus } from "./reports.ts";

const NOW = Date.UTC(2026, 10, 28, 3, 0);
const h = createTestDatabase();
afterAll(() => h.close());
const db = h.db;
const all = listTaskForces(db, { at: "2026-11-28" });
const byCode = (code: string | null) => all.find((t) => t.regionCode === code)!;
const bekasi = byCode("32.75");
const karawang = byCode("32.16");
const jawaBarat = byCode("32");
const periodIV = findPeriodByNumber(db, 4)!;

const content = (over: Partial<ReportContent>): ReportContent => ({ ...emptyReportContent(), ...over });
function report(taskForceId: number, periodKey: string, c: ReportContent, status: "draft" | "submitted" = "submitted") {
  const r = insertReport(db, { taskForceId, periodId: periodIV.id, periodKey, content: c, completeness: 0.5, now: NOW, userId: null })!;
  if (status === "submitted") updateReportStatus(db, { id: r.id, version: 1, status: "submitted", now: NOW, userId: null, firstSubmittedAt: NOW, lastSubmittedAt: NOW, onTime: false });
  return r.id;
}

const bekasi2026 = content({
  realisations: [
    { actionItemId: 11, value: 4, note: "Sekolah menengah" },
    { actionItemId: 12, value: null },
  ],
  victims: { ...emptyReportContent().victims, total: 12, women: 3, boys: null },
  lawEnforcement: { casesReported: 2, suspects: 4, prosecutions: null, convictions: 0 },
  coordination: { meetings: 5 },
  budget: { lines: [{ source: "APBD", allocated: 500, spent: 400 }, { source: "APBN", allocated: 100, spent: null }], dedicatedLine: true, regionTotalBudget: 6_000_000 },
});
report(bekasi.id, "2026", bekasi2026);
report(karawang.id, "2026", content({ coordination: { meetings: 9 }, victims: { ...emptyReportContent().victims, total: 30 } }), "draft");
report(bekasi.id, "2025", content({ realisations: [{ actionItemId: 11, value: 5 }, { actionItemId: 13, value: 2 }] }));
report(karawang.id, "2025", content({ realisations: [{ actionItemId: 11, value: 7 }] }), "draft");

describe("the year's reports for the evaluation", () => {
  it("reads status, timeliness and only the content's scoring fields and count columns, in task-force order", () => {
    const rows = listEvaluationReports(db, { periodKey: "2026" });
    expect(rows.map((r) => r.taskForceId)).toEqual([bekasi.id, karawang.id].sort((a, b) => a - b));
    const b = rows.find((r) => r.taskForceId === bekasi.id)!;
    expect(b).toEqual({
      taskForceId: bekasi.id,
      status: "submitted",
      onTime: false,
      dedicatedLine: true,
      regionTotalBudget: 6_000_000,
      meetings: 5,
      budgetLines: [
        { source: "APBD", allocated: 500, spent: 400 },
        { source: "APBN", allocated: 100, spent: null },
      ],
      realisations: [
        { actionItemId: 11, value: 4 },
        { actionItemId: 12, value: null },
      ],
      counts: [12, 3, null, null, null, 2, 4, null, 0, null, null, null, null],
    });
    expect(b.counts).toHaveLength(EVALUATION_COUNT_COLUMNS.length);
  });

  it("does not read a draft's content: it feeds nothing", () => {
    const k = listEvaluationReports(db, { periodKey: "2026" }).find((r) => r.taskForceId === karawang.id)!;
    expect(k).toMatchObject({ status: "draft", onTime: null, meetings: null, budgetLines: [], realisations: [], dedicatedLine: null });
    expect(k.counts.every((c) => c === null)).toBe(true);
  });

  it("keeps to the task forces asked for, and answers none for an empty list", () => {
    expect(listEvaluationReports(db, { periodKey: "2026", taskForceIds: [karawang.id, jawaBarat.id] }).map((r) => r.taskForceId)).toEqual([karawang.id]);
    expect(listEvaluationReports(db, { periodKey: "2026", taskForceIds: [] })).toEqual([]);
    expect(listEvaluationReports(db, { periodKey: "2027" })).toEqual([]);
  });
});

describe("earlier realisations", () => {
  it("gives the asked items' realisations of the period's earlier years from submitted reports only", () => {
    expect(listEarlierRealisations(db, { periodId: periodIV.id, year: 2026, actionItemIds: [11] })).toEqual([{ taskForceId: bekasi.id, actionItemId: 11, year: 2025, value: 5 }]);
    expect(listEarlierRealisations(db, { periodId: periodIV.id, year: 2026, actionItemIds: [11, 13], taskForceIds: [bekasi.id] })).toHaveLength(2);
  });

  it("gives nothing of the year itself, nor without items", () => {
    expect(listEarlierRealisations(db, { periodId: periodIV.id, year: 2025, actionItemIds: [11] })).toEqual([]);
    expect(listEarlierRealisations(db, { periodId: periodIV.id, year: 2026, actionItemIds: [] })).toEqual([]);
  });
});

describe("coordinators at a date", () => {
  const coordinator = (taskForceId: number, subTaskForce: "prevention" | "coordination", validFrom: string, validTo: string | null = null) =>
    insertMembership(db, taskForceId, { position: "coordinator", subTaskForce, office: "Kepala Dinas", agency: "DP3A", stakeholderType: "pemda_opd", personName: null, validFrom, validTo }, NOW);

  it("counts the distinct sub-task-forces with a coordinator valid that day, per task force, in one query", () => {
    coordinator(bekasi.id, "prevention", "2020-01-01");
    coordinator(bekasi.id, "prevention", "2020-01-01", "2024-12-31");
    coordinator(bekasi.id, "coordination", "2026-06-01");
    coordinator(karawang.id, "prevention", "2020-01-01", "2025-12-31");
    expect(countCoordinatorsAt(db, { at: "2026-12-31" })).toEqual(new Map([[bekasi.id, 2]]));
    expect(countCoordinatorsAt(db, { at: "2025-12-31", taskForceIds: [bekasi.id, karawang.id] })).toEqual(
      new Map([
        [bekasi.id, 1],
        [karawang.id, 1],
      ]),
    );
    expect(countCoordinatorsAt(db, { at: "2026-12-31", taskForceIds: [] })).toEqual(new Map());
  });
});

describe("settings and publications", () => {
  it("has no row for a period on the defaults; a first row at version 1, once", () => {
    expect(findEvaluationSettings(db, periodIV.id)).toBeUndefined();
    expect(insertEvaluationSettings(db, { periodId: periodIV.id, settings: DEFAULT_EVALUATION_SETTINGS, now: NOW, userId: null })).toBe(true);
    expect(insertEvaluationSettings(db, { periodId: periodIV.id, settings: DEFAULT_EVALUATION_SETTINGS, now: NOW, userId: null })).toBe(false);
    expect(findEvaluationSettings(db, periodIV.id)).toMatchObject({ periodId: periodIV.id, settings: DEFAULT_EVALUATION_SETTINGS, version: 1 });
  });

  it("updates only from the version read", () => {
    const changed = { ...DEFAULT_EVALUATION_SETTINGS, fullMeetings: 6 };
    expect(updateEvaluationSettings(db, { periodId: periodIV.id, version: 2, settings: changed, now: NOW + 1, userId: null })).toBe(false);
    expect(updateEvaluationSettings(db, { periodId: periodIV.id, version: 1, settings: changed, now: NOW + 1, userId: null })).toBe(true);
    expect(findEvaluationSettings(db, periodIV.id)).toMatchObject({ settings: changed, version: 2, updatedAt: NOW + 1 });
    expect(listEvaluationSettings(db).map((r) => r.periodId)).toEqual([periodIV.id]);
  });

  it("publishes a year once", () => {
    expect(insertEvaluationPublication(db, { year: 2025, periodId: periodIV.id, now: NOW, userId: null })).toBe(true);
    expect(insertEvaluationPublication(db, { year: 2025, periodId: periodIV.id, now: NOW + 5, userId: null })).toBe(false);
    expect(listEvaluationPublications(db)).toEqual([{ year: 2025, periodId: periodIV.id, publishedAt: NOW, publishedBy: null }]);
  });
});
