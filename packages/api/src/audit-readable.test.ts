import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { describeAuditEntry } from "./export/audit-workbook.ts";
import type { ReadableAuditEntry } from "./export/audit-workbook.ts";
import { quotedCellsOf, unquotedFormulaTexts } from "./export/xlsx-quoted.fixture.ts";
import { failureOf as failure, fixtureFactory } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture;
const fresh = () => (fx = factory.fresh());
afterEach(() => fx?.close());

const admin = () => fx.callerAs("centralAdmin");
const sentences = (e: ReadableAuditEntry) => ({ id: describeAuditEntry(e, "id").sentence, en: describeAuditEntry(e, "en").sentence });
const count = () => fx.handle.sqlite.prepare("SELECT count(*) FROM audit_log").pluck().get() as number;

/** The fixture's secretary of Kota Bekasi, given a name, then another. */
async function renameSecretary() {
  const id = fx.targetMembershipIds.regency;
  const seat = { position: "secretary", subTaskForce: null, office: "Kepala Bidang PPPA", agency: "DP3A", stakeholderType: "pemda_opd", validFrom: "2016-03-01", validTo: null } as const;
  const first = await admin().profile.updateMembership({ id, version: 1, membership: { ...seat, personName: "Ani Lestari" } });
  await admin().profile.updateMembership({ id, version: first.version, membership: { ...seat, personName: "Dedi Kurniawan" } });
}

describe("audit.list reads each entry in words", () => {
  it("names a membership change with the seat, the task force and the person before → after, in both languages", async () => {
    fresh();
    await renameSecretary();
    const [latest] = (await admin().audit.list({ action: "membership.update" })).rows;
    expect(latest).toMatchObject({
      actor: { id: fx.userIds.centralAdmin, name: "Test centralAdmin" },
      target: { type: "task_force", taskForce: { level: "regency", regionName: "Kota Bekasi" } },
      changes: [{ field: "personName", kind: "text", before: "Ani Lestari", after: "Dedi Kurniawan" }],
    });
    expect(sentences(latest!)).toEqual({
      id: "Test centralAdmin mengubah sekretaris Gugus Tugas PP-TPPO Kota Bekasi dari Ani Lestari menjadi Dedi Kurniawan",
      en: "Test centralAdmin changed the secretary of Kota Bekasi Task Force from Ani Lestari to Dedi Kurniawan",
    });
    expect(describeAuditEntry(latest!, "en").changes).toEqual([{ field: "Person's name", before: "Ani Lestari", after: "Dedi Kurniawan" }]);
  });

  it("names an account change by the account's name and the field's label, values as labels not codes", async () => {
    fresh();
    await admin().accounts.update({ id: fx.targetUserIds.regency, version: 1, role: "regional_admin" });
    const [entry] = (await admin().audit.list({ action: "account.update" })).rows;
    expect(entry).toMatchObject({ target: { type: "user", name: "Target regency" }, changes: [{ field: "role", before: "regional_member", after: "regional_admin" }] });
    expect(sentences(entry!)).toEqual({
      id: "Test centralAdmin mengubah akun Target regency: peran dari Anggota daerah menjadi Admin daerah",
      en: "Test centralAdmin changed the account of Target regency: role from Regional member to Regional admin",
    });
  });

  it("names an instrument change by the instrument, with the changed field", async () => {
    fresh();
    const id = fx.targetInstrumentIds.regency;
    const base = { type: "perwali" as const, number: "1/regency/2016", issuedOn: "2016-03-01", issuer: "Kepala Daerah" };
    await admin().profile.updateInstrument({ id, version: 1, instrument: { ...base, issuer: "Wali Kota Bekasi" } });
    const [entry] = (await admin().audit.list({ action: "instrument.update" })).rows;
    expect(sentences(entry!)).toEqual({
      id: "Test centralAdmin mengubah dasar hukum Perwali 1/regency/2016 Gugus Tugas PP-TPPO Kota Bekasi: penerbit dari Kepala Daerah menjadi Wali Kota Bekasi",
      en: "Test centralAdmin changed the instrument Mayor Regulation (Perwali) 1/regency/2016 of Kota Bekasi Task Force: issuer from Kepala Daerah to Wali Kota Bekasi",
    });
  });

  it("names a RAN period's change by its numeral, several fields as a diff table", async () => {
    fresh();
    await admin().ran.updatePeriod({ number: 4, version: 1, firstYear: 2025, lastYear: 2029, reportingCycle: "semester", dueDays: 15, expiryDays: 30 });
    const [entry] = (await admin().audit.list({ action: "ran.period_update" })).rows;
    expect(entry!.target).toEqual({ type: "ran_period", number: 4 });
    expect(sentences(entry!).id).toBe("Test centralAdmin mengubah RAN Periode IV");
    const changes = describeAuditEntry(entry!, "id").changes;
    expect(changes.map((c) => c.field)).toContain("Siklus pelaporan");
    expect(changes.find((c) => c.field === "Siklus pelaporan")).toEqual({ field: "Siklus pelaporan", before: "Tahunan", after: "Semesteran" });
  });

  it("reads a refusal and a failed sign-in of an unknown address without naming anyone", async () => {
    fresh();
    await failure(fx.callerAs("regencyMember").accounts.list({}));
    await failure(fx.callerAs("anonymous").auth.signIn({ email: "nobody@example.test", password: "wrong-password-here" }));
    const rows = (await admin().audit.list({})).rows;
    const signIn = rows.find((r) => r.action === "auth.sign_in" && r.outcome === "failure")!;
    expect(signIn.actor).toEqual({ id: null, name: null, label: null });
    expect(sentences(signIn)).toEqual({ id: "Percobaan masuk sebagai alamat tak dikenal gagal", en: "A sign-in as an unknown address failed" });
    const denied = rows.find((r) => r.action === "access.denied")!;
    expect(sentences(denied).en).toBe("Test regencyMember was refused access to accounts.list");
  });

  it("filters by the account acting, and lists the accounts that acted by name", async () => {
    fresh();
    await renameSecretary();
    await failure(fx.callerAs("regencyMember").accounts.list({}));
    const mine = (await admin().audit.list({ actorUserId: fx.userIds.centralAdmin })).rows;
    expect(mine.map((r) => r.action)).toEqual(["membership.update", "membership.update"]);
    expect(await admin().audit.actors()).toEqual(expect.arrayContaining([{ id: fx.userIds.centralAdmin, name: "Test centralAdmin" }]));
  });
});

describe("the later capabilities' entries", () => {
  const entry = (over: Partial<ReadableAuditEntry>): ReadableAuditEntry => ({
    id: 1,
    at: Date.parse("2026-12-01T07:05:00Z"),
    action: "mfa.reset",
    outcome: "success",
    ip: null,
    actorUserId: 1,
    actorLabel: "budi@gugus.test",
    targetType: null,
    targetId: null,
    actor: { id: 1, name: "Budi Santoso", label: "budi@gugus.test" },
    target: null,
    changes: [],
    details: null,
    ...over,
  });

  it("read a second factor's reset, a RAD item and an announcement in words", () => {
    expect(sentences(entry({ action: "mfa.reset", target: { type: "user", name: "Siti Aminah", id: "7" } }))).toEqual({
      id: "Budi Santoso mengatur ulang faktor kedua Siti Aminah",
      en: "Budi Santoso reset the second factor of Siti Aminah",
    });
    const bekasi = { type: "task_force", id: "9", taskForce: { id: 9, level: "regency", regionName: "Kota Bekasi" } } as const;
    expect(sentences(entry({ action: "rad.item_create", target: bekasi, details: { code: "1.1.a" } })).id).toBe("Budi Santoso menambahkan butir RAD 1.1.a pada Gugus Tugas PP-TPPO Kota Bekasi");
    expect(sentences(entry({ action: "announcement.create", details: { titleId: "Rapat koordinasi", titleEn: "Coordination meeting" } }))).toEqual({
      id: "Budi Santoso menerbitkan pengumuman “Rapat koordinasi”",
      en: "Budi Santoso published the announcement “Coordination meeting”",
    });
  });

  it("read the system for the first start, and an action it has no words for by its name", () => {
    const first = entry({ action: "account.create", actor: { id: null, name: null, label: "first start" }, target: { type: "user", name: "Administrator Pusat", id: "1" } });
    expect(sentences(first).id).toBe("Sistem membuat akun Administrator Pusat");
    expect(sentences(entry({ action: "something.new" })).en).toBe("Budi Santoso: something.new");
  });
});

describe("the date range", () => {
  it("refuses an end before the start as DATE_RANGE_INVERTED, on the end field, in the list and the file", async () => {
    fresh();
    const inverted = await failure(admin().audit.list({ from: "2026-11-28", to: "2026-11-27" }));
    expect(inverted).toMatchObject({ code: "BAD_REQUEST", messageKey: "DATE_RANGE_INVERTED" });
    expect(inverted.issues).toEqual([expect.objectContaining({ path: "to", messageKey: "DATE_RANGE_INVERTED" })]);
    expect(await failure(admin().audit.exportXlsx({ filters: { from: "2026-11-28", to: "2026-11-27" }, language: "en" }))).toMatchObject({ messageKey: "DATE_RANGE_INVERTED" });
  });

  it("refuses a range over five years as DATE_RANGE_TOO_LONG and accepts one day", async () => {
    fresh();
    expect(await failure(admin().audit.list({ from: "2020-01-01", to: "2026-11-28" }))).toMatchObject({ messageKey: "DATE_RANGE_TOO_LONG" });
    await renameSecretary();
    expect((await admin().audit.list({ from: "2026-11-28", to: "2026-11-28", action: "membership.update" })).rows).toHaveLength(2);
  });

  it("reads dates in WIB: an entry at 10.00 WIB on 28 November is on the 28th, not on the 27th", async () => {
    fresh();
    await renameSecretary();
    expect((await admin().audit.list({ to: "2026-11-27", action: "membership.update" })).rows).toEqual([]);
  });

  it("writes nothing to the log when refused", async () => {
    fresh();
    const before = count();
    await failure(admin().audit.list({ from: "2026-11-28", to: "2026-11-01" }));
    expect(count()).toBe(before);
  });
});

async function readBack(base64: string) {
  const bytes = Buffer.from(base64, "base64");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { bytes: new Uint8Array(bytes), workbook };
}

describe("audit.exportXlsx", () => {
  for (const [language, title, header, sentence, scope] of [
    ["id", "Log audit", "Catatan", "Test centralAdmin mengubah sekretaris Gugus Tugas PP-TPPO Kota Bekasi dari Ani Lestari menjadi Dedi Kurniawan", "Seluruh Indonesia"],
    ["en", "Audit log", "Entry", "Test centralAdmin changed the secretary of Kota Bekasi Task Force from Ani Lestari to Dedi Kurniawan", "All of Indonesia"],
  ] as const) {
    it(`holds the filtered entries as the screen shows them, with title, range and labelled headers (${language})`, async () => {
      fresh();
      await renameSecretary();
      const file = await admin().audit.exportXlsx({ filters: { action: "membership.update", from: "2026-11-01", to: "2026-11-28" }, language });
      expect(file.fileName).toMatch(/\.xlsx$/);
      const { workbook } = await readBack(file.contentBase64);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getCell("A1").value).toBe(title);
      expect(sheet.getCell("A2").text).toContain("1 November 2026");
      expect(sheet.getCell("A3").value).toBe(scope);
      expect(sheet.getCell("A4").text).toMatch(/WIB$/);
      const headers = (sheet.getRow(6).values as unknown[]).slice(1);
      expect(headers).toContain(header);
      const body = [7, 8].map((n) => (sheet.getRow(n).values as unknown[]).slice(1).map(String));
      expect(body[0]).toContain(sentence);
      expect(body[0]!.some((v) => /WIB$/.test(v))).toBe(true);
      expect(body[0]!.join(" ")).toContain("Ani Lestari → Dedi Kurniawan");
      expect(sheet.getRow(9).values).toEqual([]);
    });
  }

  it("writes an entry whose text begins with = so that no spreadsheet runs it, the text kept exactly", async () => {
    fresh();
    fx.handle.sqlite.prepare("UPDATE users SET name = ? WHERE id = ?").run('=HYPERLINK("http://x.test","klik")', fx.userIds.centralAdmin);
    await renameSecretary();
    const file = await admin().audit.exportXlsx({ filters: { action: "membership.update" }, language: "id" });
    const { bytes, workbook } = await readBack(file.contentBase64);
    const sheet = workbook.worksheets[0]!;
    const cells = (sheet.getRow(7).values as unknown[]).map(String);
    expect(cells.some((v) => v.startsWith('=HYPERLINK("http://x.test","klik") mengubah sekretaris'))).toBe(true);
    expect(unquotedFormulaTexts(bytes, workbook)).toEqual([]);
    expect(quotedCellsOf(bytes).size).toBeGreaterThan(0);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });
});

describe("the audit file and the audit screen", () => {
  it("word each entry the same: the screen's words (apps/admin/src/i18n/audit.ts) are the file's, line for line", async () => {
    const { readFile } = await import("node:fs/promises");
    const words = (text: string) =>
      text
        .slice(text.indexOf("type Words = {"), text.includes("/** The log's entries") ? text.indexOf("/** The log's entries") : undefined)
        .replace(/\n {2}file: \{\n {4}title: string;[\s\S]*?\n {2}\};\n/, "\n")
        .replace(/\n {4}file: \{\n {6}title: [\s\S]*?\n {4}\},\n/g, "\n")
        .replaceAll("AUDIT_FILE_WORDS", "AUDIT_WORDS")
        .replaceAll("FileLanguage", "Language")
        .split("\n")
        .filter((line) => !line.startsWith("/**") && !line.startsWith("export function targetInWords"))
        .join("\n")
        .trim();
    const file = await readFile(new URL("./export/audit-workbook.ts", import.meta.url), "utf8");
    const screen = await readFile(new URL("../../../apps/admin/src/i18n/audit.ts", import.meta.url), "utf8");
    expect(words(screen)).toBe(words(file));
  });
});
