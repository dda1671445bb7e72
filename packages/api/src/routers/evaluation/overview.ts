/**
 * The evaluation dashboards, live from the database: the national (or the caller's subtree's)
 * picture of a year, one province's spread of its regencies/cities, and the trends across years.
 * Ranks are national, within each level, whoever asks; every count table is suppressed.
 */
import { BUDGET_SOURCES, DomainError, EVALUATION_PARTS, SUB_TASK_FORCE_CODES, TaskForceIdSchema, YearSchema, histogram, median, reportingRate, spreadOf, wasSubmitted } from "@gugus/domain";
import type { BudgetSource, ExpectedReport, RateRow } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { scopeOf } from "../../clock.ts";
import { getTargetTaskForce } from "../../scope.ts";
import { signedInProcedure } from "../../trpc.ts";
import type { Ctx } from "../reports/shared.ts";
import {
  byRank,
  countsByProvince,
  countsByTaskForce,
  evaluateYear,
  getEvaluationYear,
  idsInScope,
  listEvaluationYears,
  memoised,
  rankByLevel,
  taskForceLine,
  taskForcesOfYear,
  tfRefOf,
} from "./rollup.ts";
import type { EvaluatedTaskForce, EvaluationYear, RankBand, YearEvaluation } from "./rollup.ts";

const YearInputSchema = z.object({ year: YearSchema.optional() }).strict().default({});

/** The year's evaluation of every task force in force (ranks need them all), and the ones within the caller's subtree. */
export function evaluateForCaller(ctx: Ctx, yearAsked: number | undefined) {
  const year = getEvaluationYear(ctx, yearAsked);
  const evaluation = evaluateYear(ctx, { year, taskForces: taskForcesOfYear(ctx, year), memo: "national" });
  const inScope = idsInScope(ctx);
  const ranks = rankByLevel(ctx, evaluation);
  return { year, evaluation, ranks, scoped: evaluation.evaluated.filter((e) => inScope.has(e.ref.id)) };
}

/** The reporting rate of the formed task forces among these (as reports.rate counts them), from the reports the evaluation read. */
function rateOf(evaluated: readonly EvaluatedTaskForce[]) {
  const expected: ExpectedReport[] = evaluated.filter((e) => e.formed).map((e) => ({ taskForceId: e.ref.id, level: e.ref.level, provinceCode: e.ref.provinceCode }));
  const reports = evaluated.flatMap((e) =>
    e.report === null ? [] : [{ taskForceId: e.ref.id, level: e.ref.level, provinceCode: e.ref.provinceCode, status: e.report.status, firstSubmittedAt: null, onTime: e.report.onTime, completeness: null }],
  );
  return reportingRate(expected, reports);
}

/** A rate line as the dashboards show it: counts, and the submitted and on-time percentages of the expected. */
const rateLine = (r: RateRow) => ({ expected: r.expected, submitted: r.submitted, onTime: r.onTime, approved: r.approved, returned: r.returned, rate: r.percent.submitted, onTimeRate: r.percent.onTime });

/** Money from the submitted reports' budget lines (blank amounts add nothing), by source. */
function budgetOf(evaluated: readonly EvaluatedTaskForce[]) {
  const sums = new Map<BudgetSource, { allocated: number; spent: number }>(BUDGET_SOURCES.map((s) => [s, { allocated: 0, spent: 0 }]));
  let reports = 0;
  const dedicatedLine = { yes: 0, no: 0, unknown: 0 };
  for (const e of evaluated) {
    const line = e.inputs.readiness.dedicatedBudgetLine;
    if (line === true) dedicatedLine.yes++;
    else if (line === false) dedicatedLine.no++;
    else dedicatedLine.unknown++;
    if (e.inputs.commitment.budget.length > 0) reports++;
    for (const b of e.score.parts.commitment.bySource) {
      const s = sums.get(b.source)!;
      s.allocated += b.allocated;
      s.spent += b.spent;
    }
  }
  const bySource = BUDGET_SOURCES.map((source) => ({ source, ...sums.get(source)! }));
  return { reports, bySource, allocated: bySource.reduce((s, b) => s + b.allocated, 0), spent: bySource.reduce((s, b) => s + b.spent, 0), dedicatedLine };
}

const ratedTotals = (evaluated: readonly EvaluatedTaskForce[]) => evaluated.flatMap((e) => (e.score.total === null ? [] : [e.score.total]));

/** The spread of the rated totals, with how many are rated and not. */
function spreadLine(evaluated: readonly EvaluatedTaskForce[]) {
  const totals = ratedTotals(evaluated);
  const s = spreadOf(totals);
  return { median: s.median, q1: s.q1, q3: s.q3, min: s.min, max: s.max, rated: totals.length, notRated: evaluated.length - totals.length };
}

const head = (y: EvaluationYear, ctx: Ctx) => ({ year: y.year, asOf: ctx.now().toISOString(), publishedAt: y.publishedAt });

/** Names of the provinces on the year's day, by code. */
const provinceNames = (evaluation: YearEvaluation) => new Map(evaluation.evaluated.filter((e) => e.ref.level === "province").map((e) => [e.ref.regionCode!, e.ref.name]));

/** The overview's answer but its time, from a year's evaluation and the caller's part of it. */
function overviewOf({ year, evaluation, ranks, scoped }: { year: EvaluationYear; evaluation: YearEvaluation; ranks: ReadonlyMap<number, RankBand>; scoped: readonly EvaluatedTaskForce[] }) {
  const names = provinceNames(evaluation);
  const rated = scoped.filter((e) => e.score.rated);
  const rate = rateOf(scoped);
  const rateByProvince = new Map(rate.byProvince.map((p) => [p.provinceCode, p]));
  const provinceCodes = [...new Set(scoped.flatMap((e) => (e.ref.provinceCode === null ? [] : [e.ref.provinceCode])))].sort();
  const provinceTf = new Map(scoped.filter((e) => e.ref.level === "province").map((e) => [e.ref.provinceCode!, e]));
  return {
    year: year.year,
    publishedAt: year.publishedAt,
    periodId: year.periodId,
    periodNumber: year.periodNumber,
    weights: evaluation.settings.weights,
    coverage: {
      inForce: scoped.length,
      formed: scoped.filter((e) => e.formed).length,
      reported: scoped.filter((e) => e.status !== null && wasSubmitted(e.status)).length,
      rated: rated.length,
      notRated: scoped.length - rated.length,
      provisional: rated.filter((e) => e.score.provisional).length,
    },
    rate: rateLine(rate.overall),
    budget: budgetOf(scoped),
    distribution: histogram(ratedTotals(scoped)),
    // The profile describes the rated task forces, as the distribution does: over every task force in
    // force, the unformed and the silent would pull readiness and discipline to 0 and say nothing of the work.
    parts: EVALUATION_PARTS.map((part) => {
      const scores = rated.flatMap((e) => (e.score.parts[part].score === null ? [] : [e.score.parts[part].score]));
      return { part, median: median(scores), covered: scores.length };
    }),
    areas: SUB_TASK_FORCE_CODES.map((subTaskForce) => {
      const scores = rated.flatMap((e) => {
        const s = e.score.parts.delivery.subTaskForces.find((x) => x.subTaskForce === subTaskForce)?.score ?? null;
        return s === null ? [] : [s];
      });
      return { subTaskForce, median: median(scores), covered: scores.length };
    }),
    provinces: provinceCodes.map((code) => {
      const members = scoped.filter((e) => e.ref.provinceCode === code);
      const own = provinceTf.get(code);
      const money = budgetOf(members);
      const spread = spreadLine(members.filter((e) => e.ref.level === "regency"));
      return {
        provinceCode: code,
        name: names.get(code) ?? code,
        taskForceId: own?.ref.id ?? null,
        total: own?.score.total ?? null,
        regencies: spread,
        rate: rateByProvince.get(code)?.percent.submitted ?? null,
        allocated: money.allocated,
        spent: money.spent,
      };
    }),
    taskForces: scoped.map((e) => taskForceLine(e, ranks)),
    counts: countsByProvince(scoped, names),
  };
}

export const overviewRouter = {
  /**
   * A year's picture of the caller's subtree (the country for the centre): coverage, reporting rate,
   * budget, the distribution of totals, the parts and the six areas, the provinces, every task force
   * with its national rank band, and the count table by province (suppressed).
   */
  overview: signedInProcedure.input(YearInputSchema).query(({ ctx, input }) => {
    const { year, evaluation, ranks, scoped } = evaluateForCaller(ctx, input.year);
    const scope = scopeOf(ctx);
    // The same rows read for the same subtree give the same picture: kept until one of them changes.
    const picture = memoised(ctx, `evaluation:overview:${year.year}:${scope.place.level}:${scope.place.regionCode ?? ""}:${scope.today}`, `${evaluation.hash}|${year.publishedAt}`, () =>
      overviewOf({ year, evaluation, ranks, scoped }),
    );
    return { ...picture, asOf: ctx.now().toISOString() };
  }),

  /**
   * One province's view: its own score and rank, the spread of its regencies/cities with their
   * national rank bands (by rank, the not rated last), who has not reported, and the count table
   * of the province and its regencies/cities (suppressed). TASK_FORCE_NOT_PROVINCE for another level.
   */
  province: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema, year: YearSchema.optional() }).strict()).query(({ ctx, input }) => {
    const target = getTargetTaskForce(ctx);
    if (target.level !== "province") throw new DomainError("TASK_FORCE_NOT_PROVINCE");
    const { year, evaluation, ranks } = evaluateForCaller(ctx, input.year);
    const own = evaluation.evaluated.find((e) => e.ref.id === target.id);
    const code = own?.ref.provinceCode ?? target.regionCode;
    const regencies = evaluation.evaluated.filter((e) => e.ref.level === "regency" && e.ref.provinceCode === code);
    const ownLine = own ? taskForceLine(own, ranks) : null;
    return {
      ...head(year, ctx),
      province: own?.ref ?? tfRefOf(target),
      own: { total: ownLine?.total ?? null, rated: ownLine?.rated ?? false, provisional: ownLine?.provisional ?? true, rank: ownLine?.rank ?? null },
      spread: spreadLine(regencies),
      regencies: regencies.map((e) => taskForceLine(e, ranks)).sort(byRank),
      notReported: regencies.filter((e) => e.status === null || !wasSubmitted(e.status)).map((e) => e.ref),
      counts: countsByTaskForce([...(own ? [own] : []), ...regencies]),
    };
  }),

  /** Across every year that has begun, for the caller's subtree: how many rated, the median total, the reporting rates and the money. */
  trends: signedInProcedure.input(z.object({}).strict().default({})).query(({ ctx }) => {
    const inScope = idsInScope(ctx);
    const national = ctx.user.actor.place.level === "national";
    return {
      asOf: ctx.now().toISOString(),
      years: listEvaluationYears(ctx).map((year) => {
        const all = taskForcesOfYear(ctx, year);
        const { evaluated } = national ? evaluateYear(ctx, { year, taskForces: all, memo: "national" }) : evaluateYear(ctx, { year, taskForces: all.filter((t) => inScope.has(t.id)) });
        const rate = rateOf(evaluated).overall;
        const totals = ratedTotals(evaluated);
        const money = budgetOf(evaluated);
        return {
          year: year.year,
          periodNumber: year.periodNumber,
          rated: totals.length,
          notRated: evaluated.length - totals.length,
          median: median(totals),
          rate: rate.percent.submitted,
          onTimeRate: rate.percent.onTime,
          approvedShare: rate.percent.approved,
          allocated: money.allocated,
          spent: money.spent,
        };
      }),
    };
  }),
} satisfies TRPCRouterRecord;
