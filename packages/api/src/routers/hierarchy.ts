import { findTaskForce, listChildTaskForces, listRegionLinks, listSuccessions, listTaskForces, searchTaskForces } from "@gugus/db";
import type { Db, TaskForceRow } from "@gugus/db";
import {
  IsoDateSchema,
  RegionCodeSchema,
  SearchQuerySchema,
  TaskForceIdSchema,
  canSeeTaskForce,
  countByLevel,
  countRegenciesByProvince,
  parseTaskForceQuery,
  timeZoneOf,
  todayAt,
} from "@gugus/domain";
import type { Actor, FormationStatus, IsoDate } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { scopeOf, todayOf } from "../clock.ts";
import { statusesAt } from "../formation-status.ts";
import { getTargetTaskForce } from "../scope.ts";
import { signedInProcedure } from "../trpc.ts";
import { coverageRouter } from "./hierarchy/coverage.ts";
import { restructureRouter } from "./hierarchy/restructure.ts";

/** The public shape of a task force on a date, with its formation status that day. */
function toTaskForce(row: TaskForceRow, statuses: Map<number, FormationStatus>) {
  return {
    id: row.id,
    level: row.level,
    regionCode: row.regionCode,
    regionName: row.regionName,
    kind: row.kind,
    parentId: row.parentId,
    status: statuses.get(row.id) ?? ("not_formed"),
  };
}
export type TaskForce = ReturnType<typeof toTaskForce>;

/** `at` defaults to today (WIB). */
const AtSchema = IsoDateSchema.optional();

/**
 * A task force (already checked to be in scope) as it stood on a date, with its parent, children,
 * time zone, the regions it has stood for and the successions behind them. The parent is named even
 * when the caller may not open it (`parent.visible`): a regency knows which province it answers to.
 */
function describeTaskForce(db: Db, actor: Actor, row: TaskForceRow, at: IsoDate, now: Date, statuses: Map<number, FormationStatus>) {
  const zone = timeZoneOf(row.regionCode);
  const parent = row.parentId === null ? undefined : findTaskForce(db, row.parentId, at);
  const links = listRegionLinks(db, row.id);
  return {
    ...toTaskForce(row, statuses),
    at,
    timeZone: { abbreviation: zone.abbreviation, iana: zone.iana, utcOffsetHours: zone.utcOffsetHours },
    /** Today's date where the task force is, for deadlines and "the current period". */
    localDate: todayAt(now, row.regionCode),
    parent: parent ? { ...toTaskForce(parent, statuses), visible: canSeeTaskForce(actor, { level: parent.level, regionCode: parent.regionCode }) } : null,
    children: listChildTaskForces(db, row, at).map((c) => toTaskForce(c, statuses)),
    regionHistory: links,
    successions: listSuccessions(db, { codes: links.map((l) => l.regionCode) }),
  };
}

const scopeKey = (actor: Actor) => `${actor.place.level}:${actor.place.regionCode ?? ""}`;

export const hierarchyRouter = {
  /** Every task force in the caller's scope (all 553 for central roles) as it stood on a date, flat, with parent ids and status. */
  tree: signedInProcedure.input(z.object({ at: AtSchema }).strict().default({})).query(({ ctx, input }) => {
    const at = input.at ?? todayOf(ctx);
    return ctx.cache.get(`hierarchy.tree:${at}:${scopeKey(ctx.user.actor)}:${todayOf(ctx)}`, () => {
      const statuses = statusesAt(ctx, at);
      return listTaskForces(ctx.db, { at, within: scopeOf(ctx) }).map((r) => toTaskForce(r, statuses));
    });
  }),

  /** One task force as it stood on a date, with its parent, children, time zone and region history. */
  byId: signedInProcedure
    .input(z.object({ id: TaskForceIdSchema, at: AtSchema }).strict())
    .query(({ ctx, input }) => {
      const at = input.at ?? todayOf(ctx);
      return describeTaskForce(ctx.db, ctx.user.actor, getTargetTaskForce(ctx), at, ctx.now(), statusesAt(ctx, at));
    }),

  /** The task force of a region code — today's (`93.01`) or a former one (`91.01`) — or the national one for `null`. */
  byRegion: signedInProcedure
    .input(z.object({ code: RegionCodeSchema.nullable(), at: AtSchema }).strict())
    .query(({ ctx, input }) => {
      const at = input.at ?? todayOf(ctx);
      return describeTaskForce(ctx.db, ctx.user.actor, getTargetTaskForce(ctx), at, ctx.now(), statusesAt(ctx, at));
    }),

  /** In the caller's scope on a date: task forces per level, and per province how many regencies/cities answer to it. */
  counts: signedInProcedure.input(z.object({ at: AtSchema }).strict().default({})).query(({ ctx, input }) => {
    const at = input.at ?? todayOf(ctx);
    const rows = listTaskForces(ctx.db, { at, within: scopeOf(ctx) });
    return { at, nationalId: rows.find((r) => r.level === "national")?.id ?? null, byLevel: countByLevel(rows), byProvince: countRegenciesByProvince(rows) };
  }),

  /** Finds task forces in the caller's scope by region name (every word must match) or by code (`32.7`, `3275`), on a date. */
  search: signedInProcedure
    .input(z.object({ query: SearchQuerySchema, limit: z.number().int().min(1).max(100).default(20), at: AtSchema }).strict())
    .query(({ ctx, input }) => {
      const at = input.at ?? todayOf(ctx);
      const statuses = statusesAt(ctx, at);
      return searchTaskForces(ctx.db, { ...parseTaskForceQuery(input.query), limit: input.limit, at, within: scopeOf(ctx) }).map((r) => toTaskForce(r, statuses));
    }),

  ...coverageRouter,
  ...restructureRouter,
} satisfies TRPCRouterRecord;
