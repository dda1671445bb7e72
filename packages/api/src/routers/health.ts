import { pingDatabase } from "@gugus/db";
import type { TRPCRouterRecord } from "@trpc/server";
import { signedInProcedure } from "../trpc.ts";

export const healthRouter = {
  /** Is the server up and does the database answer? */
  check: signedInProcedure.query(({ ctx }) => {
    const database = pingDatabase(ctx.sqlite);
    return { ok: database, database: database ? ("ok" as const) : ("unavailable" as const), time: ctx.now().toISOString() };
  }),
} satisfies TRPCRouterRecord;
