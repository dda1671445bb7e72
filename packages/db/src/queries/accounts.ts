/** Accounts and sessions. Every write that can race names the version it read. */
import type { Role, TaskForcePlace } from "@gugus/domain";
import { and, asc, count, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { regions, sessions, taskForces, users } from "../schema.ts";
import { withinScope } from "./scope.ts";

/** An account with its task force's place, as the api needs it. Never includes the password hash. */
export type UserRow = {
  id: number;
  email: string;
  name: string;
  position: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  passwordExpiresAt: number | null;
  taskForceId: number;
  taskForceLevel: TaskForcePlace["level"];
  taskForceRegionCode: string | null;
  taskForceRegionName: string | null;
  createdAt: number;
  updatedAt: number;
  version: number;
};

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  position: users.position,
  role: users.role,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  passwordExpiresAt: users.passwordExpiresAt,
  taskForceId: users.taskForceId,
  taskForceLevel: taskForces.level,
  taskForceRegionCode: taskForces.regionCode,
  taskForceRegionName: regions.name,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  version: users.version,
};

function selectUsers(db: Db) {
  return db
    .select(userColumns)
    .from(users)
    .innerJoin(taskForces, eq(taskForces.id, users.taskForceId))
    .leftJoin(regions, eq(regions.code, taskForces.regionCode));
}

export function findUserById(db: Db, id: number): UserRow | undefined {
  return selectUsers(db).where(eq(users.id, id)).get();
}

/** The account and its password hash, for sign-in only. */
export function findUserForSignIn(db: Db, email: string): (UserRow & { passwordHash: string }) | undefined {
  return db
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .innerJoin(taskForces, eq(taskForces.id, users.taskForceId))
    .leftJoin(regions, eq(regions.code, taskForces.regionCode))
    .where(eq(users.email, email))
    .get();
}

export function findPasswordHash(db: Db, userId: number): string | undefined {
  return db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).get()?.hash;
}

export function countUsers(db: Db): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

export type ListUsersOptions = {
  /** Only accounts whose task force lies within this scope. */
  within?: TaskForcePlace;
  /** Only accounts of this task force. */
  taskForceId?: number;
  /** Matches name or email (case-insensitive). */
  query?: string;
  active?: boolean;
  limit: number;
  offset: number;
};

/** Accounts, filtered in SQL, newest first; with the total for paging. */
export function listUsers(db: Db, { within, taskForceId, query, active, limit, offset }: ListUsersOptions): { rows: UserRow[]; total: number } {
  const pattern = query ? `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    within ? withinScope(within) : undefined,
    taskForceId === undefined ? undefined : eq(users.taskForceId, taskForceId),
    active === undefined ? undefined : eq(users.active, active),
    pattern ? or(sql`${users.name} LIKE ${pattern} ESCAPE '\\'`, sql`${users.email} LIKE ${pattern} ESCAPE '\\'`) : undefined,
  );
  const rows = selectUsers(db).where(where).orderBy(asc(taskForces.regionCode), asc(users.name), asc(users.id)).limit(limit).offset(offset).all();
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

/** The session with this token hash and its account. */
export function findSessionByTokenHash(db: Db, tokenHash: string): { session: SessionRow; user: UserRow } | undefined {
  const row = db
    .select({
      session: { id: sessions.id, userId: sessions.userId, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, ip: sessions.ip, userAgent: sessions.userAgent },
      user: userColumns,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(taskForces, eq(taskForces.id, users.taskForceId))
    .leftJoin(regions, eq(regions.code, taskForces.regionCode))
    .where(eq(sessions.tokenHash, tokenHash))
    .get();
  return row;
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

/** Sessions, newest first, of one account or of all. */
export function listSessions(db: Db, { userId, limit }: { userId?: number; limit: number }): SessionListRow[] {
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
    .where(userId === undefined ? undefined : eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt))
    .limit(limit)
    .all();
}
