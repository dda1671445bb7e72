/**
 * Calendar dates and years. The domain never reads the clock: callers pass an instant or a date.
 * A calendar date is a string `YYYY-MM-DD` (an {@link IsoDate}); comparing two of them as strings
 * compares them in time.
 */
import { z } from "zod";
import { DomainError, requiredOr } from "./errors.ts";

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

/** Lowest and highest year the product accepts anywhere (a guard against typos, not a rule of law). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** A year as a whole number in [{@link MIN_YEAR}, {@link MAX_YEAR}]. */
export const YearSchema = z
  .number({ error: "YEAR_INVALID" })
  .int({ error: "YEAR_INVALID" })
  .min(MIN_YEAR, { error: "YEAR_INVALID" })
  .max(MAX_YEAR, { error: "YEAR_INVALID" });

/** A real calendar date `YYYY-MM-DD` (2019-02-29 is refused, 2020-02-29 accepted). */
export const IsoDateSchema = z
  .string({ error: requiredOr("DATE_INVALID") })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: requiredOr("DATE_INVALID"), abort: true })
  .refine(isRealDate, { error: "DATE_INVALID" });

/** Tells whether `YYYY-MM-DD` names a day that exists in the Gregorian calendar. */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/**
 * Returns the date when it is a real `YYYY-MM-DD` day; throws `DATE_INVALID` otherwise. The rules
 * compare dates as strings, so a date written another way ("01-08-2022") would silently compare wrong.
 */
export function assertIsoDate(date: string): IsoDate {
  if (!isRealDate(date)) throw new DomainError("DATE_INVALID", { date: date.slice(0, 20) });
  return date;
}

/** Number of days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The year of a calendar date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date an instant falls on in an IANA time zone (e.g. `Asia/Jayapura`). */
export function localDateOf(instant: Date, timeZone: string): IsoDate {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** The date `days` calendar days after a date (before it when negative): `addDays("2024-02-28", 2)` is `2024-03-01`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The calendar day before a date (`2022-07-25` → `2022-07-24`). */
export function dayBefore(date: IsoDate): IsoDate {
  return addDays(date, -1);
}

/** The calendar day after a date. */
export function dayAfter(date: IsoDate): IsoDate {
  return addDays(date, 1);
}

/**
 * A stretch of days something holds: from `validFrom` to `validTo`, both included; null means open
 * (since always, or until further notice).
 */
export type Validity = { validFrom: IsoDate | null; validTo: IsoDate | null };

/** Does the validity include the date? */
export function isValidAt(v: Validity, date: IsoDate): boolean {
  return (v.validFrom === null || v.validFrom <= date) && (v.validTo === null || date <= v.validTo);
}

/** Do two validities share at least one day? */
export function validitiesOverlap(a: Validity, b: Validity): boolean {
  const aStartsBeforeBEnds = a.validFrom === null || b.validTo === null || a.validFrom <= b.validTo;
  const bStartsBeforeAEnds = b.validFrom === null || a.validTo === null || b.validFrom <= a.validTo;
  return aStartsBeforeBEnds && bStartsBeforeAEnds;
}

/** A validity with a start no later than its end. */
export const ValiditySchema = z
  .object({ validFrom: IsoDateSchema.nullable(), validTo: IsoDateSchema.nullable() })
  .refine((v) => v.validFrom === null || v.validTo === null || v.validFrom <= v.validTo, { path: ["validTo"], error: "VALIDITY_INVERTED" });
