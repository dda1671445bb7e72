import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ReportContentSchema } from "../reports/content.ts";
import { REPORT_STATUSES } from "../reports/workflow.ts";
import { SUB_TASK_FORCE_CODES } from "../sub-task-forces.ts";
import { formatRank, isBetter, rankWithBands } from "./ranking.ts";
import { buildEvaluationInputs, scoreItem, scoreTaskForce, totalOf } from "./score.ts";
import type { DeliveryItemInput, EvaluationInputs, TaskForceScore } from "./score.ts";
import { DEFAULT_EVALUATION_SETTINGS, EVALUATION_PARTS } from "./settings.ts";
import type { EvaluationSettings } from "./settings.ts";

const settings = DEFAULT_EVALUATION_SETTINGS; // weights: readiness 0.2, commitment 0.25, delivery 0.4, discipline 0.15; cap 1
const YEAR = 2026;

const item = (code: string, subTaskForce: DeliveryItemInput["subTaskForce"], target: number, realised: number | null, id = code.length * 1000 + target): DeliveryItemInput => ({
  id,
  code,
  subTaskForce,
  targetMode: "per_year",
  targets: [{ year: YEAR, value: target }],
  realisations: realised === null ? [] : [{ year: YEAR, value: realised }],
});

/** Kota Bekasi (32.75): everything in place, a small budget against a large city budget, one item over its target. */
const KOTA_BEKASI: EvaluationInputs = {
  year: YEAR,
  readiness: { instrumentInForce: true, coordinators: 6, radRecorded: true, dedicatedBudgetLine: true },
  commitment: { budget: [{ source: "APBD", allocated: 500_000_000, spent: 400_000_000 }], regionTotalBudget: 6_000_000_000_000, meetings: 6 },
  delivery: {
    items: [
      item("PENC-01", "prevention", 10, 8),
      item("HUK-01", "law_enforcement", 4, 6),
      { id: 3, code: "KOOR-01", subTaskForce: "coordination", targetMode: "cumulative", targets: [{ year: 2025, value: 5 }, { year: YEAR, value: 12 }], realisations: [{ year: 2025, value: 5 }, { year: YEAR, value: 4 }] },
    ],
  },
  discipline: { report: { status: "approved", onTime: true } },
};

/** Kabupaten Merauke (93.01): half its coordinators, no RAD, no money, a late report not yet approved. */
const KABUPATEN_MERAUKE: EvaluationInputs = {
  year: YEAR,
  readiness: { instrumentInForce: true, coordinators: 3, radRecorded: false, dedicatedBudgetLine: false },
  commitment: { budget: [{ source: "APBD", allocated: 0, spent: 0 }], regionTotalBudget: null, meetings: 2 },
  delivery: { items: [item("PENC-01", "prevention", 10, 10), item("REH-01", "health_rehab", 20, 5)] },
  discipline: { report: { status: "submitted", onTime: false } },
};

/** Provinsi Jawa Barat (32): two sources of money, a dedicated line not reported, one item not reported. */
const PROVINSI_JAWA_BARAT: EvaluationInputs = {
  year: YEAR,
  readiness: { instrumentInForce: true, coordinators: 6, radRecorded: true, dedicatedBudgetLine: null },
  commitment: {
    budget: [
      { source: "APBD", allocated: 20_000_000_000, spent: 15_000_000_000 },
      { source: "APBN", allocated: 1_000_000_000, spent: 1_000_000_000 },
    ],
    regionTotalBudget: 35_000_000_000_000,
    meetings: 4,
  },
  delivery: {
    items: [
      item("PENC-01", "prevention", 100, 90),
      item("SOS-01", "social_rehab", 50, 50),
      item("NORM-01", "legal_norms", 2, 0),
      item("HUK-01", "law_enforcement", 30, 30),
      item("KOOR-01", "coordination", 12, null),
    ],
  },
  discipline: { report: { status: "approved", onTime: true } },
};

const scoresOf = (s: TaskForceScore) => Object.fromEntries(EVALUATION_PARTS.map((p) => [p, s.parts[p].score]));

describe("scoreTaskForce, by hand for three named task forces", () => {
  it("scores Kota Bekasi as the arithmetic written here", () => {
    // readiness: 25 + 25 (6 of 6 coordinators) + 25 + 25 = 100 of 100
    const readiness = 100;
    // commitment: budget share 5e8 / 6e12 = 0.0000833…, of the 0.1% that earns full points: 40 × 0.0833… = 3.333…;
    //             spent 4e8 / 5e8 = 0.8 → 30 × 0.8 = 24; 6 meetings ≥ 4 → 30. Sum 57.333… of 100
    const commitment = 40 * (500_000_000 / 6_000_000_000_000 / 0.001) + 30 * 0.8 + 30;
    // delivery: PENC-01 8/10 → 80; HUK-01 6/4 = 1.5, capped at 1 → 100; KOOR-01 cumulative (5 + 4)/12 = 0.75 → 75. Mean 85
    const delivery = (80 + 100 + 75) / 3;
    // discipline: submitted 40 + on time 30 + approved 30 = 100
    const discipline = 100;
    const total = 0.2 * readiness + 0.25 * commitment + 0.4 * delivery + 0.15 * discipline; // 20 + 14.333… + 34 + 15 = 83.333…
    const s = scoreTaskForce(KOTA_BEKASI, settings);
    expect(s.parts.readiness.score).toBeCloseTo(readiness, 9);
    expect(s.parts.commitment.score).toBeCloseTo(commitment, 9);
    expect(commitment).toBeCloseTo(57.3333, 4);
    expect(s.parts.delivery.score).toBeCloseTo(delivery, 9);
    expect(s.parts.discipline.score).toBeCloseTo(discipline, 9);
    expect(s.total).toBeCloseTo(total, 9);
    expect(total).toBeCloseTo(83.3333, 4);
    expect(s).toMatchObject({ rated: true, missingShare: 0, missing: [], provisional: false });
    expect(s.parts.commitment.inputs.map((i) => i.name)).toEqual(["budgetShare", "shareSpent", "meetings"]);
    expect(s.parts.delivery.subTaskForces.find((x) => x.subTaskForce === "law_enforcement")!.score).toBe(100);
    expect(s.parts.delivery.subTaskForces.find((x) => x.subTaskForce === "health_rehab")!.score).toBeNull();
  });

  it("scores Kabupaten Merauke as the arithmetic written here: no region budget, so any allocation above 0 earns the budget's points, and 0 earns none", () => {
    // readiness: 25 + 25 × 3/6 = 12.5 + 0 + 0 = 37.5
    const readiness = 25 + 25 * (3 / 6);
    // commitment: allocated 0 → 0; spent 0 of 0 → 0; 2 meetings of 4 → 15. Sum 15
    const commitment = 0 + 0 + 30 * (2 / 4);
    // delivery: PENC-01 10/10 → 100; REH-01 5/20 → 25. Mean 62.5
    const delivery = (100 + 25) / 2;
    // discipline: submitted 40, late 0, not approved 0 = 40
    const discipline = 40;
    const total = 0.2 * readiness + 0.25 * commitment + 0.4 * delivery + 0.15 * discipline; // 7.5 + 3.75 + 25 + 6 = 42.25
    const s = scoreTaskForce(KABUPATEN_MERAUKE, settings);
    expect(scoresOf(s)).toEqual({ readiness, commitment, delivery, discipline });
    expect(s.total).toBeCloseTo(42.25, 9);
    expect(s.total).toBeCloseTo(total, 9);
    expect(s).toMatchObject({ rated: true, missing: [], provisional: true });
    expect(s.parts.commitment.inputs[0]).toEqual({ name: "budgetAllocated", value: 0, points: 0, max: 40, missing: false });
  });

  it("scores Provinsi Jawa Barat as the arithmetic written here: two missing inputs of 15 (13.3%) still give a total, each part over the inputs it has", () => {
    // readiness: the dedicated line is not reported (missing: 0 of 0), so 75 of 75 = 100
    const readiness = (100 * 75) / 75;
    // commitment: share (2e10 + 1e9) / 3.5e13 = 0.0006, 0.6 of the 0.1% that earns full points → 40 × 0.6 = 24;
    //             spent 1.6e10 / 2.1e10 = 0.7619… → 30 × 0.7619… = 22.857…; 4 meetings → 30. Sum 76.857…
    const commitment = 40 * (21_000_000_000 / 35_000_000_000_000 / 0.001) + 30 * (16_000_000_000 / 21_000_000_000) + 30;
    // delivery: 90, 100, 0 (no regulation of the 2 targeted), 100; KOOR-01 not reported (missing). Mean of four: 72.5
    const delivery = (90 + 100 + 0 + 100) / 4;
    const discipline = 100;
    const total = 0.2 * readiness + 0.25 * commitment + 0.4 * delivery + 0.15 * discipline; // 20 + 19.214 + 29 + 15 = 83.214
    const s = scoreTaskForce(PROVINSI_JAWA_BARAT, settings);
    expect(s.parts.readiness.score).toBeCloseTo(readiness, 9);
    expect(s.parts.commitment.score).toBeCloseTo(commitment, 9);
    expect(commitment).toBeCloseTo(76.8571, 4);
    expect(s.parts.delivery.score).toBeCloseTo(delivery, 9);
    expect(s.parts.discipline.score).toBe(discipline);
    expect(s.total).toBeCloseTo(total, 9);
    expect(total).toBeCloseTo(83.2143, 4);
    expect(s.missingShare).toBeCloseTo(2 / 15, 12);
    expect(s).toMatchObject({ rated: true, missing: ["readiness.dedicatedBudgetLine", "delivery.KOOR-01"], provisional: false });
    expect(s.parts.commitment.bySource).toEqual([
      { source: "APBN", allocated: 1_000_000_000, spent: 1_000_000_000 },
      { source: "APBD", allocated: 20_000_000_000, spent: 15_000_000_000 },
    ]);
  });

  it("reproduces each total from the parts' scores and the weights, as a scorecard shows them", () => {
    for (const inputs of [KOTA_BEKASI, KABUPATEN_MERAUKE, PROVINSI_JAWA_BARAT]) {
      const s = scoreTaskForce(inputs, settings);
      const sum = EVALUATION_PARTS.reduce((acc, p) => acc + settings.weights[p] * s.parts[p].score!, 0);
      expect(s.total).toBeCloseTo(sum, 12);
      for (const p of EVALUATION_PARTS) {
        const part = s.parts[p];
        const max = part.inputs.reduce((a, i) => a + i.max, 0);
        expect(part.score).toBeCloseTo((100 * part.inputs.reduce((a, i) => a + i.points, 0)) / max, 12);
      }
    }
  });

  it("changes the totals, not the inputs nor the parts' scores, when a draft period's weights change", () => {
    const other: EvaluationSettings = { ...settings, weights: { readiness: 0.1, commitment: 0.1, delivery: 0.6, discipline: 0.2 } };
    for (const inputs of [KOTA_BEKASI, KABUPATEN_MERAUKE, PROVINSI_JAWA_BARAT]) {
      const a = scoreTaskForce(inputs, settings);
      const b = scoreTaskForce(inputs, other);
      expect(b.parts).toEqual(a.parts);
      expect(b.total).not.toBeCloseTo(a.total!, 3);
    }
    // Merauke: 0.1 × 37.5 + 0.1 × 15 + 0.6 × 62.5 + 0.2 × 40 = 3.75 + 1.5 + 37.5 + 8 = 50.75
    expect(scoreTaskForce(KABUPATEN_MERAUKE, other).total).toBeCloseTo(50.75, 9);
  });
});

describe("the three named task forces ranked", () => {
  it("puts Kota Bekasi (83.33) a hair above Provinsi Jawa Barat (83.21) with overlapping bands, so neither is called better, and both above Kabupaten Merauke (42.25)", () => {
    const list = [KOTA_BEKASI, KABUPATEN_MERAUKE, PROVINSI_JAWA_BARAT].map((inputs, i) => ({ taskForceId: i + 1, ...scoreTaskForce(inputs, settings) }));
    const { ranked } = rankWithBands(list, settings);
    expect(ranked.map((r) => [r.taskForceId, formatRank(r, "en")])).toEqual([[1, "1st (1st–2nd)"], [3, "2nd (1st–2nd)"], [2, "3rd"]]);
    expect(isBetter(ranked[0]!, ranked[1]!)).toBe(false);
    expect(isBetter(ranked[1]!, ranked[2]!)).toBe(true);
  });
});

describe("missing is never zero", () => {
  const noReport = buildEvaluationInputs({
    year: YEAR,
    records: { instrumentInForce: true, coordinators: 6, radRecorded: true },
    report: null,
    items: KOTA_BEKASI.delivery.items.map(({ realisations: _, ...rest }) => rest),
  });

  it("leaves a task force without a report not rated, not 0: discipline is a real 0, the parts its content feeds are missing", () => {
    const s = scoreTaskForce(noReport, settings);
    expect(s.total).toBeNull();
    expect(s.rated).toBe(false);
    expect(s.parts.discipline.score).toBe(0);
    expect(s.parts.discipline.inputs.every((i) => !i.missing)).toBe(true);
    expect(s.parts.commitment.score).toBeNull();
    expect(s.parts.delivery.score).toBeNull();
    expect(s.parts.readiness.score).toBe(100); // three records of 75 points, the dedicated line missing
    expect(s.missing).toEqual(["readiness.dedicatedBudgetLine", "commitment.budgetAllocated", "commitment.shareSpent", "commitment.meetings", "delivery.PENC-01", "delivery.HUK-01", "delivery.KOOR-01"]);
    expect(s.missingShare).toBeCloseTo(7 / 13, 12);
    expect(s.provisional).toBe(true);
  });

  it("treats a draft report as none: its content feeds nothing and discipline counts it not submitted", () => {
    const content = ReportContentSchema.parse({ coordination: { meetings: 9 }, budget: { dedicatedLine: true, lines: [{ source: "APBD", allocated: 1, spent: 1 }] } });
    const draft = buildEvaluationInputs({ year: YEAR, records: noReport.readiness, report: { status: "draft", onTime: null, content }, items: [] });
    expect(draft.commitment).toEqual({ budget: [], regionTotalBudget: null, meetings: null });
    expect(draft.readiness.dedicatedBudgetLine).toBeNull();
    expect(scoreTaskForce(draft, settings).parts.discipline.score).toBe(0);
  });

  it("gives a part without any input no score (null), and then no total, naming the part as missing", () => {
    const s = scoreTaskForce({ ...KOTA_BEKASI, delivery: { items: [] } }, settings);
    expect(s.parts.delivery).toMatchObject({ score: null, inputs: [] });
    expect(s.parts.delivery.subTaskForces.every((x) => x.score === null)).toBe(true);
    expect(s.missingShare).toBe(0);
    expect(s).toMatchObject({ total: null, rated: false, missing: ["delivery"] });
  });

  it("gives a part whose inputs are all missing no score either", () => {
    const s = scoreTaskForce({ ...KOTA_BEKASI, readiness: { instrumentInForce: null, coordinators: null, radRecorded: null, dedicatedBudgetLine: null } }, settings);
    expect(s.parts.readiness.score).toBeNull();
    expect(s.total).toBeNull();
  });

  it("rates a task force missing exactly the threshold's share of its inputs, and not one missing more", () => {
    // 4 readiness + 3 commitment + 5 items + 3 discipline = 15 inputs; 20% of 15 is 3 (RAD, dedicated line, item E).
    const items = [item("A", "prevention", 1, 1), item("B", "prevention", 1, 1), item("C", "prevention", 1, 1), item("D", "prevention", 1, 1), item("E", "prevention", 1, null)];
    const base: EvaluationInputs = { ...KOTA_BEKASI, readiness: { ...KOTA_BEKASI.readiness, dedicatedBudgetLine: null, radRecorded: null }, delivery: { items } };
    const atThreshold = scoreTaskForce(base, settings); // 3 of 15 missing = 0.2
    expect(atThreshold.missingShare).toBeCloseTo(0.2, 12);
    expect(atThreshold.rated).toBe(true);
    const over = scoreTaskForce({ ...base, commitment: { ...base.commitment, meetings: null } }, settings); // 4 of 15
    expect(over).toMatchObject({ rated: false, total: null });
    expect(over.missing).toContain("commitment.meetings");
  });

  it("counts a blank amount in any budget line as the budget not reported, and no line at all too", () => {
    const blank = scoreTaskForce({ ...KOTA_BEKASI, commitment: { ...KOTA_BEKASI.commitment, budget: [{ source: "APBD", allocated: 5, spent: null }] } }, settings);
    expect(blank.missing).toEqual(["commitment.shareSpent"]);
    const none = scoreTaskForce({ ...KOTA_BEKASI, commitment: { ...KOTA_BEKASI.commitment, budget: [] } }, settings);
    expect(none.missing).toEqual(["commitment.budgetShare", "commitment.shareSpent"]);
  });

  it("leaves out of delivery an item without a target in the year or with a target of 0: nothing to measure, not missing", () => {
    const s = scoreTaskForce({ ...KOTA_BEKASI, delivery: { items: [...KOTA_BEKASI.delivery.items, item("ZERO", "prevention", 0, 3), { ...item("LATER", "prevention", 5, null), targets: [{ year: 2027, value: 5 }] }] } }, settings);
    expect(s.parts.delivery.inputs.map((i) => i.name)).toEqual(["PENC-01", "HUK-01", "KOOR-01"]);
  });
});

describe("the cap on an item's achievement", () => {
  it("keeps one over-achieved item from hiding another one missed: ten times the target earns 100, not 1000", () => {
    const s = scoreTaskForce({ ...KOTA_BEKASI, delivery: { items: [item("BIG", "prevention", 10, 100), item("NONE", "prevention", 10, 0)] } }, settings);
    expect(s.parts.delivery.score).toBe(50);
    expect(s.parts.delivery.inputs[0]).toMatchObject({ value: 10, points: 100, max: 100 });
  });

  it("with a cap of 1.2, gives full points at 120% of the target and 83.3 for meeting it", () => {
    expect(scoreItem(item("A", "prevention", 10, 12), YEAR, 1.2).points).toBeCloseTo(100, 12);
    expect(scoreItem(item("A", "prevention", 10, 20), YEAR, 1.2).points).toBeCloseTo(100, 12);
    expect(scoreItem(item("A", "prevention", 10, 10), YEAR, 1.2).points).toBeCloseTo(100 / 1.2, 12);
  });

  it("never gives an item fewer than 0 points, even for a realisation below 0", () => {
    expect(scoreItem(item("A", "prevention", 10, -5), YEAR, 1).points).toBe(0);
  });
});

describe("buildEvaluationInputs", () => {
  it("reads the budget, the dedicated line, the meetings and the realisations of a submitted report, and adds earlier years for cumulative items", () => {
    const content = ReportContentSchema.parse({
      coordination: { meetings: 3 },
      budget: { dedicatedLine: true, regionTotalBudget: 1e12, lines: [{ source: "APBD", allocated: 100, spent: 50, note: "x" }] },
      realisations: [{ actionItemId: 3, value: 4 }, { actionItemId: 1, value: null }],
    });
    const items = KOTA_BEKASI.delivery.items.map(({ realisations: _, ...rest }) => rest);
    const built = buildEvaluationInputs({ year: YEAR, records: { instrumentInForce: true, coordinators: 2, radRecorded: false }, report: { status: "returned", onTime: true, content }, items, earlierRealisations: [{ actionItemId: 3, year: 2025, value: 5 }, { actionItemId: 3, year: YEAR, value: 99 }] });
    expect(built.readiness).toEqual({ instrumentInForce: true, coordinators: 2, radRecorded: false, dedicatedBudgetLine: true });
    expect(built.commitment).toEqual({ budget: [{ source: "APBD", allocated: 100, spent: 50 }], regionTotalBudget: 1e12, meetings: 3 });
    expect(built.delivery.items.find((i) => i.id === 3)!.realisations).toEqual([{ year: 2025, value: 5 }, { year: YEAR, value: 4 }]);
    expect(built.discipline.report).toEqual({ status: "returned", onTime: true });
    expect(scoreTaskForce(built, settings).parts.delivery.inputs.find((i) => i.name === "KOOR-01")!.value).toBe(0.75);
  });
});

const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const itemArb = fc.record({
  target: fc.integer({ min: 1, max: 1000 }),
  realised: nullable(fc.integer({ min: 0, max: 5000 })),
  subTaskForce: fc.constantFrom(...SUB_TASK_FORCE_CODES),
});
const inputsArb = fc.record({
  readiness: fc.record({ instrumentInForce: nullable(fc.boolean()), coordinators: nullable(fc.integer({ min: 0, max: 6 })), radRecorded: nullable(fc.boolean()), dedicatedBudgetLine: nullable(fc.boolean()) }),
  lines: fc.array(fc.record({ source: fc.constantFrom("APBN" as const, "APBD" as const, "other" as const), allocated: nullable(fc.integer({ min: 0, max: 1e12 })), spent: nullable(fc.integer({ min: 0, max: 2e12 })) }), { maxLength: 3 }),
  regionTotalBudget: nullable(fc.integer({ min: 0, max: 1e14 })),
  meetings: nullable(fc.integer({ min: 0, max: 50 })),
  items: fc.array(itemArb, { maxLength: 12 }),
  report: nullable(fc.record({ status: fc.constantFrom(...REPORT_STATUSES), onTime: nullable(fc.boolean()) })),
  weights: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true })),
  cap: fc.double({ min: 1, max: 3, noNaN: true }),
});
type Drawn = typeof inputsArb extends fc.Arbitrary<infer T> ? T : never;
const toInputs = (d: Drawn): EvaluationInputs => ({
  year: YEAR,
  readiness: d.readiness,
  commitment: { budget: d.lines, regionTotalBudget: d.regionTotalBudget, meetings: d.meetings },
  delivery: { items: d.items.map((x, i) => item(`I-${i}`, x.subTaskForce, x.target, x.realised, i + 1)) },
  discipline: { report: d.report },
});
const toSettings = (d: Drawn): EvaluationSettings => {
  const sum = d.weights.reduce((a, b) => a + b, 0);
  const [readiness, commitment, delivery, discipline] = d.weights.map((w) => w / sum) as [number, number, number, number];
  return { ...settings, achievementCap: d.cap, weights: { readiness, commitment, delivery, discipline } };
};

describe("properties of scoreTaskForce", () => {
  it("gives a total within 0..100 or none, every part within 0..100 or null, and a total only when rated", () => {
    fc.assert(
      fc.property(inputsArb, (d) => {
        const s = scoreTaskForce(toInputs(d), toSettings(d));
        expect(s.total === null || (s.total >= 0 && s.total <= 100)).toBe(true);
        expect(s.rated).toBe(s.total !== null);
        for (const p of EVALUATION_PARTS) {
          const score = s.parts[p].score;
          expect(score === null || (score >= 0 && score <= 100 + 1e-9)).toBe(true);
        }
        if (s.total !== null) expect(s.total).toBeCloseTo(totalOf(s.parts, toSettings(d).weights), 9);
        expect(s.missingShare > settings.missingThreshold ? s.total : "any").toBe(s.missingShare > settings.missingThreshold ? null : "any");
      }),
    );
  });

  it("never lowers delivery when one realised value rises", () => {
    fc.assert(
      fc.property(inputsArb, fc.nat(), fc.integer({ min: 1, max: 5000 }), (d, pick, rise) => {
        fc.pre(d.items.some((x) => x.realised !== null));
        const reported = d.items.map((x, i) => [x, i] as const).filter(([x]) => x.realised !== null);
        const [, index] = reported[pick % reported.length]!;
        const raised = { ...d, items: d.items.map((x, i) => (i === index ? { ...x, realised: x.realised! + rise } : x)) };
        const before = scoreTaskForce(toInputs(d), toSettings(d)).parts.delivery.score!;
        const after = scoreTaskForce(toInputs(raised), toSettings(d)).parts.delivery.score!;
        expect(after).toBeGreaterThanOrEqual(before - 1e-9);
      }),
    );
  });
});
