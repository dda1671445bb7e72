/**
 * The database schema (SQLite, via drizzle). Column names are snake_case in SQL and camelCase here.
 * Dates are ISO strings (`YYYY-MM-DD`), instants are milliseconds since the epoch (UTC).
 * Lists of allowed values come from @gugus/domain, so a rule has one source.
 */
import { LEVELS, PERIOD_STATUSES, REGENCY_KINDS, REGION_LEVELS } from "@gugus/domain";
import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";

/** Task-force statuses stored so far; formation (instruments) arrives later and refines this. */
export const TASK_FORCE_STATUSES = ["not_formed"] as const;

/** A CHECK that a text column holds one of the domain's values (SQLite does not enforce drizzle's `enum`). */
const oneOf = (name: string, column: AnySQLiteColumn, values: readonly string[]) =>
  check(name, sql`${column} IN (${sql.join(values.map((v) => sql.raw(`'${v.replaceAll("'", "''")}'`)), sql`, `)})`);

const createdAt = () => integer({ mode: "number" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** Provinces and regencies/cities, with the dates between which each code is valid (null: open). */
export const regions = sqliteTable(
  "regions",
  {
    code: text().primaryKey(),
    name: text().notNull(),
    level: text({ enum: REGION_LEVELS }).notNull(),
    parentCode: text(),
    kind: text({ enum: REGENCY_KINDS }),
    validFrom: text(),
    validTo: text(),
  },
  (t) => [
    foreignKey({ columns: [t.parentCode], foreignColumns: [t.code] }),
    index("regions_parent_idx").on(t.parentCode),
    check("regions_level_shape", sql`(${t.level} = 'province' AND ${t.parentCode} IS NULL AND ${t.kind} IS NULL) OR (${t.level} = 'regency' AND ${t.parentCode} IS NOT NULL AND ${t.kind} IS NOT NULL)`),
    oneOf("regions_level_values", t.level, REGION_LEVELS),
    check("regions_validity", sql`${t.validFrom} IS NULL OR ${t.validTo} IS NULL OR ${t.validFrom} <= ${t.validTo}`),
  ],
);

/** One task force per region plus the national one. The id is the task force's own and never changes. */
export const taskForces = sqliteTable(
  "task_forces",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    level: text({ enum: LEVELS }).notNull(),
    regionCode: text().references(() => regions.code),
    parentId: integer(),
    status: text({ enum: TASK_FORCE_STATUSES }).notNull().default("not_formed"),
    validFrom: text(),
    validTo: text(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }),
    uniqueIndex("task_forces_region_uq").on(t.regionCode),
    uniqueIndex("task_forces_one_national_uq").on(t.level).where(sql`${t.level} = 'national'`),
    index("task_forces_parent_idx").on(t.parentId),
    oneOf("task_forces_level_values", t.level, LEVELS),
    oneOf("task_forces_status_values", t.status, TASK_FORCE_STATUSES),
    check("task_forces_level_shape", sql`(${t.level} = 'national') = (${t.regionCode} IS NULL AND ${t.parentId} IS NULL)`),
  ],
);

/** RAN PP-TPPO periods. */
export const ranPeriods = sqliteTable(
  "ran_periods",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    number: integer().notNull(),
    firstYear: integer().notNull(),
    lastYear: integer().notNull(),
    status: text({ enum: PERIOD_STATUSES }).notNull(),
    instrument: text(),
    adoptedOn: text(),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("ran_periods_number_uq").on(t.number),
    oneOf("ran_periods_status_values", t.status, PERIOD_STATUSES),
    check("ran_periods_years", sql`${t.firstYear} <= ${t.lastYear}`),
  ],
);
