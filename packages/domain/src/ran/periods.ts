/**
 * RAN PP-TPPO periods (Rencana Aksi Nasional): numbered, each with a first and last year
 * (inclusive; the length varies), drafted and then adopted by an instrument whose date may fall
 * years after the first year (period III: 2020–2024, adopted by Perpres 19/2023).
 *
 * Rules: periods never overlap; numbers follow the order of the years; a gap between periods is
 * allowed and reported, never filled in.
 */
import { z } from "zod";
import { toRoman } from "./numerals.ts";
import { IsoDateSchema, YearSchema, assertIsoDate, yearOf } from "../dates.ts";
import type { IsoDate } from "../dates.ts";
import { DomainError } from "../errors.ts";
import { textSchema } from "../text.ts";

export const PERIOD_STATUSES = ["draft", "adopted"] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];
export const PeriodStatusSchema = z.enum(PERIOD_STATUSES);

/** Largest period number accepted (a guard; there have been four). */
export const MAX_PERIOD_NUMBER = 50;

/** A period named by its number in a lookup: a value that cannot be a period's number names none (`PERIOD_NOT_FOUND`). */
export const PeriodNumberSchema = z.number({ error: "PERIOD_NOT_FOUND" }).int({ error: "PERIOD_NOT_FOUND" }).min(1, { error: "PERIOD_NOT_FOUND" }).max(MAX_PERIOD_NUMBER, { error: "PERIOD_NOT_FOUND" });

/** Longest period accepted, in years (periods have run five or six). */
export const MAX_PERIOD_YEARS = 10;

/** The instrument that adopts a period, e.g. "Perpres 19/2023": free text under the one text rule. */
export const AdoptionInstrumentSchema = textSchema("INSTRUMENT_REQUIRED", { max: 200 });

const periodFields = {
  number: z
    .number({ error: "PERIOD_NUMBER_INVALID" })
    .int({ error: "PERIOD_NUMBER_INVALID" })
    .min(1, { error: "PERIOD_NUMBER_INVALID" })
    .max(MAX_PERIOD_NUMBER, { error: "PERIOD_NUMBER_INVALID" }),
  firstYear: YearSchema,
  lastYear: YearSchema,
  status: PeriodStatusSchema,
  /** The adopting instrument, e.g. "Perpres 19/2023"; null while a draft. */
  instrument: AdoptionInstrumentSchema.nullable(),
  /** The adoption date when known; null while a draft (and for old periods whose exact date is not on record). */
  adoptedOn: IsoDateSchema.nullable(),
};

/** A RAN period as stored and exchanged. */
export const RanPeriodSchema = z
  .object(periodFields)
  .strict()
  .superRefine((p, ctx) => {
    checkSpan(p, ctx);
    if (p.status === "adopted" && p.instrument === null) {
      ctx.addIssue({ code: "custom", path: ["instrument"], message: "PERIOD_ADOPTION_INCOMPLETE" });
    }
    if (p.status === "draft" && p.adoptedOn !== null) {
      ctx.addIssue({ code: "custom", path: ["adoptedOn"], message: "PERIOD_ADOPTION_INCOMPLETE" });
    }
  });

export type RanPeriod = z.infer<typeof RanPeriodSchema>;

/** The years of a period, first to last. */
export function periodYears(period: Pick<RanPeriod, "firstYear" | "lastYear">): number[] {
  return Array.from({ length: period.lastYear - period.firstYear + 1 }, (_, i) => period.firstYear + i);
}

/** How many years a period covers (period I, 2009–2014, has six). */
export function periodLength(period: Pick<RanPeriod, "firstYear" | "lastYear">): number {
  return period.lastYear - period.firstYear + 1;
}


/** A stretch of years no period covers, between two periods. */
export type PeriodGap = { fromYear: number; toYear: number; afterNumber: number; beforeNumber: number };

/** A broken rule in a set of periods. */
export type PeriodProblem =
  | { code: "PERIOD_YEARS_INVERTED"; number: number }
  | { code: "PERIOD_OVERLAP"; numbers: [number, number] }
  | { code: "PERIOD_NUMBER_ORDER"; numbers: [number, number] }
  | { code: "PERIOD_NUMBER_SKIPPED"; numbers: [number, number] };

type YearSpan = Pick<RanPeriod, "number" | "firstYear" | "lastYear">;

function byFirstYear<T extends YearSpan>(periods: readonly T[]): T[] {
  return [...periods].sort((a, b) => a.firstYear - b.firstYear || a.number - b.number);
}

/**
 * Checks a set of periods against the rules and lists the gaps between them. Gaps are not
 * problems: they are reported so a screen can show them.
 */
export function checkPeriods(periods: readonly YearSpan[]): { problems: PeriodProblem[]; gaps: PeriodGap[] } {
  const problems: PeriodProblem[] = [];
  const gaps: PeriodGap[] = [];
  for (const p of periods) {
    if (p.firstYear > p.lastYear) problems.push({ code: "PERIOD_YEARS_INVERTED", number: p.number });
  }
  const sorted = byFirstYear(periods);
  const skips: PeriodProblem[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      if (b.firstYear <= a.lastYear) problems.push({ code: "PERIOD_OVERLAP", numbers: [a.number, b.number] });
      if (b.number <= a.number) problems.push({ code: "PERIOD_NUMBER_ORDER", numbers: [a.number, b.number] });
    }
    const next = sorted[i + 1];
    if (next && next.firstYear > a.lastYear + 1) {
      gaps.push({ fromYear: a.lastYear + 1, toYear: next.firstYear - 1, afterNumber: a.number, beforeNumber: next.number });
    }
    if (next && next.number > a.number + 1) skips.push({ code: "PERIOD_NUMBER_SKIPPED", numbers: [a.number, next.number] });
  }
  // A skipped number matters once the numbers are in year order at all: say the order problem first.
  if (!problems.some((p) => p.code === "PERIOD_NUMBER_ORDER")) problems.push(...skips);
  return { problems, gaps };
}

/** Throws the first broken rule of {@link checkPeriods} as a {@link DomainError}. */
export function assertPeriodsValid(periods: readonly YearSpan[]): void {
  const [first] = checkPeriods(periods).problems;
  if (!first) return;
  throw new DomainError(first.code, problemDetails(first));
}

/** A period problem's facts as an error's details: the two periods that clash, or the one at fault. */
export function problemDetails(problem: PeriodProblem): Record<string, number> {
  return "numbers" in problem ? { first: problem.numbers[0], second: problem.numbers[1] } : { number: problem.number };
}

/** The period containing a year, or undefined when the year falls in a gap or outside all periods. */
export function periodOf<T extends YearSpan>(periods: readonly T[], year: number): T | undefined {
  return periods.find((p) => p.firstYear <= year && year <= p.lastYear);
}

/** Like {@link periodOf} but throws `YEAR_OUTSIDE_PERIODS`. */
export function getPeriodOf<T extends YearSpan>(periods: readonly T[], year: number): T {
  const period = periodOf(periods, year);
  if (!period) throw new DomainError("YEAR_OUTSIDE_PERIODS", { year });
  return period;
}

/** The period in force on a calendar date (the one containing its year), or undefined. */
export function currentPeriod<T extends YearSpan>(periods: readonly T[], date: IsoDate): T | undefined {
  return periodOf(periods, yearOf(assertIsoDate(date)));
}

/** A year's place in its period: 2018 in 2015–2019 is year 4 of 5. */
export type YearInPeriod = { year: number; index: number; of: number };

/** The place of a year in a period ("year k of n"); throws `YEAR_OUTSIDE_PERIODS` when the period does not contain it. */
export function yearInPeriod(period: Pick<RanPeriod, "firstYear" | "lastYear">, year: number): YearInPeriod {
  if (year < period.firstYear || year > period.lastYear) throw new DomainError("YEAR_OUTSIDE_PERIODS", { year });
  return { year, index: year - period.firstYear + 1, of: periodLength(period) };
}

/** Was the period adopted after its first year had ended? (Period III, 2020–2024, was adopted in 2023.) */
export function isAdoptedLate(period: Pick<RanPeriod, "firstYear" | "status" | "adoptedOn">): boolean {
  return period.status === "adopted" && period.adoptedOn !== null && yearOf(period.adoptedOn) > period.firstYear;
}

/** A span's own rules, for schemas that hold one: first year not after the last, at most {@link MAX_PERIOD_YEARS} years. */
export function checkSpan(span: { firstYear: number; lastYear: number }, ctx: z.RefinementCtx): void {
  if (span.firstYear > span.lastYear) ctx.addIssue({ code: "custom", path: ["lastYear"], message: "PERIOD_YEARS_INVERTED" });
  else if (span.lastYear - span.firstYear + 1 > MAX_PERIOD_YEARS) ctx.addIssue({ code: "custom", path: ["lastYear"], message: "PERIOD_TOO_LONG" });
}

/** A new draft period: its number and years. */
export const PeriodDraftSchema = z
  .object({ number: periodFields.number, firstYear: YearSchema, lastYear: YearSchema })
  .strict()
  .superRefine((p, ctx) => checkSpan(p, ctx));
export type PeriodDraft = z.infer<typeof PeriodDraftSchema>;

/** An adoption's date, required. */
export const AdoptionDateSchema = z.string({ error: "DATE_REQUIRED" }).min(1, { error: "DATE_REQUIRED", abort: true }).pipe(IsoDateSchema);

/**
 * Adopting a period: the instrument and its date. Which dates a period can bear is checked against
 * the period and today (`checkAdoptionDate` in adoption.ts).
 */
export const PeriodAdoptionSchema = z.object({ instrument: AdoptionInstrumentSchema, adoptedOn: AdoptionDateSchema }).strict();
export type PeriodAdoption = z.infer<typeof PeriodAdoptionSchema>;

/**
 * Whether a period may take new years: every year that already holds a target (or, later, a report)
 * must stay inside. Returns the years that would fall out.
 */
export function yearsLeftOut(newSpan: Pick<RanPeriod, "firstYear" | "lastYear">, usedYears: readonly number[]): number[] {
  return [...new Set(usedYears.filter((y) => y < newSpan.firstYear || y > newSpan.lastYear))].sort((a, b) => a - b);
}

export { toRoman };
