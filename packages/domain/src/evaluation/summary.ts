/**
 * Summaries of scores across task forces, as the dashboards and scorecards show them: the median
 * and quartiles (R's type 7, the default of R and of spreadsheets: linear between the two nearest
 * order statistics), a histogram of totals in ten bins, and what would raise a task force's total
 * the most. Also the columns of the evaluation's count tables. No IO.
 */
import { COMMITMENT_POINTS, DISCIPLINE_POINTS, ITEM_POINTS, READINESS_POINTS } from "./score.ts";
import type { TaskForceScore } from "./score.ts";
import { EVALUATION_PARTS } from "./settings.ts";
import type { EvaluationPart } from "./settings.ts";

/**
 * The columns of every count table of the evaluation (dashboards and exports), in order: paths into
 * a report's content. Each table goes through `suppressTable` before anyone sees it.
 */
export const EVALUATION_COUNT_COLUMNS = [
  "victims.total",
  "victims.women",
  "victims.girls",
  "victims.men",
  "victims.boys",
  "lawEnforcement.casesReported",
  "lawEnforcement.suspects",
  "lawEnforcement.prosecutions",
  "lawEnforcement.convictions",
  "services.healthRehabilitation",
  "services.socialRehabilitation",
  "services.repatriation",
  "services.reintegration",
] as const;
export type EvaluationCountColumn = (typeof EVALUATION_COUNT_COLUMNS)[number];

/**
 * The quantile `p` (0..1) of numbers already sorted ascending, R's type 7: at position h = (n − 1)p,
 * linear between the order statistics either side. Null for no numbers; the number itself for one.
 */
export function quantileOfSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const low = Math.floor(h);
  const high = Math.min(sorted.length - 1, low + 1);
  return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
}

const ascending = (values: readonly number[]) => [...values].sort((a, b) => a - b);

/** The median of numbers (in any order); null for none. */
export function median(values: readonly number[]): number | null {
  return quantileOfSorted(ascending(values), 0.5);
}

/** The spread of numbers: minimum, first quartile, median, third quartile, maximum (type 7); all null for none. */
export type Spread = { min: number | null; q1: number | null; median: number | null; q3: number | null; max: number | null };

/** The five-number summary of numbers (in any order), quartiles by R's type 7. */
export function spreadOf(values: readonly number[]): Spread {
  const sorted = ascending(values);
  return {
    min: sorted[0] ?? null,
    q1: quantileOfSorted(sorted, 0.25),
    median: quantileOfSorted(sorted, 0.5),
    q3: quantileOfSorted(sorted, 0.75),
    max: sorted.at(-1) ?? null,
  };
}

/** How many histogram bins a distribution of totals has: 0–10, 10–20 … 90–100. */
export const HISTOGRAM_BINS = 10;

/**
 * Totals (0..100) counted in ten bins of width 10: each bin holds from `from` up to but not
 * including `to`, except the last, which holds 100 too. Values outside 0..100 go to the nearest end bin.
 */
export function histogram(values: readonly number[]): { from: number; to: number; count: number }[] {
  const width = 100 / HISTOGRAM_BINS;
  const bins = Array.from({ length: HISTOGRAM_BINS }, (_, i) => ({ from: i * width, to: (i + 1) * width, count: 0 }));
  for (const v of values) bins[Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor(v / width)))]!.count++;
  return bins;
}

/** What filling one input would add to the total. */
export type RaiseOption = { part: EvaluationPart; input: string; gain: number };

/** The points an input is worth when given: a missing input shows a maximum of 0, so its worth comes from the method. */
function worthOf(part: EvaluationPart, input: string): number {
  if (part === "delivery") return ITEM_POINTS;
  const points: Record<string, number> =
    part === "readiness"
      ? READINESS_POINTS
      : part === "commitment"
        ? { budgetAllocated: COMMITMENT_POINTS.budget, budgetShare: COMMITMENT_POINTS.budget, shareSpent: COMMITMENT_POINTS.shareSpent, meetings: COMMITMENT_POINTS.meetings }
        : DISCIPLINE_POINTS;
  return points[input] ?? 0;
}

/**
 * What would raise a task force's total the most: for each input below its full points (or missing),
 * the points the total would gain were that input full, the other inputs as they are — the part's
 * new score less its score, times the part's weight. The `n` largest gains first (ties in the order
 * of the parts and inputs); inputs already full, and parts without any input, give none.
 */
export function raiseOptions(score: Pick<TaskForceScore, "parts">, weights: Record<EvaluationPart, number>, n: number): RaiseOption[] {
  const options: RaiseOption[] = [];
  for (const part of EVALUATION_PARTS) {
    const { inputs, score: now } = score.parts[part];
    if (inputs.length === 0) continue;
    const max = inputs.reduce((s, i) => s + i.max, 0);
    const points = inputs.reduce((s, i) => s + i.points, 0);
    const current = now ?? 0;
    for (const input of inputs) {
      const worth = input.missing ? worthOf(part, input.name) : input.max;
      const newMax = input.missing ? max + worth : max;
      const newPoints = points - input.points + worth;
      if (worth <= 0 || newMax <= 0) continue;
      const gain = weights[part] * ((100 * newPoints) / newMax - current);
      if (gain > 1e-9) options.push({ part, input: input.name, gain });
    }
  }
  // A stable sort keeps the parts' and inputs' order among equal gains.
  return options.sort((a, b) => b.gain - a.gain).slice(0, Math.max(0, n));
}
