/** Sign-in attempts (throttling). The audit log is in audit.ts. */
import { and, eq, gt, gte, lt, max, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { signInAttempts } from "../schema.ts";

/** Records an attempt and returns its id (an attempt is first written as a failure, then marked a success). */
export function recordSignInAttempt(db: Db, a: { at: number; emailHash: string; ip: string; success: boolean }): number {
  return db.insert(signInAttempts).values(a).returning({ id: signInAttempts.id }).get().id;
}

/** Marks a recorded attempt as a success. */
export function markSignInSucceeded(db: Db, id: number): void {
  db.update(signInAttempts).set({ success: true }).where(eq(signInAttempts.id, id)).run();
}

/**
 * Failures within the window under one key — an email hash, a client address, or both together —
 * with the time of the latest one. When the key names an account (alone or with an address), a
 * success under the same key wipes the slate (failures before it do not count): the real user's
 * success at home does not clear a guesser's count at another address. For an address alone they
 * all count, so one good account does not hide guesses at others.
 */
export function countRecentFailures(
  db: Db,
  { emailHash, ip, since }: { emailHash?: string; ip?: string; since: number },
): { failures: number; lastFailureAt: number | null } {
  if (emailHash === undefined && ip === undefined) throw new Error("countRecentFailures needs an email hash, an address or both");
  const key = and(emailHash === undefined ? undefined : eq(signInAttempts.emailHash, emailHash), ip === undefined ? undefined : eq(signInAttempts.ip, ip));
  const lastSuccess =
    emailHash === undefined
      ? undefined
      : db
          .select({ at: max(signInAttempts.at) })
          .from(signInAttempts)
          .where(and(key, eq(signInAttempts.success, true), gte(signInAttempts.at, since)))
          .get()?.at;
  const row = db
    .select({ failures: sql<number>`count(*)`, last: max(signInAttempts.at) })
    .from(signInAttempts)
    .where(and(key, eq(signInAttempts.success, false), gt(signInAttempts.at, Math.max(since, lastSuccess ?? since))))
    .get();
  return { failures: row?.failures ?? 0, lastFailureAt: row?.last ?? null };
}

/** Forgets attempts older than an instant. */
export function pruneSignInAttempts(db: Db, before: number): number {
  return db.delete(signInAttempts).where(lt(signInAttempts.at, before)).run().changes;
}
