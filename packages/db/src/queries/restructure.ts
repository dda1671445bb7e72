/** Writing restructurings: the state a plan is checked against, and the change set it produces. */
import type { ChangeSet, HierarchyState } from "@gugus/domain";
import { regencyKindOf, regionLevelOf, parentRegionCodeOf } from "@gugus/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../client.ts";
import { regions, successions, taskForceRegions, taskForces } from "../schema.ts";

/** Every region, link and succession (small: about 600 rows each). */
export function readHierarchyState(db: Db): HierarchyState {
  return {
    regions: db.select({ code: regions.code, name: regions.name, validFrom: regions.validFrom, validTo: regions.validTo }).from(regions).all(),
    links: db
      .select({ taskForceId: taskForceRegions.taskForceId, regionCode: taskForceRegions.regionCode, validFrom: taskForceRegions.validFrom, validTo: taskForceRegions.validTo })
      .from(taskForceRegions)
      .all(),
    successions: db
      .select({ oldCode: successions.oldCode, newCode: successions.newCode, type: successions.type, effectiveDate: successions.effectiveDate, newName: successions.newName, legalBasis: successions.legalBasis })
      .from(successions)
      .all(),
  };
}

/** Writes a change set. Call inside a transaction: any failure must leave nothing behind. Returns the new task forces' ids. */
export function applyChangeSet(db: Db, change: ChangeSet, { by }: { by: number | null }): number[] {
  for (const r of change.endRegions) db.update(regions).set({ validTo: r.validTo }).where(eq(regions.code, r.code)).run();
  for (const r of change.newRegions) {
    db.insert(regions)
      .values({ code: r.code, name: r.name, level: regionLevelOf(r.code), parentCode: parentRegionCodeOf(r.code), kind: regencyKindOf(r.code), validFrom: r.validFrom })
      .run();
  }
  for (const l of change.endLinks) {
    db.update(taskForceRegions)
      .set({ validTo: l.validTo })
      .where(and(eq(taskForceRegions.taskForceId, l.taskForceId), eq(taskForceRegions.regionCode, l.regionCode)))
      .run();
  }
  for (const l of change.newLinks) db.insert(taskForceRegions).values({ taskForceId: l.taskForceId, regionCode: l.regionCode, validFrom: l.validFrom }).run();
  const created: number[] = [];
  for (const t of change.newTaskForces) {
    const id = db.insert(taskForces).values({ level: regionLevelOf(t.regionCode), validFrom: t.validFrom }).returning({ id: taskForces.id }).get().id;
    db.insert(taskForceRegions).values({ taskForceId: id, regionCode: t.regionCode, validFrom: t.validFrom }).run();
    created.push(id);
  }
  for (const t of change.endTaskForces) db.update(taskForces).set({ validTo: t.validTo }).where(eq(taskForces.id, t.taskForceId)).run();
  for (const s of change.successions) {
    db.insert(successions).values({ oldCode: s.oldCode, newCode: s.newCode, type: s.type, effectiveDate: s.effectiveDate, newName: s.newName, legalBasis: s.legalBasis, createdBy: by }).run();
  }
  return created;
}
