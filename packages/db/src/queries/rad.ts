/**
 * Regional action plans (RAD): one plan per task force and RAN period, with its adopting instrument
 * (all null while a draft), its items (each following a RAN action item) and their yearly targets.
 * Every write checks the version it was read at; a stale one changes nothing.
 */
import type { InstrumentType, IsoDate, RadItem, RadPlanInstrument } from "@gugus/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { actionItems, radItemTargets, radItems, radPlans } from "../schema.ts";
import { listTaskForces } from "./hierarchy.ts";
import type { Scope } from "./scope.ts";

export type RadPlanRow = {
  id: number;
  taskForceId: number;
  periodId: number;
  instrument: { type: InstrumentType; number: string; adoptedOn: IsoDate; documentRef: string | null } | null;
  createdAt: number;
  updatedAt: number;
  version: number;
};

export type RadItemRow = RadItem & { id: number; planId: number; version: number; updatedAt: number; followedCode: string };

function toPlan(row: typeof radPlans.$inferSelect): RadPlanRow {
  return {
    id: row.id,
    taskForceId: row.taskForceId,
    periodId: row.periodId,
    instrument:
      row.instrumentType === null || row.instrumentNumber === null || row.adoptedOn === null
        ? null
        : { type: row.instrumentType, number: row.instrumentNumber, adoptedOn: row.adoptedOn, documentRef: row.documentRef },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

/** A task force's plan for a period, or undefined when none was started. */
export function findRadPlan(db: Db, { taskForceId, periodId }: { taskForceId: number; periodId: number }): RadPlanRow | undefined {
  const row = db
    .select()
    .from(radPlans)
    .where(and(eq(radPlans.taskForceId, taskForceId), eq(radPlans.periodId, periodId)))
    .get();
  return row ? toPlan(row) : undefined;
}

/** A plan by its id, or undefined. */
export function findRadPlanById(db: Db, id: number): RadPlanRow | undefined {
  const row = db.select().from(radPlans).where(eq(radPlans.id, id)).get();
  return row ? toPlan(row) : undefined;
}

const subTaskForceOrder = sql`CASE ${radItems.subTaskForce} WHEN 'prevention' THEN 0 WHEN 'health_rehab' THEN 1 WHEN 'social_rehab' THEN 2 WHEN 'legal_norms' THEN 3 WHEN 'law_enforcement' THEN 4 ELSE 5 END`;

/** Items of plans (by sub-task-force, then code) with their targets and the code of the RAN item each follows: two queries whatever the count. */
function listItemsOf(db: Db, planIds: readonly number[]): RadItemRow[] {
  if (planIds.length === 0) return [];
  const rows = db
    .select({ item: radItems, followedCode: actionItems.code })
    .from(radItems)
    .innerJoin(actionItems, eq(actionItems.id, radItems.followsItemId))
    .where(inArray(radItems.planId, [...planIds]))
    .orderBy(subTaskForceOrder, asc(radItems.code))
    .all();
  if (rows.length === 0) return [];
  const targets = db
    .select()
    .from(radItemTargets)
    .where(inArray(radItemTargets.itemId, rows.map((r) => r.item.id)))
    .orderBy(asc(radItemTargets.year))
    .all();
  const byItem = new Map<number, { year: number; value: number }[]>();
  for (const t of targets) byItem.set(t.itemId, [...(byItem.get(t.itemId) ?? []), { year: t.year, value: t.value }]);
  return rows.map(({ item: r, followedCode }) => ({
    id: r.id,
    planId: r.planId,
    version: r.version,
    updatedAt: r.updatedAt,
    followsItemId: r.followsItemId,
    followedCode,
    subTaskForce: r.subTaskForce,
    code: r.code,
    programme: r.programme,
    activity: r.activity,
    indicator: r.indicator,
    unit: r.unit,
    baseline: r.baseline,
    targetMode: r.targetMode,
    targets: byItem.get(r.id) ?? [],
    leadAgency: r.leadAgency,
    relatedAgencies: JSON.parse(r.relatedAgencies) as string[],
  }));
}

/** A plan's items with their targets. */
export function listRadItems(db: Db, planId: number): RadItemRow[] {
  return listItemsOf(db, [planId]);
}

/** One item, or undefined. */
export function findRadItem(db: Db, id: number): RadItemRow | undefined {
  const row = db.select({ planId: radItems.planId }).from(radItems).where(eq(radItems.id, id)).get();
  return row ? listItemsOf(db, [row.planId]).find((i) => i.id === id) : undefined;
}

/** Starts a draft plan (no instrument) for a task force and period, or returns the one there is. */
export function ensureRadPlan(db: Db, { taskForceId, periodId, now }: { taskForceId: number; periodId: number; now: number }): RadPlanRow {
  db.insert(radPlans).values({ taskForceId, periodId, updatedAt: now }).onConflictDoNothing().run();
  return findRadPlan(db, { taskForceId, periodId })!;
}

/** Inserts a plan with its instrument; undefined when the task force already has one for the period. */
export function insertRadPlan(db: Db, { taskForceId, periodId, instrument, now }: { taskForceId: number; periodId: number; instrument: RadPlanInstrument; now: number }): number | undefined {
  return db
    .insert(radPlans)
    .values({ taskForceId, periodId, ...instrumentColumns(instrument), updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: radPlans.id })
    .get()?.id;
}

const instrumentColumns = (i: RadPlanInstrument) => ({ instrumentType: i.type, instrumentNumber: i.number, adoptedOn: i.adoptedOn, documentRef: i.documentRef === "" ? null : i.documentRef });

/** Records a plan's instrument if the plan is still at `version`; false otherwise. */
export function updateRadPlan(db: Db, { id, version, instrument, now }: { id: number; version: number; instrument: RadPlanInstrument; now: number }): boolean {
  return (
    db
      .update(radPlans)
      .set({ ...instrumentColumns(instrument), updatedAt: now, version: sql`${radPlans.version} + 1` })
      .where(and(eq(radPlans.id, id), eq(radPlans.version, version)))
      .run().changes === 1
  );
}

const itemColumns = (item: RadItem) => ({
  followsItemId: item.followsItemId,
  subTaskForce: item.subTaskForce,
  code: item.code.trim(),
  programme: item.programme,
  activity: item.activity,
  indicator: item.indicator,
  unit: item.unit,
  baseline: item.baseline,
  targetMode: item.targetMode,
  leadAgency: item.leadAgency,
  relatedAgencies: JSON.stringify(item.relatedAgencies),
});

/** Inserts an item and its targets; undefined when the plan has the code already (any case). */
export function insertRadItem(db: Db, { planId, item, now }: { planId: number; item: RadItem; now: number }): number | undefined {
  const id = db
    .insert(radItems)
    .values({ planId, ...itemColumns(item), updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: radItems.id })
    .get()?.id;
  if (id === undefined) return undefined;
  if (item.targets.length > 0) db.insert(radItemTargets).values(item.targets.map((t) => ({ itemId: id, year: t.year, value: t.value }))).run();
  return id;
}

/** Replaces an item (and its targets) if still at `version`; false otherwise. Throws on a code clash. */
export function updateRadItem(db: Db, { id, version, item, now }: { id: number; version: number; item: RadItem; now: number }): boolean {
  const changed = db
    .update(radItems)
    .set({ ...itemColumns(item), updatedAt: now, version: sql`${radItems.version} + 1` })
    .where(and(eq(radItems.id, id), eq(radItems.version, version)))
    .run().changes;
  if (changed !== 1) return false;
  db.delete(radItemTargets).where(eq(radItemTargets.itemId, id)).run();
  if (item.targets.length > 0) db.insert(radItemTargets).values(item.targets.map((t) => ({ itemId: id, year: t.year, value: t.value }))).run();
  return true;
}

/** Deletes an item (its targets go with it) if still at `version`; false otherwise. */
export function deleteRadItem(db: Db, { id, version }: { id: number; version: number }): boolean {
  return db.delete(radItems).where(and(eq(radItems.id, id), eq(radItems.version, version))).run().changes === 1;
}

/** Per task force of a scope (provinces and regencies/cities existing on `at`): whether it has a plan for the period, adopted or not, and how many items. */
export type RadOverviewRow = {
  taskForceId: number;
  level: "province" | "regency";
  regionCode: string;
  regionName: string;
  kind: "kabupaten" | "kota" | null;
  parentId: number | null;
  hasPlan: boolean;
  adoptedOn: IsoDate | null;
  instrumentType: InstrumentType | null;
  instrumentNumber: string | null;
  itemCount: number;
};

/** The RAD state of every province and regency/city in a scope on a date, for a period. */
export function listRadOverview(db: Db, { periodId, at, within }: { periodId: number; at: IsoDate; within?: Scope }): RadOverviewRow[] {
  const taskForces = listTaskForces(db, { at, ...(within ? { within } : {}) }).filter((t) => t.level !== "national" && t.regionCode !== null);
  if (taskForces.length === 0) return [];
  const plans = db
    .select({
      taskForceId: radPlans.taskForceId,
      adoptedOn: radPlans.adoptedOn,
      instrumentType: radPlans.instrumentType,
      instrumentNumber: radPlans.instrumentNumber,
      itemCount: sql<number>`(SELECT COUNT(*) FROM rad_items i WHERE i.plan_id = ${radPlans.id})`,
    })
    .from(radPlans)
    .where(eq(radPlans.periodId, periodId))
    .all();
  const byTaskForce = new Map(plans.map((p) => [p.taskForceId, p]));
  return taskForces.map((t) => {
    const p = byTaskForce.get(t.id);
    return {
      taskForceId: t.id,
      level: t.level as "province" | "regency",
      regionCode: t.regionCode!,
      regionName: t.regionName ?? t.regionCode!,
      kind: t.kind,
      parentId: t.parentId,
      hasPlan: p !== undefined,
      adoptedOn: p?.adoptedOn ?? null,
      instrumentType: p?.instrumentType ?? null,
      instrumentNumber: p?.instrumentNumber ?? null,
      itemCount: p?.itemCount ?? 0,
    };
  });
}

/** A task force's RAD items for a year's report: the plan of the period holding it, each item with that year's target. */
export function listRadItemsForYear(db: Db, { taskForceId, periodId, year }: { taskForceId: number; periodId: number; year: number }): (RadItemRow & { yearTarget: number | null })[] {
  const plan = findRadPlan(db, { taskForceId, periodId });
  if (!plan) return [];
  return listRadItems(db, plan.id).map((i) => ({ ...i, yearTarget: i.targets.find((t) => t.year === year)?.value ?? null }));
}

/** Task forces (of a set) whose plan for a period was adopted on or before a date: the evaluation's RAD readiness input. */
export function listAdoptedRadTaskForces(db: Db, { periodId, onOrBefore }: { periodId: number; onOrBefore: IsoDate }): Set<number> {
  const rows = db
    .select({ taskForceId: radPlans.taskForceId })
    .from(radPlans)
    .where(and(eq(radPlans.periodId, periodId), sql`${radPlans.adoptedOn} IS NOT NULL AND ${radPlans.adoptedOn} <= ${onOrBefore}`))
    .all();
  return new Set(rows.map((r) => r.taskForceId));
}

/** The RAD items following a RAN item (any task force): a RAN item with followers cannot simply be deleted. */
export function countRadFollowers(db: Db, actionItemId: number): number {
  return db.select({ n: sql<number>`COUNT(*)` }).from(radItems).where(eq(radItems.followsItemId, actionItemId)).get()?.n ?? 0;
}
