/**
 * Notifications to a task force's accounts, and what each account has read. A stored notification's
 * key is `n:<id>`; deadline reminders are computed by the api and keyed `due:<taskForceId>:<periodKey>`
 * or `overdue:<taskForceId>:<periodKey>`, so their read marks live in the same table.
 */
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import type { NOTIFICATION_KINDS } from "../schema.ts";
import { notificationReads, notifications, reports } from "../schema.ts";

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The read key of a stored notification. */
export const notificationKey = (id: number): string => `n:${id}`;

export type NotificationRow = {
  id: number;
  /** `n:<id>`, what {@link markRead} takes. */
  key: string;
  taskForceId: number;
  kind: NotificationKind;
  reportId: number;
  /** The task force whose report it is (the recipient's own, or one it reviews). */
  reportTaskForceId: number;
  periodKey: string;
  reason: string | null;
  createdAt: number;
  /** Whether the account asking has read it. */
  read: boolean;
};

/** Tells a task force's accounts about a report; its id. */
export function insertNotification(
  db: Db,
  n: { taskForceId: number; kind: NotificationKind; reportId: number; periodKey: string; reason?: string | null; now: number },
): number {
  return db
    .insert(notifications)
    .values({ taskForceId: n.taskForceId, kind: n.kind, reportId: n.reportId, periodKey: n.periodKey, reason: n.reason ?? null, createdAt: n.now })
    .returning({ id: notifications.id })
    .get().id;
}

/** A task force's latest notifications, newest first, each with whether the account has read it. */
export function listNotifications(db: Db, { taskForceId, userId, limit }: { taskForceId: number; userId: number; limit: number }): NotificationRow[] {
  const rows = db
    .select({
      id: notifications.id,
      taskForceId: notifications.taskForceId,
      kind: notifications.kind,
      reportId: notifications.reportId,
      reportTaskForceId: reports.taskForceId,
      periodKey: notifications.periodKey,
      reason: notifications.reason,
      createdAt: notifications.createdAt,
      read: sql<number>`${notificationReads.userId} IS NOT NULL`,
    })
    .from(notifications)
    .innerJoin(reports, eq(reports.id, notifications.reportId))
    .leftJoin(notificationReads, and(eq(notificationReads.userId, userId), eq(notificationReads.key, sql`'n:' || ${notifications.id}`)))
    .where(eq(notifications.taskForceId, taskForceId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .all();
  return rows.map((r) => ({ ...r, key: notificationKey(r.id), read: r.read === 1 }));
}

/** Marks keys read for an account (those read already keep their first time); how many were new. */
export function markRead(db: Db, { userId, keys, now }: { userId: number; keys: readonly string[]; now: number }): number {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return 0;
  return db
    .insert(notificationReads)
    .values(unique.map((key) => ({ userId, key, readAt: now })))
    .onConflictDoNothing()
    .run().changes;
}

/** Which of the keys the account has read. */
export function readKeys(db: Db, userId: number, keys: readonly string[]): Set<string> {
  if (keys.length === 0) return new Set();
  const rows = db
    .select({ key: notificationReads.key })
    .from(notificationReads)
    .where(and(eq(notificationReads.userId, userId), inArray(notificationReads.key, [...new Set(keys)])))
    .all();
  return new Set(rows.map((r) => r.key));
}
