/** What the RAN routers share: a period's public shape, looking a period up, and the audit diff. */
import { findPeriodByNumber, listRanPeriods } from "@gugus/db";
import type { Db, RanPeriodRow } from "@gugus/db";
import { DomainError, assertPeriodsValid, isAdoptedLate, periodLength, toRoman } from "@gugus/domain";

/** A period as the API answers it. */
export function toPeriod(row: RanPeriodRow) {
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
    reportingCycle: row.reportingCycle,
    dueDays: row.dueDays,
    expiryDays: row.expiryDays,
    version: row.version,
  };
}
export type Period = ReturnType<typeof toPeriod>;

/** The period with this number; `PERIOD_NOT_FOUND` when there is none. */
export function getPeriod(db: Db, number: number): RanPeriodRow {
  const row = findPeriodByNumber(db, number);
  if (!row) throw new DomainError("PERIOD_NOT_FOUND", { number });
  return row;
}

/** The set of periods with one replaced (or added) must keep the rules: no overlap, numbers in year order. */
export function assertSetValid(db: Db, changed: { number: number; firstYear: number; lastYear: number }): void {
  assertPeriodsValid([...listRanPeriods(db).filter((p) => p.number !== changed.number), changed]);
}

/** Fields that changed between two versions of a record, for the audit log (long values cut at 200 characters). */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const key of Object.keys(after)) {
    const a = JSON.stringify(before[key] ?? null);
    const b = JSON.stringify(after[key] ?? null);
    if (a !== b && key !== "version" && key !== "updatedAt") {
      out[`${key}.before`] = a.length > 200 ? `${a.slice(0, 200)}…` : a;
      out[`${key}.after`] = b.length > 200 ? `${b.slice(0, 200)}…` : b;
    }
  }
  return out;
}
