/**
 * The settings of the performance evaluation, data of a RAN period: the weights of the four parts,
 * the cap on an action item's achievement, the share of missing inputs above which a task force is
 * "not rated", the scales of the commitment inputs, and the sensitivity run that gives each rank its
 * band. Central admins may change them until the first score of the period is published; after that
 * they are frozen, so every published score of a period was computed by the same method.
 */
import { z } from "zod";
import type { IsoDate } from "../dates.ts";

/** The four parts of a task force's score, in the order a scorecard shows them. */
export const EVALUATION_PARTS = ["readiness", "commitment", "delivery", "discipline"] as const;
export type EvaluationPart = (typeof EVALUATION_PARTS)[number];

/** How far the weights may add up away from 1 and still count as 1 (rounding of typed decimals). */
export const WEIGHT_SUM_TOLERANCE = 1e-9;

const number = (min: number, max: number) =>
  z.number({ error: "VALIDATION_FAILED" }).finite({ error: "VALIDATION_FAILED" }).min(min, { error: "VALIDATION_FAILED" }).max(max, { error: "VALIDATION_FAILED" });
const whole = (min: number, max: number) => number(min, max).int({ error: "VALIDATION_FAILED" });

/** The weights of the four parts, each 0..1, adding up to 1 (VALIDATION_FAILED at `weights` otherwise). */
export const EvaluationWeightsSchema = z
  .strictObject(
    { readiness: number(0, 1), commitment: number(0, 1), delivery: number(0, 1), discipline: number(0, 1) },
    { error: "VALIDATION_FAILED" },
  )
  .superRefine((w, ctx) => {
    const sum = EVALUATION_PARTS.reduce((s, part) => s + w[part], 0);
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) ctx.addIssue({ code: "custom", message: "VALIDATION_FAILED", input: w });
  });
export type EvaluationWeights = z.infer<typeof EvaluationWeightsSchema>;

/** The sensitivity run over the weights: each weight times a factor in [1 − spread, 1 + spread], `draws` times, from `seed`. */
export const SensitivitySettingsSchema = z.strictObject(
  {
    /** How far each weight is moved, as a share of itself: 0.5 is ±50%. */
    spread: number(0, 0.9),
    /** How many sets of weights are drawn. */
    draws: whole(10, 100_000),
    /** The seed of the pseudo-random draws: the same seed gives the same bands. */
    seed: whole(0, 2 ** 32 - 1),
  },
  { error: "VALIDATION_FAILED" },
);
export type SensitivitySettings = z.infer<typeof SensitivitySettingsSchema>;

/** A RAN period's evaluation settings. Every key is required; start from {@link DEFAULT_EVALUATION_SETTINGS}. */
export const EvaluationSettingsSchema = z.strictObject(
  {
    weights: EvaluationWeightsSchema,
    /**
     * The achievement ratio at which an action item earns its full score: the item earns
     * 100 × min(achievement, cap) / cap points out of 100. With 1, meeting the target earns it all and
     * exceeding it earns nothing more; with 1.2, 120% of the target earns it all and meeting the target
     * earns 83.3. Either way one over-achieved item cannot make up for others missed.
     */
    achievementCap: number(1, 3),
    /** The share of a task force's inputs that may be missing and still give a total: above it, "not rated". */
    missingThreshold: number(0, 1),
    /** The share of the region's total budget allocated to PP-TPPO that earns the budget input's full points (0.001 is 0.1%); less earns a linear share. */
    fullBudgetShare: number(1e-6, 1),
    /** The meetings held in a year that earn the meetings input's full points; fewer earn a linear share. */
    fullMeetings: whole(1, 366),
    sensitivity: SensitivitySettingsSchema,
  },
  { error: "VALIDATION_FAILED" },
);
export type EvaluationSettings = z.infer<typeof EvaluationSettingsSchema>;

/**
 * The settings a new RAN period starts with: delivery weighs most (0.4), then commitment (0.25),
 * readiness (0.2) and discipline (0.15); an item's achievement counts up to its target (cap 1); a
 * task force missing more than 20% of its inputs is not rated (the SDG Index's rule); 0.1% of the
 * region's budget and 4 meetings a year earn full points; ranks get bands from 1,000 draws of each
 * weight ±50%, seed 20260101.
 */
export const DEFAULT_EVALUATION_SETTINGS: EvaluationSettings = {
  weights: { readiness: 0.2, commitment: 0.25, delivery: 0.4, discipline: 0.15 },
  achievementCap: 1,
  missingThreshold: 0.2,
  fullBudgetShare: 0.001,
  fullMeetings: 4,
  sensitivity: { spread: 0.5, draws: 1000, seed: 20260101 },
};

/**
 * May a period's evaluation settings still be changed? Only until the first score of the period is
 * published (`publishedAt` is that day, null while none is); frozen after, so published scores are
 * never recomputed by another method.
 */
export function mayChangeEvaluationSettings(period: { publishedAt: IsoDate | null }): boolean {
  return period.publishedAt === null;
}
