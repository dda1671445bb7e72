import { describe, expect, it } from "vitest";
import { hasControlCharacter, normalizeText, OptionalSearchQuerySchema, optionalTextSchema, SearchQuerySchema, searchWordsOf, textSchema } from "./text.ts";

const errorOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message;

describe("normalizeText: control characters read as spaces", () => {
  it("turns a NUL inside a word into a space", () => {
    expect(normalizeText("Kepala\u0000Bidang")).toBe("Kepala Bidang");
  });
  it("turns tabs, line breaks, DEL and C1 controls into spaces, one for one", () => {
    expect(normalizeText("a\tb\nc\r\nd\u007Fe\u0085f\u009Fg\u001Fh")).toBe("a b c  d e f g h");
  });
  it("leaves ordinary text, non-breaking spaces and letters beyond ASCII alone", () => {
    expect(normalizeText("Dinas P3A  Kota Bekasi\u00A0é")).toBe("Dinas P3A  Kota Bekasi\u00A0é");
  });
  it("tells whether a text holds a control character, on both edges of the ranges", () => {
    expect(["\u0000", "\u001F", "\u007F", "\u009F"].map(hasControlCharacter)).toEqual([true, true, true, true]);
    expect([" ", "~", "\u00A0", "\u00A1"].map(hasControlCharacter)).toEqual([false, false, false, false]);
  });
});

describe("textSchema: the one rule for required free text", () => {
  const office = textSchema("OFFICE_INVALID", { max: 20 });
  it("stores a NUL inside an office name as a space, never the NUL", () => {
    expect(office.parse("Kepala\u0000Bidang")).toBe("Kepala Bidang");
  });
  it("trims control characters at the ends like spaces", () => {
    expect(office.parse("\u0000\tKepala Seksi\n")).toBe("Kepala Seksi");
  });
  it("says FIELD_REQUIRED for a text of control characters only", () => {
    expect(errorOf(office.safeParse("\u0000\u0000\u0000"))).toBe("FIELD_REQUIRED");
  });
  it("counts length after the control characters are read, refusing one character too many with the field's code", () => {
    expect(office.parse("x".repeat(20))).toHaveLength(20);
    expect(errorOf(office.safeParse("x".repeat(21)))).toBe("OFFICE_INVALID");
    expect(errorOf(office.safeParse("x"))).toBe("OFFICE_INVALID");
  });
  it("still refuses a phone number hidden behind a control character", () => {
    expect(errorOf(textSchema("OFFICE_INVALID", { max: 160 }).safeParse("Dinas HP\u00000812-3456-7890"))).toBe("PERSONAL_DATA_IN_TEXT");
  });
});

describe("optionalTextSchema: free text that may be empty", () => {
  const ref = optionalTextSchema("VALIDATION_FAILED", { max: 5 }).nullable();
  it("takes an empty text and null", () => {
    expect(ref.parse("")).toBe("");
    expect(ref.parse(null)).toBeNull();
  });
  it("reads control characters as spaces and trims", () => {
    expect(ref.parse("\u0000a\u0000b ")).toBe("a b");
  });
  it("refuses one character past the maximum, and a phone number", () => {
    expect(ref.parse("abcde")).toBe("abcde");
    expect(errorOf(ref.safeParse("abcdef"))).toBe("VALIDATION_FAILED");
    expect(errorOf(optionalTextSchema("PERSON_NAME_INVALID", { max: 120 }).safeParse("+62 812 3456 7890"))).toBe("PERSONAL_DATA_IN_TEXT");
  });
});

describe("search queries", () => {
  it("refuses a query of a NUL alone as empty, so it cannot match everything", () => {
    expect(errorOf(SearchQuerySchema.safeParse("\u0000"))).toBe("FIELD_REQUIRED");
    expect(errorOf(SearchQuerySchema.safeParse(" \t "))).toBe("FIELD_REQUIRED");
  });
  it("takes 100 characters and refuses 101", () => {
    expect(SearchQuerySchema.parse("a".repeat(100))).toHaveLength(100);
    expect(errorOf(SearchQuerySchema.safeParse("a".repeat(101)))).toBe("VALIDATION_FAILED");
  });
  it("lets an optional filter be empty, and reads a NUL in it as nothing", () => {
    expect(OptionalSearchQuerySchema.parse("\u0000")).toBe("");
    expect(OptionalSearchQuerySchema.parse(" Dewi ")).toBe("Dewi");
  });
  it("splits words at spaces, dots, commas and control characters, lower-cased, at most six", () => {
    expect(searchWordsOf("Kota\u0000BEKASI, Jawa.Barat")).toEqual(["kota", "bekasi", "jawa", "barat"]);
    expect(searchWordsOf("a b c d e f g h")).toEqual(["a", "b", "c", "d", "e", "f"]);
    expect(searchWordsOf("a b c", { maxWords: 2 })).toEqual(["a", "b"]);
  });
  it("finds no words in control characters alone", () => {
    expect(searchWordsOf("\u0000\u0001")).toEqual([]);
  });
});
