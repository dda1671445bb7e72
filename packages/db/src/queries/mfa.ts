/** Second factors (TOTP secrets, kept encrypted by the api), their recovery codes (hashes only), and a session's second-factor time. */
import { and, count, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "../client.ts";
import { mfaFactors, recoveryCodes, sessions } from "../schema.ts";

export type MfaFactorRow = { userId: number; secret: string; confirmedAt: number | null; lastStep: number; createdAt: number };

/** Where a session stands: when its second factor was given (null: not yet), and its account's factor, if any. */
export type SessionSecondFactor = { verifiedAt: number | null; factor: { confirmedAt: number | null } | null };

/** Marks the second factor given in this session. */
export function markSessionSecondFactor(db: Db, sessionId: number, now: number): void {
  db.update(sessions).set({ mfaVerifiedAt: now }).where(eq(sessions.id, sessionId)).run();
}

export function findMfaFactor(db: Db, userId: number): MfaFactorRow | undefined {
  return db.select().from(mfaFactors).where(eq(mfaFactors.userId, userId)).get();
}

/**
 * Starts an enrolment: a new unconfirmed factor, replacing one still unconfirmed. Returns false
 * (nothing written) when the account already has a confirmed factor.
 */
export function savePendingMfaFactor(db: Db, { userId, secret, now }: { userId: number; secret: string; now: number }): boolean {
  db.delete(mfaFactors).where(and(eq(mfaFactors.userId, userId), isNull(mfaFactors.confirmedAt))).run();
  const inserted = db.insert(mfaFactors).values({ userId, secret, confirmedAt: null, lastStep: 0, createdAt: now }).onConflictDoNothing().run();
  return inserted.changes === 1;
}

/** Confirms a pending factor with the step of the code that proved it; false when there was none pending. */
export function confirmMfaFactor(db: Db, { userId, step, now }: { userId: number; step: number; now: number }): boolean {
  return (
    db
      .update(mfaFactors)
      .set({ confirmedAt: now, lastStep: step })
      .where(and(eq(mfaFactors.userId, userId), isNull(mfaFactors.confirmedAt), lt(mfaFactors.lastStep, step)))
      .run().changes === 1
  );
}

/**
 * Spends a code's step: the factor's last step moves to it only if it is later than the last one,
 * so of two requests with the same code exactly one succeeds.
 */
export function advanceMfaStep(db: Db, { userId, step }: { userId: number; step: number }): boolean {
  return db.update(mfaFactors).set({ lastStep: step }).where(and(eq(mfaFactors.userId, userId), lt(mfaFactors.lastStep, step))).run().changes === 1;
}

/** Removes an account's factor and its recovery codes; returns whether there was a factor. */
export function deleteMfaFactor(db: Db, userId: number): boolean {
  db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  return db.delete(mfaFactors).where(eq(mfaFactors.userId, userId)).run().changes === 1;
}

/** Replaces an account's recovery codes (used or not) by new ones, given as hashes. */
export function replaceRecoveryCodes(db: Db, { userId, codeHashes, now }: { userId: number; codeHashes: readonly string[]; now: number }): void {
  db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  if (codeHashes.length > 0) db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash, usedAt: null, createdAt: now }))).run();
}

/** Spends a recovery code of the account: true when it was one of its unused codes (now used). */
export function spendRecoveryCode(db: Db, { userId, codeHash, now }: { userId: number; codeHash: string; now: number }): boolean {
  return (
    db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
      .run().changes === 1
  );
}

/** How many unused recovery codes the account has left. */
export function countUnusedRecoveryCodes(db: Db, userId: number): number {
  return db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))).get()?.n ?? 0;
}
