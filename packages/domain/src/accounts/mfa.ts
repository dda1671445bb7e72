/**
 * A second factor (ASVS 6.5): a time-based code (TOTP, RFC 6238) from an authenticator app, with
 * single-use recovery codes for a lost device. The accounts that decide must have one: central
 * admins, and the regional admins of a province (they review their regencies' and cities' reports);
 * any other account may opt in.
 *
 * The code rules: 6 digits, a new code every 30 seconds, accepted for the server's current step or
 * one step either side (clocks drift), and only for a step after the last one accepted for the
 * factor — a code used once, or one older than the last used, is refused.
 */
import { z } from "zod";
import type { Level } from "../hierarchy/levels.ts";
import type { Role } from "./roles.ts";

/** Digits of a code. */
export const TOTP_DIGITS = 6;
/** Seconds a code stands for. */
export const TOTP_STEP_SECONDS = 30;
/** Steps accepted either side of the server's current one. */
export const TOTP_WINDOW_STEPS = 1;

/** How many recovery codes a factor gets at once. */
export const RECOVERY_CODE_COUNT = 10;
/** The letters of a recovery code: no 0/o, 1/l/i, so it is read out and typed without doubt. */
export const RECOVERY_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
/** A recovery code is three groups of four letters, e.g. `k7m2-x9vb-a4tp` (about 59 bits). */
export const RECOVERY_CODE_GROUPS = 3;
export const RECOVERY_CODE_GROUP_LENGTH = 4;

/** Does this account have to use a second factor? Central admins, and the regional admins of a province. */
export function mfaRequiredFor({ role, level }: { role: Role; level: Level }): boolean {
  if (role === "central_admin") return true;
  return role === "regional_admin" && level === "province";
}

/** The 30-second step an instant (epoch ms) falls in. */
export function totpStepAt(now: number): number {
  return Math.floor(now / 1000 / TOTP_STEP_SECONDS);
}

/**
 * Is a code of this step accepted at `now`, after the factor's last accepted step? Within one step
 * of the server's clock, and strictly after `lastStep`.
 */
export function isTotpStepAccepted({ step, now, lastStep }: { step: number; now: number; lastStep: number }): boolean {
  const current = totpStepAt(now);
  return Math.abs(step - current) <= TOTP_WINDOW_STEPS && step > lastStep;
}

/** A code as typed: spaces and dashes are dropped (apps show `123 456`), then exactly 6 digits. */
export const TotpCodeSchema = z
  .string({ error: "MFA_CODE_INVALID" })
  .max(20, { error: "MFA_CODE_INVALID" })
  .transform((s) => s.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(new RegExp(`^\\d{${TOTP_DIGITS}}$`), { error: "MFA_CODE_INVALID" }));

const RECOVERY_CODE_PATTERN = new RegExp(
  `^[${RECOVERY_CODE_ALPHABET}]{${RECOVERY_CODE_GROUP_LENGTH}}(?:-[${RECOVERY_CODE_ALPHABET}]{${RECOVERY_CODE_GROUP_LENGTH}}){${RECOVERY_CODE_GROUPS - 1}}$`,
);

/**
 * A recovery code in its one written form: lower case, groups joined by dashes; spaces and a
 * missing dash are forgiven (`K7M2 X9VB A4TP`, `k7m2x9vba4tp`).
 */
export function normaliseRecoveryCode(input: string): string {
  const letters = input.toLowerCase().replace(/[\s-]/g, "");
  const groups: string[] = [];
  for (let i = 0; i < letters.length; i += RECOVERY_CODE_GROUP_LENGTH) groups.push(letters.slice(i, i + RECOVERY_CODE_GROUP_LENGTH));
  return groups.join("-");
}

/** Is this (normalised) text of a recovery code's form? */
export function isRecoveryCodeWellFormed(code: string): boolean {
  return RECOVERY_CODE_PATTERN.test(code);
}

/** A recovery code as typed, normalised; refused with RECOVERY_CODE_INVALID when not of the form. */
export const RecoveryCodeSchema = z
  .string({ error: "RECOVERY_CODE_INVALID" })
  .max(40, { error: "RECOVERY_CODE_INVALID" })
  .transform(normaliseRecoveryCode)
  .refine(isRecoveryCodeWellFormed, { error: "RECOVERY_CODE_INVALID" });

/**
 * Builds a recovery code from random numbers (each below the alphabet's length): the domain has no
 * randomness of its own, the caller draws them.
 */
export function recoveryCodeFrom(draws: readonly number[]): string {
  const length = RECOVERY_CODE_GROUPS * RECOVERY_CODE_GROUP_LENGTH;
  if (draws.length !== length || draws.some((d) => !Number.isInteger(d) || d < 0 || d >= RECOVERY_CODE_ALPHABET.length)) {
    throw new RangeError(`a recovery code takes ${length} draws below ${RECOVERY_CODE_ALPHABET.length}`);
  }
  return normaliseRecoveryCode(draws.map((d) => RECOVERY_CODE_ALPHABET[d]).join(""));
}

/** Where a session stands with the second factor. */
export const SECOND_FACTOR_STATES = ["not-needed", "enrol", "verify", "done"] as const;
export type SecondFactorState = (typeof SECOND_FACTOR_STATES)[number];

/**
 * Where a session stands: `done` once the second factor was given in it (a factor removed since —
 * an opted-in one turned off — does not undo that), else `verify` (a confirmed factor to give),
 * `enrol` (required, none confirmed yet) or `not-needed` (no factor, none required).
 */
export function secondFactorStateOf({ required, confirmed, verified }: { required: boolean; confirmed: boolean; verified: boolean }): SecondFactorState {
  if (verified) return "done";
  if (confirmed) return "verify";
  return required ? "enrol" : "not-needed";
}
