/** What a task force works against: a period's action items of its level, with their targets for the year. */
import { listActionItems, listRanPeriods } from "@gugus/db";
import { PeriodNumberSchema, TaskForceIdSchema, currentPeriod, planYear, targetForYear, targetToDate, todayAt } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { getTargetTaskForce } from "../../scope.ts";
import { signedInProcedure } from "../../trpc.ts";
import { toPeriod } from "./shared.ts";

export const planRouter = {
  /**
   * What a task force works against: a period (the current one by default) and the action items of
   * its level, each with its target for the year (the task force's current year, or the period's
   * first or last year when today lies outside it), grouped by sub-task-force on the screen.
   */
  plan: signedInProcedure
    .input(z.object({ taskForceId: TaskForceIdSchema, number: PeriodNumberSchema.optional() }).strict())
    .query(({ ctx, input }) => {
      // In scope: the policy line (scope task-force) resolved it before this handler runs.
      const tf = getTargetTaskForce(ctx);
      const today = todayAt(ctx.now(), tf.regionCode);
      const periods = listRanPeriods(ctx.db);
      const row = input.number === undefined ? currentPeriod(periods, today) : periods.find((p) => p.number === input.number);
      if (!row) return { period: null, year: null, items: [], periods: periods.map(toPeriod) };
      const year = planYear(row, today);
      const all = listActionItems(ctx.db, { periodId: row.id });
      const codeOf = new Map(all.map((i) => [i.id, i.code]));
      const items = all
        .filter((i) => i.level === tf.level)
        .map((i) => ({
          ...i,
          followsCode: i.followsItemId === null ? null : (codeOf.get(i.followsItemId) ?? null),
          yearTarget: targetForYear(i, year),
          targetToDate: targetToDate(i, year),
        }));
      return { period: toPeriod(row), year, items, periods: periods.map(toPeriod) };
    }),
} satisfies TRPCRouterRecord;
