/**
 * The reporting rate, live from the database (no batch lag), and the central admins' entry exceptions.
 * Expected reports are the task forces in force during the period within the caller's scope — formed
 * ones only, or every one when `countUnformed` is set; rates are never capped.
 */
import { findException, findTaskForce, insertException, listExceptions, listReportsForPeriod, listTaskForces, revokeException } from "@gugus/db";
import type { TaskForceRow } from "@gugus/db";
import { DomainError, ExceptionInputSchema, PeriodKeySchema, checkExceptionUntil, provinceCodeOf, reportingRate } from "@gugus/domain";
import type { ExpectedReport } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../../audit.ts";
import { scopeOf, todayOf } from "../../clock.ts";
import { statusesAt } from "../../formation-status.ts";
import { getTargetTaskForce } from "../../scope.ts";
import { signedInProcedure } from "../../trpc.ts";
import { choosePeriod, getReportingPeriod, taskForceRef, zoneOf } from "./shared.ts";
import type { Ctx, RanReportingPeriod } from "./shared.ts";

/** The task forces in force at some time during the period (at its start or its end, or today if it has not ended), within the caller's scope. */
function inForceDuring(ctx: Ctx, rp: RanReportingPeriod): { rows: TaskForceRow[]; at: string } {
  const today = todayOf(ctx);
  const end = rp.end < today ? rp.end : today;
  const scope = scopeOf(ctx);
  // Task forces are reference data: the read cache keeps the list until the hierarchy changes.
  const rows = ctx.cache.get(`reports:inForce:${rp.start}:${end}:${scope.place.level}:${scope.place.regionCode ?? ""}:${scope.today}`, () => {
    const byId = new Map<number, TaskForceRow>();
    for (const at of [rp.start, end]) for (const tf of listTaskForces(ctx.db, { at, within: scope })) byId.set(tf.id, tf);
    return [...byId.values()];
  });
  return { rows, at: end };
}

const provinceOf = (tf: Pick<TaskForceRow, "regionCode">) => (tf.regionCode === null ? null : provinceCodeOf(tf.regionCode));

export const rateRouter = {
  /** The reporting rate of a period per level and per province: expected, submitted, on time, approved, returned, with completeness beside. */
  rate: signedInProcedure
    .input(z.object({ periodKey: PeriodKeySchema.optional(), countUnformed: z.boolean().default(false) }).strict().default({ countUnformed: false }))
    .query(({ ctx, input }) => {
      const { chosen, periodKeys } = choosePeriod(ctx, input.periodKey);
      const asOf = ctx.now().toISOString();
      if (!chosen) return { periodKey: null, periodKeys, asOf, countUnformed: input.countUnformed, overall: null, byLevel: null, byProvince: [] };
      const { rows, at } = inForceDuring(ctx, chosen);
      const statuses = statusesAt(ctx, at);
      const expected: ExpectedReport[] = rows
        .filter((tf) => input.countUnformed || statuses.get(tf.id) === "formed")
        .map((tf) => ({ taskForceId: tf.id, level: tf.level, provinceCode: provinceOf(tf) }));
      const reports = listReportsForPeriod(ctx.db, { periodKey: chosen.key, taskForceIds: rows.map((r) => r.id) }).map((r) => ({
        taskForceId: r.taskForceId,
        level: r.level,
        provinceCode: r.provinceCode,
        status: r.status,
        firstSubmittedAt: r.firstSubmittedAt === null ? null : new Date(r.firstSubmittedAt),
        onTime: r.onTime,
        completeness: r.completeness,
      }));
      const rate = reportingRate(expected, reports);
      const names = new Map(rows.filter((r) => r.level === "province").map((r) => [r.regionCode, r.regionName]));
      return {
        periodKey: chosen.key,
        periodKeys,
        asOf,
        countUnformed: input.countUnformed,
        overall: rate.overall,
        byLevel: rate.byLevel,
        byProvince: rate.byProvince.map((p) => ({ ...p, provinceName: names.get(p.provinceCode) ?? null })),
      };
    }),

  /** Entry exceptions granted by central admins, newest first (for one period, or all). */
  exceptions: signedInProcedure.input(z.object({ periodKey: PeriodKeySchema.optional() }).strict().default({})).query(({ ctx, input }) => {
    const today = todayOf(ctx);
    return listExceptions(ctx.db, input.periodKey === undefined ? {} : { periodKey: input.periodKey }).flatMap((x) => {
      const tf = findTaskForce(ctx.db, x.taskForceId, today);
      if (!tf) return [];
      return [{ id: x.id, taskForce: taskForceRef(tf), periodKey: x.periodKey, until: x.until, reason: x.reason, grantedByName: x.grantedByName, grantedAt: new Date(x.grantedAt).toISOString(), revokedAt: x.revokedAt === null ? null : new Date(x.revokedAt).toISOString() }];
    });
  }),

  /** Lets one task force still enter its report for a period after entry closed, until a date (its local midnight), for a reason. */
  grantException: signedInProcedure.input(ExceptionInputSchema).mutation(({ ctx, input }) => {
    const tf = getTargetTaskForce(ctx);
    const rp = getReportingPeriod(ctx, input.periodKey);
    const problem = checkExceptionUntil(input.until, rp, zoneOf(tf), ctx.now());
    if (problem) throw new DomainError(problem, { closesOn: rp.closesOn });
    return inTransaction(ctx, (tx) => {
      const id = insertException(tx.db, { taskForceId: tf.id, periodKey: rp.key, until: input.until, reason: input.reason, now: ctx.now().getTime(), userId: ctx.user.id });
      audit(tx, { action: "report.exception_grant", outcome: "success", targetType: "task_force", targetId: tf.id, details: { exceptionId: id, periodKey: rp.key, until: input.until, reason: input.reason } });
      return { id };
    });
  }),

  /** Ends an exception before its date. */
  revokeException: signedInProcedure.input(z.object({ id: z.number().int().positive() }).strict()).mutation(({ ctx, input }) => {
    const x = findException(ctx.db, input.id);
    if (!x || x.revokedAt !== null) throw new DomainError("EXCEPTION_NOT_FOUND");
    return inTransaction(ctx, (tx) => {
      if (!revokeException(tx.db, { id: x.id, now: ctx.now().getTime(), userId: ctx.user.id })) throw new DomainError("EXCEPTION_NOT_FOUND");
      audit(tx, { action: "report.exception_revoke", outcome: "success", targetType: "task_force", targetId: x.taskForceId, details: { exceptionId: x.id, periodKey: x.periodKey } });
      return { ok: true as const };
    });
  }),
} satisfies TRPCRouterRecord;
