/**
 * What the report procedures share: the reporting periods of every RAN period, a task force's zone and
 * its public shape, a period's deadlines as the task force reads them, and the checks on who may
 * change a task force's report (its own accounts only, audited when refused).
 */
import { findActiveException, listActionItems, listExceptions, listRanPeriods } from "@gugus/db";
import type { Db, ReportExceptionRow, ReportRow, TaskForceRow } from "@gugus/db";
import { DomainError, deadlinesIn, entryState, mayEditReport, maySubmitReport, reportingPeriods, targetForYear, targetToDate, timeZoneOf } from "@gugus/domain";
import type { ReportingPeriod, TimeZone } from "@gugus/domain";
import { audit } from "../../audit.ts";
import { todayOf } from "../../clock.ts";
import type { Context, SignedInUser } from "../../context.ts";
import { getTargetTaskForce } from "../../scope.ts";

export type Ctx = Context & { user: SignedInUser };

/** A reporting period with the RAN period it belongs to. */
export type RanReportingPeriod = ReportingPeriod & { periodId: number; periodNumber: number };

/** Every reporting period of every RAN period, in order (kept in the read cache until reference data changes). */
export function listReportingPeriods(ctx: Pick<Context, "db" | "cache">): RanReportingPeriod[] {
  return ctx.cache.get("reports:reportingPeriods", () => readReportingPeriods(ctx.db));
}

function readReportingPeriods(db: Db): RanReportingPeriod[] {
  return listRanPeriods(db)
    .sort((a, b) => a.firstYear - b.firstYear)
    .flatMap((p) => reportingPeriods(p, { reportingCycle: p.reportingCycle, dueDays: p.dueDays, expiryDays: p.expiryDays }).map((rp) => ({ ...rp, periodId: p.id, periodNumber: p.number })));
}

/** The reporting period with this key; REPORT_PERIOD_NOT_FOUND when no RAN period's calendar has it (a year outside every period). */
export function getReportingPeriod(ctx: Pick<Context, "db" | "cache">, periodKey: string): RanReportingPeriod {
  const rp = listReportingPeriods(ctx).find((p) => p.key === periodKey);
  if (!rp) throw new DomainError("REPORT_PERIOD_NOT_FOUND", { periodKey });
  return rp;
}

/**
 * The reporting period a list shows: the one asked for, or by default the latest that has ended (else the
 * latest begun); with the keys of every period that has begun, newest first, to choose from.
 */
export function choosePeriod(ctx: Pick<Context, "db" | "cache" | "now">, periodKey: string | undefined): { chosen: RanReportingPeriod | undefined; periodKeys: string[] } {
  const today = todayOf(ctx);
  const begun = listReportingPeriods(ctx).filter((rp) => rp.start <= today);
  const chosen = periodKey ? getReportingPeriod(ctx, periodKey) : (begun.filter((rp) => rp.end < today).at(-1) ?? begun.at(-1));
  return { chosen, periodKeys: begun.map((rp) => rp.key).reverse() };
}

/** The zone a task force's deadlines fall in. */
export const zoneOf = (tf: Pick<TaskForceRow, "regionCode">): TimeZone => timeZoneOf(tf.regionCode);

/** A task force as the report procedures answer it. */
export function taskForceRef(tf: TaskForceRow) {
  return { id: tf.id, name: tf.regionName, level: tf.level, regionCode: tf.regionCode, zone: zoneOf(tf).abbreviation };
}

/** A reporting period's deadlines and entry state for a task force, with its exception if one is in force. */
export function periodInfo(ctx: Pick<Context, "db" | "now">, rp: RanReportingPeriod, tf: TaskForceRow, exceptions?: ReadonlyMap<number, ReportExceptionRow>) {
  const zone = zoneOf(tf);
  const exception = (exceptions ? exceptions.get(tf.id) : findActiveException(ctx.db, { taskForceId: tf.id, periodKey: rp.key })) ?? null;
  const { dueAt, closesAt } = deadlinesIn(rp, zone);
  return {
    number: rp.periodNumber,
    periodKey: rp.key,
    year: rp.year,
    semester: rp.semester,
    start: rp.start,
    end: rp.end,
    dueDate: rp.dueDate,
    closesOn: rp.closesOn,
    dueAt: dueAt.toISOString(),
    closesAt: closesAt.toISOString(),
    entryState: entryState(rp, zone, ctx.now(), exception),
    exception: exception ? { until: exception.until, reason: exception.reason } : null,
  };
}
export type PeriodInfo = ReturnType<typeof periodInfo>;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The exceptions in force for a period, by task force (the latest grant not revoked), read at once for a list. */
export function activeExceptionsOf(db: Db, periodKey: string): Map<number, ReportExceptionRow> {
  const byTaskForce = new Map<number, ReportExceptionRow>();
  // Newest first: the first grant seen per task force is the one in force, as findActiveException reads it.
  for (const x of listExceptions(db, { periodKey })) if (x.revokedAt === null && !byTaskForce.has(x.taskForceId)) byTaskForce.set(x.taskForceId, x);
  return byTaskForce;
}

/** A report's status line, without its content. */
export function reportSummary(row: Pick<ReportRow, "id" | "status" | "version" | "firstSubmittedAt" | "onTime" | "completeness">) {
  return { id: row.id, status: row.status, version: row.version, firstSubmittedAt: iso(row.firstSubmittedAt), onTime: row.onTime, completeness: row.completeness };
}

/** The action items a task force reports against in a year: its level's items of the period that have a target that year. */
export function itemsOfYear(ctx: Pick<Context, "db" | "cache">, rp: RanReportingPeriod, tf: Pick<TaskForceRow, "level">) {
  // Action items and their targets are reference data: cached until any of them changes.
  return ctx.cache.get(`reports:items:${rp.periodId}:${tf.level}:${rp.year}`, () => readItemsOfYear(ctx.db, rp, tf));
}

function readItemsOfYear(db: Db, rp: RanReportingPeriod, tf: Pick<TaskForceRow, "level">) {
  return listActionItems(db, { periodId: rp.periodId, level: tf.level })
    .map((i) => ({
      id: i.id,
      code: i.code,
      subTaskForce: i.subTaskForce,
      programme: i.programme,
      activity: i.activity,
      indicator: i.indicator,
      unit: i.unit,
      targetMode: i.targetMode,
      targets: i.targets,
      yearTarget: targetForYear(i, rp.year),
      targetToDate: targetToDate(i, rp.year),
    }))
    .filter((i) => i.yearTarget !== null);
}

/**
 * The call's task force (in scope: the scope guard found it) if the caller may change its report:
 * its own accounts only (a province sees its regencies' reports but does not write them). FORBIDDEN otherwise, audited.
 */
export function getOwnTaskForce(ctx: Ctx, may: "edit" | "submit"): TaskForceRow {
  const tf = getTargetTaskForce(ctx);
  const allowed = may === "edit" ? mayEditReport(ctx.user.actor, tf.id) : maySubmitReport(ctx.user.actor, tf.id);
  if (!allowed) {
    audit(ctx, { action: "access.denied", outcome: "denied", targetType: "task_force", targetId: tf.id, details: { reason: `report.${may}` } });
    throw new DomainError("REPORT_NOT_OWN");
  }
  return tf;
}

/** The report a year earlier (same half year), for the checks that compare with last year. */
export function previousPeriodKey(periodKey: string): string {
  const year = Number(periodKey.slice(0, 4)) - 1;
  return `${year}${periodKey.slice(4)}`;
}
