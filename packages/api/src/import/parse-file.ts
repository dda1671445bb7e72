/**
 * Reading a spreadsheet (CSV or XLSX) into rows of strings, safely (size caps, no zip bombs); dates
 * typed as dates in Excel come out as YYYY-MM-DD. What the headers mean is the domain's
 * (`readFormationTable`, `readActionItemTable`).
 */
import { DomainError, IMPORT_MAX_ROWS, readFormationTable } from "@gugus/domain";
import type { ImportRow } from "@gugus/domain";
import ExcelJS from "exceljs";
import { Unzip, UnzipInflate } from "fflate";
import Papa from "papaparse";

/** An XLSX file may unpack to this much at most: a spreadsheet of 2,000 rows is far smaller. */
export const XLSX_MAX_UNPACKED_BYTES = 20 * 1024 * 1024;
/** A cell longer than this is cut (no field takes more than 500 characters, so it stays invalid). */
const MAX_CELL_LENGTH = 1000;

/**
 * Refuses an XLSX (a zip) that would unpack past {@link XLSX_MAX_UNPACKED_BYTES}, by unpacking it
 * once and counting, before the spreadsheet reader holds it all in memory. The sizes the zip declares
 * are not trusted; the input goes in small slices so no single step can unpack much more than the cap.
 */
function assertUnpackedSizeWithin(content: Uint8Array, maxBytes: number): void {
  let total = 0;
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      // fflate hands an error thrown here back to this callback: keep ours.
      if (error) throw error instanceof DomainError ? error : new DomainError("IMPORT_FILE_INVALID", { reason: "unreadable" });
      total += chunk.length;
      if (total > maxBytes) throw new DomainError("IMPORT_FILE_INVALID", { reason: "too_large" });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const SLICE = 8 * 1024;
  try {
    for (let at = 0; at < content.length; at += SLICE) unzip.push(content.subarray(at, at + SLICE), at + SLICE >= content.length);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError("IMPORT_FILE_INVALID", { reason: "unreadable" });
  }
}

const cut = (cell: string) => (cell.length > MAX_CELL_LENGTH ? cell.slice(0, MAX_CELL_LENGTH) : cell);

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join("");
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    return "";
  }
  return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

/** Parses a CSV (comma or semicolon) or XLSX file of formation data. Throws IMPORT_FILE_INVALID with the reason. */
export async function parseFormationFile(fileName: string, content: Buffer): Promise<ImportRow[]> {
  return readFormationTable(await readTable(fileName, content));
}

/** Reads the first sheet of an XLSX file, or a CSV file (comma, semicolon or tab), as rows of text cells. */
export async function readTable(fileName: string, content: Buffer): Promise<string[][]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".xlsx")) {
    assertUnpackedSizeWithin(content, XLSX_MAX_UNPACKED_BYTES);
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(content as unknown as ArrayBuffer);
    } catch {
      throw new DomainError("IMPORT_FILE_INVALID", { reason: "unreadable" });
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new DomainError("IMPORT_FILE_INVALID", { reason: "empty" });
    const table: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      table.push(values.map((v) => cut(cellText(v))));
    });
    if (table.length > IMPORT_MAX_ROWS + 1) throw new DomainError("IMPORT_FILE_INVALID", { reason: "too_many_rows", max: IMPORT_MAX_ROWS });
    return table;
  }
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
    const text = content.toString("utf8").replace(/^\uFEFF/, "");
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [",", ";", "\t"] });
    if (parsed.errors.some((e) => e.type === "Quotes")) throw new DomainError("IMPORT_FILE_INVALID", { reason: "unreadable" });
    if (parsed.data.length > IMPORT_MAX_ROWS + 1) throw new DomainError("IMPORT_FILE_INVALID", { reason: "too_many_rows", max: IMPORT_MAX_ROWS });
    return parsed.data.map((r) => r.map((c) => cut(String(c ?? ""))));
  }
  throw new DomainError("IMPORT_FILE_INVALID", { reason: "file_type" });
}
