import {
  countRecentFailures,
  deleteSession,
  deleteSessionsOfUser,
  deleteStaleSessions,
  consumeOneTimePassword,
  findPasswordHash,
  findSessionByTokenHash,
  findUserById,
  findMfaFactor,
  findUserForSignIn,
  insertSession,
  markSignInSucceeded,
  pruneSignInAttempts,
  recordSignInAttempt,
  setPassword,
} from "@gugus/db";
import type { UserRow } from "@gugus/db";
import {
  DomainError,
  PASSWORD_MAX_LENGTH,
  SESSION_ABSOLUTE_LIFETIME_MS,
  SESSION_IDLE_TIMEOUT_MS,
  THROTTLE,
  checkPassword,
  isSignInThrottled,
  mfaRequiredFor,
  secondFactorStateOf,
} from "@gugus/domain";
import type { SecondFactorState } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../audit.ts";
import { commonPasswords } from "../auth/common-passwords.ts";
import { SESSION_COOKIE_MAX_AGE_SECONDS, sessionCookieName } from "../auth/cookies.ts";
import { generateSessionToken, hashPassword, sha256, verifyPassword } from "../auth/crypto.ts";
import { todayOf } from "../clock.ts";
import type { Context } from "../context.ts";
import { isSyntheticData } from "../demo/marker.ts";
import { forgetResolvedSession, publicProcedure, signedInProcedure } from "../trpc.ts";

/**
 * What the apps know of the signed-in account, whether this instance holds synthetic
 * (demonstration) data, and where the session stands with the second factor.
 */
export function toMe(u: UserRow, { syntheticData, secondFactor }: { syntheticData: boolean; secondFactor: SecondFactorState }) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    position: u.position,
    role: u.role,
    mustChangePassword: u.mustChangePassword,
    taskForce: { id: u.taskForceId, level: u.taskForceLevel, regionCode: u.taskForceRegionCode, regionName: u.taskForceRegionName },
    syntheticData,
    secondFactor,
  };
}
export type Me = ReturnType<typeof toMe>;

/** Sign-in input: checked loosely, so every bad combination gets the same answer. */
const SignInSchema = z
  .object({
    email: z.string().trim().toLowerCase().min(1).max(254),
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH * 4),
  })
  .strict();

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Checks the throttles (the account from this address, the account from everywhere, this address
 * against every account), then writes this attempt as a failure — all before any waiting, so
 * attempts made at the same moment count each other. Returns the attempt's id (to mark it a
 * success) or throws SIGN_IN_THROTTLED, which does not say how long to wait.
 */
export function admitAttempt(ctx: Context, emailHash: string): number {
  const now = ctx.now().getTime();
  const since = now - THROTTLE.windowMs;
  const ip = ctx.client.ip;
  const throttled = isSignInThrottled({
    accountAtAddress: countRecentFailures(ctx.db, { emailHash, ip, since }),
    account: countRecentFailures(ctx.db, { emailHash, since }),
    address: countRecentFailures(ctx.db, { ip, since }),
    now,
  });
  // Refused attempts are not audited one by one: the throttle bounds how many failures reach the log.
  if (throttled) throw new DomainError("SIGN_IN_THROTTLED");
  return recordSignInAttempt(ctx.db, { at: now, emailHash, ip, success: false });
}

export const authRouter = {
  /**
   * Signs in with email and password. An unknown email, a wrong password and an inactive account get
   * the same answer in about the same time (a dummy hash is verified). Failures slow down per account
   * and per address, without a hard lockout; one sign-in per request.
   */
  signIn: publicProcedure.input(SignInSchema).mutation(async ({ ctx, input }) => {
    if (ctx.requestState.signIns++ > 0) throw new DomainError("SIGN_IN_THROTTLED");
    const now = ctx.now().getTime();
    const today = todayOf(ctx);
    const emailHash = ctx.hashEmail(input.email);
    const attemptId = admitAttempt(ctx, emailHash);
    pruneSignInAttempts(ctx.db, now - DAY_MS);

    const user = findUserForSignIn(ctx.db, input.email, today);
    const passwordOk = await verifyPassword(user?.passwordHash, input.password);
    const fail = (reason: string, code: "SIGN_IN_FAILED" | "INITIAL_PASSWORD_EXPIRED" = "SIGN_IN_FAILED"): never => {
      audit(ctx, { action: "auth.sign_in", outcome: "failure", actorUserId: user?.id ?? null, actorLabel: user?.email ?? null, details: { reason } });
      throw new DomainError(code);
    };
    if (!user || !passwordOk) return fail(user ? "wrong_password" : "unknown_email");

    // Everything from here on runs without waiting: the account is read again, and the session is
    // written only if the password checked above is still the account's (no change in between).
    const current = findUserForSignIn(ctx.db, input.email, today);
    if (!current || current.passwordChangedAt !== user.passwordChangedAt || current.passwordHash !== user.passwordHash) return fail("password_changed");
    if (!current.active) return fail("inactive");
    if (current.mustChangePassword && current.passwordExpiresAt !== null && current.passwordExpiresAt <= now) {
      return fail("one_time_password_used_or_expired", "INITIAL_PASSWORD_EXPIRED");
    }

    // The session and its audit row are written together, with the attempt marked a success.
    const cookie = sessionCookieName(ctx.secure);
    const token = generateSessionToken();
    const oneTime = current.mustChangePassword && user.passwordExpiresAt !== null ? user.passwordExpiresAt : null;
    const opened = inTransaction(ctx, (tx) => {
      // A one-time password works once: from now on only this session may use it to set a new one.
      // Spent by a conditional update of the expiry read before the password was checked: of
      // sign-ins racing with it, exactly one changes the row, and the others open nothing.
      if (oneTime !== null && !consumeOneTimePassword(tx.db, { id: current.id, passwordHash: user.passwordHash, expiresAt: oneTime, now })) return false;
      markSignInSucceeded(tx.db, attemptId);
      deleteStaleSessions(tx.db, { lastSeenBefore: now - SESSION_IDLE_TIMEOUT_MS, createdBefore: now - SESSION_ABSOLUTE_LIFETIME_MS });
      // A new token at every sign-in; any session the browser still carried is ended.
      const previous = ctx.cookies.get(cookie);
      if (previous && previous.length <= 128) {
        const old = findSessionByTokenHash(tx.sqlite, sha256(previous), today);
        if (old) deleteSession(tx.db, old.session.id);
      }
      insertSession(tx.db, { tokenHash: sha256(token), userId: current.id, now, ip: ctx.client.ip, userAgent: ctx.client.userAgent });
      audit(tx, { action: "auth.sign_in", outcome: "success", actorUserId: current.id, actorLabel: current.email });
      return true;
    });
    if (!opened) return fail("one_time_password_used_or_expired", "INITIAL_PASSWORD_EXPIRED");
    ctx.cookies.set(cookie, token, { maxAgeSeconds: SESSION_COOKIE_MAX_AGE_SECONDS });
    forgetResolvedSession(ctx);
    // The session is open but, for an account with or needing a second factor, not yet verified.
    const signedIn = findUserById(ctx.db, current.id, today)!;
    const secondFactor = secondFactorStateOf({
      required: mfaRequiredFor({ role: signedIn.role, level: signedIn.taskForceLevel }),
      confirmed: (findMfaFactor(ctx.db, signedIn.id)?.confirmedAt ?? null) !== null,
      verified: false,
    });
    return toMe(signedIn, { syntheticData: isSyntheticData(ctx), secondFactor });
  }),

  /** Ends this session. */
  signOut: signedInProcedure.mutation(({ ctx }) => {
    inTransaction(ctx, (tx) => {
      deleteSession(tx.db, ctx.user.sessionId);
      audit(tx, { action: "auth.sign_out", outcome: "success" });
    });
    ctx.cookies.clear(sessionCookieName(ctx.secure));
    forgetResolvedSession(ctx);
    return { ok: true as const };
  }),

  /** The signed-in account, and what the session still needs of the second factor. */
  me: signedInProcedure.query(({ ctx }) => toMe(ctx.user, { syntheticData: isSyntheticData(ctx), secondFactor: ctx.user.secondFactor })),

  /** What anyone may know of this instance before signing in: whether it holds synthetic (demonstration) data. */
  instance: publicProcedure.query(({ ctx }) => ({ syntheticData: isSyntheticData(ctx) })),

  /**
   * Changes one's own password: the current one must be right (wrong guesses are throttled like
   * sign-ins), the new one must follow the rules (length by role, not common or breached, not made of
   * one's name, email or this service's words). Other sessions of the account end. Before the
   * second factor is given, only a one-time password may be changed (that comes first).
   */
  changePassword: signedInProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH * 4), newPassword: z.string().max(PASSWORD_MAX_LENGTH * 4) }).strict())
    .mutation(async ({ ctx, input }) => {
      const user = ctx.user;
      if (!user.mustChangePassword && user.secondFactor === "verify") throw new DomainError("MFA_REQUIRED");
      if (!user.mustChangePassword && user.secondFactor === "enrol") throw new DomainError("MFA_ENROLMENT_REQUIRED");
      const attemptId = admitAttempt(ctx, ctx.hashEmail(user.email));
      const hashBefore = findPasswordHash(ctx.db, user.id);
      const ok = await verifyPassword(hashBefore, input.currentPassword);
      if (!ok) {
        audit(ctx, { action: "auth.change_password", outcome: "failure", details: { reason: "current_password_wrong" } });
        throw new DomainError("CURRENT_PASSWORD_WRONG");
      }
      markSignInSucceeded(ctx.db, attemptId);
      const problem = checkPassword(input.newPassword, { role: user.role, commonPasswords: commonPasswords(), personal: [user.email, user.name] });
      if (problem) throw new DomainError(problem);
      if (input.newPassword.normalize("NFC") === input.currentPassword.normalize("NFC")) throw new DomainError("PASSWORD_SAME");
      const passwordHash = await hashPassword(input.newPassword);
      const now = ctx.now().getTime();
      inTransaction(ctx, (tx) => {
        // Someone changed it meanwhile (another tab, an admin reset): the one who came second retries.
        if (findPasswordHash(tx.db, user.id) !== hashBefore) throw new DomainError("STALE_VERSION");
        setPassword(tx.db, { id: user.id, passwordHash, singleUse: false, expiresAt: null, now });
        deleteSessionsOfUser(tx.db, user.id, { except: user.sessionId });
        audit(tx, { action: "auth.change_password", outcome: "success" });
      });
      forgetResolvedSession(ctx);
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
