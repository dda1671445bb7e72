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

/** Every mutation whose change is data (not a session) and the tables it changes. */
const MUTATIONS: [string, (fx: Fixture) => Promise<unknown>, string][] = [
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
];

describe("a change is not kept when its audit row cannot be written", () => {
  it.each(MUTATIONS)("%s", async (_path, call, state) => {
    fresh();
    // Resolve the caller's session first: the refused audit insert must be the call's own.
    await fx.callerAs("centralAdmin").auth.me();
    const before = count(state);
    const audits = count("SELECT count(*) FROM audit_log");
    failAuditInserts();
    expect(await failure(call(fx))).toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    expect(count(state)).toBe(before);
    fx.handle.sqlite.exec("DROP TRIGGER audit_fails");
    expect(count("SELECT count(*) FROM audit_log")).toBe(audits);
  });

  it("and the same calls succeed, with one audit row each, when it can", async () => {
    for (const [path, call, state] of MUTATIONS) {
      fresh();
      await fx.callerAs("centralAdmin").auth.me();
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
