/**
 * A task force's scorecard: each part with every input, what each part adds to the total, its
 * national rank band within its level, what would raise it most, its history over the years, and
 * (for a regency/city) its province's median, hidden when too few are rated there.
 */
import { findTaskForce } from "@gugus/db";
import { EVALUATION_PARTS, SMALL_COUNT_THRESHOLD, TaskForceIdSchema, YearSchema, raiseOptions, spreadOf } from "@gugus/domain";
import type { EvaluationPart } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { getTargetTaskForce } from "../../scope.ts";
import { signedInProcedure } from "../../trpc.ts";
import { evaluateForCaller } from "./overview.ts";
import { evaluateYear, listEvaluationYears, partsOf, tfRefOf } from "./rollup.ts";

/** How many ways to raise the total a scorecard lists. */
export const RAISE_OPTIONS_SHOWN = 5;

export const scorecardRouter = {
  scorecard: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema, year: YearSchema.optional() }).strict()).query(({ ctx, input }) => {
    const target = getTargetTaskForce(ctx);
    const { year, evaluation, ranks } = evaluateForCaller(ctx, input.year);
    // A task force that did not exist on the year's day is scored on its own (it has no rank).
    const own = evaluation.evaluated.find((e) => e.ref.id === target.id) ?? evaluateYear(ctx, { year, taskForces: [target] }).evaluated[0]!;
    const { weights } = evaluation.settings;
    const contributions = Object.fromEntries(
      EVALUATION_PARTS.map((part) => {
        const score = own.score.parts[part].score;
        return [part, { score, weight: weights[part], points: score === null ? 0 : weights[part] * score }];
      }),
    ) as Record<EvaluationPart, { score: number | null; weight: number; points: number }>;
    const history = listEvaluationYears(ctx).flatMap((y) => {
      if (y.year === year.year) return [{ year: y.year, total: own.score.total, rated: own.score.rated, provisional: own.score.provisional, parts: partsOf(own.score) }];
      const tf = ctx.cache.get(`taskForce:${target.id}:${y.at}`, () => findTaskForce(ctx.db, target.id, y.at) ?? null);
      if (!tf) return [];
      const { score } = evaluateYear(ctx, { year: y, taskForces: [tf] }).evaluated[0]!;
      return [{ year: y.year, total: score.total, rated: score.rated, provisional: score.provisional, parts: partsOf(score) }];
    });
    let province = null;
    if (own.ref.level === "regency") {
      const totals = evaluation.evaluated.flatMap((e) => (e.ref.level === "regency" && e.ref.provinceCode === own.ref.provinceCode && e.score.total !== null ? [e.score.total] : []));
      const tooFew = totals.length < SMALL_COUNT_THRESHOLD;
      const s = spreadOf(totals);
      province = { median: tooFew ? null : s.median, q1: tooFew ? null : s.q1, q3: tooFew ? null : s.q3, rated: totals.length, hidden: tooFew ? ("too_few" as const) : null };
    }
    return {
      taskForce: own.ref.id === target.id ? own.ref : tfRefOf(target),
      year: year.year,
      periodNumber: year.periodNumber,
      asOf: ctx.now().toISOString(),
      publishedAt: year.publishedAt,
      weights,
      score: own.score,
      contributions,
      rank: ranks.get(own.ref.id) ?? null,
      raise: raiseOptions(own.score, weights, RAISE_OPTIONS_SHOWN),
      history,
      province,
      report: { status: own.status, periodKey: year.periodKey },
    };
  }),
} satisfies TRPCRouterRecord;
