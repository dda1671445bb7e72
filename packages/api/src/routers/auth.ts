import {
  countRecentFailures,
  deleteSession,
  deleteSessionsOfUser,
  findPasswordHash,
  findSessionByTokenHash,
  findUserForSignIn,
  insertSession,
  pruneSignInAttempts,
  recordSignInAttempt,
  setPassword,
} from "@gugus/db";
import type { UserRow } from "@gugus/db";
import { DomainError, PASSWORD_MAX_LENGTH, THROTTLE, checkPassword, throttleWaitMs } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit } from "../audit.ts";
import { commonPasswords } from "../auth/common-passwords.ts";
import { SESSION_COOKIE_MAX_AGE_SECONDS, sessionCookieName } from "../auth/cookies.ts";
import { generateSessionToken, hashPassword, sha256, verifyPassword } from "../auth/crypto.ts";
import { forgetResolvedSession, publicProcedure, signedInProcedure } from "../trpc.ts";

/** What the apps know of the signed-in account. */
export function toMe(u: UserRow) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    position: u.position,
    role: u.role,
    mustChangePassword: u.mustChangePassword,
    taskForce: { id: u.taskForceId, level: u.taskForceLevel, regionCode: u.taskForceRegionCode, regionName: u.taskForceRegionName },
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

export const authRouter = {
  /**
   * Signs in with email and password. An unknown email, a wrong password and an inactive account get
   * the same answer in about the same time (a dummy hash is verified). Repeated failures slow down
   * per account and per address, without a hard lockout.
   */
  signIn: publicProcedure.input(SignInSchema).mutation(async ({ ctx, input }) => {
    const now = ctx.now().getTime();
    const since = now - THROTTLE.windowMs;
    const emailHash = sha256(input.email);
    const perAccount = countRecentFailures(ctx.db, { emailHash, since });
    const perAddress = countRecentFailures(ctx.db, { ip: ctx.client.ip, since });
    const waitMs = Math.max(
      throttleWaitMs({ ...perAccount, now, rule: THROTTLE.account }),
      throttleWaitMs({ ...perAddress, now, rule: THROTTLE.address }),
    );
    if (waitMs > 0) {
      audit(ctx, { action: "auth.sign_in", outcome: "denied", actorUserId: null, actorLabel: null, details: { reason: "throttled", emailHash: emailHash.slice(0, 16) } });
      throw new DomainError("SIGN_IN_THROTTLED", { retryAfterSeconds: Math.ceil(waitMs / 1000) });
    }

    const user = findUserForSignIn(ctx.db, input.email);
    const passwordOk = await verifyPassword(user?.passwordHash, input.password);
    const fail = (reason: string, code: "SIGN_IN_FAILED" | "INITIAL_PASSWORD_EXPIRED" = "SIGN_IN_FAILED"): never => {
      recordSignInAttempt(ctx.db, { at: now, emailHash, ip: ctx.client.ip, success: false });
      audit(ctx, { action: "auth.sign_in", outcome: "failure", actorUserId: user?.id ?? null, actorLabel: user?.email ?? null, details: { reason } });
      throw new DomainError(code);
    };
    if (!user || !passwordOk) fail(user ? "wrong_password" : "unknown_email");
    if (!user!.active) fail("inactive");
    if (user!.mustChangePassword && user!.passwordExpiresAt !== null && user!.passwordExpiresAt <= now) fail("one_time_password_expired", "INITIAL_PASSWORD_EXPIRED");
    const account = user!;

    recordSignInAttempt(ctx.db, { at: now, emailHash, ip: ctx.client.ip, success: true });
    if (Math.random() < 0.05) pruneSignInAttempts(ctx.db, now - 24 * 60 * 60 * 1000);

    // A new token at every sign-in; any session the browser still carried is ended.
    const cookie = sessionCookieName(ctx.secure);
    const previous = ctx.cookies.get(cookie);
    if (previous) {
      const old = findSessionByTokenHash(ctx.db, sha256(previous));
      if (old) deleteSession(ctx.db, old.session.id);
    }
    const token = generateSessionToken();
    insertSession(ctx.db, { tokenHash: sha256(token), userId: account.id, now, ip: ctx.client.ip, userAgent: ctx.client.userAgent });
    ctx.cookies.set(cookie, token, { maxAgeSeconds: SESSION_COOKIE_MAX_AGE_SECONDS });
    forgetResolvedSession(ctx);
    audit(ctx, { action: "auth.sign_in", outcome: "success", actorUserId: account.id, actorLabel: account.email });
    return toMe(account);
  }),

  /** Ends this session. */
  signOut: signedInProcedure.mutation(({ ctx }) => {
    deleteSession(ctx.db, ctx.user.sessionId);
    ctx.cookies.clear(sessionCookieName(ctx.secure));
    forgetResolvedSession(ctx);
    audit(ctx, { action: "auth.sign_out", outcome: "success" });
    return { ok: true as const };
  }),

  /** The signed-in account. */
  me: signedInProcedure.query(({ ctx }) => toMe(ctx.user)),

  /**
   * Changes one's own password: the current one must be right, the new one must follow the rules
   * (length by role, not common or breached, not made of one's name, email or this service's words).
   * Other sessions of the account end.
   */
  changePassword: signedInProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH * 4), newPassword: z.string().max(PASSWORD_MAX_LENGTH * 4) }).strict())
    .mutation(async ({ ctx, input }) => {
      const user = ctx.user;
      const ok = await verifyPassword(findPasswordHash(ctx.db, user.id), input.currentPassword);
      if (!ok) {
        audit(ctx, { action: "auth.change_password", outcome: "failure", details: { reason: "current_password_wrong" } });
        throw new DomainError("CURRENT_PASSWORD_WRONG");
      }
      const problem = checkPassword(input.newPassword, { role: user.role, commonPasswords: commonPasswords(), personal: [user.email, user.name] });
      if (problem) throw new DomainError(problem);
      if (input.newPassword.normalize("NFC") === input.currentPassword.normalize("NFC")) throw new DomainError("PASSWORD_SAME");
      const passwordHash = await hashPassword(input.newPassword);
      const now = ctx.now().getTime();
      ctx.db.transaction((tx) => {
        setPassword(tx, { id: user.id, passwordHash, singleUse: false, expiresAt: null, now });
        deleteSessionsOfUser(tx, user.id, { except: user.sessionId });
      });
      forgetResolvedSession(ctx);
      audit(ctx, { action: "auth.change_password", outcome: "success" });
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
