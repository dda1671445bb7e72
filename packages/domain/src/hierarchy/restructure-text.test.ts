import { describe, expect, it } from "vitest";
import { RestructurePlanSchema } from "./restructuring.ts";

const rename = { kind: "rename", effectiveDate: "2030-01-01", legalBasis: "PP 1/2029", code: "32.75", newName: "Kota Bekasi Raya" };
const first = (r: { error?: { issues: { message: string; path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => [i.path.join("."), i.message]);

describe("a restructuring plan's free text goes through the text rule", () => {
  it("reads a NUL in the new name and the legal basis as a space", () => {
    const plan = RestructurePlanSchema.parse({ ...rename, newName: "Kota\u0000Bekasi", legalBasis: "PP\u00001/2029" });
    expect(plan.kind === "rename" && [plan.newName, plan.legalBasis]).toEqual(["Kota Bekasi", "PP 1/2029"]);
  });
  it("refuses a phone number in the legal basis and an NIK in the name", () => {
    expect(first(RestructurePlanSchema.safeParse({ ...rename, legalBasis: "hubungi 0812-3456-7890" }))).toEqual([["legalBasis", "PERSONAL_DATA_IN_TEXT"]]);
    expect(first(RestructurePlanSchema.safeParse({ ...rename, newName: "3275011234567890" }))).toEqual([["newName", "PERSONAL_DATA_IN_TEXT"]]);
  });
  it("says FIELD_REQUIRED for a legal basis of control characters only, and the field's code when one character long", () => {
    expect(first(RestructurePlanSchema.safeParse({ ...rename, legalBasis: "\u0000\u0000" }))).toEqual([["legalBasis", "FIELD_REQUIRED"]]);
    expect(first(RestructurePlanSchema.safeParse({ ...rename, newName: "K" }))).toEqual([["newName", "NAME_INVALID"]]);
    expect(first(RestructurePlanSchema.safeParse({ ...rename, legalBasis: "x".repeat(201) }))).toEqual([["legalBasis", "VALIDATION_FAILED"]]);
  });
});
