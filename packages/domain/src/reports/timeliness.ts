/**
 * When a report is on time and when entry is open, in the task force's own time zone. A report is
 * on time when it was first submitted before its due date ended at local midnight (by the server's
 * clock, passed in). Entry opens when the reporting period begins and closes at the end of its
 * closing day, unless a central admin's exception for the task force and period is in force: it
 * lasts until the end of its `until` date, local time.
 */
import { z } from "zod";
import { IsoDateSchema, dayBefore } from "../dates.ts";
import type { IsoDate } from "../dates.ts";
import { requiredOr } from "../errors.ts";
import { TaskForceIdSchema } from "../hierarchy/levels.ts";
import { deadlinesIn, endOfLocalDay } from "../ran/calendar.ts";
import type { ReportingPeriod } from "../ran/calendar.ts";
import type { TimeZone } from "../regions/time-zones.ts";
import { ReasonSchema } from "./workflow.ts";

type Zone = Pick<TimeZone, "utcOffsetHours">;

/** Was a report first submitted at this instant on time? Before the end of its due date at local midnight. */
export function isOnTime(firstSubmittedAt: Date, rp: ReportingPeriod, zone: Zone): boolean {
  return firstSubmittedAt.getTime() < deadlinesIn(rp, zone).dueAt.getTime();
}

/** Whether a report may be entered: before the period, open, open by an exception, closed. */
export const ENTRY_STATES = ["not_open", "open", "exception", "closed"] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

/** The instant an exception stops: the end of its `until` date in the task force's zone. */
export function exceptionEndsAt(exception: { until: IsoDate }, zone: Zone): Date {
  return endOfLocalDay(exception.until, zone);
}

/**
 * May a report be entered now? `not_open` before the period begins, `open` until entry closes,
 * then `exception` while an exception is in force, else `closed`.
 */
export function entryState(rp: ReportingPeriod, zone: Zone, now: Date, exception: { until: IsoDate } | null): EntryState {
  const t = now.getTime();
  if (t < endOfLocalDay(dayBefore(rp.start), zone).getTime()) return "not_open";
  if (t < deadlinesIn(rp, zone).closesAt.getTime()) return "open";
  if (exception !== null && t < exceptionEndsAt(exception, zone).getTime()) return "exception";
  return "closed";
}

/** Is the report's content open to change at `now`: `open` or `exception`? */
export function isEntryAllowed(state: EntryState): boolean {
  return state === "open" || state === "exception";
}

/** A reporting period's key: `2025` for a year, `2025-S1` / `2025-S2` for a half year. */
export const PeriodKeySchema = z.string({ error: requiredOr("REPORT_PERIOD_NOT_FOUND") }).regex(/^\d{4}(-S[12])?$/, { error: requiredOr("REPORT_PERIOD_NOT_FOUND") });

/** A central admin's exception: a task force may still enter its report for a period until a date, for a reason. */
export const ExceptionInputSchema = z.strictObject({ taskForceId: TaskForceIdSchema, periodKey: PeriodKeySchema, until: IsoDateSchema, reason: ReasonSchema }, { error: "VALIDATION_FAILED" });
export type ExceptionInput = z.infer<typeof ExceptionInputSchema>;

/**
 * EXCEPTION_UNTIL_INVALID when an exception would grant nothing: its `until` date does not come
 * after the period's closing day, or it has already ended at `now` in the task force's zone; null
 * when it is fine.
 */
export function checkExceptionUntil(until: IsoDate, rp: ReportingPeriod, zone: Zone, now: Date): "EXCEPTION_UNTIL_INVALID" | null {
  if (until <= rp.closesOn) return "EXCEPTION_UNTIL_INVALID";
  return exceptionEndsAt({ until }, zone).getTime() <= now.getTime() ? "EXCEPTION_UNTIL_INVALID" : null;
}

/** An instant as the task force reads it on its clock: `2026-01-31 23:30 WIT`. */
export function localTimeLabel(instant: Date, zone: Pick<TimeZone, "utcOffsetHours" | "abbreviation">): string {
  const local = new Date(instant.getTime() + zone.utcOffsetHours * 3600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} ${zone.abbreviation}`;
}
