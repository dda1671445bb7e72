import { deleteSession, findSession, listSessions } from "@gugus/db";
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
