/**
 * A task force's score for a year, from plain inputs (no IO): four parts — readiness, commitment,
 * delivery (per sub-task-force too) and discipline — each 0..100 with every input listed, and a
 * total that is their weighted sum.
 *
 * Missing is never zero. An input nobody reported is `missing` and earns no points out of no
 * maximum: a part's score is 100 × its points over the maximum of the inputs it has. A part with
 * no input at all has no score (null). A task force with a part without a score, or with more than
 * the period's `missingThreshold` of its inputs missing, gets no total: it is "not rated", with the
 * list of what is missing. A missing report is a real 0 for discipline (it was not submitted), while
 * the parts its content would have fed are missing. A score from a report that is not approved is
 * provisional.
 */
import { SUB_TASK_FORCE_CODES } from "../sub-task-forces.ts";
import type { SubTaskForceCode } from "../sub-task-forces.ts";
import { achievementForYear, targetForYear, targetToDate } from "../ran/plan.ts";
import type { TargetMode, YearTarget } from "../ran/plan.ts";
import { BUDGET_SOURCES } from "../reports/content.ts";
import type { BudgetSource, ReportContent } from "../reports/content.ts";
import { wasSubmitted } from "../reports/rate.ts";
import type { ReportStatus } from "../reports/workflow.ts";
import { EVALUATION_PARTS } from "./settings.ts";
import type { EvaluationPart, EvaluationSettings } from "./settings.ts";

/** The points of each readiness input (an evidence checklist; 100 in all). */
export const READINESS_POINTS = { instrumentInForce: 25, coordinators: 25, radRecorded: 25, dedicatedBudgetLine: 25 } as const;
/** The points of each commitment input (100 in all): the budget (as a share of the region's budget when given), the share spent, the meetings held. */
export const COMMITMENT_POINTS = { budget: 40, shareSpent: 30, meetings: 30 } as const;
/** The points of each discipline input (100 in all): submitted, on time, approved. */
export const DISCIPLINE_POINTS = { submitted: 40, onTime: 30, approved: 30 } as const;
/** The points of one action item in delivery: every item weighs the same, so the part is the mean of the items' scores. */
export const ITEM_POINTS = 100;
/** How many sub-task-forces need a coordinator for the coordinators input's full points (each earns a sixth). */
export const COORDINATORS_EXPECTED = SUB_TASK_FORCE_CODES.length;

/** An action item at the task force's level, with its targets and the realisations reported for it year by year. */
export type DeliveryItemInput = {
  id: number;
  code: string;
  subTaskForce: SubTaskForceCode;
  targetMode: TargetMode;
  targets: readonly YearTarget[];
  /** Reported realisations by year; a year without one is unknown (missing), never zero. Cumulative items add them up. */
  realisations: readonly { year: number; value: number }[];
};

/** One budget line as a report gives it. */
export type BudgetLineInput = { source: BudgetSource; allocated: number | null; spent: number | null };

/** What scoring one task force for one year needs, as plain data. */
export type EvaluationInputs = {
  year: number;
  readiness: {
    /** An establishment instrument in force in the year (null: unknown). */
    instrumentInForce: boolean | null;
    /** How many of the six sub-task-forces have a coordinator (null: unknown). */
    coordinators: number | null;
    /** A regional action plan (RAD) recorded (null: unknown). */
    radRecorded: boolean | null;
    /** A dedicated budget line, as the report says (null: not reported). */
    dedicatedBudgetLine: boolean | null;
  };
  commitment: {
    /** The report's budget lines; none means the budget was not reported. */
    budget: readonly BudgetLineInput[];
    /** The region's total budget in rupiah, when the report gives it. */
    regionTotalBudget: number | null;
    /** Coordination meetings held in the year (null: not reported). */
    meetings: number | null;
  };
  delivery: { items: readonly DeliveryItemInput[] };
  /** The year's report: its status and whether it was first submitted on time (null: never submitted). Null when there is none. */
  discipline: { report: { status: ReportStatus; onTime: boolean | null } | null };
};

/** One input of a part: its value (null when missing), the points it earned out of `max`. A missing input earns 0 of a max of 0. */
export type ScoreInput = { name: string; value: number | boolean | null; points: number; max: number; missing: boolean };
/** A part: its score 0..100 (null when it has no input that is not missing) and every input. */
export type PartScore = { score: number | null; inputs: ScoreInput[] };
/** A sub-task-force's delivery: the items of that area. */
export type SubTaskForceScore = PartScore & { subTaskForce: SubTaskForceCode };
export type TaskForceScore = {
  parts: {
    readiness: PartScore;
    commitment: PartScore & { bySource: { source: BudgetSource; allocated: number; spent: number }[] };
    delivery: PartScore & { subTaskForces: SubTaskForceScore[] };
    discipline: PartScore;
  };
  /** The weighted sum of the parts' scores, 0..100; null when not rated. */
  total: number | null;
  rated: boolean;
  /** Missing inputs over all inputs, 0..1. */
  missingShare: number;
  /** What is missing: `part.input` for each missing input, `part` alone for a part with no input at all. */
  missing: string[];
  /** The report is not approved (or there is none): the score may still change. */
  provisional: boolean;
};

const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));

/** An input that was given: `share` (0..1) of `max` points. */
const given = (name: string, value: number | boolean, max: number, share: number): ScoreInput => ({ name, value, points: max * clamp(share, 0, 1), max, missing: false });
const absent = (name: string): ScoreInput => ({ name, value: null, points: 0, max: 0, missing: true });
const flag = (name: string, value: boolean | null, max: number) => (value === null ? absent(name) : given(name, value, max, value ? 1 : 0));

/** 100 × points over the maximum of the inputs that are not missing; null when there is none. */
function partOf(inputs: ScoreInput[]): PartScore {
  const max = inputs.reduce((s, i) => s + i.max, 0);
  const points = inputs.reduce((s, i) => s + i.points, 0);
  return { score: inputs.some((i) => !i.missing) && max > 0 ? (100 * points) / max : null, inputs };
}

function readinessOf(r: EvaluationInputs["readiness"]): PartScore {
  const coordinators = r.coordinators === null ? absent("coordinators") : given("coordinators", r.coordinators, READINESS_POINTS.coordinators, r.coordinators / COORDINATORS_EXPECTED);
  return partOf([
    flag("instrumentInForce", r.instrumentInForce, READINESS_POINTS.instrumentInForce),
    coordinators,
    flag("radRecorded", r.radRecorded, READINESS_POINTS.radRecorded),
    flag("dedicatedBudgetLine", r.dedicatedBudgetLine, READINESS_POINTS.dedicatedBudgetLine),
  ]);
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/**
 * Commitment: the budget allocated — as a share of the region's total budget when the report gives
 * it (`fullBudgetShare` earns full points, less a linear share), else full points for any allocation
 * above 0 — the share of it spent (capped at 1; 0 of 0 allocated is 0), and the meetings held
 * (`fullMeetings` earn full points). The budget is missing when no line is given or a line's amount is blank.
 */
function commitmentOf(c: EvaluationInputs["commitment"], settings: EvaluationSettings): TaskForceScore["parts"]["commitment"] {
  const lines = c.budget;
  const allocatedKnown = lines.length > 0 && lines.every((l) => l.allocated !== null);
  const spentKnown = allocatedKnown && lines.every((l) => l.spent !== null);
  const allocated = sum(lines.map((l) => l.allocated ?? 0));
  const spent = sum(lines.map((l) => l.spent ?? 0));
  const total = c.regionTotalBudget !== null && c.regionTotalBudget > 0 ? c.regionTotalBudget : null;
  let budget: ScoreInput;
  if (!allocatedKnown) budget = absent(total === null ? "budgetAllocated" : "budgetShare");
  else if (total === null) budget = given("budgetAllocated", allocated, COMMITMENT_POINTS.budget, allocated > 0 ? 1 : 0);
  else budget = given("budgetShare", allocated / total, COMMITMENT_POINTS.budget, allocated / total / settings.fullBudgetShare);
  const shareSpent = !spentKnown ? absent("shareSpent") : given("shareSpent", allocated > 0 ? Math.min(1, spent / allocated) : 0, COMMITMENT_POINTS.shareSpent, allocated > 0 ? spent / allocated : 0);
  const meetings = c.meetings === null ? absent("meetings") : given("meetings", c.meetings, COMMITMENT_POINTS.meetings, c.meetings / settings.fullMeetings);
  const bySource = BUDGET_SOURCES.flatMap((source) => {
    const of = lines.filter((l) => l.source === source);
    return of.length === 0 ? [] : [{ source, allocated: sum(of.map((l) => l.allocated ?? 0)), spent: sum(of.map((l) => l.spent ?? 0)) }];
  });
  return { ...partOf([budget, shareSpent, meetings]), bySource };
}

/**
 * Is there anything to measure an item against in the year: a target of its own that year, and a
 * figure to reach that is not 0 (the year's target, or the cumulative figure)? Items without are no input.
 */
function isMeasurable(item: DeliveryItemInput, year: number): boolean {
  if (!item.targets.some((t) => t.year === year)) return false;
  const target = item.targetMode === "per_year" ? targetForYear(item, year) : targetToDate(item, year);
  return target !== null && target !== 0;
}

/** An item's score: 100 × min(achievement, cap) / cap (never below 0), missing without a realisation for the year. */
export function scoreItem(item: DeliveryItemInput, year: number, achievementCap: number): ScoreInput {
  const achievement = achievementForYear(item, year, item.realisations);
  if (achievement === null) return absent(item.code);
  return given(item.code, achievement, ITEM_POINTS, Math.min(achievement, achievementCap) / achievementCap);
}

function deliveryOf(d: EvaluationInputs["delivery"], year: number, settings: EvaluationSettings): TaskForceScore["parts"]["delivery"] {
  const measured = d.items.filter((item) => isMeasurable(item, year)).map((item) => ({ item, input: scoreItem(item, year, settings.achievementCap) }));
  const subTaskForces = SUB_TASK_FORCE_CODES.map((subTaskForce) => ({ subTaskForce, ...partOf(measured.filter((m) => m.item.subTaskForce === subTaskForce).map((m) => m.input)) }));
  return { ...partOf(measured.map((m) => m.input)), subTaskForces };
}

/** Discipline: submitted, on time, approved — a report that is missing or still a draft scores 0 on all three, never missing. */
function disciplineOf(d: EvaluationInputs["discipline"]): PartScore {
  const report = d.report;
  const submitted = report !== null && wasSubmitted(report.status);
  const onTime = !submitted ? given("onTime", false, DISCIPLINE_POINTS.onTime, 0) : flag("onTime", report.onTime, DISCIPLINE_POINTS.onTime);
  return partOf([
    given("submitted", submitted, DISCIPLINE_POINTS.submitted, submitted ? 1 : 0),
    onTime,
    given("approved", report?.status === "approved", DISCIPLINE_POINTS.approved, report?.status === "approved" ? 1 : 0),
  ]);
}

/**
 * A task force's score for a year: the four parts with their inputs, and the total — the sum of
 * each part's score times its weight — when the task force is rated: every part has a score and at
 * most `missingThreshold` of the inputs are missing. Otherwise the total is null ("not rated") and
 * `missing` says what is missing.
 */
export function scoreTaskForce(inputs: EvaluationInputs, settings: EvaluationSettings): TaskForceScore {
  const parts: TaskForceScore["parts"] = {
    readiness: readinessOf(inputs.readiness),
    commitment: commitmentOf(inputs.commitment, settings),
    delivery: deliveryOf(inputs.delivery, inputs.year, settings),
    discipline: disciplineOf(inputs.discipline),
  };
  const all = EVALUATION_PARTS.flatMap((part) => parts[part].inputs);
  const missingCount = all.filter((i) => i.missing).length;
  const missingShare = all.length === 0 ? 1 : missingCount / all.length;
  const missing = EVALUATION_PARTS.flatMap((part) => (parts[part].inputs.length === 0 ? [part] : parts[part].inputs.filter((i) => i.missing).map((i) => `${part}.${i.name}`)));
  const rated = missingShare <= settings.missingThreshold && EVALUATION_PARTS.every((part) => parts[part].score !== null);
  return {
    parts,
    total: rated ? totalOf(parts, settings.weights) : null,
    rated,
    missingShare,
    missing,
    provisional: inputs.discipline.report?.status !== "approved",
  };
}

/** The weighted sum of the parts' scores (each must have one). */
export function totalOf(parts: Record<EvaluationPart, { score: number | null }>, weights: Record<EvaluationPart, number>): number {
  return clamp(EVALUATION_PARTS.reduce((s, part) => s + weights[part] * (parts[part].score ?? 0), 0), 0, 100);
}

/** A task force's records the evaluation reads beside its report. */
export type EvaluationRecords = { instrumentInForce: boolean | null; coordinators: number | null; radRecorded: boolean | null };

/**
 * The inputs of a task force's year from its records, its report of the year (null when there is
 * none), the action items at its level and the realisations its earlier reports gave (for cumulative
 * items). A draft report has not been submitted: its content feeds nothing, as if there were none,
 * and discipline counts it as not submitted.
 */
export function buildEvaluationInputs(options: {
  year: number;
  records: EvaluationRecords;
  report: { status: ReportStatus; onTime: boolean | null; content: ReportContent } | null;
  items: readonly Omit<DeliveryItemInput, "realisations">[];
  earlierRealisations?: readonly { actionItemId: number; year: number; value: number }[];
}): EvaluationInputs {
  const { year, records, report, items, earlierRealisations = [] } = options;
  const content = report !== null && wasSubmitted(report.status) ? report.content : null;
  const realisedNow = new Map((content?.realisations ?? []).flatMap((r) => (r.value === null ? [] : [[r.actionItemId, r.value] as const])));
  return {
    year,
    readiness: { ...records, dedicatedBudgetLine: content?.budget.dedicatedLine ?? null },
    commitment: {
      budget: (content?.budget.lines ?? []).map((l) => ({ source: l.source, allocated: l.allocated, spent: l.spent })),
      regionTotalBudget: content?.budget.regionTotalBudget ?? null,
      meetings: content?.coordination.meetings ?? null,
    },
    delivery: {
      items: items.map((item) => {
        const earlier = earlierRealisations.filter((r) => r.actionItemId === item.id && r.year < year).map((r) => ({ year: r.year, value: r.value }));
        const now = realisedNow.get(item.id);
        return { ...item, realisations: now === undefined ? earlier : [...earlier, { year, value: now }] };
      }),
    },
    discipline: { report: report === null ? null : { status: report.status, onTime: report.onTime } },
  };
}
