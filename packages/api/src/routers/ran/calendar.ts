/** A period's reporting calendar as the API answers it: the domain's deadlines, in each of the three zones. */
import type { RanPeriodRow } from "@gugus/db";
import { TIME_ZONES, deadlinesIn, reportingPeriods } from "@gugus/domain";

const ZONES = { WIB: TIME_ZONES.WIB, WITA: TIME_ZONES.WITA, WIT: TIME_ZONES.WIT };

/** Each reporting period's due date and the due and closing instants (ISO, UTC) in each zone. */
export function calendarOf(row: RanPeriodRow) {
  return reportingPeriods(row, { reportingCycle: row.reportingCycle, dueDays: row.dueDays, expiryDays: row.expiryDays }).map((rp) => ({
    ...rp,
    deadlines: Object.fromEntries(
      Object.entries(ZONES).map(([name, zone]) => {
        const d = deadlinesIn(rp, zone);
        return [name, { dueAt: d.dueAt.toISOString(), closesAt: d.closesAt.toISOString() }];
      }),
    ) as Record<keyof typeof ZONES, { dueAt: string; closesAt: string }>,
  }));
}
