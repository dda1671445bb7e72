/**
 * The server's secret: 32 random bytes in a file beside the database (`gugus.key`), created on first
 * start, readable by its owner only. It keys the hash under which sign-in attempts keep the email,
 * seals every second factor's secret and keys the recovery codes' hashes. It is not in the backups
 * (a stolen backup then holds no usable secret), so it must be kept apart: without it every second
 * factor must be reset (README, "Data files").
 */
import { chmodSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { dirname, join } from "node:path";

export const SECRET_KEY_BYTES = 32;

/** Where the key is kept: beside the database file; none for an in-memory database. */
export function secretKeyFile(databasePath: string): string | null {
  return databasePath === ":memory:" ? null : join(dirname(databasePath), "gugus.key");
}

export class SecretKeyError extends Error {
  override name = "SecretKeyError";
}

function readKey(file: string): Buffer {
  const text = readFileSync(file, "utf8").trim();
  if (!/^[0-9a-f]{64}$/.test(text)) throw new SecretKeyError(`${file} is not a Gugus key (64 hexadecimal digits expected); move it away to have a new one made`);
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return Buffer.from(text, "hex");
}

/** Reads the key beside the database, or makes it (owner-only) when there is none yet. */
export function loadOrCreateSecretKey(databasePath: string): Buffer {
  const file = secretKeyFile(databasePath);
  if (file === null) return randomBytes(SECRET_KEY_BYTES);
  const key = randomBytes(SECRET_KEY_BYTES);
  try {
    writeFileSync(file, `${key.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readKey(file);
  }
}
