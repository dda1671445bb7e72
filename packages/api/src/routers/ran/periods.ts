/** RAN periods: reading them, drafting, changing and deleting one, and its coordinators. */
import { countActionItems, deletePeriod, insertPeriod, listActionItems, listCoordinators, listRanPeriods, listTargetYears, replaceCoordinators, updatePeriod } from "@gugus/db";
import type { PeriodChanges } from "@gugus/db";
import {
  DomainError,
  IsoDateSchema,
  PeriodCoordinatorsSchema,
  PeriodDraftSchema,
  PeriodNumberSchema,
  ReportingSettingsSchema,
  VersionSchema,
  YearSchema,
  assertPeriodsValid,
  assertYearsEditable,
  checkPeriods,
  checkSpan,
  currentPeriod,
  getPeriodOf,
  todayAt,
  yearInPeriod,
  yearOf,
  yearsLeftOut,
} from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../../audit.ts";
import { signedInProcedure } from "../../trpc.ts";
import { calendarOf } from "./calendar.ts";
import { assertSetValid, diff, getPeriod, toPeriod } from "./shared.ts";

/** A coordinator as the audit log keeps it: "prevention: Kemendikdasmen". */
const coordinatorText = (c: { subTaskForce: string; agency: string }) => `${c.subTaskForce}: ${c.agency}`;

export const periodsRouter = {
  /** All periods in year order, the gaps between them, and which one holds today's date (WIB). */
  periods: signedInProcedure.query(({ ctx }) => {
    // Reference data, asked by every screen: read once per reference version (the rows are only read).
    const rows = ctx.cache.get("ran.periods:rows", () => listRanPeriods(ctx.db));
    const today = todayAt(ctx.now());
    return {
      periods: rows.map(toPeriod),
      gaps: checkPeriods(rows).gaps,
      today,
      currentNumber: currentPeriod(rows, today)?.number ?? null,
    };
  }),

  /** One period with its settings, coordinators, action items and reporting calendar. */
  period: signedInProcedure.input(z.object({ number: PeriodNumberSchema }).strict()).query(({ ctx, input }) => {
    const row = getPeriod(ctx.db, input.number);
    return {
      period: toPeriod(row),
      coordinators: listCoordinators(ctx.db, row.id),
      items: listActionItems(ctx.db, { periodId: row.id }),
      calendar: calendarOf(row),
      targetYears: listTargetYears(ctx.db, row.id).sort(),
    };
  }),

  /** The period containing a year and the year's place in it ("year 4 of 5"). */
  periodOfYear: signedInProcedure.input(z.object({ year: YearSchema }).strict()).query(({ ctx, input }) => {
    const period = getPeriodOf(listRanPeriods(ctx.db), input.year);
    return { period: toPeriod(period), position: yearInPeriod(period, input.year) };
  }),

  /** The period in force on a date, and where the date's year stands in it; null in a gap. */
  atDate: signedInProcedure.input(z.object({ date: IsoDateSchema }).strict()).query(({ ctx, input }) => {
    const period = currentPeriod(listRanPeriods(ctx.db), input.date);
    return period ? { period: toPeriod(period), position: yearInPeriod(period, yearOf(input.date)) } : null;
  }),

  /** Creates a draft period. The set must keep its rules: no overlap, numbers in year order. */
  createPeriod: signedInProcedure.input(PeriodDraftSchema).mutation(({ ctx, input }) => {
    inTransaction(ctx, (tx) => {
      assertSetValid(tx.db, input);
      const id = insertPeriod(tx.db, input, ctx.now().getTime());
      if (id === undefined) throw new DomainError("PERIOD_NUMBER_TAKEN", { number: input.number });
      audit(tx, { action: "ran.period_create", outcome: "success", targetType: "ran_period", targetId: input.number, details: { periodId: id, firstYear: input.firstYear, lastYear: input.lastYear } });
    });
    return toPeriod(getPeriod(ctx.db, input.number));
  }),

  /**
   * Changes a period's years or reporting settings, from the version read. Years cannot overlap
   * another period, break the number order, or leave out a year that already has targets; an
   * adopted period's years change only by correcting its adoption (`ran.correctAdoption`).
   */
  updatePeriod: signedInProcedure
    .input(
      z
        .object({ number: PeriodNumberSchema, version: VersionSchema, firstYear: YearSchema, lastYear: YearSchema })
        .extend(ReportingSettingsSchema.shape)
        .strict()
        .superRefine((p, rctx) => checkSpan(p, rctx)),
    )
    .mutation(({ ctx, input }) => {
      const changes: PeriodChanges = { firstYear: input.firstYear, lastYear: input.lastYear, reportingCycle: input.reportingCycle, dueDays: input.dueDays, expiryDays: input.expiryDays };
      inTransaction(ctx, (tx) => {
        const before = getPeriod(tx.db, input.number);
        if (before.version !== input.version) throw new DomainError("STALE_VERSION");
        const changed = diff("ran.period_update", before, changes);
        // Saving what is already stored changes nothing and records nothing.
        if (Object.keys(changed).length === 0) return;
        assertYearsEditable(before, input);
        assertSetValid(tx.db, input);
        const left = yearsLeftOut(input, listTargetYears(tx.db, before.id));
        if (left.length > 0) throw new DomainError("PERIOD_SHRINKS_PAST_TARGETS", { years: left.join(", ") });
        if (!updatePeriod(tx.db, { id: before.id, version: input.version, changes, now: ctx.now().getTime() })) throw new DomainError("STALE_VERSION");
        audit(tx, { action: "ran.period_update", outcome: "success", targetType: "ran_period", targetId: input.number, details: changed });
      });
      return toPeriod(getPeriod(ctx.db, input.number));
    }),

  /** Deletes a draft period without action items (one created by mistake). */
  deletePeriod: signedInProcedure.input(z.object({ number: PeriodNumberSchema, version: VersionSchema }).strict()).mutation(({ ctx, input }) => {
    inTransaction(ctx, (tx) => {
      const before = getPeriod(tx.db, input.number);
      if (before.status === "adopted") throw new DomainError("PERIOD_ADOPTED");
      if (countActionItems(tx.db, before.id) > 0) throw new DomainError("PERIOD_HAS_ITEMS");
      if (!deletePeriod(tx.db, { id: before.id, version: input.version })) throw new DomainError("STALE_VERSION");
      // Only the last draft can go: deleting one between others would skip its number.
      assertPeriodsValid(listRanPeriods(tx.db));
      audit(tx, { action: "ran.period_delete", outcome: "success", targetType: "ran_period", targetId: input.number, details: { firstYear: before.firstYear, lastYear: before.lastYear } });
    });
    return { ok: true as const };
  }),

  /**
   * Sets which agency coordinates each sub-task-force during the period (a sub-task-force left out
   * has none), from the period's version read: the period's version moves on, so two admins editing
   * at once cannot overwrite each other unseen. Agencies follow the domain's one text rule.
   */
  setCoordinators: signedInProcedure
    .input(z.object({ number: PeriodNumberSchema, version: VersionSchema, coordinators: PeriodCoordinatorsSchema }).strict())
    .mutation(({ ctx, input }) => {
      return inTransaction(ctx, (tx) => {
        const period = getPeriod(tx.db, input.number);
        const before = listCoordinators(tx.db, period.id);
        if (!updatePeriod(tx.db, { id: period.id, version: input.version, changes: {}, now: ctx.now().getTime() })) throw new DomainError("STALE_VERSION");
        replaceCoordinators(tx.db, period.id, input.coordinators);
        audit(tx, { action: "ran.coordinators", outcome: "success", targetType: "ran_period", targetId: input.number, details: diff("ran.coordinators", { coordinators: before.map(coordinatorText) }, { coordinators: input.coordinators.map(coordinatorText) }) });
        return listCoordinators(tx.db, period.id);
      });
    }),
} satisfies TRPCRouterRecord;
