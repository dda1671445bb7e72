/**
 * The scope rule of @gugus/domain (`isWithin`) written as SQL, so lists are filtered in the
 * database. A scope is an actor's subtree as it stands today, kept as task-force identities: the
 * national task force sees all; a province its own task force and those of its regencies/cities
 * today; a regency/city only itself. Viewing another date shows the same task forces as they were.
 * A test checks this agrees with `isWithin` for every province and regency.
 */
import type { IsoDate, TaskForcePlace } from "@gugus/domain";
import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";

/** An actor's subtree: its place today, and what today is. */
export type Scope = { place: TaskForcePlace; today: IsoDate };

/** SQL true when a link row `l` (task_force_regions) is valid on a date. */
export function linkValidAt(alias: string, date: IsoDate): SQL {
  const a = sql.raw(alias);
  return sql`(${a}.valid_from IS NULL OR ${a}.valid_from <= ${date}) AND (${a}.valid_to IS NULL OR ${a}.valid_to >= ${date})`;
}

/** A condition on a task-force id column keeping the task forces within the scope. */
export function withinScope(taskForceId: SQL, scope: Scope): SQL {
  const { place, today } = scope;
  if (place.level === "national") return sql`1 = 1`;
  // A regional task force without a region today has ended (merged away): its subtree is empty,
  // as `isWithin` says. Never widen it to the whole country.
  if (place.regionCode === null) return sql`1 = 0`;
  const match =
    place.level === "province" ? sql`(s.region_code = ${place.regionCode} OR s.region_code LIKE ${`${place.regionCode}.%`})` : sql`s.region_code = ${place.regionCode}`;
  return sql`${taskForceId} IN (SELECT s.task_force_id FROM task_force_regions s WHERE ${match} AND ${linkValidAt("s", today)})`;
}

/** Is the task force within the scope (as the scope stands today)? */
export function isTaskForceInScope(db: { get: <T>(q: SQL) => T | undefined }, taskForceId: number, scope: Scope): boolean {
  if (scope.place.level === "national") return true;
  if (scope.place.regionCode === null) return false;
  return db.get<{ one: number }>(sql`SELECT 1 AS one WHERE ${withinScope(sql`${taskForceId}`, scope)}`) !== undefined;
}
