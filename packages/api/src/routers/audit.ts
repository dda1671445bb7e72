import { listAudit, listAuditActions } from "@gugus/db";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, IsoDateSchema } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { signedInProcedure } from "../trpc.ts";

export const auditRouter = {
  /**
   * The security audit log, newest first, filtered by action, outcome, account and UTC dates
   * (inclusive); page with `cursor` (the `nextCursor` of the previous page).
   */
  list: signedInProcedure
    .input(
      z
        .object({
          action: z.enum(AUDIT_ACTIONS).optional(),
          outcome: z.enum(AUDIT_OUTCOMES).optional(),
          actorUserId: z.number().int().positive().optional(),
          from: IsoDateSchema.optional(),
          to: IsoDateSchema.optional(),
          cursor: z.number().int().positive().nullish(),
          /** Sent by infinite-query clients; only forward paging exists. */
          direction: z.enum(["forward", "backward"]).optional(),
          limit: z.number().int().min(1).max(200).default(50),
        })
        .strict(),
    )
    .query(({ ctx, input }) => {
      const rows = listAudit(ctx.db, {
        ...(input.action ? { action: input.action } : {}),
        ...(input.outcome ? { outcome: input.outcome } : {}),
        ...(input.actorUserId === undefined ? {} : { actorUserId: input.actorUserId }),
        ...(input.from ? { from: Date.parse(`${input.from}T00:00:00Z`) } : {}),
        ...(input.to ? { to: Date.parse(`${input.to}T23:59:59.999Z`) } : {}),
        ...(input.cursor ? { beforeId: input.cursor } : {}),
        limit: input.limit + 1,
      });
      const page = rows.slice(0, input.limit);
      return {
        rows: page.map((r) => ({ ...r, details: r.details ? (JSON.parse(r.details) as Record<string, string | number | boolean | null>) : null })),
        nextCursor: rows.length > input.limit ? page.at(-1)!.id : null,
      };
    }),

  /** The actions recorded so far, for the filter. */
  actions: signedInProcedure.query(({ ctx }) => listAuditActions(ctx.db) as (typeof AUDIT_ACTIONS)[number][]),
} satisfies TRPCRouterRecord;
