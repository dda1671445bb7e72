/** The years that can be evaluated, a RAN period's evaluation settings (changed until a year of it is published), and publishing a year. */
import { findEvaluationSettings, insertEvaluationPublication, insertEvaluationSettings, listEvaluationPublications, listRanPeriods, updateEvaluationSettings } from "@gugus/db";
import { DomainError, EvaluationSettingsSchema, YearSchema, mayChangeEvaluationSettings } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../../audit.ts";
import type { Context } from "../../context.ts";
import { signedInProcedure } from "../../trpc.ts";
import { defaultEvaluationYear, listEvaluationYears, settingsOfPeriod } from "./rollup.ts";

const PeriodIdSchema = z.number({ error: "PERIOD_NOT_FOUND" }).int({ error: "PERIOD_NOT_FOUND" }).positive({ error: "PERIOD_NOT_FOUND" }).max(2 ** 31 - 1, { error: "PERIOD_NOT_FOUND" });
const SettingsVersionSchema = z.number({ error: "VERSION_INVALID" }).int({ error: "VERSION_INVALID" }).positive({ error: "VERSION_INVALID" }).max(2 ** 31 - 1, { error: "VERSION_INVALID" }).nullable();

/** The RAN period with this id; PERIOD_NOT_FOUND otherwise. */
function getPeriodById(ctx: Pick<Context, "db">, periodId: number) {
  const period = listRanPeriods(ctx.db).find((p) => p.id === periodId);
  if (!period) throw new DomainError("PERIOD_NOT_FOUND");
  return period;
}

/** The published years of a period, and the first one's day (null while none is): frozen from then on. */
function publicationsOf(ctx: Pick<Context, "db">, periodId: number) {
  const rows = listEvaluationPublications(ctx.db).filter((p) => p.periodId === periodId);
  const first = rows[0];
  return { years: rows.map((p) => p.year), publishedAt: first === undefined ? null : new Date(first.publishedAt).toISOString().slice(0, 10) };
}

export const settingsRouter = {
  /** Every year of a RAN period that has begun, oldest first, whether it has ended and when it was published; the year a view opens on. */
  years: signedInProcedure.input(z.object({}).strict().default({})).query(({ ctx }) => {
    const years = listEvaluationYears(ctx);
    return {
      years: years.map((y) => ({ year: y.year, periodId: y.periodId, periodNumber: y.periodNumber, ended: y.ended, publishedAt: y.publishedAt })),
      defaultYear: defaultEvaluationYear(years),
    };
  }),

  /** A period's settings (the defaults, version null, while it has no row of its own), its published years, and whether they are frozen. */
  settings: signedInProcedure.input(z.object({ periodId: PeriodIdSchema }).strict()).query(({ ctx, input }) => {
    const period = getPeriodById(ctx, input.periodId);
    const { settings, version } = settingsOfPeriod(ctx, period.id);
    const published = publicationsOf(ctx, period.id);
    return { periodId: period.id, periodNumber: period.number, settings, version, publishedYears: published.years, frozen: !mayChangeEvaluationSettings(published) };
  }),

  /**
   * Changes a period's settings from the version read (null: the defaults, no row yet): STALE_VERSION
   * when someone changed them since, EVALUATION_SETTINGS_FROZEN once a year of the period is published.
   */
  updateSettings: signedInProcedure
    .input(z.object({ periodId: PeriodIdSchema, version: SettingsVersionSchema, settings: EvaluationSettingsSchema }).strict())
    .mutation(({ ctx, input }) => {
      const period = getPeriodById(ctx, input.periodId);
      return inTransaction(ctx, (tx) => {
        if (!mayChangeEvaluationSettings(publicationsOf(tx, period.id))) throw new DomainError("EVALUATION_SETTINGS_FROZEN");
        const now = tx.now().getTime();
        const row = findEvaluationSettings(tx.db, period.id);
        const written =
          input.version === null
            ? row === undefined && insertEvaluationSettings(tx.db, { periodId: period.id, settings: input.settings, now, userId: tx.user.id })
            : row !== undefined && updateEvaluationSettings(tx.db, { periodId: period.id, version: input.version, settings: input.settings, now, userId: tx.user.id });
        if (!written) throw new DomainError("STALE_VERSION");
        const version = input.version === null ? 1 : input.version + 1;
        audit(tx, { action: "evaluation.settings_update", outcome: "success", targetType: "ran_period", targetId: period.id, details: { periodNumber: period.number, version, settings: JSON.stringify(input.settings) } });
        return { version };
      });
    }),

  /**
   * Publishes a year's evaluation: the year must have ended (EVALUATION_YEAR_NOT_ENDED), once
   * (EVALUATION_ALREADY_PUBLISHED). Its period's settings are frozen from then on (the defaults
   * written as its row if it had none).
   */
  publish: signedInProcedure.input(z.object({ year: YearSchema }).strict()).mutation(({ ctx, input }) => {
    const year = listEvaluationYears(ctx).find((y) => y.year === input.year);
    if (!year) throw new DomainError("EVALUATION_YEAR_NOT_FOUND");
    if (!year.ended) throw new DomainError("EVALUATION_YEAR_NOT_ENDED");
    if (year.publishedAt !== null) throw new DomainError("EVALUATION_ALREADY_PUBLISHED");
    return inTransaction(ctx, (tx) => {
      const now = tx.now().getTime();
      if (!insertEvaluationPublication(tx.db, { year: year.year, periodId: year.periodId, now, userId: tx.user.id })) throw new DomainError("EVALUATION_ALREADY_PUBLISHED");
      const { settings, version } = settingsOfPeriod(tx, year.periodId);
      if (version === null) insertEvaluationSettings(tx.db, { periodId: year.periodId, settings, now, userId: tx.user.id });
      audit(tx, { action: "evaluation.publish", outcome: "success", targetType: "ran_period", targetId: year.periodId, details: { year: year.year, periodNumber: year.periodNumber } });
      return { year: year.year, publishedAt: new Date(now).toISOString() };
    });
  }),
} satisfies TRPCRouterRecord;
