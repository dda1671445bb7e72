/**
 * The reporting calendar of a RAN period: its reporting periods (each year, or each half year), each
 * one's due date, and the instants — in a task force's own time zone — when the report falls due and
 * when entry closes. A deadline falls at local midnight: a report due on 31 January may come in until
 * 24:00 that day where the task force is, so the same date is a different instant in WIB and WIT.
 */
import { addDays, assertIsoDate, dayAfter, dayBefore } from "../dates.ts";
import type { IsoDate } from "../dates.ts";
import type { TimeZone } from "../regions/time-zones.ts";
import { periodYears } from "./periods.ts";
import type { RanPeriod } from "./periods.ts";
import type { ReportingSettings } from "./settings.ts";

export type ReportingPeriod = {
  /** `2018` for a year, `2018-S1` / `2018-S2` for half years. */
  key: string;
  year: number;
  /** 1 or 2 for a half year; null for a whole year. */
  semester: 1 | 2 | null;
  start: IsoDate;
  end: IsoDate;
  /** The last day a report may come in (until local midnight). */
  dueDate: IsoDate;
  /** The last day entry is open (until local midnight). */
  closesOn: IsoDate;
};

/** The reporting periods of a RAN period, in order, with their due and closing dates. */
export function reportingPeriods(period: Pick<RanPeriod, "firstYear" | "lastYear">, settings: ReportingSettings): ReportingPeriod[] {
  return periodYears(period).flatMap((year) => {
    const parts: [1 | 2 | null, IsoDate, IsoDate][] =
      settings.reportingCycle === "annual"
        ? [[null, `${year}-01-01`, `${year}-12-31`]]
        : [
            [1, `${year}-01-01`, `${year}-06-30`],
            [2, `${year}-07-01`, `${year}-12-31`],
          ];
    return parts.map(([semester, start, end]) => {
      const dueDate = addDays(end, settings.dueDays);
      return { key: semester === null ? String(year) : `${year}-S${semester}`, year, semester, start, end, dueDate, closesOn: addDays(dueDate, settings.expiryDays) };
    });
  });
}

/** The instant a local day ends (24:00 there), as UTC: 2016-01-31 ends at 2016-01-31T17:00Z in WIB, 15:00Z in WIT. */
export function endOfLocalDay(date: IsoDate, zone: Pick<TimeZone, "utcOffsetHours">): Date {
  const next = dayAfter(assertIsoDate(date));
  return new Date(Date.UTC(Number(next.slice(0, 4)), Number(next.slice(5, 7)) - 1, Number(next.slice(8, 10))) - zone.utcOffsetHours * 3600_000);
}

/** A reporting period's deadlines as instants in a task force's zone. */
export function deadlinesIn(rp: ReportingPeriod, zone: Pick<TimeZone, "utcOffsetHours">): { dueAt: Date; closesAt: Date } {
  return { dueAt: endOfLocalDay(rp.dueDate, zone), closesAt: endOfLocalDay(rp.closesOn, zone) };
}

/**
 * Is entry open for a reporting period at an instant, in a zone? It opens when the period begins
 * (local midnight of its first day: a year is reported on while it runs) and closes at the end of
 * its closing day.
 */
export function isEntryOpen(rp: ReportingPeriod, zone: Pick<TimeZone, "utcOffsetHours">, instant: Date): boolean {
  const opensAt = endOfLocalDay(dayBefore(rp.start), zone).getTime();
  return opensAt <= instant.getTime() && instant.getTime() < deadlinesIn(rp, zone).closesAt.getTime();
}
