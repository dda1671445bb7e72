/** Writing security events to the audit log from a procedure's context, and changes with their audit rows. */
import { appendAudit } from "@gugus/db";
import type { AuditEntry, Db } from "@gugus/db";
import type { AuditAction } from "@gugus/domain";
import type { Context } from "./context.ts";

export type AuditEvent = Omit<AuditEntry, "at" | "ip" | "actorUserId" | "actorLabel" | "action"> & {
  action: AuditAction;
  actorUserId?: number | null;
  actorLabel?: string | null;
};

/** Appends an event with who (the signed-in account unless given), when (UTC ms) and from where. */
export function audit(ctx: Context, event: AuditEvent): void {
  appendAudit(ctx.db, {
    ...event,
    at: ctx.now().getTime(),
    ip: ctx.client.ip,
    actorUserId: event.actorUserId !== undefined ? event.actorUserId : (ctx.user?.id ?? null),
    actorLabel: event.actorLabel !== undefined ? event.actorLabel : (ctx.user?.email ?? null),
  });
}

/**
 * Runs a change in one transaction, handing `work` the context with the transaction as its `db`:
 * everything written through it — the change and its audit rows — commits together or not at all.
 * A denial is audited outside, before any change begins.
 */
export function inTransaction<C extends { db: Db }, T>(ctx: C, work: (tx: C) => T): T {
  return ctx.db.transaction((tx) => work({ ...ctx, db: tx }));
}
