/**
 * Importing formation data from a spreadsheet: one row per instrument — region code, instrument type,
 * number, date, and optionally the issuer. Every row is checked and reported on its own; the file is
 * written all or nothing.
 */
import { z } from "zod";
import { IsoDateSchema } from "../dates.ts";
import { RegionCodeSchema } from "../regions/codes.ts";
import { DomainError } from "../errors.ts";
import { cellOf, columnsOf, headerKey, isBlankRow } from "../text.ts";
import { PERSONAL_DATA_IN_TEXT } from "../privacy.ts";
import { InstrumentFieldsSchema, InstrumentTypeSchema } from "./instruments.ts";
import type { InstrumentType } from "./instruments.ts";

/** The most rows one import takes (every regional task force, twice over). */
export const IMPORT_MAX_ROWS = 2000;

/** Column headers recognised, in Bahasa Indonesia or English (case and spaces ignored); the first of each is the one the template and error messages use. */
export const IMPORT_COLUMNS = {
  regionCode: ["kode_wilayah", "kode", "region_code", "code"],
  type: ["jenis", "jenis_instrumen", "instrument_type", "type"],
  number: ["nomor", "number", "no"],
  issuedOn: ["tanggal", "tanggal_penetapan", "date", "issued_on"],
  issuer: ["penerbit", "issuer"],
} as const;

export type ImportField = keyof typeof IMPORT_COLUMNS;

/** Which field a header names, or undefined (see `headerKey`). */
export function importFieldOf(header: string): ImportField | undefined {
  const key = headerKey(header);
  return (Object.keys(IMPORT_COLUMNS) as ImportField[]).find((f) => (IMPORT_COLUMNS[f] as readonly string[]).includes(key));
}

/** Instrument type names people write, mapped to codes ("Perwali", "SK Bupati", "Peraturan Gubernur"). */
export function normalizeInstrumentType(value: string): string {
  // "S.K. Gubernur", "Pergub." and "SK-Bupati" read as sk_gubernur, pergub and sk_bupati.
  const v = value.trim().toLowerCase().replace(/\./g, "").replace(/[\s-]+/g, "_").replace(/^_+|_+$/g, "");
  const aliases: Record<string, InstrumentType> = {
    peraturan_presiden: "perpres",
    peraturan_gubernur: "pergub",
    peraturan_bupati: "perbup",
    peraturan_wali_kota: "perwali",
    peraturan_walikota: "perwali",
    peraturan_daerah: "perda",
    sk_wali_kota: "sk_walikota",
    keputusan_gubernur: "sk_gubernur",
    keputusan_bupati: "sk_bupati",
    keputusan_walikota: "sk_walikota",
    keputusan_wali_kota: "sk_walikota",
  };
  return aliases[v] ?? v;
}

/** Who issues an instrument of a type, when the file does not say. */
export const DEFAULT_ISSUER: Record<InstrumentType, string> = {
  perpres: "Presiden",
  pergub: "Gubernur",
  sk_gubernur: "Gubernur",
  perbup: "Bupati",
  sk_bupati: "Bupati",
  perwali: "Wali Kota",
  sk_walikota: "Wali Kota",
  perda: "Pemerintah Daerah dan DPRD",
};

/** A row as read from the file (strings), with its line number in the file. */
export const ImportRowSchema = z
  .object({
    row: z.number().int().min(1),
    regionCode: z.string().max(50),
    type: z.string().max(100),
    number: z.string().max(200),
    issuedOn: z.string().max(50),
    issuer: z.string().max(300).nullable().default(null),
  })
  .strict();
export type ImportRow = z.infer<typeof ImportRowSchema>;

/** One row's problem: which field, and the error code. */
export type ImportIssue = { field: ImportField; messageKey: string };

/** A cell's refusal as a row shows it: PERSONAL_DATA_IN_TEXT when the text rule found an identifier, else the field's code. */
const personalDataOr = (error: z.ZodError, code: string) => (error.issues.some((i) => i.message === PERSONAL_DATA_IN_TEXT) ? PERSONAL_DATA_IN_TEXT : code);

/** The field checks of a row (no lookups): well-formed code, known type, number, real date. */
export function checkImportRowFields(row: ImportRow): { issues: ImportIssue[]; value: { regionCode: string; type: InstrumentType; number: string; issuedOn: string; issuer: string | null } | null } {
  const issues: ImportIssue[] = [];
  const code = RegionCodeSchema.safeParse(row.regionCode.trim());
  if (!code.success) issues.push({ field: "regionCode", messageKey: "REGION_CODE_MALFORMED" });
  const type = InstrumentTypeSchema.safeParse(normalizeInstrumentType(row.type));
  if (!type.success) issues.push({ field: "type", messageKey: "INSTRUMENT_TYPE_INVALID" });
  const number = InstrumentFieldsSchema.shape.number.safeParse(row.number);
  if (!number.success) issues.push({ field: "number", messageKey: personalDataOr(number.error, "INSTRUMENT_NUMBER_INVALID") });
  const date = IsoDateSchema.safeParse(row.issuedOn.trim());
  if (!date.success) issues.push({ field: "issuedOn", messageKey: "DATE_INVALID" });
  const issuer = row.issuer?.trim() ? InstrumentFieldsSchema.shape.issuer.safeParse(row.issuer) : null;
  if (issuer && !issuer.success) issues.push({ field: "issuer", messageKey: personalDataOr(issuer.error, "INSTRUMENT_ISSUER_INVALID") });
  if (issues.length > 0 || !code.success || !type.success || !number.success || !date.success) return { issues, value: null };
  return { issues, value: { regionCode: code.data, type: type.data, number: number.data, issuedOn: date.data, issuer: issuer?.success ? issuer.data : null } };
}

const REQUIRED_COLUMNS: readonly ImportField[] = ["regionCode", "type", "number", "issuedOn"];

/**
 * A formation spreadsheet (the header row first, as read from CSV or XLSX) as import rows: columns
 * found by their headers in either language, blank rows skipped, each row numbered by its line in
 * the file (the header is line `firstLine`). Throws `IMPORT_FILE_INVALID` with the reason: `empty`,
 * `missing_columns` (named by the template's headers), `too_many_rows`.
 */
export function readFormationTable(table: readonly (readonly string[])[], firstLine = 1): ImportRow[] {
  const [header, ...body] = table;
  if (!header) throw new DomainError("IMPORT_FILE_INVALID", { reason: "empty" });
  const columns = columnsOf(header, importFieldOf);
  const missing = REQUIRED_COLUMNS.filter((f) => !columns.has(f));
  // Named by the headers a user writes (the template's), not by the fields behind them.
  if (missing.length > 0) throw new DomainError("IMPORT_FILE_INVALID", { reason: "missing_columns", columns: missing.map((f) => IMPORT_COLUMNS[f][0]).join(", ") });
  const rows: ImportRow[] = [];
  body.forEach((cells, i) => {
    if (isBlankRow(cells)) return;
    const get = (f: ImportField) => cellOf(cells, columns, f);
    rows.push({ row: firstLine + i + 1, regionCode: get("regionCode"), type: get("type"), number: get("number"), issuedOn: get("issuedOn"), issuer: get("issuer") || null });
  });
  if (rows.length > IMPORT_MAX_ROWS) throw new DomainError("IMPORT_FILE_INVALID", { reason: "too_many_rows", max: IMPORT_MAX_ROWS });
  return rows;
}
