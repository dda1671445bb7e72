import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { reportFileFixture } from "./report-file.fixture.ts";
import { reportFileName } from "./report-labels.ts";
import { writeReportWorkbook } from "./report-workbook.ts";
import { quotedCellsOf, unquotedFormulaTexts } from "./xlsx-quoted.fixture.ts";

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** Every cell of a sheet as [label in column A, value in column B] for the rows that have both. */
function pairs(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.CellValue> {
  const out = new Map<string, ExcelJS.CellValue>();
  sheet.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === "string") out.set(label, row.getCell(2).value);
  });
  return out;
}

/** The title row's text (the first cell of the sheet). */
function titleOf(sheet: ExcelJS.Worksheet): string {
  const value = sheet.getCell("A1").value;
  if (typeof value !== "string") throw new Error(`the title is not text: ${JSON.stringify(value)}`);
  return value;
}

function allCells(workbook: ExcelJS.Workbook): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
  return cells;
}

describe("writeReportWorkbook", () => {
  it("opens every sheet with a title row naming the task force, the period, the status and when the file was made", async () => {
    const workbook = await readBack(await writeReportWorkbook(reportFileFixture(), "en"));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Summary", "Activities", "Results", "Figures", "Budget", "Narrative"]);
    for (const sheet of workbook.worksheets) {
      const title = titleOf(sheet);
      expect(title).toContain("Gugus Tugas PP-TPPO Kota Bekasi");
      expect(title).toContain("Annual Report 2025");
      expect(title).toContain("Status: Approved");
      expect(title).toContain("As of 2026-02-01 10:00 WIB");
    }
    const summary = pairs(workbook.getWorksheet("Summary")!);
    expect(summary.get("Level")).toBe("Regency/City");
    expect(summary.get("Region code")).toBe("32.75");
    expect(summary.get("Due date")).toBe("2026-01-31, 24:00 WIB");
    expect(summary.get("Period")).toBe("Year 2025");
  });

  it("writes a blank count as the words 'not reported' (or 'tidak dilaporkan'), never 0, and a zero as 0", async () => {
    const en = pairs((await readBack(await writeReportWorkbook(reportFileFixture(), "en"))).getWorksheet("Figures")!);
    expect(en.get("Girls")).toBe("not reported");
    expect(en.get("Convictions")).toBe("not reported");
    expect(en.get("Boys")).toBe(0);
    expect(en.get("Coordination meetings")).toBe(0);
    expect(en.get("Number of victims")).toBe(12);
    expect(en.get("Forced labour")).toBe(7);
    expect(en.get("Organ removal")).toBe("not reported");
    expect(en.get("Abroad: Malaysia (MY)")).toBe(9);
    const id = pairs((await readBack(await writeReportWorkbook(reportFileFixture(), "id"))).getWorksheet("Angka")!);
    expect(id.get("Anak perempuan")).toBe("tidak dilaporkan");
    expect(id.get("Anak laki-laki")).toBe(0);
    expect(id.get("Luar negeri: Malaysia (MY)")).toBe(9);
  });

  it("writes text that looks like a formula exactly, its cell quoted so that a spreadsheet does not run it, and writes no formula at all", async () => {
    const bytes = await writeReportWorkbook(reportFileFixture(), "en");
    const workbook = await readBack(bytes);
    const cells = allCells(workbook);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula !== undefined)).toEqual([]);
    const hyperlink = cells.find((c) => typeof c.value === "string" && c.value.includes("HYPERLINK"))!;
    expect(hyperlink.type).toBe(ExcelJS.ValueType.String);
    expect(hyperlink.value).toBe(`=HYPERLINK("http://example.test","klik")`);
    const texts = cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
    expect(unquotedFormulaTexts(bytes, workbook)).toEqual([]);
    expect(texts).toContain("@catatan");
    expect(texts).toContain("+ dana hibah");
    expect(texts).toContain("-Keterbatasan anggaran dan rumah aman.");
    expect(texts).toContain("=Lengkapi data korban");
    expect(quotedCellsOf(bytes).size).toBeGreaterThanOrEqual(4);
    expect(texts.filter((t) => t.startsWith("'"))).toEqual([]);
  });

  it("writes labels, not codes: sub-task-forces, units, sources, actions, statuses", async () => {
    const workbook = await readBack(await writeReportWorkbook(reportFileFixture(), "id"));
    const texts = new Set(allCells(workbook).map((c) => c.value).filter((v): v is string => typeof v === "string"));
    for (const label of ["I. Pencegahan dan Partisipasi Anak", "V. Penegakan Hukum", "Wilayah", "Orang", "APBD", "Dikembalikan", "Disetujui", "Kabupaten/Kota"]) expect(texts).toContain(label);
    for (const code of ["prevention", "law_enforcement", "regions", "people", "approve", "return", "regency"]) expect(texts).not.toContain(code);
  });

  it("gives each action item its target, realised value and achievement; a blank realisation stays 'not reported'", async () => {
    const sheet = (await readBack(await writeReportWorkbook(reportFileFixture(), "en"))).getWorksheet("Results")!;
    const rows = new Map<string, ExcelJS.Row>();
    sheet.eachRow((row) => {
      const code = row.getCell(2).value;
      if (typeof code === "string") rows.set(code, row);
    });
    const first = rows.get("I.1.1")!;
    expect([first.getCell(5).value, first.getCell(6).value, first.getCell(7).value, first.getCell(8).value]).toEqual(["Regions", 10, 5, 0.5]);
    expect(first.getCell(8).numFmt).toBe("0.0%");
    const second = rows.get("V.2.1")!;
    expect([second.getCell(6).value, second.getCell(7).value, second.getCell(8).value]).toEqual(["no target", "not reported", null]);
  });

  it("adds the budget lines up to totals, a total of blanks being 'not reported'", async () => {
    const sheet = (await readBack(await writeReportWorkbook(reportFileFixture(), "en"))).getWorksheet("Budget")!;
    let total: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === "Total") total = row;
    });
    expect([total!.getCell(2).value, total!.getCell(3).value]).toEqual([150_000_000, "not reported"]);
    const budget = pairs(sheet);
    expect(budget.get("Dedicated anti-trafficking budget line")).toBe("Yes");
    expect(budget.get("Region's total budget (Rp)")).toBe("not reported");
    expect(budget.get("State budget (APBN)")).toBe(50_000_000);
  });

  it("titles a half-year report as one", async () => {
    const data = reportFileFixture({ period: { periodKey: "2025-S1", year: 2025, dueDate: "2025-07-31" } });
    const workbook = await readBack(await writeReportWorkbook(data, "id"));
    expect(titleOf(workbook.getWorksheet("Ringkasan")!)).toContain("Laporan Semester 2025-S1");
    expect(pairs(workbook.getWorksheet("Ringkasan")!).get("Periode")).toBe("Semester 1 tahun 2025");
    expect(pairs(workbook.getWorksheet("Ringkasan")!).get("Batas waktu")).toBe("2025-07-31, pukul 24.00 WIB");
  });

  it("writes the empty report of a period without a report", async () => {
    const empty = reportFileFixture({ status: null, events: [], content: (await import("@gugus/domain")).emptyReportContent() });
    const workbook = await readBack(await writeReportWorkbook(empty, "en"));
    expect(titleOf(workbook.getWorksheet("Summary")!)).toContain("Status: Not started");
    expect(pairs(workbook.getWorksheet("Figures")!).get("Number of victims")).toBe("not reported");
  });
});

describe("reportFileName", () => {
  it("names the file by language, region code without dots and period key", () => {
    const data = reportFileFixture();
    expect(reportFileName(data, "xlsx")).toBe("laporan-3275-2025.xlsx");
    expect(reportFileName(data, "pdf", "en")).toBe("report-3275-2025.pdf");
    expect(reportFileName({ ...data, period: { ...data.period, periodKey: "2025-S1" } }, "pdf", "id")).toBe("laporan-3275-2025-S1.pdf");
    expect(reportFileName({ ...data, taskForce: { ...data.taskForce, level: "national", regionCode: null } }, "xlsx", "en")).toBe("report-national-2025.xlsx");
  });
});
