/**
 * The reporting rate of a reporting period: how many of the expected task forces submitted, on
 * time, and had their report approved — overall, by level and by province. A percentage is never
 * capped at 100: a rate above it (a report from a task force that was not expected, e.g. one not yet
 * formed when unformed ones are not counted) is an anomaly to show, not to hide. Completeness is
 * shown beside it, because "submitted" alone does not mean "complete".
 *
 * Which task forces are expected (formed ones only, or every one in force during the period: the
 * `countUnformed` setting) is the caller's choice of the `expected` list.
 */
import { LEVELS } from "../hierarchy/levels.ts";
import type { Level } from "../hierarchy/levels.ts";
import type { ReportStatus } from "./workflow.ts";

export type RateRow = {
  expected: number;
  /** Reports ever submitted (submitted, approved, returned or reopened), expected or not. */
  submitted: number;
  onTime: number;
  approved: number;
  returned: number;
  /** Reports from task forces not in the expected list. */
  unexpected: number;
  /** 100 × n / expected, never capped; null when nothing is expected. */
  percent: { submitted: number | null; onTime: number | null; approved: number | null };
  /** A percentage above 100, or a report from an unexpected task force. */
  anomaly: boolean;
  /** The mean completeness (0..1) of the submitted reports that have one; null when none has. */
  completeness: number | null;
};

export type ExpectedReport = { taskForceId: number; level: Level; provinceCode: string | null };
export type RateReport = ExpectedReport & { status: ReportStatus; firstSubmittedAt: Date | null; onTime: boolean | null; completeness: number | null };
export type ReportingRate = { overall: RateRow; byLevel: Record<Level, RateRow>; byProvince: (RateRow & { provinceCode: string })[] };

/** Has a report in this status ever been submitted? Every status but draft. */
export function wasSubmitted(status: ReportStatus): boolean {
  return status !== "draft";
}

const percentOf = (n: number, expected: number) => (expected === 0 ? null : (100 * n) / expected);

function rowOf(expected: readonly ExpectedReport[], reports: readonly RateReport[], expectedIds: ReadonlySet<number>): RateRow {
  const submitted = reports.filter((r) => wasSubmitted(r.status));
  const count = (f: (r: RateReport) => boolean) => submitted.filter(f).length;
  const row = {
    expected: expected.length,
    submitted: submitted.length,
    onTime: count((r) => r.onTime === true),
    approved: count((r) => r.status === "approved"),
    returned: count((r) => r.status === "returned"),
    unexpected: reports.filter((r) => !expectedIds.has(r.taskForceId)).length,
  };
  const percent = { submitted: percentOf(row.submitted, row.expected), onTime: percentOf(row.onTime, row.expected), approved: percentOf(row.approved, row.expected) };
  const measured = submitted.flatMap((r) => (r.completeness === null ? [] : [r.completeness]));
  return {
    ...row,
    percent,
    anomaly: row.unexpected > 0 || Object.values(percent).some((p) => p !== null && p > 100),
    completeness: measured.length === 0 ? null : measured.reduce((s, x) => s + x, 0) / measured.length,
  };
}

/**
 * The reporting rate over the expected task forces and the reports of the period: overall, for
 * each level, and for each province (the province's own task force and its regencies/cities; the
 * national task force is in no province), provinces in code order.
 */
export function reportingRate(expected: readonly ExpectedReport[], reports: readonly RateReport[]): ReportingRate {
  const expectedIds = new Set(expected.map((e) => e.taskForceId));
  const row = (f: (x: ExpectedReport) => boolean) => rowOf(expected.filter(f), reports.filter(f), expectedIds);
  const provinces = [...new Set([...expected, ...reports].flatMap((x) => (x.provinceCode === null ? [] : [x.provinceCode])))].sort();
  return {
    overall: rowOf(expected, reports, expectedIds),
    byLevel: Object.fromEntries(LEVELS.map((level) => [level, row((x) => x.level === level)])) as Record<Level, RateRow>,
    byProvince: provinces.map((provinceCode) => ({ provinceCode, ...row((x) => x.provinceCode === provinceCode) })),
  };
}
