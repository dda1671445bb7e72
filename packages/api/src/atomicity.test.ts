/**
 * A change and its audit row commit together or not at all. The second write is made to fail with a
 * trigger (the audit insert, or a write of the change that comes after others), and nothing of the
 * call persists: not the change, not the audit row.
 */
import { afterEach, describe, expect, it } from "vitest";
import { FIXTURE_PASSWORD, browserCaller, failureOf as failure, fixtureFactory } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture;
const fresh = () => (fx = factory.fresh());
afterEach(() => fx?.close());

const count = (sql: string) => fx.handle.sqlite.prepare(sql).pluck().get() as number;
const tf = (code: string) => fx.handle.sqlite.prepare("SELECT task_force_id FROM task_force_regions WHERE region_code = ?").pluck().get(code) as number;
const failAuditInserts = () => fx.handle.sqlite.exec("CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END;");
const membership = { position: "member", office: "Kepala Seksi", agency: "Polres", stakeholderType: "vertical", validFrom: "2020-01-01" } as const;

/** The report tables, as one value that any report mutation changes. */
const REPORT_STATE = `SELECT (SELECT count(*) FROM reports) || ':' || coalesce((SELECT sum(version) FROM reports), 0) || ':' || (SELECT count(*) FROM report_versions) || ':' || (SELECT count(*) FROM report_events) || ':' || (SELECT count(*) FROM notifications) || ':' || (SELECT count(*) FROM report_exceptions) || ':' || (SELECT count(revoked_at) FROM report_exceptions)`;
/** The regency's 2026 report (open on the fixture's date) taken to a status through the API, before the call under test; its id and version. */
async function report2026(f: Fixture, status: "draft" | "submitted" | "approved") {
  const ref = { taskForceId: tf("32.75"), periodKey: "2026" };
  const saved = await f.callerAs("regencyAdmin").reports.save({ ...ref, baseVersion: 0, content: { coordination: { meetings: 3 } }, acknowledged: [] });
  if (status === "draft") return { ...ref, reportId: saved.reportId, version: saved.version };
  const submitted = await f.callerAs("regencyAdmin").reports.submit({ ...ref, version: saved.version, acknowledged: [] });
  if (status === "submitted") return { ...ref, reportId: saved.reportId, version: submitted.version };
  const approved = await f.callerAs("provinceAdmin").reports.approve({ reportId: saved.reportId, version: submitted.version });
  return { ...ref, reportId: saved.reportId, version: approved.version };
}
let prepared: Awaited<ReturnType<typeof report2026>>;
const reason = "Data korban belum sesuai";
const exception = () => ({ taskForceId: tf("32.75"), periodKey: "2026", until: "2027-04-10", reason });
let exceptionId: number;

/** Every mutation whose change is data (not a session), the tables it changes, and what must exist before it. */
const MUTATIONS: [string, (fx: Fixture) => Promise<unknown>, string, ((fx: Fixture) => Promise<unknown>)?][] = [
  ["profile.createInstrument", (f) => f.callerAs("centralAdmin").profile.createInstrument({ taskForceId: tf("32.75"), instrument: { type: "perwali", number: "9/2019", issuedOn: "2019-05-01", issuer: "Wali Kota" } }), "SELECT count(*) FROM instruments"],
  ["profile.updateInstrument", (f) => f.callerAs("centralAdmin").profile.updateInstrument({ id: f.targetInstrumentIds.regency, version: 1, instrument: { type: "perwali", number: "1/regency/2016", issuedOn: "2016-03-01", issuer: "Wali Kota Bekasi" } }), "SELECT sum(version) FROM instruments"],
  ["profile.deleteInstrument", (f) => f.callerAs("centralAdmin").profile.deleteInstrument({ id: f.targetInstrumentIds.regency, version: 1 }), "SELECT count(*) FROM instruments"],
  ["profile.createMembership", (f) => f.callerAs("centralAdmin").profile.createMembership({ taskForceId: tf("32.75"), membership }), "SELECT count(*) FROM memberships"],
  ["profile.updateMembership", (f) => f.callerAs("centralAdmin").profile.updateMembership({ id: f.targetMembershipIds.regency, version: 1, membership: { ...membership, validTo: "2021-01-01" } }), "SELECT sum(version) FROM memberships"],
  ["profile.deleteMembership", (f) => f.callerAs("centralAdmin").profile.deleteMembership({ id: f.targetMembershipIds.regency, version: 1 }), "SELECT count(*) FROM memberships"],
  ["hierarchy.restructure", (f) => f.callerAs("centralAdmin").hierarchy.restructure({ plan: { kind: "rename", effectiveDate: "2030-01-01", legalBasis: "PP 1/2029", code: "32.75", newName: "Kota Bekasi Raya" } }), "SELECT count(*) FROM successions"],
  ["formationImport.commit", (f) => f.callerAs("centralAdmin").formationImport.commit({ fileName: "gt.csv", rows: [{ row: 2, regionCode: "32.75", type: "perwali", number: "9/2018", issuedOn: "2018-01-05" }] }), "SELECT count(*) FROM instruments"],
  ["accounts.create", (f) => f.callerAs("centralAdmin").accounts.create({ email: "baru@gugus.test", name: "Akun Baru", position: "Staf", taskForceId: tf("32.75"), role: "regional_member" }), "SELECT count(*) FROM users"],
  ["accounts.update", (f) => f.callerAs("centralAdmin").accounts.update({ id: f.targetUserIds.regency, version: 1, position: "Jabatan baru" }), "SELECT sum(version) FROM users"],
  ["accounts.setActive", (f) => f.callerAs("centralAdmin").accounts.setActive({ id: f.targetUserIds.regency, version: 1, active: false }), "SELECT sum(version) FROM users"],
  ["accounts.resetPassword", (f) => f.callerAs("centralAdmin").accounts.resetPassword({ id: f.targetUserIds.regency }), "SELECT group_concat(password_hash) FROM users"],
  ["sessions.end", (f) => f.callerAs("centralAdmin").sessions.end({ sessionId: f.handle.sqlite.prepare("SELECT id FROM sessions WHERE user_id = ?").pluck().get(f.userIds.regencyMember) as number }), "SELECT count(*) FROM sessions"],
  ["reports.save (the first)", (f) => f.callerAs("regencyAdmin").reports.save({ taskForceId: tf("32.75"), periodKey: "2026", baseVersion: 0, content: {}, acknowledged: [] }), REPORT_STATE],
  [
    "reports.save",
    (f) => f.callerAs("regencyAdmin").reports.save({ taskForceId: prepared.taskForceId, periodKey: prepared.periodKey, baseVersion: prepared.version, content: { coordination: { meetings: 4 } }, acknowledged: [] }),
    REPORT_STATE,
    async (f) => (prepared = await report2026(f, "draft")),
  ],
  [
    "reports.submit",
    (f) => f.callerAs("regencyAdmin").reports.submit({ taskForceId: prepared.taskForceId, periodKey: prepared.periodKey, version: prepared.version, acknowledged: [] }),
    REPORT_STATE,
    async (f) => (prepared = await report2026(f, "draft")),
  ],
  ["reports.approve", (f) => f.callerAs("provinceAdmin").reports.approve({ reportId: prepared.reportId, version: prepared.version }), REPORT_STATE, async (f) => (prepared = await report2026(f, "submitted"))],
  ["reports.return", (f) => f.callerAs("provinceAdmin").reports.return({ reportId: prepared.reportId, version: prepared.version, reason }), REPORT_STATE, async (f) => (prepared = await report2026(f, "submitted"))],
  ["reports.reopen", (f) => f.callerAs("provinceAdmin").reports.reopen({ reportId: prepared.reportId, version: prepared.version, reason }), REPORT_STATE, async (f) => (prepared = await report2026(f, "approved"))],
  ["reports.grantException", (f) => f.callerAs("centralAdmin").reports.grantException(exception()), REPORT_STATE],
  [
    "reports.revokeException",
    (f) => f.callerAs("centralAdmin").reports.revokeException({ id: exceptionId }),
    REPORT_STATE,
    async (f) => (exceptionId = (await f.callerAs("centralAdmin").reports.grantException(exception())).id),
  ],
];

describe("a change is not kept when its audit row cannot be written", () => {
  it.each(MUTATIONS)("%s", async (_path, call, state, setup) => {
    fresh();
    // Resolve the caller's session first: the refused audit insert must be the call's own.
    await fx.callerAs("centralAdmin").auth.me();
    await setup?.(fx);
    const before = count(state);
    const audits = count("SELECT count(*) FROM audit_log");
    failAuditInserts();
    expect(await failure(call(fx))).toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(count(state)).toBe(before);
    fx.handle.sqlite.exec("DROP TRIGGER audit_fails");
    expect(count("SELECT count(*) FROM audit_log")).toBe(audits);
  });

  it("and the same calls succeed, with one audit row each, when it can", async () => {
    for (const [path, call, state, setup] of MUTATIONS) {
      fresh();
      await fx.callerAs("centralAdmin").auth.me();
      await setup?.(fx);
      const before = count(state);
      const audits = count("SELECT count(*) FROM audit_log");
      await call(fx);
      expect(count(state), path).not.toBe(before);
      expect(count("SELECT count(*) FROM audit_log"), path).toBe(audits + 1);
      fx.close();
    }
  });
});

describe("sessions: signing out, changing a password and signing in keep their change only with its audit row", () => {
  it("signing out with the audit refused keeps the session", async () => {
    fresh();
    const member = fx.callerAs("regencyMember");
    await member.auth.me();
    const before = count("SELECT count(*) FROM sessions");
    failAuditInserts();
    expect(await failure(member.auth.signOut())).toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(count("SELECT count(*) FROM sessions")).toBe(before);
  });

  it("changing a password with the audit refused keeps the old password", async () => {
    fresh();
    const member = fx.callerAs("regencyMember");
    await member.auth.me();
    const hash = () => fx.handle.sqlite.prepare("SELECT password_hash FROM users WHERE id = ?").pluck().get(fx.userIds.regencyMember);
    const before = hash();
    const attempts = count("SELECT count(*) FROM sign_in_attempts");
    failAuditInserts();
    expect(await failure(member.auth.changePassword({ currentPassword: FIXTURE_PASSWORD, newPassword: "sebuah kalimat sandi yang baru sekali" }))).toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(hash()).toBe(before);
    // The attempt is counted before the check, as every attempt is (the throttle needs it).
    expect(count("SELECT count(*) FROM sign_in_attempts")).toBe(attempts + 1);
  });

  it("signing in with the audit refused opens no session", async () => {
    fresh();
    const before = count("SELECT count(*) FROM sessions");
    failAuditInserts();
    const { caller } = browserCaller(fx.handle);
    expect(await failure(caller.auth.signIn({ email: "target-regency@gugus.test", password: FIXTURE_PASSWORD }))).toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(count("SELECT count(*) FROM sessions")).toBe(before);
  });
});

describe("no audit row is kept when a write of the change fails", () => {
  it("promoting an account whose sessions cannot be ended keeps neither the role nor an audit row", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    await admin.auth.me();
    const id = fx.userIds.centralViewer;
    const audits = count("SELECT count(*) FROM audit_log");
    fx.handle.sqlite.exec("CREATE TRIGGER sessions_fail BEFORE DELETE ON sessions BEGIN SELECT RAISE(ABORT, 'sessions refused'); END;");
    expect(await failure(admin.accounts.update({ id, version: 1, role: "central_admin" }))).toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(fx.handle.sqlite.prepare("SELECT role FROM users WHERE id = ?").pluck().get(id)).toBe("central_viewer");
    expect(count("SELECT count(*) FROM audit_log")).toBe(audits);
  });

  it("an import whose second row cannot be written keeps no row of it and no audit row", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    await admin.auth.me();
    const before = count("SELECT count(*) FROM instruments");
    const audits = count("SELECT count(*) FROM audit_log");
    fx.handle.sqlite.exec("CREATE TRIGGER second_fails BEFORE INSERT ON instruments WHEN NEW.number = '2/2019' BEGIN SELECT RAISE(ABORT, 'refused'); END;");
    const rows = [
      { row: 2, regionCode: "32.75", type: "perwali", number: "1/2019", issuedOn: "2019-01-05" },
      { row: 3, regionCode: "32.75", type: "perwali", number: "2/2019", issuedOn: "2019-02-05" },
    ];
    expect(await failure(admin.formationImport.commit({ fileName: "gt.csv", rows }))).toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(count("SELECT count(*) FROM instruments")).toBe(before);
    expect(count("SELECT count(*) FROM audit_log")).toBe(audits);
  });
});

describe("denials are audited, outside any change", () => {
  it("a regency admin opening another regency's profile is refused as not found, and the refusal is recorded", async () => {
    fresh();
    const audits = count("SELECT count(*) FROM audit_log WHERE action = 'access.denied'");
    expect(await failure(fx.callerAs("regencyAdmin").profile.get({ taskForceId: tf("33.74") }))).toMatchObject({ code: "NOT_FOUND", messageKey: "TASK_FORCE_NOT_FOUND" });
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'access.denied'")).toBe(audits + 1);
  });
});
