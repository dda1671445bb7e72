import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { callerSignedInAt, failureOf as failure, fixtureFactory } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture;
const fresh = () => (fx = factory.fresh());
afterEach(() => fx?.close());


const tf = (code: string | null) =>
  fx.handle.sqlite
    .prepare(code === null ? "SELECT id FROM task_forces WHERE level = 'national'" : "SELECT task_force_id FROM task_force_regions WHERE region_code = ?")
    .pluck()
    .get(...(code === null ? [] : [code])) as number;
const rows = (table: string) => fx.handle.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

const perwali = { type: "perwali", number: "12 Tahun 2017", issuedOn: "2017-04-10", issuer: "Wali Kota Bekasi" } as const;

describe("formation: instruments decide the status at a date", () => {
  it("a city's task force is not formed before its Perwali, formed after; a revocation ends it", async () => {
    fresh();
    const admin = fx.callerAs("regencyAdmin");
    const bekasi = tf("32.75");
    // The fixture's Perwali is dated 2016-03-01; add a later one, then revoke it.
    const created = await admin.profile.createInstrument({ taskForceId: bekasi, instrument: perwali });
    expect((await admin.profile.get({ taskForceId: bekasi, at: "2016-02-29" })).status).toBe("not_formed");
    expect((await admin.profile.get({ taskForceId: bekasi, at: "2017-04-10" })).instrumentInForceId).toBe(created.id);
    await admin.profile.updateInstrument({ id: created.id, version: created.version, instrument: { ...perwali, revokedOn: "2024-01-01" } });
    const after = await admin.profile.get({ taskForceId: bekasi, at: "2024-06-01" });
    expect(after.status).toBe("revoked");
    expect((await admin.hierarchy.byId({ id: bekasi, at: "2024-06-01" })).status).toBe("revoked");
  });

  it.each([
    ["a Perbup for a city", { ...perwali, type: "perbup" }, "BAD_REQUEST", "INSTRUMENT_TYPE_MISMATCH"],
    ["an instrument dated in the future", { ...perwali, issuedOn: "2026-12-25" }, "BAD_REQUEST", "DATE_IN_FUTURE"],
    ["a revocation before the date", { ...perwali, revokedOn: "2017-01-01" }, "BAD_REQUEST", "INSTRUMENT_END_BEFORE_START"],
    ["an unknown type", { ...perwali, type: "keppres" }, "BAD_REQUEST", "INSTRUMENT_TYPE_INVALID"],
    ["the fixture's number again", { ...perwali, number: "1/regency/2016" }, "CONFLICT", "INSTRUMENT_DUPLICATE"],
  ])("refuses %s, writing nothing", async (_label, instrument, code, key) => {
    fresh();
    const before = rows("instruments");
    expect(await failure(fx.callerAs("regencyAdmin").profile.createInstrument({ taskForceId: tf("32.75"), instrument: instrument as never }))).toMatchObject({ code, messageKey: key });
    expect(rows("instruments")).toBe(before);
  });

  it("refuses an instrument of Papua Selatan dated before the province existed", async () => {
    fresh();
    const e = await failure(fx.callerAs("centralAdmin").profile.createInstrument({ taskForceId: tf("93"), instrument: { type: "pergub", number: "1/2021", issuedOn: "2021-06-01", issuer: "Gubernur" } }));
    expect(e).toMatchObject({ messageKey: "REGION_NOT_AT_DATE" });
  });

  it("a stale version is a conflict, and every change is audited before → after", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const id = fx.targetInstrumentIds.regency;
    const base = { type: "perwali" as const, number: "1/regency/2016", issuedOn: "2016-03-01", issuer: "Kepala Daerah" };
    await admin.profile.updateInstrument({ id, version: 1, instrument: { ...base, issuer: "Wali Kota Bekasi" } });
    expect(await failure(admin.profile.updateInstrument({ id, version: 1, instrument: { ...base, issuer: "Tertimpa" } }))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    const [entry] = (await admin.audit.list({ action: "instrument.update" })).rows;
    expect(entry?.details).toMatchObject({ instrumentId: id, "issuer.before": "Kepala Daerah", "issuer.after": "Wali Kota Bekasi" });
  });
});

describe("records of other task forces", () => {
  it("answer exactly as a record that does not exist: the same code and message key, nothing changed", async () => {
    fresh();
    const regencyAdmin = fx.callerAs("regencyAdmin");
    const before = rows("instruments");
    const elsewhere = await failure(regencyAdmin.profile.updateInstrument({ id: fx.targetInstrumentIds.otherProvinceRegency, version: 1, instrument: { ...perwali, documentRef: null, endsOn: null, revokedOn: null } }));
    const nowhere = await failure(regencyAdmin.profile.updateInstrument({ id: 999_999, version: 1, instrument: { ...perwali, documentRef: null, endsOn: null, revokedOn: null } }));
    expect(elsewhere).toEqual(nowhere);
    expect(elsewhere).toMatchObject({ code: "NOT_FOUND", messageKey: "INSTRUMENT_NOT_FOUND" });
    expect(await failure(regencyAdmin.profile.deleteInstrument({ id: fx.targetInstrumentIds.otherProvinceRegency, version: 1 }))).toEqual(nowhere);
    const memberElsewhere = await failure(regencyAdmin.profile.deleteMembership({ id: fx.targetMembershipIds.otherProvinceRegency, version: 1 }));
    expect(memberElsewhere).toEqual(await failure(regencyAdmin.profile.deleteMembership({ id: 999_999, version: 1 })));
    expect(memberElsewhere).toMatchObject({ code: "NOT_FOUND", messageKey: "MEMBERSHIP_NOT_FOUND" });
    expect(rows("instruments")).toBe(before);
  });
});

describe("no personal data in free text", () => {
  it("refuses an NIK or a phone number in a holding or an instrument, naming the field, writing nothing", async () => {
    fresh();
    const regencyAdmin = fx.callerAs("regencyAdmin");
    const bekasi = tf("32.75");
    const [memberships, instruments] = [rows("memberships"), rows("instruments")];
    const holding = { position: "member", office: "Kepala Seksi", agency: "Polres Bekasi Kota", stakeholderType: "vertical", validFrom: "2020-01-01" } as const;
    const withNik = await failure(regencyAdmin.profile.createMembership({ taskForceId: bekasi, membership: { ...holding, office: "Korban NIK 3275014501990001" } }));
    expect(withNik).toMatchObject({ code: "BAD_REQUEST" });
    expect(withNik.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: "membership.office", messageKey: "PERSONAL_DATA_IN_TEXT" })]));
    const withPhone = await failure(regencyAdmin.profile.createMembership({ taskForceId: bekasi, membership: { ...holding, personName: "Budi, HP 0812-3456-7890" } }));
    expect(withPhone.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: "membership.personName", messageKey: "PERSONAL_DATA_IN_TEXT" })]));
    const instrument = await failure(regencyAdmin.profile.createInstrument({ taskForceId: bekasi, instrument: { ...perwali, issuer: "Wali Kota (+62 812 3456 7890)" } }));
    expect(instrument.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: "instrument.issuer", messageKey: "PERSONAL_DATA_IN_TEXT" })]));
    expect([rows("memberships"), rows("instruments")]).toEqual([memberships, instruments]);
  });
});

describe("composition: one holder per single seat at a time", () => {
  it("refuses a holding that has not begun yet (its 'from' date in the future), writing nothing", async () => {
    fresh();
    const before = rows("memberships");
    const holding = { position: "secretary", office: "Sekretaris Dinas PPPA", agency: "DP3A Kota Bekasi", stakeholderType: "pemda_opd", validFrom: "2031-01-01" } as const;
    const e = await failure(fx.callerAs("regencyAdmin").profile.createMembership({ taskForceId: tf("32.75"), membership: holding }));
    expect(e).toMatchObject({ code: "BAD_REQUEST", messageKey: "DATE_IN_FUTURE", details: { field: "validFrom" } });
    expect(rows("memberships")).toBe(before);
  });

  const holder = { position: "daily_chair", office: "Kepala DP3A", agency: "DP3A Kota Bekasi", stakeholderType: "pemda_opd", validFrom: "2021-01-01", validTo: "2023-08-09" } as const;

  it("answers who held the daily chair on 2022-01-01", async () => {
    fresh();
    const admin = fx.callerAs("regencyAdmin");
    const bekasi = tf("32.75");
    await admin.profile.createMembership({ taskForceId: bekasi, membership: { ...holder, personName: "Ibu A" } });
    await admin.profile.createMembership({ taskForceId: bekasi, membership: { ...holder, personName: "Bapak B", validFrom: "2023-08-10", validTo: null } });
    const at2022 = await admin.profile.get({ taskForceId: bekasi, at: "2022-01-01" });
    expect(at2022.seats.find((s) => s.seat === "daily_chair")?.holder?.personName).toBe("Ibu A");
    const today = await admin.profile.get({ taskForceId: bekasi });
    expect(today.seats.find((s) => s.seat === "daily_chair")?.holder?.personName).toBe("Bapak B");
  });

  it("refuses an overlapping holder of the same seat, naming the other holding, and writes nothing", async () => {
    fresh();
    const admin = fx.callerAs("regencyAdmin");
    const bekasi = tf("32.75");
    await admin.profile.createMembership({ taskForceId: bekasi, membership: holder });
    const before = rows("memberships");
    const e = await failure(admin.profile.createMembership({ taskForceId: bekasi, membership: { ...holder, validFrom: "2023-08-09", validTo: null } }));
    expect(e).toMatchObject({ code: "CONFLICT", messageKey: "SEAT_OVERLAP", details: { office: "Kepala DP3A", validFrom: "2021-01-01" } });
    expect(rows("memberships")).toBe(before);
  });

  it("lets many members overlap, and refuses a coordinator without a sub-task-force", async () => {
    fresh();
    const admin = fx.callerAs("regencyAdmin");
    const member = { ...holder, position: "member" as const, validTo: null };
    await admin.profile.createMembership({ taskForceId: tf("32.75"), membership: member });
    await admin.profile.createMembership({ taskForceId: tf("32.75"), membership: { ...member, agency: "Polres Metro Bekasi Kota", stakeholderType: "vertical" } });
    expect(await failure(admin.profile.createMembership({ taskForceId: tf("32.75"), membership: { ...holder, position: "coordinator" } }))).toMatchObject({ messageKey: "POSITION_INVALID_FOR_SEAT" });
  });

  it("a province admin reads its regencies' profiles but does not edit them", async () => {
    fresh();
    const province = fx.callerAs("provinceAdmin");
    expect((await province.profile.get({ taskForceId: tf("32.75") })).canManage).toBe(false);
    expect(await failure(province.profile.createMembership({ taskForceId: tf("32.75"), membership: holder }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await province.profile.get({ taskForceId: tf("32") })).canManage).toBe(true);
  });
});

describe("coverage at a date", () => {
  it("counts formed provinces and regencies/cities, and lists the unformed", async () => {
    fresh();
    const c = await fx.callerAs("centralAdmin").hierarchy.coverage({ at: "2026-01-01" });
    // The fixture forms the six target task forces: the nation, Jawa Barat, Jawa Tengah and three cities/regencies.
    expect(c.province).toEqual({ formed: 2, total: 38 });
    expect(c.regency).toEqual({ formed: 3, total: 514 });
    expect(c.byProvince.find((p) => p.provinceCode === "32")).toMatchObject({ provinceName: "Jawa Barat", provinceFormed: true, regencies: { formed: 2, total: 27 } });
    expect(c.unformed).toHaveLength(38 - 2 + 514 - 3);
    expect((await fx.callerAs("centralAdmin").hierarchy.coverage({ at: "2016-02-29" })).province.formed).toBe(0);
  });

  it("counts 34 provinces before the Papua split", async () => {
    fresh();
    expect((await fx.callerAs("centralAdmin").hierarchy.coverage({ at: "2021-12-31" })).province.total).toBe(34);
  });

  it("gives a regency only its own line", async () => {
    fresh();
    const c = await fx.callerAs("regencyMember").hierarchy.coverage({});
    expect(c.regency).toEqual({ formed: 1, total: 1 });
    expect(c.province.total).toBe(0);
  });
});

describe("the hierarchy at a date", () => {
  it("shows Kab. Merauke's task force with one id: 91.01 under Papua on 2021-12-31, 93.01 under Papua Selatan today", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const today = await admin.hierarchy.byRegion({ code: "93.01" });
    const before = await admin.hierarchy.byId({ id: today.id, at: "2021-12-31" });
    expect(before).toMatchObject({ id: today.id, regionCode: "91.01", parent: { regionCode: "91", regionName: "Papua" } });
    expect(today).toMatchObject({ regionCode: "93.01", parent: { regionCode: "93", regionName: "Papua Selatan" } });
    expect(today.regionHistory.map((l) => [l.regionCode, l.validFrom, l.validTo])).toEqual([
      ["91.01", null, "2022-07-24"],
      ["93.01", "2022-07-25", null],
    ]);
    expect(today.successions).toMatchObject([{ oldCode: "91.01", newCode: "93.01", legalBasis: "UU 14/2022" }]);
    expect((await admin.hierarchy.byRegion({ code: "91.01" })).id).toBe(today.id);
  });

  it("refuses a task force on a date it did not exist yet", async () => {
    fresh();
    expect(await failure(fx.callerAs("centralAdmin").hierarchy.byRegion({ code: "93", at: "2021-12-31" }))).toMatchObject({ code: "NOT_FOUND", messageKey: "TASK_FORCE_NOT_FOUND" });
  });
});

describe("recording a restructuring", () => {
  const split = {
    kind: "split" as const,
    effectiveDate: "2027-07-01",
    legalBasis: "UU 1/2027",
    sourceCode: "91",
    newCode: "97",
    newName: "Papua Utara",
    moves: [{ oldCode: "91.05", newCode: "97.01" }],
  };

  it("records a future split: today unchanged, from the date a new province and the moved regency under it, same task force", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const yapen = await admin.hierarchy.byRegion({ code: "91.05" });
    const result = await admin.hierarchy.restructure({ plan: split });
    expect(result.newTaskForceIds).toHaveLength(1);
    expect((await admin.hierarchy.byId({ id: yapen.id })).regionCode).toBe("91.05");
    const later = await admin.hierarchy.byId({ id: yapen.id, at: "2027-07-01" });
    expect(later).toMatchObject({ regionCode: "97.01", parent: { id: result.newTaskForceIds[0], regionName: "Papua Utara" } });
    expect((await admin.hierarchy.counts({ at: "2027-07-01" })).byLevel).toEqual({ national: 1, province: 39, regency: 514 });
    const [entry] = (await admin.audit.list({ action: "hierarchy.restructure" })).rows;
    expect(entry?.details).toMatchObject({ kind: "split", successions: "91→97 (split); 91.05→97.01 (recode)" });
  });

  it("refuses a code already used, a cycle, and a date before the region's last change — writing nothing", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const before = rows("successions");
    expect(await failure(admin.hierarchy.restructure({ plan: { ...split, newCode: "93" } }))).toMatchObject({ messageKey: "REGION_CODE_USED" });
    expect(await failure(admin.hierarchy.restructure({ plan: { kind: "recode", effectiveDate: "2027-01-01", legalBasis: "x 1/2027", oldCode: "93.01", newCode: "91.01", newName: null } }))).toMatchObject({
      messageKey: "REGION_CODE_USED",
    });
    expect(await failure(admin.hierarchy.restructure({ plan: { ...split, moves: [{ oldCode: "93.01", newCode: "97.01" }] } }))).toMatchObject({ messageKey: "RESTRUCTURE_INVALID" });
    expect(await failure(admin.hierarchy.restructure({ plan: { kind: "rename", effectiveDate: "2022-01-01", legalBasis: "x 1/2022", code: "93.01", newName: "Merauke" } }))).toMatchObject({
      messageKey: "REGION_NOT_AT_DATE",
    });
    expect(rows("successions")).toBe(before);
  });

  it("is for central admins only", async () => {
    fresh();
    expect(await failure(fx.callerAs("provinceAdmin").hierarchy.restructure({ plan: split }))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("leaves an account of a task force merged away with nothing in scope, not the whole country", async () => {
    fresh();
    const merge = { kind: "merge" as const, effectiveDate: "2027-01-01", legalBasis: "UU 1/2027", sourceCodes: ["32.16", "32.75"], newCode: "32.80", newName: "Kota Bekasi Raya" };
    await fx.callerAs("centralAdmin").hierarchy.restructure({ plan: merge });
    const member = callerSignedInAt(fx.handle, fx.userIds.regencyMember, new Date("2027-01-05T03:00:00Z"));
    expect((await member.auth.me()).taskForce).toMatchObject({ regionCode: null });
    expect(await member.hierarchy.tree({})).toEqual([]);
    expect(await member.hierarchy.search({ query: "Bekasi" })).toEqual([]);
    expect(await failure(member.profile.get({ taskForceId: tf("33.74") }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(member.hierarchy.byRegion({ code: "33.74" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("importing formation data", () => {
  const csv = (text: string) => ({ fileName: "gt-2018.csv", contentBase64: Buffer.from(text).toString("base64") });

  it("reads CSV with Indonesian headers (comma or semicolon) and XLSX with date cells", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const a = await admin.formationImport.parse(csv("Kode Wilayah;Jenis;Nomor;Tanggal\n32.73;Perwali;5/2017;2017-02-01\n"));
    expect(a.rows).toEqual([{ row: 2, regionCode: "32.73", type: "Perwali", number: "5/2017", issuedOn: "2017-02-01", issuer: null }]);
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("GT");
    sheet.addRow(["region_code", "type", "number", "date", "issuer"]);
    sheet.addRow(["11", "pergub", "40/2015", new Date(Date.UTC(2015, 5, 1)), "Gubernur Aceh"]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer()).toString("base64");
    const b = await admin.formationImport.parse({ fileName: "gt.xlsx", contentBase64: xlsx });
    expect(b.rows).toEqual([{ row: 2, regionCode: "11", type: "pergub", number: "40/2015", issuedOn: "2015-06-01", issuer: "Gubernur Aceh" }]);
  });

  it("refuses a file without the needed columns, or of another type, clearly", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    expect(await failure(admin.formationImport.parse(csv("kode,nomor\n32.73,5/2017\n")))).toMatchObject({ messageKey: "IMPORT_FILE_INVALID", details: { reason: "missing_columns", columns: "jenis, tanggal" } });
    expect(await failure(admin.formationImport.parse({ fileName: "gt.pdf", contentBase64: "JVBERi0=" }))).toMatchObject({ details: { reason: "file_type" } });
  });

  const row = (n: number, regionCode: string, type: string, number: string, issuedOn: string) => ({ row: n, regionCode, type, number, issuedOn });

  it("reports each bad row by field, and writes nothing when any row is bad", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const rowsIn = [
      row(2, "32.73", "perwali", "5/2017", "2017-02-01"),
      row(3, "32.7", "perwali", "6/2017", "2017-02-01"),
      row(4, "93.01", "perbup", "1/2018", "2018-01-01"),
      row(5, "32.73", "perbup", "7/2017", "2017-02-01"),
      row(6, "32.71", "perwali", "8/2017", "2017-02-30"),
      row(7, "32.73", "perwali", "5/2017", "2017-03-01"),
      row(8, "32.71", "perwali", "9/2026", "2027-01-01"),
    ];
    const results = await admin.formationImport.check({ rows: rowsIn });
    expect(results.map((r) => [r.row, r.issues.map((i) => `${i.field}:${i.messageKey}`).join(",")])).toEqual([
      [2, ""],
      [3, "regionCode:REGION_CODE_MALFORMED"],
      [4, "regionCode:REGION_NOT_AT_DATE"],
      [5, "type:INSTRUMENT_TYPE_MISMATCH"],
      [6, "issuedOn:DATE_INVALID"],
      [7, "number:IMPORT_ROW_REPEATED"], // row 2 again, within the same file
      [8, "issuedOn:DATE_IN_FUTURE"],
    ]);
    const before = rows("instruments");
    expect(await failure(admin.formationImport.commit({ fileName: "gt.csv", rows: rowsIn }))).toMatchObject({ messageKey: "IMPORT_HAS_ERRORS", details: { rows: 6, first: 3 } });
    expect(rows("instruments")).toBe(before);
  });

  it("takes a former code on its date (91.01 in 2018 is Merauke's task force), and a second import of the same file adds nothing", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const file = [row(2, "91.01", "perbup", "3/2018", "2018-02-01"), row(3, "32.73", "perwali", "5/2017", "2017-02-01")];
    expect(await admin.formationImport.commit({ fileName: "gt.csv", rows: file })).toEqual({ inserted: 2, alreadyPresent: 0 });
    expect(await admin.formationImport.commit({ fileName: "gt.csv", rows: file })).toEqual({ inserted: 0, alreadyPresent: 2 });
    const merauke = await admin.hierarchy.byRegion({ code: "93.01" });
    expect(merauke.status).toBe("formed");
  });
});
