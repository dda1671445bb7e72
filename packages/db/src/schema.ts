/**
 * The database schema (SQLite, via drizzle). Column names are snake_case in SQL and camelCase here.
 * Dates are ISO strings (`YYYY-MM-DD`), instants are milliseconds since the epoch (UTC).
 * Lists of allowed values come from @gugus/domain, so a rule has one source.
 */
import { AUDIT_OUTCOMES, LEVELS, PERIOD_STATUSES, REGENCY_KINDS, REGION_LEVELS, ROLES } from "@gugus/domain";
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

/**
 * One row whose number goes up whenever reference data (regions, task forces, periods) changes;
 * triggers keep it (see the migration `reference_version`). Caches of reference reads key on it.
 */
export const referenceVersion = sqliteTable(
  "reference_version",
  {
    id: integer().primaryKey(),
    version: integer().notNull().default(0),
  },
  (t) => [check("reference_version_single_row", sql`${t.id} = 1`)],
);

/** Officials' accounts: the minimum (name, email, position, task force, role). */
export const users = sqliteTable(
  "users",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Lower-case; the sign-in name. */
    email: text().notNull(),
    name: text().notNull(),
    position: text().notNull(),
    taskForceId: integer()
      .notNull()
      .references(() => taskForces.id),
    role: text({ enum: ROLES }).notNull(),
    active: integer({ mode: "boolean" }).notNull().default(true),
    /** argon2id PHC string. */
    passwordHash: text().notNull(),
    /** Set for initial and reset passwords: single-use, to be changed at the next sign-in. */
    mustChangePassword: integer({ mode: "boolean" }).notNull().default(true),
    /** When a single-use password stops working (epoch ms); null for a password the user chose. */
    passwordExpiresAt: integer(),
    passwordChangedAt: integer().notNull(),
    createdAt: createdAt(),
    updatedAt: integer().notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("users_email_uq").on(t.email),
    index("users_task_force_idx").on(t.taskForceId),
    oneOf("users_role_values", t.role, ROLES),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

/** Signed-in sessions. Only the SHA-256 of the token is stored, so a copy of the database opens no session. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    tokenHash: text().notNull(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: integer().notNull(),
    lastSeenAt: integer().notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [uniqueIndex("sessions_token_uq").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

/** Sign-in attempts, for throttling. The email is kept only as a keyed hash. */
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: integer().notNull(),
    emailHash: text().notNull(),
    ip: text().notNull(),
    success: integer({ mode: "boolean" }).notNull(),
  },
  (t) => [index("sign_in_attempts_email_idx").on(t.emailHash, t.at), index("sign_in_attempts_ip_idx").on(t.ip, t.at)],
);

/** The append-only security audit log (triggers refuse UPDATE and DELETE). */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Epoch ms, UTC. */
    at: integer().notNull(),
    /** Who: the account acting, or null (a failed sign-in, the command line). */
    actorUserId: integer(),
    /** The actor's email at the time, or `cli`/the address tried at a failed sign-in (hashed). */
    actorLabel: text(),
    /** What, e.g. `auth.sign_in`, `account.create`, `access.denied`. */
    action: text().notNull(),
    outcome: text({ enum: AUDIT_OUTCOMES }).notNull(),
    targetType: text(),
    targetId: text(),
    /** From where: the client's address. */
    ip: text(),
    /** Safe facts as JSON (never passwords, tokens or request bodies). */
    details: text(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_action_idx").on(t.action, t.at), index("audit_log_actor_idx").on(t.actorUserId, t.at)],
);
