/**
 * Reading the first sheet of an XLSX workbook into rows of text, with the work bounded while it is
 * done: a row past `maxRows` or a cell past `maxColumns` stops the read at once (before any table is
 * built), and the reader gives the event loop a turn every few thousand cells.
 *
 * Why our own reader (the decision is written at `parse-file.ts`): exceljs 4.4.0 (unmaintained; it
 * pulls in unzipper 0.10, fstream, rimraf 2 and inflight) unpacks every entry the central directory
 * lists and builds the whole workbook — every sheet, merged ranges and data validations expanded cell
 * by cell, `<col max>` loops, defined names — before any cap can apply; SheetJS's npm release (xlsx
 * 0.18.5) is stale and reads everything eagerly too. The import needs only the first sheet's cell
 * values, the shared strings and which styles are dates, so this reads just those entries (through
 * `zip.ts`, sizes checked from the central directory) and skips the rest unread.
 */
import { DomainError } from "@gugus/domain";
import type { ZipFile } from "./zip.ts";

export type SheetLimits = { maxRows: number; maxColumns: number; maxCellLength: number; /** A formula cell reads as `=` and its formula, not its last value (the accounts file refuses them). */ formulas?: boolean };

type Tag = { name: string; closing: boolean; selfClosing: boolean; attributes: Record<string, string> };
type Token = { tag: Tag } | { text: string };

const unreadable = () => new DomainError("IMPORT_FILE_INVALID", { reason: "unreadable" });
const CELLS_PER_TURN = 5000;
const turn = () => new Promise((resolve) => setImmediate(resolve));

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*)>/y;

/** The tokens of an XML document, one at a time: tags (names without their namespace prefix) and text. */
function* tokens(xml: string): Generator<Token> {
  let at = 0;
  while (at < xml.length) {
    const open = xml.indexOf("<", at);
    if (open === -1) {
      yield { text: decodeEntities(xml.slice(at)) };
      return;
    }
    if (open > at) yield { text: decodeEntities(xml.slice(at, open)) };
    const second = xml.charCodeAt(open + 1);
    if (second === 0x3f /* ? */) at = endOf(xml, "?>", open);
    else if (second === 0x21 /* ! */) {
      if (xml.startsWith("<!--", open)) at = endOf(xml, "-->", open);
      else if (xml.startsWith("<![CDATA[", open)) {
        const end = endOf(xml, "]]>", open);
        yield { text: xml.slice(open + 9, end - 3) };
        at = end;
      } else throw unreadable(); // no DOCTYPE, so no entity tricks
    } else {
      TAG.lastIndex = open;
      const m = TAG.exec(xml);
      if (!m) throw unreadable();
      let body = m[3]!;
      let end = open + m[0].length - 1;
      // A quoted ">" inside an attribute ends no tag: run on to the ">" after the closing quote.
      while (oddQuotes(body)) {
        const next = xml.indexOf(">", end + 1);
        if (next === -1) throw unreadable();
        body = xml.slice(open + 1 + m[1]!.length + m[2]!.length, next);
        end = next;
      }
      const selfClosing = body.endsWith("/");
      const attributes: Record<string, string> = {};
      if (body.length > 1) {
        ATTRIBUTE.lastIndex = 0;
        for (let a = ATTRIBUTE.exec(body); a; a = ATTRIBUTE.exec(body)) attributes[a[1]!] = decodeEntities(a[2] ?? a[3] ?? "");
      }
      const qualified = m[2]!;
      yield { tag: { name: qualified.slice(qualified.indexOf(":") + 1), closing: m[1] === "/", selfClosing, attributes } };
      at = end + 1;
    }
  }
}

/** Whether a tag's text so far leaves a quoted attribute value open. */
function oddQuotes(body: string): boolean {
  let quote = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch!;
  }
  return quote !== "";
}

function endOf(xml: string, marker: string, from: number): number {
  const end = xml.indexOf(marker, from);
  if (end === -1) throw unreadable();
  return end + marker.length;
}

/** `ABC` → 731; letters only (the row digits of a reference are the row's). */
function columnNumber(reference: string): number | undefined {
  const letters = /^\$?([A-Za-z]{1,3})\$?[0-9]*$/.exec(reference)?.[1];
  if (!letters) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const text = async (zip: ZipFile, name: string) => {
  const bytes = await zip.read(name);
  return bytes === undefined ? undefined : new TextDecoder("utf-8").decode(bytes);
};

/**
 * The first sheet's path, as the workbook orders its sheets and its relationships point; or, when
 * `preferred` names are given, the first sheet carrying one of them (case-insensitive), if any.
 */
function firstSheetPath(workbook: string, relations: string | undefined, preferred: readonly string[] = []): string {
  let id: string | undefined;
  const wanted = new Set(preferred.map((n) => n.toLowerCase()));
  for (const token of tokens(workbook)) {
    if ("tag" in token && token.tag.name === "sheet" && !token.tag.closing) {
      const sheetId = Object.entries(token.tag.attributes).find(([k]) => k.endsWith(":id"))?.[1];
      id ??= sheetId;
      if (wanted.has((token.tag.attributes.name ?? "").toLowerCase())) {
        id = sheetId;
        break;
      }
      if (wanted.size === 0) break;
    }
  }
  if (id === undefined || relations === undefined) throw new DomainError("IMPORT_FILE_INVALID", { reason: "empty" });
  for (const token of tokens(relations)) {
    if ("tag" in token && token.tag.name === "Relationship" && token.tag.attributes.Id === id) {
      const target = token.tag.attributes.Target ?? "";
      return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    }
  }
  throw unreadable();
}

const isDateFormat = (format: string) => /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** For each cell style (by index), whether it shows a date. */
function dateStyles(styles: string | undefined): boolean[] {
  if (styles === undefined) return [];
  const custom = new Map<number, string>();
  const result: boolean[] = [];
  let inCellXfs = false;
  for (const token of tokens(styles)) {
    if (!("tag" in token)) continue;
    const { name, closing, attributes } = token.tag;
    if (name === "numFmt" && !closing) custom.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
    else if (name === "cellXfs") inCellXfs = !closing && !token.tag.selfClosing;
    else if (inCellXfs && name === "xf" && !closing) {
      const id = Number(attributes.numFmtId ?? 0);
      const format = custom.get(id);
      result.push(format !== undefined ? isDateFormat(format) : BUILT_IN_DATE_FORMATS.has(id));
    }
  }
  return result;
}

async function sharedStrings(xml: string | undefined, maxCellLength: number): Promise<string[]> {
  if (xml === undefined) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let inPhonetic = false;
  for (const token of tokens(xml)) {
    if ("text" in token) {
      if (current && inText && !inPhonetic) current.push(token.text);
      continue;
    }
    const { name, closing, selfClosing } = token.tag;
    if (name === "si") {
      if (closing) {
        strings.push((current ?? []).join("").slice(0, maxCellLength));
        current = null;
        if (strings.length % CELLS_PER_TURN === 0) await turn();
      } else if (selfClosing) strings.push("");
      else current = [];
    } else if (name === "t") inText = !closing && !selfClosing;
    else if (name === "rPh") inPhonetic = !closing && !selfClosing;
  }
  return strings;
}

/** An Excel date serial as YYYY-MM-DD (the 1900 or the 1904 date system). */
function serialDate(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}

/**
 * Reads the first sheet as rows of text cells (row 1 first; a missing cell is ""; a cell longer than
 * `maxCellLength` is cut). Dates typed as dates come out as YYYY-MM-DD, numbers as JavaScript writes
 * them, booleans as `true`/`false`, errors as "". Throws IMPORT_FILE_INVALID: `too_many_rows` or
 * `too_many_columns` at the first cell past a cap, `empty` without a sheet, `unreadable` for XML it
 * cannot follow or rows and cells out of order.
 */
export async function readFirstSheet(zip: ZipFile, limits: SheetLimits & { preferSheets?: readonly string[] }): Promise<string[][]> {
  const workbook = await text(zip, "xl/workbook.xml");
  if (workbook === undefined) throw unreadable();
  const date1904 = /date1904\s*=\s*["'](1|true)["']/.test(workbook);
  const sheetPath = firstSheetPath(workbook, await text(zip, "xl/_rels/workbook.xml.rels"), limits.preferSheets);
  const sheet = await text(zip, sheetPath);
  if (sheet === undefined) throw new DomainError("IMPORT_FILE_INVALID", { reason: "empty" });
  const strings = await sharedStrings(await text(zip, "xl/sharedStrings.xml"), limits.maxCellLength);
  const dates = dateStyles(await text(zip, "xl/styles.xml"));

  const table: string[][] = [];
  let inSheetData = false;
  let row: string[] | null = null;
  let rowNumber = 0;
  let column = 0;
  let cell: { type: string; style: number; value: string[]; inline: string[]; formula: string[] | null } | null = null;
  let into: "value" | "inline" | "formula" | null = null;
  let inPhonetic = false;
  let cells = 0;

  const finishCell = () => {
    if (!row || !cell) return;
    const raw = cell.value.join("");
    let value: string;
    if (limits.formulas && cell.formula) value = `=${cell.formula.join("")}`;
    else if (cell.type === "s") value = strings[Number(raw)] ?? "";
    else if (cell.type === "inlineStr") value = cell.inline.join("");
    else if (cell.type === "str") value = raw;
    else if (cell.type === "b") value = raw === "" ? "" : String(raw === "1" || raw === "true");
    else if (cell.type === "e") value = "";
    else if (cell.type === "d") value = raw.slice(0, 10);
    else if (raw.trim() === "") value = "";
    else {
      const n = Number(raw);
      value = Number.isNaN(n) ? raw : dates[cell.style] ? serialDate(n, date1904) : String(n);
    }
    while (row.length < column - 1) row.push("");
    row.push(value.slice(0, limits.maxCellLength));
    cell = null;
  };

  for (const token of tokens(sheet)) {
    if ("text" in token) {
      if (cell && into === "value") cell.value.push(token.text);
      else if (cell && into === "inline" && !inPhonetic) cell.inline.push(token.text);
      else if (cell && into === "formula") cell.formula?.push(token.text);
      continue;
    }
    const { name, closing, selfClosing, attributes } = token.tag;
    if (name === "sheetData") {
      inSheetData = !closing && !selfClosing;
      continue;
    }
    if (!inSheetData) continue;
    if (name === "row") {
      if (closing) {
        row = null;
        continue;
      }
      const next = attributes.r === undefined ? rowNumber + 1 : Number(attributes.r);
      if (!Number.isInteger(next) || next <= rowNumber) throw unreadable();
      if (next > limits.maxRows) throw new DomainError("IMPORT_FILE_INVALID", { reason: "too_many_rows", max: limits.maxRows - 1 });
      rowNumber = next;
      while (table.length < rowNumber - 1) table.push([]);
      row = [];
      table.push(row);
      column = 0;
      if (selfClosing) row = null;
    } else if (name === "c") {
      if (closing) {
        finishCell();
        continue;
      }
      if (!row || cell) throw unreadable();
      const next = attributes.r === undefined ? column + 1 : columnNumber(attributes.r);
      if (next === undefined || next <= column) throw unreadable();
      if (next > limits.maxColumns) throw new DomainError("IMPORT_FILE_INVALID", { reason: "too_many_columns", max: limits.maxColumns });
      column = next;
      cell = { type: attributes.t ?? "n", style: Number(attributes.s ?? 0), value: [], inline: [], formula: null };
      into = null;
      if (selfClosing) finishCell();
      if (++cells % CELLS_PER_TURN === 0) await turn();
    } else if (cell) {
      if (name === "v") into = closing || selfClosing ? null : "value";
      else if (name === "t") into = closing || selfClosing ? null : "inline";
      else if (name === "rPh") inPhonetic = !closing && !selfClosing;
      else if (name === "f") {
        cell.formula ??= [];
        into = closing || selfClosing ? null : "formula";
      }
    }
  }
  return table;
}
