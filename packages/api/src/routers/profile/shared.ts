/** What the profile procedures share: the manage check on the call's task force, its local today. */
import type { TaskForceRow } from "@gugus/db";
import { DomainError, VersionSchema, checkProfileManagement } from "@gugus/domain";
import { z } from "zod";
import { audit } from "../../audit.ts";
import { todayOf } from "../../clock.ts";
import type { Context, SignedInUser } from "../../context.ts";
import { getTargetTaskForce } from "../../scope.ts";

export type Ctx = Context & { user: SignedInUser };
type RecordNotFound = "TASK_FORCE_NOT_FOUND" | "INSTRUMENT_NOT_FOUND" | "MEMBERSHIP_NOT_FOUND";

/**
 * The call's task force (the scope guard found it in scope), if the caller may change its profile:
 * a regional admin only its own task force's (`checkProfileManagement`). FORBIDDEN otherwise, audited.
 */
export function getManageableTaskForce(ctx: Ctx, notFound: RecordNotFound = "TASK_FORCE_NOT_FOUND"): TaskForceRow {
  const row = getTargetTaskForce(ctx);
  const verdict = checkProfileManagement(ctx.user.actor, { taskForceId: row.id, place: { level: row.level, regionCode: row.regionCode } });
  if (verdict !== "ok") {
    audit(ctx, { action: "access.denied", outcome: "denied", targetType: "task_force", targetId: row.id, details: { reason: verdict } });
    throw new DomainError(verdict === "NOT_FOUND" ? notFound : "FORBIDDEN");
  }
  return row;
}

/** Today where the task force is: an instrument or a holding cannot be dated later. */
export const localToday = (ctx: Ctx, row: TaskForceRow) => todayOf(ctx, row.regionCode);

export const RecordRef = z.object({ id: z.number().int().positive(), version: VersionSchema }).strict();
