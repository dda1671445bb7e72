import { findTaskForceByRegion, insertUser } from "@gugus/db";
import type { DatabaseHandle } from "@gugus/db";
import { createTestDatabase } from "@gugus/db/testing";
import type { Role } from "@gugus/domain";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoData } from "../../demo/index.ts";
import { callerSignedInAt, failureOf } from "../../test-helpers.ts";

/** Demonstration reports for 2016–2018 (ended) and 2019 (drafts); the clock in October 2019. */
const NOW = new Date("2019-10-01T03:00:00Z");

let handle: DatabaseHandle;
let seq = 0;
function callerAt(region: string | null, role: Role) {
  const tf = findTaskForceByRegion(handle.db, region, "2019-01-01")!;
  const userId = insertUser(handle.db, { email: `files-${++seq}@gugus.test`, name: `Pengguna ${seq}`, position: "Staf", taskForceId: tf.id, role, passwordHash: "unused", mustChangePassword: false, passwordExpiresAt: null, now: NOW.getTime() })!;
  return callerSignedInAt(handle, userId, NOW);
}

beforeAll(() => {
  handle = createTestDatabase();
  loadDemoData(handle, { firstYear: 2016, lastYear: 2019, now: NOW });
}, 120_000);
afterAll(() => handle.close());

async function workbookOf(contentBase64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(contentBase64, "base64") as unknown as ArrayBuffer);
  return workbook;
}

/** The title row's text (the first cell of the sheet). */
function titleOf(sheet: ExcelJS.Worksheet): string {
  const value = sheet.getCell("A1").value;
  if (typeof value !== "string") throw new Error("the title is not text");
  return value;
}

function numbersOf(sheet: ExcelJS.Worksheet): number[] {
  const out: number[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === "number") out.push(cell.value);
    }),
  );
  return out;
}

describe("evaluation.exportXlsx", () => {
  it("gives the centre the national workbook of a year, with no count from 1 to 4 and the same hidden cells as the overview", async () => {
    const caller = callerAt(null, "central_viewer");
    const file = await caller.evaluation.exportXlsx({ year: 2018, language: "en" });
    expect(file.fileName).toBe("evaluation-national-2018.xlsx");
    const workbook = await workbookOf(file.contentBase64);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Scores", "Counts", "Provinces", "Method"]);
    const counts = workbook.getWorksheet("Counts")!;
    const numbers = numbersOf(counts);
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.filter((n) => n >= 1 && n <= 4)).toEqual([]);
    const overview = await caller.evaluation.overview({ year: 2018 });
    let hidden = 0;
    counts.eachRow((row) => row.eachCell((cell) => void (cell.value === "<5" && hidden++)));
    const hiddenInOverview = [...overview.counts.rows.flatMap((r) => [...r.cells, r.total]), ...overview.counts.columnTotals, overview.counts.grandTotal].filter((c) => typeof c === "object" && c !== null).length;
    expect(hidden).toBe(hiddenInOverview);
    const scores = workbook.getWorksheet("Scores")!;
    expect(scores.rowCount).toBeGreaterThan(overview.taskForces.length);
    expect(titleOf(scores)).toContain("Task force performance evaluation 2018");
  }, 60_000);

  it("writes a province's workbook of its regencies/cities in Indonesian, and refuses a province outside the caller's subtree", async () => {
    const jabar = findTaskForceByRegion(handle.db, "32", "2019-01-01")!;
    const jateng = findTaskForceByRegion(handle.db, "33", "2019-01-01")!;
    const caller = callerAt("32", "regional_member");
    const file = await caller.evaluation.exportXlsx({ year: 2018, taskForceId: jabar.id, language: "id" });
    expect(file.fileName).toBe("evaluasi-32-2018.xlsx");
    const workbook = await workbookOf(file.contentBase64);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Nilai", "Angka", "Sebaran", "Metode"]);
    expect(numbersOf(workbook.getWorksheet("Angka")!).filter((n) => n >= 1 && n <= 4)).toEqual([]);
    expect(titleOf(workbook.getWorksheet("Nilai")!)).toContain("Provinsi Jawa Barat");
    expect(await failureOf(caller.evaluation.exportXlsx({ year: 2018, taskForceId: jateng.id, language: "id" }))).toMatchObject({ code: "NOT_FOUND" });
  }, 60_000);
});

describe("evaluation.exportPdf", () => {
  it("writes the national summary as a PDF", async () => {
    const file = await callerAt(null, "central_admin").evaluation.exportPdf({ year: 2018, language: "id" });
    expect(file.fileName).toBe("evaluasi-nasional-2018.pdf");
    const pdf = Buffer.from(file.contentBase64, "base64");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5000);
  }, 60_000);

  it("names a province's summary of its own subtree after it", async () => {
    const file = await callerAt("32", "regional_admin").evaluation.exportPdf({ year: 2018, language: "en" });
    expect(file.fileName).toBe("evaluation-32-2018.pdf");
  }, 60_000);
});
