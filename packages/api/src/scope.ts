/** Scope checks for single reads and writes: out of scope looks exactly like "not found", and is audited. */
import type { TaskForceRow, UserRow } from "@gugus/db";
import { DomainError, canSeeTaskForce } from "@gugus/domain";
import type { DomainErrorCode, TaskForcePlace } from "@gugus/domain";
import { audit } from "./audit.ts";
import type { Context, SignedInUser } from "./context.ts";

type ScopedContext = Context & { user: SignedInUser };

function deny(ctx: ScopedContext, targetType: string, targetId: number, code: DomainErrorCode): never {
  audit(ctx, { action: "access.denied", outcome: "denied", targetType, targetId });
  throw new DomainError(code);
}

/** The task force if the caller may see it; TASK_FORCE_NOT_FOUND otherwise (missing or out of scope alike). */
export function visibleTaskForce(ctx: ScopedContext, row: TaskForceRow | undefined): TaskForceRow {
  if (!row) throw new DomainError("TASK_FORCE_NOT_FOUND");
  if (!canSeeTaskForce(ctx.user.actor, { level: row.level, regionCode: row.regionCode })) deny(ctx, "task_force", row.id, "TASK_FORCE_NOT_FOUND");
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
