/**
 * Reading a spreadsheet (CSV or XLSX) into rows of strings, safely; dates typed as dates in Excel come
 * out as YYYY-MM-DD. What the headers mean is the domain's (`readFormationTable`, `readActionItemTable`).
 *
 * The spreadsheet library, decided: an XLSX file is read by our own bounded reader (`xlsx.ts`, on
 * `zip.ts` and node:zlib), not by exceljs. exceljs 4.4.0 is unmaintained, pulls in deprecated packages
 * (unzipper 0.10, fstream, rimraf 2, inflight), unpacks every entry the central directory lists and
 * builds the whole workbook (every sheet, merged ranges and validations cell by cell) before any cap
 * can apply; SheetJS's npm release (xlsx 0.18.5) is stale and reads eagerly too. Here sizes and entry
 * counts are checked from the central directory (the way a reader unpacks), each entry stops unpacking
 * past its declared size, and the row and column caps stop the read at the first cell past them,
 * before a table is built. exceljs is kept only to write our own export, which reads no untrusted input.
 */
import { DomainError, IMPORT_MAX_ROWS, readFormationTable } from "@gugus/domain";
import type { ImportRow } from "@gugus/domain";
import Papa from "papaparse";
import { readFirstSheet } from "./xlsx.ts";
import { openZip } from "./zip.ts";

/** An XLSX file may unpack to this much at most: a spreadsheet of 2,000 rows is far smaller. */
export const XLSX_MAX_UNPACKED_BYTES = 20 * 1024 * 1024;
/** An XLSX file may list this many entries at most (a workbook from Excel has a dozen or two). */
export const XLSX_MAX_ENTRIES = 500;
/** A sheet may use this many columns at most (column IV, the old Excel limit; the imports need ~20). */
export const XLSX_MAX_COLUMNS = 256;
/** A cell longer than this is cut (no field takes more than 500 characters, so it stays invalid). */
const MAX_CELL_LENGTH = 1000;

const cut = (cell: string) => (cell.length > MAX_CELL_LENGTH ? cell.slice(0, MAX_CELL_LENGTH) : cell);

/** Parses a CSV (comma or semicolon) or XLSX file of formation data. Throws IMPORT_FILE_INVALID with the reason. */
export async function parseFormationFile(fileName: string, content: Buffer): Promise<ImportRow[]> {
  return readFormationTable(await readTable(fileName, content));
}

/** How much a table may hold (default: the formation and plan imports' {@link IMPORT_MAX_ROWS}), and whether a formula cell reads as its formula. */
export type ReadTableOptions = { maxRows?: number; formulas?: boolean; /** Action items: read the first sheet carrying one of these names instead, when the workbook has one. */ preferSheets?: readonly string[] };

/** Reads the first sheet of an XLSX file, or a CSV file (comma, semicolon or tab), as rows of text cells. */
export async function readTable(fileName: string, content: Buffer, { maxRows = IMPORT_MAX_ROWS, formulas = false, preferSheets }: ReadTableOptions = {}): Promise<string[][]> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".xlsx")) {
    const zip = openZip(content, { maxUnpackedBytes: XLSX_MAX_UNPACKED_BYTES, maxEntries: XLSX_MAX_ENTRIES });
    // The header row and maxRows rows under it.
    return await readFirstSheet(zip, { maxRows: maxRows + 1, maxColumns: XLSX_MAX_COLUMNS, maxCellLength: MAX_CELL_LENGTH, formulas, preferSheets });
  }
  if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
    const text = content.toString("utf8").replace(/^\uFEFF/, "");
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [",", ";", "\t"] });
    if (parsed.errors.some((e) => e.type === "Quotes")) throw new DomainError("IMPORT_FILE_INVALID", { reason: "unreadable" });
    if (parsed.data.length > maxRows + 1) throw new DomainError("IMPORT_FILE_INVALID", { reason: "too_many_rows", max: maxRows });
    return parsed.data.map((r) => r.map((c) => cut(String(c ?? ""))));
  }
  throw new DomainError("IMPORT_FILE_INVALID", { reason: "file_type" });
}
