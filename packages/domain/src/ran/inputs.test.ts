import { describe, expect, it } from "vitest";
import { ImportFileNameSchema } from "./import.ts";
import { PeriodNumberSchema } from "./periods.ts";

const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe("PeriodNumberSchema", () => {
  it("takes 1 and 50, the bounds", () => {
    expect(PeriodNumberSchema.parse(1)).toBe(1);
    expect(PeriodNumberSchema.parse(50)).toBe(50);
  });

  it.each([[0], [51], [2.5], ["3"], [null]])("names no period for %j (PERIOD_NOT_FOUND)", (value) => {
    expect(messages(PeriodNumberSchema.safeParse(value))).toEqual(["PERIOD_NOT_FOUND"]);
  });
});

describe("ImportFileNameSchema", () => {
  it("trims a name and takes 1 to 200 characters", () => {
    expect(ImportFileNameSchema.parse(" rencana.csv ")).toBe("rencana.csv");
    expect(ImportFileNameSchema.safeParse("a").success).toBe(true);
    expect(ImportFileNameSchema.safeParse(`${"a".repeat(196)}.csv`).success).toBe(true);
    expect(messages(ImportFileNameSchema.safeParse(`${"a".repeat(197)}.csv`))).toEqual(["IMPORT_FILE_INVALID"]);
  });

  it("says FIELD_REQUIRED for an empty name and refuses a phone number in it", () => {
    expect(messages(ImportFileNameSchema.safeParse("   "))).toEqual(["FIELD_REQUIRED"]);
    expect(messages(ImportFileNameSchema.safeParse("rencana 0812-3456-7890.csv"))).toEqual(["PERSONAL_DATA_IN_TEXT"]);
  });
});
