/**
 * Ranks with bands. Rated task forces are ranked by total (the highest first; equal totals share a
 * rank, the next one skips: 1, 2, 2, 4). Then a seeded sensitivity run over the weights — each weight
 * times a factor drawn in [1 − spread, 1 + spread], the four renormalised to add up to 1, `draws`
 * times — ranks them again from their part scores; a task force's band runs from the 5th to the 95th
 * percentile of its ranks over the draws (widened, if need be, to hold its rank itself). Two task
 * forces whose bands overlap are not called better or worse (the OECD/JRC handbook's robustness test).
 */
import { EVALUATION_PARTS } from "./settings.ts";
import type { EvaluationPart, EvaluationSettings } from "./settings.ts";

/** The percentiles of the ranks over the draws that bound a band. */
export const BAND_PERCENTILES = { best: 0.05, worst: 0.95 } as const;

/**
 * A small seeded pseudo-random generator (mulberry32): numbers in [0, 1), the same sequence for the
 * same seed on every machine. Good enough to draw weights; not for anything secret.
 */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What ranking needs of a scored task force. */
export type ScoredTaskForce = { taskForceId: number; total: number | null; parts: Record<EvaluationPart, { score: number | null }> };
/** A rated task force's rank and band (best ≤ rank ≤ worst, 1 the highest). */
export type RankedTaskForce = { taskForceId: number; total: number; rank: number; best: number; worst: number };
export type Ranking = { ranked: RankedTaskForce[]; notRated: number[] };

/** Competition ranks (1, 2, 2, 4) of totals, the highest first, written into `ranks`. */
function rankInto(totals: ArrayLike<number>, order: Uint32Array, ranks: Uint32Array): void {
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => totals[b]! - totals[a]!);
  for (let position = 0; position < order.length; position++) {
    const index = order[position]!;
    const previous = position > 0 ? order[position - 1]! : -1;
    ranks[index] = previous >= 0 && totals[previous] === totals[index] ? ranks[previous]! : position + 1;
  }
}

/** The value at percentile `p` of sorted numbers (nearest rank). */
function percentile(sorted: ArrayLike<number>, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Draws one set of weights: each times a factor in [1 − spread, 1 + spread], renormalised to add up to 1. */
export function drawWeights(weights: Record<EvaluationPart, number>, spread: number, random: () => number): Record<EvaluationPart, number> {
  const moved = EVALUATION_PARTS.map((part) => weights[part] * (1 - spread + 2 * spread * random()));
  const sum = moved.reduce((s, w) => s + w, 0);
  return Object.fromEntries(EVALUATION_PARTS.map((part, i) => [part, sum > 0 ? moved[i]! / sum : weights[part]])) as Record<EvaluationPart, number>;
}

/**
 * The rated task forces by rank, each with its band from the sensitivity run of `settings`, and the
 * ids of those not rated (no total: no rank). The same settings (seed included) give the same bands.
 */
export function rankWithBands(scored: readonly ScoredTaskForce[], settings: Pick<EvaluationSettings, "weights" | "sensitivity">): Ranking {
  const rated = scored.filter((s): s is ScoredTaskForce & { total: number } => s.total !== null);
  const notRated = scored.filter((s) => s.total === null).map((s) => s.taskForceId);
  const n = rated.length;
  const order = new Uint32Array(n);
  const ranks = new Uint32Array(n);
  rankInto(rated.map((s) => s.total), order, ranks);
  // The parts' scores side by side, so each draw's totals are four multiplications per task force.
  const scores = new Float64Array(n * EVALUATION_PARTS.length);
  rated.forEach((s, i) => EVALUATION_PARTS.forEach((part, j) => (scores[i * EVALUATION_PARTS.length + j] = s.parts[part].score ?? 0)));
  const { draws, spread, seed } = settings.sensitivity;
  const drawn = rated.map(() => new Uint32Array(draws));
  const random = createRandom(seed);
  const totals = new Float64Array(n);
  const drawnRanks = new Uint32Array(n);
  for (let d = 0; d < draws; d++) {
    const weights = drawWeights(settings.weights, spread, random);
    const w = EVALUATION_PARTS.map((part) => weights[part]);
    for (let i = 0; i < n; i++) {
      let total = 0;
      for (let j = 0; j < w.length; j++) total += w[j]! * scores[i * w.length + j]!;
      totals[i] = total;
    }
    rankInto(totals, order, drawnRanks);
    for (let i = 0; i < n; i++) drawn[i]![d] = drawnRanks[i]!;
  }
  const ranked = rated.map((s, i): RankedTaskForce => {
    const sorted = drawn[i]!.sort();
    const rank = ranks[i]!;
    const best = sorted.length === 0 ? rank : Math.min(rank, percentile(sorted, BAND_PERCENTILES.best));
    const worst = sorted.length === 0 ? rank : Math.max(rank, percentile(sorted, BAND_PERCENTILES.worst));
    return { taskForceId: s.taskForceId, total: s.total, rank, best, worst };
  });
  ranked.sort((a, b) => a.rank - b.rank || a.taskForceId - b.taskForceId);
  return { ranked, notRated };
}

/** Is `a` better than `b`? Only when their bands do not overlap and `a`'s is above: its worst rank above `b`'s best. */
export function isBetter(a: Pick<RankedTaskForce, "best" | "worst">, b: Pick<RankedTaskForce, "best" | "worst">): boolean {
  return a.worst < b.best;
}

const englishOrdinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
};

/** A rank with its band as a scorecard shows it: `12th (9th–15th)` in English, `ke-12 (ke-9–ke-15)` in Indonesian; the band alone is left out when it is the rank itself. */
export function formatRank(r: Pick<RankedTaskForce, "rank" | "best" | "worst">, language: "en" | "id"): string {
  const ordinal = language === "en" ? englishOrdinal : (n: number) => `ke-${n}`;
  return r.best === r.worst ? ordinal(r.rank) : `${ordinal(r.rank)} (${ordinal(r.best)}–${ordinal(r.worst)})`;
}
