import {
  applyChangeSet,
  findTaskForce,
  listChildTaskForces,
  listRegionLinks,
  listSuccessions,
  listTaskForces,
  readHierarchyState,
  searchTaskForces,
} from "@gugus/db";
import type { Db, TaskForceRow } from "@gugus/db";
import {
  IsoDateSchema,
  RegionCodeSchema,
  RestructurePlanSchema,
  SearchQuerySchema,
  TaskForceIdSchema,
  canSeeTaskForce,
  countByLevel,
  countCoverage,
  countRegenciesByProvince,
  parseTaskForceQuery,
  planRestructuring,
  timeZoneOf,
  todayAt,
} from "@gugus/domain";
import type { Actor, FormationStatus, IsoDate } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../audit.ts";
import { scopeOf, todayOf } from "../clock.ts";
import { statusesAt } from "../formation-status.ts";
import { getTargetTaskForce } from "../scope.ts";
import { signedInProcedure } from "../trpc.ts";

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

  /**
   * Coverage on a date in the caller's scope: formed task forces per level and per province (with
   * names), and the list of those not formed. Counted in one pass over the task forces and all
   * instruments.
   */
  coverage: signedInProcedure.input(z.object({ at: AtSchema }).strict().default({})).query(({ ctx, input }) => {
    const at = input.at ?? todayOf(ctx);
    const statuses = statusesAt(ctx, at);
    const rows = listTaskForces(ctx.db, { at, within: scopeOf(ctx) });
    const coverage = countCoverage(rows.map((r) => ({ taskForceId: r.id, level: r.level, regionCode: r.regionCode, status: statuses.get(r.id) ?? "not_formed" })));
    const names = new Map(rows.map((r) => [r.regionCode, { name: r.regionName, id: r.id }]));
    return {
      at,
      ...coverage,
      byProvince: coverage.byProvince.map((p) => ({ ...p, provinceName: names.get(p.provinceCode)?.name ?? null, taskForceId: names.get(p.provinceCode)?.id ?? null })),
      unformed: coverage.unformed.map((u) => ({ ...u, regionName: names.get(u.regionCode)?.name ?? null })),
    };
  }),

  /** The restructurings on record (newest first): splits, recodes, merges and renames. */
  successions: signedInProcedure.query(({ ctx }) => listSuccessions(ctx.db)),

  /**
   * Records a restructuring (a split, a merge, a recode or a rename), usually ahead of its effective
   * date. Task forces keep their ids; history stays. Central admins only.
   */
  restructure: signedInProcedure.input(z.object({ plan: RestructurePlanSchema }).strict()).mutation(({ ctx, input }) => {
    const plan = input.plan;
    const result = inTransaction(ctx, (tx) => {
      const change = planRestructuring(plan, readHierarchyState(tx.db));
      const created = applyChangeSet(tx.db, change, { by: ctx.user.id });
      audit(tx, {
        action: "hierarchy.restructure",
        outcome: "success",
        targetType: "region",
        targetId: plan.kind === "merge" ? plan.sourceCodes.join(",") : plan.kind === "rename" ? plan.code : plan.kind === "split" ? plan.sourceCode : plan.oldCode,
        details: {
          kind: plan.kind,
          effectiveDate: plan.effectiveDate,
          legalBasis: plan.legalBasis,
          successions: change.successions.map((s) => `${s.oldCode}→${s.newCode} (${s.type})`).join("; "),
          newTaskForces: created.join(","),
        },
      });
      return { change, created };
    });
    return { successions: result.change.successions, newTaskForceIds: result.created };
  }),
} satisfies TRPCRouterRecord;
