/**
 * Free text as the forms and imports take it: control characters (a NUL, a tab, a line break) read
 * as spaces, trimmed, `FIELD_REQUIRED` when left empty, the field's own code when too short or too
 * long, and never an NIK or a phone number (see privacy.ts). Search queries are normalised the same
 * way, so what cannot be stored cannot be searched for either.
 */
import { z } from "zod";
import { requiredOr } from "./errors.ts";
import type { DomainErrorCode } from "./errors.ts";
import { withoutPersonalIdentifiers } from "./privacy.ts";

/** Unicode's control characters (category Cc): U+0000–U+001F and U+007F–U+009F. */
// eslint-disable-next-line no-control-regex -- finding control characters is this rule's job
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * The text with every control character turned into a space: "Kepala\u0000Bidang" reads
 * "Kepala Bidang", a pasted line break or tab becomes the space it stood for. Other characters,
 * spaces included, stay as they are.
 */
export function normalizeText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, " ");
}

/** Does the text hold a control character? */
export function hasControlCharacter(text: string): boolean {
  return new RegExp(CONTROL_CHARACTERS.source).test(text);
}

/** A required free-text field of `min` (default 2) to `max` characters, control characters read as spaces. */
export function textSchema(code: DomainErrorCode, { min = 2, max }: { min?: number; max: number }) {
  return withoutPersonalIdentifiers(
    z
      .string({ error: requiredOr(code) })
      .overwrite(normalizeText)
      .trim()
      .min(min, { error: requiredOr(code), abort: true })
      .max(max, { error: code, abort: true }),
  );
}

/**
 * An optional free-text field of at most `max` characters: the same rule as {@link textSchema}
 * (control characters, trimming, no NIK or phone number), but it may be empty. Add `.nullable()`
 * where the field may be absent.
 */
export function optionalTextSchema(code: DomainErrorCode, { max }: { max: number }) {
  return withoutPersonalIdentifiers(
    z
      .string({ error: code })
      .overwrite(normalizeText)
      .trim()
      .max(max, { error: code, abort: true }),
  );
}

/** The longest search text taken. */
export const SEARCH_QUERY_MAX_LENGTH = 100;

/** A search text: control characters read as spaces, trimmed, 1 to 100 characters. */
export const SearchQuerySchema = z
  .string({ error: requiredOr("VALIDATION_FAILED") })
  .overwrite(normalizeText)
  .trim()
  .min(1, { error: "FIELD_REQUIRED", abort: true })
  .max(SEARCH_QUERY_MAX_LENGTH, { error: "VALIDATION_FAILED", abort: true });

/** A filter text that may be left empty (an empty one filters nothing). */
export const OptionalSearchQuerySchema = z
  .string({ error: "VALIDATION_FAILED" })
  .overwrite(normalizeText)
  .trim()
  .max(SEARCH_QUERY_MAX_LENGTH, { error: "VALIDATION_FAILED", abort: true });

/**
 * The words of a search text, as a name search matches them: control characters and punctuation
 * between words (spaces, dots, commas) split it, letters are lower-cased, at most `maxWords` words
 * (default 6) are kept. A text of only spaces or control characters has no words, and so matches
 * nothing.
 */
export function searchWordsOf(query: string, { maxWords = 6 }: { maxWords?: number } = {}): string[] {
  return normalizeText(query)
    .toLowerCase()
    .split(/[\s.,]+/)
    .filter(Boolean)
    .slice(0, maxWords);
}

/**
 * A spreadsheet header as the imports compare it: trimmed, lower-cased, spaces and dashes read as
 * underscores ("Kode Wilayah", "kode-wilayah" → "kode_wilayah"). Both the formation and the plan
 * import name their columns this way.
 */
export function headerKey(header: string): string {
  return normalizeText(header).trim().toLowerCase().replace(/[\s-]+/g, "_");
}

/** Is a spreadsheet row blank: no cell, or every cell empty or spaces? Imports skip such rows. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => normalizeText(c).trim() === "");
}

/**
 * The columns a header row names, as field → column index: `fieldOf` says which field a header
 * names (or undefined); when two headers name the same field, the first wins.
 */
export function columnsOf<F>(header: readonly string[], fieldOf: (header: string) => F | undefined): Map<F, number> {
  const columns = new Map<F, number>();
  header.forEach((h, i) => {
    const field = fieldOf(h);
    if (field !== undefined && !columns.has(field)) columns.set(field, i);
  });
  return columns;
}

/** A row's cell for a field, trimmed; empty when the table has no such column or the row no such cell. */
export function cellOf<F>(cells: readonly string[], columns: ReadonlyMap<F, number>, field: F): string {
  const i = columns.get(field);
  return i === undefined ? "" : (cells[i] ?? "").trim();
}

/**
 * The characters that make a spreadsheet read a cell's text as a formula when it begins with one:
 * `=`, `+`, `-`, `@`, a tab, a carriage return, and their full-width forms (`＝`, `＋`, `－`, `＠`),
 * which some spreadsheets read the same way.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Text as a spreadsheet cell holds it without anyone's spreadsheet running it: the text exactly as
 * given, and `quote: true` when it begins with a character a spreadsheet takes for a formula
 * (`=HYPERLINK(…)`, `+1`, `-1+2`, `@SUM(A1)`, a tab or a carriage return). A writer then marks the
 * cell quoted (XLSX's `quotePrefix` style: the text shows unchanged and stays text when edited or
 * saved as CSV). The text itself is never changed.
 */
export function spreadsheetSafeText(text: string): { text: string; quote: boolean } {
  return { text, quote: FORMULA_START.test(text) };
}
