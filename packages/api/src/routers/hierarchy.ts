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
import { DomainError, RegionCodeSchema, TaskForceIdSchema, localDateOf, timeZoneOf } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { publicProcedure } from "../trpc.ts";

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

/** A task force with its parent, children and local time zone; `TASK_FORCE_NOT_FOUND` when missing. */
function describeTaskForce(db: Db, row: TaskForceRow | undefined, now: Date) {
  if (!row) throw new DomainError("TASK_FORCE_NOT_FOUND");
  const zone = timeZoneOf(row.regionCode);
  const parent = row.parentId === null ? undefined : findTaskForce(db, row.parentId);
  return {
    ...toTaskForce(row),
    timeZone: { abbreviation: zone.abbreviation, iana: zone.iana, utcOffsetHours: zone.utcOffsetHours },
    /** Today's date where the task force is, for deadlines and "the current period". */
    localDate: localDateOf(now, zone.iana),
    parent: parent ? toTaskForce(parent) : null,
    children: listChildTaskForces(db, row.id).map(toTaskForce),
  };
}

/** Reads a search text as a region code prefix (`32.7`, `3275`) or as name words (`kota bekasi`). */
function parseQuery(query: string): { words: string[]; codePrefix: string | null } {
  const text = query.trim();
  if (/^\d[\d.]*$/.test(text)) {
    return { words: [], codePrefix: /^\d{3,4}$/.test(text) ? `${text.slice(0, 2)}.${text.slice(2)}` : text };
  }
  return { words: text.toLowerCase().split(/[\s.,]+/).filter(Boolean).slice(0, 6), codePrefix: null };
}

export const hierarchyRouter = {
  /** Every task force (1 + 38 + 514), flat, each with its parent's id: the client builds the tree. */
  tree: publicProcedure.query(({ ctx }) => ctx.cache.get("hierarchy.tree", () => listTaskForces(ctx.db).map(toTaskForce))),

  /** One task force with its parent, its children and its local time zone. */
  byId: publicProcedure
    .input(z.object({ id: TaskForceIdSchema }).strict())
    .query(({ ctx, input }) => describeTaskForce(ctx.db, findTaskForce(ctx.db, input.id), ctx.now())),

  /** The task force of a region code (`32.75`), or the national one for `null`. */
  byRegion: publicProcedure
    .input(z.object({ code: RegionCodeSchema.nullable() }).strict())
    .query(({ ctx, input }) => describeTaskForce(ctx.db, findTaskForceByRegion(ctx.db, input.code), ctx.now())),

  /** How many task forces per level, and per province how many regencies/cities answer to it. */
  counts: publicProcedure.query(({ ctx }) => ({
    nationalId: findTaskForceByRegion(ctx.db, null)?.id ?? null,
    byLevel: countTaskForcesByLevel(ctx.db),
    byProvince: countChildrenByProvince(ctx.db),
  })),

  /** Finds task forces by region name (every word must match) or by code (`32.7`, `3275`). */
  search: publicProcedure
    .input(z.object({ query: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(100).default(20) }).strict())
    .query(({ ctx, input }) => searchTaskForces(ctx.db, { ...parseQuery(input.query), limit: input.limit }).map(toTaskForce)),
} satisfies TRPCRouterRecord;
