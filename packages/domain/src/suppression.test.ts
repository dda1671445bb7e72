import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  displayCount,
  isSmallCount,
  isSuppressed,
  SMALL_COUNT_THRESHOLD,
  SUPPRESSED,
  SUPPRESSED_LABEL,
  suppressList,
  suppressTable,
} from "./suppression.ts";
import type { PublishedCount, SuppressedTable } from "./suppression.ts";

/**
 * The attacker's view, written apart from the module: the extended table (cells, row totals in an
 * extra column, column totals in an extra row, the grand total in the corner) with every figure known
 * or hidden, and what each hidden figure can be over the non-negative integer solutions that agree
 * with the visible figures.
 */
type Figure = { r: number; c: number; value: number; hidden: boolean };

/** The figures of the extended table, row totals in column `columns`, column totals in row `rows`; nulls left out. */
function extendedFigures(cells: (number | null)[][]): Figure[] {
  const rows = cells.length;
  const columns = cells[0]!.length;
  const sum = (values: (number | null)[]): number | null =>
    values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null;
  const rowTotals = cells.map(sum);
  const columnTotals = Array.from({ length: columns }, (_, c) => sum(cells.map((row) => row[c]!)));
  const all: [number, number, number | null][] = [
    ...cells.flatMap((row, r) => row.map((v, c) => [r, c, v] as [number, number, number | null])),
    ...rowTotals.map((v, r) => [r, columns, v] as [number, number, number | null]),
    ...columnTotals.map((v, c) => [rows, c, v] as [number, number, number | null]),
    [rows, columns, sum(rowTotals)],
  ];
  return all.filter(([, , v]) => v !== null).map(([r, c, v]) => ({ r, c, value: v!, hidden: false }));
}

/** The figures with what the published table hides; checks that every shown figure is the true one. */
function figuresOf(cells: (number | null)[][], published: SuppressedTable): Figure[] {
  const rows = cells.length;
  const columns = cells[0]!.length;
  const shownAt = (r: number, c: number): PublishedCount =>
    r < rows && c < columns ? published.cells[r]![c]! : r < rows ? published.rowTotals[r]! : c < columns ? published.columnTotals[c]! : published.grandTotal;
  const figures = extendedFigures(cells);
  for (const f of figures) {
    const shown = shownAt(f.r, f.c);
    expect(shown === f.value || isSuppressed(shown)).toBe(true);
    f.hidden = isSuppressed(shown);
  }
  cells.forEach((row, r) => row.forEach((v, c) => v === null && expect(published.cells[r]![c]).toBeNull()));
  return figures;
}

const UNBOUNDED = 1e9;

/** Maximum flow (Edmonds–Karp) from s to t over a capacity matrix; capacities at UNBOUNDED are infinite. */
function maxFlow(capacity: number[][], s: number, t: number): number {
  const n = capacity.length;
  const residual = capacity.map((row) => [...row]);
  let flow = 0;
  for (;;) {
    const parent = new Array<number>(n).fill(-1);
    parent[s] = s;
    const queue = [s];
    while (queue.length > 0 && parent[t] === -1) {
      const u = queue.shift()!;
      for (let v = 0; v < n; v += 1) {
        if (parent[v] === -1 && residual[u]![v]! > 0) {
          parent[v] = u;
          queue.push(v);
        }
      }
    }
    if (parent[t] === -1) return flow;
    let push = Infinity;
    for (let v = t; v !== s; v = parent[v]!) push = Math.min(push, residual[parent[v]!]![v]!);
    if (push >= UNBOUNDED) return UNBOUNDED;
    for (let v = t; v !== s; v = parent[v]!) {
      residual[parent[v]!]![v]! -= push;
      residual[v]![parent[v]!]! += push;
    }
    flow += push;
    if (flow >= UNBOUNDED) return UNBOUNDED;
  }
}

/**
 * The range of each hidden figure over the non-negative integer solutions. Every line of the extended
 * table balances once the totals are negated (a row's cells minus its total is 0, and so on), so a
 * change to the hidden figures is a circulation on the graph rows → columns whose edges are the hidden
 * figures; the constraint matrix is a network matrix, so the extremes are integers and the largest
 * change of one figure is a maximum flow between its two ends through the others. Cross-checked below
 * against brute-force enumeration.
 */
function hiddenRanges(figures: Figure[], rows: number, columns: number): { figure: Figure; min: number; max: number }[] {
  const nodes = rows + 1 + columns + 1;
  const col = (c: number): number => rows + 1 + c;
  const signOf = (f: Figure): 1 | -1 => ((f.r === rows) !== (f.c === columns) ? -1 : 1);
  const hidden = figures.filter((f) => f.hidden);
  return hidden.map((figure) => {
    const capacity = Array.from({ length: nodes }, () => new Array<number>(nodes).fill(0));
    for (const f of hidden) {
      if (f === figure) continue;
      // Moving d along row → column changes the figure by sign·d; it may not go below zero.
      const forward = signOf(f) === 1 ? UNBOUNDED : f.value;
      const backward = signOf(f) === 1 ? f.value : UNBOUNDED;
      capacity[f.r]![col(f.c)]! += forward;
      capacity[col(f.c)]![f.r]! += backward;
    }
    for (const row of capacity) row.forEach((v, i) => (row[i] = Math.min(v, UNBOUNDED)));
    const own = { forward: signOf(figure) === 1 ? UNBOUNDED : figure.value, backward: signOf(figure) === 1 ? figure.value : UNBOUNDED };
    // Moving d forward along the figure needs d back from its column to its row through the others.
    const forward = Math.min(own.forward, maxFlow(capacity, col(figure.c), figure.r));
    const backward = Math.min(own.backward, maxFlow(capacity, figure.r, col(figure.c)));
    const [up, down] = signOf(figure) === 1 ? [forward, backward] : [backward, forward];
    return { figure, min: figure.value - down, max: up >= UNBOUNDED ? Infinity : figure.value + up };
  });
}

/** The same ranges by enumerating every assignment of the hidden cells (tiny tables only). */
function bruteForceRanges(figures: Figure[], rows: number, columns: number, cap: number): Map<Figure, [number, number]> {
  const at = (r: number, c: number): Figure | undefined => figures.find((f) => f.r === r && f.c === c);
  const interior = figures.filter((f) => f.r < rows && f.c < columns);
  const free = interior.filter((f) => f.hidden);
  const ranges = new Map<Figure, [number, number]>(figures.filter((f) => f.hidden).map((f) => [f, [Infinity, -Infinity]]));
  const values = new Map<Figure, number>(interior.map((f) => [f, f.value]));
  const visit = (k: number): void => {
    if (k < free.length) {
      for (let v = 0; v <= cap; v += 1) {
        values.set(free[k]!, v);
        visit(k + 1);
      }
      return;
    }
    const rowSum = (r: number): number => interior.filter((f) => f.r === r).reduce((a, f) => a + values.get(f)!, 0);
    const colSum = (c: number): number => interior.filter((f) => f.c === c).reduce((a, f) => a + values.get(f)!, 0);
    const derived = new Map<Figure, number>(values);
    for (let r = 0; r < rows; r += 1) if (at(r, columns)) derived.set(at(r, columns)!, rowSum(r));
    for (let c = 0; c < columns; c += 1) if (at(rows, c)) derived.set(at(rows, c)!, colSum(c));
    const grand = at(rows, columns);
    if (grand) derived.set(grand, interior.reduce((a, f) => a + values.get(f)!, 0));
    if (figures.some((f) => !f.hidden && derived.get(f) !== f.value)) return;
    for (const [f, range] of ranges) {
      const v = derived.get(f)!;
      range[0] = Math.min(range[0], v);
      range[1] = Math.max(range[1], v);
    }
  };
  visit(0);
  return ranges;
}

describe("SMALL_COUNT_THRESHOLD and displayCount", () => {
  it("hides 1 to 4 and shows zero, which describes no person", () => {
    expect(SMALL_COUNT_THRESHOLD).toBe(5);
    expect([0, 1, 4, 5, null].map(isSmallCount)).toEqual([false, true, true, false, false]);
    expect([0, 3, 5, 1234, SUPPRESSED, null].map(displayCount)).toEqual(["0", "<5", "5", "1234", "<5", ""]);
    expect(SUPPRESSED_LABEL).toBe("<5");
  });
});

describe("suppressTable", () => {
  it("forces a second hidden cell in a row with a single small cell, and closes the cycle through the columns with the smallest cells", () => {
    const t = suppressTable({ cells: [[3, 10, 12], [8, 9, 20], [7, 15, 6]] });
    expect(t.primary).toEqual([{ row: 0, column: 0 }]);
    // 3 with 12, 6 and 7 hides 25 more people; 3 with 10, 9 and 8 would hide 27.
    expect(t.cells).toEqual([[SUPPRESSED, 10, SUPPRESSED], [8, 9, 20], [SUPPRESSED, 15, SUPPRESSED]]);
    expect([t.rowTotals, t.columnTotals, t.grandTotal]).toEqual([[25, 37, 28], [18, 34, 38], 90]);
  });

  it("hides a zero as the complement when a row's only other cell is 0 and the row total is then small too", () => {
    const t = suppressTable({ cells: [[3, 0], [10, 12]] });
    expect(t.rowTotals[0]).toEqual(SUPPRESSED);
    expect(t.primary).toEqual([{ row: 0, column: 0 }, { row: 0, column: "total" }]);
    // The row total 3 equals the grand total minus the other row's: one of them must go.
    expect(t.rowTotals[1]).toEqual(SUPPRESSED);
    expect(t.grandTotal).toBe(25);
  });

  it("takes a zero beside the small cell as the cheapest complement: the small cell can then still be 0 to 3", () => {
    const cells = [[3, 0, 10], [6, 8, 9]];
    const t = suppressTable({ cells });
    expect(t.cells).toEqual([[SUPPRESSED, SUPPRESSED, 10], [SUPPRESSED, SUPPRESSED, 9]]);
    const small = hiddenRanges(figuresOf(cells, t), 2, 3).find(({ figure }) => figure.r === 0 && figure.c === 0)!;
    expect([small.min, small.max]).toEqual([0, 3]);
  });

  it("hides a total of 3 and a complement in the totals, so it is not the grand total minus the others", () => {
    const t = suppressTable({ cells: [[1, 2, 0], [10, 20, 30]] });
    expect(t.primary).toContainEqual({ row: 0, column: "total" });
    // The other row total (60) goes rather than the grand total (63).
    expect([t.rowTotals, t.grandTotal]).toEqual([[SUPPRESSED, SUPPRESSED], 63]);
    expect(t.cells).toEqual([[SUPPRESSED, SUPPRESSED, 0], [SUPPRESSED, SUPPRESSED, 30]]);
  });

  it("hides every cell when all are small, and the totals of 5 or more that would give a small total away", () => {
    const t = suppressTable({ cells: [[1, 2], [3, 4]] });
    expect(t.cells.flat().every(isSuppressed)).toBe(true);
    // Row total 3 is 10 − 7 and column total 4 is 10 − 6: 7 and 6 go, the grand total stays.
    expect(t.rowTotals).toEqual([SUPPRESSED, SUPPRESSED]);
    expect(t.columnTotals).toEqual([SUPPRESSED, SUPPRESSED]);
    expect(t.secondary).toEqual([{ row: 1, column: "total" }, { row: "total", column: 1 }]);
    expect(t.grandTotal).toBe(10);
  });

  it("keeps nulls (not reported) as nulls: never hidden, never a complement, no part of a total", () => {
    const t = suppressTable({ cells: [[2, null, 9], [null, null, null], [7, 8, 6]] });
    expect(t.cells[0]![1]).toBeNull();
    expect(t.cells[1]).toEqual([null, null, null]);
    expect(t.rowTotals[1]).toBeNull();
    expect(t.cells).toEqual([[SUPPRESSED, null, SUPPRESSED], [null, null, null], [SUPPRESSED, 8, SUPPRESSED]]);
    expect([t.rowTotals, t.columnTotals, t.grandTotal]).toEqual([[11, null, 21], [9, 8, 15], 32]);
  });

  it("hides nothing when no count is small, and the same table always hides the same cells", () => {
    expect(suppressTable({ cells: [[5, 0], [0, 9]] })).toMatchObject({ primary: [], secondary: [], grandTotal: 14 });
    const cells = [[1, 7, 9], [6, 2, 8]];
    expect(suppressTable({ cells })).toEqual(suppressTable({ cells }));
  });

  it("refuses negative or fractional counts and ragged rows", () => {
    expect(() => suppressTable({ cells: [[-1]] })).toThrow(RangeError);
    expect(() => suppressTable({ cells: [[1.5]] })).toThrow(RangeError);
    expect(() => suppressTable({ cells: [[1, 2], [3]] })).toThrow(RangeError);
  });
});

describe("suppressList", () => {
  it("hides a small value with the smallest other value when the total is shown", () => {
    expect(suppressList([3, 10, 12], 25)).toEqual({ values: [SUPPRESSED, SUPPRESSED, 12], total: 25, primary: [0], secondary: [1] });
  });

  it("hides a small total with its small value, zeros shown", () => {
    expect(suppressList([3, 0, 0])).toEqual({ values: [SUPPRESSED, 0, 0], total: SUPPRESSED, primary: [0, "total"], secondary: [] });
  });

  it("hides the total when a small value has no other value to pair with", () => {
    expect(suppressList([4, null])).toMatchObject({ values: [SUPPRESSED, null], total: SUPPRESSED });
    expect(suppressList([2, 0], 2).total).toEqual(SUPPRESSED);
  });

  it("refuses a total that is not the sum of the values", () => {
    expect(() => suppressList([3, 10], 20)).toThrow(RangeError);
  });
});

/** Tables up to 5×5, counts 0..30 with many small ones and a few nulls. */
const tables = fc
  .record({ rows: fc.integer({ min: 1, max: 5 }), columns: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, columns }) =>
    fc.array(
      fc.array(
        fc.oneof(
          { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
          { weight: 2, arbitrary: fc.constant(0) },
          { weight: 3, arbitrary: fc.integer({ min: 5, max: 30 }) },
          { weight: 1, arbitrary: fc.constant(null) },
        ),
        { minLength: columns, maxLength: columns },
      ),
      { minLength: rows, maxLength: rows },
    ),
  );

// A few seconds on a quiet machine; the timeouts leave room for a busy one.
describe("suppression leaves no hidden figure recoverable", () => {
  it("the attacker's ranges agree with brute-force enumeration on tiny tables with any hidden figures", { timeout: 20_000 }, () => {
    const tiny = fc.record({
      cells: fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 2 }),
      hide: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
    });
    fc.assert(
      fc.property(tiny, ({ cells, hide }) => {
        const figures = extendedFigures(cells).map((f, i) => ({ ...f, hidden: hide[i]! }));
        const brute = bruteForceRanges(figures, 2, 2, 13);
        for (const { figure, min, max } of hiddenRanges(figures, 2, 2)) {
          const [bmin, bmax] = brute.get(figure)!;
          expect(bmin).toBe(min);
          // Past the enumeration's cap (13 for a cell, the grand total being at most 12) the brute
          // force cannot see; an unbounded range reaches it.
          if (max === Infinity) expect(bmax).toBeGreaterThanOrEqual(13);
          else expect(bmax).toBe(max);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("for random tables up to 5×5, every hidden cell and total can take at least two values", { timeout: 20_000 }, () => {
    fc.assert(
      fc.property(tables, (cells) => {
        const published = suppressTable({ cells });
        const figures = figuresOf(cells, published);
        // Every small figure is hidden.
        expect(figures.filter((f) => isSmallCount(f.value) && !f.hidden)).toEqual([]);
        for (const { figure, min, max } of hiddenRanges(figures, cells.length, cells[0]!.length)) {
          expect(min, JSON.stringify({ cells, figure })).toBeLessThan(max);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("for random breakdowns with their total, every hidden value and the total can take at least two values", () => {
    const lists = fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 5, max: 30 }), fc.constant(null)), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(lists, (values) => {
        const published = suppressList(values);
        const hiddenValues = values
          .map((value, c) => ({ c, value: value ?? 0 }))
          .filter(({ c }) => isSuppressed(published.values[c]!));
        const hiddenCount = published.values.filter(isSuppressed).length + (isSuppressed(published.total) ? 1 : 0);
        values.forEach((v, i) => expect(isSmallCount(v) ? isSuppressed(published.values[i]!) : true).toBe(true));
        if (hiddenCount > 0) {
          // One equation, values ≥ 0: a hidden value moves when another hidden figure can take the unit.
          const total = values.reduce<number>((a, v) => a + (v ?? 0), 0);
          for (const f of hiddenValues) {
            const others = values.map((v, i) => ({ v, i })).filter(({ v, i }) => i !== f.c && v !== null && isSuppressed(published.values[i]!));
            const canRise = isSuppressed(published.total) || others.some(({ v }) => v! >= 1);
            const canFall = f.value >= 1 && (isSuppressed(published.total) || others.length > 0);
            expect(canRise || canFall, JSON.stringify(values)).toBe(true);
          }
          if (isSuppressed(published.total)) expect(hiddenValues.length > 0 || total === 0).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
