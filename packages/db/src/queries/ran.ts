/** RAN periods, their settings and coordinators, and their action items with yearly targets. */
import type { ActionItem, PeriodDraft, PeriodStatus, ReportingSettings, SubTaskForceCode } from "@gugus/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { actionItemTargets, actionItems, periodCoordinators, ranPeriods } from "../schema.ts";
import { preparedPerHandle } from "./prepared.ts";

export type RanPeriodRow = typeof ranPeriods.$inferSelect;

/** All RAN periods in year order. */
const periodsQuery = preparedPerHandle((db) => db.select().from(ranPeriods).orderBy(asc(ranPeriods.firstYear)).prepare());

export function listRanPeriods(db: Db): RanPeriodRow[] {
  return periodsQuery(db).all();
}

export function findPeriodByNumber(db: Db, number: number): RanPeriodRow | undefined {
  return db.select().from(ranPeriods).where(eq(ranPeriods.number, number)).get();
}

/** Inserts a draft period; undefined when the number is taken. */
export function insertPeriod(db: Db, draft: PeriodDraft, now: number): number | undefined {
  return db
    .insert(ranPeriods)
    .values({ ...draft, status: "draft", instrument: null, adoptedOn: null, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: ranPeriods.id })
    .get()?.id;
}

/** What a change of a period may set: its years, its adoption (status, instrument, date) and its reporting settings. */
export type PeriodChanges = Partial<{ firstYear: number; lastYear: number; status: PeriodStatus; instrument: string | null; adoptedOn: string | null } & ReportingSettings>;

/** Changes a period if it is still at `version`; false otherwise. */
export function updatePeriod(db: Db, { id, version, changes, now }: { id: number; version: number; changes: PeriodChanges; now: number }): boolean {
  return (
    db
      .update(ranPeriods)
      .set({ ...changes, updatedAt: now, version: sql`${ranPeriods.version} + 1` })
      .where(and(eq(ranPeriods.id, id), eq(ranPeriods.version, version)))
      .run().changes === 1
  );
}

export function deletePeriod(db: Db, { id, version }: { id: number; version: number }): boolean {
  return db.delete(ranPeriods).where(and(eq(ranPeriods.id, id), eq(ranPeriods.version, version))).run().changes === 1;
}

export function listCoordinators(db: Db, periodId: number): { subTaskForce: SubTaskForceCode; agency: string }[] {
  return db
    .select({ subTaskForce: periodCoordinators.subTaskForce, agency: periodCoordinators.agency })
    .from(periodCoordinators)
    .where(eq(periodCoordinators.periodId, periodId))
    .all();
}

/** Replaces the coordinators of a period. */
export function replaceCoordinators(db: Db, periodId: number, list: readonly { subTaskForce: SubTaskForceCode; agency: string }[]): void {
  db.delete(periodCoordinators).where(eq(periodCoordinators.periodId, periodId)).run();
  for (const c of list) db.insert(periodCoordinators).values({ periodId, ...c }).run();
}

export type ActionItemRow = ActionItem & { id: number; periodId: number; version: number; updatedAt: number };

type ItemDbRow = typeof actionItems.$inferSelect;

function toItem(row: ItemDbRow, targets: { year: number; value: number }[]): ActionItemRow {
  return {
    id: row.id,
    periodId: row.periodId,
    version: row.version,
    updatedAt: row.updatedAt,
    subTaskForce: row.subTaskForce,
    code: row.code,
    programme: row.programme,
    activity: row.activity,
    indicator: row.indicator,
    unit: row.unit,
    baseline: row.baseline,
    targetMode: row.targetMode,
    targets,
    leadAgency: row.leadAgency,
    relatedAgencies: JSON.parse(row.relatedAgencies) as string[],
    level: row.level,
    followsItemId: row.followsItemId,
  };
}

const subTaskForceOrder = sql`CASE ${actionItems.subTaskForce} WHEN 'prevention' THEN 0 WHEN 'health_rehab' THEN 1 WHEN 'social_rehab' THEN 2 WHEN 'legal_norms' THEN 3 WHEN 'law_enforcement' THEN 4 ELSE 5 END`;

/** A period's action items (of one level, if asked) with their targets: two queries whatever the count. */
export function listActionItems(db: Db, { periodId, level }: { periodId: number; level?: ActionItem["level"] }): ActionItemRow[] {
  const rows = db
    .select()
    .from(actionItems)
    .where(and(eq(actionItems.periodId, periodId), level ? eq(actionItems.level, level) : undefined))
    .orderBy(subTaskForceOrder, asc(actionItems.code))
    .all();
  if (rows.length === 0) return [];
  const targets = db
    .select()
    .from(actionItemTargets)
    .where(inArray(actionItemTargets.itemId, rows.map((r) => r.id)))
    .orderBy(asc(actionItemTargets.year))
    .all();
  const byItem = new Map<number, { year: number; value: number }[]>();
  for (const t of targets) byItem.set(t.itemId, [...(byItem.get(t.itemId) ?? []), { year: t.year, value: t.value }]);
  return rows.map((r) => toItem(r, byItem.get(r.id) ?? []));
}

export function findActionItem(db: Db, id: number): ActionItemRow | undefined {
  const row = db.select().from(actionItems).where(eq(actionItems.id, id)).get();
  if (!row) return undefined;
  const targets = db.select({ year: actionItemTargets.year, value: actionItemTargets.value }).from(actionItemTargets).where(eq(actionItemTargets.itemId, id)).orderBy(asc(actionItemTargets.year)).all();
  return toItem(row, targets);
}

const itemColumns = (item: ActionItem) => ({
  subTaskForce: item.subTaskForce,
  code: item.code,
  programme: item.programme,
  activity: item.activity,
  indicator: item.indicator,
  unit: item.unit,
  baseline: item.baseline,
  targetMode: item.targetMode,
  leadAgency: item.leadAgency,
  relatedAgencies: JSON.stringify(item.relatedAgencies),
  level: item.level,
  followsItemId: item.followsItemId,
});

/** Inserts an item and its targets; undefined when the period already has the code (any case). */
export function insertActionItem(db: Db, periodId: number, item: ActionItem, now: number): number | undefined {
  const id = db
    .insert(actionItems)
    .values({ periodId, ...itemColumns(item), updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: actionItems.id })
    .get()?.id;
  if (id === undefined) return undefined;
  if (item.targets.length > 0) db.insert(actionItemTargets).values(item.targets.map((t) => ({ itemId: id, year: t.year, value: t.value }))).run();
  return id;
}

/** Replaces an item (and its targets) if still at `version`; false otherwise. Throws on a code clash. */
export function updateActionItem(db: Db, { id, version, item, now }: { id: number; version: number; item: ActionItem; now: number }): boolean {
  const changed = db
    .update(actionItems)
    .set({ ...itemColumns(item), updatedAt: now, version: sql`${actionItems.version} + 1` })
    .where(and(eq(actionItems.id, id), eq(actionItems.version, version)))
    .run().changes;
  if (changed !== 1) return false;
  db.delete(actionItemTargets).where(eq(actionItemTargets.itemId, id)).run();
  if (item.targets.length > 0) db.insert(actionItemTargets).values(item.targets.map((t) => ({ itemId: id, year: t.year, value: t.value }))).run();
  return true;
}

/** The items that follow an item (a level lower down, taking it up). */
export function listFollowers(db: Db, id: number): ActionItemRow[] {
  const ids = db.select({ id: actionItems.id }).from(actionItems).where(eq(actionItems.followsItemId, id)).all();
  return ids.map((r) => findActionItem(db, r.id)!);
}

/** Points an item at the item it follows (used by an import once every row has an id). */
export function setFollows(db: Db, id: number, followsItemId: number | null): void {
  db.update(actionItems).set({ followsItemId }).where(eq(actionItems.id, id)).run();
}

/**
 * Deletes an item if still at `version`; false otherwise. Items following it stop pointing at it and
 * their versions move on (an edit of theirs read before is then stale). Run it in a transaction.
 */
export function deleteActionItem(db: Db, { id, version }: { id: number; version: number }): boolean {
  const current = db.select({ version: actionItems.version }).from(actionItems).where(eq(actionItems.id, id)).get();
  if (current?.version !== version) return false;
  db.update(actionItems)
    .set({ followsItemId: null, version: sql`${actionItems.version} + 1` })
    .where(eq(actionItems.followsItemId, id))
    .run();
  return db.delete(actionItems).where(and(eq(actionItems.id, id), eq(actionItems.version, version))).run().changes === 1;
}

/** The years that hold a target in a period (a period's years cannot shrink past them). */
export function listTargetYears(db: Db, periodId: number): number[] {
  return db
    .selectDistinct({ year: actionItemTargets.year })
    .from(actionItemTargets)
    .innerJoin(actionItems, eq(actionItems.id, actionItemTargets.itemId))
    .where(eq(actionItems.periodId, periodId))
    .all()
    .map((r) => r.year);
}

export function countActionItems(db: Db, periodId: number): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM action_items WHERE period_id = ${periodId}`)?.n ?? 0;
}
