/**
 * Reads of the task-force hierarchy at a date. A task force's region at a date comes from its link
 * valid that day; its parent is the task force of the parent region that day (the nation for a
 * province); its name follows renames. Every function takes the database first.
 */
import type { InstrumentType, IsoDate, Level, RegencyKind, SuccessionType } from "@gugus/domain";
import { sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import type { Db } from "../client.ts";
import { linkValidAt, withinScope } from "./scope.ts";
import type { Scope } from "./scope.ts";

export type TaskForceRow = {
  id: number;
  level: Level;
  /** The region code on the date (null for the national task force). */
  regionCode: string | null;
  regionName: string | null;
  kind: RegencyKind | null;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
};

/**
 * The task forces existing on a date, national first, then provinces and regencies/cities in code
 * order. `where` adds conditions on `tf` (task_forces), `l` (the link that day) and `r` (its region).
 */
function selectAt(db: Db, at: IsoDate, where: SQL[] = [], { limit }: { limit?: number } = {}): TaskForceRow[] {
  const conditions = [
    sql`(tf.valid_from IS NULL OR tf.valid_from <= ${at})`,
    sql`(tf.valid_to IS NULL OR tf.valid_to >= ${at})`,
    sql`(tf.level = 'national' OR l.id IS NOT NULL)`,
    ...where,
  ];
  return db.all<TaskForceRow>(sql`
    SELECT tf.id AS id, tf.level AS level, l.region_code AS regionCode,
      COALESCE((SELECT n.new_name FROM successions n WHERE n.old_code = r.code AND n.type = 'rename' AND n.effective_date <= ${at}
                ORDER BY n.effective_date DESC LIMIT 1), r.name) AS regionName,
      r.kind AS kind,
      CASE tf.level
        WHEN 'national' THEN NULL
        WHEN 'province' THEN (SELECT id FROM task_forces WHERE level = 'national')
        ELSE (SELECT p.task_force_id FROM task_force_regions p WHERE p.region_code = r.parent_code AND ${linkValidAt("p", at)})
      END AS parentId,
      tf.valid_from AS validFrom, tf.valid_to AS validTo
    FROM task_forces tf
    LEFT JOIN task_force_regions l ON l.task_force_id = tf.id AND ${linkValidAt("l", at)}
    LEFT JOIN regions r ON r.code = l.region_code
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY CASE tf.level WHEN 'national' THEN 0 WHEN 'province' THEN 1 ELSE 2 END, l.region_code
    ${limit === undefined ? sql`` : sql`LIMIT ${limit}`}
  `);
}

const scoped = (within: Scope | undefined) => (within ? [withinScope(sql`tf.id`, within)] : []);

/** All task forces existing on a date (within a scope, default all). */
export function listTaskForces(db: Db, { at, within }: { at: IsoDate; within?: Scope }): TaskForceRow[] {
  return selectAt(db, at, scoped(within));
}

/** One task force as it stood on a date, or undefined when it did not exist then. */
export function findTaskForce(db: Db, id: number, at: IsoDate): TaskForceRow | undefined {
  return selectAt(db, at, [sql`tf.id = ${id}`])[0];
}

/** The id of the task force that a region code belongs (or belonged) to, whatever the date; the national one for null. */
export function findTaskForceIdByRegion(db: Db, regionCode: string | null): number | undefined {
  const row =
    regionCode === null
      ? db.get<{ id: number }>(sql`SELECT id FROM task_forces WHERE level = 'national'`)
      : db.get<{ id: number }>(sql`SELECT task_force_id AS id FROM task_force_regions WHERE region_code = ${regionCode}`);
  return row?.id;
}

/** The task force of a region code as it stood on a date (the national one for null). */
export function findTaskForceByRegion(db: Db, regionCode: string | null, at: IsoDate): TaskForceRow | undefined {
  const id = findTaskForceIdByRegion(db, regionCode);
  return id === undefined ? undefined : findTaskForce(db, id, at);
}

/** The task forces answering to a task force on a date, in code order. */
export function listChildTaskForces(db: Db, parent: TaskForceRow, at: IsoDate): TaskForceRow[] {
  if (parent.level === "regency") return [];
  if (parent.level === "national") return selectAt(db, at, [sql`tf.level = 'province'`]);
  return selectAt(db, at, [sql`tf.level = 'regency'`, sql`r.parent_code = ${parent.regionCode}`]);
}

/** Escapes LIKE wildcards in user text (used with `ESCAPE '\'`). */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type SearchOptions = {
  /** Words that must all appear in the region's name on the date, case-insensitive. */
  words: readonly string[];
  /** A region code prefix (e.g. `32.7`), matched as an alternative to the words. */
  codePrefix?: string | null;
  limit: number;
  at: IsoDate;
  within?: Scope;
};

/** Task forces existing on a date whose region name holds every word, or whose code starts with the prefix. */
export function searchTaskForces(db: Db, { words, codePrefix, limit, at, within }: SearchOptions): TaskForceRow[] {
  const nameMatch = words.length > 0 ? sql.join(words.map((w) => sql`r.name LIKE ${`%${likeEscape(w)}%`} ESCAPE '\\'`), sql` AND `) : null;
  const codeMatch = codePrefix ? sql`l.region_code LIKE ${`${likeEscape(codePrefix)}%`} ESCAPE '\\'` : null;
  const match = nameMatch && codeMatch ? sql`((${nameMatch}) OR ${codeMatch})` : (nameMatch ?? codeMatch);
  if (!match) return [];
  return selectAt(db, at, [match, ...scoped(within)], { limit });
}

export type RegionLinkRow = { regionCode: string; regionName: string; validFrom: string | null; validTo: string | null };

/** The regions a task force has stood for, oldest first (Kab. Merauke: 91.01 then 93.01). */
export function listRegionLinks(db: Db, taskForceId: number): RegionLinkRow[] {
  return db.all<RegionLinkRow>(sql`
    SELECT l.region_code AS regionCode, r.name AS regionName, l.valid_from AS validFrom, l.valid_to AS validTo
    FROM task_force_regions l JOIN regions r ON r.code = l.region_code
    WHERE l.task_force_id = ${taskForceId}
    ORDER BY COALESCE(l.valid_from, '0000'), l.region_code`);
}

export type SuccessionRow = {
  id: number;
  oldCode: string;
  newCode: string;
  type: SuccessionType;
  effectiveDate: string;
  newName: string | null;
  legalBasis: string | null;
  oldName: string;
  newRegionName: string;
};

/** Successions, newest first; only those touching the given codes when asked. */
export function listSuccessions(db: Db, { codes }: { codes?: readonly string[] } = {}): SuccessionRow[] {
  const filter = codes && codes.length > 0 ? sql`WHERE s.old_code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)}) OR s.new_code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})` : sql``;
  return db.all<SuccessionRow>(sql`
    SELECT s.id AS id, s.old_code AS oldCode, s.new_code AS newCode, s.type AS type, s.effective_date AS effectiveDate,
      s.new_name AS newName, s.legal_basis AS legalBasis, o.name AS oldName, n.name AS newRegionName
    FROM successions s JOIN regions o ON o.code = s.old_code JOIN regions n ON n.code = s.new_code
    ${filter}
    ORDER BY s.effective_date DESC, s.new_code`);
}

/** The task forces existing on a date that stand for the given region codes (within a scope, default all), in code order. */
export function listTaskForcesOfRegions(db: Db, { codes, at, within }: { codes: readonly string[]; at: IsoDate; within?: Scope }): TaskForceRow[] {
  if (codes.length === 0) return [];
  return selectAt(db, at, [sql`l.region_code IN (${sql.join(codes.map((c) => sql`${c}`), sql`, `)})`, ...scoped(within)]);
}

export type FormerRegionMatch = {
  /** The code no longer in use on the date (for a rename: the code, whose old name matched). */
  oldCode: string;
  /** The name it had (for a rename: the name before it). */
  oldName: string;
  newCode: string;
  type: SuccessionType;
  effectiveDate: string;
  legalBasis: string | null;
  /** The successor's name, and its province's (its own for a province). */
  newRegionName: string;
  newProvinceName: string;
};

/**
 * Codes and names that were valid once but no longer on the date, matched like a search: a region
 * code no task force stands for that day (split, recoded or merged away; `91.01` after 2022) whose
 * code starts with the prefix or whose name holds every word, and a name a region had before a
 * rename. Each with the change that ended it (effective on or before the date), oldest code first.
 */
export function searchFormerRegions(db: Db, { words, codePrefix, limit, at }: Omit<SearchOptions, "within">): FormerRegionMatch[] {
  const nameMatch = words.length > 0 ? sql.join(words.map((w) => sql`o.name LIKE ${`%${likeEscape(w)}%`} ESCAPE '\\'`), sql` AND `) : null;
  const codeMatch = codePrefix ? sql`s.old_code LIKE ${`${likeEscape(codePrefix)}%`} ESCAPE '\\'` : null;
  const gone = sql`NOT EXISTS (SELECT 1 FROM task_force_regions l WHERE l.region_code = s.old_code AND ${linkValidAt("l", at)})`;
  const moved = [nameMatch, codeMatch].filter((m): m is SQL => m !== null);
  if (moved.length === 0) return [];
  const renamed = nameMatch ? sql`OR (s.type = 'rename' AND s.new_name IS NOT NULL AND s.new_name <> o.name AND (${nameMatch}))` : sql``;
  return db.all<FormerRegionMatch>(sql`
    SELECT s.old_code AS oldCode, o.name AS oldName, s.new_code AS newCode, s.type AS type, s.effective_date AS effectiveDate,
      s.legal_basis AS legalBasis, COALESCE(s.new_name, n.name) AS newRegionName, COALESCE(p.name, n.name) AS newProvinceName
    FROM successions s
    JOIN regions o ON o.code = s.old_code
    JOIN regions n ON n.code = s.new_code
    LEFT JOIN regions p ON p.code = n.parent_code
    WHERE s.effective_date <= ${at}
      AND ((s.type <> 'rename' AND ${gone} AND (${sql.join(moved, sql` OR `)})) ${renamed})
    ORDER BY s.old_code, s.effective_date, s.new_code
    LIMIT ${limit}`);
}

export type InstrumentListRow = { taskForceId: number; type: InstrumentType; number: string; issuedOn: string; endsOn: string | null; revokedOn: string | null };

/** Every task force's instruments with their type and number (for the list file: the one in force at a date). */
export function listInstrumentsForList(db: Db): InstrumentListRow[] {
  return db.all<InstrumentListRow>(sql`
    SELECT task_force_id AS taskForceId, type, number, issued_on AS issuedOn, ends_on AS endsOn, revoked_on AS revokedOn
    FROM instruments ORDER BY task_force_id, issued_on, id`);
}
