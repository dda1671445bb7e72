import { emptyReportContent } from "@gugus/domain";
import type { ReportContent } from "@gugus/domain";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing.ts";
import { insertUser } from "./accounts.ts";
import { listTaskForces } from "./hierarchy.ts";
import { insertNotification, listNotifications, markRead, notificationKey, readKeys } from "./notifications.ts";
import { listRanPeriods } from "./ran.ts";
import {
  findActiveException,
  findReport,
  findReportById,
  insertException,
  insertReport,
  insertReportEvent,
  insertReportVersion,
  latestReportVersion,
  listExceptions,
  listReportEvents,
  listReportVersions,
  listReportsForPeriod,
  listReportsOfTaskForce,
  periodKeyEnd,
  revokeException,
  updateReportContent,
  updateReportStatus,
} from "./reports.ts";

const TODAY = "2026-11-28";
const NOW = Date.UTC(2026, 10, 28, 3, 0);
const h = createTestDatabase();
afterAll(() => h.close());
const db = h.db;
const all = listTaskForces(db, { at: TODAY });
const byCode = (code: string | null) => all.find((t) => t.regionCode === code)!;
const national = byCode(null);
const jawaBarat = byCode("32");
const bandung = byCode("32.73");
const merauke = byCode("93.01");
const period = listRanPeriods(db)[0]!;
const user = (email: string, taskForceId: number) =>
  insertUser(db, { email, name: email.split("@")[0]!, position: "Staf", taskForceId, role: "regional_admin", passwordHash: "x", mustChangePassword: false, passwordExpiresAt: null, now: NOW })!;
const reporter = user("pelapor@gugus.local", bandung.id);
const reviewer = user("penelaah@gugus.local", jawaBarat.id);

const withVictims = (total: number): ReportContent => {
  const c = emptyReportContent();
  return { ...c, victims: { ...c.victims, total } };
};

const draft = (taskForceId: number, periodKey: string, content = emptyReportContent()) =>
  insertReport(db, { taskForceId, periodId: period.id, periodKey, content, completeness: 0, now: NOW, userId: reporter })!;

describe("reports", () => {
  it("inserts a draft at version 1 and finds it by task force and period, and by id, with its JSON parsed", () => {
    const r = draft(bandung.id, "2019", withVictims(4));
    expect(r).toMatchObject({ taskForceId: bandung.id, periodKey: "2019", year: 2019, status: "draft", version: 1, acknowledged: [], firstSubmittedAt: null, onTime: null, createdBy: reporter });
    expect(r.content.victims.total).toBe(4);
    expect(findReport(db, { taskForceId: bandung.id, periodKey: "2019" })).toEqual(r);
    expect(findReportById(db, r.id)).toEqual(r);
    expect(findReport(db, { taskForceId: bandung.id, periodKey: "2020" })).toBeUndefined();
  });

  it("keeps one report per task force and reporting period", () => {
    draft(bandung.id, "2018-S1");
    expect(insertReport(db, { taskForceId: bandung.id, periodId: period.id, periodKey: "2018-S1", content: emptyReportContent(), completeness: null, now: NOW, userId: null })).toBeUndefined();
    expect(() =>
      h.sqlite.prepare("INSERT INTO reports (task_force_id, period_id, period_key, year, content, created_at, updated_at) VALUES (?, ?, '2018-S1', 2018, '{}', 0, 0)").run(bandung.id, period.id),
    ).toThrow(/UNIQUE/);
    expect(draft(bandung.id, "2018-S2").periodKey).toBe("2018-S2");
    expect(draft(jawaBarat.id, "2018-S1").taskForceId).toBe(jawaBarat.id);
  });

  it("refuses a status, period key or JSON the domain does not know", () => {
    const insert = (status: string, key: string, content: string) =>
      h.sqlite.prepare("INSERT INTO reports (task_force_id, period_id, period_key, year, status, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0)").run(merauke.id, period.id, key, Number(key.slice(0, 4)), status, content);
    expect(() => insert("published", "2017", "{}")).toThrow(/CHECK/);
    expect(() => insert("draft", "2017-S3", "{}")).toThrow(/CHECK/);
    expect(() => insert("draft", "2017", "{not json")).toThrow(/CHECK/);
    expect(() => insert("submitted", "2017", "{}")).toThrow(/CHECK/); // submitted without a first submission
  });

  it("saves content at the version read, and a stale version changes nothing", () => {
    const r = draft(bandung.id, "2020");
    expect(updateReportContent(db, { id: r.id, version: 1, content: withVictims(7), acknowledged: ["W@x"], completeness: 0.5, now: NOW + 1, userId: reporter })).toBe(true);
    const saved = findReportById(db, r.id)!;
    expect(saved).toMatchObject({ version: 2, acknowledged: ["W@x"], completeness: 0.5, updatedAt: NOW + 1 });
    expect(saved.content.victims.total).toBe(7);
    expect(updateReportContent(db, { id: r.id, version: 1, content: withVictims(9), acknowledged: [], completeness: 1, now: NOW + 2, userId: reviewer })).toBe(false);
    expect(findReportById(db, r.id)).toEqual(saved);
    expect(updateReportStatus(db, { id: r.id, version: 1, status: "submitted", now: NOW + 3, userId: reporter, firstSubmittedAt: NOW + 3, onTime: true })).toBe(false);
    expect(findReportById(db, r.id)).toEqual(saved);
  });

  it("keeps the first submission and its timeliness when submitted again after a return", () => {
    const r = draft(bandung.id, "2021");
    const submit = (version: number, at: number, onTime: boolean) =>
      updateReportStatus(db, { id: r.id, version, status: "submitted", now: at, userId: reporter, firstSubmittedAt: at, onTime, lastSubmittedAt: at, submittedBy: reporter });
    expect(submit(1, NOW, true)).toBe(true);
    expect(updateReportStatus(db, { id: r.id, version: 2, status: "returned", now: NOW + 10, userId: reviewer })).toBe(true);
    expect(submit(3, NOW + 20, false)).toBe(true);
    expect(findReportById(db, r.id)).toMatchObject({ status: "submitted", version: 4, firstSubmittedAt: NOW, onTime: true, lastSubmittedAt: NOW + 20, submittedBy: reporter, updatedBy: reporter });
    expect(updateReportStatus(db, { id: r.id, version: 4, status: "approved", now: NOW + 30, userId: reviewer, approvedAt: NOW + 30, approvedBy: reviewer })).toBe(true);
    expect(findReportById(db, r.id)).toMatchObject({ status: "approved", version: 5, approvedAt: NOW + 30, approvedBy: reviewer });
    expect(listReportsOfTaskForce(db, bandung.id).map((x) => [x.periodKey, x.status])).toEqual([
      ["2018-S1", "draft"],
      ["2018-S2", "draft"],
      ["2019", "draft"],
      ["2020", "draft"],
      ["2021", "approved"],
    ]);
    expect(listReportsOfTaskForce(db, bandung.id)[0]).not.toHaveProperty("content");
  });

  it("lists a report's kept copies and its events in order, with the actor's name", () => {
    const r = draft(jawaBarat.id, "2019");
    insertReportVersion(db, { reportId: r.id, kind: "submitted", reportVersion: 1, content: withVictims(1), at: NOW, userId: reviewer });
    insertReportVersion(db, { reportId: r.id, kind: "approved", reportVersion: 2, content: withVictims(2), at: NOW + 1, userId: null });
    insertReportVersion(db, { reportId: r.id, kind: "submitted", reportVersion: 4, content: withVictims(3), at: NOW + 2, userId: reviewer });
    expect(listReportVersions(db, r.id).map((v) => [v.kind, v.reportVersion, v.content.victims.total])).toEqual([
      ["submitted", 1, 1],
      ["approved", 2, 2],
      ["submitted", 4, 3],
    ]);
    expect(latestReportVersion(db, r.id, "approved")?.content.victims.total).toBe(2);
    expect(latestReportVersion(db, r.id, "submitted")?.reportVersion).toBe(4);
    expect(latestReportVersion(db, draft(jawaBarat.id, "2020").id, "approved")).toBeUndefined();

    insertReportEvent(db, { reportId: r.id, action: "create", fromStatus: null, toStatus: "draft", actorUserId: reviewer, at: NOW, localTime: "2026-11-28 10:00 WIB" });
    insertReportEvent(db, { reportId: r.id, action: "submit", fromStatus: "draft", toStatus: "submitted", actorUserId: reviewer, at: NOW + 1, localTime: "2026-11-28 10:00 WIB" });
    insertReportEvent(db, { reportId: r.id, action: "return", fromStatus: "submitted", toStatus: "returned", actorUserId: null, at: NOW + 2, localTime: "2026-11-28 10:00 WIB", reason: "Data korban belum lengkap" });
    expect(listReportEvents(db, r.id).map((e) => [e.action, e.fromStatus, e.toStatus, e.actorName, e.reason])).toEqual([
      ["create", null, "draft", "penelaah", null],
      ["submit", "draft", "submitted", "penelaah", null],
      ["return", "submitted", "returned", null, "Data korban belum lengkap"],
    ]);
    expect(() => insertReportEvent(db, { reportId: r.id, action: "publish" as never, fromStatus: null, toStatus: "draft", actorUserId: null, at: NOW, localTime: "x" })).toThrow(/CHECK/);
  });
});

describe("listReportsForPeriod", () => {
  it("gives each report of a period with its task force's level, region and province, and no content", () => {
    for (const tf of [national, jawaBarat, bandung, merauke]) draft(tf.id, "2024");
    const rows = listReportsForPeriod(db, { periodKey: "2024" });
    expect(rows.map((r) => [r.level, r.regionCode, r.provinceCode])).toEqual(
      [national, jawaBarat, bandung, merauke]
        .sort((a, b) => a.id - b.id)
        .map((t) => [t.level, t.regionCode, t.level === "national" ? null : t.level === "province" ? t.regionCode : t.regionCode!.slice(0, 2)]),
    );
    expect(Object.keys(rows[0]!).sort()).toEqual(["completeness", "firstSubmittedAt", "id", "level", "onTime", "provinceCode", "regionCode", "status", "taskForceId", "version"]);
    expect(rows[0]).toMatchObject({ status: "draft", firstSubmittedAt: null, onTime: null, completeness: 0, version: 1 });
    expect(listReportsForPeriod(db, { periodKey: "2024", taskForceIds: [bandung.id, merauke.id] }).map((r) => r.taskForceId).sort()).toEqual([bandung.id, merauke.id].sort());
    expect(listReportsForPeriod(db, { periodKey: "2024", taskForceIds: [] })).toEqual([]);
    expect(listReportsForPeriod(db, { periodKey: "2025" })).toEqual([]);
  });

  it("places a report where the task force stood at the period's end: Merauke in Papua for 2021, in Papua Selatan for 2022", () => {
    draft(merauke.id, "2021");
    draft(merauke.id, "2022-S1");
    draft(merauke.id, "2022-S2");
    const place = (periodKey: string) => listReportsForPeriod(db, { periodKey, taskForceIds: [merauke.id] }).map((r) => [r.regionCode, r.provinceCode]);
    expect(place("2021")).toEqual([["91.01", "91"]]);
    expect(place("2022-S1")).toEqual([["91.01", "91"]]);
    expect(place("2022-S2")).toEqual([["93.01", "93"]]);
    expect(periodKeyEnd("2022-S1")).toBe("2022-06-30");
    expect(periodKeyEnd("2022")).toBe("2022-12-31");
  });

  it("reads timeliness back as a boolean", () => {
    const r = draft(jawaBarat.id, "2023");
    updateReportStatus(db, { id: r.id, version: 1, status: "submitted", now: NOW, userId: reviewer, firstSubmittedAt: NOW, onTime: false });
    expect(listReportsForPeriod(db, { periodKey: "2023" })).toMatchObject([{ status: "submitted", firstSubmittedAt: NOW, onTime: false, version: 2 }]);
  });

  it("finds a period's reports through its index", () => {
    const plan = h.sqlite.prepare("EXPLAIN QUERY PLAN SELECT id FROM reports rp WHERE rp.period_key = '2024'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(" ")).toMatch(/USING (COVERING )?INDEX reports_period_status_idx/);
  });
});

describe("exceptions", () => {
  it("finds the latest one not revoked, lists revoked ones too, and revokes once", () => {
    const first = insertException(db, { taskForceId: bandung.id, periodKey: "2019", until: "2026-12-15", reason: "Banjir di kantor", now: NOW, userId: reviewer });
    const second = insertException(db, { taskForceId: bandung.id, periodKey: "2019", until: "2026-12-31", reason: "Diperpanjang", now: NOW + 1, userId: reviewer });
    insertException(db, { taskForceId: merauke.id, periodKey: "2020", until: "2026-12-31", reason: "Jaringan putus", now: NOW + 2, userId: null });
    expect(findActiveException(db, { taskForceId: bandung.id, periodKey: "2019" })).toMatchObject({ id: second, until: "2026-12-31", grantedByName: "penelaah" });
    expect(revokeException(db, { id: second, now: NOW + 3, userId: reviewer })).toBe(true);
    expect(revokeException(db, { id: second, now: NOW + 4, userId: reviewer })).toBe(false);
    expect(findActiveException(db, { taskForceId: bandung.id, periodKey: "2019" })?.id).toBe(first);
    revokeException(db, { id: first, now: NOW + 5, userId: null });
    expect(findActiveException(db, { taskForceId: bandung.id, periodKey: "2019" })).toBeUndefined();
    expect(listExceptions(db, { periodKey: "2019" }).map((x) => [x.id, x.revokedAt])).toEqual([
      [second, NOW + 3],
      [first, NOW + 5],
    ]);
    expect(listExceptions(db).length).toBe(3);
    expect(findActiveException(db, { taskForceId: merauke.id, periodKey: "2020" })?.grantedByName).toBeNull();
  });
});

describe("notifications", () => {
  it("lists a task force's notifications newest first with each account's read marks", () => {
    const r = findReport(db, { taskForceId: bandung.id, periodKey: "2021" })!;
    const returned = insertNotification(db, { taskForceId: bandung.id, kind: "returned", reportId: r.id, periodKey: "2021", reason: "Lengkapi anggaran", now: NOW });
    const approved = insertNotification(db, { taskForceId: bandung.id, kind: "approved", reportId: r.id, periodKey: "2021", now: NOW + 1 });
    insertNotification(db, { taskForceId: jawaBarat.id, kind: "submitted", reportId: r.id, periodKey: "2021", now: NOW + 2 });
    const colleague = user("rekan@gugus.local", bandung.id);

    expect(markRead(db, { userId: reporter, keys: [notificationKey(returned), notificationKey(returned), `due:${bandung.id}:2026`], now: NOW + 5 })).toBe(2);
    expect(markRead(db, { userId: reporter, keys: [notificationKey(returned)], now: NOW + 9 })).toBe(0);
    expect(listNotifications(db, { taskForceId: bandung.id, userId: reporter, limit: 10 }).map((n) => [n.key, n.kind, n.read, n.reason])).toEqual([
      [`n:${approved}`, "approved", false, null],
      [`n:${returned}`, "returned", true, "Lengkapi anggaran"],
    ]);
    expect(listNotifications(db, { taskForceId: bandung.id, userId: colleague, limit: 10 }).map((n) => n.read)).toEqual([false, false]);
    expect(listNotifications(db, { taskForceId: bandung.id, userId: reporter, limit: 1 }).map((n) => n.id)).toEqual([approved]);
    expect(readKeys(db, reporter, [`due:${bandung.id}:2026`, `overdue:${bandung.id}:2026`, notificationKey(approved)])).toEqual(new Set([`due:${bandung.id}:2026`]));
    expect(readKeys(db, colleague, [`due:${bandung.id}:2026`])).toEqual(new Set());
    expect(readKeys(db, reporter, [])).toEqual(new Set());
    expect(() => markRead(db, { userId: reporter, keys: ["whatever"], now: NOW })).toThrow(/CHECK/);
  });
});
