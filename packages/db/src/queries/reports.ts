/**
 * Reports, their submitted and approved copies, their events, and entry exceptions. Every change of
 * a report names the version it read; JSON columns come back parsed. Every function takes the
 * database (or a transaction) first.
 */
import { parentRegionCodeOf } from "@gugus/domain";
import type { IsoDate, Level, ReportContent, ReportStatus } from "@gugus/domain";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { REPORT_EVENT_ACTIONS, REPORT_VERSION_KINDS } from "../schema.ts";
import { reportEvents, reportExceptions, reportVersions, reports, users } from "../schema.ts";

export type ReportVersionKind = (typeof REPORT_VERSION_KINDS)[number];
export type ReportEventAction = (typeof REPORT_EVENT_ACTIONS)[number];

export type ReportRow = {
  id: number;
  taskForceId: number;
  periodId: number;
  periodKey: string;
  year: number;
  status: ReportStatus;
  version: number;
  content: ReportContent;
  /** Keys of the warnings the reporter acknowledged. */
  acknowledged: string[];
  completeness: number | null;
  firstSubmittedAt: number | null;
  lastSubmittedAt: number | null;
  submittedBy: number | null;
  onTime: boolean | null;
  approvedAt: number | null;
  approvedBy: number | null;
  createdAt: number;
  createdBy: number | null;
  updatedAt: number;
  updatedBy: number | null;
};

type ReportDbRow = typeof reports.$inferSelect;

const toReport = (row: ReportDbRow): ReportRow => ({
  ...row,
  content: JSON.parse(row.content) as ReportContent,
  acknowledged: JSON.parse(row.acknowledged) as string[],
});

/** The year of a reporting period's key (`2025`, `2025-S1`). */
const yearOfKey = (periodKey: string) => Number(periodKey.slice(0, 4));

/** The last day of a reporting period, from its key: `2025` and `2025-S2` end on 31 December, `2025-S1` on 30 June. */
export function periodKeyEnd(periodKey: string): IsoDate {
  return `${periodKey.slice(0, 4)}-${periodKey.endsWith("-S1") ? "06-30" : "12-31"}`;
}

/** A report's id, status and version without its content: what a save checks before writing. */
export function findReportState(db: Db, { taskForceId, periodKey }: { taskForceId: number; periodKey: string }): Pick<ReportRow, "id" | "status" | "version"> | undefined {
  return db
    .select({ id: reports.id, status: reports.status, version: reports.version })
    .from(reports)
    .where(and(eq(reports.taskForceId, taskForceId), eq(reports.periodKey, periodKey)))
    .get();
}

export function findReport(db: Db, { taskForceId, periodKey }: { taskForceId: number; periodKey: string }): ReportRow | undefined {
  const row = db
    .select()
    .from(reports)
    .where(and(eq(reports.taskForceId, taskForceId), eq(reports.periodKey, periodKey)))
    .get();
  return row && toReport(row);
}

export function findReportById(db: Db, id: number): ReportRow | undefined {
  const row = db.select().from(reports).where(eq(reports.id, id)).get();
  return row && toReport(row);
}

export type NewReport = {
  taskForceId: number;
  periodId: number;
  periodKey: string;
  content: ReportContent;
  acknowledged?: readonly string[];
  completeness: number | null;
  now: number;
  userId: number | null;
};

/** Inserts a draft at version 1 (its year from the key); undefined when the task force already has a report for the period. */
export function insertReport(db: Db, r: NewReport): ReportRow | undefined {
  const row = db
    .insert(reports)
    .values({
      taskForceId: r.taskForceId,
      periodId: r.periodId,
      periodKey: r.periodKey,
      year: yearOfKey(r.periodKey),
      status: "draft",
      content: JSON.stringify(r.content),
      acknowledged: JSON.stringify(r.acknowledged ?? []),
      completeness: r.completeness,
      createdAt: r.now,
      createdBy: r.userId,
      updatedAt: r.now,
      updatedBy: r.userId,
    })
    .onConflictDoNothing()
    .returning()
    .get();
  return row && toReport(row);
}

/** Replaces the working content if the report is still at `version` (and goes to version + 1); false otherwise. */
export function updateReportContent(
  db: Db,
  {
    id,
    version,
    content,
    acknowledged,
    completeness,
    now,
    userId,
  }: { id: number; version: number; content: ReportContent; acknowledged: readonly string[]; completeness: number | null; now: number; userId: number | null },
): boolean {
  return (
    db
      .update(reports)
      .set({
        content: JSON.stringify(content),
        acknowledged: JSON.stringify(acknowledged),
        completeness,
        updatedAt: now,
        updatedBy: userId,
        version: sql`${reports.version} + 1`,
      })
      .where(and(eq(reports.id, id), eq(reports.version, version)))
      .run().changes === 1
  );
}

export type ReportStatusChange = {
  id: number;
  version: number;
  status: ReportStatus;
  now: number;
  userId: number | null;
  /**
   * The first submission and its timeliness: written only while still empty, so a report
   * submitted again after a return keeps the instant (and the on-time verdict) of its first.
   */
  firstSubmittedAt?: number;
  onTime?: boolean;
  lastSubmittedAt?: number;
  submittedBy?: number | null;
  approvedAt?: number | null;
  approvedBy?: number | null;
  acknowledged?: readonly string[];
};

/** Moves a report to a status (with the fields given) if it is still at `version` (and goes to version + 1); false otherwise. */
export function updateReportStatus(db: Db, change: ReportStatusChange): boolean {
  const { id, version, status, now, userId } = change;
  return (
    db
      .update(reports)
      .set({
        status,
        updatedAt: now,
        updatedBy: userId,
        version: sql`${reports.version} + 1`,
        ...(change.firstSubmittedAt === undefined ? {} : { firstSubmittedAt: sql`COALESCE(${reports.firstSubmittedAt}, ${change.firstSubmittedAt})` }),
        ...(change.onTime === undefined ? {} : { onTime: sql`COALESCE(${reports.onTime}, ${change.onTime ? 1 : 0})` }),
        ...(change.lastSubmittedAt === undefined ? {} : { lastSubmittedAt: change.lastSubmittedAt }),
        ...(change.submittedBy === undefined ? {} : { submittedBy: change.submittedBy }),
        ...(change.approvedAt === undefined ? {} : { approvedAt: change.approvedAt }),
        ...(change.approvedBy === undefined ? {} : { approvedBy: change.approvedBy }),
        ...(change.acknowledged === undefined ? {} : { acknowledged: JSON.stringify(change.acknowledged) }),
      })
      .where(and(eq(reports.id, id), eq(reports.version, version)))
      .run().changes === 1
  );
}

/** A report as its task force's list shows it: no content. */
export type ReportSummaryRow = Pick<
  ReportRow,
  "id" | "taskForceId" | "periodId" | "periodKey" | "year" | "status" | "version" | "completeness" | "firstSubmittedAt" | "lastSubmittedAt" | "onTime" | "approvedAt" | "updatedAt"
>;

/** A task force's reports, in period order, without their content. */
export function listReportsOfTaskForce(db: Db, taskForceId: number): ReportSummaryRow[] {
  return db
    .select({
      id: reports.id,
      taskForceId: reports.taskForceId,
      periodId: reports.periodId,
      periodKey: reports.periodKey,
      year: reports.year,
      status: reports.status,
      version: reports.version,
      completeness: reports.completeness,
      firstSubmittedAt: reports.firstSubmittedAt,
      lastSubmittedAt: reports.lastSubmittedAt,
      onTime: reports.onTime,
      approvedAt: reports.approvedAt,
      updatedAt: reports.updatedAt,
    })
    .from(reports)
    .where(eq(reports.taskForceId, taskForceId))
    .orderBy(asc(reports.periodKey))
    .all();
}

/** A report of a reporting period as the reporting rate and the review queues need it (no content). */
export type PeriodReportRow = {
  id: number;
  taskForceId: number;
  level: Level;
  /** The region the task force stood for at the period's end (its last before then, if it had ended); null for the national one. */
  regionCode: string | null;
  /** That region's province (itself for a province); null for the national one. */
  provinceCode: string | null;
  status: ReportStatus;
  firstSubmittedAt: number | null;
  onTime: boolean | null;
  completeness: number | null;
  version: number;
};

/**
 * Every report of a reporting period (of the given task forces only, when asked), in task-force
 * order: one query on the period's index with the task force's level and region joined in, no
 * content, read as arrays. The region is the one the task force stood for on `at` (default: the
 * period's last day, or the task force's own last day if it ended before), so a report stays with
 * the province it was made in; the province follows from the code (`parentRegionCodeOf`).
 */
export function listReportsForPeriod(db: Db, { periodKey, taskForceIds, at }: { periodKey: string; taskForceIds?: readonly number[]; at?: IsoDate }): PeriodReportRow[] {
  if (taskForceIds && taskForceIds.length === 0) return [];
  const end = at ?? periodKeyEnd(periodKey);
  const day = sql`min(${end}, coalesce(tf.valid_to, ${end}))`;
  // The ids as one JSON parameter: a statement of 553 placeholders costs more to build and prepare than the reads it makes.
  const only = taskForceIds ? sql`AND rp.task_force_id IN (SELECT value FROM json_each(${JSON.stringify(taskForceIds)}))` : sql``;
  const rows = db.values<[number, number, Level, string | null, ReportStatus, number | null, 0 | 1 | null, number | null, number]>(sql`
    SELECT rp.id, rp.task_force_id, tf.level, l.region_code, rp.status, rp.first_submitted_at, rp.on_time, rp.completeness, rp.version
    FROM reports rp
    JOIN task_forces tf ON tf.id = rp.task_force_id
    LEFT JOIN task_force_regions l ON l.task_force_id = rp.task_force_id
      AND (l.valid_from IS NULL OR l.valid_from <= ${day}) AND (l.valid_to IS NULL OR l.valid_to >= ${day})
    WHERE rp.period_key = ${periodKey} ${only}
    ORDER BY rp.task_force_id`);
  return rows.map(([id, taskForceId, level, regionCode, status, firstSubmittedAt, onTime, completeness, version]) => ({
    id,
    taskForceId,
    level,
    regionCode,
    provinceCode: regionCode === null ? null : level === "province" ? regionCode : parentRegionCodeOf(regionCode),
    status,
    firstSubmittedAt,
    onTime: onTime === null ? null : onTime === 1,
    completeness,
    version,
  }));
}

export type ReportVersionRow = {
  id: number;
  reportId: number;
  kind: ReportVersionKind;
  reportVersion: number;
  content: ReportContent;
  at: number;
  byUserId: number | null;
};

/** Keeps a copy of a report's content as submitted or approved; its id. */
export function insertReportVersion(
  db: Db,
  v: { reportId: number; kind: ReportVersionKind; reportVersion: number; content: ReportContent; at: number; userId: number | null },
): number {
  return db
    .insert(reportVersions)
    .values({ reportId: v.reportId, kind: v.kind, reportVersion: v.reportVersion, content: JSON.stringify(v.content), at: v.at, byUserId: v.userId })
    .returning({ id: reportVersions.id })
    .get().id;
}

const toVersion = (row: typeof reportVersions.$inferSelect): ReportVersionRow => ({ ...row, content: JSON.parse(row.content) as ReportContent });

/** A report's kept copies, oldest first. */
export function listReportVersions(db: Db, reportId: number): ReportVersionRow[] {
  return db.select().from(reportVersions).where(eq(reportVersions.reportId, reportId)).orderBy(asc(reportVersions.id)).all().map(toVersion);
}

/** A report's latest copy of a kind (the last approved one stays readable while a reopened report is edited). */
export function latestReportVersion(db: Db, reportId: number, kind: ReportVersionKind): ReportVersionRow | undefined {
  const row = db
    .select()
    .from(reportVersions)
    .where(and(eq(reportVersions.reportId, reportId), eq(reportVersions.kind, kind)))
    .orderBy(desc(reportVersions.id))
    .limit(1)
    .get();
  return row && toVersion(row);
}

export type NewReportEvent = {
  reportId: number;
  action: ReportEventAction;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus;
  actorUserId: number | null;
  at: number;
  /** The instant in the task force's zone (`2026-01-31 23:30 WIT`). */
  localTime: string;
  reason?: string | null;
};

export type ReportEventRow = Required<NewReportEvent> & { id: number; actorName: string | null };

/** Records a transition of a report; its id. */
export function insertReportEvent(db: Db, e: NewReportEvent): number {
  return db
    .insert(reportEvents)
    .values({ ...e, reason: e.reason ?? null })
    .returning({ id: reportEvents.id })
    .get().id;
}

/** A report's events, oldest first, with the acting account's name. */
export function listReportEvents(db: Db, reportId: number): ReportEventRow[] {
  return db
    .select({
      id: reportEvents.id,
      reportId: reportEvents.reportId,
      action: reportEvents.action,
      fromStatus: reportEvents.fromStatus,
      toStatus: reportEvents.toStatus,
      actorUserId: reportEvents.actorUserId,
      actorName: users.name,
      at: reportEvents.at,
      localTime: reportEvents.localTime,
      reason: reportEvents.reason,
    })
    .from(reportEvents)
    .leftJoin(users, eq(users.id, reportEvents.actorUserId))
    .where(eq(reportEvents.reportId, reportId))
    .orderBy(asc(reportEvents.id))
    .all();
}

export type ReportExceptionRow = {
  id: number;
  taskForceId: number;
  periodKey: string;
  /** The last day entry is open, until local midnight. */
  until: IsoDate;
  reason: string;
  grantedBy: number | null;
  grantedByName: string | null;
  grantedAt: number;
  revokedAt: number | null;
  revokedBy: number | null;
};

const exceptionColumns = {
  id: reportExceptions.id,
  taskForceId: reportExceptions.taskForceId,
  periodKey: reportExceptions.periodKey,
  until: reportExceptions.until,
  reason: reportExceptions.reason,
  grantedBy: reportExceptions.grantedBy,
  grantedByName: users.name,
  grantedAt: reportExceptions.grantedAt,
  revokedAt: reportExceptions.revokedAt,
  revokedBy: reportExceptions.revokedBy,
};

const selectExceptions = (db: Db) => db.select(exceptionColumns).from(reportExceptions).leftJoin(users, eq(users.id, reportExceptions.grantedBy));

/** Grants a task force entry to a reporting period until the end of a date; its id. */
export function insertException(
  db: Db,
  x: { taskForceId: number; periodKey: string; until: IsoDate; reason: string; now: number; userId: number | null },
): number {
  return db
    .insert(reportExceptions)
    .values({ taskForceId: x.taskForceId, periodKey: x.periodKey, until: x.until, reason: x.reason, grantedBy: x.userId, grantedAt: x.now })
    .returning({ id: reportExceptions.id })
    .get().id;
}

/**
 * The latest exception not revoked for a task force and reporting period. Whether its date has
 * passed is the domain's call (`entryState`), in the task force's zone.
 */
export function findActiveException(db: Db, { taskForceId, periodKey }: { taskForceId: number; periodKey: string }): ReportExceptionRow | undefined {
  return selectExceptions(db)
    .where(and(eq(reportExceptions.taskForceId, taskForceId), eq(reportExceptions.periodKey, periodKey), isNull(reportExceptions.revokedAt)))
    .orderBy(desc(reportExceptions.id))
    .limit(1)
    .get();
}

/** Exceptions (of one reporting period, when asked), revoked ones included, newest first. */
export function listExceptions(db: Db, { periodKey }: { periodKey?: string } = {}): ReportExceptionRow[] {
  return selectExceptions(db)
    .where(periodKey === undefined ? undefined : eq(reportExceptions.periodKey, periodKey))
    .orderBy(desc(reportExceptions.id))
    .all();
}

export function findException(db: Db, id: number): ReportExceptionRow | undefined {
  return selectExceptions(db).where(eq(reportExceptions.id, id)).get();
}

/** Revokes an exception still in force; false when there is none or it was revoked already. */
export function revokeException(db: Db, { id, now, userId }: { id: number; now: number; userId: number | null }): boolean {
  return (
    db
      .update(reportExceptions)
      .set({ revokedAt: now, revokedBy: userId })
      .where(and(eq(reportExceptions.id, id), isNull(reportExceptions.revokedAt)))
      .run().changes === 1
  );
}
