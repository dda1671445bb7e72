import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom, drawWeights, formatRank, isBetter, rankWithBands } from "./ranking.ts";
import type { ScoredTaskForce } from "./ranking.ts";
import { totalOf } from "./score.ts";
import { DEFAULT_EVALUATION_SETTINGS, EVALUATION_PARTS } from "./settings.ts";

const settings = DEFAULT_EVALUATION_SETTINGS;
const parts = (readiness: number, commitment: number, delivery: number, discipline: number) => ({
  readiness: { score: readiness },
  commitment: { score: commitment },
  delivery: { score: delivery },
  discipline: { score: discipline },
});
const scored = (taskForceId: number, p: ReturnType<typeof parts>): ScoredTaskForce => ({
  taskForceId,
  parts: p,
  total: EVALUATION_PARTS.reduce((s, part) => s + settings.weights[part] * p[part].score, 0),
});

describe("createRandom", () => {
  it("gives the same numbers in [0, 1) for the same seed, and others for another seed", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createRandom(43)()).not.toBe(first[0]);
    const mean = first.reduce((s, x) => s + x, 0) / first.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it("gives mulberry32's published first value for seed 0 on every machine", () => {
    expect(createRandom(0)()).toBeCloseTo(0.26642920868471265, 15);
  });
});

describe("drawWeights", () => {
  it("moves each weight within ±spread of itself before renormalising, and always adds up to 1", () => {
    const random = createRandom(7);
    for (let i = 0; i < 200; i++) {
      const w = drawWeights(settings.weights, 0.5, random);
      expect(EVALUATION_PARTS.reduce((s, p) => s + w[p], 0)).toBeCloseTo(1, 12);
      // Renormalised, a weight can move at most from 0.5× to 1.5× against the others' 1.5× to 0.5×.
      for (const p of EVALUATION_PARTS) expect(w[p] / settings.weights[p]).toBeLessThan(3);
    }
  });

  it("keeps the weights when the spread is 0", () => {
    const w = drawWeights(settings.weights, 0, createRandom(1));
    for (const p of EVALUATION_PARTS) expect(w[p]).toBeCloseTo(settings.weights[p], 12);
  });
});

describe("rankWithBands", () => {
  it("ranks by total, the highest first, equal totals sharing a rank, and leaves those not rated out", () => {
    const list = [scored(1, parts(50, 50, 50, 50)), scored(2, parts(90, 90, 90, 90)), scored(3, parts(50, 50, 50, 50)), { taskForceId: 4, total: null, parts: parts(0, 0, 0, 0) }, scored(5, parts(10, 10, 10, 10))];
    const r = rankWithBands(list, settings);
    expect(r.ranked.map((x) => [x.taskForceId, x.rank])).toEqual([[2, 1], [1, 2], [3, 2], [5, 4]]);
    expect(r.notRated).toEqual([4]);
  });

  it("gives a task force ahead on every part a band of its rank alone, whatever the weights", () => {
    const r = rankWithBands([scored(1, parts(90, 90, 90, 90)), scored(2, parts(50, 60, 70, 80)), scored(3, parts(10, 20, 30, 40))], settings);
    expect(r.ranked.map((x) => [x.rank, x.best, x.worst])).toEqual([[1, 1, 1], [2, 2, 2], [3, 3, 3]]);
    expect(isBetter(r.ranked[0]!, r.ranked[1]!)).toBe(true);
    expect(isBetter(r.ranked[1]!, r.ranked[0]!)).toBe(false);
  });

  it("widens the bands of task forces whose order depends on the weights, and then calls neither better", () => {
    // Strong on delivery against strong on readiness and commitment: the order flips as the weights move.
    const r = rankWithBands([scored(1, parts(100, 100, 40, 60)), scored(2, parts(30, 30, 95, 60))], settings);
    const [a, b] = r.ranked;
    expect(a!.best).toBe(1);
    expect(b!.best).toBe(1);
    expect(a!.worst).toBe(2);
    expect(isBetter(a!, b!)).toBe(false);
    expect(isBetter(b!, a!)).toBe(false);
  });

  it("gives the same bands for the same seed, always holding each rank in its band", () => {
    const list = Array.from({ length: 40 }, (_, i) => scored(i + 1, parts((i * 37) % 101, (i * 53) % 101, (i * 71) % 101, (i * 13) % 101)));
    const a = rankWithBands(list, settings);
    expect(rankWithBands(list, settings)).toEqual(a);
    for (const x of a.ranked) {
      expect(x.best).toBeLessThanOrEqual(x.rank);
      expect(x.worst).toBeGreaterThanOrEqual(x.rank);
    }
    expect(a.ranked.some((x) => x.worst > x.best)).toBe(true);
  });

  it("has bands that hold the rank for random tables (property)", () => {
    const score = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(fc.array(fc.tuple(score, score, score, score), { minLength: 1, maxLength: 25 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (rows, seed) => {
        const list = rows.map(([a, b, c, d], i) => scored(i + 1, parts(a, b, c, d)));
        const s = { ...settings, sensitivity: { ...settings.sensitivity, draws: 50, seed } };
        const r = rankWithBands(list, s);
        expect(r.ranked).toHaveLength(rows.length);
        for (const x of r.ranked) expect(x.best <= x.rank && x.rank <= x.worst).toBe(true);
        expect(rankWithBands(list, s)).toEqual(r);
      }),
      { numRuns: 50 },
    );
  });

  it("gives the bands a plain reading of the method gives: draw, total, rank, take the 5th and 95th percentiles", () => {
    const list = Array.from({ length: 30 }, (_, i) => scored(i + 1, parts((i * 41) % 101, (i * 17) % 101, (i * 89) % 101, (i * 29) % 101)));
    const s = { ...settings, sensitivity: { spread: 0.5, draws: 200, seed: 99 } };
    const random = createRandom(s.sensitivity.seed);
    const rankOf = (totals: number[], i: number) => 1 + totals.filter((t) => t > totals[i]!).length;
    const drawn = list.map(() => [] as number[]);
    for (let d = 0; d < s.sensitivity.draws; d++) {
      const w = drawWeights(s.weights, s.sensitivity.spread, random);
      const totals = list.map((x) => totalOf(x.parts, w));
      list.forEach((_, i) => drawn[i]!.push(rankOf(totals, i)));
    }
    const base = list.map((x) => x.total!);
    const expected = list.map((x, i) => {
      const sorted = [...drawn[i]!].sort((a, b) => a - b);
      const rank = rankOf(base, i);
      return { taskForceId: x.taskForceId, rank, best: Math.min(rank, sorted[Math.ceil(0.05 * 200) - 1]!), worst: Math.max(rank, sorted[Math.ceil(0.95 * 200) - 1]!) };
    });
    const got = rankWithBands(list, s).ranked.map(({ taskForceId, rank, best, worst }) => ({ taskForceId, rank, best, worst }));
    expect(got).toEqual(expected.sort((a, b) => a.rank - b.rank || a.taskForceId - b.taskForceId));
  });

  it("ranks nobody when nobody is rated", () => {
    expect(rankWithBands([{ taskForceId: 9, total: null, parts: parts(0, 0, 0, 0) }], settings)).toEqual({ ranked: [], notRated: [9] });
  });
});

describe("isBetter", () => {
  it("calls a better only when its whole band lies above b's, touching bands overlap", () => {
    expect(isBetter({ best: 1, worst: 3 }, { best: 4, worst: 6 })).toBe(true);
    expect(isBetter({ best: 1, worst: 4 }, { best: 4, worst: 6 })).toBe(false);
    expect(isBetter({ best: 4, worst: 6 }, { best: 1, worst: 3 })).toBe(false);
  });
});

describe("formatRank", () => {
  it("writes a rank with its band in English, with 11th, 12th and 13th, 21st, 22nd and 23rd", () => {
    expect(formatRank({ rank: 12, best: 9, worst: 15 }, "en")).toBe("12th (9th–15th)");
    expect(formatRank({ rank: 1, best: 1, worst: 3 }, "en")).toBe("1st (1st–3rd)");
    expect(formatRank({ rank: 11, best: 11, worst: 13 }, "en")).toBe("11th (11th–13th)");
    expect(formatRank({ rank: 22, best: 21, worst: 23 }, "en")).toBe("22nd (21st–23rd)");
    expect(formatRank({ rank: 112, best: 101, worst: 113 }, "en")).toBe("112th (101st–113th)");
  });

  it("writes it in Indonesian, and leaves the band out when it is the rank alone", () => {
    expect(formatRank({ rank: 12, best: 9, worst: 15 }, "id")).toBe("ke-12 (ke-9–ke-15)");
    expect(formatRank({ rank: 2, best: 2, worst: 2 }, "en")).toBe("2nd");
    expect(formatRank({ rank: 2, best: 2, worst: 2 }, "id")).toBe("ke-2");
  });
});
