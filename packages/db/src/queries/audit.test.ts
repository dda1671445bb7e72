import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../client.ts";
import type { DatabaseHandle } from "../client.ts";
import { createTestDatabase } from "../testing.ts";
import { insertUser } from "./accounts.ts";
import { appendAudit, hashAuditEntry, listAudit, listAuditActors, listReadableAudit, verifyAuditChain } from "./audit.ts";
import { listTaskForces } from "./hierarchy.ts";
import type { AuditEntry } from "./audit.ts";

const tmp = mkdtempSync(join(tmpdir(), "gugus-audit-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const entry = (n: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  at: 1_700_000_000_000 + n,
  actorUserId: n,
  actorLabel: `user${n}@gugus.local`,
  action: "auth.sign_in",
  outcome: "success",
  targetType: "user",
  targetId: n,
  ip: "10.0.0.1",
  details: { n },
  ...over,
});

/** A file database holding `n` entries, and a second, plain connection to it: "another program". */
function fileWithEntries(name: string, n: number): { handle: DatabaseHandle; raw: Database.Database } {
  const path = join(tmp, `${name}.sqlite`);
  const handle = openDatabase({ path });
  for (let i = 1; i <= n; i++) appendAudit(handle.db, entry(i));
  return { handle, raw: new Database(path) };
}

const dropGuards = (raw: Database.Database) => {
  for (const t of ["audit_log_no_update", "audit_log_no_delete", "audit_log_no_replace"]) raw.exec(`DROP TRIGGER ${t}`);
};

describe("appendAudit and listAudit", () => {
  const h = createTestDatabase({ seed: false });
  afterAll(() => h.close());

  it("appends and lists newest first with filters, without the hash", () => {
    appendAudit(h.db, { at: 1, actorUserId: null, actorLabel: "cli", action: "account.create", outcome: "success", targetType: "user", targetId: 5, ip: null, details: { role: "central_admin" } });
    appendAudit(h.db, { at: 2, actorUserId: 7, actorLabel: "a@b.id", action: "auth.sign_in", outcome: "failure", ip: "1.1.1.1" });
    expect(listAudit(h.db, { limit: 10 }).map((e) => e.action)).toEqual(["auth.sign_in", "account.create"]);
    expect(listAudit(h.db, { outcome: "success", limit: 10 })).toMatchObject([{ targetId: "5", details: '{"role":"central_admin"}' }]);
    expect(listAudit(h.db, { from: 2, limit: 10 })).toHaveLength(1);
    expect(Object.keys(listAudit(h.db, { limit: 1 })[0]!)).not.toContain("hash");
  });

  it("numbers entries one after another and chains each to the one before", () => {
    const rows = h.sqlite.prepare("SELECT id, hash FROM audit_log ORDER BY id").all() as { id: number; hash: string }[];
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
    expect(rows[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[1]!.hash).toBe(
      hashAuditEntry(rows[0]!.hash, { id: 2, at: 2, actorUserId: 7, actorLabel: "a@b.id", action: "auth.sign_in", outcome: "failure", targetType: null, targetId: null, ip: "1.1.1.1", details: null }),
    );
  });

  it("writes nothing when the caller's transaction rolls back, and the next entry takes the free id", () => {
    expect(() =>
      h.db.transaction((tx) => {
        appendAudit(tx, entry(3));
        throw new Error("the change failed");
      }),
    ).toThrow("the change failed");
    appendAudit(h.db, entry(4));
    expect(h.sqlite.prepare("SELECT id, actor_user_id FROM audit_log WHERE id > 2").raw().all()).toEqual([[3, 4]]);
    expect(verifyAuditChain(h.db)).toMatchObject({ ok: true, entries: 3 });
  });

  it("keeps one chain when two connections to the same file append in turn", () => {
    const path = join(tmp, "two-writers.sqlite");
    const a = openDatabase({ path });
    const b = openDatabase({ path });
    for (let i = 1; i <= 6; i++) appendAudit((i % 2 ? a : b).db, entry(i));
    expect(verifyAuditChain(a.db)).toMatchObject({ ok: true, entries: 6 });
    a.close();
    b.close();
  });
});

describe("the audit log on the file refuses rewriting", () => {
  it("refuses INSERT OR REPLACE (and REPLACE, and an upsert) of an existing entry, from another program", () => {
    const { handle, raw } = fileWithEntries("replace", 2);
    const before = raw.prepare("SELECT * FROM audit_log WHERE id = 1").get();
    for (const statement of [
      "INSERT OR REPLACE INTO audit_log (id, at, action, outcome) VALUES (1, 0, 'auth.sign_out', 'success')",
      "REPLACE INTO audit_log (id, at, action, outcome) VALUES (1, 0, 'auth.sign_out', 'success')",
      "INSERT INTO audit_log (id, at, action, outcome) VALUES (1, 0, 'auth.sign_out', 'success') ON CONFLICT (id) DO UPDATE SET action = excluded.action",
    ]) {
      expect(() => raw.prepare(statement).run(), statement).toThrow(/append-only/);
    }
    expect(raw.prepare("SELECT * FROM audit_log WHERE id = 1").get()).toEqual(before);
    expect(verifyAuditChain(handle.db)).toMatchObject({ ok: true, entries: 2 });
    raw.close();
    handle.close();
  });

  it("refuses UPDATE and DELETE from another program", () => {
    const { handle, raw } = fileWithEntries("update-delete", 2);
    expect(() => raw.prepare("UPDATE audit_log SET action = 'x' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => raw.prepare("DELETE FROM audit_log WHERE id = 2").run()).toThrow(/append-only/);
    expect(raw.prepare("SELECT count(*) FROM audit_log").pluck().get()).toBe(2);
    raw.close();
    handle.close();
  });
});

describe("verifyAuditChain", () => {
  it("answers ok with no entries on an empty log", () => {
    const h = createTestDatabase({ seed: false });
    expect(verifyAuditChain(h.db)).toEqual({ ok: true, entries: 0, lastHash: null });
    h.close();
  });

  it("answers ok with the count and the last hash over more entries than one page holds", () => {
    const h = createTestDatabase({ seed: false });
    for (let i = 1; i <= 2345; i++) appendAudit(h.db, entry(i));
    const last = h.sqlite.prepare("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").pluck().get();
    expect(verifyAuditChain(h.db)).toEqual({ ok: true, entries: 2345, lastHash: last });
    h.close();
  });

  it("finds an entry edited with the triggers dropped, at that entry", () => {
    const { handle, raw } = fileWithEntries("edited", 5);
    dropGuards(raw);
    raw.prepare("UPDATE audit_log SET outcome = 'failure' WHERE id = 3").run();
    expect(verifyAuditChain(handle.db)).toEqual({ ok: false, entries: 2, brokenAt: 3, previousId: 2, reason: "hash_mismatch" });
    raw.close();
    handle.close();
  });

  it("finds an edit even when the editor recomputed that entry's own hash: the next entry no longer follows", () => {
    const { handle, raw } = fileWithEntries("rehashed", 5);
    dropGuards(raw);
    const previous = raw.prepare("SELECT hash FROM audit_log WHERE id = 2").pluck().get() as string;
    const forged = { ...listAudit(handle.db, { limit: 10 }).find((r) => r.id === 3)!, actorLabel: "someone-else@gugus.local" };
    raw.prepare("UPDATE audit_log SET actor_label = ?, hash = ? WHERE id = 3").run(forged.actorLabel, hashAuditEntry(previous, forged));
    expect(verifyAuditChain(handle.db)).toMatchObject({ ok: false, entries: 3, brokenAt: 4, previousId: 3 });
    raw.close();
    handle.close();
  });

  it("finds a removed entry at the one after it, naming the entry now before it", () => {
    const { handle, raw } = fileWithEntries("removed", 5);
    dropGuards(raw);
    raw.prepare("DELETE FROM audit_log WHERE id = 3").run();
    expect(verifyAuditChain(handle.db)).toEqual({ ok: false, entries: 2, brokenAt: 4, previousId: 2, reason: "hash_mismatch" });
    raw.close();
    handle.close();
  });

  it("finds the first entry edited", () => {
    const { handle, raw } = fileWithEntries("first", 3);
    dropGuards(raw);
    raw.prepare("UPDATE audit_log SET at = at + 1 WHERE id = 1").run();
    expect(verifyAuditChain(handle.db)).toEqual({ ok: false, entries: 0, brokenAt: 1, previousId: null, reason: "hash_mismatch" });
    raw.close();
    handle.close();
  });

  it("finds an entry slipped in without a hash by another program", () => {
    const { handle, raw } = fileWithEntries("slipped", 2);
    raw.prepare("INSERT INTO audit_log (at, action, outcome) VALUES (1, 'account.create', 'success')").run();
    expect(verifyAuditChain(handle.db)).toEqual({ ok: false, entries: 2, brokenAt: 3, previousId: 2, reason: "hash_missing" });
    raw.close();
    handle.close();
  });
});

describe("listReadableAudit", () => {
  const h = createTestDatabase();
  const all = listTaskForces(h.db, { at: "2026-12-01" });
  const bekasi = all.find((t) => t.regionCode === "32.75")!;
  const national = all.find((t) => t.level === "national")!;
  const budi = insertUser(h.db, { name: "Budi Santoso", position: "Kabid", taskForceId: national.id, role: "central_admin", passwordHash: "x", mustChangePassword: false, passwordExpiresAt: null, now: 1, email: "budi@gugus.test" })!;
  const siti = insertUser(h.db, { name: "Siti Aminah", position: "Kabid PPPA", taskForceId: bekasi.id, role: "regional_admin", passwordHash: "x", mustChangePassword: false, passwordExpiresAt: null, now: 1, email: "siti@bekasikota.go.id" })!;
  const at = Date.parse("2026-12-01T07:05:00Z");
  appendAudit(h.db, { at, actorUserId: budi, actorLabel: "budi@gugus.test", action: "membership.update", outcome: "success", targetType: "task_force", targetId: bekasi.id, ip: null, details: { "personName.before": "Ani", "personName.after": "Dedi" } });
  appendAudit(h.db, { at: at + 1, actorUserId: budi, actorLabel: "budi@gugus.test", action: "account.update", outcome: "success", targetType: "user", targetId: siti, ip: null });
  appendAudit(h.db, { at: at + 2, actorUserId: null, actorLabel: null, action: "auth.sign_in", outcome: "failure", ip: "10.0.0.9", details: { reason: "unknown_email" } });
  appendAudit(h.db, { at: at + 3, actorUserId: budi, actorLabel: "budi@gugus.test", action: "hierarchy.restructure", outcome: "success", targetType: "region", targetId: "32.75", ip: null });
  appendAudit(h.db, { at: at + 4, actorUserId: budi, actorLabel: "budi@gugus.test", action: "instrument.update", outcome: "success", targetType: "task_force", targetId: national.id, ip: null });
  const rows = listReadableAudit(h.db, { limit: 10 });

  it("names the actor by the account's name, and leaves a failed sign-in without one", () => {
    expect(rows.find((r) => r.action === "membership.update")!.actorName).toBe("Budi Santoso");
    const failed = rows.find((r) => r.action === "auth.sign_in")!;
    expect(failed).toMatchObject({ actorName: null, actorLabel: null, targetTaskForce: null, targetUserName: null });
  });

  it("labels a task force by its level and region name, the national one without a region", () => {
    expect(rows.find((r) => r.action === "membership.update")!.targetTaskForce).toEqual({ id: bekasi.id, level: "regency", regionName: "Kota Bekasi" });
    expect(rows.find((r) => r.action === "instrument.update")!.targetTaskForce).toEqual({ id: national.id, level: "national", regionName: null });
  });

  it("labels an account by its name and its task force, and a region by its name", () => {
    expect(rows.find((r) => r.action === "account.update")).toMatchObject({ targetUserName: "Siti Aminah", targetTaskForce: { level: "regency", regionName: "Kota Bekasi" } });
    expect(rows.find((r) => r.action === "hierarchy.restructure")!.targetRegionName).toBe("Kota Bekasi");
  });

  it("filters and pages like listAudit", () => {
    expect(listReadableAudit(h.db, { limit: 10, actorUserId: budi }).map((r) => r.action)).toEqual(["instrument.update", "hierarchy.restructure", "account.update", "membership.update"]);
    expect(listReadableAudit(h.db, { limit: 10, from: at + 2, to: at + 3 }).map((r) => r.action)).toEqual(["hierarchy.restructure", "auth.sign_in"]);
    expect(listReadableAudit(h.db, { limit: 2 }).map((r) => r.id)).toEqual(listAudit(h.db, { limit: 2 }).map((r) => r.id));
  });

  it("lists the accounts that acted, by name", () => {
    expect(listAuditActors(h.db)).toEqual([{ id: budi, name: "Budi Santoso" }]);
  });
});
