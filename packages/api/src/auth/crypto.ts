/**
 * Secrets: argon2id password hashes (above the OWASP/ASVS minimum: 19 MiB, 2 passes, 1 lane),
 * random session tokens whose SHA-256 alone is stored, and one-time passwords.
 */
import { hash as digest, randomBytes, randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import type { Algorithm } from "@node-rs/argon2";

/** `Algorithm.Argon2id` (a const enum the package does not export as a value). */
const ARGON2ID = 2 as Algorithm;

/** argon2id parameters: memory in KiB (19 MiB), passes, lanes. Never below these. */
export const ARGON2_PARAMS = { algorithm: ARGON2ID, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

/** At most this many hashes run at once (each takes 19 MiB and a thread); the rest wait their turn. */
export const MAX_CONCURRENT_HASHES = 4;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  // A finishing hash hands its slot straight to the next in line, so no more than the limit ever run.
  if (running >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password.normalize("NFC"), ARGON2_PARAMS));
}

/** A hash of a password nobody knows, verified when an email is unknown so the answer takes as long. */
let dummyHash: Promise<string> | undefined;

/** Checks a password against a stored hash, or against the dummy hash when there is none. */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  const target = storedHash ?? (await (dummyHash ??= hashPassword(randomBytes(32).toString("base64url"))));
  try {
    const ok = await limited(() => verify(target, password.normalize("NFC")));
    return ok && storedHash !== undefined;
  } catch {
    return false;
  }
}

/** A new session token: 32 random bytes (256 bits), base64url. */
export function generateSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a token (or an email, for throttling): its SHA-256, hex. */
export function sha256(value: string): string {
  // One-shot: every signed-in request hashes its token.
  return digest("sha256", value, "hex");
}

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // no 0/o, 1/l: easy to read out and type

/** A one-time password: 4 groups of 5 characters (about 100 bits), e.g. `k7m2q-x9vbn-a4tpe-rr8dw`. */
export function generateOneTimePassword(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
  return groups.join("-");
}
