/**
 * The second factor: enrolling an authenticator app (TOTP), giving its code after the password,
 * recovery codes for a lost device, turning an opted-in factor off, and a central admin resetting
 * another account's factor. Wrong codes count in the sign-in throttle; once it refuses, the
 * session ends. No secret and no code is ever written to the audit log.
 */
import {
  advanceMfaStep,
  confirmMfaFactor,
  countUnusedRecoveryCodes,
  deleteMfaFactor,
  deleteSession,
  deleteSessionsOfUser,
  findMfaFactor,
  markSessionSecondFactor,
  markSignInSucceeded,
  replaceRecoveryCodes,
  savePendingMfaFactor,
  setPassword,
  spendRecoveryCode,
} from "@gugus/db";
import type { Db, MfaFactorRow } from "@gugus/db";
import { DomainError, RecoveryCodeSchema, TotpCodeSchema, mfaRequiredFor } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../audit.ts";
import { sessionCookieName } from "../auth/cookies.ts";
import { acceptedTotpStep, hashRecoveryCode, newRecoveryCodes, newTotpSecret, openSecret, otpauthUri, qrSvg, sealSecret } from "../auth/totp.ts";
import type { MfaKeys } from "../auth/totp.ts";
import type { Context, SignedInUser } from "../context.ts";
import { getTargetAccount } from "../scope.ts";
import { forgetResolvedSession, signedInProcedure } from "../trpc.ts";
import { issueOneTimePassword } from "./accounts.ts";
import type { IssuedPassword } from "./accounts.ts";
import { admitAttempt } from "./auth.ts";

type Ctx = Context & { user: SignedInUser };

const CodeInput = z.object({ code: TotpCodeSchema }).strict();

/** Is a second factor required of this account? */
const isRequired = (u: SignedInUser) => mfaRequiredFor({ role: u.role, level: u.taskForceLevel });

/**
 * Admits an attempt at a code through the sign-in throttle, counted under a key of its own: a right
 * password records a success under the account's sign-in key, which must not clear the count of
 * wrong codes (else signing in again between guesses would let a password holder guess codes
 * without end). Only a right code or recovery code clears it. When the throttle refuses, the session
 * ends (the password alone no longer holds it open) and SIGN_IN_THROTTLED is raised.
 */
function admitCodeAttempt(ctx: Ctx): number {
  try {
    return admitAttempt(ctx, ctx.hashEmail(`second-factor:${ctx.user.email}`));
  } catch (error) {
    if (error instanceof DomainError && error.code === "SIGN_IN_THROTTLED") {
      inTransaction(ctx, (tx) => {
        deleteSession(tx.db, ctx.user.sessionId);
        audit(tx, { action: "mfa.verify", outcome: "failure", details: { reason: "throttled_session_ended" } });
      });
      ctx.cookies.clear(sessionCookieName(ctx.secure));
      forgetResolvedSession(ctx);
    }
    throw error;
  }
}

/** The step of a right code for the factor, or null. */
function stepOfCode(keys: MfaKeys, factor: MfaFactorRow, code: string, now: number): number | null {
  let secret: string;
  try {
    secret = openSecret(keys, factor.userId, factor.secret);
  } catch {
    // Sealed under another key (a database restored without its gugus.key): only a reset helps.
    throw new DomainError("MFA_FACTOR_UNREADABLE");
  }
  return acceptedTotpStep({ secret, code, now, lastStep: factor.lastStep });
}

/**
 * Checks a code of the account's confirmed factor and spends its step (so it works once), counting
 * a wrong one in the throttle and auditing it. Throws MFA_NOT_ENROLLED or MFA_CODE_INVALID.
 */
function spendCode(ctx: Ctx, code: string, purpose: string): void {
  const factor = findMfaFactor(ctx.db, ctx.user.id);
  if (!factor || factor.confirmedAt === null) throw new DomainError("MFA_NOT_ENROLLED");
  const attemptId = admitCodeAttempt(ctx);
  const step = stepOfCode(ctx.mfaKeys, factor, code, ctx.now().getTime());
  if (step === null || !advanceMfaStep(ctx.db, { userId: ctx.user.id, step })) {
    audit(ctx, { action: "mfa.verify", outcome: "failure", details: { reason: "code_wrong", purpose } });
    throw new DomainError("MFA_CODE_INVALID");
  }
  markSignInSucceeded(ctx.db, attemptId);
}

/** New recovery codes for the account, stored as hashes; the codes themselves are answered once. */
function issueRecoveryCodes(db: Db, keys: MfaKeys, { userId, now }: { userId: number; now: number }): string[] {
  const codes = newRecoveryCodes();
  replaceRecoveryCodes(db, { userId, codeHashes: codes.map((c) => hashRecoveryCode(keys, userId, c)), now });
  return codes;
}

/**
 * Removes an account's second factor and ends its sessions (a lost device), and gives it a new
 * one-time password (false, nothing changed, when it had no factor). The password matters: whoever
 * talked the reset out of an admin may know the old one, and with it alone would enrol an app of its
 * own; the new one reaches the owner by hand, and its holder chooses a password, then enrols.
 */
export function resetSecondFactor(db: Db, { userId, otp, now }: { userId: number; otp: IssuedPassword; now: number }): { hadFactor: boolean; sessionsEnded: number } {
  const hadFactor = deleteMfaFactor(db, userId);
  if (!hadFactor) return { hadFactor, sessionsEnded: 0 };
  setPassword(db, { id: userId, passwordHash: otp.passwordHash, singleUse: true, expiresAt: otp.expiresAt, now });
  return { hadFactor, sessionsEnded: deleteSessionsOfUser(db, userId) };
}

export const mfaRouter = {
  /** Where the caller's account stands: required or not, enrolled or not, and how many recovery codes are left. */
  status: signedInProcedure.query(({ ctx }) => {
    const factor = findMfaFactor(ctx.db, ctx.user.id);
    const confirmed = factor !== undefined && factor.confirmedAt !== null;
    return {
      required: isRequired(ctx.user),
      enrolled: confirmed,
      enrolledAt: confirmed ? factor.confirmedAt : null,
      recoveryCodesLeft: confirmed ? countUnusedRecoveryCodes(ctx.db, ctx.user.id) : 0,
    };
  }),

  /**
   * Starts enrolling an authenticator app: a new secret (replacing one not yet confirmed), answered
   * once as text to type, as an otpauth:// address and as its QR code (SVG).
   */
  beginEnrolment: signedInProcedure.mutation(({ ctx }) => {
    const existing = findMfaFactor(ctx.db, ctx.user.id);
    if (existing && existing.confirmedAt !== null) throw new DomainError("MFA_ALREADY_ENROLLED");
    const secret = newTotpSecret();
    const saved = inTransaction(ctx, (tx) => savePendingMfaFactor(tx.db, { userId: ctx.user.id, secret: sealSecret(ctx.mfaKeys, ctx.user.id, secret), now: ctx.now().getTime() }));
    if (!saved) throw new DomainError("MFA_ALREADY_ENROLLED");
    const uri = otpauthUri(secret, ctx.user.email);
    return { secret, otpauthUri: uri, qrSvg: qrSvg(uri) };
  }),

  /**
   * Confirms the app with a code it shows: the factor counts from now on, this session is verified,
   * and the 10 recovery codes are answered once (only their hashes are kept).
   */
  confirmEnrolment: signedInProcedure.input(CodeInput).mutation(({ ctx, input }) => {
    const factor = findMfaFactor(ctx.db, ctx.user.id);
    if (!factor) throw new DomainError("MFA_ENROLMENT_NOT_STARTED");
    if (factor.confirmedAt !== null) throw new DomainError("MFA_ALREADY_ENROLLED");
    const attemptId = admitCodeAttempt(ctx);
    const now = ctx.now().getTime();
    const step = stepOfCode(ctx.mfaKeys, factor, input.code, now);
    if (step === null) {
      audit(ctx, { action: "mfa.verify", outcome: "failure", details: { reason: "code_wrong", purpose: "enrol" } });
      throw new DomainError("MFA_CODE_INVALID");
    }
    const recoveryCodes = inTransaction(ctx, (tx) => {
      if (!confirmMfaFactor(tx.db, { userId: ctx.user.id, step, now })) throw new DomainError("MFA_ENROLMENT_NOT_STARTED");
      markSignInSucceeded(tx.db, attemptId);
      markSessionSecondFactor(tx.db, ctx.user.sessionId, now);
      const codes = issueRecoveryCodes(tx.db, ctx.mfaKeys, { userId: ctx.user.id, now });
      audit(tx, { action: "mfa.enrol", outcome: "success", details: { required: isRequired(ctx.user) } });
      return codes;
    });
    forgetResolvedSession(ctx);
    return { recoveryCodes };
  }),

  /** Gives the second factor for this session: a code from the app, or one of the recovery codes (each works once). */
  verify: signedInProcedure
    .input(z.union([CodeInput, z.object({ recoveryCode: RecoveryCodeSchema }).strict()]))
    .mutation(({ ctx, input }) => {
      const now = ctx.now().getTime();
      if ("code" in input) {
        spendCode(ctx, input.code, "sign_in");
        inTransaction(ctx, (tx) => {
          markSessionSecondFactor(tx.db, ctx.user.sessionId, now);
          audit(tx, { action: "mfa.verify", outcome: "success", details: { method: "code" } });
        });
      } else {
        const factor = findMfaFactor(ctx.db, ctx.user.id);
        if (!factor || factor.confirmedAt === null) throw new DomainError("MFA_NOT_ENROLLED");
        const attemptId = admitCodeAttempt(ctx);
        const spent = inTransaction(ctx, (tx) => {
          if (!spendRecoveryCode(tx.db, { userId: ctx.user.id, codeHash: hashRecoveryCode(ctx.mfaKeys, ctx.user.id, input.recoveryCode), now })) return false;
          markSignInSucceeded(tx.db, attemptId);
          markSessionSecondFactor(tx.db, ctx.user.sessionId, now);
          audit(tx, { action: "mfa.recovery_used", outcome: "success", details: { left: countUnusedRecoveryCodes(tx.db, ctx.user.id) } });
          return true;
        });
        if (!spent) {
          audit(ctx, { action: "mfa.verify", outcome: "failure", details: { reason: "recovery_code_wrong" } });
          throw new DomainError("RECOVERY_CODE_INVALID");
        }
      }
      forgetResolvedSession(ctx);
      return { ok: true as const };
    }),

  /** New recovery codes (the old ones stop working), with a code from the app; answered once. */
  regenerateRecoveryCodes: signedInProcedure.input(CodeInput).mutation(({ ctx, input }) => {
    spendCode(ctx, input.code, "regenerate");
    const recoveryCodes = inTransaction(ctx, (tx) => {
      const codes = issueRecoveryCodes(tx.db, ctx.mfaKeys, { userId: ctx.user.id, now: ctx.now().getTime() });
      audit(tx, { action: "mfa.recovery_regenerate", outcome: "success" });
      return codes;
    });
    return { recoveryCodes };
  }),

  /** Turns an opted-in second factor off, with a code from the app; an account whose role requires one cannot. */
  disable: signedInProcedure.input(CodeInput).mutation(({ ctx, input }) => {
    if (isRequired(ctx.user)) throw new DomainError("MFA_CANNOT_DISABLE");
    spendCode(ctx, input.code, "disable");
    inTransaction(ctx, (tx) => {
      deleteMfaFactor(tx.db, ctx.user.id);
      // A session still waiting at the code step would otherwise be let in without one.
      const sessionsEnded = deleteSessionsOfUser(tx.db, ctx.user.id, { except: ctx.user.sessionId });
      audit(tx, { action: "mfa.disable", outcome: "success", details: { sessionsEnded } });
    });
    forgetResolvedSession(ctx);
    return { ok: true as const };
  }),

  /**
   * A central admin removes another account's second factor (its device was lost): the factor and
   * its recovery codes are deleted and its sessions end; it enrols again at its next sign-in (or,
   * opted in, goes without). One's own factor is reset by another central admin.
   */
  reset: signedInProcedure.input(z.object({ id: z.number({ error: "ACCOUNT_NOT_FOUND" }).int().positive().max(2 ** 31 - 1) }).strict()).mutation(async ({ ctx }) => {
    const target = getTargetAccount(ctx);
    if (target.id === ctx.user.id) throw new DomainError("MFA_RESET_OWN");
    const otp = await issueOneTimePassword(ctx);
    inTransaction(ctx, (tx) => {
      const { hadFactor, sessionsEnded } = resetSecondFactor(tx.db, { userId: target.id, otp, now: ctx.now().getTime() });
      if (!hadFactor) throw new DomainError("MFA_NOT_ENROLLED");
      audit(tx, { action: "mfa.reset", outcome: "success", targetType: "user", targetId: target.id, details: { sessionsEnded, passwordReissued: true } });
    });
    // Shown once, to be handed to the owner in person: never stored, never logged.
    return { ok: true as const, oneTimePassword: otp.password, expiresAt: otp.expiresAt };
  }),
} satisfies TRPCRouterRecord;
