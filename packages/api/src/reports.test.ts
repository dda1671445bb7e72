/**
 * The report procedures at their edges, through the API on the fixture's database: stale saves,
 * timeliness in the task force's own zone, entry closing and exceptions, self-approval of the
 * national report, the whole review round trip, and bad input — each refusal a clear error code
 * that writes nothing to the report tables.
 *
 * Reports are for 2025 (period IV, annual, due 31 days after the year: 2026-01-31, closing 60 days
 * later: 2026-04-01). Calls are made at 2026-01-15 unless a test says otherwise, while entry is open.
 */
import { findTaskForceByRegion, insertUser } from "@gugus/db";
import type { Role } from "@gugus/domain";
import { afterEach, describe, expect, it } from "vitest";
import { FIXED_NOW, callerSignedInAt, failureOf, fixtureFactory } from "./test-helpers.ts";
import type { ActorKey, Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture;
const fresh = () => (fx = factory.fresh());
afterEach(() => fx?.close());

const PERIOD = "2025";
const OPEN = new Date("2026-01-15T03:00:00Z");
const at = (iso: string) => new Date(iso);
const as = (actor: ActorKey, now: Date = OPEN) => fx.callerAs(actor, { now });

/** Every row of the tables a report procedure writes, to compare before and after a refused call. */
const REPORT_TABLES = ["reports", "report_versions", "report_events", "report_exceptions", "notifications", "notification_reads"];
const fingerprint = () => REPORT_TABLES.map((t) => JSON.stringify(fx.handle.sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).raw().all())).join("|");

const tfId = (code: string | null) => findTaskForceByRegion(fx.handle.db, code, "2026-01-15")!.id;
const regency = () => tfId("32.75");
const reason = "Jumlah korban perempuan belum sesuai data dinas";

let accounts = 0;
/** A new account at a task force, signed in afresh at each instant asked (one session per instant). */
function account(code: string | null, role: Role = "regional_admin") {
  const taskForceId = tfId(code);
  const id = insertUser(fx.handle.db, {
    email: `report-${++accounts}@gugus.test`,
    name: `Pelapor ${accounts}`,
    position: "Staf",
    taskForceId,
    role,
    passwordHash: "not-used",
    mustChangePassword: false,
    passwordExpiresAt: null,
    now: FIXED_NOW.getTime(),
  })!;
  const callers = new Map<number, ReturnType<typeof callerSignedInAt>>();
  const caller = (now: Date = OPEN) => {
    if (!callers.has(now.getTime())) callers.set(now.getTime(), callerSignedInAt(fx.handle, id, now));
    return callers.get(now.getTime())!;
  };
  return { id, taskForceId, caller };
}

type Caller = ReturnType<Fixture["callerAs"]>;
type Content = Parameters<Caller["reports"]["save"]>[0]["content"];

type CallOptions = { by?: ActorKey; now?: Date; acknowledged?: string[] };
/** Saves the regency's 2025 draft (as its admin unless `by` says) from the version given. */
const saveRegency = (content: Content, baseVersion: number, { by = "regencyAdmin", now = OPEN, acknowledged = [] }: CallOptions = {}) =>
  as(by, now).reports.save({ taskForceId: regency(), periodKey: PERIOD, baseVersion, content, acknowledged });
const submitRegency = (version: number, { by = "regencyAdmin", now = OPEN, acknowledged = [] }: CallOptions = {}) =>
  as(by, now).reports.submit({ taskForceId: regency(), periodKey: PERIOD, version, acknowledged });
const getRegency = (by: ActorKey = "regencyAdmin", now: Date = OPEN) => as(by, now).reports.get({ taskForceId: regency(), periodKey: PERIOD });

/** The regency's report taken to a status through the API; returns its id and version. */
async function regencyReportIn(status: "draft" | "submitted" | "approved" | "returned" | "reopened") {
  const saved = await saveRegency({ victims: { total: 5, women: 3 } }, 0);
  if (status === "draft") return { reportId: saved.reportId, version: saved.version };
  const submitted = await submitRegency(saved.version);
  if (status === "submitted") return { reportId: saved.reportId, version: submitted.version };
  const province = as("provinceAdmin").reports;
  if (status === "returned") return { reportId: saved.reportId, version: (await province.return({ reportId: saved.reportId, version: submitted.version, reason })).version };
  const approved = await province.approve({ reportId: saved.reportId, version: submitted.version });
  if (status === "approved") return { reportId: saved.reportId, version: approved.version };
  return { reportId: saved.reportId, version: (await province.reopen({ reportId: saved.reportId, version: approved.version, reason })).version };
}

describe("a save carries the version it started from", () => {
  it("a stale save is a CONFLICT (STALE_VERSION) and leaves the stored content as it was", async () => {
    fresh();
    const first = await saveRegency({ victims: { total: 5 } }, 0);
    const second = await saveRegency({ victims: { total: 6 } }, first.version);
    expect(second.version).toBe(first.version + 1);
    const before = fingerprint();
    expect(await failureOf(saveRegency({ victims: { total: 7 } }, first.version))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(fingerprint()).toBe(before);
    expect((await getRegency()).content.victims.total).toBe(6);
  });

  it("a save from a version ahead of the stored one is stale too", async () => {
    fresh();
    const first = await saveRegency({ victims: { total: 5 } }, 0);
    const before = fingerprint();
    expect(await failureOf(saveRegency({ victims: { total: 7 } }, first.version + 1))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(fingerprint()).toBe(before);
  });

  it("a first save with baseVersion 3 (no report yet) is STALE_VERSION and creates no report", async () => {
    fresh();
    const before = fingerprint();
    expect(await failureOf(saveRegency({ victims: { total: 5 } }, 3))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(fingerprint()).toBe(before);
    expect((await getRegency()).report).toBeNull();
  });

  it("a second 'first' save (baseVersion 0 once a report exists) is STALE_VERSION, not a second report", async () => {
    fresh();
    await saveRegency({ victims: { total: 5 } }, 0);
    const before = fingerprint();
    expect(await failureOf(saveRegency({ victims: { total: 9 } }, 0, { by: "regencyMember" }))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(fingerprint()).toBe(before);
  });

  it("two editors from the same version: the first's save lands, the second's is refused, and reading gives the first one's values", async () => {
    fresh();
    const created = await saveRegency({}, 0);
    const read = (await getRegency("regencyMember")).report!.version;
    expect(read).toBe(created.version);
    await saveRegency({ victims: { total: 10, women: 4 }, narrative: { obstacles: "Anggaran terlambat cair" } }, read, { by: "regencyAdmin" });
    const before = fingerprint();
    expect(await failureOf(saveRegency({ victims: { total: 12, men: 8 } }, read, { by: "regencyMember" }))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(fingerprint()).toBe(before);
    const now = await getRegency("regencyMember");
    expect(now.content.victims).toMatchObject({ total: 10, women: 4, men: null });
    expect(now.content.narrative.obstacles).toBe("Anggaran terlambat cair");
    expect(now.report).toMatchObject({ version: read + 1, updatedByName: "Test regencyAdmin" });
  });
});

describe("timeliness by the server's clock in the task force's own zone (2025 due 2026-01-31)", () => {
  /** A report of the task force at `code` saved on 20 January and submitted at `submittedAt`. */
  async function submitAt(code: string, submittedAt: Date) {
    const reporter = account(code);
    const saved = await reporter.caller(at("2026-01-20T02:00:00Z")).reports.save({ taskForceId: reporter.taskForceId, periodKey: PERIOD, baseVersion: 0, content: { coordination: { meetings: 4 } }, acknowledged: [] });
    const submitted = await reporter.caller(submittedAt).reports.submit({ taskForceId: reporter.taskForceId, periodKey: PERIOD, version: saved.version, acknowledged: [] });
    const got = await reporter.caller(submittedAt).reports.get({ taskForceId: reporter.taskForceId, periodKey: PERIOD });
    return { submitted, got };
  }

  it.each([
    ["Papua (91, WIT) at 23:30 WIT on the due date is on time", "91", "2026-01-31T14:30:00Z", true, "2026-01-31 23:30 WIT"],
    ["Papua (91, WIT) at 00:30 WIT the next day is late", "91", "2026-01-31T15:30:00Z", false, "2026-02-01 00:30 WIT"],
    ["Papua (91, WIT) at 23:59 WIT on the due date is on time", "91", "2026-01-31T14:59:00Z", true, "2026-01-31 23:59 WIT"],
    ["Papua (91, WIT) at 24:00 WIT exactly is late", "91", "2026-01-31T15:00:00Z", false, "2026-02-01 00:00 WIT"],
    ["Kota Jayapura (91.71, WIT) at 00:30 WIT the next day is late", "91.71", "2026-01-31T15:30:00Z", false, "2026-02-01 00:30 WIT"],
    ["Jakarta (31, WIB) at 23:30 WIB on the due date is on time", "31", "2026-01-31T16:30:00Z", true, "2026-01-31 23:30 WIB"],
    ["Jakarta (31, WIB) at the instant Papua is late (22:30 WIB) is on time", "31", "2026-01-31T15:30:00Z", true, "2026-01-31 22:30 WIB"],
    ["Jakarta (31, WIB) at 00:30 WIB the next day is late", "31", "2026-01-31T17:30:00Z", false, "2026-02-01 00:30 WIB"],
  ])("%s", async (_label, code, instant, onTime, localTime) => {
    fresh();
    const { submitted, got } = await submitAt(code, at(instant));
    expect(submitted).toMatchObject({ status: "submitted", onTime });
    expect(got.report).toMatchObject({ status: "submitted", onTime, firstSubmittedAt: instant.replace("Z", ".000Z") });
    expect(got.period).toMatchObject({ dueDate: "2026-01-31", dueAt: code.startsWith("91") ? "2026-01-31T15:00:00.000Z" : "2026-01-31T17:00:00.000Z" });
    expect(got.events.at(-1)).toMatchObject({ action: "submit", fromStatus: "draft", toStatus: "submitted", localTime });
  });

  it("a late first submission stays late after a return and an on-time-looking resubmission; an on-time one stays on time", async () => {
    fresh();
    const papua = account("91");
    const central = account(null, "central_admin");
    const save = (now: Date, baseVersion: number) => papua.caller(now).reports.save({ taskForceId: papua.taskForceId, periodKey: PERIOD, baseVersion, content: {}, acknowledged: [] });
    const submit = (now: Date, version: number) => papua.caller(now).reports.submit({ taskForceId: papua.taskForceId, periodKey: PERIOD, version, acknowledged: [] });
    const late = at("2026-01-31T15:30:00Z");
    const s1 = await submit(late, (await save(at("2026-01-20T02:00:00Z"), 0)).version);
    expect(s1.onTime).toBe(false);
    const report = (await papua.caller(late).reports.get({ taskForceId: papua.taskForceId, periodKey: PERIOD })).report!;
    const returned = await central.caller(at("2026-02-02T02:00:00Z")).reports.return({ reportId: report.id, version: s1.version, reason });
    const s2 = await submit(at("2026-02-03T02:00:00Z"), (await save(at("2026-02-03T01:00:00Z"), returned.version)).version);
    expect(s2.onTime).toBe(false);
    const got = await papua.caller(at("2026-02-03T02:00:00Z")).reports.get({ taskForceId: papua.taskForceId, periodKey: PERIOD });
    expect(got.report).toMatchObject({ onTime: false, firstSubmittedAt: "2026-01-31T15:30:00.000Z", lastSubmittedAt: "2026-02-03T02:00:00.000Z" });
  });
});

describe("entry closes after the closing date (2026-04-01, WIB for Kota Bekasi) unless an exception is in force", () => {
  const LAST_MINUTE = at("2026-04-01T16:30:00Z"); // 23:30 WIB on the closing day
  const CLOSED = at("2026-04-01T17:30:00Z"); // 00:30 WIB the day after
  const grant = (until: string, now: Date) => as("centralAdmin", now).reports.grantException({ taskForceId: regency(), periodKey: PERIOD, until, reason: "Banjir memutus jaringan kantor" });

  it("saves at 23:30 WIB on the closing day, and refuses save and submit at 00:30 WIB the day after (REPORT_ENTRY_CLOSED), writing nothing", async () => {
    fresh();
    const created = await saveRegency({ victims: { total: 5 } }, 0);
    const saved = await saveRegency({ victims: { total: 6 } }, created.version, { now: LAST_MINUTE });
    expect((await getRegency("regencyAdmin", CLOSED)).period.entryState).toBe("closed");
    const before = fingerprint();
    expect(await failureOf(saveRegency({ victims: { total: 7 } }, saved.version, { now: CLOSED }))).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_ENTRY_CLOSED", details: { periodKey: PERIOD, state: "closed" } });
    expect(await failureOf(submitRegency(saved.version, { now: CLOSED }))).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_ENTRY_CLOSED" });
    expect(fingerprint()).toBe(before);
  });

  it("refuses a first save after closing too: no report is created", async () => {
    fresh();
    const before = fingerprint();
    expect(await failureOf(saveRegency({ victims: { total: 5 } }, 0, { now: CLOSED }))).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_ENTRY_CLOSED" });
    expect(fingerprint()).toBe(before);
  });

  it("refuses entry before the period begins: the 2026 report at 23:30 WIB on 31 December 2025 is not open yet", async () => {
    fresh();
    const before = fingerprint();
    const early = as("regencyAdmin", at("2025-12-31T16:30:00Z")).reports.save({ taskForceId: regency(), periodKey: "2026", baseVersion: 0, content: {}, acknowledged: [] });
    expect(await failureOf(early)).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_ENTRY_CLOSED", details: { state: "not_open" } });
    expect(fingerprint()).toBe(before);
    expect(await as("regencyAdmin", at("2025-12-31T17:00:00Z")).reports.save({ taskForceId: regency(), periodKey: "2026", baseVersion: 0, content: {}, acknowledged: [] })).toMatchObject({ version: 1 });
  });

  it("an exception until 2026-04-15 lets the regency save and submit after closing, until 24:00 WIB that day; then it is closed again", async () => {
    fresh();
    const created = await saveRegency({ victims: { total: 5 } }, 0);
    const granted = await grant("2026-04-15", at("2026-04-05T03:00:00Z"));
    expect(granted.id).toBeGreaterThan(0);
    const during = at("2026-04-10T03:00:00Z");
    const got = await getRegency("regencyAdmin", during);
    expect(got.period).toMatchObject({ entryState: "exception", exception: { until: "2026-04-15", reason: "Banjir memutus jaringan kantor" } });
    expect(got.may).toMatchObject({ edit: true, submit: true });
    const saved = await saveRegency({ victims: { total: 6 } }, created.version, { now: during });
    const lastMinute = at("2026-04-15T16:30:00Z"); // 23:30 WIB on the until date
    const again = await saveRegency({ victims: { total: 7 } }, saved.version, { now: lastMinute });
    const after = at("2026-04-15T17:30:00Z"); // 00:30 WIB the day after
    expect((await getRegency("regencyAdmin", after)).period.entryState).toBe("closed");
    const before = fingerprint();
    expect(await failureOf(saveRegency({ victims: { total: 8 } }, again.version, { now: after }))).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_ENTRY_CLOSED" });
    expect(await failureOf(submitRegency(again.version, { now: after }))).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_ENTRY_CLOSED" });
    expect(fingerprint()).toBe(before);
    // Submitting within the exception works, and is late (the due date was 31 January).
    expect(await submitRegency(again.version, { now: lastMinute })).toMatchObject({ status: "submitted", onTime: false });
  });

  it("a revoked exception closes entry again at once", async () => {
    fresh();
    const created = await saveRegency({}, 0);
    const { id } = await grant("2026-04-30", at("2026-04-05T03:00:00Z"));
    const during = at("2026-04-10T03:00:00Z");
    const saved = await saveRegency({ victims: { total: 1 } }, created.version, { now: during });
    expect(await as("centralAdmin", during).reports.revokeException({ id })).toEqual({ ok: true });
    expect((await getRegency("regencyAdmin", during)).period).toMatchObject({ entryState: "closed", exception: null });
    const before = fingerprint();
    expect(await failureOf(saveRegency({ victims: { total: 2 } }, saved.version, { now: during }))).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_ENTRY_CLOSED" });
    expect(fingerprint()).toBe(before);
    expect(await failureOf(as("centralAdmin", during).reports.revokeException({ id }))).toMatchObject({ code: "NOT_FOUND", messageKey: "EXCEPTION_NOT_FOUND" });
    expect((await as("centralAdmin", during).reports.exceptions({ periodKey: PERIOD }))[0]).toMatchObject({ id, until: "2026-04-30", revokedAt: "2026-04-10T03:00:00.000Z" });
  });

  it.each([
    ["the closing day itself", "2026-04-01", at("2026-03-20T03:00:00Z")],
    ["a day before closing", "2026-03-20", at("2026-03-10T03:00:00Z")],
    ["a date already past", "2026-04-10", at("2026-04-20T03:00:00Z")],
  ])("refuses an exception until %s (EXCEPTION_UNTIL_INVALID), writing nothing", async (_label, until, now) => {
    fresh();
    const before = fingerprint();
    expect(await failureOf(grant(until, now))).toMatchObject({ code: "BAD_REQUEST", messageKey: "EXCEPTION_UNTIL_INVALID", details: { closesOn: "2026-04-01" } });
    expect(fingerprint()).toBe(before);
  });

  it("refuses an exception without a reason (REASON_REQUIRED) and for a period outside every RAN period (REPORT_PERIOD_NOT_FOUND)", async () => {
    fresh();
    const now = at("2026-04-05T03:00:00Z");
    const before = fingerprint();
    expect(await failureOf(as("centralAdmin", now).reports.grantException({ taskForceId: regency(), periodKey: PERIOD, until: "2026-04-15", reason: "ok" }))).toMatchObject({ code: "BAD_REQUEST", messageKey: "REASON_REQUIRED" });
    expect(await failureOf(as("centralAdmin", now).reports.grantException({ taskForceId: regency(), periodKey: "2031", until: "2032-06-15", reason }))).toMatchObject({ code: "NOT_FOUND", messageKey: "REPORT_PERIOD_NOT_FOUND" });
    expect(fingerprint()).toBe(before);
  });
});

describe("the national report is approved by a central admin other than its submitter", () => {
  it("refuses the submitter (FORBIDDEN, REPORT_SELF_APPROVAL) and accepts another central admin", async () => {
    fresh();
    const national = tfId(null);
    const submitter = as("centralAdmin").reports;
    const saved = await submitter.save({ taskForceId: national, periodKey: PERIOD, baseVersion: 0, content: { coordination: { meetings: 12 } }, acknowledged: [] });
    const submitted = await submitter.submit({ taskForceId: national, periodKey: PERIOD, version: saved.version, acknowledged: [] });
    expect((await submitter.get({ taskForceId: national, periodKey: PERIOD })).may.review).toBe(false);
    const before = fingerprint();
    expect(await failureOf(submitter.approve({ reportId: saved.reportId, version: submitted.version }))).toMatchObject({ code: "FORBIDDEN", messageKey: "REPORT_SELF_APPROVAL" });
    expect(await failureOf(submitter.return({ reportId: saved.reportId, version: submitted.version, reason }))).toMatchObject({ code: "FORBIDDEN", messageKey: "REPORT_SELF_APPROVAL" });
    expect(fingerprint()).toBe(before);
    const other = account(null, "central_admin").caller();
    expect((await other.reports.get({ taskForceId: national, periodKey: PERIOD })).may.review).toBe(true);
    expect(await other.reports.approve({ reportId: saved.reportId, version: submitted.version })).toEqual({ status: "approved", version: submitted.version + 1 });
  });

  it("a province admin does not even see the national report: approving it is REPORT_NOT_FOUND, as for any report out of scope", async () => {
    fresh();
    const national = tfId(null);
    const saved = await as("centralAdmin").reports.save({ taskForceId: national, periodKey: PERIOD, baseVersion: 0, content: {}, acknowledged: [] });
    const submitted = await as("centralAdmin").reports.submit({ taskForceId: national, periodKey: PERIOD, version: saved.version, acknowledged: [] });
    const before = fingerprint();
    expect(await failureOf(as("provinceAdmin").reports.approve({ reportId: saved.reportId, version: submitted.version }))).toMatchObject({ code: "NOT_FOUND", messageKey: "REPORT_NOT_FOUND" });
    expect(fingerprint()).toBe(before);
  });
});

describe("who reviews and who reopens a regency's report", () => {
  it("a central admin may not approve or return it (REPORT_NOT_REVIEWER: its province reviews it), writing nothing", async () => {
    fresh();
    const { reportId, version } = await regencyReportIn("submitted");
    const before = fingerprint();
    expect(await failureOf(as("centralAdmin").reports.approve({ reportId, version }))).toMatchObject({ code: "FORBIDDEN", messageKey: "REPORT_NOT_REVIEWER" });
    expect(await failureOf(as("centralAdmin").reports.return({ reportId, version, reason }))).toMatchObject({ code: "FORBIDDEN", messageKey: "REPORT_NOT_REVIEWER" });
    expect(fingerprint()).toBe(before);
    expect((await as("centralAdmin").reports.get({ taskForceId: regency(), periodKey: PERIOD })).may.review).toBe(false);
  });

  it("a central admin may reopen it once approved (a level above the reviewer)", async () => {
    fresh();
    const approved = await regencyReportIn("approved");
    expect((await as("centralAdmin").reports.get({ taskForceId: regency(), periodKey: PERIOD })).may.reopen).toBe(true);
    expect(await as("centralAdmin").reports.reopen({ ...approved, reason })).toEqual({ status: "reopened", version: approved.version + 1 });
  });

  it("the province's review queue lists its regencies and cities with the submitted one first", async () => {
    fresh();
    await regencyReportIn("submitted");
    const queue = await as("provinceAdmin").reports.reviewQueue({});
    expect(queue.periodKey).toBe(PERIOD); // the latest period that has ended on 2026-01-15
    expect(queue.rows[0]).toMatchObject({ taskForce: { id: regency(), zone: "WIB" }, report: { status: "submitted", onTime: true } });
    expect(queue.rows.every((r) => r.taskForce.level === "regency" && r.taskForce.regionCode?.startsWith("32."))).toBe(true);
    expect(queue.rows.filter((r) => r.report !== null)).toHaveLength(1);
  });
});

describe("the calendar as each task force reads it", () => {
  it("at 00:30 WIT on 1 January 2026 Papua lists the 2026 period as begun, while for Jakarta (22:30 WIB on 31 December) it has not", async () => {
    fresh();
    const instant = at("2025-12-31T15:30:00Z");
    const papua = await account("91").caller(instant).reports.list({ taskForceId: tfId("91") });
    const jakarta = await account("31").caller(instant).reports.list({ taskForceId: tfId("31") });
    expect(papua.taskForce.zone).toBe("WIT");
    expect(papua.periods[0]).toMatchObject({ periodKey: "2026", entryState: "open", dueAt: "2027-01-31T15:00:00.000Z" });
    expect(jakarta.periods[0]).toMatchObject({ periodKey: "2025", entryState: "open", report: null });
  });

  it("reminds the regency's editors of the due date in its last 7 days, then of being overdue, and no more once submitted", async () => {
    fresh();
    const reminder = async (now: Date) => (await as("regencyMember", now).notifications.list()).items.filter((n) => n.periodKey === PERIOD && (n.kind === "due" || n.kind === "overdue")).map((n) => n.kind);
    expect(await reminder(at("2026-01-20T03:00:00Z"))).toEqual([]);
    expect(await reminder(at("2026-01-25T03:00:00Z"))).toEqual(["due"]);
    expect(await reminder(at("2026-02-02T03:00:00Z"))).toEqual(["overdue"]);
    const saved = await saveRegency({}, 0, { now: at("2026-02-02T03:00:00Z") });
    await submitRegency(saved.version, { now: at("2026-02-02T04:00:00Z") });
    expect(await reminder(at("2026-02-03T03:00:00Z"))).toEqual([]);
    // A viewer writes no report and gets no reminder.
    expect((await as("centralViewer", at("2026-01-25T03:00:00Z")).notifications.list()).items.filter((n) => n.kind === "due")).toEqual([]);
  });

  it("a report of 2024 (period III) lists the year's action items at the regency's level with their targets, and is closed for entry on 2026-01-15", async () => {
    fresh();
    const got = await as("regencyAdmin").reports.get({ taskForceId: regency(), periodKey: "2024" });
    expect(got.period).toMatchObject({ number: 3, entryState: "closed", closesOn: "2025-04-01" });
    expect(got.items).toEqual([expect.objectContaining({ id: fx.actionItemId, code: "III.1.1", yearTarget: 30 })]);
    expect(got.completeness.total).toBeGreaterThan(0);
    expect(got.may).toMatchObject({ edit: false, submit: false });
  });

  it("warns when a count is ten times last year's, comparing with the report of the year before", async () => {
    fresh();
    const now = at("2026-03-01T03:00:00Z"); // 2025 still open, 2026 begun
    await saveRegency({ coordination: { meetings: 2 } }, 0, { now });
    const saved = await as("regencyAdmin", now).reports.save({ taskForceId: regency(), periodKey: "2026", baseVersion: 0, content: { coordination: { meetings: 20 } }, acknowledged: [] });
    expect(saved.checks.warnings.map((w) => w.code)).toContain("TEN_TIMES_LAST_YEAR");
    const fewer = await as("regencyAdmin", now).reports.save({ taskForceId: regency(), periodKey: "2026", baseVersion: saved.version, content: { coordination: { meetings: 19 } }, acknowledged: [] });
    expect(fewer.checks.warnings.map((w) => w.code)).not.toContain("TEN_TIMES_LAST_YEAR");
  });
});

describe("the whole round trip: regency reports, province returns with a reason, regency fixes, province approves and reopens", () => {
  it("keeps the reason, tells the reporter, shows what changed, locks the approved report, keeps it readable once reopened, and counts it in the rate", async () => {
    fresh();
    const day = (d: number, h = 3) => at(`2026-01-${String(d).padStart(2, "0")}T${String(h).padStart(2, "0")}:00:00Z`);
    const regencyAdmin = (d: number) => as("regencyAdmin", day(d)).reports;
    const provinceAdmin = (d: number) => as("provinceAdmin", day(d)).reports;
    const rate = async (d: number) => (await as("centralAdmin", day(d)).reports.rate({ periodKey: PERIOD, countUnformed: false })).overall!;

    const content = { victims: { total: 5, women: 3, girls: 2 }, coordination: { meetings: 4 }, narrative: { obstacles: "Data kepolisian terlambat" } };
    const saved = await regencyAdmin(10).save({ taskForceId: regency(), periodKey: PERIOD, baseVersion: 0, content, acknowledged: [] });
    expect(saved).toMatchObject({ version: 1, checks: { errors: [], warnings: [] } });
    expect((await rate(10)).submitted).toBe(0);
    const s1 = await regencyAdmin(11).submit({ taskForceId: regency(), periodKey: PERIOD, version: saved.version, acknowledged: [] });
    expect(s1).toEqual({ status: "submitted", version: 2, onTime: true });

    // The province is told and may review; the regency may no longer edit.
    const provinceNotes = await as("provinceAdmin", day(11)).notifications.list();
    expect(provinceNotes.items.find((n) => n.kind === "submitted")).toMatchObject({ reportId: saved.reportId, periodKey: PERIOD, taskForce: { id: regency() }, read: false });
    expect((await provinceAdmin(11).get({ taskForceId: regency(), periodKey: PERIOD })).may).toMatchObject({ review: true, reopen: false, edit: false });
    expect((await regencyAdmin(11).get({ taskForceId: regency(), periodKey: PERIOD })).may).toMatchObject({ edit: false, submit: false });
    expect(await failureOf(regencyAdmin(11).save({ taskForceId: regency(), periodKey: PERIOD, baseVersion: s1.version, content, acknowledged: [] }))).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_LOCKED" });
    expect((await rate(11)).submitted).toBe(1);

    const returnReason = "Jumlah korban perempuan tidak sesuai data P2TP2A";
    expect(await provinceAdmin(12).return({ reportId: saved.reportId, version: s1.version, reason: returnReason })).toEqual({ status: "returned", version: 3 });

    // The reporter sees the reason in the history and in a notification.
    const returned = await regencyAdmin(13).get({ taskForceId: regency(), periodKey: PERIOD });
    expect(returned.report).toMatchObject({ status: "returned", version: 3 });
    expect(returned.events.at(-1)).toMatchObject({ action: "return", fromStatus: "submitted", toStatus: "returned", reason: returnReason, actorName: "Test provinceAdmin", localTime: "2026-01-12 10:00 WIB" });
    expect(returned.may).toMatchObject({ edit: true, submit: true });
    const notes = await as("regencyAdmin", day(13)).notifications.list();
    const note = notes.items.find((n) => n.kind === "returned");
    expect(note).toMatchObject({ reason: returnReason, reportId: saved.reportId, periodKey: PERIOD, read: false });
    expect(notes.unread).toBeGreaterThanOrEqual(1);
    expect((await rate(13)).returned).toBe(1);

    // Fixes and resubmits; the province sees what changed since the previous submission.
    const fixed = await regencyAdmin(14).save({ taskForceId: regency(), periodKey: PERIOD, baseVersion: 3, content: { ...content, victims: { total: 5, women: 2, girls: 3 } }, acknowledged: [] });
    const s2 = await regencyAdmin(14).submit({ taskForceId: regency(), periodKey: PERIOD, version: fixed.version, acknowledged: [] });
    expect(s2).toEqual({ status: "submitted", version: 5, onTime: true });
    const review = await provinceAdmin(15).get({ taskForceId: regency(), periodKey: PERIOD });
    expect(review.changes).toEqual(
      expect.arrayContaining([
        { path: "victims.women", before: 3, after: 2 },
        { path: "victims.girls", before: 2, after: 3 },
      ]),
    );
    expect(review.changes).toHaveLength(2);
    expect(review.may.review).toBe(true);

    // Approved: locked for the reporter, and counted.
    expect(await provinceAdmin(16).approve({ reportId: saved.reportId, version: s2.version })).toEqual({ status: "approved", version: 6 });
    const locked = await regencyAdmin(17).get({ taskForceId: regency(), periodKey: PERIOD });
    expect(locked.may).toMatchObject({ edit: false, submit: false });
    expect(locked.lastApproved).toBeNull();
    const before = fingerprint();
    expect(await failureOf(regencyAdmin(17).save({ taskForceId: regency(), periodKey: PERIOD, baseVersion: 6, content: {}, acknowledged: [] }))).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_LOCKED" });
    expect(await failureOf(regencyAdmin(17).submit({ taskForceId: regency(), periodKey: PERIOD, version: 6, acknowledged: [] }))).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_TRANSITION_NOT_ALLOWED" });
    expect(fingerprint()).toBe(before);
    expect(await rate(17)).toMatchObject({ submitted: 1, onTime: 1, approved: 1, returned: 0 });
    expect((await as("regencyAdmin", day(17)).notifications.list()).items.find((n) => n.kind === "approved")).toMatchObject({ reportId: saved.reportId });

    // Reopened with a reason: editable again, the approved version readable beside it.
    expect((await provinceAdmin(18).get({ taskForceId: regency(), periodKey: PERIOD })).may.reopen).toBe(true);
    const reopenReason = "Data anggaran perlu dikoreksi";
    expect(await provinceAdmin(18).reopen({ reportId: saved.reportId, version: 6, reason: reopenReason })).toEqual({ status: "reopened", version: 7 });
    const reopened = await regencyAdmin(19).get({ taskForceId: regency(), periodKey: PERIOD });
    expect(reopened.report).toMatchObject({ status: "reopened" });
    expect(reopened.lastApproved).toMatchObject({ content: { victims: { women: 2, girls: 3 } }, at: "2026-01-16T03:00:00.000Z", byName: "Test provinceAdmin" });
    expect(reopened.events.at(-1)).toMatchObject({ action: "reopen", reason: reopenReason });
    expect(reopened.may).toMatchObject({ edit: true, submit: true });
    expect((await as("regencyAdmin", day(19)).notifications.list()).items.find((n) => n.kind === "reopened")).toMatchObject({ reason: reopenReason });
    expect(await rate(19)).toMatchObject({ submitted: 1, approved: 0 });

    // Editing the reopened report keeps the approved version as it was.
    await regencyAdmin(20).save({ taskForceId: regency(), periodKey: PERIOD, baseVersion: 7, content: { ...content, victims: { total: 6, women: 3, girls: 3 } }, acknowledged: [] });
    const editing = await regencyAdmin(20).get({ taskForceId: regency(), periodKey: PERIOD });
    expect(editing.lastApproved?.content.victims).toMatchObject({ total: 5, women: 2 });
    expect(editing.content.victims).toMatchObject({ total: 6, women: 3 });
    expect(editing.changes).toEqual(expect.arrayContaining([{ path: "victims.total", before: 5, after: 6 }]));
    expect(editing.events.map((e) => e.action)).toEqual(["create", "submit", "return", "submit", "approve", "reopen"]);
    const audited = fx.handle.sqlite.prepare("SELECT action, details FROM audit_log WHERE action LIKE 'report.%' ORDER BY id").all() as { action: string; details: string }[];
    expect(audited.map((a) => a.action)).toEqual(["report.save", "report.submit", "report.return", "report.save", "report.submit", "report.approve", "report.reopen", "report.save"]);
    expect(JSON.parse(audited[2]!.details)).toMatchObject({ reason: returnReason, from: "submitted", to: "returned", localTime: "2026-01-12 10:00 WIB" });
  });

  it("marking the returned notification read lowers the reporter's unread count, for that account only", async () => {
    fresh();
    const { reportId } = await regencyReportIn("returned");
    const list = () => as("regencyAdmin").notifications.list();
    const first = await list();
    const returned = first.items.find((n) => n.kind === "returned")!;
    expect(await as("regencyAdmin").notifications.markRead({ keys: [returned.key] })).toEqual({ ok: true });
    const second = await list();
    expect(second.unread).toBe(first.unread - 1);
    expect(second.items.find((n) => n.key === returned.key)?.read).toBe(true);
    expect((await as("regencyMember").notifications.list()).items.find((n) => n.key === returned.key)).toMatchObject({ read: false, reportId });
  });
});

describe("bad input: a clear error code and nothing written", () => {
  /** Runs a call expected to be refused and checks the report tables did not change. */
  async function refused(call: () => Promise<unknown>) {
    const before = fingerprint();
    const failure = await failureOf(call());
    expect(fingerprint()).toBe(before);
    return failure;
  }
  const province = () => as("provinceAdmin").reports;

  it("approving a draft is REPORT_TRANSITION_NOT_ALLOWED", async () => {
    fresh();
    const { reportId, version } = await regencyReportIn("draft");
    expect(await refused(() => province().approve({ reportId, version }))).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_TRANSITION_NOT_ALLOWED", details: { from: "draft", action: "approve" } });
  });

  it("returning a draft, reopening a submitted or returned report, and submitting a submitted one are REPORT_TRANSITION_NOT_ALLOWED", async () => {
    fresh();
    const draft = await regencyReportIn("draft");
    expect(await refused(() => province().return({ ...draft, reason }))).toMatchObject({ messageKey: "REPORT_TRANSITION_NOT_ALLOWED" });
    const submitted = { reportId: draft.reportId, version: (await submitRegency(draft.version)).version };
    expect(await refused(() => province().reopen({ ...submitted, reason }))).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_TRANSITION_NOT_ALLOWED", details: { from: "submitted", action: "reopen" } });
    expect(await refused(() => submitRegency(submitted.version))).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_TRANSITION_NOT_ALLOWED" });
    const returned = await province().return({ ...submitted, reason });
    expect(await refused(() => province().reopen({ reportId: draft.reportId, version: returned.version, reason }))).toMatchObject({ messageKey: "REPORT_TRANSITION_NOT_ALLOWED" });
    expect(await refused(() => province().approve({ reportId: draft.reportId, version: returned.version }))).toMatchObject({ messageKey: "REPORT_TRANSITION_NOT_ALLOWED" });
  });

  it("approving an approved report a second time is REPORT_TRANSITION_NOT_ALLOWED", async () => {
    fresh();
    const approved = await regencyReportIn("approved");
    expect(await refused(() => province().approve(approved))).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_TRANSITION_NOT_ALLOWED" });
  });

  it("submitting a report that was never saved is REPORT_NOT_FOUND", async () => {
    fresh();
    expect(await refused(() => submitRegency(1))).toMatchObject({ code: "NOT_FOUND", messageKey: "REPORT_NOT_FOUND" });
  });

  it("a review step from a stale version is STALE_VERSION", async () => {
    fresh();
    const { reportId, version } = await regencyReportIn("submitted");
    expect(await refused(() => province().approve({ reportId, version: version - 1 }))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(await refused(() => province().return({ reportId, version: version + 1, reason }))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(await refused(() => submitRegency(version - 1))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
  });

  it.each([
    ["no reason", undefined],
    ["an empty reason", ""],
    ["a reason of 2 characters", "ok"],
    ["a reason of spaces only", "          "],
    ["a reason of 3 characters once trimmed", "   sal   "],
  ])("returning with %s is REASON_REQUIRED", async (_label, text) => {
    fresh();
    const { reportId, version } = await regencyReportIn("submitted");
    const input = text === undefined ? { reportId, version } : { reportId, version, reason: text };
    expect(await refused(() => province().return(input as never))).toMatchObject({ code: "BAD_REQUEST", messageKey: "REASON_REQUIRED" });
  });

  it.each([
    ["no reason", undefined],
    ["a reason of 2 characters", "ok"],
  ])("reopening with %s is REASON_REQUIRED", async (_label, text) => {
    fresh();
    const { reportId, version } = await regencyReportIn("approved");
    const input = text === undefined ? { reportId, version } : { reportId, version, reason: text };
    expect(await refused(() => province().reopen(input as never))).toMatchObject({ code: "BAD_REQUEST", messageKey: "REASON_REQUIRED" });
  });

  it("a reason holding a phone number is PERSONAL_DATA_IN_TEXT", async () => {
    fresh();
    const { reportId, version } = await regencyReportIn("submitted");
    expect(await refused(() => province().return({ reportId, version, reason: "Hubungi Pak Budi di 0812-3456-7890" }))).toMatchObject({ code: "BAD_REQUEST", messageKey: "PERSONAL_DATA_IN_TEXT" });
  });

  it("editing an approved report, or a submitted one, is REPORT_LOCKED", async () => {
    fresh();
    const submitted = await regencyReportIn("submitted");
    expect(await refused(() => saveRegency({ victims: { total: 9 } }, submitted.version))).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_LOCKED", details: { status: "submitted" } });
    const approved = await province().approve(submitted);
    expect(await refused(() => saveRegency({ victims: { total: 9 } }, approved.version))).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_LOCKED", details: { status: "approved" } });
    expect(await refused(() => saveRegency({ victims: { total: 9 } }, approved.version, { by: "regencyMember" }))).toMatchObject({ code: "CONFLICT", messageKey: "REPORT_LOCKED" });
  });

  it("the province writing or submitting its regency's report is FORBIDDEN (REPORT_NOT_OWN); so is the centre", async () => {
    fresh();
    expect(await refused(() => saveRegency({ victims: { total: 1 } }, 0, { by: "provinceAdmin" }))).toMatchObject({ code: "FORBIDDEN", messageKey: "REPORT_NOT_OWN" });
    const { version } = await regencyReportIn("draft");
    expect(await refused(() => saveRegency({ victims: { total: 1 } }, version, { by: "provinceAdmin" }))).toMatchObject({ code: "FORBIDDEN", messageKey: "REPORT_NOT_OWN" });
    expect(await refused(() => submitRegency(version, { by: "provinceAdmin" }))).toMatchObject({ code: "FORBIDDEN", messageKey: "REPORT_NOT_OWN" });
    expect(await refused(() => saveRegency({ victims: { total: 1 } }, version, { by: "centralAdmin" }))).toMatchObject({ code: "FORBIDDEN", messageKey: "REPORT_NOT_OWN" });
  });

  it("a regency member may save but not submit (its role lacks reports.submit)", async () => {
    fresh();
    const saved = await saveRegency({ victims: { total: 1 } }, 0, { by: "regencyMember" });
    expect((await refused(() => submitRegency(saved.version, { by: "regencyMember" }))).code).toBe("FORBIDDEN");
  });

  it("the regency approving its own report is refused: its reviewer is the province", async () => {
    fresh();
    const { reportId, version } = await regencyReportIn("submitted");
    expect(await refused(() => as("regencyAdmin").reports.approve({ reportId, version }))).toMatchObject({ code: "FORBIDDEN", messageKey: "REPORT_NOT_REVIEWER" });
  });

  it("a narrative of 1 MB is NARRATIVE_INVALID", async () => {
    fresh();
    const big = "Hambatan koordinasi antar dinas. ".repeat(Math.ceil(1_048_576 / 33)).slice(0, 1_048_576);
    expect(await refused(() => saveRegency({ narrative: { obstacles: big } }, 0))).toMatchObject({ code: "BAD_REQUEST", messageKey: "NARRATIVE_INVALID", issues: [{ path: "content.narrative.obstacles" }] });
  });

  it("a narrative of 20,000 characters is kept, one of 20,001 is NARRATIVE_INVALID", async () => {
    fresh();
    const text = (n: number) => "a".repeat(n);
    const saved = await saveRegency({ narrative: { recommendations: text(20_000) } }, 0);
    expect(await refused(() => saveRegency({ narrative: { recommendations: text(20_001) } }, saved.version))).toMatchObject({ messageKey: "NARRATIVE_INVALID" });
  });

  it.each([
    ["1e15", 1e15, "COUNT_TOO_LARGE"],
    ["-1e15", -1e15, "COUNT_TOO_LARGE"],
    ["1e12 + 1", 1e12 + 1, "COUNT_TOO_LARGE"],
    ["Infinity", Number.POSITIVE_INFINITY, null],
    ["NaN", Number.NaN, "COUNT_INVALID"],
    ["the text '5'", "5", "COUNT_INVALID"],
  ])("a count of %s is refused", async (_label, value, key) => {
    fresh();
    const failure = await refused(() => saveRegency({ lawEnforcement: { suspects: value as number } }, 0));
    expect(failure.code).toBe("BAD_REQUEST");
    if (key) expect(failure.messageKey).toBe(key);
    else expect(["COUNT_TOO_LARGE", "COUNT_INVALID"]).toContain(failure.messageKey);
    expect(failure.issues?.[0]?.path).toBe("content.lawEnforcement.suspects");
  });

  it("a count of 1e12 is kept", async () => {
    fresh();
    await saveRegency({ lawEnforcement: { suspects: 1e12 } }, 0);
    expect((await getRegency()).content.lawEnforcement.suspects).toBe(1e12);
  });

  it("a budget of 1e15 rupiah is kept (a budget is not a count); 1e16 is COUNT_TOO_LARGE", async () => {
    fresh();
    const saved = await saveRegency({ budget: { regionTotalBudget: 1e15 } }, 0);
    expect(await refused(() => saveRegency({ budget: { regionTotalBudget: 1e16 } }, saved.version))).toMatchObject({ messageKey: "COUNT_TOO_LARGE" });
  });

  it.each([
    ["a negative count", { lawEnforcement: { suspects: -2 } }, "COUNT_NEGATIVE"],
    ["a fractional count", { victims: { total: 2.5 } }, "COUNT_NOT_WHOLE"],
    ["a breakdown above its total", { victims: { total: 3, women: 2, girls: 2 } }, "BREAKDOWN_EXCEEDS_TOTAL"],
    ["a realisation of an action item the year does not have", { realisations: [{ actionItemId: 999_999, value: 4 }] }, "REALISATION_ITEM_UNKNOWN"],
    ["an activity dated in another year", { activities: [{ subTaskForce: "prevention", what: "Sosialisasi di sekolah", date: "2024-12-31" }] }, "ACTIVITY_DATE_OUTSIDE_YEAR"],
    ["more spent than allocated without a note", { budget: { lines: [{ source: "APBD", allocated: 1_000_000, spent: 1_500_000 }] } }, "SPENT_OVER_ALLOCATED"],
  ] satisfies [string, Content, string][])("%s saves as a draft (kept as typed, with the error) but submitting it is REPORT_HAS_ERRORS", async (_label, content, code) => {
    fresh();
    const saved = await saveRegency(content, 0);
    expect(saved.checks.errors.map((e) => e.code)).toContain(code);
    expect((await getRegency()).content).toMatchObject(content);
    expect(await refused(() => submitRegency(saved.version))).toMatchObject({ code: "BAD_REQUEST", messageKey: "REPORT_HAS_ERRORS" });
  });

  it("a warning (convictions above prosecutions) not acknowledged is REPORT_WARNINGS_UNACKNOWLEDGED; acknowledged, the report is submitted", async () => {
    fresh();
    const saved = await saveRegency({ lawEnforcement: { prosecutions: 3, convictions: 5 } }, 0);
    expect(saved.checks.errors).toEqual([]);
    const warning = saved.checks.warnings.find((w) => w.code === "CONVICTIONS_ABOVE_PROSECUTIONS");
    expect(warning).toBeDefined();
    expect(await refused(() => submitRegency(saved.version))).toMatchObject({ code: "BAD_REQUEST", messageKey: "REPORT_WARNINGS_UNACKNOWLEDGED" });
    expect(await refused(() => submitRegency(saved.version, { acknowledged: ["SOMETHING_ELSE@lawEnforcement.convictions"] }))).toMatchObject({ messageKey: "REPORT_WARNINGS_UNACKNOWLEDGED" });
    expect(await submitRegency(saved.version, { acknowledged: [warning!.key] })).toMatchObject({ status: "submitted" });
    expect((await getRegency()).report?.acknowledged).toEqual([warning!.key]);
  });

  it("a warning acknowledged when saving still needs its key on submit: the submission's own acknowledgements count", async () => {
    fresh();
    const first = await saveRegency({ lawEnforcement: { prosecutions: 3, convictions: 5 } }, 0);
    const key = first.checks.warnings[0]!.key;
    const saved = await saveRegency({ lawEnforcement: { prosecutions: 3, convictions: 5 } }, first.version, { acknowledged: [key] });
    expect((await getRegency()).report?.acknowledged).toEqual([key]);
    expect(await submitRegency(saved.version, { acknowledged: [key] })).toMatchObject({ status: "submitted" });
  });

  it.each([
    ["an NIK in the narrative", { narrative: { obstacles: "Korban atas nama NIK 3275014501900001 belum pulang" } }, "content.narrative.obstacles"],
    ["a phone number in the recommendations", { narrative: { recommendations: "Hubungi 0812-3456-7890 untuk koordinasi" } }, "content.narrative.recommendations"],
    ["an NIK in an activity", { activities: [{ subTaskForce: "prevention", what: "Pendampingan korban NIK 3275014501900001" }] }, "content.activities.0.what"],
  ])("%s is PERSONAL_DATA_IN_TEXT", async (_label, content, path) => {
    fresh();
    expect(await refused(() => saveRegency(content as Content, 0))).toMatchObject({ code: "BAD_REQUEST", messageKey: "PERSONAL_DATA_IN_TEXT", issues: [{ path }] });
  });

  it.each(["2031", "1999", "2008", "2025-S1"])("a period key outside every RAN period's calendar (%s) is REPORT_PERIOD_NOT_FOUND", async (periodKey) => {
    fresh();
    const reports = as("regencyAdmin").reports;
    expect(await refused(() => reports.save({ taskForceId: regency(), periodKey, baseVersion: 0, content: {}, acknowledged: [] }))).toMatchObject({ code: "NOT_FOUND", messageKey: "REPORT_PERIOD_NOT_FOUND" });
    expect(await refused(() => reports.submit({ taskForceId: regency(), periodKey, version: 1, acknowledged: [] }))).toMatchObject({ code: "NOT_FOUND", messageKey: "REPORT_PERIOD_NOT_FOUND" });
    expect(await refused(() => reports.get({ taskForceId: regency(), periodKey }))).toMatchObject({ code: "NOT_FOUND", messageKey: "REPORT_PERIOD_NOT_FOUND" });
  });

  it.each(["25", "2025-S3", "2025 ", "abcd"])("a malformed period key (%j) is refused as REPORT_PERIOD_NOT_FOUND input", async (periodKey) => {
    fresh();
    await saveRegency({}, 0);
    expect(await refused(() => as("regencyAdmin").reports.save({ taskForceId: regency(), periodKey, baseVersion: 1, content: {}, acknowledged: [] }))).toMatchObject({
      code: "BAD_REQUEST",
      messageKey: "REPORT_PERIOD_NOT_FOUND",
    });
  });

  it("an unknown key in the content is REPORT_CONTENT_INVALID, and a repeated country is refused", async () => {
    fresh();
    expect(await refused(() => saveRegency({ victims: { total: 1, elders: 2 } } as never, 0))).toMatchObject({ code: "BAD_REQUEST", messageKey: "REPORT_CONTENT_INVALID" });
    expect(
      await refused(() =>
        saveRegency(
          {
            victims: {
              abroad: [
                { country: "MY", count: 1 },
                { country: "MY", count: 2 },
              ],
            },
          },
          0,
        ),
      ),
    ).toMatchObject({ code: "BAD_REQUEST", messageKey: "REPORT_CONTENT_INVALID" });
    expect(await refused(() => saveRegency({ victims: { abroad: [{ country: "my", count: 1 }] } }, 0))).toMatchObject({ messageKey: "COUNTRY_INVALID" });
  });
});
