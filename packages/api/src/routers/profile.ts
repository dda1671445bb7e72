/** A task force's profile: its formation and composition on a date; the changes live beside it in profile/. */
import { listInstruments, listMemberships } from "@gugus/db";
import { IsoDateSchema, SUB_TASK_FORCE_CODES, TaskForceIdSchema, allSeats, checkProfileManagement, formationStatusAt, holderAt, isValidAt } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { todayOf } from "../clock.ts";
import { getTargetTaskForce } from "../scope.ts";
import { signedInProcedure } from "../trpc.ts";
import { instrumentsRouter } from "./profile/instruments.ts";
import { membershipsRouter } from "./profile/memberships.ts";
import { localToday } from "./profile/shared.ts";

export const profileRouter = {
  /**
   * A task force's profile on a date: its formation (every instrument, the one in force, the status)
   * and its composition (every holding with dates, and who held each single seat that day).
   */
  get: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema, at: IsoDateSchema.optional() }).strict()).query(({ ctx, input }) => {
    const at = input.at ?? todayOf(ctx);
    const row = getTargetTaskForce(ctx);
    const list = listInstruments(ctx.db, row.id);
    const memberships = listMemberships(ctx.db, row.id);
    const formation = formationStatusAt(list, at);
    return {
      at,
      localToday: localToday(ctx, row),
      canManage: checkProfileManagement(ctx.user.actor, { taskForceId: row.id, place: { level: row.level, regionCode: row.regionCode } }) === "ok",
      status: formation.status,
      instrumentInForceId: formation.instrument?.id ?? null,
      instruments: list,
      memberships: memberships.map((m) => ({ ...m, current: isValidAt(m, at) })),
      seats: allSeats(SUB_TASK_FORCE_CODES).map((seat) => ({ seat, holder: holderAt(memberships, seat, at) ?? null })),
    };
  }),

  ...instrumentsRouter,
  ...membershipsRouter,
} satisfies TRPCRouterRecord;
