/**
 * The second factor's secrets: TOTP codes through otplib (RFC 6238, SHA-1, 6 digits, 30 s — what
 * every authenticator app reads), the secret sealed at rest with AES-256-GCM under a key derived
 * from the server's secret, recovery codes kept as keyed hashes, and the enrolment QR code drawn as
 * SVG on the server (no client bundle cost).
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from "node:crypto";
import {
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_GROUP_LENGTH,
  RECOVERY_CODE_GROUPS,
  TOTP_DIGITS,
  TOTP_STEP_SECONDS,
  TOTP_WINDOW_STEPS,
  isTotpStepAccepted,
  recoveryCodeFrom,
} from "@gugus/domain";
import { generateSecret, generateSync, generateURI, verifySync } from "otplib";
import { renderSVG } from "uqr";

/** The name authenticator apps show beside the account. */
export const TOTP_ISSUER = "Gugus PP-TPPO";

/** The keys of the second factor, derived from the server's secret (HKDF-SHA256, one label each). */
export type MfaKeys = { sealing: Buffer; recovery: Buffer };

export function deriveMfaKeys(secretKey: Buffer): MfaKeys {
  const derive = (label: string) => Buffer.from(hkdfSync("sha256", secretKey, Buffer.alloc(0), label, 32));
  return { sealing: derive("gugus mfa secret sealing v1"), recovery: derive("gugus mfa recovery codes v1") };
}

/** A new secret: 20 random bytes (160 bits, RFC 4226's recommendation), base32 as apps take it. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** Seals a secret for the database: `v1.` + base64url(iv ‖ tag ‖ ciphertext), bound to the account. */
export function sealSecret(keys: MfaKeys, userId: number, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.sealing, iv);
  cipher.setAAD(Buffer.from(`mfa:${userId}`));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** Opens a sealed secret; throws when it was not sealed under this key for this account. */
export function openSecret(keys: MfaKeys, userId: number, sealed: string): string {
  if (!sealed.startsWith("v1.")) throw new Error("unknown sealed secret format");
  const raw = Buffer.from(sealed.slice(3), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", keys.sealing, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(`mfa:${userId}`));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, label: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label, secret, digits: TOTP_DIGITS, period: TOTP_STEP_SECONDS });
}

/** The QR code of an address, as an SVG document (black on white, a quiet zone of 4 modules). */
export function qrSvg(text: string): string {
  return renderSVG(text, { ecc: "M", border: 4, pixelSize: 6 });
}

/** The code an app shows for a secret at an instant (tests, the harness, the bench). */
export function totpCodeAt(secret: string, at: Date | number): string {
  const epoch = Math.floor((typeof at === "number" ? at : at.getTime()) / 1000);
  return generateSync({ secret, epoch, digits: TOTP_DIGITS, period: TOTP_STEP_SECONDS });
}

/**
 * The step of a code accepted at `now` after the factor's `lastStep`, or null: within one step of
 * the server's clock (otplib's tolerance), strictly after the last one (otplib's `afterTimeStep`),
 * and checked again against the domain's rule.
 */
export function acceptedTotpStep({ secret, code, now, lastStep }: { secret: string; code: string; now: number; lastStep: number }): number | null {
  try {
    const result = verifySync({
      secret,
      token: code,
      epoch: Math.floor(now / 1000),
      digits: TOTP_DIGITS,
      period: TOTP_STEP_SECONDS,
      epochTolerance: TOTP_WINDOW_STEPS * TOTP_STEP_SECONDS,
      ...(lastStep > 0 ? { afterTimeStep: lastStep } : {}),
    });
    if (!result.valid || !("timeStep" in result) || typeof result.timeStep !== "number") return null;
    return isTotpStepAccepted({ step: result.timeStep, now, lastStep }) ? result.timeStep : null;
  } catch {
    // otplib refuses an afterTimeStep beyond the window (a clock set back): no code is accepted then.
    return null;
  }
}

/** New recovery codes, drawn with the system's secure random numbers. */
export function newRecoveryCodes(): string[] {
  const length = RECOVERY_CODE_GROUPS * RECOVERY_CODE_GROUP_LENGTH;
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCodeFrom(Array.from({ length }, () => randomInt(RECOVERY_CODE_ALPHABET.length))));
}

/** What the database keeps of a (normalised) recovery code: an HMAC under the server's key, bound to the account. */
export function hashRecoveryCode(keys: MfaKeys, userId: number, code: string): string {
  return createHmac("sha256", keys.recovery).update(`${userId}:${code}`).digest("hex");
}
