/**
 * Resetting a second factor from the command line (`pnpm cli mfa-reset <email>`), for when no other
 * central admin can: the factor and its recovery codes are removed, the account's sessions end, it
 * gets a one-time password for the operator to hand over (as `mfa.reset` does), and the log names
 * the operator's channel (`cli`) as the actor.
 */
import { appendAudit, findUserForSignIn } from "@gugus/db";
import type { Db } from "@gugus/db";
import { DomainError, EmailSchema, todayAt } from "@gugus/domain";
import { issueOneTimePassword } from "./routers/accounts.ts";
import { resetSecondFactor } from "./routers/mfa.ts";

/** Removes the second factor of the account with this email. Throws ACCOUNT_NOT_FOUND or MFA_NOT_ENROLLED. */
export async function resetSecondFactorByEmail(db: Db, { email, now, by }: { email: string; now: Date; by: string }): Promise<{ sessionsEnded: number; oneTimePassword: string; expiresAt: number }> {
  const account = findUserForSignIn(db, EmailSchema.parse(email), todayAt(now, null));
  if (!account) throw new DomainError("ACCOUNT_NOT_FOUND");
  const otp = await issueOneTimePassword({ now: () => now });
  const sessionsEnded = db.transaction((tx) => {
    const reset = resetSecondFactor(tx, { userId: account.id, otp, now: now.getTime() });
    if (!reset.hadFactor) throw new DomainError("MFA_NOT_ENROLLED");
    appendAudit(tx, { at: now.getTime(), actorUserId: null, actorLabel: by, action: "mfa.reset", outcome: "success", targetType: "user", targetId: account.id, ip: null, details: { sessionsEnded: reset.sessionsEnded, passwordReissued: true } });
    return reset.sessionsEnded;
  });
  return { sessionsEnded, oneTimePassword: otp.password, expiresAt: otp.expiresAt };
}
