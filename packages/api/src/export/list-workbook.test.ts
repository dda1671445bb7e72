import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildListWorkbook, markQuotedStyles } from "./list-workbook.ts";
import type { ListWorkbookInput } from "./list-workbook.ts";

type Row = { name: string; code: string; count: number | null; since: string | null };

const ROWS: Row[] = [
  { name: "Kota Bekasi", code: "32.75", count: 12, since: "2017-04-10" },
  { name: '=HYPERLINK("http://x")', code: "+1", count: 0, since: null },
  { name: "-1+2", code: "@SUM(A1)", count: null, since: "2020-01-01" },
  { name: "\t=1", code: "\r=2", count: 3, since: null },
];

const LABELS = {
  id: { title: "Hierarki gugus tugas", describes: "Keadaan per 1 Desember 2026", scope: "Seluruh Indonesia", generatedAt: "Dibuat 1 Desember 2026 14.05 WIB", name: "Nama", code: "Kode", count: "Jumlah", since: "Sejak", sheet: "Gugus tugas", second: "Impor" },
  en: { title: "Task force hierarchy", describes: "As of 1 December 2026", scope: "All of Indonesia", generatedAt: "Made 1 December 2026 14:05 WIB", name: "Name", code: "Code", count: "Count", since: "Since", sheet: "Task forces", second: "Import" },
} as const;

function input(language: "id" | "en"): ListWorkbookInput {
  const l = LABELS[language];
  return {
    title: l.title,
    describes: l.describes,
    scope: l.scope,
    generatedAt: l.generatedAt,
    language,
    sheets: [
      {
        name: l.sheet,
        columns: [
          { header: l.name, width: 40, value: (r: Row) => r.name },
          { header: l.code, value: (r: Row) => r.code },
          { header: l.count, kind: "number", value: (r: Row) => r.count },
          { header: l.since, kind: "date", value: (r: Row) => r.since },
        ],
        rows: ROWS,
      },
      { name: l.second, columns: [{ header: "kode", value: (r: Row) => r.code }], rows: ROWS },
    ],
  };
}

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** Each cell's style index (`s`) by address, read from a sheet's XML. */
function styleIndexes(sheetXml: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of sheetXml.matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g)) out.set(m[1]!, Number(m[2] ?? 0));
  return out;
}

/** The cell formats of styles.xml, in order, as their opening tags. */
function cellFormats(stylesXml: string): string[] {
  const cellXfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(stylesXml)![0];
  return [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => m[0]);
}

describe("buildListWorkbook", () => {
  for (const language of ["id", "en"] as const) {
    it(`opens the first sheet with the title, what it describes, its scope and when it was made, then the labelled header (${language})`, async () => {
      const l = LABELS[language];
      const workbook = await readBack(await buildListWorkbook(input(language)));
      expect(workbook.worksheets.map((s) => s.name)).toEqual([l.sheet, l.second]);
      const sheet = workbook.worksheets[0]!;
      expect([1, 2, 3, 4, 5].map((r) => sheet.getCell(r, 1).value)).toEqual([l.title, l.describes, l.scope, l.generatedAt, null]);
      expect(sheet.getCell("A1").font?.bold).toBe(true);
      expect(sheet.getCell("A1").font?.size).toBeGreaterThan(11);
      expect([1, 2, 3, 4].map((c) => sheet.getCell(6, c).value)).toEqual([l.name, l.code, l.count, l.since]);
      expect(sheet.getCell(6, 1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 6 });
      expect(sheet.autoFilter).toBe("A6:D10");
      expect(sheet.getColumn(1).width).toBe(40);
      expect(workbook.title).toBe(l.title);
      expect(workbook.creator).toBe("Gugus");
    });
  }

  it("writes numbers as numbers, a missing value as an empty cell and a date as YYYY-MM-DD text", async () => {
    const sheet = (await readBack(await buildListWorkbook(input("id")))).worksheets[0]!;
    expect([7, 8, 9, 10].map((r) => sheet.getCell(r, 3).value)).toEqual([12, 0, null, 3]);
    expect([7, 8, 9, 10].map((r) => sheet.getCell(r, 4).value)).toEqual(["2017-04-10", null, "2020-01-01", null]);
  });

  it("writes text that begins a formula as that very text, marked quotePrefix, and no cell holds a formula", async () => {
    const bytes = await buildListWorkbook(input("en"));
    const workbook = await readBack(bytes);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell("A8").value).toBe('=HYPERLINK("http://x")');
    expect(sheet.getCell("B8").value).toBe("+1");
    expect(sheet.getCell("A9").value).toBe("-1+2");
    expect(sheet.getCell("B9").value).toBe("@SUM(A1)");
    expect(sheet.getCell("A10").value).toBe("\t=1");
    workbook.eachSheet((s) =>
      s.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, cell.address).not.toBe(ExcelJS.ValueType.Formula);
          expect(typeof cell.value === "string" || typeof cell.value === "number", cell.address).toBe(true);
        }),
      ),
    );

    const files = unzipSync(bytes);
    const formats = cellFormats(strFromU8(files["xl/styles.xml"]!));
    expect(strFromU8(files["xl/styles.xml"]!)).not.toContain("<protection");
    // The carriage return reads back as a line break (XML reads line ends so), so the expected cells are named.
    const expected = { 1: ["A8", "B8", "A9", "B9", "A10", "B10"], 2: ["A3", "A4", "A5"] } as const;
    for (const n of [1, 2] as const) {
      const sheetXml = strFromU8(files[`xl/worksheets/sheet${n}.xml`]!);
      expect(sheetXml).not.toContain("<f>");
      const styles = styleIndexes(sheetXml);
      const quoted: string[] = [];
      workbook.worksheets[n - 1]!.eachRow((row) =>
        row.eachCell((cell) => {
          if (formats[styles.get(cell.address)!]!.includes('quotePrefix="1"')) quoted.push(cell.address);
        }),
      );
      expect(quoted).toEqual(expected[n]);
    }
  });

  it("turns only the quote mark into quotePrefix, keeping a format's alignment", () => {
    const styles =
      '<styleSheet><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyProtection="1"><protection hidden="1"/></xf>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyAlignment="1" applyProtection="1"><alignment vertical="top"/><protection hidden="1"/></xf></cellXfs></styleSheet>';
    expect(markQuotedStyles(styles)).toBe(
      '<styleSheet><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" quotePrefix="1"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyAlignment="1" quotePrefix="1"><alignment vertical="top"/></xf></cellXfs></styleSheet>',
    );
  });

  it("names a sheet as spreadsheets allow: no [ ] : * ? / \\ and at most 31 characters", async () => {
    const i = input("id");
    i.sheets[0].name = "Gugus/tugas [2026]: semua? ya* \\ dan seterusnya sampai panjang";
    const workbook = await readBack(await buildListWorkbook(i));
    expect(workbook.worksheets[0]!.name).toMatch(/^[^[\]:*?/\\]{1,31}$/);
  });
});
