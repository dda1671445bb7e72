/**
 * Resetting a second factor from the command line (`pnpm cli mfa-reset <email>`), for when no other
 * central admin can: the factor and its recovery codes are removed, the account's sessions end, and
 * the log names the operator's channel (`cli`) as the actor.
 */
import { appendAudit, findUserForSignIn } from "@gugus/db";
import type { Db } from "@gugus/db";
import { DomainError, EmailSchema, todayAt } from "@gugus/domain";
import { resetSecondFactor } from "./routers/mfa.ts";

/** Removes the second factor of the account with this email. Throws ACCOUNT_NOT_FOUND or MFA_NOT_ENROLLED. */
export function resetSecondFactorByEmail(db: Db, { email, now, by }: { email: string; now: Date; by: string }): { sessionsEnded: number } {
  const account = findUserForSignIn(db, EmailSchema.parse(email), todayAt(now, null));
  if (!account) throw new DomainError("ACCOUNT_NOT_FOUND");
  return db.transaction((tx) => {
    const { hadFactor, sessionsEnded } = resetSecondFactor(tx, account.id);
    if (!hadFactor) throw new DomainError("MFA_NOT_ENROLLED");
    appendAudit(tx, { at: now.getTime(), actorUserId: null, actorLabel: by, action: "mfa.reset", outcome: "success", targetType: "user", targetId: account.id, ip: null, details: { sessionsEnded } });
    return { sessionsEnded };
  });
}
