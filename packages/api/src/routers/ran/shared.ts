/** What the RAN routers share: a period's public shape, looking a period up, and the audit diff. */
import { findPeriodByNumber, listRanPeriods } from "@gugus/db";
import type { Db, RanPeriodRow } from "@gugus/db";
import { AUDIT_ACTION_SHAPES, DomainError, assertPeriodsValid, diffDetails, isAdoptedLate, periodLength, toRoman } from "@gugus/domain";

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

/**
 * Fields that changed between two versions of a record, for the audit log: the labelled fields of
 * the action (`AUDIT_ACTION_SHAPES`) as `field.before` / `field.after` values, lists as text and
 * long texts cut at 200 characters.
 */
export function diff(action: "ran.period_update" | "ran.adoption_correct" | "ran.coordinators" | "ran.item_update", before: Record<string, unknown>, after: Record<string, unknown>) {
  return diffDetails(before, after, AUDIT_ACTION_SHAPES[action]!.fields);
}
