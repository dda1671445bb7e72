import { createHash } from "node:crypto";
import { NATIONAL_INSTRUMENTS, findPeriodByNumber, findTaskForceByRegion, insertReport, insertUser, listActionItems, listRanPeriods, verifyAuditChain } from "@gugus/db";
import type { DatabaseHandle } from "@gugus/db";
import { createTestDatabase } from "@gugus/db/testing";
import { LEVELS, ReportContentSchema, checkActionItem, checkReport, deadlinesIn, emptyReportContent, isOnTime, reportingPeriods, targetForYear, timeZoneOf } from "@gugus/domain";
import type { ReportContent, ReportStatus } from "@gugus/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner } from "../context.ts";
import { createCaller } from "../root.ts";
import { callerSignedInAt, failureOf } from "../test-helpers.ts";
import { loadDemoData } from "./index.ts";
import type { DemoSummary } from "./index.ts";

/** Three ended years and the current one (2019, as drafts); the clock in October 2019. */
const NOW = new Date("2019-10-01T03:00:00Z");
const OPTIONS = { firstYear: 2016, lastYear: 2019, now: NOW };

type ReportDbRow = {
  id: number;
  task_force_id: number;
  period_key: string;
  year: number;
  status: ReportStatus;
  version: number;
  first_submitted_at: number | null;
  last_submitted_at: number | null;
  on_time: 0 | 1 | null;
  approved_at: number | null;
  created_at: number;
  updated_at: number;
  content: string;
  acknowledged: string;
  level: "national" | "province" | "regency";
  region_code: string | null;
};

const fingerprint = (h: DatabaseHandle) =>
  ["instruments", "memberships", "action_items", "action_item_targets", "reports", "report_versions", "report_events", "demo_dataset"]
    .map((table) => createHash("sha256").update(JSON.stringify(h.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).raw().all())).digest("hex"))
    .join(" ");

let handle: DatabaseHandle;
let summary: DemoSummary;
let rows: ReportDbRow[];
beforeAll(() => {
  handle = createTestDatabase();
  summary = loadDemoData(handle, OPTIONS);
  rows = handle.sqlite
    .prepare(
      `SELECT rp.*, tf.level, (SELECT region_code FROM task_force_regions l WHERE l.task_force_id = tf.id ORDER BY coalesce(l.valid_to, '9999') DESC LIMIT 1) AS region_code
       FROM reports rp JOIN task_forces tf ON tf.id = rp.task_force_id ORDER BY rp.id`,
    )
    .all() as ReportDbRow[];
}, 60_000);
afterAll(() => handle.close());

describe("loading demonstration data", () => {
  it("forms task forces progressively: 32 provinces and 195 regencies/cities by the end of 2018, more later, some never", () => {
    expect(summary.formed2018).toEqual({ provinces: 32, regencies: 195 });
    const formedAt = (at: string, level: string) =>
      handle.sqlite
        .prepare(
          `SELECT count(DISTINCT i.task_force_id) FROM instruments i JOIN task_forces tf ON tf.id = i.task_force_id WHERE tf.level = ? AND i.issued_on <= ?`,
        )
        .pluck()
        .get(level, at) as number;
    expect(formedAt("2016-12-31", "regency")).toBeLessThan(formedAt("2018-12-31", "regency"));
    expect(summary.formedAtEnd.regencies).toBeGreaterThan(195);
    expect(summary.formedAtEnd.regencies).toBeLessThan(514);
  });

  it("forms the task forces the guides show first: Jawa Barat and Kota Bekasi report most years", () => {
    for (const code of ["32", "32.75"]) {
      const id = findTaskForceByRegion(handle.db, code, "2019-01-01")!.id;
      expect(rows.filter((r) => r.task_force_id === id && r.year < 2019).length, code).toBeGreaterThanOrEqual(2);
    }
  });

  it("labels everything synthetic: DEMO instruments, [DEMO] items, coordinators named 'Koordinator Demo n' and no other person", () => {
    // The seed's own Perpres of the nation are real, not demonstration data.
    const seeded = NATIONAL_INSTRUMENTS.filter((i) => i.issuedOn !== null).map((i) => i.number);
    const numbers = handle.sqlite.prepare(`SELECT number, issuer FROM instruments WHERE number NOT IN (${seeded.map(() => "?").join(", ") || "NULL"})`).all(...seeded) as { number: string; issuer: string }[];
    expect(numbers.length).toBe(summary.instruments);
    expect(numbers.every((i) => i.number.startsWith("DEMO-") && i.issuer.endsWith("(data demo)"))).toBe(true);
    const activities = handle.sqlite.prepare("SELECT activity FROM action_items").pluck().all() as string[];
    expect(activities.length).toBe(summary.actionItems);
    expect(activities.every((a) => a.startsWith("[DEMO] "))).toBe(true);
    const people = handle.sqlite.prepare("SELECT position, person_name FROM memberships").all() as { position: string; person_name: string | null }[];
    expect(people.filter((p) => p.position === "coordinator").every((p) => /^Koordinator Demo \d+$/.test(p.person_name ?? ""))).toBe(true);
    expect(people.filter((p) => p.position !== "coordinator").every((p) => p.person_name === null)).toBe(true);
    expect(people.some((p) => p.position === "coordinator")).toBe(true);
  });

  it("gives every RAN period and level items with a target each year, valid by the item rules", () => {
    for (const p of listRanPeriods(handle.db)) {
      for (const level of LEVELS) {
        const items = listActionItems(handle.db, { periodId: p.id, level });
        expect(items.length, `${p.number} ${level}`).toBe(12);
        for (const item of items) {
          expect(checkActionItem(item, p)).toEqual([]);
          expect(item.targets.map((t) => t.year)).toEqual(Array.from({ length: p.lastYear - p.firstYear + 1 }, (_, i) => p.firstYear + i));
        }
      }
    }
  });

  it("writes one report per formed task force and year at most, for the asked years only, the current year's as drafts", () => {
    expect(rows.length).toBe(summary.reports);
    expect(new Set(rows.map((r) => `${r.task_force_id}:${r.period_key}`)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.year))).toEqual(new Set([2016, 2017, 2018, 2019]));
    expect(rows.filter((r) => r.year === 2019).every((r) => r.status === "draft")).toBe(true);
    const formedThen = handle.sqlite.prepare("SELECT count(*) FROM instruments WHERE task_force_id = ? AND issued_on <= ?").pluck();
    expect(rows.every((r) => (formedThen.get(r.task_force_id, r.year === 2019 ? "2019-10-01" : `${r.year}-12-31`) as number) > 0)).toBe(true);
  });

  it("has realistic gaps: missing, late, returned, submitted-not-approved and reopened reports, mostly approved ones", () => {
    const ended = rows.filter((r) => r.year < 2019);
    const count = (status: ReportStatus) => ended.filter((r) => r.status === status).length;
    expect(summary.missing).toBeGreaterThan(0);
    expect(count("returned")).toBeGreaterThan(0);
    expect(count("submitted")).toBeGreaterThan(0);
    expect(count("reopened")).toBeGreaterThan(0);
    expect(count("draft")).toBeGreaterThan(0);
    expect(count("approved") / ended.length).toBeGreaterThan(0.6);
    expect(summary.late).toBeGreaterThan(0);
    expect(summary.late).toBe(rows.filter((r) => r.on_time === 0).length);
  });

  it("judges timeliness by the first submission against the due date in the task force's local time", () => {
    const periods = new Map(listRanPeriods(handle.db).flatMap((p) => reportingPeriods(p, { reportingCycle: p.reportingCycle, dueDays: p.dueDays, expiryDays: p.expiryDays }).map((rp) => [rp.key, rp])));
    for (const r of rows.filter((x) => x.first_submitted_at !== null)) {
      const rp = periods.get(r.period_key)!;
      const zone = timeZoneOf(r.region_code);
      expect(r.on_time === 1).toBe(isOnTime(new Date(r.first_submitted_at!), rp, zone));
      // Late ones came in while entry was still open.
      expect(r.first_submitted_at!).toBeLessThan(deadlinesIn(rp, zone).closesAt.getTime());
    }
  });

  it("keeps every instant at or before the clock, and events and copies as the workflow keeps them", () => {
    const events = handle.sqlite.prepare("SELECT action, from_status, to_status, at, local_time, reason FROM report_events WHERE report_id = ? ORDER BY id");
    const copies = handle.sqlite.prepare("SELECT kind, report_version, content FROM report_versions WHERE report_id = ? ORDER BY id");
    for (const r of rows) {
      const e = events.all(r.id) as { action: string; from_status: string | null; to_status: string; at: number; local_time: string; reason: string | null }[];
      expect(e[0]).toMatchObject({ action: "create", from_status: null, to_status: "draft" });
      expect(e.at(-1)!.to_status).toBe(r.status);
      for (let i = 1; i < e.length; i++) {
        expect(e[i]!.from_status).toBe(e[i - 1]!.to_status);
        expect(e[i]!.at).toBeGreaterThanOrEqual(e[i - 1]!.at);
        if (e[i]!.action === "return" || e[i]!.action === "reopen") expect(e[i]!.reason).toMatch(/Data demo/);
      }
      expect(e.every((x) => x.at <= NOW.getTime() && /^\d{4}-\d\d-\d\d \d\d:\d\d W(IB|ITA|IT)$/.test(x.local_time))).toBe(true);
      const c = copies.all(r.id) as { kind: string; report_version: number; content: string }[];
      expect(c.filter((x) => x.kind === "submitted").length).toBe(e.filter((x) => x.action === "submit").length);
      expect(c.filter((x) => x.kind === "approved").length).toBe(e.filter((x) => x.action === "approve").length);
      expect(c.every((x) => x.report_version <= r.version)).toBe(true);
      if (r.status === "approved") expect(c.at(-1)).toMatchObject({ kind: "approved", content: r.content });
      expect(r.first_submitted_at === null).toBe(!e.some((x) => x.action === "submit"));
      expect((r.approved_at ?? 0) <= NOW.getTime() && r.updated_at <= NOW.getTime()).toBe(true);
    }
  });

  it("writes content valid by the schema, free of check errors, its warnings acknowledged, with small counts in small regencies", () => {
    const items = new Map<string, ReturnType<typeof listActionItems>>();
    const previous = new Map(rows.map((r) => [`${r.task_force_id}:${r.year}`, JSON.parse(r.content) as ReportContent]));
    for (const r of rows) {
      const content = JSON.parse(r.content) as ReportContent;
      expect(ReportContentSchema.parse(content)).toEqual(content);
      const periodId = handle.sqlite.prepare("SELECT period_id FROM reports WHERE id = ?").pluck().get(r.id) as number;
      const key = `${periodId}:${r.level}`;
      if (!items.has(key)) items.set(key, listActionItems(handle.db, { periodId, level: r.level }));
      const ofYear = items.get(key)!.filter((i) => targetForYear(i, r.year) !== null);
      const checks = checkReport(content, { items: ofYear, year: r.year, previous: previous.get(`${r.task_force_id}:${r.year - 1}`) ?? null, periodKnown: true });
      expect(checks.errors, `report ${r.id}`).toEqual([]);
      expect(JSON.parse(r.acknowledged)).toEqual(checks.warnings.map((w) => w.key));
      expect(content.realisations.map((x) => x.actionItemId)).toEqual(ofYear.map((i) => i.id));
    }
    const victims = rows.filter((r) => r.level === "regency").map((r) => (JSON.parse(r.content) as ReportContent).victims.total);
    expect(victims.filter((v) => v !== null && v >= 1 && v <= 4).length).toBeGreaterThan(victims.length / 4);
    const budgets = rows.map((r) => (JSON.parse(r.content) as ReportContent).budget.lines.map((l) => l.source));
    expect(new Set(budgets.flat())).toEqual(new Set(["APBN", "APBD", "other"]));
  });

  it("marks the database as demonstration data and audits the load, the audit chain sound", () => {
    expect(handle.sqlite.prepare("SELECT id, seed, first_year, last_year, created_at FROM demo_dataset").all()).toEqual([
      { id: 1, seed: 20260101, first_year: 2016, last_year: 2019, created_at: NOW.getTime() },
    ]);
    const audit = handle.sqlite.prepare("SELECT action, outcome, actor_label, details FROM audit_log").all() as { action: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "demo.load", outcome: "success", actor_label: "cli" });
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ seed: 20260101, reports: summary.reports });
    expect(verifyAuditChain(handle.db).ok).toBe(true);
  });

  it("loads 553 task forces × 18 years in well under a minute", () => {
    const h = createTestDatabase();
    const t0 = performance.now();
    const s = loadDemoData(h, { firstYear: 2009, lastYear: 2026, now: new Date("2026-11-28T03:00:00Z") });
    const ms = performance.now() - t0;
    h.close();
    expect(s.reportingPeriods).toBe(18);
    expect(ms).toBeLessThan(30_000);
  }, 60_000);
});

describe("the same seed", () => {
  it("gives the same rows; another seed other rows", () => {
    const again = createTestDatabase();
    loadDemoData(again, OPTIONS);
    const other = createTestDatabase();
    loadDemoData(other, { ...OPTIONS, seed: 7 });
    expect(fingerprint(again)).toBe(fingerprint(handle));
    expect(fingerprint(other).split(" ").slice(0, 5)).not.toEqual(fingerprint(handle).split(" ").slice(0, 5));
    again.close();
    other.close();
  }, 60_000);
});

describe("refusing", () => {
  it("refuses a second load with DEMO_ALREADY_LOADED, changing nothing", () => {
    const before = fingerprint(handle);
    expect(() => loadDemoData(handle, OPTIONS)).toThrow(expect.objectContaining({ code: "DEMO_ALREADY_LOADED" }));
    expect(fingerprint(handle)).toBe(before);
  });

  it("refuses a database that holds a real report with DEMO_REAL_DATA, writing nothing", () => {
    const h = createTestDatabase();
    const tf = findTaskForceByRegion(h.db, "32.75", "2019-01-01")!;
    insertReport(h.db, { taskForceId: tf.id, periodId: findPeriodByNumber(h.db, 2)!.id, periodKey: "2018", content: emptyReportContent(), completeness: 0, now: 1, userId: null });
    const before = fingerprint(h);
    expect(() => loadDemoData(h, OPTIONS)).toThrow(expect.objectContaining({ code: "DEMO_REAL_DATA" }));
    expect(fingerprint(h)).toBe(before);
    expect(h.sqlite.prepare("SELECT count(*) FROM audit_log").pluck().get()).toBe(0);
    h.close();
  });
});

describe("the synthetic-data marker", () => {
  it("is false before the load and true after, for anyone (auth.instance) and in auth.me", async () => {
    const h = createTestDatabase();
    const national = findTaskForceByRegion(h.db, null, "2019-01-01")!;
    const userId = insertUser(h.db, { email: "demo-admin@gugus.test", name: "Admin Demo", position: "Admin", taskForceId: national.id, role: "central_admin", passwordHash: "unused", mustChangePassword: false, passwordExpiresAt: null, now: NOW.getTime() })!;
    const anyone = () => createCaller(createContextInner({ db: h.db, sqlite: h.sqlite, now: () => NOW }));
    const signedIn = callerSignedInAt(h, userId, NOW);
    expect(await anyone().auth.instance()).toEqual({ syntheticData: false });
    expect((await signedIn.auth.me()).syntheticData).toBe(false);
    loadDemoData(h, OPTIONS);
    expect(await anyone().auth.instance()).toEqual({ syntheticData: true });
    expect((await signedIn.auth.me()).syntheticData).toBe(true);
    h.close();
  });

  it("leaves the report screens working on demonstration reports", async () => {
    const national = findTaskForceByRegion(handle.db, null, "2019-01-01")!;
    const userId = insertUser(handle.db, { email: "viewer@gugus.test", name: "Peninjau Demo", position: "Staf", taskForceId: national.id, role: "central_admin", passwordHash: "unused", mustChangePassword: false, passwordExpiresAt: null, now: NOW.getTime() })!;
    const caller = callerSignedInAt(handle, userId, NOW);
    const returned = rows.find((r) => r.status === "returned" && r.year === 2018)!;
    const report = await caller.reports.get({ taskForceId: returned.task_force_id, periodKey: "2018" });
    expect(report.report?.status).toBe("returned");
    expect(report.events.map((e) => e.action)).toContain("return");
    expect(report.checks.errors).toEqual([]);
    const rate = await caller.reports.rate({ periodKey: "2018", countUnformed: false });
    expect(rate.overall?.expected).toBeGreaterThan(200);
    expect(await failureOf(caller.reports.get({ taskForceId: 999_999, periodKey: "2018" }))).toBeDefined();
  });
});
