/**
 * A list as an XLSX file people can circulate: one helper every list export writes with (the task
 * forces at a date, the coverage, the action items, the accounts, the audit log, a regional plan).
 *
 * The first sheet opens with a title block (the title in bold, what date or period the list
 * describes, whose task force it covers, when the file was made, a blank row), then the header row
 * (frozen, with an autofilter) and a row per entry. Later sheets are plain tables (a header row,
 * frozen and filtered, then the rows), e.g. the columns an import reads back.
 *
 * Numbers are written as numbers, dates as text (`YYYY-MM-DD` or in words), nothing is a formula,
 * and every text cell goes through the domain's {@link spreadsheetSafeText}: a text that begins
 * with `=`, `+`, `-`, `@`, a tab or a carriage return is kept exactly and its cell is marked
 * `quotePrefix`, so no spreadsheet runs it, even once the cell is edited or the sheet saved as CSV.
 *
 * exceljs 4.4.0 neither writes nor reads the `quotePrefix` style, so {@link writeWorkbook} marks
 * such cells itself: {@link setText} gives a quoted cell a style exceljs does write (a hidden-formula
 * protection, which no unprotected sheet uses) and the written `xl/styles.xml` turns that mark into
 * `quotePrefix="1"`. Every workbook writer here writes through these two functions.
 */
import { deflateRawSync, inflateRawSync, crc32 } from "node:zlib";
import { spreadsheetSafeText } from "@gugus/domain";
import ExcelJS from "exceljs";

export type ListColumn<Row> = { header: string; width?: number; value: (row: Row) => string | number | null; kind?: "text" | "number" | "date" };
export type ListSheet<Row> = { name: string; columns: ListColumn<Row>[]; rows: readonly Row[] };
export type ListWorkbookInput = {
  /** e.g. "Hierarki gugus tugas": the first row, bold. */
  title: string;
  /** The date or period it describes, already in words: "Keadaan per 1 Desember 2026". */
  describes: string;
  /** The task force it covers: "Seluruh Indonesia" / "GT Provinsi Jawa Barat". */
  scope: string;
  /** When the file was made, with its zone: "Dibuat 1 Desember 2026 14.05 WIB". */
  generatedAt: string;
  language: "id" | "en";
  /** The first sheet gets the title block; later sheets are plain tables. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each sheet has its own row type
  sheets: [ListSheet<any>, ...ListSheet<any>[]];
};

/** How a quoted cell is marked until the written styles turn the mark into `quotePrefix="1"`. */
const QUOTE_MARK = { hidden: true } as const;
const QUOTE_MARK_XML = '<protection hidden="1"/>';

const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8E8E8" } } as const;
const MUTED = { italic: true, color: { argb: "FF666666" } } as const;
const DEFAULT_WIDTH = 18;

/**
 * Puts a text in a cell so that no spreadsheet runs it: the text exactly, and the cell marked quoted
 * when the text begins a formula (see the module's comment). An empty text leaves the cell empty.
 */
export function setText(cell: ExcelJS.Cell, text: string): void {
  if (text === "") {
    cell.value = null;
    return;
  }
  const safe = spreadsheetSafeText(text);
  cell.value = safe.text;
  if (safe.quote) cell.style = { ...cell.style, protection: { ...QUOTE_MARK } };
}

/** Puts a value in a cell: a number as a number, a text through {@link setText}, null as an empty cell. */
export function setValue(cell: ExcelJS.Cell, value: string | number | null): void {
  if (value === null) cell.value = null;
  else if (typeof value === "number") cell.value = value;
  else setText(cell, value);
}

/** Appends a row of values (numbers as numbers, texts through {@link setText}, null empty). */
export function addSafeRow(sheet: ExcelJS.Worksheet, values: readonly (string | number | null)[]): ExcelJS.Row {
  const row = sheet.addRow([]);
  values.forEach((v, i) => setValue(row.getCell(i + 1), v));
  return row;
}

/** The workbook's bytes, each quoted cell's style carrying `quotePrefix="1"`. */
export async function writeWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  return rewriteZipEntry(written, "xl/styles.xml", markQuotedStyles);
}

/** The styles with every marked cell format turned into a quoted one: the mark and its apply flag gone, `quotePrefix="1"` set. */
export function markQuotedStyles(styles: string): string {
  return styles.replace(/<cellXfs\b[\s\S]*?<\/cellXfs>/, (cellXfs) =>
    cellXfs.replace(/<xf\b([^>]*?)(?<!\/)>([\s\S]*?)<\/xf>/g, (xf, attributes: string, children: string) => {
      if (!children.includes(QUOTE_MARK_XML)) return xf;
      const rest = children.replace(QUOTE_MARK_XML, "");
      const open = `<xf${attributes.replace(' applyProtection="1"', "")} quotePrefix="1"`;
      return rest === "" ? `${open}/>` : `${open}>${rest}</xf>`;
    }),
  );
}

/** A sheet name as spreadsheets take it: at most 31 characters, none of `[]:*?/\`. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Sheet";
}

function addSheet(workbook: ExcelJS.Workbook, name: string, frozenRows: number): ExcelJS.Worksheet {
  return workbook.addWorksheet(sheetName(name), {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: frozenRows }],
  });
}

/** The header row (bold, shaded, repeated on every printed page, filtered) and the rows under it. */
function writeTable<Row>(sheet: ExcelJS.Worksheet, table: ListSheet<Row>): void {
  sheet.columns = table.columns.map((c) => ({ width: c.width ?? DEFAULT_WIDTH }));
  const header = addSafeRow(
    sheet,
    table.columns.map((c) => c.header),
  );
  header.font = { bold: true };
  header.alignment = { vertical: "top", wrapText: true };
  table.columns.forEach((_, i) => {
    header.getCell(i + 1).fill = HEADER_FILL;
  });
  for (const entry of table.rows) {
    const row = addSafeRow(
      sheet,
      table.columns.map((c) => {
        const v = c.value(entry);
        return c.kind === "date" || c.kind === "text" ? (v === null ? null : String(v)) : v;
      }),
    );
    row.alignment = { vertical: "top" };
  }
  if (table.columns.length > 0) {
    sheet.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number + table.rows.length, column: table.columns.length } };
  }
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
}

/** A list as an XLSX file (see the module's comment for its layout). */
export async function buildListWorkbook(input: ListWorkbookInput): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Gugus";
  workbook.title = input.title;
  workbook.subject = `${input.describes} — ${input.scope}`;
  const [first, ...rest] = input.sheets;
  const sheet = addSheet(workbook, first.name, 6);
  setText(sheet.getCell("A1"), input.title);
  sheet.getRow(1).font = { bold: true, size: 14 };
  setText(sheet.getCell("A2"), input.describes);
  setText(sheet.getCell("A3"), input.scope);
  setText(sheet.getCell("A4"), input.generatedAt);
  sheet.getRow(4).font = MUTED;
  sheet.addRow([]); // row 5 stays blank: the table's header is row 6
  writeTable(sheet, first);
  for (const table of rest) writeTable(addSheet(workbook, table.name, 1), table);
  return writeWorkbook(workbook);
}

/** A ZIP archive with one entry's content rewritten (the others copied as they are); the archive unchanged without that entry. */
function rewriteZipEntry(zip: Uint8Array, name: string, rewrite: (content: string) => string): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error("not a ZIP archive");
  const count = view.getUint16(end + 10, true);
  let central = view.getUint32(end + 16, true);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(central + 28, true);
    const extraLength = view.getUint16(central + 30, true);
    const commentLength = view.getUint16(central + 32, true);
    const entryName = new TextDecoder().decode(zip.subarray(central + 46, central + 46 + nameLength));
    let method = view.getUint16(central + 10, true);
    let crc = view.getUint32(central + 16, true);
    let compressedSize = view.getUint32(central + 20, true);
    let size = view.getUint32(central + 24, true);
    const local = view.getUint32(central + 42, true);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    let data = zip.subarray(dataStart, dataStart + compressedSize);
    if (entryName === name) {
      const raw = method === 8 ? inflateRawSync(data) : Buffer.from(data);
      const content = Buffer.from(rewrite(raw.toString("utf8")), "utf8");
      data = deflateRawSync(content);
      method = 8;
      crc = crc32(content) >>> 0;
      compressedSize = data.length;
      size = content.length;
    }
    const nameBytes = zip.subarray(central + 46, central + 46 + nameLength);
    const head = new Uint8Array(30 + nameLength);
    const h = new DataView(head.buffer);
    h.setUint32(0, 0x04034b50, true);
    h.setUint16(4, view.getUint16(central + 6, true), true);
    h.setUint16(6, view.getUint16(central + 8, true) & ~0x0008, true);
    h.setUint16(8, method, true);
    h.setUint32(10, view.getUint32(central + 12, true), true);
    h.setUint32(14, crc, true);
    h.setUint32(18, compressedSize, true);
    h.setUint32(22, size, true);
    h.setUint16(26, nameLength, true);
    head.set(nameBytes, 30);
    const entry = zip.slice(central, central + 46 + nameLength + extraLength + commentLength);
    const e = new DataView(entry.buffer);
    e.setUint16(8, view.getUint16(central + 8, true) & ~0x0008, true);
    e.setUint16(10, method, true);
    e.setUint32(16, crc, true);
    e.setUint32(20, compressedSize, true);
    e.setUint32(24, size, true);
    e.setUint32(42, offset, true);
    locals.push(head, data);
    centrals.push(entry);
    offset += head.length + data.length;
    central += 46 + nameLength + extraLength + commentLength;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const tail = zip.slice(end, zip.length);
  const t = new DataView(tail.buffer);
  t.setUint32(12, centralSize, true);
  t.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + tail.length);
  let at = 0;
  for (const part of [...locals, ...centrals, tail]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
