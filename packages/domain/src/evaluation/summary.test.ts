import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreTaskForce } from "./score.ts";
import type { EvaluationInputs } from "./score.ts";
import { DEFAULT_EVALUATION_SETTINGS, EVALUATION_PARTS } from "./settings.ts";
import { histogram, median, quantileOfSorted, raiseOptions, spreadOf } from "./summary.ts";

const numbers = fc.array(fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0), { maxLength: 40 });

describe("median and quartiles (R type 7)", () => {
  it("are null for no values", () => {
    expect(median([])).toBeNull();
    expect(spreadOf([])).toEqual({ min: null, q1: null, median: null, q3: null, max: null });
  });

  it("are the value itself for one value", () => {
    expect(spreadOf([42])).toEqual({ min: 42, q1: 42, median: 42, q3: 42, max: 42 });
  });

  it("are that value when all values are equal", () => {
    expect(spreadOf([7, 7, 7, 7])).toEqual({ min: 7, q1: 7, median: 7, q3: 7, max: 7 });
  });

  it("interpolate between the order statistics as R's quantile() does by default", () => {
    // R: quantile(c(1, 2, 3, 4)) gives 1.00 1.75 2.50 3.25 4.00.
    expect(spreadOf([4, 1, 3, 2])).toEqual({ min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4 });
    // R: quantile(c(10, 20, 30, 40, 100), 0.9) gives 76.
    expect(quantileOfSorted([10, 20, 30, 40, 100], 0.9)).toBeCloseTo(76, 10);
    expect(median([5, 1, 3])).toBe(3);
  });

  it("keep min ≤ q1 ≤ median ≤ q3 ≤ max, within the values' range, whatever their order", () => {
    fc.assert(
      fc.property(numbers, (values) => {
        const s = spreadOf(values);
        if (values.length === 0) {
          expect(s.median).toBeNull();
          return;
        }
        expect(s.min).toBe(Math.min(...values));
        expect(s.max).toBe(Math.max(...values));
        expect(s.min! <= s.q1! && s.q1! <= s.median! && s.median! <= s.q3! && s.q3! <= s.max!).toBe(true);
        expect(spreadOf([...values].reverse())).toEqual(s);
      }),
    );
  });
});

describe("histogram", () => {
  it("has ten empty bins of width 10 for no values", () => {
    const bins = histogram([]);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ from: 0, to: 10, count: 0 });
    expect(bins[9]).toEqual({ from: 90, to: 100, count: 0 });
  });

  it("puts a bound in the bin it opens, and 100 in the last", () => {
    const bins = histogram([0, 9.99, 10, 50, 99.9, 100]);
    expect(bins.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
  });

  it("counts every value once", () => {
    fc.assert(fc.property(numbers, (values) => {
        expect(histogram(values).reduce((s, b) => s + b.count, 0)).toBe(values.length);
      }));
  });
});

const inputs = (over: Partial<EvaluationInputs> = {}): EvaluationInputs => ({
  year: 2026,
  readiness: { instrumentInForce: true, coordinators: 3, radRecorded: null, dedicatedBudgetLine: false },
  commitment: { budget: [{ source: "APBD", allocated: 100, spent: 50 }], regionTotalBudget: null, meetings: 4 },
  delivery: { items: [{ id: 1, code: "I.1", subTaskForce: "prevention", targetMode: "per_year", targets: [{ year: 2026, value: 10 }], realisations: [{ year: 2026, value: 5 }] }] },
  discipline: { report: { status: "submitted", onTime: true } },
  ...over,
});

describe("raiseOptions", () => {
  const weights = DEFAULT_EVALUATION_SETTINGS.weights;

  it("lists the largest gain first: a half-met item weighs delivery's 0.4 × 50", () => {
    const options = raiseOptions(scoreTaskForce(inputs(), DEFAULT_EVALUATION_SETTINGS), weights, 5);
    expect(options[0]).toEqual({ part: "delivery", input: "I.1", gain: 0.4 * 50 });
    expect(options.map((o) => o.gain)).toEqual([...options.map((o) => o.gain)].sort((a, b) => b - a));
    expect(options.length).toBeLessThanOrEqual(5);
  });

  it("counts a missing input at its full worth: the RAD (25 points) over readiness's 50 + 25 known points", () => {
    const score = scoreTaskForce(inputs(), DEFAULT_EVALUATION_SETTINGS);
    // Readiness now: instrument 25 + 3/6 coordinators 12.5 + no line 0, of 75 → 50. With the RAD: 62.5 of 100 → 62.5.
    const rad = raiseOptions(score, weights, 20).find((o) => o.input === "radRecorded")!;
    expect(rad.gain).toBeCloseTo(0.2 * (62.5 - 50), 10);
  });

  it("offers nothing for a task force whose every input is full", () => {
    const full = inputs({
      readiness: { instrumentInForce: true, coordinators: 6, radRecorded: true, dedicatedBudgetLine: true },
      commitment: { budget: [{ source: "APBD", allocated: 100, spent: 100 }], regionTotalBudget: null, meetings: 4 },
      delivery: { items: [{ id: 1, code: "I.1", subTaskForce: "prevention", targetMode: "per_year", targets: [{ year: 2026, value: 10 }], realisations: [{ year: 2026, value: 10 }] }] },
      discipline: { report: { status: "approved", onTime: true } },
    });
    expect(raiseOptions(scoreTaskForce(full, DEFAULT_EVALUATION_SETTINGS), weights, 5)).toEqual([]);
  });

  it("never offers more than asked, and each gain is at most the part's weight × 100", () => {
    const ratio = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), ratio, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 10 }), (coordinators, spent, meetings, n) => {
        const score = scoreTaskForce(
          inputs({ readiness: { instrumentInForce: false, coordinators, radRecorded: null, dedicatedBudgetLine: null }, commitment: { budget: [{ source: "APBN", allocated: 10, spent: 10 * spent }], regionTotalBudget: null, meetings } }),
          DEFAULT_EVALUATION_SETTINGS,
        );
        const options = raiseOptions(score, weights, n);
        expect(options.length).toBeLessThanOrEqual(n);
        for (const o of options) expect(o.gain).toBeLessThanOrEqual(weights[o.part] * 100 + 1e-9);
        for (const o of options) expect(EVALUATION_PARTS).toContain(o.part);
      }),
    );
  });
});
