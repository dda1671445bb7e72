import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REFERENCE_RAN_PERIODS, formationStatusAt, getRegion } from "@gugus/domain";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, pingDatabase, quickCheck } from "./client.ts";
import { findTaskForce, findTaskForceByRegion, listChildTaskForces, listRegionLinks, listSuccessions, listTaskForces, searchTaskForces } from "./queries/hierarchy.ts";
import { listRanPeriods } from "./queries/ran.ts";
import { deleteSession, insertSession, insertUser, touchSession } from "./queries/accounts.ts";
import { confirmMfaFactor, deleteMfaFactor, markSessionSecondFactor, savePendingMfaFactor } from "./queries/mfa.ts";
import { createReadCache, readSessionVersions } from "./read-cache.ts";
import { NATIONAL_INSTRUMENTS, seedDatabase } from "./seed.ts";
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

const TODAY = "2026-11-28";
/** The national task force's Perpres the seed records (those a source dates). */
const SEEDED_NATIONAL = NATIONAL_INSTRUMENTS.filter((i) => i.issuedOn !== null).length;
const count = (h: { sqlite: { prepare: (s: string) => { pluck: () => { get: () => unknown } } } }, table: string) => h.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe("seedDatabase", () => {
  it("loads today's 552 regions plus the 26 codes before the Papua split, 553 task forces and periods I–IV", () => {
    const h = createTestDatabase({ seed: false });
    expect(seedDatabase(h.db)).toEqual({ regions: 578, taskForces: 553, periods: 4, instruments: SEEDED_NATIONAL });
    expect(count(h, "successions")).toBe(30);
    expect(count(h, "task_force_regions")).toBe(578);
    const today = listTaskForces(h.db, { at: TODAY });
    expect(today).toHaveLength(553);
    expect(listRanPeriods(h.db).map((p) => [p.number, p.firstYear, p.lastYear, p.status])).toEqual(
      REFERENCE_RAN_PERIODS.map((p) => [p.number, p.firstYear, p.lastYear, p.status]),
    );
    expect(h.sqlite.pragma("foreign_key_check")).toEqual([]);
    h.close();
  });

  it("is idempotent: a second run adds nothing and keeps every id", () => {
    const h = createTestDatabase();
    const before = listTaskForces(h.db, { at: TODAY });
    expect(seedDatabase(h.db)).toEqual({ regions: 0, taskForces: 0, periods: 0, instruments: 0 });
    expect(count(h, "task_force_regions")).toBe(578);
    expect(listTaskForces(h.db, { at: TODAY })).toEqual(before);
    h.close();
  });

  it("gives fixed ids: the national task force is 1, provinces follow in code order", () => {
    const h = createTestDatabase();
    expect(findTaskForceByRegion(h.db, null, TODAY)?.id).toBe(1);
    expect(findTaskForceByRegion(h.db, "11", TODAY)?.id).toBe(2);
    expect(findTaskForceByRegion(h.db, "96", TODAY)?.id).toBe(39);
    expect(findTaskForceByRegion(h.db, "11.01", TODAY)?.id).toBe(40);
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

describe("the 2022 Papua split in the seeded history", () => {
  const h = createTestDatabase();
  afterAll(() => h.close());
  const merauke = findTaskForceByRegion(h.db, "93.01", TODAY)!;

  it("shows Kab. Merauke as 91.01 under Papua on 2021-12-31, and as 93.01 under Papua Selatan today: one task force", () => {
    const before = findTaskForce(h.db, merauke.id, "2021-12-31")!;
    const after = findTaskForce(h.db, merauke.id, TODAY)!;
    expect(before).toMatchObject({ id: merauke.id, regionCode: "91.01", regionName: "Kabupaten Merauke", parentId: findTaskForceByRegion(h.db, "91", TODAY)!.id });
    expect(after).toMatchObject({ id: merauke.id, regionCode: "93.01", parentId: findTaskForceByRegion(h.db, "93", TODAY)!.id });
    expect(findTaskForceByRegion(h.db, "91.01", "2021-12-31")?.id).toBe(merauke.id);
  });

  it("switches on the law's date: 2022-07-24 still 91.01, 2022-07-25 already 93.01", () => {
    expect(findTaskForce(h.db, merauke.id, "2022-07-24")?.regionCode).toBe("91.01");
    expect(findTaskForce(h.db, merauke.id, "2022-07-25")?.regionCode).toBe("93.01");
  });

  it("has 34 provinces and no Papua Selatan before the split, 38 after", () => {
    const at2021 = listTaskForces(h.db, { at: "2021-12-31" });
    expect(at2021.filter((t) => t.level === "province")).toHaveLength(34);
    expect(at2021.filter((t) => t.level === "regency")).toHaveLength(514);
    expect(at2021.some((t) => t.regionCode === "93")).toBe(false);
    expect(listTaskForces(h.db, { at: "2022-12-08" }).filter((t) => t.level === "province")).toHaveLength(38);
  });

  it("keeps Kota Sorong in Papua Barat until the second law (8 Dec 2022)", () => {
    const sorong = findTaskForceByRegion(h.db, "96.71", TODAY)!;
    expect(findTaskForce(h.db, sorong.id, "2022-12-07")?.regionCode).toBe("92.71");
    expect(findTaskForce(h.db, sorong.id, "2022-12-08")?.regionCode).toBe("96.71");
  });

  it("lists a task force's regions over time and the successions behind them", () => {
    expect(listRegionLinks(h.db, merauke.id)).toEqual([
      { regionCode: "91.01", regionName: "Kabupaten Merauke", validFrom: null, validTo: "2022-07-24" },
      { regionCode: "93.01", regionName: "Kabupaten Merauke", validFrom: "2022-07-25", validTo: null },
    ]);
    expect(listSuccessions(h.db, { codes: ["91.01", "93.01"] })).toMatchObject([{ oldCode: "91.01", newCode: "93.01", type: "recode", legalBasis: "UU 14/2022" }]);
  });

  it("gives Papua 9 regencies/cities today and 29 before the split", () => {
    const papua = findTaskForceByRegion(h.db, "91", TODAY)!;
    expect(listChildTaskForces(h.db, papua, TODAY)).toHaveLength(9);
    expect(listChildTaskForces(h.db, findTaskForce(h.db, papua.id, "2021-12-31")!, "2021-12-31")).toHaveLength(29);
  });
});

describe("hierarchy queries", () => {
  const h = createTestDatabase();
  afterAll(() => h.close());

  it("lists 553 task forces, national first", () => {
    const all = listTaskForces(h.db, { at: TODAY });
    expect(all).toHaveLength(553);
    expect(all[0]).toMatchObject({ level: "national", regionCode: null, parentId: null });
    expect(all[1]).toMatchObject({ level: "province", regionCode: "11", regionName: "Aceh", parentId: 1 });
  });

  it("links Kota Bekasi to Jawa Barat and Jawa Barat to the national task force", () => {
    const bekasi = findTaskForceByRegion(h.db, "32.75", TODAY)!;
    const jabar = findTaskForce(h.db, bekasi.parentId!, TODAY)!;
    expect(jabar).toMatchObject({ regionCode: "32", regionName: "Jawa Barat", parentId: 1 });
    expect(listChildTaskForces(h.db, jabar, TODAY).map((c) => c.regionCode)).toContain("32.75");
    expect(listChildTaskForces(h.db, jabar, TODAY)).toHaveLength(27);
  });

  it("searches names by every word, case-insensitive: 'bekasi' finds Kabupaten Bekasi and Kota Bekasi", () => {
    expect(searchTaskForces(h.db, { words: ["bekasi"], limit: 20, at: TODAY }).map((r) => r.regionCode)).toEqual(["32.16", "32.75"]);
    expect(searchTaskForces(h.db, { words: ["kota", "BEKASI"], limit: 20, at: TODAY }).map((r) => r.regionCode)).toEqual(["32.75"]);
  });

  it("searches by code prefix at the date, and treats % and _ as plain text", () => {
    expect(searchTaskForces(h.db, { words: [], codePrefix: "32.7", limit: 50, at: TODAY }).map((r) => r.regionCode)).toEqual([
      "32.71", "32.72", "32.73", "32.74", "32.75", "32.76", "32.77", "32.78", "32.79",
    ]);
    expect(searchTaskForces(h.db, { words: [], codePrefix: "91.01", limit: 5, at: TODAY })).toEqual([]);
    expect(searchTaskForces(h.db, { words: [], codePrefix: "91.01", limit: 5, at: "2021-01-01" })).toHaveLength(1);
    expect(searchTaskForces(h.db, { words: ["%"], limit: 5, at: TODAY })).toEqual([]);
    expect(searchTaskForces(h.db, { words: ["_"], limit: 5, at: TODAY })).toEqual([]);
    expect(searchTaskForces(h.db, { words: [], limit: 5, at: TODAY })).toEqual([]);
  });

  it("respects the limit", () => {
    expect(searchTaskForces(h.db, { words: ["a"], limit: 7, at: TODAY })).toHaveLength(7);
  });
});

describe("constraints", () => {
  const h = createTestDatabase();
  afterAll(() => h.close());

  it("refuse a second national task force, an unknown level, a regency without a parent, a duplicate period number", () => {
    expect(() => h.sqlite.prepare("INSERT INTO task_forces (level) VALUES ('national')").run()).toThrow(/UNIQUE/);
    expect(() => h.sqlite.prepare("INSERT INTO task_forces (level) VALUES ('village')").run()).toThrow(/CHECK/);
    expect(() => h.sqlite.prepare("INSERT INTO task_force_regions (task_force_id, region_code) VALUES (2, '32.75')").run()).toThrow(/UNIQUE/);
    expect(() => h.sqlite.prepare("INSERT INTO successions (old_code, new_code, type, effective_date) VALUES ('32.75', '32.75', 'recode', '2030-01-01')").run()).toThrow(/CHECK/);
    expect(() => h.sqlite.prepare("INSERT INTO regions (code, name, level) VALUES ('32.98', 'x', 'regency')").run()).toThrow(/CHECK/);
    expect(() => h.sqlite.prepare("INSERT INTO ran_periods (number, first_year, last_year, status) VALUES (2, 2040, 2044, 'draft')").run()).toThrow(/UNIQUE/);
    expect(() => h.sqlite.prepare("INSERT INTO ran_periods (number, first_year, last_year, status) VALUES (9, 2044, 2040, 'draft')").run()).toThrow(/CHECK/);
    h.sqlite.prepare("INSERT INTO regions (code, name, level, parent_code, kind) VALUES ('32.98', 'Kota Baru', 'regency', '32', 'kota')").run();
    expect(() => h.sqlite.prepare("INSERT INTO task_force_regions (task_force_id, region_code) VALUES (9999, '32.98')").run()).toThrow(/FOREIGN KEY/);
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

describe("readSessionVersions", () => {
  it("raises the accounts' version with every write that could change a resolved session, and not when a session's last use moves forward", () => {
    const h = createTestDatabase();
    const accounts = () => readSessionVersions(h.sqlite).accounts;
    const raises = (write: () => unknown) => {
      const before = accounts();
      write();
      return accounts() - before;
    };
    const tf = listTaskForces(h.db, { at: "2026-12-01" }).find((t) => t.regionCode === "32.75")!;
    let user = 0;
    expect(raises(() => (user = insertUser(h.db, { email: "v@bekasikota.go.id", name: "V", position: "Staf", taskForceId: tf.id, role: "regional_member", passwordHash: "x", mustChangePassword: false, passwordExpiresAt: null, now: 1 } as never)!))).toBe(1);
    let session = 0;
    expect(raises(() => (session = insertSession(h.db, { tokenHash: "t1", userId: user, now: 100, ip: null, userAgent: null })))).toBe(1);
    // The last use moving forward is what every request writes: it leaves the version alone.
    expect(raises(() => touchSession(h.db, session, 200))).toBe(0);
    expect(raises(() => touchSession(h.db, session, 200))).toBe(0);
    // Backwards, to anything but a number, or any other column, is a change.
    expect(raises(() => touchSession(h.db, session, 150))).toBe(1);
    expect(raises(() => h.sqlite.prepare("UPDATE sessions SET last_seen_at = '' WHERE id = ?").run(session))).toBe(1);
    expect(raises(() => touchSession(h.db, session, 160))).toBe(1);
    expect(raises(() => markSessionSecondFactor(h.db, session, 300))).toBe(1);
    expect(raises(() => h.sqlite.prepare("UPDATE sessions SET user_agent = 'x' WHERE id = ?").run(session))).toBe(1);
    expect(raises(() => h.sqlite.prepare("UPDATE users SET role = 'regional_admin' WHERE id = ?").run(user))).toBe(1);
    expect(raises(() => savePendingMfaFactor(h.db, { userId: user, secret: "s", now: 400 }))).toBe(1);
    expect(raises(() => confirmMfaFactor(h.db, { userId: user, step: 1, now: 500 }))).toBe(1);
    expect(raises(() => deleteMfaFactor(h.db, user))).toBe(1);
    expect(raises(() => deleteSession(h.db, session))).toBe(1);
    // Writes elsewhere leave it alone; the reference version is read beside it.
    expect(raises(() => h.sqlite.prepare("INSERT INTO audit_log (at, action, outcome) VALUES (1, 'x', 'success')").run())).toBe(0);
    const { reference } = readSessionVersions(h.sqlite);
    h.sqlite.prepare("INSERT INTO ran_periods (number, first_year, last_year, status) VALUES (5, 2030, 2034, 'draft')").run();
    expect(readSessionVersions(h.sqlite).reference).toBe(reference + 1);
    // The places a session resolves to move the reference version.
    const reference2 = readSessionVersions(h.sqlite).reference;
    h.sqlite.prepare("UPDATE task_force_regions SET valid_from = valid_from WHERE task_force_id = ?").run(tf.id);
    h.sqlite.prepare("UPDATE regions SET name = name WHERE code = '32.75'").run();
    expect(readSessionVersions(h.sqlite).reference).toBe(reference2 + 2);
    // Deleting an account without sessions raises it by itself.
    expect(raises(() => h.sqlite.prepare("DELETE FROM users WHERE id = ?").run(user))).toBe(1);
    h.close();
  });

  it("has every trigger it relies on, by name (a table rebuilt by a later migration would drop them)", () => {
    const h = createTestDatabase({ seed: false });
    const triggers = new Set(h.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]);
    for (const table of ["users", "sessions", "mfa_factors"]) {
      for (const op of ["insert", "update", "delete"]) expect(triggers, `${table}_${op}`).toContain(`${table}_${op}_bumps_account_version`);
    }
    for (const table of ["regions", "task_forces", "task_force_regions"]) {
      for (const op of ["insert", "update", "delete"]) expect(triggers, `${table}_${op}`).toContain(`${table}_${op}_bumps_reference_version`);
    }
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

describe("the national task force's instruments in the seed", () => {
  const perpres = (h: ReturnType<typeof createTestDatabase>) =>
    h.sqlite.prepare("SELECT type, number, issued_on AS issuedOn, issuer, document_ref AS documentRef, revoked_on AS revokedOn FROM instruments WHERE task_force_id = 1 ORDER BY issued_on, id").all() as Record<string, string | null>[];

  it("records Perpres 49/2023 (signed 10 August 2023) in order, so the nation reads formed today and from that day", () => {
    const h = createTestDatabase();
    const rows = perpres(h);
    expect(rows).toHaveLength(SEEDED_NATIONAL);
    expect(rows.map((r) => r.issuedOn)).toEqual([...rows.map((r) => r.issuedOn)].sort());
    expect(rows.at(-1)).toEqual({ type: "perpres", number: "49 Tahun 2023", issuedOn: "2023-08-10", issuer: "Presiden Republik Indonesia", documentRef: null, revokedOn: null });
    const status = (at: string) => formationStatusAt(rows.map((r, id) => ({ id, issuedOn: r.issuedOn!, endsOn: null, revokedOn: r.revokedOn ?? null })), at).status;
    expect(status(TODAY)).toBe("formed");
    expect(status("2023-08-10")).toBe("formed");
    h.close();
  });

  it("names all three Perpres, established then amended twice, and leaves out a date no source gives", () => {
    expect(NATIONAL_INSTRUMENTS.map((i) => i.number)).toEqual(["69 Tahun 2008", "22 Tahun 2021", "49 Tahun 2023"]);
    const h = createTestDatabase({ seed: false });
    seedDatabase(h.db, { nationalInstruments: [{ ...NATIONAL_INSTRUMENTS[0]!, issuedOn: null }, NATIONAL_INSTRUMENTS[2]!] });
    expect(perpres(h).map((r) => r.number)).toEqual(["49 Tahun 2023"]);
    h.close();
  });

  it("writes the same rows, record times included, into every database", () => {
    const rowsOf = (h: ReturnType<typeof createTestDatabase>) => JSON.stringify(h.sqlite.prepare("SELECT * FROM instruments ORDER BY id").raw().all());
    const a = createTestDatabase();
    const b = createTestDatabase();
    expect(rowsOf(a)).toBe(rowsOf(b));
    a.close();
    b.close();
  });

  it("adds them to an existing database at the next run, once, and keeps an admin's correction of one", () => {
    const h = createTestDatabase({ seed: false });
    seedDatabase(h.db, { nationalInstruments: [] });
    expect(perpres(h)).toEqual([]);
    expect(seedDatabase(h.db).instruments).toBe(SEEDED_NATIONAL);
    h.sqlite.prepare("UPDATE instruments SET issuer = 'Presiden RI' WHERE number = '49 Tahun 2023'").run();
    expect(seedDatabase(h.db)).toEqual({ regions: 0, taskForces: 0, periods: 0, instruments: 0 });
    expect(perpres(h).at(-1)?.issuer).toBe("Presiden RI");
    h.close();
  });
});
