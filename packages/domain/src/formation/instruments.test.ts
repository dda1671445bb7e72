import { describe, expect, it } from "vitest";
import { checkInstrumentForTaskForce, InstrumentSchema, instrumentKey, instrumentNumberKey, matchRecordedInstrument } from "./instruments.ts";

describe("instrumentNumberKey: one instrument however its number is cased or spaced", () => {
  it("reads SK-ABC/2019 and sk-abc/2019 as the same number", () => {
    expect(instrumentNumberKey("SK-ABC/2019")).toBe(instrumentNumberKey("sk-abc/2019"));
  });
  it("ignores spaces and control characters around the number", () => {
    expect(instrumentNumberKey(" \u0000SK-ABC/2019\t")).toBe("sk-abc/2019");
  });
  it("keeps numbers that differ by a character apart", () => {
    expect(instrumentNumberKey("SK-ABC/2019")).not.toBe(instrumentNumberKey("SK-ABD/2019"));
    expect(instrumentNumberKey("1/2019")).not.toBe(instrumentNumberKey("1 /2019"));
  });
  it("folds letters beyond ASCII too", () => {
    expect(instrumentNumberKey("KEP-É/1")).toBe("kep-é/1");
  });
  it("keys by type as well: the same number of another type is another instrument", () => {
    expect(instrumentKey({ type: "perwali", number: "1/2019" })).not.toBe(instrumentKey({ type: "sk_walikota", number: "1/2019" }));
    expect(instrumentKey({ type: "perwali", number: "A/1" })).toBe(instrumentKey({ type: "perwali", number: "a/1" }));
  });
});

describe("matchRecordedInstrument", () => {
  const recorded = [
    { id: 1, type: "perwali" as const, number: "SK-ABC/2019", issuedOn: "2019-05-01" },
    { id: 2, type: "perwali" as const, number: "2/2020", issuedOn: "2020-01-01" },
  ];
  it("calls a new key new", () => {
    expect(matchRecordedInstrument({ type: "perwali", number: "3/2021", issuedOn: "2021-01-01" }, recorded)).toEqual({ verdict: "new", id: null });
  });
  it("calls the same key and date already present (an import run twice)", () => {
    expect(matchRecordedInstrument({ type: "perwali", number: "sk-abc/2019", issuedOn: "2019-05-01" }, recorded)).toEqual({ verdict: "already_present", id: 1 });
  });
  it("calls the same key on another date a duplicate", () => {
    expect(matchRecordedInstrument({ type: "perwali", number: "sk-abc/2019", issuedOn: "2019-05-02" }, recorded)).toEqual({ verdict: "duplicate", id: 1 });
  });
  it("calls any same key a duplicate in manual entry, even on the same date", () => {
    expect(matchRecordedInstrument({ type: "perwali", number: "sk-abc/2019", issuedOn: "2019-05-01" }, recorded, { exact: true })).toEqual({ verdict: "duplicate", id: 1 });
  });
  it("leaves out the record being edited", () => {
    expect(matchRecordedInstrument({ type: "perwali", number: "SK-abc/2019", issuedOn: "2019-05-01" }, recorded, { exact: true, exceptId: 1 })).toEqual({ verdict: "new", id: null });
    expect(matchRecordedInstrument({ type: "perwali", number: "2/2020", issuedOn: "2019-05-01" }, recorded, { exact: true, exceptId: 1 }).verdict).toBe("duplicate");
  });
});

describe("checkInstrumentForTaskForce", () => {
  const kota = { level: "regency" as const, kind: "kota" as const, today: "2026-11-28", existedOnIssueDate: true };
  it("accepts a fitting instrument dated today", () => {
    expect(checkInstrumentForTaskForce({ type: "perwali", issuedOn: "2026-11-28", revokedOn: "2026-11-28" }, kota)).toEqual([]);
  });
  it("refuses a type that does not fit the task force", () => {
    expect(checkInstrumentForTaskForce({ type: "perbup", issuedOn: "2020-01-01" }, kota)).toEqual([{ field: "type", code: "INSTRUMENT_TYPE_MISMATCH", details: { type: "perbup", level: "regency" } }]);
  });
  it("refuses an issue date one day after today, and a revocation one day after", () => {
    expect(checkInstrumentForTaskForce({ type: "perwali", issuedOn: "2026-11-29" }, kota).map((p) => [p.field, p.code])).toEqual([["issuedOn", "DATE_IN_FUTURE"]]);
    expect(checkInstrumentForTaskForce({ type: "perwali", issuedOn: "2020-01-01", revokedOn: "2026-11-29" }, kota).map((p) => [p.field, p.code])).toEqual([["revokedOn", "DATE_IN_FUTURE"]]);
  });
  it("refuses a date on which the task force did not exist, reported last", () => {
    expect(checkInstrumentForTaskForce({ type: "perbup", issuedOn: "2010-01-01" }, { ...kota, existedOnIssueDate: false }).map((p) => p.code)).toEqual(["INSTRUMENT_TYPE_MISMATCH", "REGION_NOT_AT_DATE"]);
  });
});

describe("the instrument form", () => {
  const base = { type: "perwali", number: "1/2019", issuedOn: "2019-05-01", issuer: "Wali Kota" };
  it("reads a NUL in the number or issuer as a space", () => {
    const v = InstrumentSchema.parse({ ...base, number: "1/\u00002019", issuer: "Wali\u0000Kota" });
    expect([v.number, v.issuer]).toEqual(["1/ 2019", "Wali Kota"]);
  });
  const refIssues = (documentRef: unknown) => InstrumentSchema.safeParse({ ...base, documentRef }).error?.issues.map((i) => i.message);
  it("puts the document reference through the text rule: a phone number or an NIK is refused, even inside a link", () => {
    expect(refIssues("hubungi 0812-3456-7890")).toEqual(["PERSONAL_DATA_IN_TEXT"]);
    expect(refIssues("NIK korban 3275010101010001 HP 081234567890")).toEqual(["PERSONAL_DATA_IN_TEXT"]);
    expect(refIssues("https://jdih.bekasikota.go.id/cari?nik=3275-0101-0101-0001")).toEqual(["PERSONAL_DATA_IN_TEXT"]);
  });
  it("takes a document reference only as an http(s) link, trimmed, or empty", () => {
    expect(InstrumentSchema.parse({ ...base, documentRef: " https://jdih.bekasikota.go.id/dokumen/perwali-12-2019.pdf " }).documentRef).toBe("https://jdih.bekasikota.go.id/dokumen/perwali-12-2019.pdf");
    expect(InstrumentSchema.parse({ ...base, documentRef: "HTTP://jdih.jabarprov.go.id/x" }).documentRef).toBe("HTTP://jdih.jabarprov.go.id/x");
    expect(InstrumentSchema.parse({ ...base, documentRef: "" }).documentRef).toBe("");
    expect(InstrumentSchema.parse({ ...base, documentRef: null }).documentRef).toBeNull();
  });
  it("refuses a document reference that is not an http(s) link: an archive number, javascript:, data:, ftp:, a link without a host or with spaces", () => {
    for (const ref of ["Arsip 12/2019", "JDIH\u0000/12", "javascript:alert(1)", "JavaScript://jdih.go.id/%0Aalert(1)", "data:text/html,hi", "ftp://jdih.go.id/x", "https://", "https:///path", "https://jdih go.id/x", "//jdih.go.id/x"]) {
      expect(refIssues(ref), ref).toEqual(["DOCUMENT_REF_INVALID"]);
    }
  });
  it("refuses a document reference of 301 characters and takes one of 300", () => {
    const link = (n: number) => `https://jdih.go.id/${"x".repeat(n - "https://jdih.go.id/".length)}`;
    expect(InstrumentSchema.parse({ ...base, documentRef: link(300) }).documentRef).toHaveLength(300);
    expect(refIssues(link(301))).toEqual(["DOCUMENT_REF_INVALID"]);
  });
});
