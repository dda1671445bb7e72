/**
 * Migrations that change data, tried on a database as it stood before them: the earlier migrations
 * applied by hand, rows written the old way, then the migration under test.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "./client.ts";
import { appendAudit, hashAuditEntry, registerAuditFunctions, verifyAuditChain } from "./queries/audit.ts";
import type { AuditRow } from "./queries/audit.ts";
import * as schema from "./schema.ts";

const statementsOf = (file: string) =>
  readFileSync(join(MIGRATIONS_FOLDER, file), "utf8")
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter(Boolean);

function databaseBefore(migration: string): Database.Database {
  const sqlite = new Database(":memory:");
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  for (const { tag } of journal.entries) {
    if (tag === migration) return sqlite;
    for (const s of statementsOf(`${tag}.sql`)) sqlite.exec(s);
  }
  throw new Error(`no migration ${migration}`);
}

const apply = (sqlite: Database.Database, migration: string) => {
  for (const s of statementsOf(`${migration}.sql`)) sqlite.exec(s);
};

describe("0002: instrument numbers keyed without case", () => {
  const MIGRATION = "0002_instrument_number_key";

  function withInstruments(rows: [taskForceId: number, type: string, number: string][]) {
    const sqlite = databaseBefore(MIGRATION);
    sqlite.exec("INSERT INTO task_forces (id, level) VALUES (1, 'regency'), (2, 'regency')");
    const insert = sqlite.prepare("INSERT INTO instruments (task_force_id, type, number, issued_on, issuer, updated_at) VALUES (?, ?, ?, '2019-05-01', 'Wali Kota', 0)");
    for (const r of rows) insert.run(...r);
    apply(sqlite, MIGRATION);
    return sqlite;
  }

  it("keys every recorded number in lower case", () => {
    const sqlite = withInstruments([[1, "perwali", "SK-ABC/2019"]]);
    expect(sqlite.prepare("SELECT number, number_key FROM instruments").raw().all()).toEqual([["SK-ABC/2019", "sk-abc/2019"]]);
  });

  it("keeps the older of a pair as it was and renames the later one, so both survive and the index holds", () => {
    const sqlite = withInstruments([
      [1, "perwali", "SK-ABC/2019"],
      [1, "perwali", "sk-abc/2019"],
      [1, "perwali", "Sk-Abc/2019"],
    ]);
    expect(sqlite.prepare("SELECT id, number, number_key FROM instruments ORDER BY id").raw().all()).toEqual([
      [1, "SK-ABC/2019", "sk-abc/2019"],
      [2, "sk-abc/2019 (duplikat 2)", "sk-abc/2019 (duplikat 2)"],
      [3, "Sk-Abc/2019 (duplikat 3)", "sk-abc/2019 (duplikat 3)"],
    ]);
  });

  it("leaves alone the same number at another task force or of another type", () => {
    const sqlite = withInstruments([
      [1, "perwali", "SK-ABC/2019"],
      [2, "perwali", "sk-abc/2019"],
      [1, "sk_walikota", "sk-abc/2019"],
    ]);
    expect(sqlite.prepare("SELECT number FROM instruments ORDER BY id").pluck().all()).toEqual(["SK-ABC/2019", "sk-abc/2019", "sk-abc/2019"]);
  });

  it("refuses, after it, a number differing from a recorded one only by case", () => {
    const sqlite = withInstruments([[1, "perwali", "SK-ABC/2019"]]);
    expect(() =>
      sqlite.prepare("INSERT INTO instruments (task_force_id, type, number, number_key, issued_on, issuer, updated_at) VALUES (1, 'perwali', 'sk-abc/2019', 'sk-abc/2019', '2020-01-01', 'x', 0)").run(),
    ).toThrow(/UNIQUE/);
  });
});

describe("0003: the audit log chained", () => {
  const MIGRATION = "0003_audit_chain";

  function withEntries(count: number) {
    const sqlite = databaseBefore(MIGRATION);
    const insert = sqlite.prepare("INSERT INTO audit_log (at, actor_user_id, actor_label, action, outcome, target_type, target_id, ip, details) VALUES (?, ?, ?, ?, 'success', ?, ?, ?, ?)");
    for (let i = 1; i <= count; i++) insert.run(1000 + i, i % 2 ? null : i, i % 2 ? "cli" : `u${i}@gugus.local`, "account.create", "user", String(i), i % 2 ? null : "10.0.0.1", i % 3 ? null : `{"n":${i}}`);
    registerAuditFunctions(sqlite);
    apply(sqlite, MIGRATION);
    return sqlite;
  }

  it("chains every entry already recorded, oldest first, as the writer would have", () => {
    const sqlite = withEntries(4);
    const rows = sqlite.prepare("SELECT id, at, actor_user_id AS actorUserId, actor_label AS actorLabel, action, outcome, target_type AS targetType, target_id AS targetId, ip, details, hash FROM audit_log ORDER BY id").all() as (AuditRow & { hash: string })[];
    let previous: string | null = null;
    for (const { hash, ...row } of rows) {
      expect(hash).toBe(hashAuditEntry(previous, row));
      previous = hash;
    }
    const db = drizzle({ client: sqlite, schema, casing: "snake_case" });
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 4, lastHash: previous });
    appendAudit(db, { at: 2000, actorUserId: null, actorLabel: "cli", action: "account.create", outcome: "success", ip: null });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, entries: 5 });
  });

  it("leaves an empty log empty, and keeps refusing UPDATE after it", () => {
    expect(withEntries(0).prepare("SELECT count(*) FROM audit_log").pluck().get()).toBe(0);
    expect(() => withEntries(1).prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
  });
});
