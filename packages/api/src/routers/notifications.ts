/**
 * In-app notifications of the caller's task force: the ones written by report transitions (submitted
 * for review, returned with its reason, approved, reopened) and deadline reminders worked out live from
 * the calendar (due within 7 days, overdue while entry is still open), each read or unread per account.
 */
import { findTaskForce, listNotifications, listReportsOfTaskForce, markRead, readKeys } from "@gugus/db";
import type { NotificationKind } from "@gugus/db";
import { deadlinesIn, hasCapability } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { todayOf } from "../clock.ts";
import { signedInProcedure } from "../trpc.ts";
import { listReportingPeriods, zoneOf } from "./reports/shared.ts";

/** How long before the due date a reminder shows. */
const REMIND_DAYS = 7;
const DAY_MS = 86_400_000;
const KEY = /^(n:\d{1,15}|(due|overdue):\d{1,15}:\d{4}(-S[12])?)$/;

export const notificationsRouter = {
  /** The caller's notifications, newest first, with the unread count. */
  list: signedInProcedure.input(z.object({}).strict().default({})).query(({ ctx }) => {
    const today = todayOf(ctx);
    const own = findTaskForce(ctx.db, ctx.user.taskForceId, today);
    if (!own) return { unread: 0, items: [] };
    const now = ctx.now().getTime();
    const names = new Map<number, string | null>([[own.id, own.regionName]]);
    const nameOf = (id: number) => {
      if (!names.has(id)) names.set(id, findTaskForce(ctx.db, id, today)?.regionName ?? null);
      return names.get(id) ?? null;
    };
    type Item = { key: string; kind: "due" | "overdue" | NotificationKind; taskForce: { id: number; name: string | null }; periodKey: string; reportId: number | null; reason: string | null; at: string; read: boolean };
    const stored: Item[] = listNotifications(ctx.db, { taskForceId: own.id, userId: ctx.user.id, limit: 50 }).map((n) => ({
      key: n.key,
      kind: n.kind,
      taskForce: { id: n.reportTaskForceId, name: nameOf(n.reportTaskForceId) },
      periodKey: n.periodKey,
      reportId: n.reportId,
      reason: n.reason,
      at: new Date(n.createdAt).toISOString(),
      read: n.read,
    }));
    // Deadline reminders for those who write the report: not yet submitted, due soon or overdue while entry is open.
    const reminders: Item[] = [];
    if (hasCapability(ctx.user.role, "reports.edit")) {
      const reports = new Map(listReportsOfTaskForce(ctx.db, own.id).map((r) => [r.periodKey, r]));
      for (const rp of listReportingPeriods(ctx)) {
        const report = reports.get(rp.key);
        if (report && report.firstSubmittedAt !== null) continue;
        const { dueAt, closesAt } = deadlinesIn(rp, zoneOf(own));
        const due = dueAt.getTime();
        const kind = now < due ? (due - now <= REMIND_DAYS * DAY_MS ? "due" : null) : now < closesAt.getTime() ? "overdue" : null;
        if (!kind) continue;
        const at = kind === "due" ? due - REMIND_DAYS * DAY_MS : due;
        reminders.push({ key: `${kind}:${own.id}:${rp.key}`, kind, taskForce: { id: own.id, name: own.regionName }, periodKey: rp.key, reportId: report?.id ?? null, reason: null, at: new Date(at).toISOString(), read: false });
      }
      const read = readKeys(ctx.db, ctx.user.id, reminders.map((r) => r.key));
      for (const r of reminders) r.read = read.has(r.key);
    }
    const items = [...reminders, ...stored].sort((a, b) => b.at.localeCompare(a.at));
    return { unread: items.filter((i) => !i.read).length, items };
  }),

  /** Marks notifications read for the caller (its own marks only). */
  markRead: signedInProcedure.input(z.object({ keys: z.array(z.string().regex(KEY, { error: "VALIDATION_FAILED" })).min(1).max(200) }).strict()).mutation(({ ctx, input }) => {
    markRead(ctx.db, { userId: ctx.user.id, keys: input.keys, now: ctx.now().getTime() });
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
