import { TRPCError } from "@trpc/server";
import { afterEach, describe, expect, it } from "vitest";
import { formatError } from "./errors.ts";
import { fixtureFactory } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture;
const fresh = () => (fx = factory.fresh());
afterEach(() => fx?.close());

async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const shape = formatError({ error, shape: { message: error.message, code: 0, data: { code: error.code, httpStatus: 0 } } });
    return { code: error.code, messageKey: shape.data.messageKey, issues: shape.data.issues };
  }
  throw new Error("expected a failure");
}

const userCount = () => fx.handle.sqlite.prepare("SELECT count(*) FROM users").pluck().get() as number;
const taskForceId = (code: string | null) =>
  fx.handle.sqlite
    .prepare(code === null ? "SELECT id FROM task_forces WHERE level = 'national'" : "SELECT task_force_id FROM task_force_regions WHERE region_code = ?")
    .pluck()
    .get(...(code === null ? [] : [code])) as number;
const good = () => ({ email: "dewi@bekasikota.go.id", name: "Dewi Lestari", position: "Kasi Perlindungan Anak", taskForceId: taskForceId("32.75"), role: "regional_member" as const });

describe("creating accounts: bad input gets a clear error and writes nothing", () => {
  it.each([
    ["an oversized name", { name: "x".repeat(121) }, "NAME_INVALID"],
    ["an oversized position", { position: "x".repeat(161) }, "POSITION_INVALID"],
    ["a malformed email", { email: "dewi at bekasi" }, "EMAIL_INVALID"],
    ["an unknown role", { role: "superadmin" }, "ROLE_INVALID"],
    ["a malformed task force id", { taskForceId: "32.75" }, "TASK_FORCE_ID_INVALID"],
  ])("%s", async (_label, change, key) => {
    fresh();
    const before = userCount();
    const e = await failure(fx.callerAs("centralAdmin").accounts.create({ ...good(), ...change } as never));
    expect(e).toMatchObject({ code: "BAD_REQUEST", messageKey: key });
    expect(userCount()).toBe(before);
  });

  it("an email already taken (in any case): CONFLICT EMAIL_TAKEN", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    await admin.accounts.create(good());
    const before = userCount();
    expect(await failure(admin.accounts.create({ ...good(), email: "DEWI@bekasikota.go.id", name: "Orang Lain" }))).toMatchObject({ code: "CONFLICT", messageKey: "EMAIL_TAKEN" });
    expect(userCount()).toBe(before);
  });

  it("a regional admin creating a central account: refused, at its own task force or the national one", async () => {
    fresh();
    const admin = fx.callerAs("regencyAdmin");
    expect(await failure(admin.accounts.create({ ...good(), role: "central_admin" }))).toMatchObject({ code: "BAD_REQUEST", messageKey: "ROLE_LEVEL_MISMATCH" });
    expect(await failure(admin.accounts.create({ ...good(), taskForceId: taskForceId(null), role: "central_admin" }))).toMatchObject({ code: "NOT_FOUND", messageKey: "TASK_FORCE_NOT_FOUND" });
  });

  it("a regional admin creating an account for another task force: refused", async () => {
    fresh();
    const before = userCount();
    expect(await failure(fx.callerAs("regencyAdmin").accounts.create({ ...good(), taskForceId: taskForceId("32.16") }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(fx.callerAs("provinceAdmin").accounts.create({ ...good(), taskForceId: taskForceId("32.75") }))).toMatchObject({ code: "FORBIDDEN" });
    expect(userCount()).toBe(before);
  });

  it("a regional admin may create a regional admin for its own task force", async () => {
    fresh();
    const res = await fx.callerAs("regencyAdmin").accounts.create({ ...good(), role: "regional_admin" });
    expect(res.account).toMatchObject({ role: "regional_admin", taskForce: { regionCode: "32.75" } });
  });
});

describe("changing accounts", () => {
  it("a stale version is a conflict, not a silent overwrite", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const id = fx.targetUserIds.regency;
    await admin.accounts.update({ id, version: 1, position: "Kepala Seksi" });
    expect(await failure(admin.accounts.update({ id, version: 1, position: "Tertimpa" }))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect((await admin.accounts.get({ id })).position).toBe("Kepala Seksi");
  });

  it("records who changed what, before and after, in the audit log", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    await admin.accounts.update({ id: fx.targetUserIds.regency, version: 1, role: "regional_admin", name: "Target regency" });
    const [entry] = (await admin.audit.list({ action: "account.update" })).rows;
    expect(entry).toMatchObject({
      actorUserId: fx.userIds.centralAdmin,
      actorLabel: "centraladmin@gugus.test",
      outcome: "success",
      targetType: "user",
      targetId: String(fx.targetUserIds.regency),
      ip: "10.0.0.9",
      details: { "role.before": "regional_member", "role.after": "regional_admin" },
    });
    expect(entry!.details).not.toHaveProperty("name.before"); // unchanged fields are not listed
  });

  it("nobody deactivates, resets or demotes their own account", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const me = await admin.auth.me();
    expect(await failure(admin.accounts.setActive({ id: me.id, version: 1, active: false }))).toMatchObject({ messageKey: "CANNOT_CHANGE_OWN_ACCOUNT" });
    expect(await failure(admin.accounts.update({ id: me.id, version: 1, role: "central_viewer" }))).toMatchObject({ messageKey: "CANNOT_CHANGE_OWN_ACCOUNT" });
    expect(await failure(admin.accounts.resetPassword({ id: me.id }))).toMatchObject({ messageKey: "CANNOT_CHANGE_OWN_ACCOUNT" });
  });

  it("a regional admin cannot take over or lock out a fellow admin: no reset, no demotion to reset it after, no deactivation", async () => {
    fresh();
    const regencyAdmin = fx.callerAs("regencyAdmin");
    const bekasi = (await regencyAdmin.auth.me()).taskForce.id;
    const { account: peer } = await fx.callerAs("centralAdmin").accounts.create({ email: "rekan@bekasikota.go.id", name: "Rekan Admin", position: "Kasubbag", taskForceId: bekasi, role: "regional_admin" });
    expect(await failure(regencyAdmin.accounts.resetPassword({ id: peer.id }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(regencyAdmin.accounts.update({ id: peer.id, version: peer.version, role: "regional_member" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await failure(regencyAdmin.accounts.setActive({ id: peer.id, version: peer.version, active: false }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await regencyAdmin.accounts.get({ id: peer.id })).toMatchObject({ role: "regional_admin", version: peer.version });
    // A member of its own task force it may still promote, and a central admin may demote an admin.
    expect(await regencyAdmin.accounts.update({ id: fx.targetUserIds.regency, version: 1, role: "regional_admin" })).toMatchObject({ role: "regional_admin" });
    expect(await fx.callerAs("centralAdmin").accounts.update({ id: peer.id, version: peer.version, role: "regional_member" })).toMatchObject({ role: "regional_member" });
  });

  it("a regional admin cannot promote an account to a central role", async () => {
    fresh();
    const e = await failure(fx.callerAs("regencyAdmin").accounts.update({ id: fx.targetUserIds.regency, version: 1, role: "central_admin" }));
    expect(e).toMatchObject({ code: "BAD_REQUEST", messageKey: "ROLE_LEVEL_MISMATCH" });
  });

  it("deactivation and reactivation each bump the version", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const off = await admin.accounts.setActive({ id: fx.targetUserIds.province, version: 1, active: false });
    expect(off).toMatchObject({ active: false, version: 2 });
    expect(await admin.accounts.setActive({ id: fx.targetUserIds.province, version: 2, active: true })).toMatchObject({ active: true, version: 3 });
  });
});

describe("who may undo a deactivation", () => {
  const version = (id: number) => fx.handle.sqlite.prepare("SELECT version FROM users WHERE id = ?").pluck().get(id) as number;
  const isActive = (id: number) => fx.handle.sqlite.prepare("SELECT active FROM users WHERE id = ?").pluck().get(id) === 1;

  it("a regional admin cannot reactivate a member a central admin deactivated, and nothing is written", async () => {
    fresh();
    const id = fx.userIds.regencyMember;
    await fx.callerAs("centralAdmin").accounts.setActive({ id, version: version(id), active: false });
    const before = version(id);
    expect(await failure(fx.callerAs("regencyAdmin").accounts.setActive({ id, version: before, active: true }))).toMatchObject({ code: "FORBIDDEN", messageKey: "REACTIVATION_NEEDS_CENTRAL" });
    expect(isActive(id)).toBe(false);
    expect(version(id)).toBe(before);
    // A central admin may lift it.
    await fx.callerAs("centralAdmin").accounts.setActive({ id, version: before, active: true });
    expect(isActive(id)).toBe(true);
  });

  it("tells the apps who deactivated an account, so they offer reactivation only to who may", async () => {
    fresh();
    const id = fx.userIds.regencyMember;
    expect(await fx.callerAs("centralAdmin").accounts.setActive({ id, version: version(id), active: false })).toMatchObject({ active: false, deactivatedBy: "central_admin" });
    expect(await fx.callerAs("regencyAdmin").accounts.get({ id })).toMatchObject({ deactivatedBy: "central_admin" });
    const listed = await fx.callerAs("regencyAdmin").accounts.list({ active: false });
    expect(listed.rows.find((r) => r.id === id)).toMatchObject({ deactivatedBy: "central_admin" });
    expect(listed.rows.find((r) => r.id === fx.userIds.deactivated)).toMatchObject({ deactivatedBy: null });
    expect(await fx.callerAs("regencyAdmin").accounts.get({ id: fx.userIds.regencyAdmin })).toMatchObject({ active: true, deactivatedBy: null });
  });

  it("a regional admin may undo its own deactivation of a member", async () => {
    fresh();
    const id = fx.userIds.regencyMember;
    const admin = fx.callerAs("regencyAdmin");
    await admin.accounts.setActive({ id, version: version(id), active: false });
    expect(await admin.accounts.setActive({ id, version: version(id), active: true })).toMatchObject({ active: true });
  });

  it("the latest deactivation decides: reactivated by the centre, then deactivated by the regional admin, it may undo that", async () => {
    fresh();
    const id = fx.userIds.regencyMember;
    const central = fx.callerAs("centralAdmin");
    const admin = fx.callerAs("regencyAdmin");
    await central.accounts.setActive({ id, version: version(id), active: false });
    await central.accounts.setActive({ id, version: version(id), active: true });
    await admin.accounts.setActive({ id, version: version(id), active: false });
    expect(await admin.accounts.setActive({ id, version: version(id), active: true })).toMatchObject({ active: true });
  });

  it("a deactivation whose author is unknown (no record of it) waits for a central admin", async () => {
    fresh();
    const id = fx.userIds.deactivated; // deactivated directly in the database by the fixture
    expect(await failure(fx.callerAs("regencyAdmin").accounts.setActive({ id, version: version(id), active: true }))).toMatchObject({ messageKey: "REACTIVATION_NEEDS_CENTRAL" });
    expect(await fx.callerAs("centralAdmin").accounts.setActive({ id, version: version(id), active: true })).toMatchObject({ active: true });
  });
});

describe("a used email is no country-wide directory", () => {
  const auditRows = () => fx.handle.sqlite.prepare("SELECT action, outcome, details FROM audit_log WHERE action = 'account.create' ORDER BY id").all() as { action: string; outcome: string; details: string }[];

  it("a regional admin hears EMAIL_TAKEN for an account of its own task force", async () => {
    fresh();
    const admin = fx.callerAs("regencyAdmin");
    expect(await failure(admin.accounts.create({ ...good(), email: "regencymember@gugus.test" }))).toMatchObject({ code: "CONFLICT", messageKey: "EMAIL_TAKEN" });
  });

  it.each([
    ["the national task force", "centraladmin@gugus.test"],
    ["another province", "target-otherprovince@gugus.test"],
    ["a sibling regency", "target-siblingregency@gugus.test"],
  ])("a regional admin gets the neutral EMAIL_UNAVAILABLE for an account at %s, nothing is created, and the attempt is audited", async (_label, email) => {
    fresh();
    const before = userCount();
    expect(await failure(fx.callerAs("regencyAdmin").accounts.create({ ...good(), email }))).toMatchObject({ code: "CONFLICT", messageKey: "EMAIL_UNAVAILABLE" });
    expect(userCount()).toBe(before);
    expect(auditRows()).toEqual([{ action: "account.create", outcome: "failure", details: JSON.stringify({ reason: "email_used_elsewhere", email }) }]);
  });

  it("a province's admin is not told about its regencies' accounts either", async () => {
    fresh();
    expect(await failure(fx.callerAs("provinceAdmin").accounts.create({ ...good(), taskForceId: taskForceId("32"), email: "regencymember@gugus.test" }))).toMatchObject({ messageKey: "EMAIL_UNAVAILABLE" });
  });

  it("never says in its words that an account exists elsewhere", async () => {
    fresh();
    const e = await failure(fx.callerAs("regencyAdmin").accounts.create({ ...good(), email: "centraladmin@gugus.test" }));
    expect(JSON.stringify(e)).not.toMatch(/TAKEN|exist/i);
  });
});

describe("listing accounts", () => {
  it("filters by text and active flag, and pages", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const all = await admin.accounts.list({ pageSize: 100 });
    expect(all.total).toBe(14);
    expect((await admin.accounts.list({ query: "target-" })).total).toBe(6);
    expect((await admin.accounts.list({ active: false })).rows.map((r) => r.email)).toEqual(["deactivated@gugus.test"]);
    const page2 = await admin.accounts.list({ pageSize: 5, page: 2 });
    expect(page2.rows).toHaveLength(5);
    expect(page2.rows[0]!.id).toBe(all.rows[5]!.id);
  });

  it("shows a regional admin only its own task force's accounts, whatever it asks", async () => {
    fresh();
    const admin = fx.callerAs("regencyAdmin");
    const own = await admin.accounts.list({});
    expect(new Set(own.rows.map((r) => r.taskForce.regionCode))).toEqual(new Set(["32.75"]));
    expect(await admin.accounts.list({ taskForceId: taskForceId("33") })).toMatchObject({ rows: [], total: 0 });
  });
});

describe("the audit log", () => {
  it("pages newest first and filters by outcome and date", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    for (let i = 0; i < 3; i++) await failure(fx.callerAs("regencyMember").accounts.list({}));
    const first = await admin.audit.list({ limit: 2, outcome: "denied" });
    expect(first.rows).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await admin.audit.list({ limit: 2, outcome: "denied", cursor: first.nextCursor! });
    expect(second.rows).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect((await admin.audit.list({ from: "2026-11-29" })).rows).toEqual([]);
    expect(await admin.audit.actions()).toContain("access.denied");
  });
});

describe("an id out of scope answers like a missing one, at the same cost", () => {
  const auditCount = () => fx.handle.sqlite.prepare("SELECT count(*) FROM audit_log").pluck().get() as number;
  /** The answer a call gets and the audit rows it writes. */
  async function answer(call: () => Promise<unknown>) {
    const before = auditCount();
    const e = await failure(call());
    return { ...e, auditRows: auditCount() - before };
  }

  it("an account of a sibling regency and an account that does not exist: same answer, one audit row each", async () => {
    fresh();
    const admin = fx.callerAs("regencyAdmin");
    const elsewhere = await answer(() => admin.accounts.get({ id: fx.targetUserIds.siblingRegency }));
    const nowhere = await answer(() => admin.accounts.get({ id: 999_999 }));
    expect(elsewhere).toEqual(nowhere);
    expect(nowhere).toMatchObject({ messageKey: "ACCOUNT_NOT_FOUND", auditRows: 1 });
  });

  it("a task force of another province and one that does not exist: same answer, one audit row each", async () => {
    fresh();
    const admin = fx.callerAs("regencyAdmin");
    const elsewhere = await answer(() => admin.accounts.create({ ...good(), taskForceId: taskForceId("33") }));
    const nowhere = await answer(() => admin.accounts.create({ ...good(), taskForceId: 999_999 }));
    expect(elsewhere).toEqual(nowhere);
    expect(nowhere).toMatchObject({ messageKey: "TASK_FORCE_NOT_FOUND", auditRows: 1 });
  });

  it("a central admin's missing id is simply not found: nothing to tell apart, nothing audited", async () => {
    fresh();
    expect(await answer(() => fx.callerAs("centralAdmin").accounts.get({ id: 999_999 }))).toMatchObject({ messageKey: "ACCOUNT_NOT_FOUND", auditRows: 0 });
  });
});

describe("a province admin creates its regencies' first admins", () => {
  const create = (region: string, role: "regional_admin" | "regional_member" | "central_admin", email = `admin-${region}@gugus.test`) =>
    fx.callerAs("provinceAdmin").accounts.create({ email, name: "Admin Pertama", position: "Kepala Bidang PPPA", taskForceId: taskForceId(region), role });

  it("lists the province's regencies/cities with whether each has an active regional admin", async () => {
    fresh();
    const out = await fx.callerAs("provinceAdmin").accounts.firstAdmins({ taskForceId: taskForceId("32") });
    expect(out.regencies).toHaveLength(27);
    expect(out.regencies.every((r) => r.regionCode?.startsWith("32.") === true)).toBe(true);
    expect(out.regencies.find((r) => r.regionCode === "32.75")!.hasActiveAdmin).toBe(true);
    expect(out.regencies.find((r) => r.regionCode === "32.16")!.hasActiveAdmin).toBe(false);
    expect(await failure(fx.callerAs("provinceAdmin").accounts.firstAdmins({ taskForceId: taskForceId("32.16") }))).toMatchObject({ code: "BAD_REQUEST", messageKey: "TASK_FORCE_NOT_PROVINCE" });
  });

  it("creates the first regional admin of a regency with none, with a one-time password shown once", async () => {
    fresh();
    const out = await create("32.16", "regional_admin");
    expect(out.account).toMatchObject({ role: "regional_admin", taskForce: { regionCode: "32.16" }, mustChangePassword: true });
    expect(out.oneTimePassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    // The province still does not see its regencies' accounts.
    expect(await failure(fx.callerAs("provinceAdmin").accounts.get({ id: out.account.id }))).toMatchObject({ code: "NOT_FOUND" });
    const listed = await fx.callerAs("provinceAdmin").accounts.list({ pageSize: 100 });
    expect(listed.rows.some((a) => a.id === out.account.id)).toBe(false);
    expect((await fx.callerAs("provinceAdmin").accounts.firstAdmins({ taskForceId: taskForceId("32") })).regencies.find((r) => r.regionCode === "32.16")!.hasActiveAdmin).toBe(true);
  });

  it("refuses a regency that already has an active admin (REGENCY_HAS_ADMIN), and a second first admin", async () => {
    fresh();
    const before = userCount();
    expect(await failure(create("32.75", "regional_admin"))).toMatchObject({ code: "CONFLICT", messageKey: "REGENCY_HAS_ADMIN" });
    await create("32.16", "regional_admin");
    expect(await failure(create("32.16", "regional_admin", "kedua@gugus.test"))).toMatchObject({ code: "CONFLICT", messageKey: "REGENCY_HAS_ADMIN" });
    expect(userCount()).toBe(Number(before) + 1);
  });

  it("does not find another province's regency, and refuses a member or a central role at its own regency", async () => {
    fresh();
    const before = userCount();
    expect(await failure(create("33.74", "regional_admin"))).toMatchObject({ code: "NOT_FOUND", messageKey: "TASK_FORCE_NOT_FOUND" });
    expect(await failure(create("32.16", "regional_member"))).toMatchObject({ code: "FORBIDDEN", messageKey: "FORBIDDEN" });
    expect(await failure(create("32.16", "central_admin"))).toMatchObject({ code: "BAD_REQUEST", messageKey: "ROLE_LEVEL_MISMATCH" });
    expect(userCount()).toBe(before);
  });

  it("counts a deactivated admin as no admin: the regency may get a first admin again", async () => {
    fresh();
    const created = await create("32.16", "regional_admin");
    await fx.callerAs("centralAdmin").accounts.setActive({ id: created.account.id, version: created.account.version, active: false });
    expect((await create("32.16", "regional_admin", "pengganti@gugus.test")).account.role).toBe("regional_admin");
  });

  it("keeps a regency admin from creating admins of its sibling regencies", async () => {
    fresh();
    expect(await failure(fx.callerAs("regencyAdmin").accounts.create({ email: "x@gugus.test", name: "Admin Pertama", position: "Staf", taskForceId: taskForceId("32.16"), role: "regional_admin" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("accounts.exportXlsx: the list as the caller sees it", () => {
  async function sheetOf(base64: string) {
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(base64, "base64") as never);
    const rows: string[][] = [];
    workbook.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1).map((v) => (typeof v === "string" || typeof v === "number" ? String(v) : ""))));
    return rows;
  }

  it("opens with its title, date and scope, and labelled columns, in Bahasa Indonesia", async () => {
    fresh();
    const out = await fx.callerAs("centralAdmin").accounts.exportXlsx({ language: "id" });
    expect(out.fileName).toMatch(/^akun-\d{8}-\d{4}\.xlsx$/);
    const rows = await sheetOf(out.contentBase64);
    expect(rows[0]![0]).toBe("Daftar akun");
    expect(rows.slice(1, 4).map((r) => r[0])).toEqual(["Keadaan per 28 November 2026", "Seluruh Indonesia", "Dibuat 28 November 2026 10.00 WIB"]);
    const header = rows.findIndex((r) => r[0] === "Nama");
    expect(rows[header]).toEqual(["Nama", "Email", "Jabatan", "Kode wilayah", "Gugus tugas", "Peran", "Status", "Sandi diganti", "Dibuat"]);
    expect(rows.slice(header + 1).filter((r) => r[0] !== "")).toHaveLength(userCount());
  });

  it("holds a regional admin's own task force's accounts only, under the list's filters, in English", async () => {
    fresh();
    const out = await fx.callerAs("provinceAdmin").accounts.exportXlsx({ language: "en", active: true, query: "target" });
    const rows = await sheetOf(out.contentBase64);
    expect(rows[0]![0]).toBe("Accounts");
    expect(rows[2]![0]).toBe("Jawa Barat Provincial Task Force · filtered: search “target”, active");
    const header = rows.findIndex((r) => r[0] === "Name");
    expect(rows[header]).toEqual(["Name", "Email", "Position", "Region code", "Task force", "Role", "Status", "Password changed", "Created"]);
    const body = rows.slice(header + 1).filter((r) => r[0] !== "");
    expect(body.map((r) => [r[1], r[3], r[5]])).toEqual([["target-province@gugus.test", "32", "Regional member"]]);
  });
});
