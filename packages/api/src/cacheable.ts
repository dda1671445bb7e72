/**
 * Which queries the server may answer from its response cache (apps/server/src/response-cache.ts),
 * declared once, beside the policy. A query belongs here only when its answer depends on nothing but
 * - its input,
 * - the caller: role, task force and that task force's place (the subtree the scope guard and the
 *   `list` filters use),
 * - today's date (inputs default `at` to today; deadlines and "the current period" use the date where
 *   a task force is, so the dates in WIB, WITA and WIT all go into the key), and
 * - reference data: the tables whose every write raises `reference_version` in the same transaction
 *   (migration 0001: regions, successions, task forces and their region links, instruments, RAN
 *   periods, action items, their targets and period coordinators).
 * So memberships, accounts, reports, exceptions and notifications are out, and so is anything holding
 * report content (it stays `no-store`). A test (cacheable.test.ts) checks every name is a real query
 * of the router; the server's never-stale test reads each of them against the uncached answer while
 * writing at random.
 */
import { readReferenceVersion } from "@gugus/db";
import { TIME_ZONES, dateInZone, hasCapability } from "@gugus/domain";
import type { Context } from "./context.ts";
import { ruleFor } from "./policy.ts";
import type { ProcedurePath } from "./policy.ts";
import { holdUpOf, resolveSession } from "./trpc.ts";

export const CACHEABLE = [
  "hierarchy.tree",
  "hierarchy.byId",
  "hierarchy.byRegion",
  "hierarchy.counts",
  "hierarchy.search",
  "hierarchy.coverage",
  "hierarchy.successions",
  "ran.periods",
  "ran.period",
  "ran.periodOfYear",
  "ran.atDate",
  "ran.plan",
] as const satisfies readonly ProcedurePath[];

export type CacheableProcedure = (typeof CACHEABLE)[number];

const CACHEABLE_SET: ReadonlySet<string> = new Set(CACHEABLE);

export function isCacheable(path: string): path is CacheableProcedure {
  return CACHEABLE_SET.has(path);
}

/**
 * Today's date in each of Indonesia's three zones: the answer's "today", whichever zone it was taken
 * in. The zones keep fixed offsets (no daylight saving), so the dates are the UTC date shifted.
 */
function todayKey(now: Date): string {
  // The zones' dates all change on the hour: the key of a minute is the key of all of it.
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastToday.minute) {
    lastToday.key = Object.values(TIME_ZONES)
      .map((zone) => dateInZone(now, zone))
      .join(",");
    lastToday.minute = minute;
  }
  return lastToday.key;
}

const lastToday = { minute: Number.NaN, key: "" };

/**
 * The part of a cacheable answer's key that is not the procedure, its input or the data version:
 * the caller's role, task force and place, and today's dates. Null when the call would not get an
 * answer (no live session, a password still to change or a second factor still to give — the
 * guard's `holdUpOf` — or a role without the capability): the server
 * then lets tRPC answer it — and refuse it, audited — uncached. Resolves the session exactly as
 * the guard does (and marks it used, at most once a minute, as every call does).
 */
export function callerKeyOf(ctx: Context, path: CacheableProcedure): string | null {
  const rule = ruleFor(path);
  if (!rule || rule.access === "public") return null;
  const user = resolveSession(ctx);
  if (!user || holdUpOf(user, rule) !== null) return null;
  if (rule.access !== "signed-in" && !hasCapability(user.role, rule.access)) return null;
  const { place } = user.actor;
  return `${user.role}|${user.taskForceId ?? ""}|${place.level}:${place.regionCode ?? ""}|${todayKey(ctx.now())}`;
}

/** The reference data's version: it moves in the same transaction as every write that could change a cacheable answer. */
export function readDataVersion(ctx: Pick<Context, "sqlite">): number {
  return readReferenceVersion(ctx.sqlite);
}
