import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client.ts";
import { appendAudit } from "./queries/audit.ts";

const tmp = mkdtempSync(join(tmpdir(), "gugus-files-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const modeOf = (file: string) => statSync(file).mode & 0o777;

describe("the database's files are readable by their owner only", () => {
  it("creates a new database, its -wal and its -shm 0600 even under a permissive umask", () => {
    const previous = process.umask(0o022);
    try {
      const path = join(tmp, "new", "gugus.sqlite");
      const h = openDatabase({ path });
      appendAudit(h.db, { at: 1, actorUserId: null, actorLabel: "cli", action: "account.create", outcome: "success", ip: null });
      expect([modeOf(path), modeOf(`${path}-wal`), modeOf(`${path}-shm`)]).toEqual([0o600, 0o600, 0o600]);
      h.close();
    } finally {
      process.umask(previous);
    }
  });

  it("takes group and other access away from a database and journals an earlier version left 0644", () => {
    const path = join(tmp, "old.sqlite");
    const old = new Database(path);
    old.pragma("journal_mode = WAL");
    old.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1)");
    // Keep the journals: a second connection holds them open while the first closes.
    const holder = new Database(path);
    holder.prepare("SELECT count(*) FROM t").get();
    old.close();
    for (const f of [path, `${path}-wal`, `${path}-shm`]) chmodSync(f, 0o644);
    const h = openDatabase({ path });
    expect([modeOf(path), modeOf(`${path}-wal`), modeOf(`${path}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    h.close();
    holder.close();
  });

  it("leaves a stricter mode alone (0400 stays 0400)", () => {
    const path = join(tmp, "strict.sqlite");
    writeFileSync(path, "");
    chmodSync(path, 0o400);
    expect(() => openDatabase({ path, migrate: false }).close()).not.toThrow();
    expect(modeOf(path)).toBe(0o400);
  });
});
