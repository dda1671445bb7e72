/**
 * The password rules (OWASP ASVS 5.0, 6.2): at least 8 characters (15 for central admins), up to 256
 * accepted (never truncated), no composition rules, and refused when common, breached or made of
 * words of this context. Length is counted in Unicode code points after NFC normalisation, so a
 * passphrase in any script counts the way a person reads it. The list of common/breached passwords
 * is passed in by the caller (the server loads an offline list); the form checks length only.
 */
import { z } from "zod";
import type { Role } from "./roles.ts";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MIN_LENGTH_CENTRAL_ADMIN = 15;
export const PASSWORD_MAX_LENGTH = 256;

/** Words of this product and its field that make a password guessable. */
export const CONTEXT_WORDS = ["gugus", "gugustugas", "satgas", "tppo", "pptppo", "trafficking", "perdagangan", "kemenpppa", "kemenkopmk"] as const;

/** Minimum length for an account's role. */
export function minPasswordLength(role: Role): number {
  return role === "central_admin" ? PASSWORD_MIN_LENGTH_CENTRAL_ADMIN : PASSWORD_MIN_LENGTH;
}

/** Length as a person counts it: code points of the NFC form. */
export function passwordLength(password: string): number {
  return [...password.normalize("NFC")].length;
}

export type PasswordProblem = "PASSWORD_TOO_SHORT" | "PASSWORD_TOO_LONG" | "PASSWORD_COMMON" | "PASSWORD_CONTEXT";

export type PasswordCheckOptions = {
  role: Role;
  /** Lower-case common and breached passwords. */
  commonPasswords?: ReadonlySet<string>;
  /** The account's own words: its email and name. */
  personal?: readonly string[];
};

/** Personal words worth refusing: the email's local part and each name part of 4+ letters. */
function personalWords(personal: readonly string[]): string[] {
  return personal
    .flatMap((p) => p.toLowerCase().split(/[@\s._\-+]+/))
    .filter((w) => w.length >= 4);
}

/**
 * A run anyone would try: one character repeated ("aaaaaaaa"), a short pattern repeated
 * ("abcabcabc"), or a straight sequence up or down ("123456789012345", "zyxwvuts").
 */
export function isTrivialSequence(text: string): boolean {
  const chars = [...text];
  if (chars.length < 2) return true;
  for (let period = 1; period <= 4 && period < chars.length; period++) {
    if (chars.every((c, i) => c === chars[i % period])) return true;
  }
  const step = (a: string, b: string) => {
    if (/\d/.test(a) && /\d/.test(b)) return (Number(b) - Number(a) + 10) % 10 === 1 ? 1 : (Number(a) - Number(b) + 10) % 10 === 1 ? -1 : 0;
    return b.charCodeAt(0) - a.charCodeAt(0);
  };
  const first = step(chars[0]!, chars[1]!);
  return (first === 1 || first === -1) && chars.slice(1).every((c, i) => step(chars[i]!, c) === first);
}

/** The first problem of a password, or null when it is acceptable. */
export function checkPassword(password: string, { role, commonPasswords, personal = [] }: PasswordCheckOptions): PasswordProblem | null {
  const min = minPasswordLength(role);
  const length = passwordLength(password);
  if (length < min) return "PASSWORD_TOO_SHORT";
  if (length > PASSWORD_MAX_LENGTH) return "PASSWORD_TOO_LONG";
  const lower = password.normalize("NFC").toLowerCase();
  if (commonPasswords?.has(lower)) return "PASSWORD_COMMON";
  // "password1!", "bismillah2024": a common word with digits or symbols around it is still common.
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (core !== lower && core.length >= 4 && commonPasswords?.has(core)) return "PASSWORD_COMMON";
  const compact = lower.replace(/[^\p{L}\p{N}]/gu, "");
  if (isTrivialSequence(compact)) return "PASSWORD_COMMON";
  // Words of this service or of the person may appear in a passphrase, but what is left without them
  // must stand on its own: long enough, not common, not a trivial run ("tppo12345678" does not).
  const words = [...CONTEXT_WORDS, ...personalWords(personal)].sort((a, b) => b.length - a.length);
  let rest = compact;
  for (const word of words) rest = rest.split(word).join("");
  if (rest !== compact && (rest.length < min || commonPasswords?.has(rest) || isTrivialSequence(rest))) return "PASSWORD_CONTEXT";
  return null;
}

/** A new password as a form field: length rules only (the server also checks the lists). */
export function newPasswordSchema(role: Role) {
  return z
    .string({ error: "PASSWORD_TOO_SHORT" })
    .refine((p) => passwordLength(p) >= minPasswordLength(role), { error: "PASSWORD_TOO_SHORT" })
    .refine((p) => passwordLength(p) <= PASSWORD_MAX_LENGTH, { error: "PASSWORD_TOO_LONG" });
}

/** A password as typed at sign-in: anything up to the maximum (checked against the hash only). */
export const SignInPasswordSchema = z.string().min(1, { error: "SIGN_IN_FAILED" }).max(PASSWORD_MAX_LENGTH * 4, { error: "SIGN_IN_FAILED" });
