import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_ITEM, fixtureFactory } from "../test-helpers.ts";
import type { Fixture } from "../test-helpers.ts";
import { quotedCellsOf, unquotedFormulaTexts } from "./xlsx-quoted.fixture.ts";

let factory: Awaited<ReturnType<typeof fixtureFactory>>;
beforeAll(async () => {
  factory = await fixtureFactory();
}, 120_000);

async function workbookOf(contentBase64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(contentBase64, "base64") as unknown as ArrayBuffer);
  return workbook;
}

/** Every row of a sheet from `from` on, as its cells' values. */
function rowsOf(sheet: ExcelJS.Worksheet, from = 1): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    if (n >= from) out.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value));
  });
  return out;
}

function texts(workbook: ExcelJS.Workbook): Set<string> {
  const out = new Set<string>();
  workbook.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => void (typeof c.value === "string" && out.add(c.value)))));
  return out;
}

function numbersOf(sheet: ExcelJS.Worksheet): number[] {
  const out: number[] = [];
  sheet.eachRow((r) => r.eachCell((c) => void (typeof c.value === "number" && out.push(c.value))));
  return out;
}

/** The title block of a list file's first sheet: title, describes, scope, made. */
const blockOf = (sheet: ExcelJS.Worksheet) => [1, 2, 3, 4].map((r) => sheet.getCell(r, 1).value);
const headerOf = (sheet: ExcelJS.Worksheet, row = 6) => rowsOf(sheet, row)[0]!.filter((v) => v !== null);

/** Codes a file must show as labels, never as such. */
const CODES = ["national", "province", "regency", "not_formed", "formed", "expired", "revoked", "perpres", "pergub", "perwali", "perbup", "sk_bupati", "prevention", "per_year", "count"];

const LANGUAGES = {
  id: {
    hierarchy: ["Daftar gugus tugas", "Keadaan per 1 Januari 2026", "Seluruh Indonesia"],
    hierarchyHeader: ["Provinsi", "Kabupaten/Kota", "Tingkat", "Kode wilayah", "Status pembentukan", "Jenis dasar hukum", "Nomor dasar hukum", "Tanggal penetapan"],
    made: /^Dibuat 28 November 2026 10\.00 WIB$/,
    labels: ["Kabupaten/Kota", "Provinsi", "Pusat", "Terbentuk", "Belum dibentuk", "Perwali"],
    province: "GT Provinsi Jawa Barat",
    coverage: ["Cakupan pembentukan gugus tugas", "Keadaan per 1 Januari 2026", "Seluruh Indonesia"],
    coverageHeader: ["Provinsi", "Kode", "GT provinsi terbentuk", "Kabupaten/kota terbentuk", "Jumlah kabupaten/kota", "Persentase terbentuk (%)"],
    sheets: ["Cakupan per provinsi", "Belum terbentuk"],
    items: "Rencana Aksi Nasional — RAN periode III (2020–2024)",
    itemLabels: ["I. Pencegahan dan Partisipasi Anak", "Jumlah", "Per tahun", "Kabupaten/Kota"],
    itemSheets: ["RAN III", "Impor"],
  },
  en: {
    hierarchy: ["Task force list", "As of 1 January 2026", "All of Indonesia"],
    hierarchyHeader: ["Province", "Regency/City", "Level", "Region code", "Formation status", "Instrument type", "Instrument number", "Date set"],
    made: /^Made 28 November 2026 10:00 WIB$/,
    labels: ["Regency/City", "Province", "National", "Formed", "Not formed", "Mayor Regulation (Perwali)"],
    province: "Jawa Barat Provincial Task Force",
    coverage: ["Task force formation coverage", "As of 1 January 2026", "All of Indonesia"],
    coverageHeader: ["Province", "Code", "Provincial task force formed", "Regencies/cities formed", "Regencies/cities", "Share formed (%)"],
    sheets: ["Coverage by province", "Not formed"],
    items: "National Action Plan — RAN period III (2020–2024)",
    itemLabels: ["I. Prevention and child participation", "Count", "Per year", "Regency/City"],
    itemSheets: ["RAN III", "Import"],
  },
} as const;

describe("hierarchy.exportXlsx", () => {
  for (const language of ["id", "en"] as const) {
    const l = LANGUAGES[language];
    it(`lists every task force the centre sees at a date, labelled, with the title block (${language})`, async () => {
      const fx: Fixture = factory.fresh();
      const file = await fx.callerAs("centralViewer").hierarchy.exportXlsx({ at: "2026-01-01", language });
      const workbook = await workbookOf(file.contentBase64);
      const sheet = workbook.worksheets[0]!;
      const block = blockOf(sheet);
      expect(block.slice(0, 3)).toEqual(l.hierarchy);
      expect(block[3]).toMatch(l.made);
      expect(headerOf(sheet)).toEqual(l.hierarchyHeader);
      const rows = rowsOf(sheet, 7);
      expect(rows).toHaveLength(553);
      const all = texts(workbook);
      for (const label of l.labels) expect(all).toContain(label);
      for (const code of CODES) expect(all).not.toContain(code);
      const bekasi = rows.find((r) => r[3] === "32.75")!;
      expect(bekasi.slice(0, 5)).toEqual(["Jawa Barat", "Kota Bekasi", l.labels[0], "32.75", l.labels[3]]);
      expect(bekasi[5]).toBe(l.labels[5]);
      expect(bekasi[7]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(numbersOf(sheet).filter((n) => n >= 1 && n <= 4)).toEqual([]);
      expect(unquotedFormulaTexts(Buffer.from(file.contentBase64, "base64"), workbook)).toEqual([]);
      fx.close();
    });
  }

  it("gives a province only its own subtree, named as its scope", async () => {
    const fx = factory.fresh();
    for (const language of ["id", "en"] as const) {
      const sheet = (await workbookOf((await fx.callerAs("provinceMember").hierarchy.exportXlsx({ at: "2026-01-01", language })).contentBase64)).worksheets[0]!;
      expect(blockOf(sheet)[2]).toBe(LANGUAGES[language].province);
      const codes = rowsOf(sheet, 7).map((r) => r[3]);
      expect(codes.length).toBe(28);
      expect(codes.every((c) => typeof c === "string" && c.startsWith("32"))).toBe(true);
    }
    fx.close();
  });

  it("keeps an instrument number that begins a formula as that text, quoted", async () => {
    const fx = factory.fresh();
    fx.handle.sqlite.exec(`UPDATE instruments SET number = '=HYPERLINK("http://x")' WHERE id = (SELECT MIN(id) FROM instruments)`);
    const file = await fx.callerAs("centralAdmin").hierarchy.exportXlsx({ at: "2026-01-01", language: "id" });
    const bytes = Buffer.from(file.contentBase64, "base64");
    const workbook = await workbookOf(file.contentBase64);
    expect(texts(workbook)).toContain('=HYPERLINK("http://x")');
    expect(quotedCellsOf(bytes).size).toBeGreaterThan(0);
    expect(unquotedFormulaTexts(bytes, workbook)).toEqual([]);
    fx.close();
  });

  it("refuses a language it does not write and a date that is not one, writing nothing", async () => {
    const fx = factory.fresh();
    await expect(fx.callerAs("centralViewer").hierarchy.exportXlsx({ at: "2026-02-30", language: "id" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(fx.callerAs("centralViewer").hierarchy.exportXlsx({ language: "fr" as "id" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    fx.close();
  });
});

describe("hierarchy.exportCoverage", () => {
  for (const language of ["id", "en"] as const) {
    const l = LANGUAGES[language];
    it(`writes the coverage per province, then the task forces not formed (${language})`, async () => {
      const fx = factory.fresh();
      const caller = fx.callerAs("centralViewer");
      const file = await caller.hierarchy.exportCoverage({ at: "2026-01-01", language });
      const coverage = await caller.hierarchy.coverage({ at: "2026-01-01" });
      const workbook = await workbookOf(file.contentBase64);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(l.sheets);
      const sheet = workbook.worksheets[0]!;
      expect(blockOf(sheet).slice(0, 3)).toEqual(l.coverage);
      expect(headerOf(sheet)).toEqual(l.coverageHeader);
      const rows = rowsOf(sheet, 7);
      expect(rows).toHaveLength(38);
      const jabar = rows.find((r) => r[1] === "32")!;
      const own = coverage.byProvince.find((p) => p.provinceCode === "32")!;
      expect(jabar.slice(0, 5)).toEqual(["Jawa Barat", "32", own.provinceFormed ? (language === "id" ? "Ya" : "Yes") : language === "id" ? "Belum" : "Not yet", own.regencies.formed, own.regencies.total]);
      expect(jabar[5]).toBe(Math.round((own.regencies.formed / own.regencies.total) * 1000) / 10);
      const unformed = rowsOf(workbook.worksheets[1]!, 2);
      expect(unformed).toHaveLength(coverage.unformed.length);
      expect(new Set(unformed.map((r) => r[1]))).not.toContain("regency");
      expect(texts(workbook)).not.toContain("not_formed");
      // Only the formed/total/share columns hold numbers: no report's count is in this file.
      const numericColumns = new Set<number>();
      sheet.eachRow((r, n) => r.eachCell((c, col) => void (n > 6 && typeof c.value === "number" && numericColumns.add(col))));
      expect([...numericColumns].sort()).toEqual([4, 5, 6]);
      expect(numbersOf(workbook.worksheets[1]!)).toEqual([]);
      fx.close();
    });
  }
});

describe("ran.exportItems", () => {
  for (const language of ["id", "en"] as const) {
    const l = LANGUAGES[language];
    it(`opens with the plan's title block and labels, and keeps the import's sheet (${language})`, async () => {
      const fx = factory.fresh();
      const file = await fx.callerAs("regencyMember").ran.exportItems({ number: 3, language });
      const workbook = await workbookOf(file.contentBase64);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(l.itemSheets);
      const sheet = workbook.worksheets[0]!;
      const block = blockOf(sheet);
      expect(block[0]).toBe(l.items);
      expect(block[1]).toContain(language === "id" ? "Keadaan per 28 November 2026" : "As of 28 November 2026");
      expect(block[2]).toBe(language === "id" ? "Seluruh Indonesia" : "All of Indonesia");
      const row = rowsOf(sheet, 7)[0]!;
      expect(row[0]).toBe(FIXTURE_ITEM.code);
      for (const label of l.itemLabels) expect(row).toContain(label);
      expect(row).toContain(10);
      const imported = rowsOf(workbook.worksheets[1]!);
      expect(imported[0]!.slice(0, 3)).toEqual(["kode", "sub_gugus_tugas", "program"]);
      expect(imported[1]!.slice(0, 2)).toEqual([FIXTURE_ITEM.code, "prevention"]);
      fx.close();
    });
  }

  it("round-trips: the exported file's import sheet checks clean and imports every item unchanged, formula-like text included", async () => {
    const fx = factory.fresh();
    const admin = fx.callerAs("centralAdmin");
    await admin.ran.createItem({ number: 3, item: { ...FIXTURE_ITEM, code: "III.1.2", activity: "=HYPERLINK(\"http://x\") sosialisasi", leadAgency: "+Dinas Sosial", relatedAgencies: ["-DP3A", "@Kemenag"] } });
    const strip = <T extends { id: number; periodId: number; version: number; updatedAt: number; followsItemId: number | null; code: string }>(items: T[]) =>
      items.map(({ id: _i, periodId: _p, version: _v, updatedAt: _u, followsItemId, ...rest }) => ({ ...rest, follows: followsItemId !== null }));
    const before = strip((await admin.ran.period({ number: 3 })).items);
    for (const language of ["id", "en"] as const) {
      const file = await admin.ran.exportItems({ number: 3, language });
      const bytes = Buffer.from(file.contentBase64, "base64");
      const workbook = await workbookOf(file.contentBase64);
      expect(unquotedFormulaTexts(bytes, workbook)).toEqual([]);
      expect(texts(workbook)).toContain("=HYPERLINK(\"http://x\") sosialisasi");
      fx.handle.sqlite.exec("DELETE FROM action_item_targets; DELETE FROM action_items");
      const check = await admin.ran.checkItemsFile({ number: 3, fileName: file.fileName, contentBase64: file.contentBase64 });
      expect(check.columns).toEqual([]);
      expect(check.rows.map((r) => [r.code, r.ok, r.problems.length])).toEqual(before.map((i): [string, boolean, number] => [i.code, true, 0]));
      await admin.ran.importItems({ number: 3, fileName: file.fileName, contentBase64: file.contentBase64 });
      expect(strip((await admin.ran.period({ number: 3 })).items)).toEqual(before);
    }
    fx.close();
  });
});
