import { describe, expect, it } from "vitest";
import { SUB_TASK_FORCE_CODES, getSubTaskForceNames } from "./sub-task-forces.ts";

describe("the names of the sub-task-forces, by code, in one language", () => {
  it("name every sub-task-force in Bahasa Indonesia, and no other code", () => {
    const names = getSubTaskForceNames("id");
    expect(Object.keys(names)).toEqual([...SUB_TASK_FORCE_CODES]);
    expect(names.law_enforcement).toBe("Penegakan Hukum");
    expect(names.social_rehab).toBe("Rehabilitasi Sosial, Pemulangan dan Reintegrasi Sosial");
  });

  it("name every sub-task-force in English, not in Indonesian", () => {
    const names = getSubTaskForceNames("en");
    expect(Object.keys(names)).toEqual([...SUB_TASK_FORCE_CODES]);
    expect(names.law_enforcement).toBe("Law enforcement");
    expect(names.prevention).toBe("Prevention and child participation");
  });

  it("give a distinct, non-empty name to each of the six in both languages", () => {
    for (const language of ["id", "en"] as const) {
      const values = Object.values(getSubTaskForceNames(language));
      expect(new Set(values).size, language).toBe(6);
      for (const value of values) expect(value.trim(), language).not.toBe("");
    }
  });

  it("return a fresh object each time, so a caller cannot change the names another one reads", () => {
    const first = getSubTaskForceNames("en");
    first.prevention = "changed";
    expect(getSubTaskForceNames("en").prevention).toBe("Prevention and child participation");
  });
});
