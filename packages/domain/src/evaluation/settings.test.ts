import { describe, expect, it } from "vitest";
import { DEFAULT_EVALUATION_SETTINGS, EvaluationSettingsSchema, EvaluationWeightsSchema, mayChangeEvaluationSettings } from "./settings.ts";

const issues = (value: unknown) => EvaluationSettingsSchema.safeParse(value).error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];

describe("EvaluationSettingsSchema", () => {
  it("accepts the default settings as they are", () => {
    expect(EvaluationSettingsSchema.parse(DEFAULT_EVALUATION_SETTINGS)).toEqual(DEFAULT_EVALUATION_SETTINGS);
  });

  it("refuses weights that do not add up to 1, at `weights`", () => {
    expect(issues({ ...DEFAULT_EVALUATION_SETTINGS, weights: { readiness: 0.3, commitment: 0.3, delivery: 0.3, discipline: 0.3 } })).toEqual([["weights", "VALIDATION_FAILED"]]);
  });

  it("accepts weights that add up to 1 but for the rounding of typed decimals (0.1 + 0.2 + 0.3 + 0.4)", () => {
    expect(EvaluationWeightsSchema.safeParse({ readiness: 0.1, commitment: 0.2, delivery: 0.3, discipline: 0.4 }).success).toBe(true);
  });

  it("refuses a negative weight, a cap below 1, a threshold above 1, a fractional number of draws and an unknown key", () => {
    expect(issues({ ...DEFAULT_EVALUATION_SETTINGS, weights: { readiness: -0.2, commitment: 0.45, delivery: 0.6, discipline: 0.15 } })[0]).toEqual(["weights.readiness", "VALIDATION_FAILED"]);
    expect(issues({ ...DEFAULT_EVALUATION_SETTINGS, achievementCap: 0.9 })).toEqual([["achievementCap", "VALIDATION_FAILED"]]);
    expect(issues({ ...DEFAULT_EVALUATION_SETTINGS, missingThreshold: 1.5 })).toEqual([["missingThreshold", "VALIDATION_FAILED"]]);
    expect(issues({ ...DEFAULT_EVALUATION_SETTINGS, sensitivity: { spread: 0.5, draws: 10.5, seed: 1 } })).toEqual([["sensitivity.draws", "VALIDATION_FAILED"]]);
    expect(issues({ ...DEFAULT_EVALUATION_SETTINGS, extra: 1 })[0]?.[1]).toBe("VALIDATION_FAILED");
  });

  it("puts the SDG Index's 20% rule and a ±50%, 1,000-draw sensitivity run in the defaults", () => {
    expect(DEFAULT_EVALUATION_SETTINGS.missingThreshold).toBe(0.2);
    expect(DEFAULT_EVALUATION_SETTINGS.sensitivity).toMatchObject({ spread: 0.5, draws: 1000 });
  });
});

describe("mayChangeEvaluationSettings", () => {
  it("lets a period's settings change until its first score is published, and freezes them from that day", () => {
    expect(mayChangeEvaluationSettings({ publishedAt: null })).toBe(true);
    expect(mayChangeEvaluationSettings({ publishedAt: "2027-03-01" })).toBe(false);
  });
});
