/**
 * Adopting a RAN period, and correcting or withdrawing an adoption.
 *
 * The dates an adoption can bear: from 1 January {@link ADOPTION_LEAD_YEARS} years before the
 * period's first year (a plan is drafted ahead, but not a decade ahead) to the end of its last year
 * (a plan is not adopted after it has run out), and never after the national "today" (an instrument
 * is recorded once it exists). Period III (2020–2024) adopted on 2023-02-22 fits; a period 2030–2034
 * adopted on 1999-01-01, or on a date a month ahead, does not.
 *
 * Once adopted, a period's years are the instrument's: they change only by correcting the adoption
 * (or by withdrawing it, which makes the period a draft again), each with a written reason.
 */
import { z } from "zod";
import { YearSchema, yearOf } from "../dates.ts";
import type { IsoDate } from "../dates.ts";
import { DomainError } from "../errors.ts";
import type { DomainErrorCode } from "../errors.ts";
import { textSchema } from "../text.ts";
import { AdoptionDateSchema, AdoptionInstrumentSchema, checkSpan } from "./periods.ts";
import type { RanPeriod } from "./periods.ts";

/** How many whole years before its first year a period may be adopted at the earliest (from 1 January). */
export const ADOPTION_LEAD_YEARS = 2;

/** The shortest and longest written reason for correcting or withdrawing an adoption. */
export const REASON_MIN_LENGTH = 10;
export const REASON_MAX_LENGTH = 500;

type Span = Pick<RanPeriod, "firstYear" | "lastYear">;

/** The first and last date an adoption of a period can bear, given the national today. */
export type AdoptionWindow = { earliest: IsoDate; latest: IsoDate };

/**
 * The dates an adoption of a period may bear: from 1 January {@link ADOPTION_LEAD_YEARS} years
 * before its first year to the earlier of 31 December of its last year and `today`. `latest` comes
 * before `earliest` when no date fits (today lies before the window opens).
 */
export function adoptionWindow(period: Span, today: IsoDate): AdoptionWindow {
  const earliest = `${String(period.firstYear - ADOPTION_LEAD_YEARS).padStart(4, "0")}-01-01`;
  const endOfPeriod = `${String(period.lastYear).padStart(4, "0")}-12-31`;
  return { earliest, latest: today < endOfPeriod ? today : endOfPeriod };
}

/** What is wrong with an adoption date for a period, or null when it fits; see {@link adoptionWindow}. */
export function checkAdoptionDate(period: Span, adoptedOn: IsoDate, today: IsoDate): { code: DomainErrorCode; details: Record<string, string> } | null {
  const window = adoptionWindow(period, today);
  if (adoptedOn > today) return { code: "DATE_IN_FUTURE", details: { latest: today } };
  if (adoptedOn < window.earliest) return { code: "ADOPTION_TOO_EARLY", details: { earliest: window.earliest } };
  if (adoptedOn > window.latest) return { code: "ADOPTION_AFTER_PERIOD", details: { latest: window.latest } };
  return null;
}

/** Throws the problem {@link checkAdoptionDate} finds, as a {@link DomainError}. */
export function assertAdoptionDate(period: Span, adoptedOn: IsoDate, today: IsoDate): void {
  const problem = checkAdoptionDate(period, adoptedOn, today);
  if (problem) throw new DomainError(problem.code, problem.details);
}

/** Why an adoption is corrected or withdrawn, written by the admin; kept in the audit log. */
export const AdoptionReasonSchema = textSchema("REASON_INVALID", { min: REASON_MIN_LENGTH, max: REASON_MAX_LENGTH });

/**
 * Correcting an adoption: the instrument, its date and the period's years as the instrument sets
 * them, with the reason. The span keeps its own rules here; the set of periods and the date's window
 * are checked against the stored periods and today.
 */
export const AdoptionCorrectionSchema = z
  .object({ instrument: AdoptionInstrumentSchema, adoptedOn: AdoptionDateSchema, firstYear: YearSchema, lastYear: YearSchema, reason: AdoptionReasonSchema })
  .strict()
  .superRefine((c, ctx) => checkSpan(c, ctx));
export type AdoptionCorrection = z.infer<typeof AdoptionCorrectionSchema>;

/** Withdrawing an adoption (the period becomes a draft again): the reason. */
export const AdoptionWithdrawalSchema = z.object({ reason: AdoptionReasonSchema }).strict();
export type AdoptionWithdrawal = z.infer<typeof AdoptionWithdrawalSchema>;

/**
 * Whether a change of a period's years is allowed by its status: a draft's years may change; an
 * adopted period's only through a correction of its adoption (`PERIOD_YEARS_ADOPTED` otherwise).
 */
export function assertYearsEditable(period: Pick<RanPeriod, "status"> & Span, next: Span): void {
  if (period.status === "adopted" && (next.firstYear !== period.firstYear || next.lastYear !== period.lastYear)) {
    throw new DomainError("PERIOD_YEARS_ADOPTED");
  }
}

/** Correcting or withdrawing needs an adoption to act on (`PERIOD_NOT_ADOPTED` for a draft). */
export function assertAdopted(period: Pick<RanPeriod, "status">): void {
  if (period.status !== "adopted") throw new DomainError("PERIOD_NOT_ADOPTED");
}

/** Adopting needs a draft (`PERIOD_ADOPTED` for a period already adopted). */
export function assertDraft(period: Pick<RanPeriod, "status">): void {
  if (period.status !== "draft") throw new DomainError("PERIOD_ADOPTED");
}

/**
 * The year a plan is read for on a date: the date's own year inside the period, else the period's
 * first year (before it) or last year (after it).
 */
export function planYear(period: Span, today: IsoDate): number {
  return Math.min(period.lastYear, Math.max(period.firstYear, yearOf(today)));
}
