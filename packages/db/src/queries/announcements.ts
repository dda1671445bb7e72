/**
 * Announcements from the central secretariat and who has read them. An announcement goes to every
 * task force (`provinceCode` null) or to one province's; it is shown from publication until its last
 * day (`showUntil`, inclusive) or until withdrawn. Reads are kept per account.
 */
import { and, desc, eq, gte, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { announcementReads, announcements, users } from "../schema.ts";

export type AnnouncementRow = {
  id: number;
  titleId: string;
  titleEn: string;
  bodyId: string;
  bodyEn: string;
  provinceCode: string | null;
  publishedAt: number;
  showUntil: string | null;
  withdrawnAt: number | null;
  createdBy: number | null;
  version: number;
};

const columns = {
  id: announcements.id,
  titleId: announcements.titleId,
  titleEn: announcements.titleEn,
  bodyId: announcements.bodyId,
  bodyEn: announcements.bodyEn,
  provinceCode: announcements.provinceCode,
  publishedAt: announcements.publishedAt,
  showUntil: announcements.showUntil,
  withdrawnAt: announcements.withdrawnAt,
  createdBy: announcements.createdBy,
  version: announcements.version,
};

/** Publishes an announcement; its id. */
export function insertAnnouncement(
  db: Db,
  a: { titleId: string; titleEn: string; bodyId: string; bodyEn: string; provinceCode: string | null; showUntil: string | null; createdBy: number | null; now: number },
): number {
  return db
    .insert(announcements)
    .values({ titleId: a.titleId, titleEn: a.titleEn, bodyId: a.bodyId, bodyEn: a.bodyEn, provinceCode: a.provinceCode, showUntil: a.showUntil, createdBy: a.createdBy, publishedAt: a.now })
    .returning({ id: announcements.id })
    .get().id;
}

/** One announcement, withdrawn or not. */
export function findAnnouncement(db: Db, id: number): AnnouncementRow | undefined {
  return db.select(columns).from(announcements).where(eq(announcements.id, id)).get();
}

/** Withdraws an announcement still in force; false when there is none (missing or withdrawn already). */
export function withdrawAnnouncement(db: Db, { id, now }: { id: number; now: number }): boolean {
  return (
    db
      .update(announcements)
      .set({ withdrawnAt: now, version: sql`${announcements.version} + 1` })
      .where(and(eq(announcements.id, id), isNull(announcements.withdrawnAt)))
      .run().changes === 1
  );
}

export type AnnouncementWithReads = AnnouncementRow & { readCount: number; createdByName: string | null };

/** Every announcement, newest first, with how many accounts have read each and who published it. */
export function listAnnouncements(db: Db, { limit }: { limit: number }): AnnouncementWithReads[] {
  return db
    .select({
      ...columns,
      readCount: sql<number>`(SELECT count(*) FROM ${announcementReads} WHERE ${announcementReads.announcementId} = ${announcements.id})`,
      createdByName: users.name,
    })
    .from(announcements)
    .leftJoin(users, eq(users.id, announcements.createdBy))
    .orderBy(desc(announcements.publishedAt), desc(announcements.id))
    .limit(limit)
    .all();
}

export type AnnouncementForReader = AnnouncementRow & { readAt: number | null };

/**
 * The announcements in force for a reader on a day: not withdrawn, last day not passed, to everyone
 * or to the reader's province (`provinceCode`; null for the nation: everyone's only), newest first,
 * each with when this account read it (null: unread).
 */
export function listAnnouncementsForReader(db: Db, { provinceCode, userId, today, limit }: { provinceCode: string | null; userId: number; today: string; limit: number }): AnnouncementForReader[] {
  const audience = provinceCode === null ? isNull(announcements.provinceCode) : or(isNull(announcements.provinceCode), eq(announcements.provinceCode, provinceCode));
  return db
    .select({ ...columns, readAt: announcementReads.readAt })
    .from(announcements)
    .leftJoin(announcementReads, and(eq(announcementReads.announcementId, announcements.id), eq(announcementReads.userId, userId)))
    .where(and(isNull(announcements.withdrawnAt), or(isNull(announcements.showUntil), gte(announcements.showUntil, today)), audience))
    .orderBy(desc(announcements.publishedAt), desc(announcements.id))
    .limit(limit)
    .all();
}

/** Marks an announcement read by an account (a second mark keeps the first time); whether it was new. */
export function markAnnouncementRead(db: Db, { announcementId, userId, now }: { announcementId: number; userId: number; now: number }): boolean {
  return db.insert(announcementReads).values({ announcementId, userId, readAt: now }).onConflictDoNothing().run().changes === 1;
}
