/**
 * The first central admin. There are no default accounts: on an empty database the server (or the
 * command `create-admin`) creates one with a random one-time password, shown once, which must be
 * changed at the first sign-in and expires after 72 hours.
 */
import { appendAudit, countUsers, findTaskForceByRegion, findUserById, insertUser } from "@gugus/db";
import type { Db } from "@gugus/db";
import { DomainError, EmailSchema, INITIAL_PASSWORD_LIFETIME_MS, PersonNameSchema, todayAt } from "@gugus/domain";
import { generateOneTimePassword, hashPassword } from "./auth/crypto.ts";
import { toAccount } from "./routers/accounts.ts";

export type CreatedAdmin = { account: ReturnType<typeof toAccount>; oneTimePassword: string; expiresAt: number };

/** Creates a central admin on the national task force with a one-time password. Throws EMAIL_TAKEN. */
export async function createCentralAdmin(db: Db, { email, name, now, by }: { email: string; name: string; now: Date; by: string }): Promise<CreatedAdmin> {
  const cleanEmail = EmailSchema.parse(email);
  const cleanName = PersonNameSchema.parse(name);
  const today = todayAt(now, null);
  const national = findTaskForceByRegion(db, null, today);
  if (!national) throw new Error("the national task force is missing: seed the database first");
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const expiresAt = now.getTime() + INITIAL_PASSWORD_LIFETIME_MS;
  const id = insertUser(db, {
    email: cleanEmail,
    name: cleanName,
    position: "Administrator",
    taskForceId: national.id,
    role: "central_admin",
    passwordHash,
    mustChangePassword: true,
    passwordExpiresAt: expiresAt,
    now: now.getTime(),
  });
  if (id === undefined) throw new DomainError("EMAIL_TAKEN");
  appendAudit(db, { at: now.getTime(), actorUserId: null, actorLabel: by, action: "account.create", outcome: "success", targetType: "user", targetId: id, ip: null, details: { role: "central_admin", bootstrap: true } });
  return { account: toAccount(findUserById(db, id, today)!), oneTimePassword, expiresAt };
}

/** Creates the first central admin when the database has no account at all; otherwise does nothing. */
export async function ensureFirstAdmin(db: Db, { email, now }: { email: string; now: Date }): Promise<CreatedAdmin | null> {
  if (countUsers(db) > 0) return null;
  return createCentralAdmin(db, { email, name: "Administrator Pusat", now, by: "first start" });
}
