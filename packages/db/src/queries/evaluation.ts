/**
 * What the performance evaluation reads, in batches for one year over many task forces: the year's
 * reports with only the fields scoring and the count tables need (picked out of the content JSON in
 * SQL, never the whole content parsed), the earlier realisations of cumulative items, the
 * coordinators per task force at a date, a RAN period's settings row and the published years. Id
 * lists travel as one JSON parameter. Every function takes the database (or a transaction) first.
 */
import { EVALUATION_COUNT_COLUMNS } from "@gugus/domain";
import type { BudgetSource, IsoDate, ReportStatus } from "@gugus/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Db } from "../client.ts";
import { evaluationPublications, evaluationSettings } from "../schema.ts";

/** `AND <column> IN (the ids)`, the ids as one JSON parameter; nothing when no list is given. */
function idsIn(column: SQL, ids: readonly number[] | undefined): SQL {
  return ids ? sql`AND ${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))` : sql``;
}

/** A report of the year as the evaluation reads it. The content's fields are null for a draft (its content feeds nothing). */
export type EvaluationReportRow = {
  taskForceId: number;
  status: ReportStatus;
  /** Whether the first submission was on time; null until submitted. */
  onTime: boolean | null;
  dedicatedLine: boolean | null;
  regionTotalBudget: number | null;
  meetings: number | null;
  budgetLines: { source: BudgetSource; allocated: number | null; spent: number | null }[];
  realisations: { actionItemId: number; value: number | null }[];
  /** The counts of EVALUATION_COUNT_COLUMNS, in that order (null: not reported). */
  counts: (number | null)[];
};

/** The content paths one json_extract reads at once (SQLite parses the content once for all of them). */
const CONTENT_PATHS = ["$.budget.dedicatedLine", "$.budget.regionTotalBudget", "$.coordination.meetings", "$.budget.lines", "$.realisations", ...EVALUATION_COUNT_COLUMNS.map((c) => `$.${c}`)];
const extractAll = sql.raw(`json_extract(rp.content, ${CONTENT_PATHS.map((p) => `'${p}'`).join(", ")})`);

type Extracted = [boolean | null, number | null, number | null, EvaluationReportRow["budgetLines"] | null, { actionItemId: number; value: number | null }[] | null, ...(number | null)[]];

/** A report of the year as read, before its content's fields are parsed: task force, status, on time (1/0/null), the picked fields as JSON text (null for a draft). */
export type EvaluationReportRaw = [taskForceId: number, status: ReportStatus, onTime: 0 | 1 | null, extracted: string | null];

/**
 * The reports of one reporting period (of the given task forces only, when asked), in task-force
 * order, as read: status, timeliness, and from the content the budget lines, dedicated line, region's
 * total budget, meetings, realisations and the count columns as one JSON text (parse it with
 * {@link toEvaluationReport}). One query; a draft's content is not read.
 */
export function listEvaluationReportsRaw(db: Db, { periodKey, taskForceIds }: { periodKey: string; taskForceIds?: readonly number[] }): EvaluationReportRaw[] {
  if (taskForceIds && taskForceIds.length === 0) return [];
  return db.values<EvaluationReportRaw>(sql`
    SELECT rp.task_force_id, rp.status, rp.on_time, CASE WHEN rp.status = 'draft' THEN NULL ELSE ${extractAll} END
    FROM reports rp
    WHERE rp.period_key = ${periodKey} ${idsIn(sql`rp.task_force_id`, taskForceIds)}
    ORDER BY rp.task_force_id`);
}

/** A report as read (`listEvaluationReportsRaw`) with its picked fields parsed. */
export function toEvaluationReport([taskForceId, status, onTime, extracted]: EvaluationReportRaw): EvaluationReportRow {
  const e = (extracted === null ? [] : JSON.parse(extracted)) as Partial<Extracted>;
  return {
    taskForceId,
    status,
    onTime: onTime === null ? null : onTime === 1,
    dedicatedLine: e[0] ?? null,
    regionTotalBudget: e[1] ?? null,
    meetings: e[2] ?? null,
    budgetLines: (e[3] ?? []).map((l) => ({ source: l.source, allocated: l.allocated ?? null, spent: l.spent ?? null })),
    realisations: (e[4] ?? []).map((r) => ({ actionItemId: r.actionItemId, value: r.value ?? null })),
    counts: EVALUATION_COUNT_COLUMNS.map((_, i) => (e[5 + i] as number | null | undefined) ?? null),
  };
}

/**
 * The reports of one reporting period (of the given task forces only, when asked), in task-force
 * order: status, timeliness, and from the content the budget lines, dedicated line, region's total
 * budget, meetings, realisations and the count columns. One query; a draft's content is not read.
 */
export function listEvaluationReports(db: Db, options: { periodKey: string; taskForceIds?: readonly number[] }): EvaluationReportRow[] {
  return listEvaluationReportsRaw(db, options).map(toEvaluationReport);
}

/** A realisation an earlier report gave for an action item. */
export type EarlierRealisationRow = { taskForceId: number; actionItemId: number; year: number; value: number };

/**
 * The realisations of the given action items that the reports of the same RAN period gave in the
 * years before `year` (submitted reports only: a draft's content feeds nothing), for the given task
 * forces (all when not asked). Blank values are left out. Empty without items.
 */
export function listEarlierRealisations(
  db: Db,
  { periodId, year, actionItemIds, taskForceIds }: { periodId: number; year: number; actionItemIds: readonly number[]; taskForceIds?: readonly number[] },
): EarlierRealisationRow[] {
  if (actionItemIds.length === 0 || (taskForceIds && taskForceIds.length === 0)) return [];
  return db
    .values<[number, number, number, number]>(sql`
      SELECT rp.task_force_id, json_extract(r.value, '$.actionItemId') AS item, rp.year, json_extract(r.value, '$.value') AS v
      FROM reports rp, json_each(rp.content, '$.realisations') r
      WHERE rp.period_id = ${periodId} AND rp.year < ${year} AND rp.status <> 'draft' ${idsIn(sql`rp.task_force_id`, taskForceIds)}
        AND item IN (SELECT value FROM json_each(${JSON.stringify(actionItemIds)})) AND v IS NOT NULL
      ORDER BY rp.task_force_id, rp.year`)
    .map(([taskForceId, actionItemId, y, value]) => ({ taskForceId, actionItemId, year: y, value }));
}

/**
 * How many sub-task-forces have a coordinator membership valid on a date, per task force (of the
 * given ones, when asked): one grouped query. A task force without one is absent (0).
 */
export function countCoordinatorsAt(db: Db, { at, taskForceIds }: { at: IsoDate; taskForceIds?: readonly number[] }): Map<number, number> {
  if (taskForceIds && taskForceIds.length === 0) return new Map();
  const rows = db.values<[number, number]>(sql`
    SELECT m.task_force_id, count(DISTINCT m.sub_task_force)
    FROM memberships m
    WHERE m.position = 'coordinator' AND m.valid_from <= ${at} AND (m.valid_to IS NULL OR m.valid_to >= ${at}) ${idsIn(sql`m.task_force_id`, taskForceIds)}
    GROUP BY m.task_force_id`);
  return new Map(rows);
}

/** A RAN period's evaluation settings as stored (the JSON parsed, not yet checked against the domain's schema). */
export type EvaluationSettingsRow = { periodId: number; settings: unknown; version: number; updatedAt: number; updatedBy: number | null };

/** The settings row of a period; undefined when the period still uses the defaults. */
export function findEvaluationSettings(db: Db, periodId: number): EvaluationSettingsRow | undefined {
  return db.select().from(evaluationSettings).where(eq(evaluationSettings.periodId, periodId)).get();
}

/** Every period's settings row. */
export function listEvaluationSettings(db: Db): EvaluationSettingsRow[] {
  return db.select().from(evaluationSettings).orderBy(asc(evaluationSettings.periodId)).all();
}

/** Writes a period's first settings row at version 1; false when the period already has one. */
export function insertEvaluationSettings(db: Db, { periodId, settings, now, userId }: { periodId: number; settings: unknown; now: number; userId: number | null }): boolean {
  return db.insert(evaluationSettings).values({ periodId, settings, version: 1, updatedAt: now, updatedBy: userId }).onConflictDoNothing().run().changes === 1;
}

/** Replaces a period's settings if its row is still at `version` (and goes to version + 1); false otherwise. */
export function updateEvaluationSettings(db: Db, { periodId, version, settings, now, userId }: { periodId: number; version: number; settings: unknown; now: number; userId: number | null }): boolean {
  return (
    db
      .update(evaluationSettings)
      .set({ settings, updatedAt: now, updatedBy: userId, version: sql`${evaluationSettings.version} + 1` })
      .where(and(eq(evaluationSettings.periodId, periodId), eq(evaluationSettings.version, version)))
      .run().changes === 1
  );
}

export type EvaluationPublicationRow = { year: number; periodId: number; publishedAt: number; publishedBy: number | null };

/** Every published year, oldest first. */
export function listEvaluationPublications(db: Db): EvaluationPublicationRow[] {
  return db.select().from(evaluationPublications).orderBy(asc(evaluationPublications.year)).all();
}

/** Publishes a year; false when it already is. */
export function insertEvaluationPublication(db: Db, { year, periodId, now, userId }: { year: number; periodId: number; now: number; userId: number | null }): boolean {
  return db.insert(evaluationPublications).values({ year, periodId, publishedAt: now, publishedBy: userId }).onConflictDoNothing().run().changes === 1;
}
