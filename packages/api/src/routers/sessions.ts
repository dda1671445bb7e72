import { deleteSession, deleteSessionsOfUser, findSession, listSessions } from "@gugus/db";
import { DomainError, SESSION_ABSOLUTE_LIFETIME_MS, SESSION_IDLE_TIMEOUT_MS, sessionExpiresAt } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../audit.ts";
import { signedInProcedure } from "../trpc.ts";

export const sessionsRouter = {
  /** Open sessions, newest first, of one account or of all (central admins). */
  list: signedInProcedure
    .input(z.object({ userId: z.number().int().positive().optional(), limit: z.number().int().min(1).max(200).default(100) }).strict())
    .query(({ ctx, input }) => {
      const now = ctx.now().getTime();
      return listSessions(ctx.db, {
        ...(input.userId === undefined ? {} : { userId: input.userId }),
        limit: input.limit,
        lastSeenAfter: now - SESSION_IDLE_TIMEOUT_MS,
        createdAfter: now - SESSION_ABSOLUTE_LIFETIME_MS,
      }).map((s) => ({
        ...s,
        expiresAt: sessionExpiresAt(s),
        current: s.id === ctx.user.sessionId,
      }));
    }),

  /** The caller's own open sessions: this one first and marked, then the others by last use; device, address, start and last use. */
  mine: signedInProcedure.input(z.void()).query(({ ctx }) => {
    const now = ctx.now().getTime();
    const rows = listSessions(ctx.db, {
      userId: ctx.user.id,
      limit: 200,
      lastSeenAfter: now - SESSION_IDLE_TIMEOUT_MS,
      createdAfter: now - SESSION_ABSOLUTE_LIFETIME_MS,
    }).map((s) => ({
      id: s.id,
      current: s.id === ctx.user.sessionId,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: sessionExpiresAt(s),
      ip: s.ip,
      userAgent: s.userAgent,
    }));
    return [...rows.filter((s) => s.current), ...rows.filter((s) => !s.current)];
  }),

  /**
   * Ends one of the caller's other sessions. Another account's session, the calling one (signing
   * out ends that) and a missing one are all SESSION_NOT_FOUND.
   */
  endMine: signedInProcedure.input(z.object({ sessionId: z.number().int().positive() }).strict()).mutation(({ ctx, input }) => {
    inTransaction(ctx, (tx) => {
      const session = findSession(tx.db, input.sessionId);
      if (!session || session.userId !== ctx.user.id || session.id === ctx.user.sessionId || !deleteSession(tx.db, session.id)) {
        throw new DomainError("SESSION_NOT_FOUND");
      }
      audit(tx, { action: "session.end", outcome: "success", targetType: "user", targetId: ctx.user.id, details: { sessionId: session.id, own: true } });
    });
    return { ok: true as const };
  }),

  /** Ends all the caller's sessions but the calling one; says how many ended. */
  endOthers: signedInProcedure.input(z.void()).mutation(({ ctx }) => {
    const ended = inTransaction(ctx, (tx) => {
      const count = deleteSessionsOfUser(tx.db, ctx.user.id, { except: ctx.user.sessionId });
      if (count > 0) audit(tx, { action: "session.end", outcome: "success", targetType: "user", targetId: ctx.user.id, details: { ended: count, own: true } });
      return count;
    });
    return { ended };
  }),

  /** Ends any session. */
  end: signedInProcedure.input(z.object({ sessionId: z.number().int().positive() }).strict()).mutation(({ ctx, input }) => {
    inTransaction(ctx, (tx) => {
      const session = findSession(tx.db, input.sessionId);
      if (!session || !deleteSession(tx.db, session.id)) throw new DomainError("SESSION_NOT_FOUND");
      audit(tx, { action: "session.end", outcome: "success", targetType: "user", targetId: session.userId, details: { sessionId: session.id } });
    });
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
