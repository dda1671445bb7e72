import {
  countChildrenByProvince,
  countTaskForcesByLevel,
  findTaskForce,
  findTaskForceByRegion,
  listChildTaskForces,
  listTaskForces,
  searchTaskForces,
} from "@gugus/db";
import type { Db, TaskForceRow } from "@gugus/db";
import { RegionCodeSchema, TaskForceIdSchema, canSeeTaskForce, localDateOf, timeZoneOf } from "@gugus/domain";
import type { Actor } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { visibleTaskForce } from "../scope.ts";
import { signedInProcedure } from "../trpc.ts";

/** The public shape of a task force. */
function toTaskForce(row: TaskForceRow) {
  return {
    id: row.id,
    level: row.level,
    regionCode: row.regionCode,
    regionName: row.regionName,
    kind: row.kind,
    parentId: row.parentId,
    status: row.status,
  };
}
export type TaskForce = ReturnType<typeof toTaskForce>;

/**
 * A task force (already checked to be in scope) with its parent, children and local time zone. The
 * parent is named even when the caller may not open it (`parent.visible`): a regency knows which
 * province it answers to.
 */
function describeTaskForce(db: Db, actor: Actor, row: TaskForceRow, now: Date) {
  const zone = timeZoneOf(row.regionCode);
  const parent = row.parentId === null ? undefined : findTaskForce(db, row.parentId);
  return {
    ...toTaskForce(row),
    timeZone: { abbreviation: zone.abbreviation, iana: zone.iana, utcOffsetHours: zone.utcOffsetHours },
    /** Today's date where the task force is, for deadlines and "the current period". */
    localDate: localDateOf(now, zone.iana),
    parent: parent ? { ...toTaskForce(parent), visible: canSeeTaskForce(actor, { level: parent.level, regionCode: parent.regionCode }) } : null,
    children: listChildTaskForces(db, row.id).map(toTaskForce),
  };
}

const scopeKey = (actor: Actor) => `${actor.place.level}:${actor.place.regionCode ?? ""}`;

/** Reads a search text as a region code prefix (`32.7`, `3275`) or as name words (`kota bekasi`). */
function parseQuery(query: string): { words: string[]; codePrefix: string | null } {
  const text = query.trim();
  if (/^\d[\d.]*$/.test(text)) {
    return { words: [], codePrefix: /^\d{3,4}$/.test(text) ? `${text.slice(0, 2)}.${text.slice(2)}` : text };
  }
  return { words: text.toLowerCase().split(/[\s.,]+/).filter(Boolean).slice(0, 6), codePrefix: null };
}

export const hierarchyRouter = {
  /** Every task force in the caller's scope (all 553 for central roles), flat, each with its parent's id. */
  tree: signedInProcedure.query(({ ctx }) =>
    ctx.cache.get(`hierarchy.tree:${scopeKey(ctx.user.actor)}`, () => listTaskForces(ctx.db, { within: ctx.user.actor.place }).map(toTaskForce)),
  ),

  /** One task force with its parent, its children and its local time zone. */
  byId: signedInProcedure
    .input(z.object({ id: TaskForceIdSchema }).strict())
    .query(({ ctx, input }) => describeTaskForce(ctx.db, ctx.user.actor, visibleTaskForce(ctx, findTaskForce(ctx.db, input.id)), ctx.now())),

  /** The task force of a region code (`32.75`), or the national one for `null`. */
  byRegion: signedInProcedure
    .input(z.object({ code: RegionCodeSchema.nullable() }).strict())
    .query(({ ctx, input }) =>
      describeTaskForce(ctx.db, ctx.user.actor, visibleTaskForce(ctx, findTaskForceByRegion(ctx.db, input.code)), ctx.now()),
    ),

  /** In the caller's scope: task forces per level, and per province how many regencies/cities answer to it. */
  counts: signedInProcedure.query(({ ctx }) => {
    const within = ctx.user.actor.place;
    const national = findTaskForceByRegion(ctx.db, null);
    return {
      nationalId: national && canSeeTaskForce(ctx.user.actor, { level: "national", regionCode: null }) ? national.id : null,
      byLevel: countTaskForcesByLevel(ctx.db, { within }),
      byProvince: countChildrenByProvince(ctx.db, { within }),
    };
  }),

  /** Finds task forces in the caller's scope by region name (every word must match) or by code (`32.7`, `3275`). */
  search: signedInProcedure
    .input(z.object({ query: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(100).default(20) }).strict())
    .query(({ ctx, input }) =>
      searchTaskForces(ctx.db, { ...parseQuery(input.query), limit: input.limit, within: ctx.user.actor.place }).map(toTaskForce),
    ),
} satisfies TRPCRouterRecord;
