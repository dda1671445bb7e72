import { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, it } from "vitest";
import { formatError } from "./errors.ts";
import { setupFixture } from "./test-helpers.ts";

const fixture = await setupFixture();
const caller = fixture.callerAs("centralAdmin");
const sqlite = fixture.handle.sqlite;
afterAll(fixture.close);

/** Runs a call expected to fail and returns what a client would receive. */
async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const shape = formatError({
      error,
      shape: { message: error.message, code: -32000, data: { code: error.code, httpStatus: 0, path: "x" } },
    });
    return { ...shape, code: error.code };
  }
  throw new Error("expected the call to fail");
}

describe("health", () => {
  it("reports the database as ok", async () => {
    expect(await caller.health.check()).toMatchObject({ ok: true, database: "ok" });
  });

  it("answers a generic internal error, not a crash, when the database is gone", async () => {
    const other = await setupFixture();
    const otherCaller = other.callerAs("centralAdmin");
    other.close();
    const e = await failure(otherCaller.health.check());
    expect(e).toMatchObject({ code: "INTERNAL_SERVER_ERROR", data: { messageKey: "INTERNAL" } });
    expect(e.message).not.toMatch(/connection|database/i);
  });
});

describe("hierarchy", () => {
  it("tree: 553 task forces, each regency's parent a province", async () => {
    const tree = await caller.hierarchy.tree();
    expect(tree).toHaveLength(553);
    const byId = new Map(tree.map((t) => [t.id, t]));
    for (const t of tree.filter((x) => x.level === "regency")) {
      expect(byId.get(t.parentId!)).toMatchObject({ level: "province", regionCode: t.regionCode!.slice(0, 2) });
    }
  });

  it("byRegion: Kota Bekasi with its parent Jawa Barat, no children, WIB and the local date", async () => {
    const tf = await caller.hierarchy.byRegion({ code: "32.75" });
    expect(tf).toMatchObject({
      level: "regency",
      regionName: "Kota Bekasi",
      kind: "kota",
      status: "formed", // the fixture records a Perwali of 2016
      parent: { regionCode: "32", regionName: "Jawa Barat", visible: true },
      children: [],
      timeZone: { abbreviation: "WIB", iana: "Asia/Jakarta", utcOffsetHours: 7 },
      localDate: "2026-11-28",
    });
  });

  it("byId: a province lists its regencies/cities as children; the national task force has no parent", async () => {
    const jabar = await caller.hierarchy.byRegion({ code: "32" });
    expect((await caller.hierarchy.byId({ id: jabar.id })).children).toHaveLength(27);
    const national = await caller.hierarchy.byRegion({ code: null });
    expect(national).toMatchObject({ id: 1, level: "national", parent: null });
    expect(national.children).toHaveLength(38);
  });

  it("byId: gives the local date in the task force's zone (WIT is a day ahead at 16:30 UTC)", async () => {
    const late = fixture.callerAs("centralAdmin", { now: new Date("2024-12-31T16:30:00Z") });
    const merauke = await late.hierarchy.byRegion({ code: "93.01" });
    expect(merauke).toMatchObject({ timeZone: { abbreviation: "WIT" }, localDate: "2025-01-01" });
    expect((await late.hierarchy.byRegion({ code: "32.75" })).localDate).toBe("2024-12-31");
  });

  it("counts: 1 + 38 + 514, and per province counts summing to 514", async () => {
    const counts = await caller.hierarchy.counts();
    expect(counts.byLevel).toEqual({ national: 1, province: 38, regency: 514 });
    expect(counts.byProvince.reduce((s, p) => s + p.regencies, 0)).toBe(514);
  });

  it("search: 'Bekasi' finds Kabupaten Bekasi 32.16 and Kota Bekasi 32.75", async () => {
    const found = await caller.hierarchy.search({ query: "Bekasi" });
    expect(found.map((t) => [t.regionCode, t.regionName])).toEqual([
      ["32.16", "Kabupaten Bekasi"],
      ["32.75", "Kota Bekasi"],
    ]);
  });

  it("search: by code, with or without the dot, and a province by name", async () => {
    expect((await caller.hierarchy.search({ query: "3275" })).map((t) => t.regionCode)).toEqual(["32.75"]);
    expect((await caller.hierarchy.search({ query: "32.75" })).map((t) => t.regionCode)).toEqual(["32.75"]);
    expect((await caller.hierarchy.search({ query: "papua selatan" }))[0]).toMatchObject({ level: "province", regionCode: "93" });
    expect(await caller.hierarchy.search({ query: "zzzz" })).toEqual([]);
  });
});

describe("ran", () => {
  it("periods: I–IV in order, no gaps, IV current on 2026-11-28, III adopted late", async () => {
    const res = await caller.ran.periods();
    expect(res.periods.map((p) => `${p.numeral}:${p.firstYear}-${p.lastYear}:${p.status}`)).toEqual([
      "I:2009-2014:adopted",
      "II:2015-2019:adopted",
      "III:2020-2024:adopted",
      "IV:2025-2029:draft",
    ]);
    expect(res.gaps).toEqual([]);
    expect(res.currentNumber).toBe(4);
    expect(res.periods.map((p) => p.adoptedLate)).toEqual([false, false, true, false]);
  });

  it("periodOfYear: 2018 is year 4 of 5 of period II", async () => {
    expect(await caller.ran.periodOfYear({ year: 2018 })).toMatchObject({
      period: { number: 2, numeral: "II" },
      position: { index: 4, of: 5 },
    });
  });

  it("atDate: 2018-03-22 in period II; a date before all periods gives null", async () => {
    expect(await caller.ran.atDate({ date: "2018-03-22" })).toMatchObject({ period: { numeral: "II" }, position: { index: 4, of: 5 } });
    expect(await caller.ran.atDate({ date: "2001-01-01" })).toBeNull();
  });
});

describe("bad input gets a clear error, never a 500 or a stack", () => {
  it("a malformed region code: BAD_REQUEST REGION_CODE_MALFORMED", async () => {
    const e = await failure(caller.hierarchy.byRegion({ code: "32.7" }));
    expect(e).toMatchObject({ code: "BAD_REQUEST", data: { messageKey: "REGION_CODE_MALFORMED", issues: [{ path: "code", messageKey: "REGION_CODE_MALFORMED" }] } });
  });

  it("a well-formed code of no region: NOT_FOUND TASK_FORCE_NOT_FOUND", async () => {
    const e = await failure(caller.hierarchy.byRegion({ code: "32.98" }));
    expect(e).toMatchObject({ code: "NOT_FOUND", data: { messageKey: "TASK_FORCE_NOT_FOUND" } });
  });

  it("an unknown task force id: NOT_FOUND TASK_FORCE_NOT_FOUND", async () => {
    const e = await failure(caller.hierarchy.byId({ id: 99999 }));
    expect(e).toMatchObject({ code: "NOT_FOUND", data: { messageKey: "TASK_FORCE_NOT_FOUND" } });
    expect(e.message).toMatch(/No task force/);
  });

  it.each([["abc"], [-1], [1.5]])("a malformed task force id %j: BAD_REQUEST TASK_FORCE_ID_INVALID", async (id) => {
    const e = await failure(caller.hierarchy.byId({ id } as never));
    expect(e).toMatchObject({ code: "BAD_REQUEST", data: { messageKey: "TASK_FORCE_ID_INVALID" } });
  });

  it("a task force id left empty (null): BAD_REQUEST FIELD_REQUIRED", async () => {
    const e = await failure(caller.hierarchy.byId({ id: null } as never));
    expect(e).toMatchObject({ code: "BAD_REQUEST", data: { messageKey: "FIELD_REQUIRED" } });
  });

  it("a year outside every period: NOT_FOUND YEAR_OUTSIDE_PERIODS", async () => {
    const e = await failure(caller.ran.periodOfYear({ year: 2005 }));
    expect(e).toMatchObject({ code: "NOT_FOUND", data: { messageKey: "YEAR_OUTSIDE_PERIODS", details: { year: 2005 } } });
  });

  it.each([["2018"], ["tahun"], [2018.5], [Number.NaN], [99999]])("a non-numeric or absurd year %j: BAD_REQUEST YEAR_INVALID", async (year) => {
    const e = await failure(caller.ran.periodOfYear({ year } as never));
    expect(e).toMatchObject({ code: "BAD_REQUEST", data: { messageKey: "YEAR_INVALID" } });
  });

  it("an impossible date: BAD_REQUEST DATE_INVALID", async () => {
    const e = await failure(caller.ran.atDate({ date: "2019-02-29" }));
    expect(e).toMatchObject({ code: "BAD_REQUEST", data: { messageKey: "DATE_INVALID" } });
  });

  it("unknown keys and an empty or oversized search are refused", async () => {
    expect((await failure(caller.hierarchy.byId({ id: 1, extra: true } as never))).code).toBe("BAD_REQUEST");
    expect((await failure(caller.hierarchy.search({ query: "  " }))).code).toBe("BAD_REQUEST");
    expect((await failure(caller.hierarchy.search({ query: "x".repeat(101) }))).code).toBe("BAD_REQUEST");
  });

  it("an internal failure answers a generic message: no SQL, no stack", async () => {
    const broken = await setupFixture();
    broken.handle.sqlite.exec("PRAGMA foreign_keys = OFF; DROP TABLE ran_periods;");
    const e = await failure(broken.callerAs("centralAdmin").ran.periods());
    expect(e.code).toBe("INTERNAL_SERVER_ERROR");
    expect(e.message).not.toMatch(/ran_periods|SQL|no such table/i);
    expect(JSON.stringify(e)).not.toMatch(/stack|at .*\.ts/);
    expect(e.data.messageKey).toBe("INTERNAL");
    broken.close();
  });

  it("leaves the database intact after every bad call", () => {
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
  });
});
