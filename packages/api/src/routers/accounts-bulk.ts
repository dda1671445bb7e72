/**
 * Accounts at scale: a file of accounts checked row by row and saved all or nothing, with the
 * one-time passwords handed back once as a file; and several accounts deactivated, reactivated or
 * given new one-time passwords at once, each under the same rules as one at a time.
 */
import { findEmailHolders, findUserById, listTaskForces } from "@gugus/db";
import type { Db } from "@gugus/db";
import { BULK_ACCOUNTS_MAX_ROWS, DomainError, ImportFileNameSchema, VersionSchema, accountsToCreate, checkBulkAccounts, readBulkAccountTable } from "@gugus/domain";
import type { AccountCreate, BulkAccountResult, BulkTaskForce } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../audit.ts";
import { todayOf } from "../clock.ts";
import type { Context, SignedInUser } from "../context.ts";
import { writeOneTimePasswordsWorkbook } from "../export/accounts-workbook.ts";
import type { IssuedAccountPassword } from "../export/accounts-workbook.ts";
import { readTable } from "../import/parse-file.ts";
import { resolveTarget } from "../scope.ts";
import { signedInProcedure } from "../trpc.ts";
import { applyResetPassword, applySetActive, assertMayResetPassword, assertMaySetActive, insertAccount, issueOneTimePassword, toAccount } from "./accounts.ts";
import type { IssuedPassword } from "./accounts.ts";

type Ctx = Context & { user: SignedInUser };

/** A file as sent: its name (kept in the audit log) and its bytes as base64 (the server's body limit is 1 MiB). */
const FileSchema = z.object({ fileName: ImportFileNameSchema, contentBase64: z.string().max(1_400_000) }).strict();
const LanguageSchema = z.enum(["id", "en"]).default("id");

/** The most accounts one bulk action takes. */
const BULK_ACTION_MAX = 500;
const AccountIdsSchema = z
  .array(z.number({ error: "ACCOUNT_NOT_FOUND" }).int().positive().max(2 ** 31 - 1), { error: "ACCOUNT_SELECTION_INVALID" })
  .min(1, { error: "ACCOUNT_SELECTION_INVALID" })
  .max(BULK_ACTION_MAX, { error: "ACCOUNT_SELECTION_INVALID" })
  .refine((ids) => new Set(ids).size === ids.length, { error: "ACCOUNT_SELECTION_INVALID" });

/** The file's rows; a reader's "too many rows" is the whole file's FILE_TOO_MANY_ROWS, nothing checked further. */
async function readAccountsFile(input: z.infer<typeof FileSchema>) {
  try {
    // Formulas read as formulas (`=…`), so the check refuses them rather than storing their last value.
    const table = await readTable(input.fileName, Buffer.from(input.contentBase64, "base64"), { maxRows: BULK_ACCOUNTS_MAX_ROWS + 1, formulas: true });
    return readBulkAccountTable(table);
  } catch (error) {
    if (error instanceof DomainError && error.code === "IMPORT_FILE_INVALID" && error.details.reason === "too_many_rows") throw new DomainError("FILE_TOO_MANY_ROWS", { max: BULK_ACCOUNTS_MAX_ROWS });
    throw error;
  }
}

/** Checks every row against the database as `db` sees it: the task forces today, the emails already used. */
function checkFile(ctx: Ctx, db: Db, rows: ReturnType<typeof readBulkAccountTable>): BulkAccountResult[] {
  const byRegion = new Map<string, BulkTaskForce>(
    listTaskForces(db, { at: todayOf(ctx) }).map((tf) => [tf.regionCode ?? "", { taskForceId: tf.id, place: { level: tf.level, regionCode: tf.regionCode }, name: tf.regionName }]),
  );
  const holders = findEmailHolders(
    db,
    rows.map((r) => r.email.trim().toLowerCase()),
  );
  return checkBulkAccounts(rows, { actor: ctx.user.actor, taskForceOf: (code) => byRegion.get(code ?? ""), emailHolderOf: (email) => holders.get(email) });
}

/** A checked row as the apps see it. */
const publicRow = (r: BulkAccountResult) => ({
  row: r.row,
  email: r.email,
  name: r.name,
  regionCode: r.regionCode,
  taskForceName: r.taskForceName,
  role: r.role,
  problems: r.problems,
});

/** The file's name as the audit log keeps it. */
const fileLabel = (name: string) => name.slice(0, 100);

/**
 * Reads back what the file created, with the passwords just issued, as the file lists them: in the
 * file's order, each with its task force's place today.
 */
function issued(ctx: Ctx, created: { id: number; otp: IssuedPassword }[]): IssuedAccountPassword[] {
  const today = todayOf(ctx);
  return created.map(({ id, otp }) => {
    const u = findUserById(ctx.db, id, today)!;
    return { email: u.email, name: u.name, taskForce: { level: u.taskForceLevel, regionCode: u.taskForceRegionCode, regionName: u.taskForceRegionName }, password: otp.password, expiresAt: otp.expiresAt };
  });
}

/** The accounts a bulk action names, each one the caller may see (else ACCOUNT_NOT_FOUND, audited, as for one). */
function visibleAccounts(ctx: Ctx, ids: readonly number[]) {
  return ids.map((id) => resolveTarget(ctx, { access: "accounts.manage", scope: "account" }, { id }).account!);
}

export const accountsBulkRouter = {
  /**
   * Reads a CSV or XLSX file of accounts and checks every row (see checkBulkAccounts): each row with
   * its problems as codes. Writes nothing.
   */
  check: signedInProcedure.input(FileSchema).mutation(async ({ ctx, input }) => {
    const rows = await readAccountsFile(input);
    const results = checkFile(ctx, ctx.db, rows);
    return { rows: results.map(publicRow), total: results.length, failing: results.filter((r) => r.problems.length > 0).length };
  }),

  /**
   * Creates every account of the file, all or nothing: the file is read again and every row checked
   * again inside the write's transaction; any row with a problem and nothing is created
   * (IMPORT_HAS_ERRORS, the refusal audited). Each account is audited as `accounts.create` audits
   * one, and the file once (`account.bulk_create`). The answer holds the accounts and their one-time
   * passwords as an XLSX file: this once, never stored, never logged.
   */
  commit: signedInProcedure.input(FileSchema.extend({ language: LanguageSchema }).strict()).mutation(async ({ ctx, input }) => {
    const rows = await readAccountsFile(input);
    const refuse = (results: BulkAccountResult[]): never => {
      const failing = results.filter((r) => r.problems.length > 0);
      audit(ctx, {
        action: "account.bulk_create",
        outcome: "failure",
        targetType: "file",
        targetId: fileLabel(input.fileName),
        details: { rows: results.length, failing: failing.length, emailUnavailable: failing.filter((r) => r.problems.some((p) => p.code === "EMAIL_UNAVAILABLE")).length },
      });
      throw new DomainError("IMPORT_HAS_ERRORS", { rows: failing.length, first: failing[0]?.row ?? 0 });
    };
    const first = checkFile(ctx, ctx.db, rows);
    const planned = accountsToCreate(first);
    if (planned === null) return refuse(first);
    // The hashing is slow on purpose: it runs before the write, which then holds the database briefly.
    const passwords = await Promise.all(planned.map(() => issueOneTimePassword(ctx)));
    const outcome = inTransaction(ctx, (tx) => {
      const again = checkFile(ctx, tx.db, rows);
      const accounts: AccountCreate[] | null = accountsToCreate(again);
      if (accounts === null || accounts.length !== planned.length) return { refused: again, created: null };
      const created = accounts.map((account, i) => {
        const id = insertAccount(tx, account, passwords[i]!);
        if (id === undefined) throw new DomainError("EMAIL_TAKEN", { row: again[i]!.row });
        return { id, otp: passwords[i]! };
      });
      audit(tx, { action: "account.bulk_create", outcome: "success", targetType: "file", targetId: fileLabel(input.fileName), details: { rows: accounts.length, created: created.length } });
      return { refused: null, created };
    });
    if (outcome.created === null) return refuse(outcome.refused);
    const now = ctx.now().getTime();
    const list = issued(ctx, outcome.created);
    return {
      created: outcome.created.map(({ id }) => toAccount(findUserById(ctx.db, id, todayOf(ctx))!)),
      file: await writeOneTimePasswordsWorkbook({ accounts: list, kind: "created", now, language: input.language }),
    };
  }),

  /**
   * Deactivates or reactivates several accounts, all or nothing: each under the rules of
   * `accounts.setActive` (the first refusal refuses them all, nothing written), each audited.
   */
  setActive: signedInProcedure
    .input(z.object({ accounts: z.array(z.object({ id: z.number().int().positive().max(2 ** 31 - 1), version: VersionSchema }).strict()).min(1, { error: "ACCOUNT_SELECTION_INVALID" }).max(BULK_ACTION_MAX, { error: "ACCOUNT_SELECTION_INVALID" }), active: z.boolean() }).strict())
    .mutation(({ ctx, input }) => {
      const ids = input.accounts.map((a) => a.id);
      if (new Set(ids).size !== ids.length) throw new DomainError("ACCOUNT_SELECTION_INVALID");
      const targets = visibleAccounts(ctx, ids);
      for (const t of targets) assertMaySetActive(ctx, t, input.active);
      inTransaction(ctx, (tx) => targets.forEach((t, i) => applySetActive(tx, t, { version: input.accounts[i]!.version, active: input.active })));
      const today = todayOf(ctx);
      return { accounts: targets.map((t) => toAccount(findUserById(ctx.db, t.id, today)!, input.active ? null : ctx.user.role)) };
    }),

  /**
   * Issues new one-time passwords to several accounts, all or nothing: each under the rules of
   * `accounts.resetPassword` (sessions end, each audited, never the password). The answer holds them
   * as an XLSX file, this once.
   */
  resetPasswords: signedInProcedure.input(z.object({ ids: AccountIdsSchema, language: LanguageSchema }).strict()).mutation(async ({ ctx, input }) => {
    const targets = visibleAccounts(ctx, input.ids);
    for (const t of targets) assertMayResetPassword(ctx, t);
    const passwords = await Promise.all(targets.map(() => issueOneTimePassword(ctx)));
    inTransaction(ctx, (tx) => targets.forEach((t, i) => applyResetPassword(tx, t, passwords[i]!)));
    const list = issued(
      ctx,
      targets.map((t, i) => ({ id: t.id, otp: passwords[i]! })),
    );
    const today = todayOf(ctx);
    return {
      accounts: targets.map((t) => toAccount(findUserById(ctx.db, t.id, today)!)),
      file: await writeOneTimePasswordsWorkbook({ accounts: list, kind: "reset", now: ctx.now().getTime(), language: input.language }),
    };
  }),
} satisfies TRPCRouterRecord;
