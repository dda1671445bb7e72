import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { RAW_COUNTS, nationalFixture, provinceFixture } from "./evaluation-file.fixture.ts";
import { evaluationFileName, missingLabel, rankLabel } from "./evaluation-labels.ts";
import { writeEvaluationWorkbook } from "./evaluation-workbook.ts";
import { unquotedFormulaTexts } from "./xlsx-quoted.fixture.ts";

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Every row of a sheet as its cells' values (index 0 is column A). */
function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
}

/** The row whose first cell is `label`. */
const rowNamed = (sheet: ExcelJS.Worksheet, label: string) => rowsOf(sheet).find((r) => r[0] === label);

function allCells(workbook: ExcelJS.Workbook): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
  return cells;
}

/** The numeric cells of a sheet. */
function numbersOf(sheet: ExcelJS.Worksheet): number[] {
  const out: number[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === "number") out.push(cell.value);
  }));
  return out;
}

describe("writeEvaluationWorkbook (national)", () => {
  it("writes four sheets, each opening with a title row: year, place, coverage, as of, publication", async () => {
    for (const [language, names, words] of [
      ["en", ["Scores", "Counts", "Provinces", "Method"], ["Task force performance evaluation 2025", "National", "Covering: 7 task forces", "As of 2026-02-01 10:00 WIB", "Not yet published"]],
      ["id", ["Nilai", "Angka", "Provinsi", "Metode"], ["Evaluasi kinerja gugus tugas 2025", "Nasional", "Cakupan: 7 gugus tugas", "Keadaan per 2026-02-01 10:00 WIB", "Belum diterbitkan"]],
    ] as const) {
      const workbook = await readBack(await writeEvaluationWorkbook(nationalFixture(), language));
      expect(workbook.worksheets.map((s) => s.name)).toEqual(names);
      for (const sheet of workbook.worksheets) {
        const title = sheet.getCell("A1").value;
        expect(typeof title).toBe("string");
        for (const word of words) expect(title).toContain(word);
      }
    }
  });

  it("hides every count from 1 to 4 in the counts sheet: no numeric cell is 1..4, hidden cells read <5, zeros and blanks stay what they are", async () => {
    expect(RAW_COUNTS.flatMap((r) => r.cells).some((v) => v !== null && v >= 1 && v <= 4)).toBe(true);
    for (const language of ["en", "id"] as const) {
      const workbook = await readBack(await writeEvaluationWorkbook(nationalFixture(), language));
      const counts = workbook.worksheets[1]!;
      const numbers = numbersOf(counts);
      expect(numbers.length).toBeGreaterThan(20);
      expect(numbers.filter((n) => n >= 1 && n <= 4)).toEqual([]);
      const jateng = rowNamed(counts, "Jawa Tengah")!;
      expect(jateng).toHaveLength(15);
      expect(jateng).toContain("<5");
      expect(jateng[8]).toBe(language === "en" ? "not reported" : "tidak dilaporkan");
      const jakarta = rowNamed(counts, "DKI Jakarta")!;
      expect(jakarta[1]).toBe(40);
      expect(rowNamed(counts, "Papua")![1]).toBe(0);
      expect(rowNamed(counts, language === "en" ? "Total" : "Jumlah")).toBeDefined();
    }
  });

  it("labels the count columns in both languages, never by their keys", async () => {
    const header = async (language: "en" | "id") => {
      const sheet = (await readBack(await writeEvaluationWorkbook(nationalFixture(), language))).worksheets[1]!;
      return rowsOf(sheet).find((r) => r[0] === (language === "en" ? "Region" : "Wilayah"))!;
    };
    const en = await header("en");
    const id = await header("id");
    expect(en).toHaveLength(15);
    expect(en).toEqual(expect.arrayContaining(["Number of victims", "Victims: girls", "Suspects", "Convictions", "Health rehabilitation", "Reintegration", "Total"]));
    expect(id).toEqual(expect.arrayContaining(["Jumlah korban", "Korban: anak perempuan", "Tersangka", "Putusan bersalah", "Rehabilitasi kesehatan", "Reintegrasi sosial", "Jumlah"]));
    for (const label of [...en, ...id]) expect(typeof label === "string" ? label : "").not.toMatch(/^[a-zA-Z]+\.[a-zA-Z]+$/);
  });

  it("lists every task force with its total, parts, rank and band, 'not rated' with what is missing, and provisional scores marked", async () => {
    const scores = (await readBack(await writeEvaluationWorkbook(nationalFixture(), "en"))).worksheets[0]!;
    const header = rowsOf(scores)[1]!;
    expect(header).toEqual(["Rank", "Task force", "Level", "Region code", "Total score", "Readiness", "Commitment", "Delivery", "Discipline", "Report status", "Provisional", "What is missing"]);
    const bekasi = rowNamed(scores, "12th (9th–15th) of 30")!;
    expect(bekasi.slice(1, 9)).toEqual(["Kota Bekasi", "Regency/City", "32.75", 55.5, 50, 55, 60, 55]);
    const jakarta = rowsOf(scores).find((r) => r[1] === "DKI Jakarta")!;
    expect(jakarta[0]).toBe("2nd (1st–3rd) of 3");
    expect(jakarta[4]).toBe(64.1);
    expect(jakarta[10]).toBe("Provisional");
    expect(jakarta[11]).toBe("Readiness: Regional action plan");
    const papua = rowsOf(scores).find((r) => r[1] === "Papua")!;
    expect(papua[0]).toBe("not rated");
    expect(papua[4]).toBe("not rated");
    expect(papua[6]).toBe("not reported");
    expect(papua[9]).toBe("No report");
    expect(papua[11]).toBe("Readiness: Regional action plan; Commitment: Budget allocated; Delivery: Result of action item 1.2.3; Commitment: no input");
    expect(rowsOf(scores).find((r) => r[1] === "Nasional")![0]).toBe("not ranked");
    const order = rowsOf(scores).slice(2).map((r) => r[1]);
    expect(order).toEqual(["Nasional", "Jawa Barat", "DKI Jakarta", "Papua", "Kabupaten Bogor", "Kota Bekasi", "=Kabupaten Uji"]);
  });

  it("writes the provinces' spread, rate and budget, and the method's weights and settings", async () => {
    const workbook = await readBack(await writeEvaluationWorkbook(nationalFixture(), "id"));
    const jabar = rowNamed(workbook.getWorksheet("Provinsi")!, "Jawa Barat")!;
    expect(jabar).toEqual(["Jawa Barat", "32", 82.4, 58.3, 55.5, 61, 55.5, 61, 2, 1, 75, 1_750_000_000, 1_350_000_000]);
    expect(rowNamed(workbook.getWorksheet("Provinsi")!, "Papua")!.slice(2, 4)).toEqual(["tidak dinilai", "Belum ada data."]);
    expect(rowNamed(workbook.getWorksheet("Provinsi")!, "Papua")![10]).toBe("tidak dilaporkan");
    const method = workbook.getWorksheet("Metode")!;
    expect(rowNamed(method, "Bobot pelaksanaan")![1]).toBe(0.4);
    expect(rowNamed(method, "Jumlah undian")![1]).toBe(1000);
    expect(rowNamed(method, "RAN periode 3")).toBeDefined();
    expect(rowsOf(method).some((r) => typeof r[0] === "string" && r[0].includes("tidak dinilai dan tidak diperingkat"))).toBe(true);
  });

  it("writes no formula, and quotes text a spreadsheet would run", async () => {
    const bytes = await writeEvaluationWorkbook(nationalFixture(), "en");
    const workbook = await readBack(bytes);
    const cells = allCells(workbook);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula !== undefined)).toEqual([]);
    expect(cells.some((c) => c.value === "=Kabupaten Uji")).toBe(true);
    expect(unquotedFormulaTexts(bytes, workbook)).toEqual([]);
  });
});

describe("writeEvaluationWorkbook (a province)", () => {
  it("covers the province's regencies/cities, its spread and who has not reported, with counts suppressed", async () => {
    const workbook = await readBack(await writeEvaluationWorkbook(provinceFixture(), "en"));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Scores", "Counts", "Spread", "Method"]);
    const title = workbook.worksheets[0]!.getCell("A1").value as string;
    expect(title).toContain("Province of Jawa Barat");
    expect(title).toContain("Covering: 4 task forces");
    expect(title).toContain("Published 2026-03-01");
    const names = rowsOf(workbook.worksheets[0]!).slice(2).map((r) => r[1]);
    expect(names).toEqual(["Kabupaten Bogor", "Kota Bekasi", "=Kabupaten Uji"]);
    expect(numbersOf(workbook.worksheets[1]!).filter((n) => n >= 1 && n <= 4)).toEqual([]);
    expect(rowNamed(workbook.worksheets[1]!, "Kabupaten Bogor")!).toContain(30);
    const spread = rowsOf(workbook.getWorksheet("Spread")!);
    expect(spread.some((r) => r[0] === "Kabupaten Garut")).toBe(true);
    expect(spread.some((r) => r[0] === "1st (1st–2nd) of 3" && r[1] === "Jawa Barat")).toBe(true);
  });
});

describe("the evaluation files' words", () => {
  it("names the file by place and year in the reader's language", () => {
    expect(evaluationFileName(nationalFixture(), "xlsx", "id")).toBe("evaluasi-nasional-2025.xlsx");
    expect(evaluationFileName(provinceFixture(), "xlsx", "en")).toBe("evaluation-32-2025.xlsx");
    expect(evaluationFileName(nationalFixture(), "pdf", "en")).toBe("evaluation-national-2025.pdf");
    expect(evaluationFileName({ ...nationalFixture(), subtree: { name: "Jawa Barat", regionCode: "32" } }, "pdf", "id")).toBe("evaluasi-32-2025.pdf");
  });

  it("writes ranks with their bands and what is missing in both languages", () => {
    expect(rankLabel({ rated: true, rank: { rank: 12, best: 9, worst: 15, of: 30 } }, "id")).toBe("ke-12 (ke-9–ke-15) dari 30");
    expect(rankLabel({ rated: false, rank: null }, "id")).toBe("tidak dinilai");
    expect(missingLabel("commitment.meetings", "id")).toBe("Komitmen: Rapat koordinasi");
    expect(missingLabel("delivery", "en")).toBe("Delivery: no action item to measure");
    expect(missingLabel("delivery.2.1", "id")).toBe("Pelaksanaan: Capaian rencana aksi 2.1");
  });
});
