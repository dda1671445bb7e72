import { deleteSessionsOfUser, findDeactivatorRole, findTaskForceOfEmail, findUserById, hasActiveRegionalAdmin, insertUser, listChildTaskForces, listTaskForcesWithActiveAdmin, listUsers, requirePasswordChange, setPassword, updateUser } from "@gugus/db";
import type { Db, UserRow } from "@gugus/db";
import {
  AccountCreateSchema,
  AccountUpdateSchema,
  DomainError,
  INITIAL_PASSWORD_LIFETIME_MS,
  TaskForceIdSchema,
  OptionalSearchQuerySchema,
  VersionSchema,
  accountTaskForceScopeOf,
  checkAccountCreation,
  checkAccountManagement,
  emailConflictCodeFor,
  mayActOnAccountWithRole,
  mayReactivateAccount,
} from "@gugus/domain";
import type { AccountCreate, Role, TaskForcePlace } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../audit.ts";
import { generateOneTimePassword, hashPassword } from "../auth/crypto.ts";
import { todayOf } from "../clock.ts";
import type { Context, SignedInUser } from "../context.ts";
import { writeAccountsListWorkbook } from "../export/accounts-workbook.ts";
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

/** A new one-time password, its hash and its expiry: the password itself is handed over once and never stored. */
export async function issueOneTimePassword(ctx: Pick<Context, "now">) {
  const password = generateOneTimePassword();
  const expiresAt = ctx.now().getTime() + INITIAL_PASSWORD_LIFETIME_MS;
  return { password, passwordHash: await hashPassword(password), expiresAt };
}
export type IssuedPassword = Awaited<ReturnType<typeof issueOneTimePassword>>;

/**
 * Inserts an account with its one-time password and audits its creation (never the password).
 * Undefined when the email is taken (nothing written).
 */
export function insertAccount(tx: Ctx, input: AccountCreate, otp: IssuedPassword): number | undefined {
  const created = insertUser(tx.db, { ...input, passwordHash: otp.passwordHash, mustChangePassword: true, passwordExpiresAt: otp.expiresAt, now: tx.now().getTime() });
  if (created === undefined) return undefined;
  audit(tx, { action: "account.create", outcome: "success", targetType: "user", targetId: created, details: { email: input.email, role: input.role, taskForceId: input.taskForceId } });
  return created;
}

/**
 * Throws unless the caller may create an account at this task force with this role: what it may
 * manage, or a province admin's first admin of a regency/city that has no active one yet (read
 * from `db`, so inside the write's transaction it is read again as the write sees it).
 */
function assertMayCreate(ctx: Ctx, db: Db, taskForce: { id: number; level: TaskForcePlace["level"]; regionCode: string | null }, role: Role): void {
  const verdict = checkAccountCreation(ctx.user.actor, { taskForceId: taskForce.id, place: { level: taskForce.level, regionCode: taskForce.regionCode }, role, hasActiveAdmin: hasActiveRegionalAdmin(db, taskForce.id) });
  if (verdict === "ok") return;
  audit(ctx, { action: "access.denied", outcome: "denied", targetType: "task_force", targetId: taskForce.id, details: { reason: verdict } });
  throw new DomainError(verdict === "NOT_FOUND" ? "TASK_FORCE_NOT_FOUND" : verdict);
}

/**
 * Throws unless the caller may deactivate or reactivate this account (it manages it, it is not its
 * own, a regional admin acts only on a member, a central deactivation is lifted centrally). Each
 * refusal is audited. `accounts.setActive` and `accountsBulk.setActive` share it.
 */
export function assertMaySetActive(ctx: Ctx, before: UserRow, active: boolean): void {
  assertMayManage(ctx, { taskForceId: before.taskForceId, place: placeOfUser(before), role: before.role }, before.id);
  if (before.id === ctx.user.id) throw new DomainError("CANNOT_CHANGE_OWN_ACCOUNT");
  if (!mayActOnAccountWithRole(ctx.user.actor, before.role)) {
    audit(ctx, { action: "access.denied", outcome: "denied", targetType: "user", targetId: before.id, details: { reason: "admin_deactivation_by_peer" } });
    throw new DomainError("FORBIDDEN");
  }
  // Undoing a deactivation follows who made it: the central secretariat's stands for regional admins.
  if (active && !before.active && !mayReactivateAccount(ctx.user.actor, findDeactivatorRole(ctx.db, before.id))) {
    audit(ctx, { action: "access.denied", outcome: "denied", targetType: "user", targetId: before.id, details: { reason: "reactivation_needs_central" } });
    throw new DomainError("REACTIVATION_NEEDS_CENTRAL");
  }
}

/** Writes a deactivation (ending the account's sessions) or a reactivation, with its audit row, inside `tx`. */
export function applySetActive(tx: Ctx, before: UserRow, { version, active }: { version: number; active: boolean }): void {
  if (!updateUser(tx.db, { id: before.id, version, changes: { active }, now: tx.now().getTime() })) throw new DomainError("STALE_VERSION");
  const ended = active ? 0 : deleteSessionsOfUser(tx.db, before.id);
  // The deactivation names its author's role, which decides who may undo it (mayReactivateAccount).
  const details: Record<string, string | number> = active ? { sessionsEnded: ended } : { sessionsEnded: ended, byRole: tx.user.role };
  audit(tx, { action: active ? "account.reactivate" : "account.deactivate", outcome: "success", targetType: "user", targetId: before.id, details });
}

/**
 * Throws unless the caller may issue a new one-time password to this account: it manages it, it is
 * not its own, and a regional admin resets only a member's. Shared by `accounts.resetPassword` and
 * `accountsBulk.resetPasswords`.
 */
export function assertMayResetPassword(ctx: Ctx, target: UserRow): void {
  assertMayManage(ctx, { taskForceId: target.taskForceId, place: placeOfUser(target), role: target.role }, target.id);
  if (target.id === ctx.user.id) throw new DomainError("CANNOT_CHANGE_OWN_ACCOUNT");
  if (!mayActOnAccountWithRole(ctx.user.actor, target.role)) {
    audit(ctx, { action: "access.denied", outcome: "denied", targetType: "user", targetId: target.id, details: { reason: "admin_reset_by_peer" } });
    throw new DomainError("FORBIDDEN");
  }
}

/** Stores a new one-time password's hash, ends the account's sessions and audits it (never the password), inside `tx`. */
export function applyResetPassword(tx: Ctx, target: UserRow, otp: IssuedPassword): void {
  setPassword(tx.db, { id: target.id, passwordHash: otp.passwordHash, singleUse: true, expiresAt: otp.expiresAt, now: tx.now().getTime() });
  const ended = deleteSessionsOfUser(tx.db, target.id);
  audit(tx, { action: "account.reset_password", outcome: "success", targetType: "user", targetId: target.id, details: { sessionsEnded: ended } });
}

/** The filters of the accounts list, shared by `accounts.list` and `accounts.exportXlsx`. */
export const AccountFiltersSchema = z.object({
  query: OptionalSearchQuerySchema.optional(),
  taskForceId: TaskForceIdSchema.optional(),
  active: z.boolean().optional(),
});
export type AccountFilters = z.infer<typeof AccountFiltersSchema>;

/**
 * The accounts the caller sees under these filters (its own task force's, from a province or a
 * regency/city; a filter on another task force finds none), a page at a time.
 */
export function listVisibleAccounts(ctx: Ctx, filters: AccountFilters, { limit, offset }: { limit: number; offset: number }): { rows: Account[]; total: number } {
  const own = accountTaskForceScopeOf(ctx.user.actor);
  if (own !== null && filters.taskForceId !== undefined && filters.taskForceId !== own) return { rows: [], total: 0 };
  const taskForceId = own ?? filters.taskForceId;
  const { rows, total } = listUsers(ctx.db, {
    today: todayOf(ctx),
    ...(taskForceId === undefined ? {} : { taskForceId }),
    ...(filters.query ? { query: filters.query } : {}),
    ...(filters.active === undefined ? {} : { active: filters.active }),
    limit,
    offset,
  });
  return { rows: rows.map((u) => toAccount(u, u.active ? null : findDeactivatorRole(ctx.db, u.id))), total };
}

/** The most accounts one list file holds (every account of a full roll-out, and room to spare). */
const EXPORT_MAX_ACCOUNTS = 20_000;

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
      const { rows, total } = listVisibleAccounts(ctx, input, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
      return { rows, total, page: input.page, pageSize: input.pageSize };
    }),

  /**
   * The accounts list as an XLSX file, as the caller sees it under the list's filters: a title, the
   * date, whose accounts it covers, labelled columns, in the reader's language.
   */
  exportXlsx: signedInProcedure
    .input(AccountFiltersSchema.extend({ language: z.enum(["id", "en"]).default("id") }).strict())
    .query(async ({ ctx, input }) => {
      const { rows } = listVisibleAccounts(ctx, input, { limit: EXPORT_MAX_ACCOUNTS, offset: 0 });
      const own = accountTaskForceScopeOf(ctx.user.actor) === null ? null : { level: ctx.user.actor.place.level, regionCode: ctx.user.actor.place.regionCode, regionName: ctx.user.taskForceRegionName };
      return writeAccountsListWorkbook({ rows, own, filters: { query: input.query, active: input.active }, now: ctx.now().getTime(), language: input.language });
    }),

  /**
   * A province's regencies/cities and whether each has an active regional admin: where its own
   * admin may create the first one (`accounts.create`, see checkFirstAdminCreation). Asked of
   * anything but a province, TASK_FORCE_NOT_PROVINCE.
   */
  firstAdmins: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema }).strict()).query(({ ctx }) => {
    const province = getTargetTaskForce(ctx);
    if (province.level !== "province") throw new DomainError("TASK_FORCE_NOT_PROVINCE");
    const regencies = listChildTaskForces(ctx.db, province, todayOf(ctx));
    const withAdmin = listTaskForcesWithActiveAdmin(ctx.db, regencies.map((r) => r.id));
    return {
      province: { id: province.id, regionCode: province.regionCode, regionName: province.regionName },
      regencies: regencies.map((r) => ({ id: r.id, level: r.level, regionCode: r.regionCode, regionName: r.regionName, hasActiveAdmin: withAdmin.has(r.id) })),
    };
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
    assertMayCreate(ctx, ctx.db, taskForce, input.role);
    const otp = await issueOneTimePassword(ctx);
    const id = inTransaction(ctx, (tx) => {
      // A regency's first admin: asked again as the write sees the accounts (two province admins at once make one).
      if (checkAccountManagement(ctx.user.actor, { taskForceId: taskForce.id, place: { level: taskForce.level, regionCode: taskForce.regionCode }, role: input.role }) !== "ok") {
        assertMayCreate(ctx, tx.db, taskForce, input.role);
      }
      return insertAccount(tx, input, otp);
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
      const before = getTargetAccount(ctx);
      assertMaySetActive(ctx, before, input.active);
      inTransaction(ctx, (tx) => applySetActive(tx, before, input));
      return toAccount(findUserById(ctx.db, before.id, todayOf(ctx))!, input.active ? null : ctx.user.role);
    }),

  /**
   * Issues a new one-time password (shown once) and ends the account's sessions. A regional admin may
   * reset only members' passwords: resetting another admin's would let it act as that admin.
   */
  resetPassword: signedInProcedure.input(z.object({ id: AccountIdSchema }).strict()).mutation(async ({ ctx }) => {
    const target = getTargetAccount(ctx);
    assertMayResetPassword(ctx, target);
    const otp = await issueOneTimePassword(ctx);
    inTransaction(ctx, (tx) => applyResetPassword(tx, target, otp));
    return { account: toAccount(findUserById(ctx.db, target.id, todayOf(ctx))!), oneTimePassword: otp.password, expiresAt: otp.expiresAt };
  }),
} satisfies TRPCRouterRecord;
