/**
 * The security audit log: append-only (triggers refuse UPDATE, DELETE and an INSERT that would
 * replace an entry) and hash-chained — each entry keeps sha256(previous entry's hash + its own
 * canonical content), written in the same transaction as the entry, so an edit made on the file
 * around the triggers breaks the chain at the entry changed, and {@link verifyAuditChain} finds it.
 */
import { createHash } from "node:crypto";
import { and, asc, desc, eq, gt, gte, lt, lte, sql } from "drizzle-orm";
import { SQLiteTransaction } from "drizzle-orm/sqlite-core";
import type Database from "better-sqlite3";
import type { Db } from "../client.ts";
import { auditLog } from "../schema.ts";

export type AuditEntry = {
  at: number;
  actorUserId: number | null;
  actorLabel: string | null;
  action: string;
  outcome: "success" | "failure" | "denied";
  targetType?: string | null;
  targetId?: string | number | null;
  ip: string | null;
  details?: Record<string, string | number | boolean | null> | null;
};

/** An entry as stored, without its hash (the chain is the log's business, not the reader's). */
export type AuditRow = Omit<typeof auditLog.$inferSelect, "hash">;

/** What the hash covers: every stored column but the hash itself, in this order. */
type ChainedFields = AuditRow;

/**
 * The canonical content of an entry (a JSON array of its columns in a fixed order) hashed after
 * the previous entry's hash ("" before the first entry). Also registered in SQLite as
 * `audit_entry_hash`, so the migration that introduced the chain hashed old entries the same way.
 */
export function hashAuditEntry(previousHash: string | null, e: ChainedFields): string {
  const canonical = JSON.stringify([e.id, e.at, e.actorUserId, e.actorLabel, e.action, e.outcome, e.targetType, e.targetId, e.ip, e.details]);
  return createHash("sha256")
    .update(previousHash ?? "")
    .update(canonical)
    .digest("hex");
}

type SqlValue = string | number | null;

/** Registers `audit_entry_hash(previous, id, at, actor_user_id, actor_label, action, outcome, target_type, target_id, ip, details)` on a connection. */
export function registerAuditFunctions(sqlite: Database.Database): void {
  sqlite.function(
    "audit_entry_hash",
    { deterministic: true },
    (previous: SqlValue, id: SqlValue, at: SqlValue, actorUserId: SqlValue, actorLabel: SqlValue, action: SqlValue, outcome: SqlValue, targetType: SqlValue, targetId: SqlValue, ip: SqlValue, details: SqlValue) =>
      hashAuditEntry(previous === null ? null : String(previous), {
        id: Number(id),
        at: Number(at),
        actorUserId: actorUserId === null ? null : Number(actorUserId),
        actorLabel: actorLabel === null ? null : String(actorLabel),
        action: String(action),
        outcome: String(outcome) as AuditRow["outcome"],
        targetType: targetType === null ? null : String(targetType),
        targetId: targetId === null ? null : String(targetId),
        ip: ip === null ? null : String(ip),
        details: details === null ? null : String(details),
      }),
  );
}

/**
 * Appends an entry chained to the last one. Its id is the last id + 1, chosen inside an immediate
 * transaction (the caller's, when one is open), so two writers cannot fork the chain.
 */
export function appendAudit(db: Db, e: AuditEntry): void {
  // Inside a change's transaction the entry joins it (no savepoint needed: it commits or rolls back with
  // the change); alone, it takes its own immediate transaction so no other writer slips in between.
  if (db instanceof SQLiteTransaction) appendChained(db, e);
  else db.transaction((tx) => appendChained(tx, e), { behavior: "immediate" });
}

function appendChained(tx: Pick<Db, "select" | "insert">, e: AuditEntry): void {
  const last = tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  const row: ChainedFields = {
    id: (last?.id ?? 0) + 1,
    at: e.at,
    actorUserId: e.actorUserId,
    actorLabel: e.actorLabel,
    action: e.action,
    outcome: e.outcome,
    targetType: e.targetType ?? null,
    targetId: e.targetId === undefined || e.targetId === null ? null : String(e.targetId),
    ip: e.ip,
    details: e.details ? JSON.stringify(e.details) : null,
  };
  tx.insert(auditLog)
    .values({ ...row, hash: hashAuditEntry(last?.hash ?? null, row) })
    .run();
}

/** The outcome of walking the chain from the first entry. */
export type AuditVerification =
  | { ok: true; entries: number; lastHash: string | null }
  | {
      ok: false;
      /** Entries checked and found sound before the break. */
      entries: number;
      /** The first entry whose hash does not follow from the one before and its own content. */
      brokenAt: number;
      /** The entry before it in the file (null: it is the first), to tell an edit from a removal. */
      previousId: number | null;
      reason: "hash_missing" | "hash_mismatch";
    };

const VERIFY_PAGE = 1000;

/** Walks the whole log in id order (one read transaction) and reports the first broken link. */
export function verifyAuditChain(db: Db): AuditVerification {
  return db.transaction((tx) => {
    let entries = 0;
    let previous: { id: number; hash: string } | null = null;
    for (;;) {
      const page = tx
        .select()
        .from(auditLog)
        .where(previous ? gt(auditLog.id, previous.id) : undefined)
        .orderBy(asc(auditLog.id))
        .limit(VERIFY_PAGE)
        .all();
      for (const { hash, ...row } of page) {
        const previousId = previous?.id ?? null;
        if (hash === null) return { ok: false, entries, brokenAt: row.id, previousId, reason: "hash_missing" };
        if (hash !== hashAuditEntry(previous?.hash ?? null, row)) return { ok: false, entries, brokenAt: row.id, previousId, reason: "hash_mismatch" };
        entries++;
        previous = { id: row.id, hash };
      }
      if (page.length < VERIFY_PAGE) return { ok: true, entries, lastHash: previous?.hash ?? null };
    }
  });
}

export type ListAuditOptions = {
  action?: string;
  outcome?: AuditEntry["outcome"];
  actorUserId?: number;
  /** Only entries at or after / before these instants (epoch ms). */
  from?: number;
  to?: number;
  /** Entries older than this id (paging, newest first). */
  beforeId?: number;
  limit: number;
};

const AUDIT_ROW = {
  id: auditLog.id,
  at: auditLog.at,
  actorUserId: auditLog.actorUserId,
  actorLabel: auditLog.actorLabel,
  action: auditLog.action,
  outcome: auditLog.outcome,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  ip: auditLog.ip,
  details: auditLog.details,
};

/** Audit entries, newest first, filtered in SQL. */
export function listAudit(db: Db, o: ListAuditOptions): AuditRow[] {
  return db
    .select(AUDIT_ROW)
    .from(auditLog)
    .where(
      and(
        o.action ? eq(auditLog.action, o.action) : undefined,
        o.outcome ? eq(auditLog.outcome, o.outcome) : undefined,
        o.actorUserId === undefined ? undefined : eq(auditLog.actorUserId, o.actorUserId),
        o.from === undefined ? undefined : gte(auditLog.at, o.from),
        o.to === undefined ? undefined : lte(auditLog.at, o.to),
        o.beforeId === undefined ? undefined : lt(auditLog.id, o.beforeId),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(o.limit)
    .all();
}

/** The distinct actions recorded, for a filter list. */
export function listAuditActions(db: Db): string[] {
  return db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action).all().map((r) => r.action);
}

/** A task force as an audit entry names it: its level and its region's name (null: the national one, or none found). */
export type AuditTaskForceLabel = { id: number; level: "national" | "province" | "regency"; regionName: string | null };

/**
 * An entry with what a reader needs to name its actor and target: the actor's account name, and
 * the target's label resolved from its type — an account's name, a task force (a report's, for a
 * report), a report's period, an action item's code, a region's name.
 */
export type ReadableAuditRow = AuditRow & {
  actorName: string | null;
  targetUserName: string | null;
  targetTaskForce: AuditTaskForceLabel | null;
  targetPeriodKey: string | null;
  targetItemCode: string | null;
  targetRegionName: string | null;
};

/** The task force's region at the entry's date (WIB), else its latest one; its name. */
function taskForceLabelColumns(taskForceId: ReturnType<typeof sql>) {
  const day = sql`date(${auditLog.at} / 1000, 'unixepoch', '+7 hours')`;
  const regionCode = sql<string | null>`(SELECT l.region_code FROM task_force_regions l WHERE l.task_force_id = ${taskForceId}
    ORDER BY CASE WHEN (l.valid_from IS NULL OR l.valid_from <= ${day}) AND (l.valid_to IS NULL OR l.valid_to >= ${day}) THEN 0 ELSE 1 END, l.valid_from DESC LIMIT 1)`;
  return {
    id: sql<number | null>`(SELECT t.id FROM task_forces t WHERE t.id = ${taskForceId})`,
    level: sql<AuditTaskForceLabel["level"] | null>`(SELECT t.level FROM task_forces t WHERE t.id = ${taskForceId})`,
    regionName: sql<string | null>`(SELECT r.name FROM regions r WHERE r.code = ${regionCode})`,
  };
}

/** Audit entries, newest first, filtered in SQL, with their actor's and target's labels. */
export function listReadableAudit(db: Db, o: ListAuditOptions): ReadableAuditRow[] {
  const targetInt = sql`CAST(${auditLog.targetId} AS INTEGER)`;
  const taskForceId = sql`CASE ${auditLog.targetType}
    WHEN 'task_force' THEN ${targetInt}
    WHEN 'report' THEN (SELECT rp.task_force_id FROM reports rp WHERE rp.id = ${targetInt})
    WHEN 'user' THEN (SELECT u.task_force_id FROM users u WHERE u.id = ${targetInt})
    ELSE NULL END`;
  const tf = taskForceLabelColumns(taskForceId);
  const rows = db
    .select({
      ...AUDIT_ROW,
      actorName: sql<string | null>`(SELECT u.name FROM users u WHERE u.id = ${auditLog.actorUserId})`,
      targetUserName: sql<string | null>`CASE WHEN ${auditLog.targetType} = 'user' THEN (SELECT u.name FROM users u WHERE u.id = ${targetInt}) END`,
      tfId: tf.id,
      tfLevel: tf.level,
      tfRegionName: tf.regionName,
      targetPeriodKey: sql<string | null>`CASE WHEN ${auditLog.targetType} = 'report' THEN (SELECT rp.period_key FROM reports rp WHERE rp.id = ${targetInt}) END`,
      targetItemCode: sql<string | null>`CASE WHEN ${auditLog.targetType} = 'action_item' THEN (SELECT ai.code FROM action_items ai WHERE ai.id = ${targetInt}) END`,
      targetRegionName: sql<string | null>`CASE WHEN ${auditLog.targetType} = 'region' THEN (SELECT r.name FROM regions r WHERE r.code = ${auditLog.targetId}) END`,
    })
    .from(auditLog)
    .where(
      and(
        o.action ? eq(auditLog.action, o.action) : undefined,
        o.outcome ? eq(auditLog.outcome, o.outcome) : undefined,
        o.actorUserId === undefined ? undefined : eq(auditLog.actorUserId, o.actorUserId),
        o.from === undefined ? undefined : gte(auditLog.at, o.from),
        o.to === undefined ? undefined : lte(auditLog.at, o.to),
        o.beforeId === undefined ? undefined : lt(auditLog.id, o.beforeId),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(o.limit)
    .all();
  return rows.map(({ tfId, tfLevel, tfRegionName, ...r }) => ({
    ...r,
    targetTaskForce: tfId === null || tfLevel === null ? null : { id: tfId, level: tfLevel, regionName: tfLevel === "national" ? null : tfRegionName },
  }));
}

/** The accounts that appear as actors in the log, with their names, for a filter list. */
export function listAuditActors(db: Db): { id: number; name: string }[] {
  return db.all<{ id: number; name: string }>(
    sql`SELECT u.id AS id, u.name AS name FROM users u WHERE u.id IN (SELECT DISTINCT actor_user_id FROM audit_log WHERE actor_user_id IS NOT NULL) ORDER BY u.name, u.id`,
  );
}
