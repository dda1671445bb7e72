/**
 * The database schema (SQLite, via drizzle). Column names are snake_case in SQL and camelCase here.
 * Dates are ISO strings (`YYYY-MM-DD`), instants are milliseconds since the epoch (UTC).
 * Lists of allowed values come from @gugus/domain, so a rule has one source.
 */
import {
  AUDIT_OUTCOMES,
  REPORTING_CYCLES,
  TARGET_MODES,
  UNIT_CODES,
  INSTRUMENT_TYPE_CODES,
  LEVELS,
  PERIOD_STATUSES,
  POSITIONS,
  REGENCY_KINDS,
  REGION_LEVELS,
  REPORT_ACTIONS,
  REPORT_STATUSES,
  ROLES,
  STAKEHOLDER_TYPES,
  SUB_TASK_FORCE_CODES,
  SUCCESSION_TYPES,
} from "@gugus/domain";
import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";

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

/**
 * Restructuring history: `oldCode → newCode` (split, recode, merge; rename keeps the code and gives
 * `newName`) from an effective date. Codes are never reused, so a code names one region for ever.
 */
export const successions = sqliteTable(
  "successions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    oldCode: text()
      .notNull()
      .references(() => regions.code),
    newCode: text()
      .notNull()
      .references(() => regions.code),
    type: text({ enum: SUCCESSION_TYPES }).notNull(),
    effectiveDate: text().notNull(),
    newName: text(),
    legalBasis: text(),
    createdAt: createdAt(),
    /** The account that recorded it; null for the reference data loaded by the seed. */
    createdBy: integer(),
  },
  (t) => [
    uniqueIndex("successions_uq").on(t.oldCode, t.newCode, t.type, t.effectiveDate),
    index("successions_new_idx").on(t.newCode),
    oneOf("successions_type_values", t.type, SUCCESSION_TYPES),
    check("successions_rename_shape", sql`(${t.type} = 'rename') = (${t.oldCode} = ${t.newCode})`),
  ],
);

/**
 * Task forces: the national one and one per region. The id is the task force's own and survives
 * every change of its region's code; where it sits over time is in `task_force_regions`.
 */
export const taskForces = sqliteTable(
  "task_forces",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    level: text({ enum: LEVELS }).notNull(),
    /** The first and last day the task force exists (null: open). A new province's starts with it. */
    validFrom: text(),
    validTo: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("task_forces_one_national_uq").on(t.level).where(sql`${t.level} = 'national'`),
    oneOf("task_forces_level_values", t.level, LEVELS),
    check("task_forces_validity", sql`${t.validFrom} IS NULL OR ${t.validTo} IS NULL OR ${t.validFrom} <= ${t.validTo}`),
  ],
);

/**
 * Which region a task force stands for, and when. Kab. Merauke's task force is linked to 91.01 until
 * 2022-07-24 and to 93.01 from 2022-07-25. A region code belongs to one task force only. The parent
 * at a date follows from the code (a regency's province), never from input.
 */
export const taskForceRegions = sqliteTable(
  "task_force_regions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    taskForceId: integer()
      .notNull()
      .references(() => taskForces.id),
    regionCode: text()
      .notNull()
      .references(() => regions.code),
    validFrom: text(),
    validTo: text(),
  },
  (t) => [
    uniqueIndex("task_force_regions_region_uq").on(t.regionCode),
    index("task_force_regions_task_force_idx").on(t.taskForceId),
    check("task_force_regions_validity", sql`${t.validFrom} IS NULL OR ${t.validTo} IS NULL OR ${t.validFrom} <= ${t.validTo}`),
  ],
);

/** Establishment instruments of a task force, in sequence; the latest in force decides its status. */
export const instruments = sqliteTable(
  "instruments",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    taskForceId: integer()
      .notNull()
      .references(() => taskForces.id),
    type: text({ enum: INSTRUMENT_TYPE_CODES }).notNull(),
    number: text().notNull(),
    /** The number as the domain tells instruments apart (`instrumentNumberKey`: case and surrounding spaces ignored). */
    numberKey: text().notNull().default(""),
    issuedOn: text().notNull(),
    issuer: text().notNull(),
    documentRef: text(),
    endsOn: text(),
    revokedOn: text(),
    createdAt: createdAt(),
    updatedAt: integer().notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("instruments_number_key_uq").on(t.taskForceId, t.type, t.numberKey),
    index("instruments_task_force_idx").on(t.taskForceId, t.issuedOn),
    oneOf("instruments_type_values", t.type, INSTRUMENT_TYPE_CODES),
    check("instruments_dates", sql`(${t.endsOn} IS NULL OR ${t.endsOn} >= ${t.issuedOn}) AND (${t.revokedOn} IS NULL OR ${t.revokedOn} >= ${t.issuedOn})`),
  ],
);

/** Positions held in a task force, with dates: an office of an agency, a person optionally. */
export const memberships = sqliteTable(
  "memberships",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    taskForceId: integer()
      .notNull()
      .references(() => taskForces.id),
    position: text({ enum: POSITIONS }).notNull(),
    subTaskForce: text({ enum: SUB_TASK_FORCE_CODES }),
    office: text().notNull(),
    agency: text().notNull(),
    stakeholderType: text({ enum: STAKEHOLDER_TYPES }).notNull(),
    personName: text(),
    validFrom: text().notNull(),
    validTo: text(),
    createdAt: createdAt(),
    updatedAt: integer().notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index("memberships_task_force_idx").on(t.taskForceId, t.position),
    oneOf("memberships_position_values", t.position, POSITIONS),
    oneOf("memberships_stakeholder_values", t.stakeholderType, STAKEHOLDER_TYPES),
    check("memberships_coordinator_shape", sql`(${t.position} = 'coordinator') = (${t.subTaskForce} IS NOT NULL)`),
    check("memberships_validity", sql`${t.validTo} IS NULL OR ${t.validFrom} <= ${t.validTo}`),
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
    /** Reporting settings: annual or semester; days after a reporting period a report is due; days after that entry closes. */
    reportingCycle: text({ enum: REPORTING_CYCLES }).notNull().default("annual"),
    dueDays: integer().notNull().default(31),
    expiryDays: integer().notNull().default(60),
    version: integer().notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer(),
  },
  (t) => [
    uniqueIndex("ran_periods_number_uq").on(t.number),
    oneOf("ran_periods_cycle_values", t.reportingCycle, REPORTING_CYCLES),
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

/**
 * The accounts' version: goes up in the same transaction as every write that could change what a
 * session resolves to (an account, a session other than moving its last use forward, a second
 * factor), whichever connection wrote (migration 0007's triggers). The api keeps resolved sessions
 * while it stands still.
 */
export const accountVersion = sqliteTable(
  "account_version",
  {
    id: integer().primaryKey(),
    version: integer().notNull().default(0),
  },
  (t) => [check("account_version_single_row", sql`${t.id} = 1`)],
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
    /** When the second factor was given in this session; null: not (yet) given. */
    mfaVerifiedAt: integer(),
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
  (t) => [index("sign_in_attempts_email_idx").on(t.emailHash, t.at), index("sign_in_attempts_ip_idx").on(t.ip, t.at), index("sign_in_attempts_at_idx").on(t.at)],
);

/** The append-only security audit log (triggers refuse UPDATE, DELETE and REPLACE; entries are hash-chained). */
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
    /**
     * sha256 of the previous entry's hash and this entry's canonical content (queries/audit.ts):
     * each entry is chained to the one before, so an edit made around the triggers shows.
     */
    hash: text(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_action_idx").on(t.action, t.at), index("audit_log_actor_idx").on(t.actorUserId, t.at)],
);

/** Which agency coordinates each sub-task-force during a RAN period. */
export const periodCoordinators = sqliteTable(
  "period_coordinators",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    periodId: integer()
      .notNull()
      .references(() => ranPeriods.id, { onDelete: "cascade" }),
    subTaskForce: text({ enum: SUB_TASK_FORCE_CODES }).notNull(),
    agency: text().notNull(),
  },
  (t) => [uniqueIndex("period_coordinators_uq").on(t.periodId, t.subTaskForce)],
);

/** Action items of a RAN period, per sub-task-force. */
export const actionItems = sqliteTable(
  "action_items",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    periodId: integer()
      .notNull()
      .references(() => ranPeriods.id),
    subTaskForce: text({ enum: SUB_TASK_FORCE_CODES }).notNull(),
    code: text().notNull(),
    programme: text().notNull(),
    activity: text().notNull(),
    indicator: text().notNull(),
    unit: text({ enum: UNIT_CODES }).notNull(),
    baseline: real(),
    targetMode: text({ enum: TARGET_MODES }).notNull(),
    leadAgency: text().notNull(),
    /** JSON array of agency names. */
    relatedAgencies: text().notNull().default("[]"),
    level: text({ enum: LEVELS }).notNull(),
    followsItemId: integer(),
    createdAt: createdAt(),
    updatedAt: integer().notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("action_items_code_uq").on(t.periodId, sql`lower(${t.code})`),
    index("action_items_period_idx").on(t.periodId, t.subTaskForce),
    foreignKey({ columns: [t.followsItemId], foreignColumns: [t.id] }),
    oneOf("action_items_unit_values", t.unit, UNIT_CODES),
    oneOf("action_items_mode_values", t.targetMode, TARGET_MODES),
    oneOf("action_items_level_values", t.level, LEVELS),
  ],
);

/** One target per year of an action item. */
export const actionItemTargets = sqliteTable(
  "action_item_targets",
  {
    itemId: integer()
      .notNull()
      .references(() => actionItems.id, { onDelete: "cascade" }),
    year: integer().notNull(),
    value: real().notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.year] }), index("action_item_targets_year_idx").on(t.year)],
);

/** What a stored copy of a report is: the content as submitted, or as approved. */
export const REPORT_VERSION_KINDS = ["submitted", "approved"] as const;
/** What an event of a report records: its creation, then each transition of the workflow. */
export const REPORT_EVENT_ACTIONS = ["create", ...REPORT_ACTIONS] as const;
/** What a task force is told about its report (or a report it reviews). */
export const NOTIFICATION_KINDS = ["submitted", "returned", "approved", "reopened"] as const;

/** A reporting period's key: `2025` for a year, `2025-S1` / `2025-S2` for a half year. */
const periodKeyShape = (name: string, column: AnySQLiteColumn) =>
  check(name, sql`${column} GLOB '[0-9][0-9][0-9][0-9]' OR ${column} GLOB '[0-9][0-9][0-9][0-9]-S[12]'`);

/**
 * Reports: one per task force and reporting period. `content` is the working copy (JSON, the
 * domain's ReportContent), edited while the status allows it; submitted and approved copies are
 * kept in `report_versions`. Every change names the `version` it read.
 */
export const reports = sqliteTable(
  "reports",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    taskForceId: integer()
      .notNull()
      .references(() => taskForces.id),
    periodId: integer()
      .notNull()
      .references(() => ranPeriods.id),
    periodKey: text().notNull(),
    year: integer().notNull(),
    status: text({ enum: REPORT_STATUSES }).notNull().default("draft"),
    version: integer().notNull().default(1),
    /** Share of the content filled in, 0..1 (the domain's `reportCompleteness`). */
    completeness: real(),
    /** The first submission (epoch ms, the server's clock): timeliness is judged on it, once. */
    firstSubmittedAt: integer(),
    lastSubmittedAt: integer(),
    submittedBy: integer().references(() => users.id),
    /** Whether the first submission came before the due date ended, local time; null until submitted. */
    onTime: integer({ mode: "boolean" }),
    approvedAt: integer(),
    approvedBy: integer().references(() => users.id),
    createdAt: integer().notNull(),
    createdBy: integer().references(() => users.id),
    updatedAt: integer().notNull(),
    updatedBy: integer().references(() => users.id),
    // The JSON last, so reading the small columns before it never walks a long content's overflow pages.
    /** JSON: the domain's ReportContent. */
    content: text().notNull(),
    /** JSON array of the keys of the warnings the reporter has acknowledged. */
    acknowledged: text().notNull().default("[]"),
  },
  (t) => [
    uniqueIndex("reports_task_force_period_uq").on(t.taskForceId, t.periodKey),
    index("reports_period_status_idx").on(t.periodKey, t.status),
    index("reports_period_idx").on(t.periodId),
    oneOf("reports_status_values", t.status, REPORT_STATUSES),
    periodKeyShape("reports_period_key_shape", t.periodKey),
    check("reports_year_of_key", sql`${t.year} = CAST(substr(${t.periodKey}, 1, 4) AS INTEGER)`),
    check("reports_version_positive", sql`${t.version} >= 1`),
    check("reports_completeness_range", sql`${t.completeness} IS NULL OR (${t.completeness} >= 0 AND ${t.completeness} <= 1)`),
    check("reports_content_json", sql`json_valid(${t.content}) AND json_valid(${t.acknowledged})`),
    // Only a draft has never been submitted; timeliness is known from the first submission on.
    check("reports_submitted_shape", sql`(${t.status} = 'draft' OR ${t.firstSubmittedAt} IS NOT NULL) AND ((${t.firstSubmittedAt} IS NULL) = (${t.onTime} IS NULL))`),
    check("reports_approved_shape", sql`${t.status} <> 'approved' OR ${t.approvedAt} IS NOT NULL`),
  ],
);

/** The content of a report as it stood at each submission and each approval (the approved copy stays readable after a reopen). */
export const reportVersions = sqliteTable(
  "report_versions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    kind: text({ enum: REPORT_VERSION_KINDS }).notNull(),
    /** The report's version the copy was taken at. */
    reportVersion: integer().notNull(),
    /** JSON: the domain's ReportContent. */
    content: text().notNull(),
    at: integer().notNull(),
    byUserId: integer().references(() => users.id),
  },
  (t) => [index("report_versions_report_idx").on(t.reportId, t.id), oneOf("report_versions_kind_values", t.kind, REPORT_VERSION_KINDS)],
);

/** Every transition of a report: who, when (UTC and the task force's local time), from what to what, and why. */
export const reportEvents = sqliteTable(
  "report_events",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    action: text({ enum: REPORT_EVENT_ACTIONS }).notNull(),
    /** Null for the creation. */
    fromStatus: text({ enum: REPORT_STATUSES }),
    toStatus: text({ enum: REPORT_STATUSES }).notNull(),
    actorUserId: integer().references(() => users.id),
    /** Epoch ms, UTC. */
    at: integer().notNull(),
    /** The instant in the task force's zone, as shown (`2026-01-31 23:30 WIT`). */
    localTime: text().notNull(),
    reason: text(),
  },
  (t) => [
    index("report_events_report_idx").on(t.reportId, t.id),
    oneOf("report_events_action_values", t.action, REPORT_EVENT_ACTIONS),
    oneOf("report_events_from_values", t.fromStatus, REPORT_STATUSES),
    oneOf("report_events_to_values", t.toStatus, REPORT_STATUSES),
  ],
);

/** A central admin's permission for one task force to enter a reporting period after it closed, until the end of a date (local time). */
export const reportExceptions = sqliteTable(
  "report_exceptions",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    taskForceId: integer()
      .notNull()
      .references(() => taskForces.id),
    periodKey: text().notNull(),
    /** The last day entry is open (IsoDate, until local midnight). */
    until: text().notNull(),
    reason: text().notNull(),
    grantedBy: integer().references(() => users.id),
    grantedAt: integer().notNull(),
    revokedAt: integer(),
    revokedBy: integer().references(() => users.id),
  },
  (t) => [
    index("report_exceptions_task_force_idx").on(t.taskForceId, t.periodKey),
    index("report_exceptions_period_idx").on(t.periodKey),
    periodKeyShape("report_exceptions_period_key_shape", t.periodKey),
    check("report_exceptions_until_shape", sql`${t.until} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`),
    check("report_exceptions_revoked_shape", sql`${t.revokedBy} IS NULL OR ${t.revokedAt} IS NOT NULL`),
  ],
);

/** Stored notices to a task force's accounts about a report (submitted to them, returned, approved, reopened). */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** The recipients: the accounts of this task force. */
    taskForceId: integer()
      .notNull()
      .references(() => taskForces.id),
    kind: text({ enum: NOTIFICATION_KINDS }).notNull(),
    reportId: integer()
      .notNull()
      .references(() => reports.id),
    periodKey: text().notNull(),
    reason: text(),
    createdAt: integer().notNull(),
  },
  (t) => [index("notifications_task_force_idx").on(t.taskForceId, t.createdAt), oneOf("notifications_kind_values", t.kind, NOTIFICATION_KINDS)],
);

/**
 * What an account has read: `n:<id>` for a stored notification, `due:<taskForceId>:<periodKey>` or
 * `overdue:<taskForceId>:<periodKey>` for a deadline reminder (computed, never stored).
 */
export const notificationReads = sqliteTable(
  "notification_reads",
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    key: text().notNull(),
    readAt: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.key] }),
    check("notification_reads_key_shape", sql`${t.key} GLOB 'n:[0-9]*' OR ${t.key} GLOB 'due:[0-9]*:[0-9]*' OR ${t.key} GLOB 'overdue:[0-9]*:[0-9]*'`),
  ],
);

/**
 * A RAN period's evaluation settings (weights, cap, thresholds, sensitivity run: `EvaluationSettingsSchema`
 * of @gugus/domain, as JSON). A period without a row uses `DEFAULT_EVALUATION_SETTINGS`. Once a year of
 * the period is published (`evaluation_publications`), its settings are frozen.
 */
export const evaluationSettings = sqliteTable("evaluation_settings", {
  periodId: integer()
    .primaryKey()
    .references(() => ranPeriods.id, { onDelete: "cascade" }),
  settings: text({ mode: "json" }).notNull(),
  version: integer().notNull().default(1),
  updatedAt: integer().notNull(),
  updatedBy: integer().references(() => users.id),
});

/** A year whose scores the central secretariat published: from then on its period's settings are frozen. */
export const evaluationPublications = sqliteTable(
  "evaluation_publications",
  {
    year: integer().primaryKey(),
    periodId: integer()
      .notNull()
      .references(() => ranPeriods.id),
    publishedAt: integer().notNull(),
    publishedBy: integer().references(() => users.id),
  },
  (t) => [index("evaluation_publications_period_idx").on(t.periodId)],
);

/**
 * Present (one row) when the database holds synthetic demonstration data (`pnpm cli demo`): every
 * screen then says "synthetic data". Real reports and demo data never share a database.
 */
export const demoDataset = sqliteTable(
  "demo_dataset",
  {
    id: integer().primaryKey(),
    seed: integer().notNull(),
    firstYear: integer().notNull(),
    lastYear: integer().notNull(),
    createdAt: integer().notNull(),
  },
  (t) => [check("demo_dataset_single_row", sql`${t.id} = 1`)],
);

/**
 * An account's second factor: a TOTP secret (RFC 6238), kept encrypted with the server's key. The
 * factor counts once `confirmedAt` is set (the holder entered a first code from its app); `lastStep`
 * is the last time step accepted, so a code is never accepted twice (nor one older than it).
 */
export const mfaFactors = sqliteTable("mfa_factors", {
  userId: integer()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** The secret, encrypted (AES-256-GCM under the server key); never sent back once confirmed. */
  secret: text().notNull(),
  confirmedAt: integer(),
  lastStep: integer().notNull().default(0),
  createdAt: integer().notNull(),
});

/** Single-use recovery codes of a second factor: only a hash of each is kept. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text().notNull(),
    usedAt: integer(),
    createdAt: integer().notNull(),
  },
  (t) => [uniqueIndex("recovery_codes_hash_uq").on(t.codeHash), index("recovery_codes_user_idx").on(t.userId)],
);

/**
 * A task force's regional action plan (RAD PP-TPPO) for a RAN period, with the instrument that
 * adopted it (a Pergub, Perbup, Perwali, Perda or an SK of the regional head). One per task force and period.
 */
export const radPlans = sqliteTable(
  "rad_plans",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    taskForceId: integer()
      .notNull()
      .references(() => taskForces.id),
    periodId: integer()
      .notNull()
      .references(() => ranPeriods.id),
    /** The adopting instrument; all null while the plan is still a draft. */
    instrumentType: text({ enum: INSTRUMENT_TYPE_CODES }),
    instrumentNumber: text(),
    adoptedOn: text(),
    documentRef: text(),
    createdAt: createdAt(),
    updatedAt: integer().notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("rad_plans_task_force_period_uq").on(t.taskForceId, t.periodId),
    check("rad_plans_instrument_values", sql`${t.instrumentType} IS NULL OR ${t.instrumentType} IN (${sql.join(INSTRUMENT_TYPE_CODES.map((v) => sql.raw(`'${v}'`)), sql`, `)})`),
    check("rad_plans_instrument_shape", sql`(${t.instrumentType} IS NULL) = (${t.instrumentNumber} IS NULL) AND (${t.instrumentType} IS NULL) = (${t.adoptedOn} IS NULL)`),
  ],
);

/** Items of a regional action plan: each follows a RAN item of the task force's level, like a RAN item in shape. */
export const radItems = sqliteTable(
  "rad_items",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    planId: integer()
      .notNull()
      .references(() => radPlans.id, { onDelete: "cascade" }),
    followsItemId: integer()
      .notNull()
      .references(() => actionItems.id),
    subTaskForce: text({ enum: SUB_TASK_FORCE_CODES }).notNull(),
    code: text().notNull(),
    programme: text().notNull(),
    activity: text().notNull(),
    indicator: text().notNull(),
    unit: text({ enum: UNIT_CODES }).notNull(),
    baseline: real(),
    targetMode: text({ enum: TARGET_MODES }).notNull(),
    leadAgency: text().notNull(),
    /** JSON array of agency names. */
    relatedAgencies: text().notNull().default("[]"),
    createdAt: createdAt(),
    updatedAt: integer().notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("rad_items_code_uq").on(t.planId, sql`lower(${t.code})`),
    index("rad_items_follows_idx").on(t.followsItemId),
    oneOf("rad_items_unit_values", t.unit, UNIT_CODES),
    oneOf("rad_items_mode_values", t.targetMode, TARGET_MODES),
  ],
);

/** One target per year of a RAD item. */
export const radItemTargets = sqliteTable(
  "rad_item_targets",
  {
    itemId: integer()
      .notNull()
      .references(() => radItems.id, { onDelete: "cascade" }),
    year: integer().notNull(),
    value: real().notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.year] })],
);

/**
 * Announcements from the central secretariat, in both languages: to every task force (`provinceCode`
 * null) or to one province's (the province and its regencies/cities). Shown in the portal until read.
 */
export const announcements = sqliteTable(
  "announcements",
  {
    id: integer().primaryKey({ autoIncrement: true }),
    titleId: text().notNull(),
    titleEn: text().notNull(),
    bodyId: text().notNull(),
    bodyEn: text().notNull(),
    provinceCode: text().references(() => regions.code),
    publishedAt: integer().notNull(),
    /** Shown until this date (inclusive, WIB); null: until withdrawn. */
    showUntil: text(),
    withdrawnAt: integer(),
    createdBy: integer().references(() => users.id),
    version: integer().notNull().default(1),
  },
  (t) => [index("announcements_published_idx").on(t.publishedAt)],
);

/** Which account has read which announcement. */
export const announcementReads = sqliteTable(
  "announcement_reads",
  {
    announcementId: integer()
      .notNull()
      .references(() => announcements.id, { onDelete: "cascade" }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    readAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.userId] })],
);
