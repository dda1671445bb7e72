import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { cellOf, columnsOf, headerKey, isBlankRow } from "../text.ts";
import { IMPORT_MAX_ROWS, importFieldOf, readFormationTable } from "./import.ts";

const reason = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return [error.code, error.details];
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("spreadsheet headers, one rule for every import", () => {
  it("reads spaces and dashes as underscores, in any case, trimmed", () => {
    expect(["Kode Wilayah", " kode-wilayah ", "KODE  WILAYAH", "kode_wilayah"].map(headerKey)).toEqual(["kode_wilayah", "kode_wilayah", "kode_wilayah", "kode_wilayah"]);
  });
  it("reads a control character in a header as a space", () => {
    expect(headerKey("Kode\u0000Wilayah")).toBe("kode_wilayah");
  });
  it("lets the first of two headers naming one field win", () => {
    expect(columnsOf(["nomor", "kode", "no"], importFieldOf)).toEqual(new Map([["number", 0], ["regionCode", 1]]));
  });
  it("calls a row of empty or space-only cells blank, and one with any text not", () => {
    expect([isBlankRow([]), isBlankRow(["", "  ", "\t"]), isBlankRow(["", "x"])]).toEqual([true, true, false]);
  });
  it("gives an empty cell for a column the table lacks or a row too short", () => {
    const columns = new Map([["a", 0], ["b", 3]]);
    expect([cellOf([" x "], columns, "a"), cellOf([" x "], columns, "b"), cellOf([" x "], columns, "c")]).toEqual(["x", "", ""]);
  });
});

describe("readFormationTable", () => {
  const header = ["Kode Wilayah", "Jenis", "Nomor", "Tanggal", "Penerbit"];
  it("reads rows by their headers, numbering each by its line and skipping blank lines", () => {
    expect(readFormationTable([header, ["32.75", "Perwali", "1/2019", "2019-05-01", ""], ["", "", "", "", ""], ["33.74", "perwali", "2/2019", "2019-06-01", "Wali Kota"]])).toEqual([
      { row: 2, regionCode: "32.75", type: "Perwali", number: "1/2019", issuedOn: "2019-05-01", issuer: null },
      { row: 4, regionCode: "33.74", type: "perwali", number: "2/2019", issuedOn: "2019-06-01", issuer: "Wali Kota" },
    ]);
  });
  it("takes the columns in any order and without the optional issuer", () => {
    expect(readFormationTable([["date", "number", "type", "code"], ["2019-05-01", "1/2019", "perwali", "32.75"]])).toEqual([
      { row: 2, regionCode: "32.75", type: "perwali", number: "1/2019", issuedOn: "2019-05-01", issuer: null },
    ]);
  });
  it("refuses an empty table", () => {
    expect(reason(() => readFormationTable([]))).toEqual(["IMPORT_FILE_INVALID", { reason: "empty" }]);
  });
  it("names the missing columns by the template's headers", () => {
    expect(reason(() => readFormationTable([["kode", "nomor"]]))).toEqual(["IMPORT_FILE_INVALID", { reason: "missing_columns", columns: "jenis, tanggal" }]);
  });
  it("takes the most rows allowed and refuses one more", () => {
    const row = ["32.75", "perwali", "1/2019", "2019-05-01"];
    const head = ["kode", "jenis", "nomor", "tanggal"];
    expect(readFormationTable([head, ...Array.from({ length: IMPORT_MAX_ROWS }, () => row)])).toHaveLength(IMPORT_MAX_ROWS);
    expect(reason(() => readFormationTable([head, ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, () => row)]))).toEqual(["IMPORT_FILE_INVALID", { reason: "too_many_rows", max: IMPORT_MAX_ROWS }]);
  });
});
