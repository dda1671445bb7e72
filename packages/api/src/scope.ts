/** Scope checks for single reads and writes: out of scope looks exactly like "not found", and is audited. */
import { findTaskForce, isTaskForceInScope } from "@gugus/db";
import type { TaskForceRow, UserRow } from "@gugus/db";
import { DomainError } from "@gugus/domain";
import type { DomainErrorCode, TaskForcePlace } from "@gugus/domain";
import { audit } from "./audit.ts";
import { scopeOf, todayOf } from "./clock.ts";
import type { Context, SignedInUser } from "./context.ts";

type ScopedContext = Context & { user: SignedInUser };

function deny(ctx: ScopedContext, targetType: string, targetId: number, code: DomainErrorCode): never {
  audit(ctx, { action: "access.denied", outcome: "denied", targetType, targetId });
  throw new DomainError(code);
}

/**
 * The task force as it stood on a date (default today) if the caller may see it: it must lie in the
 * caller's subtree as the subtree stands today. TASK_FORCE_NOT_FOUND otherwise — missing, not yet
 * or no longer existing on that date, or out of scope alike.
 */
export function visibleTaskForce(ctx: ScopedContext, id: number | undefined, at: string = todayOf(ctx)): TaskForceRow {
  if (id === undefined) throw new DomainError("TASK_FORCE_NOT_FOUND");
  if (!isTaskForceInScope(ctx.db, id, scopeOf(ctx))) {
    if (findTaskForce(ctx.db, id, at)) deny(ctx, "task_force", id, "TASK_FORCE_NOT_FOUND");
    throw new DomainError("TASK_FORCE_NOT_FOUND");
  }
  const row = findTaskForce(ctx.db, id, at);
  if (!row) throw new DomainError("TASK_FORCE_NOT_FOUND");
  return row;
}

/** The place of an account's task force. */
export function placeOfUser(u: Pick<UserRow, "taskForceLevel" | "taskForceRegionCode">): TaskForcePlace {
  return { level: u.taskForceLevel, regionCode: u.taskForceRegionCode };
}

/**
 * The account if the caller may see it: a central account sees every account; a regional admin only
 * accounts of its own task force. ACCOUNT_NOT_FOUND otherwise.
 */
export function visibleAccount(ctx: ScopedContext, row: UserRow | undefined): UserRow {
  if (!row) throw new DomainError("ACCOUNT_NOT_FOUND");
  const actor = ctx.user.actor;
  const visible = actor.place.level === "national" || row.taskForceId === actor.taskForceId;
  if (!visible) deny(ctx, "user", row.id, "ACCOUNT_NOT_FOUND");
  return row;
}
