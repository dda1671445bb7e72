/**
 * The national evaluation roll-up: `evaluation.overview` for one year (scores, ranks with bands,
 * reporting rate, budget, spread and suppressed counts of 553 task forces) as a central admin, a
 * fresh context per call sharing one read cache as the server's requests do, on the demonstration
 * data (`loadDemoData`) of 2009–2028 with the clock at 2029-02-10:
 *
 *  - against the same SQL statements the overview runs, recorded from one call and replayed raw
 *    with better-sqlite3 (`.raw()`, prepared once): product/raw, the goal ≤ 2×;
 *  - the first overview after one of the year's reports changed (the scoring redone), for what a
 *    dashboard costs right after a submission;
 *  - the same at ten times the history (200 years of reports, 1829–2028, over synthetic RAN periods
 *    added before 2009): time(10×)/time(1×), the goal ≤ 12×.
 *
 * Medians of `rounds`, the product and the raw reads interleaved. The clock is fixed, so the figures
 * do not depend on the day the benchmark runs.
 */
import { createCaller, createContextInner, loadDemoData } from "@gugus/api";
import { createReadCache, findTaskForceByRegion, insertUser } from "@gugus/db";
import type { DatabaseHandle, SqliteConnection } from "@gugus/db";
import { createTestDatabase } from "@gugus/db/testing";
import { sha256 } from "./token.ts";

const NOW = new Date("2029-02-10T03:00:00Z");
const YEAR = 2025;
const CHANGED_ROUNDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const timeOnce = async (work: () => unknown) => {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
};

/** A central admin with a session, and a caller for it with a fresh context per call and one shared read cache. */
function centralAdmin(handle: DatabaseHandle) {
  const national = findTaskForceByRegion(handle.db, null, "2029-01-01")!;
  const userId = insertUser(handle.db, {
    email: "bench-evaluation@gugus.test",
    name: "Bench",
    position: "Bench",
    taskForceId: national.id,
    role: "central_admin",
    passwordHash: "unused",
    mustChangePassword: false,
    passwordExpiresAt: null,
    now: NOW.getTime(),
  })!;
  const token = `bench-evaluation-${userId}`;
  // A session whose second factor was given, as a signed-in central admin's is.
  handle.sqlite.prepare("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, mfa_verified_at) VALUES (?, ?, ?, ?, ?)").run(sha256(token), userId, NOW.getTime(), NOW.getTime(), NOW.getTime());
  const cache = createReadCache(handle.sqlite);
  return () => createCaller(createContextInner({ db: handle.db, sqlite: handle.sqlite, cache, now: () => NOW, cookies: { get: () => token, set: () => undefined, clear: () => undefined } }));
}

/**
 * Adds RAN periods of five years each from `firstYear` to 2008, before the reference periods (which
 * are renumbered after them, so numbers still follow the years): room for a longer history.
 */
function addHistoricPeriods(handle: DatabaseHandle, firstYear: number): void {
  const count = (2009 - firstYear) / 5;
  if (!Number.isInteger(count) || count < 1) throw new Error(`the history from ${firstYear} does not split into five-year periods`);
  handle.sqlite.transaction(() => {
    handle.sqlite.prepare("UPDATE ran_periods SET number = number + 100000").run();
    handle.sqlite.prepare("UPDATE ran_periods SET number = number - 100000 + ?").run(count);
    const insert = handle.sqlite.prepare("INSERT INTO ran_periods (number, first_year, last_year, status, instrument, adopted_on, updated_at) VALUES (?, ?, ?, 'adopted', ?, ?, ?)");
    for (let i = 0; i < count; i++) {
      const first = firstYear + 5 * i;
      insert.run(i + 1, first, first + 4, `Rencana aksi sintetis ${i + 1} (bench)`, `${first}-01-15`, NOW.getTime());
    }
  })();
}

type Recorded = { source: string; method: "all" | "get" | "run" | "iterate"; args: unknown[]; raw: boolean; pluck: boolean };

/**
 * Runs `work` with every statement prepared on the connection recorded: its SQL, how it was run
 * and with what parameters. Statements prepared before (the read cache's version probe) are not seen.
 */
async function recordStatements(sqlite: SqliteConnection, work: () => Promise<unknown>): Promise<Recorded[]> {
  const log: Recorded[] = [];
  const prepare = sqlite.prepare.bind(sqlite);
  const patched = (source: string) => {
    const statement = prepare(source);
    const flags = { raw: false, pluck: false };
    const proxy: unknown = new Proxy(statement, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (typeof value !== "function") return value;
        if (property === "all" || property === "get" || property === "run" || property === "iterate") {
          return (...args: unknown[]) => {
            log.push({ source, method: property, args, ...flags });
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        if (property === "raw" || property === "pluck") {
          return (toggle?: boolean) => {
            flags[property] = toggle ?? true;
            if (toggle === undefined) (value as () => unknown).call(target);
            else (value as (t: boolean) => unknown).call(target, toggle);
            return proxy;
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
    return proxy;
  };
  (sqlite as unknown as { prepare: unknown }).prepare = patched;
  try {
    await work();
  } finally {
    (sqlite as unknown as { prepare: unknown }).prepare = prepare;
  }
  return log;
}

/** The recorded reads, each prepared once, replayed raw (arrays, no mapping); writes (a session's last-seen time) as they were. */
function rawReplay(sqlite: SqliteConnection, recorded: readonly Recorded[]): () => unknown[] {
  const prepared = recorded.map((r) => {
    const statement = sqlite.prepare(r.source);
    if (statement.reader) statement.raw(true);
    return { statement, r };
  });
  return () =>
    prepared.map(({ statement, r }) => {
      if (!statement.reader) return statement.run(...(r.args as never[]));
      return r.method === "get" ? statement.get(...(r.args as never[])) : statement.all(...(r.args as never[]));
    });
}

/** `changedMs`: the first overview after one of the year's reports changed (the scoring redone, not memoised). */
export type EvaluationHistory = { years: number; reports: number; productMs: number; rawMs: number; ratio: number; changedMs: number; statements: number; loadMs: number };
export type EvaluationRollupResult = { taskForces: number; rated: number; oneX: EvaluationHistory; tenX: EvaluationHistory; productRatio: number; historyRatio: number };

/** One history: the database, the product and the raw replay timed `rounds` times, interleaved. */
async function measure(firstYear: number, rounds: number): Promise<EvaluationHistory & { taskForces: number; rated: number }> {
  const handle = createTestDatabase();
  if (firstYear < 2009) addHistoricPeriods(handle, firstYear);
  const t0 = performance.now();
  loadDemoData(handle, { firstYear, lastYear: 2028, now: NOW });
  const loadMs = performance.now() - t0;
  const caller = centralAdmin(handle);
  const overview = () => caller().evaluation.overview({ year: YEAR });
  const check = await overview();
  if (check.taskForces.length !== 553) throw new Error(`the overview lists ${check.taskForces.length} task forces, not 553`);
  if (check.coverage.rated === 0) throw new Error("the overview rates no task force");
  for (let i = 0; i < 10; i++) await overview(); // warm-up (and the read cache filled)
  const recorded = await recordStatements(handle.sqlite, overview);
  const raw = rawReplay(handle.sqlite, recorded);
  for (let i = 0; i < 10; i++) raw();
  const product: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < rounds; i++) {
    product.push(await timeOnce(overview));
    rawTimes.push(await timeOnce(raw));
  }
  // After a change: one report of the year flips its on-time mark, so the memoised scoring is redone.
  const flip = handle.sqlite.prepare("UPDATE reports SET on_time = 1 - on_time WHERE id = (SELECT id FROM reports WHERE period_key = ? AND on_time IS NOT NULL ORDER BY id LIMIT 1)");
  const changed: number[] = [];
  for (let i = 0; i < CHANGED_ROUNDS; i++) {
    flip.run(String(YEAR));
    changed.push(await timeOnce(overview));
  }
  const reports = handle.sqlite.prepare("SELECT count(*) FROM reports").pluck().get() as number;
  handle.close();
  const p = median(product);
  const w = median(rawTimes);
  return { years: 2028 - firstYear + 1, reports, productMs: p, rawMs: w, ratio: p / w, changedMs: median(changed), statements: recorded.length, loadMs, taskForces: check.taskForces.length, rated: check.coverage.rated };
}

/** The national roll-up of 2025 at 20 years of history (2009–2028) and at 200 (1829–2028). */
export async function benchEvaluationRollup(rounds = 30): Promise<EvaluationRollupResult> {
  const one = await measure(2009, rounds);
  const ten = await measure(1829, rounds);
  const { taskForces, rated, ...oneX } = one;
  const { taskForces: _t, rated: _r, ...tenX } = ten;
  return { taskForces, rated, oneX, tenX, productRatio: one.ratio, historyRatio: ten.productMs / one.productMs };
}
