import { findTaskForce, listChildTaskForces, listRegionLinks, listSuccessions, listTaskForces, listTaskForcesOfRegions, searchFormerRegions, searchTaskForces } from "@gugus/db";
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
  resolveForward,
  timeZoneOf,
  todayAt,
} from "@gugus/domain";
import type { Actor, FormationStatus, IsoDate, SuccessionType } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { scopeOf, todayOf } from "../clock.ts";
import { statusesAt } from "../formation-status.ts";
import { getTargetTaskForce } from "../scope.ts";
import { signedInProcedure } from "../trpc.ts";
import { coverageRouter } from "./hierarchy/coverage.ts";
import { hierarchyFilesRouter } from "./hierarchy/files.ts";
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

/** A code or name a search matched that is no longer valid, and the change that ended it (to `newCode`, in `newProvinceName`). */
type Formerly = { code: string; name: string; type: SuccessionType; effectiveDate: string; legalBasis: string | null; newCode: string; newName: string; newProvinceName: string };

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

  /**
   * Finds task forces in the caller's scope by region name (every word must match) or by code
   * (`32.7`, `3275`), on a date; and by a code or name no longer valid then (`91.01`, Kabupaten
   * Merauke before the 2022 Papua split), answering the successor with the change explained in
   * `formerly` (empty for a match by today's code or name). Current matches first, each task force once.
   */
  search: signedInProcedure
    .input(z.object({ query: SearchQuerySchema, limit: z.number().int().min(1).max(100).default(20), at: AtSchema }).strict())
    .query(({ ctx, input }) => {
      const at = input.at ?? todayOf(ctx);
      const statuses = statusesAt(ctx, at);
      const query = parseTaskForceQuery(input.query);
      const within = scopeOf(ctx);
      const hits = new Map<number, TaskForce & { formerly: Formerly[] }>();
      for (const r of searchTaskForces(ctx.db, { ...query, limit: input.limit, at, within })) hits.set(r.id, { ...toTaskForce(r, statuses), formerly: [] });
      const former = searchFormerRegions(ctx.db, { ...query, limit: input.limit, at });
      if (former.length > 0) {
        const successions = listSuccessions(ctx.db);
        const finalCodes = new Map(former.map((f) => [f.oldCode, f.type === "rename" ? [f.oldCode] : resolveForward(successions, f.oldCode, at)]));
        const successors = listTaskForcesOfRegions(ctx.db, { codes: [...new Set([...finalCodes.values()].flat())], at, within });
        const byCode = new Map(successors.map((t) => [t.regionCode, t]));
        for (const f of former) {
          for (const code of finalCodes.get(f.oldCode) ?? []) {
            const tf = byCode.get(code);
            if (!tf) continue;
            const hit = hits.get(tf.id) ?? (hits.size < input.limit ? { ...toTaskForce(tf, statuses), formerly: [] } : undefined);
            if (!hit) continue;
            if (!hit.formerly.some((x) => x.code === f.oldCode && x.name === f.oldName && x.type === f.type)) {
              hit.formerly.push({ code: f.oldCode, name: f.oldName, type: f.type, effectiveDate: f.effectiveDate, legalBasis: f.legalBasis, newCode: f.newCode, newName: f.newRegionName, newProvinceName: f.newProvinceName });
            }
            hits.set(tf.id, hit);
          }
        }
      }
      return [...hits.values()];
    }),

  ...coverageRouter,
  ...hierarchyFilesRouter,
  ...restructureRouter,
} satisfies TRPCRouterRecord;
