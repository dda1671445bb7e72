/**
 * The evaluation of a year over many task forces, in batches: the years that can be evaluated, a
 * period's settings, every task force's inputs and score from a handful of queries whatever their
 * number (no query per task force, no parse of stored content: the fields scoring needs are picked
 * out in SQL), the ranks with bands per level (memoised), and the count tables (suppressed). The
 * procedures and the files build on these; the rules are the domain's.
 */
import { createHash } from "node:crypto";
import { countCoordinatorsAt, findEvaluationSettings, listAdoptedRadTaskForces, listEarlierRealisations, listEvaluationPublications, listEvaluationReportsRaw, listTaskForces, toEvaluationReport } from "@gugus/db";
import type { EvaluationReportRow, TaskForceRow } from "@gugus/db";
import {
  DEFAULT_EVALUATION_SETTINGS,
  DomainError,
  EVALUATION_COUNT_COLUMNS,
  EVALUATION_PARTS,
  EvaluationSettingsSchema,
  buildEvaluationInputs,
  provinceCodeOf,
  rankWithBands,
  scoreTaskForce,
  suppressTable,
} from "@gugus/domain";
import type { DeliveryItemInput, EvaluationInputs, EvaluationPart, EvaluationSettings, IsoDate, Level, PublishedCount, ReportContent, ReportStatus, TaskForceScore } from "@gugus/domain";
import { scopeOf, todayOf } from "../../clock.ts";
import type { Context, SignedInUser } from "../../context.ts";
import { statusesAt } from "../../formation-status.ts";
import { itemsOfYear, listReportingPeriods } from "../reports/shared.ts";
import type { RanReportingPeriod } from "../reports/shared.ts";

type ReadCtx = Pick<Context, "db" | "cache" | "now">;

/** A task force as the evaluation answers it. */
export type TfRef = { id: number; name: string; level: Level; regionCode: string | null; provinceCode: string | null };

/** The province a task force lies in (itself for a province; null for the national one). */
export const provinceOfTaskForce = (tf: Pick<TaskForceRow, "regionCode">): string | null => (tf.regionCode === null ? null : provinceCodeOf(tf.regionCode));

export function tfRefOf(tf: TaskForceRow): TfRef {
  return { id: tf.id, name: tf.regionName ?? "Indonesia", level: tf.level, regionCode: tf.regionCode, provinceCode: provinceOfTaskForce(tf) };
}

/** A year that can be evaluated: one of a RAN period that has begun. */
export type EvaluationYear = {
  year: number;
  periodId: number;
  periodNumber: number;
  /** The year's report: its last reporting period (the year itself, or its second half when the period reports by semester). */
  periodKey: string;
  ended: boolean;
  /** The day the year is evaluated at: 31 December once it has ended, else today. */
  at: IsoDate;
  publishedAt: string | null;
};

const iso = (ms: number) => new Date(ms).toISOString();

/** Every year of a RAN period that has begun, oldest first, with whether it has ended and when it was published. */
export function listEvaluationYears(ctx: ReadCtx): EvaluationYear[] {
  const today = todayOf(ctx);
  const published = new Map(listEvaluationPublications(ctx.db).map((p) => [p.year, p.publishedAt]));
  const byYear = new Map<number, RanReportingPeriod[]>();
  for (const rp of listReportingPeriods(ctx)) byYear.set(rp.year, [...(byYear.get(rp.year) ?? []), rp]);
  return [...byYear.entries()]
    .filter(([year]) => `${year}-01-01` <= today)
    .sort(([a], [b]) => a - b)
    .map(([year, rps]) => {
      const last = rps.at(-1)!;
      const end = `${year}-12-31`;
      const ended = end < today;
      const at = published.get(year);
      return { year, periodId: last.periodId, periodNumber: last.periodNumber, periodKey: last.key, ended, at: ended ? end : today, publishedAt: at === undefined ? null : iso(at) };
    });
}

/** The latest year that has ended, else the latest begun; null when no period has begun. */
export function defaultEvaluationYear(years: readonly EvaluationYear[]): number | null {
  return (years.filter((y) => y.ended).at(-1) ?? years.at(-1))?.year ?? null;
}

/** The year asked for (by default the latest ended, else the latest begun); EVALUATION_YEAR_NOT_FOUND when it is in no period that has begun. */
export function getEvaluationYear(ctx: ReadCtx, year: number | undefined): EvaluationYear {
  const years = listEvaluationYears(ctx);
  const wanted = year ?? defaultEvaluationYear(years);
  const found = years.find((y) => y.year === wanted);
  if (!found) throw new DomainError("EVALUATION_YEAR_NOT_FOUND");
  return found;
}

/** A period's settings: its row's, or the defaults (version null) while it has none. */
export function settingsOfPeriod(ctx: Pick<Context, "db">, periodId: number): { settings: EvaluationSettings; version: number | null } {
  const row = findEvaluationSettings(ctx.db, periodId);
  if (!row) return { settings: DEFAULT_EVALUATION_SETTINGS, version: null };
  const parsed = EvaluationSettingsSchema.safeParse(row.settings);
  // A row is checked when written; one that no longer reads (an older schema) falls back to the defaults rather than failing every view.
  return { settings: parsed.success ? parsed.data : DEFAULT_EVALUATION_SETTINGS, version: row.version };
}

/** The task forces existing on the year's evaluation day, national first (cached: reference data). */
export function taskForcesOfYear(ctx: ReadCtx, y: Pick<EvaluationYear, "at">): TaskForceRow[] {
  return ctx.cache.get(`evaluation:taskForces:${y.at}`, () => listTaskForces(ctx.db, { at: y.at }));
}

/** The ids of the task forces within the caller's subtree today (cached per place and day). */
export function idsInScope(ctx: ReadCtx & { user: SignedInUser }): Set<number> {
  const scope = scopeOf(ctx);
  return ctx.cache.get(`evaluation:scope:${scope.place.level}:${scope.place.regionCode ?? ""}:${scope.today}`, () => new Set(listTaskForces(ctx.db, { at: scope.today, within: scope }).map((t) => t.id)));
}

/** The action items a level reports against in the year, as scoring reads them (cached: reference data). */
function itemsOf(ctx: ReadCtx, y: EvaluationYear, level: Level): Omit<DeliveryItemInput, "realisations">[] {
  const rp = listReportingPeriods(ctx).find((p) => p.key === y.periodKey)!;
  return ctx.cache.get(`evaluation:items:${y.periodKey}:${level}`, () =>
    itemsOfYear(ctx, rp, { level }).map((i) => ({ id: i.id, code: i.code, subTaskForce: i.subTaskForce, targetMode: i.targetMode, targets: i.targets })),
  );
}

/** One task force's evaluation for the year. */
export type EvaluatedTaskForce = {
  taskForce: TaskForceRow;
  ref: TfRef;
  /** Formed (an establishment instrument in force) on the year's evaluation day. */
  formed: boolean;
  /** The year's report as the evaluation reads it; null when there is none. */
  report: EvaluationReportRow | null;
  status: ReportStatus | null;
  inputs: EvaluationInputs;
  score: TaskForceScore;
};

/** A year's evaluation; `hash` (memoised evaluations only) is a digest of every row it was computed from. */
export type YearEvaluation = { year: EvaluationYear; settings: EvaluationSettings; settingsVersion: number | null; evaluated: readonly EvaluatedTaskForce[]; hash: string | null };

/**
 * A value kept in the read cache under a stable slot together with the hash of what it was computed
 * from, recomputed when the hash moves: one entry per slot however often the data changes, and never
 * an answer older than the rows read for this call. (The read cache itself empties when reference
 * data changes, and the values it holds are never changed by their readers.)
 */
export function memoised<T>(ctx: Pick<Context, "cache">, slot: string, hash: string, compute: () => T): T {
  const holder = ctx.cache.get(slot, () => ({ hash: "", value: undefined as T | undefined }));
  if (holder.value === undefined || holder.hash !== hash) {
    holder.value = compute();
    holder.hash = hash;
  }
  return holder.value;
}

/**
 * The content sections buildEvaluationInputs reads (realisations, budget, meetings), from the fields
 * picked out in SQL: the rest of a report's content is never read for scoring.
 */
function contentOf(r: EvaluationReportRow): ReportContent {
  return {
    realisations: r.realisations,
    budget: { lines: r.budgetLines, dedicatedLine: r.dedicatedLine, regionTotalBudget: r.regionTotalBudget },
    coordination: { meetings: r.meetings },
  } as unknown as ReportContent;
}

/**
 * Every given task force's inputs and score for the year, from one query each for the reports, the
 * earlier realisations of cumulative items and the coordinators (formation statuses and items come
 * from the read cache). Pass the task forces as they stood on the year's day (`taskForcesOfYear`).
 * With `memo` (a name for the list, such as "national"), the scoring is kept in the read cache
 * and redone only when a row read for it changed: the reads are made on every call, the scoring of
 * unchanged rows is not.
 */
export function evaluateYear(ctx: ReadCtx, { year, taskForces, memo }: { year: EvaluationYear; taskForces: readonly TaskForceRow[]; memo?: string }): YearEvaluation {
  const { settings, version } = settingsOfPeriod(ctx, year.periodId);
  const ids = taskForces.map((t) => t.id);
  // A long list is most of the country: reading every row and dropping the few others costs less than the list filter.
  const all = taskForces.length > 50;
  const only = all ? {} : { taskForceIds: ids };
  const reports = listEvaluationReportsRaw(ctx.db, { periodKey: year.periodKey, ...only });
  const coordinators = countCoordinatorsAt(ctx.db, { at: year.at, ...only });
  const levels = [...new Set(taskForces.map((t) => t.level))];
  const items = new Map(levels.map((level) => [level, itemsOf(ctx, year, level)]));
  const cumulative = [...items.values()].flat().filter((i) => i.targetMode === "cumulative").map((i) => i.id);
  const earlierRows = listEarlierRealisations(ctx.db, { periodId: year.periodId, year: year.year, actionItemIds: cumulative, ...only });
  // Regional action plans (RAD): adopted for the year's period by the end of the year.
  const rad = listAdoptedRadTaskForces(ctx.db, { periodId: year.periodId, onOrBefore: `${year.year}-12-31` });
  const compute = () => score(ctx, { year, taskForces, settings, reports, coordinators, earlierRows, rad });
  if (memo === undefined) return { year, settings, settingsVersion: version, evaluated: compute(), hash: null };
  const h = createHash("sha256").update(JSON.stringify([year, settings, version, ids]));
  for (const [id, status, onTime, extracted] of reports) h.update(`${id}|${status}|${onTime}|`).update(extracted ?? "-");
  for (const [id, n] of coordinators) h.update(`c${id}:${n}`);
  for (const r of earlierRows) h.update(`e${r.taskForceId}:${r.actionItemId}:${r.year}:${r.value}`);
  for (const id of [...rad].sort((a, b) => a - b)) h.update(`r${id}`);
  const hash = h.digest("base64");
  return { year, settings, settingsVersion: version, evaluated: memoised(ctx, `evaluation:year:${year.year}:${memo}`, hash, compute), hash };
}

function score(
  ctx: ReadCtx,
  { year, taskForces, settings, reports: rows, coordinators, earlierRows, rad }: {
    year: EvaluationYear;
    taskForces: readonly TaskForceRow[];
    settings: EvaluationSettings;
    reports: ReturnType<typeof listEvaluationReportsRaw>;
    coordinators: ReadonlyMap<number, number>;
    earlierRows: ReturnType<typeof listEarlierRealisations>;
    /** Task forces whose RAD for the year's period was adopted by the year's end. */
    rad: ReadonlySet<number>;
  },
): EvaluatedTaskForce[] {
  const wanted = new Set(taskForces.map((t) => t.id));
  const reports = new Map(rows.flatMap((r) => (wanted.has(r[0]) ? [[r[0], toEvaluationReport(r)] as const] : [])));
  const statuses = statusesAt(ctx, year.at);
  const earlier = new Map<number, { actionItemId: number; year: number; value: number }[]>();
  for (const r of earlierRows) {
    if (!wanted.has(r.taskForceId)) continue;
    let list = earlier.get(r.taskForceId);
    if (!list) earlier.set(r.taskForceId, (list = []));
    list.push({ actionItemId: r.actionItemId, year: r.year, value: r.value });
  }
  return taskForces.map((tf): EvaluatedTaskForce => {
    const report = reports.get(tf.id) ?? null;
    const formed = statuses.get(tf.id) === "formed";
    const inputs = buildEvaluationInputs({
      year: year.year,
      // A regional task force's RAD, adopted for the year's period by the year's end; the national task force has none (not counted).
      records: { instrumentInForce: formed, coordinators: coordinators.get(tf.id) ?? 0, radRecorded: tf.level === "national" ? null : rad.has(tf.id) },
      report: report === null ? null : { status: report.status, onTime: report.onTime, content: contentOf(report) },
      items: itemsOf(ctx, year, tf.level),
      earlierRealisations: earlier.get(tf.id) ?? [],
    });
    return { taskForce: tf, ref: tfRefOf(tf), formed, report, status: report?.status ?? null, inputs, score: scoreTaskForce(inputs, settings) };
  });
}

/** A rank with its band; `of` is how many task forces are rated at that level. */
export type RankBand = { rank: number; best: number; worst: number; of: number };

/**
 * The ranks with bands of the evaluated task forces, within each level (provinces among provinces,
 * regencies/cities among regencies/cities; the national task force is not ranked). The sensitivity
 * run is memoised by a hash of the scored parts and the settings (for a memoised evaluation, its own
 * digest, which covers both): the same input gives the same bands.
 */
export function rankByLevel(ctx: Pick<Context, "cache">, evaluation: Pick<YearEvaluation, "year" | "evaluated" | "settings" | "hash">): ReadonlyMap<number, RankBand> {
  const { evaluated, settings } = evaluation;
  const rank = () => {
    const ranks = new Map<number, RankBand>();
    for (const level of ["province", "regency"] as const) {
      const scored = evaluated.filter((e) => e.ref.level === level).map((e) => ({ taskForceId: e.ref.id, total: e.score.total, parts: e.score.parts }));
      const key = createHash("sha256")
        .update(JSON.stringify([settings.weights, settings.sensitivity, scored.map((s) => [s.taskForceId, s.total, ...EVALUATION_PARTS.map((p) => s.parts[p].score)])]))
        .digest("base64");
      const ranked = memoised(ctx, `evaluation:bands:${evaluation.year.year}:${level}`, key, () => rankWithBands(scored, settings).ranked);
      for (const r of ranked) ranks.set(r.taskForceId, { rank: r.rank, best: r.best, worst: r.worst, of: ranked.length });
    }
    return ranks;
  };
  return evaluation.hash === null ? rank() : memoised(ctx, `evaluation:ranks:${evaluation.year.year}`, evaluation.hash, rank);
}

/** The parts' scores of a score, by part. */
export const partsOf = (score: TaskForceScore): Record<EvaluationPart, number | null> =>
  Object.fromEntries(EVALUATION_PARTS.map((p) => [p, score.parts[p].score])) as Record<EvaluationPart, number | null>;

/** A task force's line in a ranking or list. */
export function taskForceLine(e: EvaluatedTaskForce, ranks: ReadonlyMap<number, RankBand>) {
  return {
    ...e.ref,
    total: e.score.total,
    rated: e.score.rated,
    provisional: e.score.provisional,
    status: e.status,
    parts: partsOf(e.score),
    rank: ranks.get(e.ref.id) ?? null,
    missing: e.score.missing,
  };
}
export type TaskForceLine = ReturnType<typeof taskForceLine>;

/** Rated first by rank (then by name), the not rated after, by name. */
export function byRank(a: TaskForceLine, b: TaskForceLine): number {
  if (a.rank && b.rank) return a.rank.rank - b.rank.rank || a.name.localeCompare(b.name);
  if (a.rank || b.rank) return a.rank ? -1 : 1;
  return a.name.localeCompare(b.name);
}

/** The count cells of a report of the year that counts (submitted, not a draft); null cells when there is none. */
const countsOfReport = (e: EvaluatedTaskForce): (number | null)[] =>
  e.report !== null && e.report.status !== "draft" ? e.report.counts.map((c) => (c === null ? null : Math.max(0, Math.round(c)))) : EVALUATION_COUNT_COLUMNS.map(() => null);

const addCells = (a: (number | null)[], b: (number | null)[]) => a.map((x, i) => (x === null ? b[i]! : b[i] === null ? x : x + b[i]!));

/** A count table as published: every cell 1–4 hidden, with complements, totals from the cells. */
export type CountsTable = {
  columns: string[];
  rows: { key: string; label: string; cells: PublishedCount[]; total: PublishedCount }[];
  columnTotals: PublishedCount[];
  grandTotal: PublishedCount;
};

/** Rows of summed counts suppressed as one table (`suppressTable`): nothing 1–4 shown, nothing hidden recoverable from a total. */
export function countsTable(rows: readonly { key: string; label: string; members: readonly EvaluatedTaskForce[] }[]): CountsTable {
  const cells = rows.map((r) => r.members.reduce((sum, e) => addCells(sum, countsOfReport(e)), EVALUATION_COUNT_COLUMNS.map((): number | null => null)));
  const table = suppressTable({ cells });
  return {
    columns: [...EVALUATION_COUNT_COLUMNS],
    rows: rows.map((r, i) => ({ key: r.key, label: r.label, cells: table.cells[i]!, total: table.rowTotals[i]! })),
    columnTotals: table.columnTotals.length === 0 ? EVALUATION_COUNT_COLUMNS.map(() => null) : table.columnTotals,
    grandTotal: table.grandTotal,
  };
}

/** The table of one row per task force (a province's view). */
export const countsByTaskForce = (evaluated: readonly EvaluatedTaskForce[]) => countsTable(evaluated.map((e) => ({ key: String(e.ref.id), label: e.ref.name, members: [e] })));

/** The table of one row per province (the province's own report and its regencies' summed), in code order; the national task force is in no row. */
export function countsByProvince(evaluated: readonly EvaluatedTaskForce[], names: ReadonlyMap<string, string>) {
  const byProvince = new Map<string, EvaluatedTaskForce[]>();
  for (const e of evaluated) {
    if (e.ref.provinceCode === null) continue;
    byProvince.set(e.ref.provinceCode, [...(byProvince.get(e.ref.provinceCode) ?? []), e]);
  }
  return countsTable([...byProvince.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([code, members]) => ({ key: code, label: names.get(code) ?? code, members })));
}
