import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendAudit, openDatabase } from "@gugus/db";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { describeAuditVerification, runCli } from "./cli.ts";
import { runCliProcess } from "./cli-process.test-util.ts";
import { readEnv } from "./env.ts";

const tmp = mkdtempSync(join(tmpdir(), "gugus-audit-verify-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function databaseWithEntries(name: string, count: number): string {
  const path = join(tmp, name, "gugus.sqlite");
  const h = openDatabase({ path });
  for (let i = 1; i <= count; i++) appendAudit(h.db, { at: 1000 + i, actorUserId: null, actorLabel: "cli", action: "account.create", outcome: "success", targetType: "user", targetId: i, ip: null });
  h.close();
  return path;
}

const cli = (args: string[], databasePath: string) => runCliProcess(args, { databasePath, workingDirectory: tmp });

describe("pnpm cli audit-verify", () => {
  it("says ok with the number of entries and the last hash, exit 0", async () => {
    const path = databaseWithEntries("sound", 3);
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(await runCli(["audit-verify"], readEnv({ DATABASE_PATH: path }))).toBe(0);
    expect(log.mock.calls[0]![0]).toMatch(/^ok, 3 entries; last hash [0-9a-f]{64}$/);
  });

  it("says ok, 0 entries on an empty log", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(await runCli(["audit-verify"], readEnv({ DATABASE_PATH: databaseWithEntries("empty", 0) }))).toBe(0);
    expect(log.mock.calls[0]![0]).toBe("ok, 0 entries");
  });

  it("names the first broken link and exits 1 after an entry was edited on the file with the triggers dropped", async () => {
    const path = databaseWithEntries("edited", 5);
    const raw = openDatabase({ path, migrate: false });
    raw.sqlite.exec("DROP TRIGGER audit_log_no_update");
    raw.sqlite.prepare("UPDATE audit_log SET actor_label = 'someone' WHERE id = 4").run();
    raw.close();
    const run = await cli(["audit-verify"], path);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("broken at entry 4: it does not follow from entry 3 before it and its own content (an entry was changed, removed or inserted); the 3 entries before it are sound");
  }, 30_000);

  it("describes an entry without a hash, and a break at the first entry", () => {
    expect(describeAuditVerification({ ok: false, entries: 2, brokenAt: 3, previousId: 2, reason: "hash_missing" })).toBe(
      "broken at entry 3: it has no hash (written around the log's writer); the 2 entries before it are sound",
    );
    expect(describeAuditVerification({ ok: false, entries: 0, brokenAt: 1, previousId: null, reason: "hash_mismatch" })).toBe(
      "broken at entry 1: it does not match its own content (an entry was changed, removed or inserted); the 0 entries before it are sound",
    );
  });
});
