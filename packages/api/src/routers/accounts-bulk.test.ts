import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { browserCaller, failureOf, fixtureFactory } from "../test-helpers.ts";
import type { ActorKey, Fixture } from "../test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture;
const fresh = () => (fx = factory.fresh());
afterEach(() => fx?.close());

const HEADER = "email,nama,jabatan,kode_wilayah,peran";
const csv = (...lines: string[]) => ({ fileName: "akun.csv", contentBase64: Buffer.from(`${[HEADER, ...lines].join("\n")}\n`).toString("base64") });
const userCount = () => fx.handle.sqlite.prepare("SELECT count(*) FROM users").pluck().get() as number;
const auditRows = (action: string) => fx.handle.sqlite.prepare("SELECT outcome, target_id AS targetId, details FROM audit_log WHERE action = ? ORDER BY id").all(action) as { outcome: string; targetId: string; details: string | null }[];
const userId = (email: string) => fx.handle.sqlite.prepare("SELECT id FROM users WHERE email = ?").pluck().get(email) as number | undefined;
const version = (id: number) => fx.handle.sqlite.prepare("SELECT version FROM users WHERE id = ?").pluck().get(id) as number;
const sessionsOf = (id: number) => fx.handle.sqlite.prepare("SELECT count(*) FROM sessions WHERE user_id = ?").pluck().get(id) as number;

async function xlsx(rows: (string | ExcelJS.CellFormulaValue)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Akun");
  sheet.addRow(HEADER.split(","));
  for (const r of rows) sheet.addRow(r);
  return { fileName: "akun.xlsx", contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64") };
}

/** The one-time passwords' file read back: its title block and its table. */
async function readBack(base64: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, "base64") as never);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1).map((v) => (typeof v === "string" || typeof v === "number" ? String(v) : ""))));
  return { name: sheet.name, rows };
}

/** Checks the file, then tries to save it: each row's problems, and the refusal, with nothing written. */
async function refused(actor: ActorKey, file: ReturnType<typeof csv>) {
  const before = userCount();
  const caller = fx.callerAs(actor);
  const checked = await caller.accountsBulk.check(file);
  const failure = await failureOf(caller.accountsBulk.commit(file));
  expect(failure).toMatchObject({ code: "BAD_REQUEST", messageKey: "IMPORT_HAS_ERRORS" });
  expect(userCount()).toBe(before);
  expect(auditRows("account.create")).toEqual([]);
  return checked.rows.filter((r) => r.problems.length > 0).map((r) => ({ row: r.row, problems: r.problems.map((p) => `${p.field}:${p.code}`) }));
}

describe("accountsBulk.commit: a file saved whole", () => {
  it("creates every account, answers the one-time passwords once as a file, and audits each account and the file without a password", async () => {
    fresh();
    const file = csv("ani@jabarprov.go.id,Ani Suryani,Kepala Bidang PPPA,32,Admin daerah", "budi@bekasikota.go.id,Budi Santoso,Staf DP3A,3275,regional_member", "citra@kemenpppa.go.id,Citra Dewi,Analis,nasional,central_viewer");
    const checked = await fx.callerAs("centralAdmin").accountsBulk.check(file);
    expect(checked).toMatchObject({ total: 3, failing: 0 });
    expect(checked.rows.map((r) => r.taskForceName)).toEqual(["Jawa Barat", "Kota Bekasi", null]);

    const before = userCount();
    const out = await fx.callerAs("centralAdmin").accountsBulk.commit({ ...file, language: "id" });
    expect(userCount()).toBe(before + 3);
    expect(out.created.map((a) => [a.email, a.role, a.taskForce.regionCode, a.mustChangePassword])).toEqual([
      ["ani@jabarprov.go.id", "regional_admin", "32", true],
      ["budi@bekasikota.go.id", "regional_member", "32.75", true],
      ["citra@kemenpppa.go.id", "central_viewer", null, true],
    ]);

    const { name, rows } = await readBack(out.file.contentBase64);
    expect(name).toBe("Sandi sekali pakai");
    expect(rows[0]![0]).toBe("Sandi sekali pakai akun baru");
    const header = rows.findIndex((r) => r[0] === "Email");
    expect(rows[header]).toEqual(["Email", "Nama", "Gugus tugas", "Sandi sekali pakai", "Berlaku sampai"]);
    const table = rows.slice(header + 1).filter((r) => r[0] !== "");
    expect(table.map((r) => [r[0], r[2]])).toEqual([
      ["ani@jabarprov.go.id", "Gugus Tugas PP-TPPO Provinsi Jawa Barat"],
      ["budi@bekasikota.go.id", "Gugus Tugas PP-TPPO Kota Bekasi"],
      ["citra@kemenpppa.go.id", "Gugus Tugas PP-TPPO Pusat"],
    ]);
    // 72 hours after the fixture's 2026-11-28 10:00 WIB, with the zone.
    expect(table[0]![4]).toBe("1 Desember 2026 10.00 WIB");
    const passwords = table.map((r) => r[3]!);
    for (const p of passwords) expect(p).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);

    // Each password works once for its account; none is kept anywhere but as a hash.
    const { caller } = browserCaller(fx.handle);
    expect(await caller.auth.signIn({ email: "ani@jabarprov.go.id", password: passwords[0]! })).toMatchObject({ email: "ani@jabarprov.go.id", mustChangePassword: true });
    const everything = JSON.stringify(fx.handle.sqlite.prepare("SELECT * FROM audit_log").all()) + JSON.stringify(fx.handle.sqlite.prepare("SELECT * FROM users").all());
    for (const p of passwords) expect(everything).not.toContain(p);

    expect(auditRows("account.create").map((r) => r.outcome)).toEqual(["success", "success", "success"]);
    const summary = auditRows("account.bulk_create");
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ outcome: "success", targetId: "akun.csv" });
    expect(JSON.parse(summary[0]!.details!)).toEqual({ rows: 3, created: 3 });
  });

  it("writes the file in English when asked, with the zone of each account's task force", async () => {
    fresh();
    const out = await fx.callerAs("centralAdmin").accountsBulk.commit({ ...csv("dina@papua.go.id,Dina Wenda,Staf,91,regional_admin"), language: "en" });
    const { rows } = await readBack(out.file.contentBase64);
    const header = rows.findIndex((r) => r[0] === "Email");
    expect(rows[header]).toEqual(["Email", "Name", "Task force", "One-time password", "Valid until"]);
    expect(rows[header + 1]![4]).toBe("1 December 2026 12:00 WIT");
  });
});

describe("accountsBulk: a file with a bad row saves nothing", () => {
  it("a duplicate email in the file: the later rows, whatever their case", async () => {
    fresh();
    expect(await refused("centralAdmin", csv("a@x.id,Ani Suryani,Staf,32,regional_member", "b@x.id,Budi Santoso,Staf,32,regional_member", "A@X.ID,Ani Lain,Staf,33,regional_member"))).toEqual([
      { row: 4, problems: ["email:EMAIL_REPEATED_IN_FILE"] },
    ]);
  });

  it("an email already used: EMAIL_TAKEN for a central admin; the neutral EMAIL_UNAVAILABLE for a regional uploader when the account is elsewhere", async () => {
    fresh();
    expect(await refused("centralAdmin", csv("target-otherprovince@gugus.test,Ani Suryani,Staf,32,regional_member"))).toEqual([{ row: 2, problems: ["email:EMAIL_TAKEN"] }]);
    expect(await refused("provinceAdmin", csv("target-otherprovince@gugus.test,Ani Suryani,Staf,32,regional_member", "target-province@gugus.test,Budi Santoso,Staf,32,regional_member"))).toEqual([
      { row: 2, problems: ["email:EMAIL_UNAVAILABLE"] },
      { row: 3, problems: ["email:EMAIL_TAKEN"] },
    ]);
    const denied = auditRows("account.bulk_create").at(-1)!;
    expect(denied.outcome).toBe("failure");
    expect(JSON.parse(denied.details!)).toMatchObject({ rows: 2, failing: 2, emailUnavailable: 1 });
  });

  it("an unknown region code, and one that is no code at all", async () => {
    fresh();
    expect(await refused("centralAdmin", csv("a@x.id,Ani Suryani,Staf,32.99,regional_member", "b@x.id,Budi Santoso,Staf,Bandung,regional_member"))).toEqual([
      { row: 2, problems: ["regionCode:REGION_NOT_FOUND"] },
      { row: 3, problems: ["regionCode:REGION_CODE_MALFORMED"] },
    ]);
  });

  it("a region outside the uploader's scope reads exactly as an unknown one", async () => {
    fresh();
    expect(await refused("provinceAdmin", csv("a@x.id,Ani Suryani,Staf,33,regional_member", "b@x.id,Budi Santoso,Staf,32.99,regional_member", "c@x.id,Citra Dewi,Staf,,central_viewer"))).toEqual([
      { row: 2, problems: ["regionCode:REGION_NOT_FOUND"] },
      { row: 3, problems: ["regionCode:REGION_NOT_FOUND"] },
      { row: 4, problems: ["regionCode:REGION_NOT_FOUND"] },
    ]);
  });

  it("a role above the uploader's, or not fitting the level", async () => {
    fresh();
    expect(await refused("provinceAdmin", csv("a@x.id,Ani Suryani,Staf,32,central_admin", "b@x.id,Budi Santoso,Staf,32.75,regional_member", "c@x.id,Citra Dewi,Staf,32,regional_member"))).toEqual([
      { row: 2, problems: ["role:ROLE_LEVEL_MISMATCH"] },
      { row: 3, problems: ["role:ROLE_NOT_GRANTABLE"] },
    ]);
    expect(await refused("centralAdmin", csv("d@x.id,Dewi Lestari,Staf,,regional_admin", "e@x.id,Eko Prasetyo,Staf,32,central_viewer"))).toEqual([
      { row: 2, problems: ["role:ROLE_LEVEL_MISMATCH"] },
      { row: 3, problems: ["role:ROLE_LEVEL_MISMATCH"] },
    ]);
  });

  it("a formula in a CSV cell (=HYPERLINK, +, @, -)", async () => {
    fresh();
    expect(
      await refused("centralAdmin", csv('a@x.id,"=HYPERLINK(""http://contoh.test"",""klik"")",Staf,32,regional_member', "b@x.id,Budi Santoso,+62 812 0000,32,regional_member", "@SUM(A1),Citra Dewi,Staf,32,regional_member", "d@x.id,Dewi Lestari,Staf,32,-1+1")),
    ).toEqual([
      { row: 2, problems: ["name:CELL_FORMULA_REFUSED"] },
      { row: 3, problems: ["position:CELL_FORMULA_REFUSED"] },
      { row: 4, problems: ["email:CELL_FORMULA_REFUSED"] },
      { row: 5, problems: ["role:CELL_FORMULA_REFUSED"] },
    ]);
  });

  it("an XLSX cell holding a formula, whatever value it last showed", async () => {
    fresh();
    const file = await xlsx([
      ["a@x.id", { formula: 'HYPERLINK("http://contoh.test","Ani Suryani")', result: "Ani Suryani" }, "Staf", "32", "regional_member"],
      ["b@x.id", "Budi Santoso", { formula: '"Staf"&" DP3A"', result: "Staf DP3A" }, "32", "regional_member"],
      ["c@x.id", "Citra Dewi", "Staf", "32", "regional_member"],
    ]);
    expect(await refused("centralAdmin", file as never)).toEqual([
      { row: 2, problems: ["name:CELL_FORMULA_REFUSED"] },
      { row: 3, problems: ["position:CELL_FORMULA_REFUSED"] },
    ]);
  });

  it("10,001 rows: FILE_TOO_MANY_ROWS for the whole file, no row checked; 10,000 are checked", async () => {
    fresh();
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `u${i}@x.id,Ani,S,32,regional_member`);
    const before = userCount();
    const big = csv(...lines(10_001));
    expect(await failureOf(fx.callerAs("centralAdmin").accountsBulk.check(big))).toMatchObject({ code: "BAD_REQUEST", messageKey: "FILE_TOO_MANY_ROWS" });
    expect(await failureOf(fx.callerAs("centralAdmin").accountsBulk.commit(big))).toMatchObject({ code: "BAD_REQUEST", messageKey: "FILE_TOO_MANY_ROWS" });
    expect(userCount()).toBe(before);
    const checked = await fx.callerAs("centralAdmin").accountsBulk.check(csv(...lines(10_000)));
    // "S" is too short for a position: every row is checked and reported.
    expect(checked).toMatchObject({ total: 10_000, failing: 10_000 });
  });

  it("a file without the columns it needs: IMPORT_FILE_INVALID naming them", async () => {
    fresh();
    const file = { fileName: "akun.csv", contentBase64: Buffer.from("email,nama\na@x.id,Ani\n").toString("base64") };
    expect(await failureOf(fx.callerAs("centralAdmin").accountsBulk.check(file))).toMatchObject({ messageKey: "IMPORT_FILE_INVALID", details: { reason: "missing_columns", columns: "jabatan, kode_wilayah, peran" } });
  });

  it("a row that became bad since the check (its email taken meanwhile) still refuses the whole file", async () => {
    fresh();
    const file = csv("a@x.id,Ani Suryani,Staf,32,regional_member", "b@x.id,Budi Santoso,Staf,32,regional_member");
    expect(await fx.callerAs("centralAdmin").accountsBulk.check(file)).toMatchObject({ failing: 0 });
    await fx.callerAs("centralAdmin").accounts.create({ email: "b@x.id", name: "Budi Lain", position: "Staf", taskForceId: fx.handle.sqlite.prepare("SELECT task_force_id FROM task_force_regions WHERE region_code = '33'").pluck().get() as number, role: "regional_member" });
    const before = userCount();
    expect(await failureOf(fx.callerAs("centralAdmin").accountsBulk.commit(file))).toMatchObject({ messageKey: "IMPORT_HAS_ERRORS", details: { rows: 1, first: 3 } });
    expect(userCount()).toBe(before);
    expect(userId("a@x.id")).toBeUndefined();
  });
});

describe("accountsBulk.setActive: several accounts, all or nothing, each under accounts.setActive's rules", () => {
  it("deactivates several accounts, ends their sessions and audits each; reactivates them again", async () => {
    fresh();
    const ids = [fx.userIds.regencyMember, fx.userIds.provinceMember];
    const out = await fx.callerAs("centralAdmin").accountsBulk.setActive({ accounts: ids.map((id) => ({ id, version: version(id) })), active: false });
    expect(out.accounts.map((a) => [a.id, a.active, a.deactivatedBy])).toEqual([
      [ids[0], false, "central_admin"],
      [ids[1], false, "central_admin"],
    ]);
    for (const id of ids) expect(sessionsOf(id)).toBe(0);
    expect(auditRows("account.deactivate").map((r) => Number(r.targetId))).toEqual(ids);
    await fx.callerAs("centralAdmin").accountsBulk.setActive({ accounts: ids.map((id) => ({ id, version: version(id) })), active: true });
    expect(auditRows("account.reactivate")).toHaveLength(2);
  });

  it("refuses all when one account is out of scope (not found, audited) and changes none", async () => {
    fresh();
    const own = fx.userIds.provinceMember;
    const regency = fx.targetUserIds.regency;
    const before = [version(own), version(regency)];
    expect(await failureOf(fx.callerAs("provinceAdmin").accountsBulk.setActive({ accounts: [{ id: own, version: before[0]! }, { id: regency, version: before[1]! }], active: false }))).toMatchObject({ code: "NOT_FOUND", messageKey: "ACCOUNT_NOT_FOUND" });
    expect([version(own), version(regency)]).toEqual(before);
    expect(auditRows("account.deactivate")).toEqual([]);
  });

  it("refuses all when one is a fellow regional admin, or one's own account", async () => {
    fresh();
    const member = fx.targetUserIds.regency;
    expect(await failureOf(fx.callerAs("regencyAdmin").accountsBulk.setActive({ accounts: [{ id: member, version: 1 }, { id: fx.userIds.regencyAdmin, version: 1 }], active: false }))).toMatchObject({ code: "FORBIDDEN", messageKey: "CANNOT_CHANGE_OWN_ACCOUNT" });
    expect(version(member)).toBe(1);
  });

  it("refuses all on one stale version, the writes already made in the transaction undone", async () => {
    fresh();
    const [a, b] = [fx.userIds.regencyMember, fx.userIds.provinceMember];
    expect(await failureOf(fx.callerAs("centralAdmin").accountsBulk.setActive({ accounts: [{ id: a, version: version(a) }, { id: b, version: 99 }], active: false }))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(fx.handle.sqlite.prepare("SELECT active FROM users WHERE id = ?").pluck().get(a)).toBe(1);
    expect(sessionsOf(a)).toBe(1);
  });

  it("refuses the same account twice and an empty choice", async () => {
    fresh();
    const id = fx.userIds.regencyMember;
    expect(await failureOf(fx.callerAs("centralAdmin").accountsBulk.setActive({ accounts: [{ id, version: 1 }, { id, version: 1 }], active: false }))).toMatchObject({ messageKey: "ACCOUNT_SELECTION_INVALID" });
    expect(await failureOf(fx.callerAs("centralAdmin").accountsBulk.setActive({ accounts: [], active: false }))).toMatchObject({ messageKey: "ACCOUNT_SELECTION_INVALID" });
  });
});

describe("accountsBulk.resetPasswords: new one-time passwords for several accounts, as a file", () => {
  it("issues each a working one-time password, ends its sessions, audits each without the password", async () => {
    fresh();
    const ids = [fx.targetUserIds.regency, fx.targetUserIds.otherProvince];
    const out = await fx.callerAs("centralAdmin").accountsBulk.resetPasswords({ ids, language: "en" });
    expect(out.accounts.every((a) => a.mustChangePassword)).toBe(true);
    const { rows } = await readBack(out.file.contentBase64);
    expect(rows[0]![0]).toBe("New one-time passwords");
    const header = rows.findIndex((r) => r[0] === "Email");
    const table = rows.slice(header + 1).filter((r) => r[0] !== "");
    expect(table.map((r) => r[0])).toEqual(["target-regency@gugus.test", "target-otherprovince@gugus.test"]);
    const { caller } = browserCaller(fx.handle);
    expect(await caller.auth.signIn({ email: "target-regency@gugus.test", password: table[0]![3]! })).toMatchObject({ mustChangePassword: true });
    expect(auditRows("account.reset_password").map((r) => Number(r.targetId))).toEqual(ids);
    expect(JSON.stringify(auditRows("account.reset_password"))).not.toContain(table[0]![3]!);
  });

  it("refuses all when a regional admin includes a fellow admin, and changes no password", async () => {
    fresh();
    const hash = () => fx.handle.sqlite.prepare("SELECT password_hash FROM users WHERE id = ?").pluck().get(fx.userIds.provinceMember);
    const before = hash();
    const fellow = fx.handle.sqlite.prepare("SELECT id FROM users WHERE email = 'provinceadmin@gugus.test'").pluck().get() as number;
    expect(await failureOf(fx.callerAs("provinceAdmin").accountsBulk.resetPasswords({ ids: [fx.userIds.provinceMember, fellow] }))).toMatchObject({ code: "FORBIDDEN" });
    expect(hash()).toBe(before);
    expect(auditRows("account.reset_password")).toEqual([]);
  });
});
