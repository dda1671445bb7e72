/** Reads of the task-force hierarchy. Every function takes the database first. */
import type { TaskForcePlace } from "@gugus/domain";
import { and, asc, eq, like, or, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Db } from "../client.ts";
import { regions, taskForces } from "../schema.ts";
import { withinScope } from "./scope.ts";

const taskForceColumns = {
  id: taskForces.id,
  level: taskForces.level,
  regionCode: taskForces.regionCode,
  regionName: regions.name,
  kind: regions.kind,
  parentId: taskForces.parentId,
  status: taskForces.status,
};

export type TaskForceRow = {
  id: number;
  level: "national" | "province" | "regency";
  regionCode: string | null;
  regionName: string | null;
  kind: "kabupaten" | "kota" | null;
  parentId: number | null;
  status: "not_formed";
};

const levelOrder = sql`CASE ${taskForces.level} WHEN 'national' THEN 0 WHEN 'province' THEN 1 ELSE 2 END`;

function selectTaskForces(db: Db) {
  return db.select(taskForceColumns).from(taskForces).leftJoin(regions, eq(regions.code, taskForces.regionCode));
}

/** All task forces within a scope (default: all), national first, then provinces and regencies/cities in code order. */
export function listTaskForces(db: Db, { within }: { within?: TaskForcePlace } = {}): TaskForceRow[] {
  const query = selectTaskForces(db);
  return (within ? query.where(withinScope(within)) : query).orderBy(levelOrder, asc(taskForces.regionCode)).all();
}

/** One task force, or undefined. */
export function findTaskForce(db: Db, id: number): TaskForceRow | undefined {
  return selectTaskForces(db).where(eq(taskForces.id, id)).get();
}

/** The task force of a region (or the national one for null), or undefined. */
export function findTaskForceByRegion(db: Db, regionCode: string | null): TaskForceRow | undefined {
  return selectTaskForces(db)
    .where(regionCode === null ? eq(taskForces.level, "national") : eq(taskForces.regionCode, regionCode))
    .get();
}

/** The direct children of a task force, in code order. */
export function listChildTaskForces(db: Db, parentId: number): TaskForceRow[] {
  return selectTaskForces(db).where(eq(taskForces.parentId, parentId)).orderBy(asc(taskForces.regionCode)).all();
}

/** How many task forces each level holds (within a scope, default all). */
export function countTaskForcesByLevel(db: Db, { within }: { within?: TaskForcePlace } = {}): Record<TaskForceRow["level"], number> {
  const rows = db
    .select({ level: taskForces.level, count: sql<number>`count(*)` })
    .from(taskForces)
    .where(within ? withinScope(within) : undefined)
    .groupBy(taskForces.level)
    .all();
  const counts = { national: 0, province: 0, regency: 0 };
  for (const row of rows) counts[row.level] = row.count;
  return counts;
}

export type ProvinceCountRow = {
  id: number;
  regionCode: string;
  regionName: string;
  regencies: number;
  kabupaten: number;
  kota: number;
};

/** Every province's task force (within a scope) with how many regency/city task forces answer to it, in one query. */
export function countChildrenByProvince(db: Db, { within }: { within?: TaskForcePlace } = {}): ProvinceCountRow[] {
  const child = sql`child`;
  return db
    .select({
      id: taskForces.id,
      regionCode: sql<string>`${taskForces.regionCode}`,
      regionName: sql<string>`${regions.name}`,
      regencies: sql<number>`(SELECT count(*) FROM ${taskForces} AS ${child} WHERE ${child}.parent_id = ${taskForces.id})`,
      kabupaten: sql<number>`(SELECT count(*) FROM ${taskForces} AS ${child} JOIN ${regions} AS r ON r.code = ${child}.region_code WHERE ${child}.parent_id = ${taskForces.id} AND r.kind = 'kabupaten')`,
      kota: sql<number>`(SELECT count(*) FROM ${taskForces} AS ${child} JOIN ${regions} AS r ON r.code = ${child}.region_code WHERE ${child}.parent_id = ${taskForces.id} AND r.kind = 'kota')`,
    })
    .from(taskForces)
    .innerJoin(regions, eq(regions.code, taskForces.regionCode))
    .where(and(eq(taskForces.level, "province"), within ? withinScope(within) : undefined))
    .orderBy(asc(taskForces.regionCode))
    .all();
}

/** Escapes LIKE wildcards in user text (used with `ESCAPE '\'`). */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type SearchOptions = {
  /** Words that must all appear in the region's name, case-insensitive. */
  words: readonly string[];
  /** A region code prefix (e.g. `32.7`), matched as an alternative to the words. */
  codePrefix?: string | null;
  limit: number;
  /** Only task forces within this scope. */
  within?: TaskForcePlace;
};

/** Task forces whose region name holds every word, or whose code starts with the prefix; provinces first. */
export function searchTaskForces(db: Db, { words, codePrefix, limit, within }: SearchOptions): TaskForceRow[] {
  const nameMatch: SQL | undefined =
    words.length > 0
      ? and(...words.map((w) => sql`${regions.name} LIKE ${`%${likeEscape(w)}%`} ESCAPE '\\'`))
      : undefined;
  const codeMatch = codePrefix ? like(taskForces.regionCode, `${likeEscape(codePrefix)}%`) : undefined;
  const where = or(nameMatch, codeMatch);
  if (!where) return [];
  return selectTaskForces(db)
    .where(and(where, within ? withinScope(within) : undefined))
    .orderBy(levelOrder, asc(taskForces.regionCode))
    .limit(limit)
    .all();
}
