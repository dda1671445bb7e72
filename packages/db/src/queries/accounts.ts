/** Accounts and sessions. Every write that can race names the version it read. */
import { ROLES } from "@gugus/domain";
import type { IsoDate, Role, TaskForcePlace } from "@gugus/domain";
import { and, asc, count, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Statement } from "better-sqlite3";
import type { Db, SqliteConnection } from "../client.ts";
import { auditLog, sessions, taskForces, users } from "../schema.ts";
import type { SessionSecondFactor } from "./mfa.ts";
import { linkValidAt, withinScope } from "./scope.ts";
import type { Scope } from "./scope.ts";

/** An account with its task force's place today, as the api needs it. Never includes the password hash. */
export type UserRow = {
  id: number;
  email: string;
  name: string;
  position: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  passwordExpiresAt: number | null;
  passwordChangedAt: number;
  taskForceId: number;
  taskForceLevel: TaskForcePlace["level"];
  taskForceRegionCode: string | null;
  taskForceRegionName: string | null;
  createdAt: number;
  updatedAt: number;
  version: number;
};

/** The columns of an account, with its task force's region as it stands `today`. */
function userColumns(today: IsoDate) {
  const regionCode = sql<string | null>`(SELECT l.region_code FROM task_force_regions l WHERE l.task_force_id = ${users.taskForceId} AND ${linkValidAt("l", today)})`;
  return {
    id: users.id,
    email: users.email,
    name: users.name,
    position: users.position,
    role: users.role,
    active: users.active,
    mustChangePassword: users.mustChangePassword,
    passwordExpiresAt: users.passwordExpiresAt,
    passwordChangedAt: users.passwordChangedAt,
    taskForceId: users.taskForceId,
    taskForceLevel: taskForces.level,
    taskForceRegionCode: regionCode,
    taskForceRegionName: sql<string | null>`(SELECT name FROM regions WHERE code = ${regionCode})`,
    createdAt: users.createdAt,
    updatedAt: users.updatedAt,
    version: users.version,
  };
}

function selectUsers(db: Db, today: IsoDate) {
  return db.select(userColumns(today)).from(users).innerJoin(taskForces, eq(taskForces.id, users.taskForceId));
}

export function findUserById(db: Db, id: number, today: IsoDate): UserRow | undefined {
  return selectUsers(db, today).where(eq(users.id, id)).get();
}

/** The account and its password hash, for sign-in only. */
export function findUserForSignIn(db: Db, email: string, today: IsoDate): (UserRow & { passwordHash: string }) | undefined {
  return db
    .select({ ...userColumns(today), passwordHash: users.passwordHash })
    .from(users)
    .innerJoin(taskForces, eq(taskForces.id, users.taskForceId))
    .where(eq(users.email, email))
    .get();
}

/** The task force of the account with this email (lower-cased), if there is one: to word a conflict for who asks. */
export function findTaskForceOfEmail(db: Db, email: string): number | undefined {
  return db.select({ taskForceId: users.taskForceId }).from(users).where(eq(users.email, email)).get()?.taskForceId;
}

const isRole = (value: unknown): value is Role => typeof value === "string" && (ROLES as readonly string[]).includes(value);

/**
 * The role of whoever made the account's latest deactivation, as the audit log records it: the
 * `byRole` the deactivation wrote, else its author's role now; null when no deactivation is
 * recorded or its author is unknown (the command line, a change made in the database).
 */
export function findDeactivatorRole(db: Db, userId: number): Role | null {
  const row = db
    .select({ details: auditLog.details, actorRole: users.role })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.action, "account.deactivate"), eq(auditLog.outcome, "success"), eq(auditLog.targetType, "user"), eq(auditLog.targetId, String(userId))))
    .orderBy(desc(auditLog.id))
    .limit(1)
    .get();
  if (!row) return null;
  let recorded: unknown;
  try {
    recorded = row.details === null ? undefined : (JSON.parse(row.details) as Record<string, unknown>).byRole;
  } catch {
    recorded = undefined;
  }
  if (isRole(recorded)) return recorded;
  return row.actorRole ?? null;
}

export function findPasswordHash(db: Db, userId: number): string | undefined {
  return db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).get()?.hash;
}

export function countUsers(db: Db): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

export type ListUsersOptions = {
  today: IsoDate;
  /** Only accounts whose task force lies within this scope. */
  within?: Scope;
  /** Only accounts of this task force. */
  taskForceId?: number;
  /** Matches name or email (case-insensitive). */
  query?: string;
  active?: boolean;
  limit: number;
  offset: number;
};

/** Accounts, filtered in SQL, newest first; with the total for paging. */
export function listUsers(db: Db, { today, within, taskForceId, query, active, limit, offset }: ListUsersOptions): { rows: UserRow[]; total: number } {
  const pattern = query ? `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    within ? withinScope(sql`${users.taskForceId}`, within) : undefined,
    taskForceId === undefined ? undefined : eq(users.taskForceId, taskForceId),
    active === undefined ? undefined : eq(users.active, active),
    pattern ? or(sql`${users.name} LIKE ${pattern} ESCAPE '\\'`, sql`${users.email} LIKE ${pattern} ESCAPE '\\'`) : undefined,
  );
  const rows = selectUsers(db, today)
    .where(where)
    .orderBy(sql`CASE ${taskForces.level} WHEN 'national' THEN 0 WHEN 'province' THEN 1 ELSE 2 END`, userColumns(today).taskForceRegionCode, asc(users.name), asc(users.id))
    .limit(limit)
    .offset(offset)
    .all();
  const total =
    db
      .select({ n: count() })
      .from(users)
      .innerJoin(taskForces, eq(taskForces.id, users.taskForceId))
      .where(where)
      .get()?.n ?? 0;
  return { rows, total };
}

export type NewUser = {
  email: string;
  name: string;
  position: string;
  taskForceId: number;
  role: Role;
  passwordHash: string;
  mustChangePassword: boolean;
  passwordExpiresAt: number | null;
  now: number;
};

/** Inserts an account; undefined when the email is taken. */
export function insertUser(db: Db, u: NewUser): number | undefined {
  const row = db
    .insert(users)
    .values({
      email: u.email,
      name: u.name,
      position: u.position,
      taskForceId: u.taskForceId,
      role: u.role,
      passwordHash: u.passwordHash,
      mustChangePassword: u.mustChangePassword,
      passwordExpiresAt: u.passwordExpiresAt,
      passwordChangedAt: u.now,
      updatedAt: u.now,
    })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id })
    .get();
  return row?.id;
}

export type UserChanges = Partial<{ name: string; position: string; role: Role; active: boolean }>;

/**
 * Applies changes if the account is still at `version`. Returns false when it is not (someone
 * changed it meanwhile, or it does not exist): the caller answers with a conflict.
 */
export function updateUser(db: Db, { id, version, changes, now }: { id: number; version: number; changes: UserChanges; now: number }): boolean {
  const result = db
    .update(users)
    .set({ ...changes, updatedAt: now, version: sql`${users.version} + 1` })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .run();
  return result.changes === 1;
}

/** Stores a new password hash; single-use ones expire and must be changed at the next sign-in. */
export function setPassword(
  db: Db,
  { id, passwordHash, singleUse, expiresAt, now }: { id: number; passwordHash: string; singleUse: boolean; expiresAt: number | null; now: number },
): void {
  db.update(users)
    .set({
      passwordHash,
      mustChangePassword: singleUse,
      passwordExpiresAt: singleUse ? expiresAt : null,
      passwordChangedAt: now,
      updatedAt: now,
      version: sql`${users.version} + 1`,
    })
    .where(eq(users.id, id))
    .run();
}

/** Makes the account choose a new password at its next sign-in (with its current one). */
export function requirePasswordChange(db: Db, id: number, now: number): void {
  db.update(users).set({ mustChangePassword: true, passwordExpiresAt: null, updatedAt: now }).where(eq(users.id, id)).run();
}

/**
 * Uses up a one-time password (its one sign-in); the session it opened may still change it. A
 * compare-and-set: the row changes only while the password is still the one checked
 * (`passwordHash`) and still carries the expiry read before checking it (`expiresAt`, after
 * `now`). A spent one's expiry becomes 0, before any clock's now, so no later sign-in takes it
 * for unspent whatever its clock says. Of several sign-ins racing with the same one-time password
 * exactly one gets true; the others must fail.
 */
export function consumeOneTimePassword(db: Db, { id, passwordHash, expiresAt, now }: { id: number; passwordHash: string; expiresAt: number; now: number }): boolean {
  if (expiresAt <= now) return false;
  return (
    db
      .update(users)
      .set({ passwordExpiresAt: 0 })
      .where(and(eq(users.id, id), eq(users.mustChangePassword, true), eq(users.passwordHash, passwordHash), eq(users.passwordExpiresAt, expiresAt)))
      .run().changes === 1
  );
}

export type SessionRow = {
  id: number;
  userId: number;
  createdAt: number;
  lastSeenAt: number;
  ip: string | null;
  userAgent: string | null;
};

export function insertSession(
  db: Db,
  s: { tokenHash: string; userId: number; now: number; ip: string | null; userAgent: string | null },
): number {
  return db
    .insert(sessions)
    .values({ tokenHash: s.tokenHash, userId: s.userId, createdAt: s.now, lastSeenAt: s.now, ip: s.ip, userAgent: s.userAgent?.slice(0, 300) ?? null })
    .returning({ id: sessions.id })
    .get().id;
}

/** The columns `findSessionByTokenHash` reads, in order, as `userColumns` reads an account (raw rows: no per-row mapping of a query builder). */
const PLACE_TODAY = `(SELECT l.region_code FROM task_force_regions l WHERE l.task_force_id = u.task_force_id AND (l.valid_from IS NULL OR l.valid_from <= @today) AND (l.valid_to IS NULL OR l.valid_to >= @today))`;
const SESSION_SQL = `SELECT s.id, s.user_id, s.created_at, s.last_seen_at, s.ip, s.user_agent,
  u.id, u.email, u.name, u.position, u.role, u.active, u.must_change_password, u.password_expires_at, u.password_changed_at,
  u.task_force_id, tf.level, ${PLACE_TODAY}, (SELECT r.name FROM regions r WHERE r.code = ${PLACE_TODAY}), u.created_at, u.updated_at, u.version,
  s.mfa_verified_at, f.user_id, f.confirmed_at
FROM sessions s
JOIN users u ON u.id = s.user_id
JOIN task_forces tf ON tf.id = u.task_force_id
LEFT JOIN mfa_factors f ON f.user_id = s.user_id
WHERE s.token_hash = @tokenHash`;

type SessionRawRow = [
  number, number, number, number, string | null, string | null,
  number, string, string, string, Role, number, number, number | null, number,
  number, TaskForcePlace["level"], string | null, string | null, number, number, number,
  number | null, number | null, number | null,
];

/** Every request reads its session: the statement is prepared once per connection. */
const sessionStatements = new WeakMap<SqliteConnection, Statement<{ tokenHash: string; today: IsoDate }, SessionRawRow>>();

/**
 * The session with this token hash, its account (its task force placed as it stands today) and its
 * second factor (given in this session or not; the account's factor, if any): one read per request,
 * on the connection (a transaction on it included). The same account as `findUserById` reads
 * (queries.test.ts compares them).
 */
export function findSessionByTokenHash(sqlite: SqliteConnection, tokenHash: string, today: IsoDate): { session: SessionRow; user: UserRow; secondFactor: SessionSecondFactor } | undefined {
  let statement = sessionStatements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare<{ tokenHash: string; today: IsoDate }, SessionRawRow>(SESSION_SQL).raw(true);
    sessionStatements.set(sqlite, statement);
  }
  const r = statement.get({ tokenHash, today });
  if (!r) return undefined;
  return {
    session: { id: r[0], userId: r[1], createdAt: r[2], lastSeenAt: r[3], ip: r[4], userAgent: r[5] },
    user: {
      id: r[6],
      email: r[7],
      name: r[8],
      position: r[9],
      role: r[10],
      active: r[11] === 1,
      mustChangePassword: r[12] === 1,
      passwordExpiresAt: r[13],
      passwordChangedAt: r[14],
      taskForceId: r[15],
      taskForceLevel: r[16],
      taskForceRegionCode: r[17],
      taskForceRegionName: r[18],
      createdAt: r[19],
      updatedAt: r[20],
      version: r[21],
    },
    secondFactor: { verifiedAt: r[22], factor: r[23] === null ? null : { confirmedAt: r[24] } },
  };
}

export function touchSession(db: Db, id: number, now: number): void {
  db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id)).run();
}

export function findSession(db: Db, id: number): SessionRow | undefined {
  return db.select({ id: sessions.id, userId: sessions.userId, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, ip: sessions.ip, userAgent: sessions.userAgent }).from(sessions).where(eq(sessions.id, id)).get();
}

export function deleteSession(db: Db, id: number): boolean {
  return db.delete(sessions).where(eq(sessions.id, id)).run().changes === 1;
}

/** Ends every session of an account (deactivation, password reset); returns how many. */
export function deleteSessionsOfUser(db: Db, userId: number, { except }: { except?: number } = {}): number {
  return db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), except === undefined ? undefined : sql`${sessions.id} <> ${except}`))
    .run().changes;
}

/** Removes sessions whose last use or start is older than the given instants. */
export function deleteStaleSessions(db: Db, { lastSeenBefore, createdBefore }: { lastSeenBefore: number; createdBefore: number }): number {
  return db.delete(sessions).where(or(lt(sessions.lastSeenAt, lastSeenBefore), lt(sessions.createdAt, createdBefore))).run().changes;
}

export type SessionListRow = SessionRow & { userEmail: string; userName: string };

/** Open sessions (still within both lifetimes at `now`), newest first, of one account or of all. */
export function listSessions(
  db: Db,
  { userId, limit, lastSeenAfter, createdAfter }: { userId?: number; limit: number; lastSeenAfter: number; createdAfter: number },
): SessionListRow[] {
  return db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
      userEmail: users.email,
      userName: users.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(userId === undefined ? undefined : eq(sessions.userId, userId), sql`${sessions.lastSeenAt} > ${lastSeenAfter}`, sql`${sessions.createdAt} > ${createdAfter}`))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(limit)
    .all();
}

/** The task forces of the accounts that already hold these (lower-cased) emails, by email: one read for a whole file. */
export function findEmailHolders(db: Db, emails: readonly string[]): Map<string, number> {
  const holders = new Map<string, number>();
  const unique = [...new Set(emails)];
  // SQLite takes a few thousand parameters per statement: ask in slices.
  for (let i = 0; i < unique.length; i += 500) {
    const slice = unique.slice(i, i + 500);
    for (const row of db.select({ email: users.email, taskForceId: users.taskForceId }).from(users).where(inArray(users.email, slice)).all()) holders.set(row.email, row.taskForceId);
  }
  return holders;
}

/** Of these task forces, those that have at least one active regional admin. */
export function listTaskForcesWithActiveAdmin(db: Db, taskForceIds: readonly number[]): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i < taskForceIds.length; i += 500) {
    const slice = taskForceIds.slice(i, i + 500);
    const rows = db
      .selectDistinct({ taskForceId: users.taskForceId })
      .from(users)
      .where(and(inArray(users.taskForceId, slice), eq(users.role, "regional_admin"), eq(users.active, true)))
      .all();
    for (const r of rows) found.add(r.taskForceId);
  }
  return found;
}

/** Does the task force have an active regional admin? */
export function hasActiveRegionalAdmin(db: Db, taskForceId: number): boolean {
  return listTaskForcesWithActiveAdmin(db, [taskForceId]).has(taskForceId);
}

/** These accounts (those that exist), in the order asked, each with its task force's place `today`. */
export function listUsersByIds(db: Db, ids: readonly number[], today: IsoDate): UserRow[] {
  const byId = new Map<number, UserRow>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of selectUsers(db, today).where(inArray(users.id, ids.slice(i, i + 500))).all()) byId.set(row.id, row);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}
