/**
 * The checks a report goes through before it is submitted. Errors block submitting: a negative or
 * fractional count, a breakdown above its total, more spent than allocated without a note, a
 * realisation that does not fit its item's unit. Warnings need an acknowledgement: figures that may
 * be right but are worth a second look (convictions above prosecutions in a year — cases span years —,
 * a count ten times last year's). Small counts are compared with last year, not with standard
 * deviations, which give excessive false alarms on small, skewed counts.
 *
 * Each problem has a stable `key` (`${code}@${path}`): an acknowledgement names the key, so it
 * holds as long as the same warning stands at the same place.
 */
import { yearOf } from "../dates.ts";
import { UNITS, achievementRatio, targetForYear } from "../ran/plan.ts";
import type { TargetMode, Unit, YearTarget } from "../ran/plan.ts";
import { EXPLOITATION_FORMS } from "./content.ts";
import type { Count, ReportContent } from "./content.ts";

/** The checks that block submitting. */
export const REPORT_ERROR_CODES = [
  "COUNT_NEGATIVE",
  "COUNT_NOT_WHOLE",
  "BUDGET_NEGATIVE",
  "BREAKDOWN_EXCEEDS_TOTAL",
  "SPENT_OVER_ALLOCATED",
  "REPORT_YEAR_OUTSIDE_PERIODS",
  "REALISATION_ITEM_UNKNOWN",
  "REALISATION_NEGATIVE",
  "REALISATION_NOT_WHOLE",
  "ACTIVITY_DATE_OUTSIDE_YEAR",
] as const;
/** The checks that need an acknowledgement before submitting. */
export const REPORT_WARNING_CODES = ["CONVICTIONS_ABOVE_PROSECUTIONS", "PROSECUTIONS_ABOVE_SUSPECTS", "TEN_TIMES_LAST_YEAR", "SPENT_OVER_ALLOCATED_NOTED", "REALISATION_FAR_ABOVE_TARGET"] as const;
/** Every code a check may give; the apps word them as `reportChecks.<CODE>`. */
export const REPORT_CHECK_CODES = [...REPORT_ERROR_CODES, ...REPORT_WARNING_CODES] as const;
export type ReportCheckCode = (typeof REPORT_CHECK_CODES)[number];

/** One problem found in a report, at a dotted path of its content (`victims.women`, `budget.lines.0.spent`). */
export type ReportProblem = { key: string; path: string; code: ReportCheckCode; params?: Record<string, string | number> };
export type ReportChecks = { errors: ReportProblem[]; warnings: ReportProblem[] };

/** What the checks need besides the content: the period's items at the task force's level, the report's year, last year's content. */
export type ReportCheckContext = {
  items: readonly { id: number; unit: Unit; targetMode: TargetMode; targets: readonly YearTarget[] }[];
  year: number;
  previous: ReportContent | null;
  /** Does a RAN period hold the report's year? */
  periodKnown: boolean;
};

/** A realisation far above its target (more than this many times it) is worth a second look. */
export const FAR_ABOVE_TARGET_RATIO = 3;
/** A count this many times last year's (or more) is worth a second look. */
export const LAST_YEAR_RATIO = 10;

/** One count of a report, with its path and a key that matches the same count in another report (the country for a destination abroad). */
export type ReportCount = { path: string; match: string; value: Count };

const COUNT_GROUPS = ["lawEnforcement", "services", "networkScope", "prevention", "coordination"] as const;

/** Every count of a report, in form order: victims (with each form of exploitation and each country abroad), then the other sections. */
export function listReportCounts(content: ReportContent): ReportCount[] {
  const out: ReportCount[] = [];
  const push = (path: string, value: Count, match = path) => out.push({ path, match, value });
  const v = content.victims;
  for (const key of ["total", "women", "girls", "men", "boys"] as const) push(`victims.${key}`, v[key]);
  for (const form of EXPLOITATION_FORMS) push(`victims.exploitation.${form}`, v.exploitation[form]);
  push("victims.domestic", v.domestic);
  v.abroad.forEach((a, i) => push(`victims.abroad.${i}.count`, a.count, `victims.abroad.${a.country}`));
  for (const group of COUNT_GROUPS) for (const [key, value] of Object.entries(content[group]) as [string, Count][]) push(`${group}.${key}`, value);
  return out;
}

const sum = (values: readonly Count[]) => values.reduce<number>((s, x) => s + (x ?? 0), 0);
const isBlank = (text: string | undefined) => text === undefined || text.trim() === "";

/** Checks a report's content: the errors that block submitting and the warnings that need an acknowledgement. Never throws on parsed content. */
export function checkReport(content: ReportContent, context: ReportCheckContext): ReportChecks {
  const errors: ReportProblem[] = [];
  const warnings: ReportProblem[] = [];
  const problem = (list: ReportProblem[], code: ReportCheckCode, path: string, params?: Record<string, string | number>) =>
    list.push({ key: `${code}@${path}`, path, code, ...(params ? { params } : {}) });

  if (!context.periodKnown) problem(errors, "REPORT_YEAR_OUTSIDE_PERIODS", "", { year: context.year });

  const counts = listReportCounts(content);
  for (const { path, value } of counts) {
    if (value === null) continue;
    if (value < 0) problem(errors, "COUNT_NEGATIVE", path);
    if (!Number.isInteger(value)) problem(errors, "COUNT_NOT_WHOLE", path);
  }

  const v = content.victims;
  if (v.total !== null) {
    const breakdowns: [string, string, number][] = [
      ["victims.total", "sex_age", sum([v.women, v.girls, v.men, v.boys])],
      ["victims.exploitation", "exploitation", sum(EXPLOITATION_FORMS.map((f) => v.exploitation[f]))],
      ["victims.abroad", "destination", sum([v.domestic, ...v.abroad.map((a) => a.count)])],
    ];
    for (const [path, breakdown, total] of breakdowns) {
      if (total > v.total) problem(errors, "BREAKDOWN_EXCEEDS_TOTAL", path, { breakdown, sum: total, total: v.total });
    }
  }

  const le = content.lawEnforcement;
  if (le.convictions !== null && le.prosecutions !== null && le.convictions > le.prosecutions) {
    problem(warnings, "CONVICTIONS_ABOVE_PROSECUTIONS", "lawEnforcement.convictions", { convictions: le.convictions, prosecutions: le.prosecutions });
  }
  if (le.prosecutions !== null && le.suspects !== null && le.prosecutions > le.suspects) {
    problem(warnings, "PROSECUTIONS_ABOVE_SUSPECTS", "lawEnforcement.prosecutions", { prosecutions: le.prosecutions, suspects: le.suspects });
  }

  content.budget.lines.forEach((line, i) => {
    for (const field of ["allocated", "spent"] as const) {
      const amount = line[field];
      if (amount !== null && amount < 0) problem(errors, "BUDGET_NEGATIVE", `budget.lines.${i}.${field}`);
    }
    if (line.spent !== null && line.allocated !== null && line.spent > line.allocated) {
      const params = { spent: line.spent, allocated: line.allocated };
      if (isBlank(line.note)) problem(errors, "SPENT_OVER_ALLOCATED", `budget.lines.${i}.spent`, params);
      else problem(warnings, "SPENT_OVER_ALLOCATED_NOTED", `budget.lines.${i}.spent`, params);
    }
  });
  if (content.budget.regionTotalBudget !== null && content.budget.regionTotalBudget < 0) problem(errors, "BUDGET_NEGATIVE", "budget.regionTotalBudget");

  const items = new Map(context.items.map((item) => [item.id, item]));
  content.realisations.forEach((r, i) => {
    const item = items.get(r.actionItemId);
    if (!item) {
      problem(errors, "REALISATION_ITEM_UNKNOWN", `realisations.${i}.actionItemId`, { actionItemId: r.actionItemId });
      return;
    }
    if (r.value === null) return;
    const unit = UNITS[item.unit];
    if (!unit.negative && r.value < 0) problem(errors, "REALISATION_NEGATIVE", `realisations.${i}.value`, { unit: item.unit });
    if (unit.whole && !Number.isInteger(r.value)) problem(errors, "REALISATION_NOT_WHOLE", `realisations.${i}.value`, { unit: item.unit });
    const target = targetForYear(item, context.year);
    const ratio = achievementRatio(target, r.value);
    if (target !== null && target > 0 && ratio !== null && ratio > FAR_ABOVE_TARGET_RATIO) {
      problem(warnings, "REALISATION_FAR_ABOVE_TARGET", `realisations.${i}.value`, { value: r.value, target, percent: Math.round(ratio * 100) });
    }
  });

  content.activities.forEach((a, i) => {
    if (a.date !== null && yearOf(a.date) !== context.year) problem(errors, "ACTIVITY_DATE_OUTSIDE_YEAR", `activities.${i}.date`, { year: context.year });
  });

  if (context.previous) {
    const before = new Map(listReportCounts(context.previous).map((c) => [c.match, c.value]));
    for (const { path, match, value } of counts) {
      const previous = before.get(match);
      if (value !== null && previous !== undefined && previous !== null && previous > 0 && value >= LAST_YEAR_RATIO * previous) {
        problem(warnings, "TEN_TIMES_LAST_YEAR", path, { value, previous });
      }
    }
  }
  return { errors, warnings };
}

/** The warnings not yet acknowledged, by key. */
export function unacknowledgedWarnings(warnings: readonly ReportProblem[], acknowledged: readonly string[]): ReportProblem[] {
  const keys = new Set(acknowledged);
  return warnings.filter((w) => !keys.has(w.key));
}
