import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spreadsheetSafeText } from "./text.ts";

/** What a spreadsheet takes for the start of a formula, written out apart from the rule. */
const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"];

describe("spreadsheetSafeText: no cell a file writes can start a formula", () => {
  it("quotes the classic injections, keeping their text exactly", () => {
    for (const text of ['=HYPERLINK("http://x")', "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "=", "-"]) {
      expect(spreadsheetSafeText(text)).toEqual({ text, quote: true });
    }
  });
  it("quotes the full-width forms some spreadsheets also read as a formula", () => {
    expect(["＝1+1", "＋1", "－1", "＠SUM(A1)"].map((t) => spreadsheetSafeText(t).quote)).toEqual([true, true, true, true]);
  });
  it("leaves names, numbers written as text, a formula character later in the text and a leading space unquoted", () => {
    for (const text of ["Kota Bekasi", "32.75", "1-2", "a=b", " =1", "", "'=1", "\n=1"]) {
      expect(spreadsheetSafeText(text)).toEqual({ text, quote: false });
    }
  });
  it("for every string: the text is unchanged, and a text beginning a formula is always quoted", () => {
    const texts = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.tuple(fc.constantFrom(...FORMULA_STARTS), fc.string()).map(([start, rest]) => start + rest),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const safe = spreadsheetSafeText(text);
        expect(safe.text).toBe(text);
        expect(safe.quote).toBe(FORMULA_STARTS.some((s) => text.startsWith(s)));
      }),
    );
  });
});
