import { describe, expect, it } from "vitest";
import { SUB_TASK_FORCES, SUB_TASK_FORCE_CODES, SubTaskForceCodeSchema, getSubTaskForce } from "./sub-task-forces.ts";

describe("the six sub-task-forces", () => {
  it("are six, in the evaluation order of the 2018 article, with unique codes", () => {
    expect(SUB_TASK_FORCE_CODES).toEqual(["prevention", "health_rehab", "social_rehab", "legal_norms", "law_enforcement", "coordination"]);
    expect(new Set(SUB_TASK_FORCES.map((s) => s.numeral)).size).toBe(6);
  });

  it("carry Indonesian and English names", () => {
    expect(getSubTaskForce("law_enforcement")).toMatchObject({ nameId: "Penegakan Hukum", nameEn: "Law enforcement" });
  });

  it("refuses an unknown code with SUB_TASK_FORCE_INVALID, and an empty one as required", () => {
    expect(SubTaskForceCodeSchema.safeParse("budget").success).toBe(false);
    const key = (v: unknown) => SubTaskForceCodeSchema.safeParse(v).error?.issues.map((i) => i.message);
    expect(key("budget")).toEqual(["SUB_TASK_FORCE_INVALID"]);
    expect(key("I")).toEqual(["SUB_TASK_FORCE_INVALID"]);
    expect([key(""), key(undefined), key(null)]).toEqual([["FIELD_REQUIRED"], ["FIELD_REQUIRED"], ["FIELD_REQUIRED"]]);
  });

  it("finds each sub-task-force by its own code", () => {
    for (const s of SUB_TASK_FORCES) expect(getSubTaskForce(s.code)).toBe(s);
  });
});
