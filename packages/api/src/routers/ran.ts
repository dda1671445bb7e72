import { listRanPeriods } from "@gugus/db";
import type { RanPeriodRow } from "@gugus/db";
import {
  IsoDateSchema,
  YearSchema,
  checkPeriods,
  currentPeriod,
  getPeriodOf,
  isAdoptedLate,
  localDateOf,
  periodLength,
  timeZoneOf,
  toRoman,
  yearInPeriod,
  yearOf,
} from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { signedInProcedure } from "../trpc.ts";

function toPeriod(row: RanPeriodRow) {
  return {
    number: row.number,
    numeral: toRoman(row.number),
    firstYear: row.firstYear,
    lastYear: row.lastYear,
    length: periodLength(row),
    status: row.status,
    instrument: row.instrument,
    adoptedOn: row.adoptedOn,
    adoptedLate: isAdoptedLate(row),
  };
}
export type Period = ReturnType<typeof toPeriod>;

export const ranRouter = {
  /** All periods in year order, the gaps between them, and which one holds today's date (WIB). */
  periods: signedInProcedure.query(({ ctx }) => {
    const rows = listRanPeriods(ctx.db);
    const today = localDateOf(ctx.now(), timeZoneOf(null).iana);
    return {
      periods: rows.map(toPeriod),
      gaps: checkPeriods(rows).gaps,
      today,
      currentNumber: currentPeriod(rows, today)?.number ?? null,
    };
  }),

  /** The period containing a year and the year's place in it ("year 4 of 5"). */
  periodOfYear: signedInProcedure
    .input(z.object({ year: YearSchema }).strict())
    .query(({ ctx, input }) => {
      const period = getPeriodOf(listRanPeriods(ctx.db), input.year);
      return { period: toPeriod(period), position: yearInPeriod(period, input.year) };
    }),

  /** The period in force on a date, and where the date's year stands in it; null in a gap. */
  atDate: signedInProcedure
    .input(z.object({ date: IsoDateSchema }).strict())
    .query(({ ctx, input }) => {
      const period = currentPeriod(listRanPeriods(ctx.db), input.date);
      return period ? { period: toPeriod(period), position: yearInPeriod(period, yearOf(input.date)) } : null;
    }),
} satisfies TRPCRouterRecord;
