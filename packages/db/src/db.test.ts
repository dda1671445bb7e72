import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REFERENCE_RAN_PERIODS, getRegion } from "@gugus/domain";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, pingDatabase, quickCheck } from "./client.ts";
import {
  countChildrenByProvince,
  countTaskForcesByLevel,
  findTaskForce,
  findTaskForceByRegion,
  listChildTaskForces,
  listTaskForces,
  searchTaskForces,
} from "./queries/hierarchy.ts";
import { listRanPeriods } from "./queries/ran.ts";
import { createReadCache } from "./read-cache.ts";
import { seedDatabase } from "./seed.ts";
import { createTestDatabase } from "./testing.ts";

const tmp = mkdtempSync(join(tmpdir(), "gugus-db-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("openDatabase", () => {
  it("opens a file database in WAL mode with foreign keys on, synchronous FULL and a busy timeout", () => {
    const h = openDatabase({ path: join(tmp, "nested", "a.sqlite"), busyTimeoutMs: 1234 });
    expect(h.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(h.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(h.sqlite.pragma("synchronous", { simple: true })).toBe(2);
    expect(h.sqlite.pragma("busy_timeout", { simple: true })).toBe(1234);
    expect(pingDatabase(h.sqlite)).toBe(true);
    expect(quickCheck(h.sqlite)).toBe("ok");
    h.close();
    expect(pingDatabase(h.sqlite)).toBe(false);
  });

  it("applies the migrations: the tables exist and a second open applies nothing new", () => {
    const path = join(tmp, "b.sqlite");
    openDatabase({ path }).close();
    const h = openDatabase({ path });
    const tables = h.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(["regions", "task_forces", "ran_periods", "__drizzle_migrations"]));
    expect(h.sqlite.prepare("SELECT count(*) FROM __drizzle_migrations").pluck().get()).toBeGreaterThan(0);
    h.close();
  });
});

describe("seedDatabase", () => {
  it("loads 552 regions, 553 task forces and periods I–IV into an empty database", () => {
    const h = createTestDatabase({ seed: false });
    expect(seedDatabase(h.db)).toEqual({ regions: 552, taskForces: 553, periods: 4 });
    expect(countTaskForcesByLevel(h.db)).toEqual({ national: 1, province: 38, regency: 514 });
    expect(listRanPeriods(h.db).map((p) => [p.number, p.firstYear, p.lastYear, p.status])).toEqual(
      REFERENCE_RAN_PERIODS.map((p) => [p.number, p.firstYear, p.lastYear, p.status]),
    );
    expect(h.sqlite.pragma("foreign_key_check")).toEqual([]);
    h.close();
  });

  it("is idempotent: a second run adds nothing and keeps every id", () => {
    const h = createTestDatabase();
    const before = listTaskForces(h.db);
    expect(seedDatabase(h.db)).toEqual({ regions: 0, taskForces: 0, periods: 0 });
    expect(listTaskForces(h.db)).toEqual(before);
    h.close();
  });

  it("gives fixed ids: the national task force is 1, provinces follow in code order", () => {
    const h = createTestDatabase();
    expect(findTaskForceByRegion(h.db, null)?.id).toBe(1);
    expect(findTaskForceByRegion(h.db, "11")?.id).toBe(2);
    expect(findTaskForceByRegion(h.db, "96")?.id).toBe(39);
    expect(findTaskForceByRegion(h.db, "11.01")?.id).toBe(40);
    h.close();
  });

  it("leaves the database as it was when a row fails half-way (one transaction)", () => {
    const h = createTestDatabase({ seed: false });
    const orphan = { ...getRegion("32.75"), code: "99.01" };
    expect(() => seedDatabase(h.db, { regions: [getRegion("32"), orphan] })).toThrow();
    expect(h.db.get<{ n: number }>(sql`SELECT (SELECT count(*) FROM regions) + (SELECT count(*) FROM task_forces) AS n`)).toEqual({ n: 0 });
    h.close();
  });
});

describe("hierarchy queries", () => {
  const h = createTestDatabase();
  afterAll(() => h.close());

  it("lists 553 task forces, national first", () => {
    const all = listTaskForces(h.db);
    expect(all).toHaveLength(553);
    expect(all[0]).toMatchObject({ level: "national", regionCode: null, parentId: null });
    expect(all[1]).toMatchObject({ level: "province", regionCode: "11", regionName: "Aceh" });
  });

  it("links Kota Bekasi to Jawa Barat and Jawa Barat to the national task force", () => {
    const bekasi = findTaskForceByRegion(h.db, "32.75")!;
    const jabar = findTaskForce(h.db, bekasi.parentId!)!;
    expect(jabar).toMatchObject({ regionCode: "32", regionName: "Jawa Barat", parentId: 1 });
    expect(listChildTaskForces(h.db, jabar.id).map((c) => c.regionCode)).toContain("32.75");
  });

  it("counts 38 provinces whose regency/city counts sum to 514 (Jawa Barat: 18 kabupaten, 9 kota)", () => {
    const rows = countChildrenByProvince(h.db);
    expect(rows).toHaveLength(38);
    expect(rows.reduce((s, r) => s + r.regencies, 0)).toBe(514);
    expect(rows.find((r) => r.regionCode === "32")).toMatchObject({ regencies: 27, kabupaten: 18, kota: 9 });
    for (const r of rows) expect(r.kabupaten + r.kota).toBe(r.regencies);
  });

  it("searches names by every word, case-insensitive: 'bekasi' finds Kabupaten Bekasi and Kota Bekasi", () => {
    expect(searchTaskForces(h.db, { words: ["bekasi"], limit: 20 }).map((r) => r.regionCode)).toEqual(["32.16", "32.75"]);
    expect(searchTaskForces(h.db, { words: ["kota", "BEKASI"], limit: 20 }).map((r) => r.regionCode)).toEqual(["32.75"]);
  });

  it("searches by code prefix, and treats % and _ as plain text", () => {
    expect(searchTaskForces(h.db, { words: [], codePrefix: "32.7", limit: 50 }).map((r) => r.regionCode)).toEqual([
      "32.71", "32.72", "32.73", "32.74", "32.75", "32.76", "32.77", "32.78", "32.79",
    ]);
    expect(searchTaskForces(h.db, { words: ["%"], limit: 5 })).toEqual([]);
    expect(searchTaskForces(h.db, { words: ["_"], limit: 5 })).toEqual([]);
    expect(searchTaskForces(h.db, { words: [], limit: 5 })).toEqual([]);
  });

  it("respects the limit", () => {
    expect(searchTaskForces(h.db, { words: ["a"], limit: 7 })).toHaveLength(7);
  });
});

describe("constraints", () => {
  const h = createTestDatabase();
  afterAll(() => h.close());

  it("refuse a second national task force, an unknown level, a regency without a parent, a duplicate period number", () => {
    expect(() => h.sqlite.prepare("INSERT INTO task_forces (level) VALUES ('national')").run()).toThrow(/UNIQUE/);
    expect(() => h.sqlite.prepare("INSERT INTO task_forces (level, region_code, parent_id) VALUES ('village', '32.75', 1)").run()).toThrow(/CHECK/);
    expect(() => h.sqlite.prepare("INSERT INTO regions (code, name, level) VALUES ('32.98', 'x', 'regency')").run()).toThrow(/CHECK/);
    expect(() => h.sqlite.prepare("INSERT INTO ran_periods (number, first_year, last_year, status) VALUES (2, 2040, 2044, 'draft')").run()).toThrow(/UNIQUE/);
    expect(() => h.sqlite.prepare("INSERT INTO ran_periods (number, first_year, last_year, status) VALUES (9, 2044, 2040, 'draft')").run()).toThrow(/CHECK/);
    h.sqlite.prepare("INSERT INTO regions (code, name, level, parent_code, kind) VALUES ('32.98', 'Kota Baru', 'regency', '32', 'kota')").run();
    expect(() => h.sqlite.prepare("INSERT INTO task_forces (level, region_code, parent_id) VALUES ('regency', '32.98', 9999)").run()).toThrow(/FOREIGN KEY/);
    expect(() => h.sqlite.prepare("INSERT INTO regions (code, name, level, parent_code, kind) VALUES ('99.01', 'x', 'regency', '99', 'kota')").run()).toThrow(/FOREIGN KEY/);
  });
});

describe("createReadCache", () => {
  it("answers from the cache until reference data changes, then reads again; other writes keep it", () => {
    const h = createTestDatabase();
    const cache = createReadCache(h.sqlite);
    let reads = 0;
    const count = () => cache.get("n", () => (reads++, h.sqlite.prepare("SELECT count(*) FROM ran_periods").pluck().get()));
    expect(count()).toBe(4);
    expect(count()).toBe(4);
    expect(reads).toBe(1);
    h.sqlite.prepare("INSERT INTO audit_log (at, action, outcome) VALUES (1, 'x', 'success')").run();
    expect(count()).toBe(4);
    expect(reads).toBe(1);
    h.sqlite.prepare("INSERT INTO ran_periods (number, first_year, last_year, status) VALUES (5, 2030, 2034, 'draft')").run();
    expect(count()).toBe(5);
    expect(reads).toBe(2);
    h.close();
  });

  it("sees a write made by another connection to the same file", () => {
    const path = join(tmp, "cache.sqlite");
    const a = openDatabase({ path });
    seedDatabase(a.db);
    const b = openDatabase({ path });
    const cache = createReadCache(a.sqlite);
    const count = () => cache.get("n", () => a.sqlite.prepare("SELECT count(*) FROM ran_periods").pluck().get());
    expect(count()).toBe(4);
    b.sqlite.prepare("DELETE FROM ran_periods WHERE number = 4").run();
    expect(count()).toBe(3);
    a.close();
    b.close();
  });

  it("keeps separate keys apart and stays bounded", () => {
    const h = createTestDatabase({ seed: false });
    const cache = createReadCache(h.sqlite, { maxEntries: 2 });
    expect(cache.get("a", () => 1)).toBe(1);
    expect(cache.get("b", () => 2)).toBe(2);
    expect(cache.get("a", () => 99)).toBe(99);
    h.close();
  });
});

describe("the audit log", () => {
  it("is append-only: UPDATE and DELETE are refused", () => {
    const h = createTestDatabase({ seed: false });
    h.sqlite.prepare("INSERT INTO audit_log (at, action, outcome) VALUES (1, 'auth.sign_in', 'success')").run();
    expect(() => h.sqlite.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => h.sqlite.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    expect(h.sqlite.prepare("SELECT count(*) FROM audit_log").pluck().get()).toBe(1);
    h.close();
  });
});
