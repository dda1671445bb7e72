import { isWithin } from "@gugus/domain";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing.ts";
import {
  deleteSessionsOfUser,
  findSessionByTokenHash,
  findUserById,
  insertSession,
  insertUser,
  listUsers,
  updateUser,
} from "./accounts.ts";
import { insertInstrument, listInstruments, updateInstrument } from "./formation.ts";
import { listTaskForces } from "./hierarchy.ts";
import { isTaskForceInScope } from "./scope.ts";
import { countRecentFailures, recordSignInAttempt } from "./security.ts";

const TODAY = "2026-11-28";
const h = createTestDatabase();
afterAll(() => h.close());
const all = listTaskForces(h.db, { at: TODAY });
const place = (t: (typeof all)[number]) => ({ level: t.level, regionCode: t.regionCode });
const scopeOf = (t: (typeof all)[number]) => ({ place: place(t), today: TODAY });

describe("withinScope (SQL) agrees with isWithin (domain)", () => {
  it("for the scope of every province, and of the nation", () => {
    for (const scope of all.filter((t) => t.level !== "regency")) {
      const inSql = new Set(listTaskForces(h.db, { at: TODAY, within: scopeOf(scope) }).map((t) => t.id));
      const inDomain = new Set(all.filter((t) => isWithin(place(t), place(scope))).map((t) => t.id));
      expect(inSql).toEqual(inDomain);
    }
  });

  it("property: for random regency/city scopes", () => {
    const regencies = all.filter((t) => t.level === "regency");
    fc.assert(
      fc.property(fc.constantFrom(...regencies), (scope) => {
        const inSql = listTaskForces(h.db, { at: TODAY, within: scopeOf(scope) }).map((t) => t.id);
        return inSql.length === 1 && inSql[0] === scope.id;
      }),
      { numRuns: 50 },
    );
  });

  it("an ended regional task force (no region today, merged away) has an empty scope, never the whole country", () => {
    for (const level of ["province", "regency"] as const) {
      const ended = { place: { level, regionCode: null }, today: TODAY };
      expect(isWithin(place(all[1]!), ended.place)).toBe(false);
      expect(listTaskForces(h.db, { at: TODAY, within: ended })).toEqual([]);
      expect(isTaskForceInScope(h.db, all[1]!.id, ended)).toBe(false);
    }
  });

  it("keeps the same task forces when viewing an earlier date: Papua Selatan's scope holds Merauke as 91.01 in 2021", () => {
    const papuaSelatan = all.find((t) => t.regionCode === "93")!;
    const in2021 = listTaskForces(h.db, { at: "2021-12-31", within: scopeOf(papuaSelatan) }).map((t) => t.regionCode);
    expect(in2021).toEqual(["91.01", "91.16", "91.17", "91.18"]);
    const papua = all.find((t) => t.regionCode === "91")!;
    expect(listTaskForces(h.db, { at: "2021-12-31", within: scopeOf(papua) }).map((t) => t.regionCode)).not.toContain("91.01");
  });
});

describe("accounts", () => {
  const bekasi = all.find((t) => t.regionCode === "32.75")!;
  const base = { name: "Siti Aminah", position: "Kabid PPPA", taskForceId: bekasi.id, role: "regional_admin" as const, passwordHash: "x", mustChangePassword: true, passwordExpiresAt: null, now: 1000 };

  it("inserts once per email; a second insert with the same email gives undefined", () => {
    const id = insertUser(h.db, { ...base, email: "siti@bekasikota.go.id" });
    expect(id).toBeTypeOf("number");
    expect(insertUser(h.db, { ...base, email: "siti@bekasikota.go.id" })).toBeUndefined();
    expect(findUserById(h.db, id!, TODAY)).toMatchObject({ email: "siti@bekasikota.go.id", taskForceRegionCode: "32.75", taskForceLevel: "regency", version: 1 });
  });

  it("refuses an email that is not lower-case (the database keeps one form)", () => {
    expect(() => insertUser(h.db, { ...base, email: "Budi@X.go.id" })).toThrow(/CHECK/);
  });

  it("updates only from the version read: a stale version changes nothing", () => {
    const id = insertUser(h.db, { ...base, email: "budi@bekasikota.go.id" })!;
    expect(updateUser(h.db, { id, version: 1, changes: { name: "Budi Santoso" }, now: 2000 })).toBe(true);
    expect(updateUser(h.db, { id, version: 1, changes: { name: "Lost Update" }, now: 3000 })).toBe(false);
    expect(findUserById(h.db, id, TODAY)).toMatchObject({ name: "Budi Santoso", version: 2 });
  });

  it("lists accounts within a scope and by text, with the total", () => {
    const jabar = all.find((t) => t.regionCode === "32")!;
    const jateng = all.find((t) => t.regionCode === "33")!;
    insertUser(h.db, { ...base, email: "ani@jatengprov.go.id", taskForceId: jateng.id });
    const inJabar = listUsers(h.db, { today: TODAY, within: scopeOf(jabar), limit: 50, offset: 0 });
    expect(inJabar.rows.every((u) => u.taskForceRegionCode?.startsWith("32"))).toBe(true);
    expect(inJabar.total).toBe(inJabar.rows.length);
    expect(listUsers(h.db, { today: TODAY, query: "ANI@", limit: 50, offset: 0 }).rows.map((u) => u.email)).toEqual(["ani@jatengprov.go.id"]);
    expect(listUsers(h.db, { today: TODAY, query: "%", limit: 50, offset: 0 }).rows).toEqual([]);
  });

  it("finds a session by its token hash with its account, and ends all of an account's sessions", () => {
    const id = insertUser(h.db, { ...base, email: "sesi@bekasikota.go.id" })!;
    const s1 = insertSession(h.db, { tokenHash: "h1", userId: id, now: 10, ip: "1.2.3.4", userAgent: "x" });
    insertSession(h.db, { tokenHash: "h2", userId: id, now: 11, ip: null, userAgent: null });
    const found = findSessionByTokenHash(h.sqlite, "h1", TODAY);
    expect(found).toEqual({ session: { id: s1, userId: id, createdAt: 10, lastSeenAt: 10, ip: "1.2.3.4", userAgent: "x" }, user: findUserById(h.db, id, TODAY), secondFactor: { verifiedAt: null, factor: null } });
    expect(found!.user).toMatchObject({ email: "sesi@bekasikota.go.id", active: true });
    expect([typeof found!.user.taskForceRegionCode, typeof found!.user.taskForceRegionName]).toEqual(["string", "string"]);
    expect(findSessionByTokenHash(h.sqlite, "h2", TODAY)).toMatchObject({ session: { ip: null, userAgent: null } });
    expect(deleteSessionsOfUser(h.db, id, { except: s1 })).toBe(1);
    expect(deleteSessionsOfUser(h.db, id)).toBe(1);
    expect(findSessionByTokenHash(h.sqlite, "h1", TODAY)).toBeUndefined();
  });
});

describe("sign-in attempts", () => {
  it("counts an account's failures since its last success, an address's failures all through the window", () => {
    const a = (at: number, success: boolean) => recordSignInAttempt(h.db, { at, emailHash: "e1", ip: "9.9.9.9", success });
    a(100, false);
    a(200, false);
    a(300, true);
    a(400, false);
    a(500, false);
    expect(countRecentFailures(h.db, { emailHash: "e1", since: 0 })).toEqual({ failures: 2, lastFailureAt: 500 });
    expect(countRecentFailures(h.db, { emailHash: "e1", since: 450 })).toEqual({ failures: 1, lastFailureAt: 500 });
    expect(countRecentFailures(h.db, { ip: "9.9.9.9", since: 0 })).toEqual({ failures: 4, lastFailureAt: 500 });
    expect(countRecentFailures(h.db, { emailHash: "nobody", since: 0 })).toEqual({ failures: 0, lastFailureAt: null });
  });
});

describe("instruments", () => {
  const kotaBekasi = all.find((t) => t.regionCode === "32.75")!;
  const instrument = (number: string) => ({ type: "perwali" as const, number, issuedOn: "2019-05-01", issuer: "Wali Kota", documentRef: null, endsOn: null, revokedOn: null });

  it("refuses a second instrument whose number differs only by case, by inserting nothing", () => {
    const first = insertInstrument(h.db, kotaBekasi.id, instrument("SK-ABC/2019"), 0);
    expect(first).toBeTypeOf("number");
    expect(insertInstrument(h.db, kotaBekasi.id, instrument("sk-abc/2019"), 0)).toBeUndefined();
    expect(listInstruments(h.db, kotaBekasi.id).map((i) => i.number)).toEqual(["SK-ABC/2019"]);
  });

  it("refuses changing a number into another's in another case, and takes a change of its own case", () => {
    const other = insertInstrument(h.db, kotaBekasi.id, instrument("SK-XYZ/2019"), 0)!;
    expect(() => updateInstrument(h.db, { id: other, version: 1, fields: instrument("sk-abc/2019"), now: 0 })).toThrow(/UNIQUE/);
    expect(updateInstrument(h.db, { id: other, version: 1, fields: instrument("sk-xyz/2019"), now: 0 })).toBe(true);
  });
});
