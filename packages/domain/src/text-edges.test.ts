import { describe, expect, it } from "vitest";
import { cellOf, columnsOf, headerKey, isBlankRow, optionalTextSchema, searchWordsOf, textSchema } from "./text.ts";

/** The edges of text.ts's rules, one case each (many found by mutation testing, MUTATION.md). */
const messages = (r: { error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message);

/** Built inside each test, so the schema options are read while the test runs. */
const office = () => textSchema("OFFICE_INVALID", { max: 20 });
const ref = () => optionalTextSchema("VALIDATION_FAILED", { max: 20 });

describe("textSchema edges", () => {
  it("refuses a number instead of text with the field's code, and null with FIELD_REQUIRED", () => {
    expect(messages(office().safeParse(42))).toEqual(["OFFICE_INVALID"]);
    expect(messages(office().safeParse(null))).toEqual(["FIELD_REQUIRED"]);
  });
  it("refuses a text shorter than its minimum with the field's code alone, even when it holds a phone number", () => {
    const long = textSchema("OFFICE_INVALID", { min: 30, max: 160 });
    expect(messages(long.safeParse("HP 081234567890"))).toEqual(["OFFICE_INVALID"]);
  });
  it("refuses a text longer than its maximum with the field's code alone, even when it holds a phone number", () => {
    expect(messages(office().safeParse("Kepala Dinas, HP 081234567890"))).toEqual(["OFFICE_INVALID"]);
  });
  it("takes a text of exactly its minimum length", () => {
    expect(textSchema("OFFICE_INVALID", { min: 3, max: 20 }).parse(" abc ")).toBe("abc");
    expect(messages(textSchema("OFFICE_INVALID", { min: 3, max: 20 }).safeParse("ab"))).toEqual(["OFFICE_INVALID"]);
  });
});

describe("optionalTextSchema edges", () => {
  it("refuses a number instead of text with the field's code", () => {
    expect(messages(ref().safeParse(42))).toEqual(["VALIDATION_FAILED"]);
    expect(messages(ref().safeParse(undefined))).toEqual(["VALIDATION_FAILED"]);
  });
  it("refuses a text longer than its maximum with the field's code alone, even when it holds a phone number", () => {
    expect(messages(ref().safeParse("Kepala Dinas, HP 081234567890"))).toEqual(["VALIDATION_FAILED"]);
  });
  it("trims spaces on both ends", () => {
    expect(ref().parse("  Dinas  ")).toBe("Dinas");
  });
});

describe("searchWordsOf edges", () => {
  it("finds no empty word before a leading separator or after a trailing one", () => {
    expect(searchWordsOf(" , Dewi. ")).toEqual(["dewi"]);
  });
  it("keeps six words by default", () => {
    expect(searchWordsOf("a b c d e f")).toEqual(["a", "b", "c", "d", "e", "f"]);
  });
});

describe("spreadsheet tables", () => {
  it("reads a header with outer spaces, tabs and runs of dashes as one key", () => {
    expect(headerKey("  Kode -- Wilayah\t")).toBe("kode_wilayah");
  });
  it("tells a blank row from one with a cell", () => {
    expect(isBlankRow([])).toBe(true);
    expect(isBlankRow([" ", "\u0000"])).toBe(true);
    expect(isBlankRow(["x", ""])).toBe(false);
    expect(isBlankRow(["", "x"])).toBe(false);
  });
  it("keeps the first of two headers that name the same field, and skips a header that names none", () => {
    const fields: Record<string, string> = { nomor: "number", no: "number", kode: "code" };
    const fieldOf = (h: string) => fields[h];
    expect(columnsOf(["x", "nomor", "kode", "no"], fieldOf)).toEqual(new Map([["number", 1], ["code", 2]]));
  });
  it("gives an empty cell for a field without a column, and for a column past the row's end", () => {
    const columns = new Map([["a", 0], ["b", 3]]);
    expect(cellOf([" x "], columns, "a")).toBe("x");
    expect(cellOf([" x "], columns, "b")).toBe("");
    expect(cellOf([" x "], columns, "c")).toBe("");
  });
});
