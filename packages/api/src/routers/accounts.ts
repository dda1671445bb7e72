import { deleteSessionsOfUser, findDeactivatorRole, findTaskForceOfEmail, findUserById, insertUser, listUsers, requirePasswordChange, setPassword, updateUser } from "@gugus/db";
import type { UserRow } from "@gugus/db";
import {
  AccountCreateSchema,
  AccountUpdateSchema,
  DomainError,
  INITIAL_PASSWORD_LIFETIME_MS,
  TaskForceIdSchema,
  OptionalSearchQuerySchema,
  VersionSchema,
  accountTaskForceScopeOf,
  checkAccountManagement,
  emailConflictCodeFor,
  mayActOnAccountWithRole,
  mayReactivateAccount,
} from "@gugus/domain";
import type { Role, TaskForcePlace } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../audit.ts";
import { generateOneTimePassword, hashPassword } from "../auth/crypto.ts";
import { todayOf } from "../clock.ts";
import type { Context, SignedInUser } from "../context.ts";
import { getTargetAccount, getTargetTaskForce } from "../scope.ts";
import { signedInProcedure } from "../trpc.ts";

/**
 * An account as the apps see it (never the password hash). `deactivatedBy` is the role of whoever
 * deactivated an inactive account (null when active or unknown): the apps ask
 * `mayReactivateAccount(me, account.deactivatedBy)` before offering to reactivate it.
 */
export function toAccount(u: UserRow, deactivatedBy: Role | null = null) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    position: u.position,
    role: u.role,
    active: u.active,
    deactivatedBy: u.active ? null : deactivatedBy,
    mustChangePassword: u.mustChangePassword,
    taskForce: { id: u.taskForceId, level: u.taskForceLevel, regionCode: u.taskForceRegionCode, regionName: u.taskForceRegionName },
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
    version: u.version,
  };
}
export type Account = ReturnType<typeof toAccount>;

type Ctx = Context & { user: SignedInUser };

/** Throws unless the caller may manage an account at this task force with this role. */
function assertMayManage(ctx: Ctx, target: { taskForceId: number; place: TaskForcePlace; role: Role }, targetId?: number): void {
  const verdict = checkAccountManagement(ctx.user.actor, target);
  if (verdict === "ok") return;
  audit(ctx, { action: "access.denied", outcome: "denied", targetType: targetId === undefined ? "task_force" : "user", targetId: targetId ?? target.taskForceId, details: { reason: verdict } });
  throw new DomainError(verdict === "NOT_FOUND" ? (targetId === undefined ? "TASK_FORCE_NOT_FOUND" : "ACCOUNT_NOT_FOUND") : verdict);
}

const placeOfUser = (u: UserRow): TaskForcePlace => ({ level: u.taskForceLevel, regionCode: u.taskForceRegionCode });

/** The call's account (the scope guard found it visible), if it is manageable with its current role. */
function getManageableAccount(ctx: Ctx): UserRow {
  const row = getTargetAccount(ctx);
  assertMayManage(ctx, { taskForceId: row.taskForceId, place: placeOfUser(row), role: row.role }, row.id);
  return row;
}

async function issueOneTimePassword(ctx: Ctx) {
  const password = generateOneTimePassword();
  const expiresAt = ctx.now().getTime() + INITIAL_PASSWORD_LIFETIME_MS;
  return { password, passwordHash: await hashPassword(password), expiresAt };
}

const AccountIdSchema = z.number({ error: "ACCOUNT_NOT_FOUND" }).int().positive().max(2 ** 31 - 1);

export const accountsRouter = {
  /** Accounts the caller may see: every account for central roles, its own task force's for a regional admin. */
  list: signedInProcedure
    .input(
      z
        .object({
          query: OptionalSearchQuerySchema.optional(),
          taskForceId: TaskForceIdSchema.optional(),
          active: z.boolean().optional(),
          page: z.number().int().min(1).max(10_000).default(1),
          pageSize: z.number().int().min(1).max(100).default(25),
        })
        .strict(),
    )
    .query(({ ctx, input }) => {
      const own = accountTaskForceScopeOf(ctx.user.actor);
      if (own !== null && input.taskForceId !== undefined && input.taskForceId !== own) return { rows: [], total: 0, page: input.page, pageSize: input.pageSize };
      const taskForceId = own ?? input.taskForceId;
      const { rows, total } = listUsers(ctx.db, {
        today: todayOf(ctx),
        ...(taskForceId === undefined ? {} : { taskForceId }),
        ...(input.query ? { query: input.query } : {}),
        ...(input.active === undefined ? {} : { active: input.active }),
        limit: input.pageSize,
        offset: (input.page - 1) * input.pageSize,
      });
      return { rows: rows.map((u) => toAccount(u, u.active ? null : findDeactivatorRole(ctx.db, u.id))), total, page: input.page, pageSize: input.pageSize };
    }),

  /** One account. */
  get: signedInProcedure
    .input(z.object({ id: AccountIdSchema }).strict())
    .query(({ ctx }) => {
      const account = getTargetAccount(ctx);
      return toAccount(account, account.active ? null : findDeactivatorRole(ctx.db, account.id));
    }),

  /**
   * Creates an account with a one-time password, shown once in the answer and valid for 72 hours;
   * the holder must change it at the first sign-in. A regional admin may create only regional
   * accounts of its own task force. An email already used is EMAIL_TAKEN for a manager who may see
   * that account, and the neutral EMAIL_UNAVAILABLE (ask the central secretariat) for anyone else,
   * audited: so account creation answers no one whether an address has an account elsewhere.
   */
  create: signedInProcedure.input(AccountCreateSchema).mutation(async ({ ctx, input }) => {
    const taskForce = getTargetTaskForce(ctx);
    assertMayManage(ctx, { taskForceId: taskForce.id, place: { level: taskForce.level, regionCode: taskForce.regionCode }, role: input.role });
    const otp = await issueOneTimePassword(ctx);
    const now = ctx.now().getTime();
    const id = inTransaction(ctx, (tx) => {
      const created = insertUser(tx.db, { ...input, passwordHash: otp.passwordHash, mustChangePassword: true, passwordExpiresAt: otp.expiresAt, now });
      if (created === undefined) return undefined;
      audit(tx, { action: "account.create", outcome: "success", targetType: "user", targetId: created, details: { email: input.email, role: input.role, taskForceId: input.taskForceId } });
      return created;
    });
    if (id === undefined) {
      const holder = findTaskForceOfEmail(ctx.db, input.email);
      const code = holder === undefined ? "EMAIL_TAKEN" : emailConflictCodeFor(ctx.user.actor, { taskForceId: holder });
      if (code === "EMAIL_UNAVAILABLE") audit(ctx, { action: "account.create", outcome: "failure", details: { reason: "email_used_elsewhere", email: input.email } });
      throw new DomainError(code);
    }
    return { account: toAccount(findUserById(ctx.db, id, todayOf(ctx))!), oneTimePassword: otp.password, expiresAt: otp.expiresAt };
  }),

  /** Changes name, position or role, from the version the editor read (a stale version is a conflict). */
  update: signedInProcedure.input(AccountUpdateSchema).mutation(({ ctx, input }) => {
    const before = getManageableAccount(ctx);
    if (input.role !== undefined && input.role !== before.role) {
      if (before.id === ctx.user.id) throw new DomainError("CANNOT_CHANGE_OWN_ACCOUNT");
      assertMayManage(ctx, { taskForceId: before.taskForceId, place: placeOfUser(before), role: input.role }, before.id);
      if (!mayActOnAccountWithRole(ctx.user.actor, before.role)) {
        audit(ctx, { action: "access.denied", outcome: "denied", targetType: "user", targetId: before.id, details: { reason: "admin_role_change_by_peer" } });
        throw new DomainError("FORBIDDEN");
      }
    }
    const changes = {
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.position === undefined ? {} : { position: input.position }),
      ...(input.role === undefined ? {} : { role: input.role }),
    };
    const promoted = input.role === "central_admin" && before.role !== "central_admin";
    const now = ctx.now().getTime();
    const after = inTransaction(ctx, (tx) => {
      if (!updateUser(tx.db, { id: before.id, version: input.version, changes, now })) throw new DomainError("STALE_VERSION");
      // A central admin needs a 15-character password: the promoted account chooses one at its next
      // sign-in, and its open sessions (opened with the shorter one) end.
      if (promoted) {
        requirePasswordChange(tx.db, before.id, now);
        deleteSessionsOfUser(tx.db, before.id);
      }
      const row = findUserById(tx.db, before.id, todayOf(ctx))!;
      const diff = Object.fromEntries(
        (Object.keys(changes) as (keyof typeof changes)[]).filter((k) => before[k] !== row[k]).flatMap((k) => [[`${k}.before`, before[k]], [`${k}.after`, row[k]]]),
      );
      audit(tx, { action: "account.update", outcome: "success", targetType: "user", targetId: before.id, details: diff });
      return row;
    });
    return toAccount(after);
  }),

  /**
   * Deactivates (ending every session of the account) or reactivates an account. A regional admin
   * may reactivate only what a regional admin deactivated (mayReactivateAccount).
   */
  setActive: signedInProcedure
    .input(z.object({ id: AccountIdSchema, version: VersionSchema, active: z.boolean() }).strict())
    .mutation(({ ctx, input }) => {
      const before = getManageableAccount(ctx);
      if (before.id === ctx.user.id) throw new DomainError("CANNOT_CHANGE_OWN_ACCOUNT");
      if (!mayActOnAccountWithRole(ctx.user.actor, before.role)) {
        audit(ctx, { action: "access.denied", outcome: "denied", targetType: "user", targetId: before.id, details: { reason: "admin_deactivation_by_peer" } });
        throw new DomainError("FORBIDDEN");
      }
      // Undoing a deactivation follows who made it: the central secretariat's stands for regional admins.
      if (input.active && !before.active && !mayReactivateAccount(ctx.user.actor, findDeactivatorRole(ctx.db, before.id))) {
        audit(ctx, { action: "access.denied", outcome: "denied", targetType: "user", targetId: before.id, details: { reason: "reactivation_needs_central" } });
        throw new DomainError("REACTIVATION_NEEDS_CENTRAL");
      }
      const now = ctx.now().getTime();
      inTransaction(ctx, (tx) => {
        if (!updateUser(tx.db, { id: before.id, version: input.version, changes: { active: input.active }, now })) throw new DomainError("STALE_VERSION");
        const ended = input.active ? 0 : deleteSessionsOfUser(tx.db, before.id);
        // The deactivation names its author's role, which decides who may undo it (mayReactivateAccount).
        const details: Record<string, string | number> = input.active ? { sessionsEnded: ended } : { sessionsEnded: ended, byRole: ctx.user.role };
        audit(tx, { action: input.active ? "account.reactivate" : "account.deactivate", outcome: "success", targetType: "user", targetId: before.id, details });
      });
      return toAccount(findUserById(ctx.db, before.id, todayOf(ctx))!, input.active ? null : ctx.user.role);
    }),

  /**
   * Issues a new one-time password (shown once) and ends the account's sessions. A regional admin may
   * reset only members' passwords: resetting another admin's would let it act as that admin.
   */
  resetPassword: signedInProcedure.input(z.object({ id: AccountIdSchema }).strict()).mutation(async ({ ctx }) => {
    const target = getManageableAccount(ctx);
    if (target.id === ctx.user.id) throw new DomainError("CANNOT_CHANGE_OWN_ACCOUNT");
    if (!mayActOnAccountWithRole(ctx.user.actor, target.role)) {
      audit(ctx, { action: "access.denied", outcome: "denied", targetType: "user", targetId: target.id, details: { reason: "admin_reset_by_peer" } });
      throw new DomainError("FORBIDDEN");
    }
    const otp = await issueOneTimePassword(ctx);
    const now = ctx.now().getTime();
    inTransaction(ctx, (tx) => {
      setPassword(tx.db, { id: target.id, passwordHash: otp.passwordHash, singleUse: true, expiresAt: otp.expiresAt, now });
      const ended = deleteSessionsOfUser(tx.db, target.id);
      audit(tx, { action: "account.reset_password", outcome: "success", targetType: "user", targetId: target.id, details: { sessionsEnded: ended } });
    });
    return { account: toAccount(findUserById(ctx.db, target.id, todayOf(ctx))!), oneTimePassword: otp.password, expiresAt: otp.expiresAt };
  }),
} satisfies TRPCRouterRecord;
