/**
 * The policy's scope, resolved for one call: the target the policy line names (a task force, a
 * record of one, an account) is read from the validated input and must lie within what the caller
 * may see. Out of scope looks exactly like "not found" (the record's own NOT_FOUND), and both are
 * audited alike, so they cost the same. The procedure builder in trpc.ts runs this before every
 * handler; handlers read the resolved target with {@link getTargetTaskForce} and its siblings, and
 * hold no scope code.
 */
import { findInstrument, findMembership, findReportById, findTaskForce, findTaskForceIdByRegion, findUserById, isTaskForceInScope } from "@gugus/db";
import type { InstrumentRow, MembershipRow, ReportRow, TaskForceRow, UserRow } from "@gugus/db";
import { DomainError, canSeeAccount } from "@gugus/domain";
import type { DomainErrorCode, IsoDate } from "@gugus/domain";
import { audit } from "./audit.ts";
import { scopeOf, todayOf } from "./clock.ts";
import type { Context, ResolvedTarget, SignedInUser } from "./context.ts";
import type { Rule } from "./policy.ts";

type ScopedContext = Context & { user: SignedInUser };
type RecordNotFound = "TASK_FORCE_NOT_FOUND" | "INSTRUMENT_NOT_FOUND" | "MEMBERSHIP_NOT_FOUND" | "ACCOUNT_NOT_FOUND" | "REPORT_NOT_FOUND";

/**
 * Refuses a target as not found, audited the same way whether it is out of scope or missing: one
 * audit row each, so neither the answer nor its cost tells an existing record elsewhere from none.
 */
function deny(ctx: ScopedContext, targetType: string, targetId: number, code: DomainErrorCode, reason: "out_of_scope" | "not_found" = "out_of_scope"): never {
  audit(ctx, { action: "access.denied", outcome: "denied", targetType, targetId, details: { reason } });
  throw new DomainError(code);
}

/** No usable id in the input at all: nothing to look up, nothing to audit. */
function missing(code: DomainErrorCode): never {
  throw new DomainError(code);
}

/**
 * A record that does not exist. For a caller who sees the whole country there is nothing to tell
 * apart, and nothing is audited; for anyone else it is refused like one out of scope (see {@link deny}).
 */
function absent(ctx: ScopedContext, targetType: string, id: number | undefined, code: DomainErrorCode): never {
  if (id === undefined || ctx.user.actor.place.level === "national") missing(code);
  return deny(ctx, targetType, id, code, "not_found");
}

/**
 * The task force as it stood on a date (default today) if the caller may see it: it must lie in the
 * caller's subtree as the subtree stands today. `notFound` (TASK_FORCE_NOT_FOUND by default)
 * otherwise — missing, not yet or no longer existing on that date, or out of scope alike.
 */
export function visibleTaskForce(ctx: ScopedContext, id: number | undefined, at: IsoDate = todayOf(ctx), notFound: RecordNotFound = "TASK_FORCE_NOT_FOUND"): TaskForceRow {
  if (id === undefined) throw new DomainError(notFound);
  // Task forces and their places are reference data: both reads are kept in the read cache, which
  // empties whenever the hierarchy changes.
  const scope = scopeOf(ctx);
  const inScope = ctx.cache.get(`scope:${id}:${scope.place.level}:${scope.place.regionCode ?? ""}:${scope.today}`, () => isTaskForceInScope(ctx.db, id, scope));
  const find = () => ctx.cache.get(`taskForce:${id}:${at}`, () => findTaskForce(ctx.db, id, at) ?? null);
  if (!inScope) {
    deny(ctx, "task_force", id, notFound, find() ? "out_of_scope" : "not_found");
  }
  const row = find();
  if (!row) throw new DomainError(notFound);
  return row;
}

const fieldOf = (input: unknown, field: string): unknown => (input !== null && typeof input === "object" ? (input as Record<string, unknown>)[field] : undefined);
const idIn = (input: unknown, field: string): number | undefined => {
  const value = fieldOf(input, field);
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : undefined;
};

/** A misconfigured policy line fails closed, loudly: never as a pass. */
function misconfigured(rule: Rule): never {
  throw new Error(`policy line with scope ${rule.scope} names no usable target`);
}

/**
 * Resolves the target of a `task-force` or `account` policy line against a call's validated input
 * and checks it is in the caller's scope; throws the record's NOT_FOUND otherwise. Other scopes
 * resolve nothing.
 */
export function resolveTarget(ctx: ScopedContext, rule: Rule, input: unknown): ResolvedTarget {
  if (rule.scope === "task-force") {
    const target = rule.target ?? { taskForce: "taskForceId" };
    const at = fieldOf(input, "at");
    const date = typeof at === "string" ? at : todayOf(ctx);
    if ("taskForce" in target) return { taskForce: visibleTaskForce(ctx, idIn(input, target.taskForce), date) };
    if ("region" in target) {
      const code = fieldOf(input, target.region);
      return { taskForce: visibleTaskForce(ctx, typeof code === "string" || code === null ? findTaskForceIdByRegion(ctx.db, code) : undefined, date) };
    }
    if ("instrument" in target) {
      const id = idIn(input, target.instrument);
      const instrument = id === undefined ? undefined : findInstrument(ctx.db, id);
      if (!instrument) return absent(ctx, "instrument", id, "INSTRUMENT_NOT_FOUND");
      return { instrument, taskForce: visibleTaskForce(ctx, instrument.taskForceId, date, "INSTRUMENT_NOT_FOUND") };
    }
    if ("membership" in target) {
      const id = idIn(input, target.membership);
      const membership = id === undefined ? undefined : findMembership(ctx.db, id);
      if (!membership) return absent(ctx, "membership", id, "MEMBERSHIP_NOT_FOUND");
      return { membership, taskForce: visibleTaskForce(ctx, membership.taskForceId, date, "MEMBERSHIP_NOT_FOUND") };
    }
    if ("report" in target) {
      const id = idIn(input, target.report);
      const report = id === undefined ? undefined : findReportById(ctx.db, id);
      if (!report) return absent(ctx, "report", id, "REPORT_NOT_FOUND");
      return { report, taskForce: visibleTaskForce(ctx, report.taskForceId, date, "REPORT_NOT_FOUND") };
    }
    return misconfigured(rule);
  }
  if (rule.scope === "account") {
    const target = rule.target ?? { account: "id" };
    if (!("account" in target)) return misconfigured(rule);
    const id = idIn(input, target.account);
    const account = id === undefined ? undefined : findUserById(ctx.db, id, todayOf(ctx));
    if (!account) return absent(ctx, "user", id, "ACCOUNT_NOT_FOUND");
    if (!canSeeAccount(ctx.user.actor, account)) deny(ctx, "user", account.id, "ACCOUNT_NOT_FOUND");
    return { account };
  }
  return {};
}

function resolved<T>(value: T | undefined, what: string): T {
  // Reached only when a handler reads a target its policy line does not name: a programming error.
  if (value === undefined) throw new Error(`no ${what} was resolved for this call: check its policy line`);
  return value;
}

/** The task force the call's policy line resolved (in scope). */
export const getTargetTaskForce = (ctx: Pick<Context, "target">): TaskForceRow => resolved(ctx.target.taskForce, "task force");
/** The instrument the call's policy line resolved (its task force in scope). */
export const getTargetInstrument = (ctx: Pick<Context, "target">): InstrumentRow => resolved(ctx.target.instrument, "instrument");
/** The membership the call's policy line resolved (its task force in scope). */
export const getTargetMembership = (ctx: Pick<Context, "target">): MembershipRow => resolved(ctx.target.membership, "membership");
/** The report the call's policy line resolved (its task force in scope). */
export const getTargetReport = (ctx: Pick<Context, "target">): ReportRow => resolved(ctx.target.report, "report");
/** The account the call's policy line resolved (one the caller may see). */
export const getTargetAccount = (ctx: Pick<Context, "target">): UserRow => resolved(ctx.target.account, "account");
