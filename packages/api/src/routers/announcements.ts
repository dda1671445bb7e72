/**
 * Announcements from the central secretariat to every task force or to one province's (the province
 * and its regencies/cities), in Indonesian and English, shown in the portal until each reader marks
 * them read, until their last day (WIB) or until withdrawn. Publishing and withdrawing are audited.
 */
import { findAnnouncement, insertAnnouncement, listAnnouncements, listAnnouncementsForReader, markAnnouncementRead, withdrawAnnouncement } from "@gugus/db";
import type { AnnouncementRow } from "@gugus/db";
import { AnnouncementSchema, DomainError, announcementProvinceOf, findRegion, announcementReaches, announcementStateAt, checkAnnouncementShowUntil } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../audit.ts";
import { todayOf } from "../clock.ts";
import { signedInProcedure } from "../trpc.ts";

const AnnouncementIdSchema = z.number({ error: "ANNOUNCEMENT_NOT_FOUND" }).int({ error: "ANNOUNCEMENT_NOT_FOUND" }).positive({ error: "ANNOUNCEMENT_NOT_FOUND" }).max(Number.MAX_SAFE_INTEGER);
/** How many announcements a list holds at most. */
const LIST_LIMIT = 200;
/** How many a reader's list holds: the latest in force. */
const MINE_LIMIT = 50;

const shapeOf = (a: AnnouncementRow) => ({
  id: a.id,
  title: { id: a.titleId, en: a.titleEn },
  body: { id: a.bodyId, en: a.bodyEn },
  provinceCode: a.provinceCode,
  publishedAt: new Date(a.publishedAt).toISOString(),
  showUntil: a.showUntil,
});

export const announcementsRouter = {
  /** Every announcement, newest first, with its state today, its audience's name and how many accounts have read it. */
  list: signedInProcedure.input(z.object({}).strict().default({})).query(({ ctx }) => {
    const today = todayOf(ctx);
    return listAnnouncements(ctx.db, { limit: LIST_LIMIT }).map((a) => ({
      ...shapeOf(a),
      provinceName: a.provinceCode === null ? null : (findRegion(a.provinceCode)?.name ?? null),
      state: announcementStateAt(a, today),
      withdrawnAt: a.withdrawnAt === null ? null : new Date(a.withdrawnAt).toISOString(),
      readCount: a.readCount,
      createdBy: a.createdByName,
      version: a.version,
    }));
  }),

  /** Publishes an announcement to everyone or one province's task forces; its last day must not have passed (WIB). */
  create: signedInProcedure.input(AnnouncementSchema).mutation(({ ctx, input }) => {
    const problem = checkAnnouncementShowUntil(input.showUntil, todayOf(ctx));
    if (problem) throw new DomainError(problem, { field: "showUntil" });
    return inTransaction(ctx, (tx) => {
      const id = insertAnnouncement(tx.db, { ...input, createdBy: ctx.user.id, now: ctx.now().getTime() });
      audit(tx, {
        action: "announcement.create",
        outcome: "success",
        targetType: "announcement",
        targetId: id,
        details: { titleId: input.titleId, titleEn: input.titleEn, provinceCode: input.provinceCode, showUntil: input.showUntil },
      });
      return shapeOf(findAnnouncement(tx.db, id)!);
    });
  }),

  /** Withdraws an announcement in force: no one sees it from then on (its reads stay counted). */
  withdraw: signedInProcedure.input(z.object({ id: AnnouncementIdSchema }).strict()).mutation(({ ctx, input }) => {
    inTransaction(ctx, (tx) => {
      const before = findAnnouncement(tx.db, input.id);
      if (!before || !withdrawAnnouncement(tx.db, { id: input.id, now: ctx.now().getTime() })) throw new DomainError("ANNOUNCEMENT_NOT_FOUND");
      audit(tx, { action: "announcement.withdraw", outcome: "success", targetType: "announcement", targetId: before.id, details: { titleId: before.titleId, provinceCode: before.provinceCode } });
    });
    return { ok: true as const };
  }),

  /**
   * The announcements in force for the caller's task force (to everyone, and to its province: a
   * regency's is its parent), newest first, each read or not by this account, with the unread count.
   */
  mine: signedInProcedure.input(z.object({}).strict().default({})).query(({ ctx }) => {
    const provinceCode = announcementProvinceOf(ctx.user.actor.place);
    const items = listAnnouncementsForReader(ctx.db, { provinceCode, userId: ctx.user.id, today: todayOf(ctx), limit: MINE_LIMIT }).map((a) => ({
      ...shapeOf(a),
      read: a.readAt !== null,
    }));
    return { unread: items.filter((i) => !i.read).length, items };
  }),

  /** Marks an announcement the caller receives as read by this account; one it does not receive is not found. */
  markRead: signedInProcedure.input(z.object({ id: AnnouncementIdSchema }).strict()).mutation(({ ctx, input }) => {
    const a = findAnnouncement(ctx.db, input.id);
    if (!a || announcementStateAt(a, todayOf(ctx)) !== "shown" || !announcementReaches(a, ctx.user.actor.place)) throw new DomainError("ANNOUNCEMENT_NOT_FOUND");
    markAnnouncementRead(ctx.db, { announcementId: a.id, userId: ctx.user.id, now: ctx.now().getTime() });
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
