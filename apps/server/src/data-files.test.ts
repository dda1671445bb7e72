import { createHash, createHmac } from "node:crypto";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@gugus/db";
import { afterAll, describe, expect, it } from "vitest";
import { writeFirstAdminFile } from "./banner.ts";
import { readEnv } from "./env.ts";
import { trpcPost } from "./http-helpers.test-util.ts";
import { SecretKeyError, loadOrCreateSecretKey, secretKeyFile } from "./secret-key.ts";
import { startServer } from "./start.ts";

const tmp = mkdtempSync(join(tmpdir(), "gugus-data-files-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const modeOf = (file: string) => statSync(file).mode & 0o777;

async function withUmask<T>(mask: number, run: () => Promise<T>): Promise<T> {
  const previous = process.umask(mask);
  try {
    return await run();
  } finally {
    process.umask(previous);
  }
}

const emailHashesIn = (databasePath: string): string[] => {
  const h = openDatabase({ path: databasePath, migrate: false });
  try {
    return h.sqlite.prepare("SELECT email_hash FROM sign_in_attempts ORDER BY id").pluck().all() as string[];
  } finally {
    h.close();
  }
};

async function failSignIn(url: string, email: string): Promise<void> {
  const res = await trpcPost(url, "auth.signIn", { email, password: "bukan sandi yang benar sama sekali" });
  await res.arrayBuffer();
  expect(res.status).toBe(401);
}

describe("a first start writes its data files owner-only and keys the sign-in hash", () => {
  const dir = mkdtempSync(join(tmp, "start-"));
  const databasePath = join(dir, "gugus.sqlite");
  const env = readEnv({ DATABASE_PATH: databasePath, PORT: "0", LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "0" });

  it("creates the database, its -wal and -shm, the key and first-admin.txt 0600 under a 022 umask", async () => {
    await withUmask(0o022, async () => {
      const running = await startServer(env);
      try {
        await failSignIn(running.url, env.firstAdminEmail);
        const files = [databasePath, `${databasePath}-wal`, `${databasePath}-shm`, join(dir, "gugus.key"), join(dir, "first-admin.txt")];
        expect(Object.fromEntries(files.map((f) => [f, modeOf(f).toString(8)]))).toEqual(Object.fromEntries(files.map((f) => [f, "600"])));
      } finally {
        await running.stop();
      }
    });
  });

  it("keeps a sign-in attempt's email as HMAC-SHA256 under the key, not as a plain sha256", () => {
    const key = Buffer.from(readFileSync(join(dir, "gugus.key"), "utf8").trim(), "hex");
    expect(key).toHaveLength(32);
    const [stored] = emailHashesIn(databasePath);
    expect(stored).not.toBe(createHash("sha256").update(env.firstAdminEmail).digest("hex"));
    expect(stored).toBe(createHmac("sha256", key).update(env.firstAdminEmail).digest("hex"));
  });

  it("takes the same key at the next start, so the throttle still counts the attempts made before it", async () => {
    const before = readFileSync(join(dir, "gugus.key"), "utf8");
    const running = await startServer(env);
    try {
      await failSignIn(running.url, env.firstAdminEmail);
    } finally {
      await running.stop();
    }
    expect(readFileSync(join(dir, "gugus.key"), "utf8")).toBe(before);
    const [first, second] = emailHashesIn(databasePath);
    expect(second).toBe(first);
  });
});

describe("loadOrCreateSecretKey", () => {
  it("keeps the key beside the database, and none for an in-memory one", () => {
    expect(secretKeyFile(join(tmp, "x", "gugus.sqlite"))).toBe(join(tmp, "x", "gugus.key"));
    expect(secretKeyFile(":memory:")).toBeNull();
    expect(loadOrCreateSecretKey(":memory:")).toHaveLength(32);
    expect(existsSync(join(process.cwd(), "gugus.key"))).toBe(false);
  });

  it("tightens a key file an operator left readable to all to 0600, and reads it as it was", () => {
    const dir = mkdtempSync(join(tmp, "loose-"));
    const file = join(dir, "gugus.key");
    writeFileSync(file, `${"ab".repeat(32)}\n`);
    chmodSync(file, 0o644);
    expect(loadOrCreateSecretKey(join(dir, "gugus.sqlite")).toString("hex")).toBe("ab".repeat(32));
    expect(modeOf(file)).toBe(0o600);
  });

  it("refuses a key file that is not 64 hexadecimal digits, rather than key with something guessable", () => {
    const dir = mkdtempSync(join(tmp, "bad-"));
    writeFileSync(join(dir, "gugus.key"), "secret\n", { mode: 0o600 });
    expect(() => loadOrCreateSecretKey(join(dir, "gugus.sqlite"))).toThrow(SecretKeyError);
  });
});

describe("writeFirstAdminFile", () => {
  it("makes a first-admin.txt left 0644 by an earlier database 0600 when it writes the new password over it", () => {
    const dir = mkdtempSync(join(tmp, "first-admin-"));
    const file = join(dir, "first-admin.txt");
    writeFileSync(file, "old\n");
    chmodSync(file, 0o644);
    writeFirstAdminFile({ databasePath: join(dir, "gugus.sqlite") }, { account: { email: "a@gugus.local" }, oneTimePassword: "k7m2q-x9vbn-a4tpe-rr8dw", expiresAt: 0 } as Parameters<typeof writeFirstAdminFile>[1]);
    expect(modeOf(file)).toBe(0o600);
    expect(readFileSync(file, "utf8")).toContain("k7m2q-x9vbn-a4tpe-rr8dw");
  });
});
