/**
 * `pnpm bench`: measures the product against baselines taken in the same run, and prints ratios
 * (absolute numbers drift on a noisy machine; ratios hold).
 *
 *  1. Over HTTP on loopback (autocannon), for `hierarchy.tree` (553 task forces, 76 KB) and the small
 *     `ran.periods`, signed in: a bare node:http server sending the same bytes (plain, br, an empty
 *     304); the stack's floor (a minimal tRPC router on fastify returning the same object); the
 *     product cold (response cache off), warm, and a 304 revalidation — each as a ratio to its bare
 *     baseline. The bare server also replays the product's answers whole (security and cache headers
 *     included: the same bytes on the wire), the baseline of the warm and 304 goals; the ratio to the
 *     bare server with minimal headers is printed beside. Goals: warm br ≥ 0.5 of bare br; 304 ≥ 0.5
 *     of bare 304; cold ≥ 0.8 of the floor.
 *     `BENCH_ONLY=http` runs this section alone.
 *  2. First-load weight (JS + CSS, gzip) of the admin app and the portal; the goal is ≤ 250 KB for both.
 *  3. Sign-in timing: an unknown email against a wrong password (should be about 1.0).
 *  4. Coverage of all 553 task forces on a date (two queries and the status rule) against reading
 *     the same rows raw.
 *  5. Saving a full report draft (`reports.save`) against the same rows read and written raw in one
 *     transaction (the session and account, the task force, the report's state, last year's report,
 *     the year's action items; the report row with its version check and the chained audit entry):
 *     p50 and p99; the goal is ≤ 2×. Calls share one read cache, as the server's do.
 *  6. The national reporting rate of one period over 553 task forces × 20 years of reports against
 *     reading the same rows raw; the goal is ≤ 2×.
 *  7. The national evaluation roll-up (`evaluation.overview` of 2025: scores, ranks with bands, rate,
 *     budget, spread and suppressed counts of 553 task forces) on demonstration data, against the
 *     SQL it runs replayed raw (goal ≤ 2×), and at ten times the history (goal ≤ 12× the time at
 *     1×), with the first overview after a report changed beside it. `BENCH_ONLY=evaluation` runs
 *     this section alone.
 */
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { benchCoverage } from "./coverage.ts";
import { benchEvaluationRollup } from "./evaluation.ts";
import { benchReportRate, benchReportSave } from "./reports.ts";
import { benchSignInTiming } from "./sign-in.ts";
import { QUERIES } from "./queries.ts";
import type { ServerUrls } from "./queries.ts";
import { firstLoadWeight } from "./weight.ts";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 10;
const FIRST_LOAD_GOAL_BYTES = 250 * 1024;
const REPORT_GOAL_RATIO = 2;

type Run = { rps: number; p50: number; p99: number };

/** Throughput and latency of one URL; every answer must have the expected status (200, or 304 for revalidations). */
async function load(url: string, headers: Record<string, string> = {}, status: 200 | 304 = 200): Promise<Run> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, pipelining: 1, headers });
  const wrong = status === 200 ? result.non2xx : result.requests.total - result["3xx"];
  if (wrong > 0 || result.errors > 0) throw new Error(`${url}: ${wrong} answers not ${status}, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function startServers(): Promise<{ urls: ServerUrls; stop: () => void }> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./servers.ts", import.meta.url))], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const urls = await new Promise<ServerUrls>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line) as ServerUrls);
    });
    child.once("exit", (code) => reject(new Error(`bench servers exited with ${code}`)));
  });
  return { urls, stop: () => child.kill("SIGTERM") };
}

/** Goals of issue 13, each a ratio to its baseline in the same run. */
const HTTP_GOALS = { warmBr: 0.5, revalidation: 0.5, coldToFloor: 0.8 } as const;

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

/**
 * Section 1: per query, the bare server (the same bytes, plain and br; an empty 304), the stack's
 * floor (tRPC on fastify, the same object), and the product cold (no response cache: computed,
 * serialised and compressed each time), warm (from kept bytes) and revalidated (304) — in turns,
 * `ROUNDS` times, medians.
 */
async function benchHttp() {
  const { urls, stop } = await startServers();
  try {
    const signedIn = { cookie: urls.cookie, "x-gugus-client": "web" };
    const before = loadAverage();
    for (const query of QUERIES) {
      const q = urls.queries[query];
      const cases = {
        bare: () => load(`${urls.bare}/${query}/identity`),
        bareBr: () => load(`${urls.bare}/${query}/br`),
        bare304: () => load(`${urls.bare}/304`, {}, 304),
        sameBr: () => load(`${urls.bare}/same/${query}/br`),
        same304: () => load(`${urls.bare}/same/${query}/304`, {}, 304),
        floor: () => load(`${urls.floor}/trpc/${query}`),
        cold: () => load(`${urls.cold}/trpc/${query}`, signedIn),
        coldBr: () => load(`${urls.cold}/trpc/${query}`, { ...signedIn, "accept-encoding": "br" }),
        warm: () => load(`${urls.warm}/trpc/${query}`, signedIn),
        warmBr: () => load(`${urls.warm}/trpc/${query}`, { ...signedIn, "accept-encoding": "br" }),
        revalidation: () => load(`${urls.warm}/trpc/${query}`, { ...signedIn, "accept-encoding": "br", "if-none-match": q.etag }, 304),
      };
      type Case = keyof typeof cases;
      const names = Object.keys(cases) as Case[];
      const runs = Object.fromEntries(names.map((k) => [k, [] as Run[]])) as Record<Case, Run[]>;
      for (const name of names) await cases[name](); // warm-up
      for (let i = 0; i < ROUNDS; i++) for (const name of names) runs[name].push(await cases[name]());
      const m = Object.fromEntries(names.map((k) => [k, { rps: median(runs[k].map((r) => r.rps)), p50: median(runs[k].map((r) => r.p50)), p99: median(runs[k].map((r) => r.p99)) }])) as Record<Case, Run>;
      const line = (label: string, r: Run, base: Run, baseLabel: string, goal?: number, also?: { base: Run; label: string }) => {
        const ratio = r.rps / base.rps;
        const verdict = goal === undefined ? "" : `   goal ≥ ${goal}: ${ratio >= goal ? "met" : "NOT MET"}`;
        const beside = also ? `   (${(r.rps / also.base.rps).toFixed(3)} of ${also.label})` : "";
        console.log(`  ${label.padEnd(30)} ${r.rps.toFixed(0).padStart(6)} req/s   p50 ${String(r.p50).padStart(2)} ms   p99 ${String(r.p99).padStart(3)} ms   ${ratio.toFixed(3)} of ${baseLabel}${verdict}${beside}`);
      };
      console.log(`\n${query}, signed in (${q.identityBytes} B, br ${q.brBytes} B; ${CONNECTIONS} connections, ${ROUNDS} × ${DURATION_S} s, medians)`);
      line("bare node:http", m.bare, m.bare, "bare");
      line("bare node:http, br bytes", m.bareBr, m.bareBr, "bare br");
      line("bare 304", m.bare304, m.bare304, "bare 304");
      line("bare br, the product's headers", m.sameBr, m.bareBr, "bare br");
      line("bare 304, the product's headers", m.same304, m.bare304, "bare 304");
      line("floor: tRPC on fastify", m.floor, m.bare, "bare");
      line("product cold", m.cold, m.floor, "floor", HTTP_GOALS.coldToFloor);
      line("product cold, br 5", m.coldBr, m.bareBr, "bare br");
      line("product warm", m.warm, m.bare, "bare");
      // The goals compare like with like: the bare server sending the product's very answers, headers included.
      line("product warm, br", m.warmBr, m.sameBr, "bare br, same headers", HTTP_GOALS.warmBr, { base: m.bareBr, label: "bare br" });
      line("product 304", m.revalidation, m.same304, "bare 304, same headers", HTTP_GOALS.revalidation, { base: m.bare304, label: "bare 304" });
    }
    console.log(`  load average (1, 5, 15 min) before ${before}, after ${loadAverage()} — 2 cores, shared: ratios are only as steady as the machine`);
  } finally {
    stop();
  }
}

function benchWeight() {
  console.log("\nfirst-load weight (gzip -9, JS + CSS named in index.html)");
  const goal = FIRST_LOAD_GOAL_BYTES;
  for (const name of ["admin", "portal"] as const) {
    const dist = fileURLToPath(new URL(`../../../apps/${name}/dist/`, import.meta.url));
    const w = firstLoadWeight(dist, `/${name}/`);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const verdict = `   goal ≤ ${kb(goal)}: ${w.total <= goal ? "met" : "NOT MET"} (${((w.total / goal) * 100).toFixed(0)}% of goal)`;
    console.log(`  ${name.padEnd(7)} JS ${kb(w.js).padStart(9)}   CSS ${kb(w.css).padStart(8)}   total ${kb(w.total).padStart(9)}${verdict}`);
  }
}

async function benchSignIn() {
  const r = await benchSignInTiming();
  console.log("\nsign-in timing (median of 30 each, argon2id 19 MiB / 2 passes)");
  console.log(`  unknown email ${r.unknownMs.toFixed(1)} ms   wrong password ${r.wrongMs.toFixed(1)} ms   ratio ${r.ratio.toFixed(2)} (1.00 = indistinguishable)`);
}

async function benchCoverageLine() {
  const r = await benchCoverage();
  console.log(`\ncoverage on 2018-03-22 (553 task forces, ${r.instruments} instruments; median of 200, shared read cache)`);
  console.log(`  hierarchy.coverage ${r.coverageMs.toFixed(2)} ms   raw reads of the same rows ${r.rawMs.toFixed(2)} ms   ratio ${r.ratio.toFixed(2)}`);
}

const goal = (ratio: number) => `goal ≤ ${REPORT_GOAL_RATIO}×: ${ratio <= REPORT_GOAL_RATIO ? "met" : "NOT MET"}`;

async function benchReportSaveLine() {
  const r = await benchReportSave();
  const p50 = r.product.p50 / r.raw.p50;
  const p99 = r.product.p99 / r.raw.p99;
  console.log(`\nreports.save, a full draft (${(r.bytes / 1024).toFixed(1)} KB of JSON, ${r.items} items; 1000 saves, shared read cache)`);
  console.log(`  reports.save  p50 ${r.product.p50.toFixed(2)} ms   p99 ${r.product.p99.toFixed(2)} ms`);
  console.log(`  raw same rows   p50 ${r.raw.p50.toFixed(2)} ms   p99 ${r.raw.p99.toFixed(2)} ms`);
  console.log(`  ratio         p50 ${p50.toFixed(1)}×   p99 ${p99.toFixed(1)}×   ${goal(p50)} (p50)`);
}

async function benchReportRateLine() {
  const r = await benchReportRate();
  console.log(`\nreports.rate of 2025, national (${r.reports} reports over ${r.periodKeys} periods, ${r.expected} expected; median of 200, shared read cache)`);
  console.log(`  reports.rate ${r.rateMs.toFixed(2)} ms   raw reads of the same rows ${r.rawMs.toFixed(2)} ms   ratio ${r.ratio.toFixed(2)}   ${goal(r.ratio)}`);
}

const HISTORY_GOAL_RATIO = 12;

async function benchEvaluationLine() {
  const r = await benchEvaluationRollup();
  const line = (label: string, h: typeof r.oneX) =>
    `  ${label} ${h.years} years, ${h.reports} reports: overview ${h.productMs.toFixed(2)} ms   raw ${h.statements} statements ${h.rawMs.toFixed(2)} ms   ratio ${h.ratio.toFixed(2)}   after a change ${h.changedMs.toFixed(0)} ms`;
  console.log(`\nevaluation.overview of 2025, national (${r.taskForces} task forces, ${r.rated} rated; demonstration data; median of 30, shared read cache)`);
  console.log(line("1× ", r.oneX));
  console.log(line("10×", r.tenX));
  console.log(`  product/raw at 1× ${r.productRatio.toFixed(2)}   ${goal(r.productRatio)}`);
  console.log(`  time 10×/1×       ${r.historyRatio.toFixed(2)}   goal ≤ ${HISTORY_GOAL_RATIO}×: ${r.historyRatio <= HISTORY_GOAL_RATIO ? "met" : "NOT MET"}`);
}

if (process.env.BENCH_ONLY === "http") {
  await benchHttp();
} else if (process.env.BENCH_ONLY === "evaluation") {
  await benchEvaluationLine();
} else {
  benchWeight();
  await benchCoverageLine();
  await benchReportSaveLine();
  await benchReportRateLine();
  await benchEvaluationLine();
  await benchSignIn();
  await benchHttp();
}
