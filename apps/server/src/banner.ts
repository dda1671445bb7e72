import { chmodSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { CreatedAdmin } from "@gugus/api";
import type { Env } from "./env.ts";

/** The one-time message that hands a new central admin's password to the operator. */
export function firstAdminBanner(admin: CreatedAdmin): string {
  const expires = new Date(admin.expiresAt).toISOString().replace("T", " ").slice(0, 16);
  return [
    "  ┌──────────────────────────────────────────────────────────────────┐",
    "  │ Central admin account created (shown once) / Akun admin pusat dibuat",
    `  │   email:    ${admin.account.email}`,
    `  │   password: ${admin.oneTimePassword}`,
    `  │ One-time password: change it at first sign-in; expires ${expires} UTC.`,
    "  │ Sandi sekali pakai: ganti saat pertama masuk.",
    "  └──────────────────────────────────────────────────────────────────┘",
    "",
  ].join("\n");
}

/**
 * Where the first admin's one-time password is written: beside the database, readable by its owner
 * only — not into the logs, which outlive it.
 */
export function firstAdminFile(env: Pick<Env, "databasePath">): string {
  return env.databasePath === ":memory:" ? "(none: in-memory database)" : join(dirname(env.databasePath), "first-admin.txt");
}

export function writeFirstAdminFile(env: Pick<Env, "databasePath">, admin: CreatedAdmin): void {
  if (env.databasePath === ":memory:") return;
  const file = firstAdminFile(env);
  writeFileSync(file, firstAdminBanner(admin), { mode: 0o600 });
  // The mode applies only to a new file: one left from an earlier database keeps its own otherwise.
  chmodSync(file, 0o600);
}
