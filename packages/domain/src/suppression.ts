/**
 * Small-count suppression (domain.md, "What the product must never hold"): wherever someone sees
 * counts of a task force other than their own, and in every export, a count from 1 to 4 is hidden
 * (primary suppression), and further cells are hidden (secondary, complementary suppression) so that
 * no hidden cell can be worked out exactly from the visible cells and the published totals of the
 * same table. The same table always hides the same cells: the choice is a pure function of the counts,
 * so the screen, the API and the files agree.
 *
 * How the complements are chosen. A table with its row, column and grand totals is a set of linear
 * equations over non-negative integers; a hidden cell can be worked out exactly when every solution
 * that agrees with the visible cells gives it the same value. For tables with margins the hidden
 * cells form a graph (rows and columns as nodes, hidden cells as edges, the totals as one more row and
 * column), and a hidden cell can take another value exactly when it lies on a cycle of hidden cells
 * along which one unit can be moved without making any cell negative (the equations are a network
 * matrix, so their real and integer solutions have the same extremes). Each hidden cell that is not on
 * such a cycle gets the cheapest one: the visible cells that close it, the fewest people hidden first
 * (a cell costs its count plus one, so a zero costs least but still counts), a total only when no
 * path through the cells exists. Hiding more never makes a hidden cell recoverable again, so one pass
 * is stable; the pass is repeated until nothing changes.
 *
 * What is not protected here: differencing across tables (a regency's count recovered from two views
 * that each hide different cells). Callers keep that away by suppressing the finest table once and
 * deriving the coarser ones from it, or by publishing one table per question.
 */

/**
 * The one setting: a count below it and above zero is small. Counts 1–4 are hidden. Zero is shown:
 * it describes no person, and statistics agencies that suppress small counts publish zeros (CMS, HCUP,
 * Washington State DOH: "suppress all non-zero counts" below the threshold).
 */
export const SMALL_COUNT_THRESHOLD = 5;

/** What a hidden cell reads on screen and in files: "<5". */
export const SUPPRESSED_LABEL = `<${SMALL_COUNT_THRESHOLD}`;

/** A hidden cell as the API and the files carry it: no count, no hint whether it is small or a complement. */
export type Suppressed = { readonly suppressed: true };

/** The marker of a hidden cell. */
export const SUPPRESSED: Suppressed = Object.freeze({ suppressed: true as const });

/** A cell as published: a count, null (not reported) or hidden. */
export type PublishedCount = number | null | Suppressed;

/** Is a count small (1 to `SMALL_COUNT_THRESHOLD` − 1)? Zero and null are not. */
export function isSmallCount(value: number | null): boolean {
  return value !== null && value > 0 && value < SMALL_COUNT_THRESHOLD;
}

/** Is a published cell hidden? */
export function isSuppressed(value: PublishedCount): value is Suppressed {
  return typeof value === "object" && value !== null && value.suppressed;
}

/**
 * A published count as text: hidden cells and small counts read "<5" (a single figure shown outside a
 * table is suppressed here too), other counts as digits, null (not reported) as "".
 */
export function displayCount(value: PublishedCount): string {
  if (value === null) return "";
  if (isSuppressed(value) || isSmallCount(value)) return SUPPRESSED_LABEL;
  return String(value);
}

/** Where a hidden cell is: a row and a column index, or `"total"` for the totals row or column. */
export type CellPosition = { row: number | "total"; column: number | "total" };

/** A table of counts: rows of cells, every row as long, each cell a non-negative integer or null (not reported). */
export type CountTable = {
  cells: readonly (readonly (number | null)[])[];
};

/**
 * A table as published. Totals are the sums of the reported cells (null when none of a line is
 * reported). `primary` lists the small counts hidden, `secondary` the complements; both are for the
 * server's own checks and tests, never for publishing (telling a small cell from a complement would
 * narrow what each may hold).
 */
export type SuppressedTable = {
  cells: PublishedCount[][];
  rowTotals: PublishedCount[];
  columnTotals: PublishedCount[];
  grandTotal: PublishedCount;
  primary: CellPosition[];
  secondary: CellPosition[];
};

/** A one-dimensional breakdown as published, with its total; positions are indexes or `"total"`. */
export type SuppressedList = {
  values: PublishedCount[];
  total: PublishedCount;
  primary: (number | "total")[];
  secondary: (number | "total")[];
};

/**
 * One published figure as an edge of the table's graph: a cell from its row to its column, a row total
 * from its row to the totals column, a column total from the totals row to its column, the grand total
 * from the totals row to the totals column. Moving one unit along an edge from `from` to `to` changes
 * the figure by `sign` (+1 for cells and the grand total, −1 for the other totals), which keeps every
 * line's equation.
 */
type Edge<K> = { key: K; from: number; to: number; sign: 1 | -1; value: number; cost: number; hidden: boolean };

/** May one unit move along the edge in this direction from the true values (no figure goes below zero)? */
function canMove<K>(edge: Edge<K>, forward: boolean): boolean {
  const change = forward ? edge.sign : -edge.sign;
  return change > 0 || edge.value >= 1;
}

/** The arcs of every edge, by the node they leave: [edge index, node reached], in the directions one unit may move. */
function arcsOf<K>(edges: readonly Edge<K>[], nodes: number): [number, number][][] {
  const arcs: [number, number][][] = Array.from({ length: nodes }, () => []);
  edges.forEach((edge, i) => {
    if (canMove(edge, true)) arcs[edge.from]!.push([i, edge.to]);
    if (canMove(edge, false)) arcs[edge.to]!.push([i, edge.from]);
  });
  return arcs;
}

/**
 * The cheapest way to put an edge on a cycle along which one unit can move: the other edges of the
 * cycle (hidden ones cost nothing), or null when there is none; with `onlyHidden`, through hidden
 * edges alone. Dijkstra from the edge's end back to its start, both directions tried; ties go to the
 * lower node, so the choice is stable.
 */
function cheapestCycle<K>(edges: readonly Edge<K>[], arcs: readonly [number, number][][], index: number, onlyHidden: boolean): number[] | null {
  const edge = edges[index]!;
  const usable = (i: number): boolean => i !== index && (!onlyHidden || edges[i]!.hidden);
  let best: { cost: number; path: number[] } | null = null;
  for (const forward of [true, false]) {
    if (!canMove(edge, forward)) continue;
    const [start, goal] = forward ? [edge.to, edge.from] : [edge.from, edge.to];
    const found = shortestPath({ edges, arcs, usable, start, goal });
    if (found && (best === null || found.cost < best.cost)) best = found;
    if (found && onlyHidden) break;
  }
  return best?.path ?? null;
}

/** Dijkstra over the arcs, an edge costing nothing when hidden; the edges of the path, or null. */
function shortestPath<K>({ edges, arcs, usable, start, goal }: {
  edges: readonly Edge<K>[];
  arcs: readonly [number, number][][];
  usable: (i: number) => boolean;
  start: number;
  goal: number;
}): { cost: number; path: number[] } | null {
  const distance = new Float64Array(arcs.length).fill(Infinity);
  const viaEdge = new Int32Array(arcs.length).fill(-1);
  const viaNode = new Int32Array(arcs.length).fill(-1);
  const done = new Uint8Array(arcs.length);
  const queue = new MinHeap();
  distance[start] = 0;
  queue.push(0, start);
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const [cost, node] = next;
    if (done[node]) continue;
    done[node] = 1;
    if (node === goal) break;
    for (const [i, reached] of arcs[node]!) {
      if (!usable(i)) continue;
      const step = edges[i]!.hidden ? 0 : edges[i]!.cost;
      if (cost + step < distance[reached]!) {
        distance[reached] = cost + step;
        viaEdge[reached] = i;
        viaNode[reached] = node;
        queue.push(cost + step, reached);
      }
    }
  }
  if (!done[goal]) return null;
  const path: number[] = [];
  for (let node = goal; node !== start; node = viaNode[node]!) path.push(viaEdge[node]!);
  return { cost: distance[goal]!, path };
}

/** A binary heap of [cost, node], the lowest cost first and, among equal costs, the lower node. */
class MinHeap {
  private readonly items: [number, number][] = [];

  push(cost: number, node: number): void {
    const items = this.items;
    items.push([cost, node]);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): [number, number] | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < items.length && before(items[left]!, items[least]!)) least = left;
      if (right < items.length && before(items[right]!, items[least]!)) least = right;
      if (least === i) break;
      [items[i], items[least]] = [items[least]!, items[i]!];
      i = least;
    }
    return top;
  }
}

function before(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

/**
 * Hides the small figures, then closes every hidden figure that could be worked out with the cheapest
 * cycle of visible figures, until none can. Returns the primary and the secondary edges, by index.
 */
function protect<K>(edges: Edge<K>[], nodes: number): { primary: number[]; secondary: number[] } {
  const primary: number[] = [];
  edges.forEach((edge, i) => {
    if (isSmallCount(edge.value)) {
      edge.hidden = true;
      primary.push(i);
    }
  });
  const secondary: number[] = [];
  const arcs = arcsOf(edges, nodes);
  // An edge on a cycle of hidden edges stays on it however many more are hidden: checked once.
  const safe = new Set<number>();
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < edges.length; i += 1) {
      if (!edges[i]!.hidden || safe.has(i)) continue;
      if (cheapestCycle(edges, arcs, i, true) !== null) {
        safe.add(i);
        continue;
      }
      // A cycle through the totals always exists (every figure lies on one), so path is never null.
      const path = cheapestCycle(edges, arcs, i, false) ?? [];
      for (const j of path) {
        if (!edges[j]!.hidden) {
          edges[j]!.hidden = true;
          secondary.push(j);
          changed = true;
        }
        safe.add(j);
      }
      safe.add(i);
    }
  }
  return { primary, secondary };
}

function assertCount(value: number | null, where: string): void {
  if (value !== null && !(Number.isSafeInteger(value) && value >= 0)) {
    throw new RangeError(`${where}: a count is a non-negative integer or null, not ${value}`);
  }
}

/** The sum of the reported values, null when none is. */
function sumOf(values: readonly (number | null)[]): number | null {
  const reported = values.filter((v): v is number => v !== null);
  return reported.length === 0 ? null : reported.reduce((a, b) => a + b, 0);
}

/**
 * The table as it may be published: counts 1–4 hidden, and complements hidden so that no hidden cell
 * or total can be worked out exactly from the visible cells and totals (row, column and grand). A total
 * of 1–4 is hidden like a cell. Null cells are not counts: they stay null, are never hidden and add
 * nothing to a total. Throws a RangeError for a count that is not a non-negative integer or rows of
 * unequal length.
 */
export function suppressTable(table: CountTable): SuppressedTable {
  const rows = table.cells.length;
  const columns = table.cells[0]?.length ?? 0;
  table.cells.forEach((row, r) => {
    if (row.length !== columns) throw new RangeError(`row ${r} has ${row.length} cells, not ${columns}`);
    row.forEach((value, c) => assertCount(value, `cell ${r},${c}`));
  });
  const rowTotals = table.cells.map(sumOf);
  const columnTotals = Array.from({ length: columns }, (_, c) => sumOf(table.cells.map((row) => row[c]!)));
  const grandTotal = sumOf(rowTotals);

  // Nodes: rows 0..rows-1, the totals row, then columns, then the totals column.
  const totalsRow = rows;
  const columnNode = (c: number | "total"): number => rows + 1 + (c === "total" ? columns : c);
  const reportedTotal = (grandTotal ?? 0) + table.cells.flat().filter((v) => v !== null).length + 1;
  const edges: Edge<CellPosition>[] = [];
  const add = (key: CellPosition, value: number | null, sign: 1 | -1, isTotal: boolean): void => {
    if (value === null) return;
    const from = key.row === "total" ? totalsRow : key.row;
    // A total costs more than any path through cells: hide one only when no path through cells exists.
    edges.push({ key, from, to: columnNode(key.column), sign, value, cost: value + 1 + (isTotal ? reportedTotal : 0), hidden: false });
  };
  table.cells.forEach((row, r) => row.forEach((value, c) => add({ row: r, column: c }, value, 1, false)));
  rowTotals.forEach((value, r) => add({ row: r, column: "total" }, value, -1, true));
  columnTotals.forEach((value, c) => add({ row: "total", column: c }, value, -1, true));
  add({ row: "total", column: "total" }, grandTotal, 1, true);

  const { primary, secondary } = protect(edges, rows + columns + 2);
  const hidden = new Set(edges.filter((e) => e.hidden).map((e) => `${e.key.row}/${e.key.column}`));
  const shown = (row: number | "total", column: number | "total", value: number | null): PublishedCount =>
    hidden.has(`${row}/${column}`) ? SUPPRESSED : value;
  return {
    cells: table.cells.map((row, r) => row.map((value, c) => shown(r, c, value))),
    rowTotals: rowTotals.map((value, r) => shown(r, "total", value)),
    columnTotals: columnTotals.map((value, c) => shown("total", c, value)),
    grandTotal: shown("total", "total", grandTotal),
    primary: primary.map((i) => edges[i]!.key),
    secondary: secondary.map((i) => edges[i]!.key),
  };
}

/**
 * A one-dimensional breakdown (victims by form of exploitation, with their total) as it may be
 * published: values 1–4 hidden, a total of 1–4 hidden, and complements so that no hidden value can be
 * worked out from the others and the total. The total must be the sum of the reported values (put
 * what is not broken down in a value of its own, "unknown", so a small remainder is hidden too);
 * omitted, it is that sum. Throws a RangeError otherwise.
 */
export function suppressList(values: readonly (number | null)[], total: number | null = sumOf(values)): SuppressedList {
  values.forEach((value, i) => assertCount(value, `value ${i}`));
  assertCount(total, "total");
  if (total !== sumOf(values)) throw new RangeError(`the total ${total} is not the sum of the values (${sumOf(values)})`);
  // Two nodes: the breakdown's one equation, and a node standing for the columns, which have no totals.
  const weight = (total ?? 0) + values.length + 1;
  const edges: Edge<number | "total">[] = [];
  values.forEach((value, i) => {
    if (value !== null) edges.push({ key: i, from: 0, to: 1, sign: 1, value, cost: value + 1, hidden: false });
  });
  if (total !== null) edges.push({ key: "total", from: 0, to: 1, sign: -1, value: total, cost: total + 1 + weight, hidden: false });
  const { primary, secondary } = protect(edges, 2);
  const hidden = new Set(edges.filter((e) => e.hidden).map((e) => e.key));
  return {
    values: values.map((value, i) => (hidden.has(i) ? SUPPRESSED : value)),
    total: hidden.has("total") ? SUPPRESSED : total,
    primary: primary.map((i) => edges[i]!.key),
    secondary: secondary.map((i) => edges[i]!.key),
  };
}
