/**
 * `pnpm bench`: measures the product against baselines taken in the same run, and prints ratios
 * (absolute numbers drift on a noisy machine; ratios hold).
 *
 *  1. tRPC `hierarchy.tree` (553 task forces, through fastify, tRPC and SQLite) against a bare
 *     node:http server sending the same bytes: throughput and latency, on loopback, with autocannon.
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
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { benchCoverage } from "./coverage.ts";
import { benchReportRate, benchReportSave } from "./reports.ts";
import { benchSignInTiming } from "./sign-in.ts";
import { firstLoadWeight } from "./weight.ts";

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 10;
const FIRST_LOAD_GOAL_BYTES = 250 * 1024;
const REPORT_GOAL_RATIO = 2;

type Run = { rps: number; p50: number; p99: number };

async function load(url: string, headers: Record<string, string> = {}): Promise<Run> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, pipelining: 1, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

type Urls = { trpc: string; bare: string; bytes: number; cookie: string };

async function startServers(): Promise<{ urls: Urls; stop: () => void }> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./servers.ts", import.meta.url))], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const urls = await new Promise<Urls>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line) as Urls);
    });
    child.once("exit", (code) => reject(new Error(`bench servers exited with ${code}`)));
  });
  return { urls, stop: () => child.kill("SIGTERM") };
}

async function benchTree() {
  const { urls, stop } = await startServers();
  try {
    const auth = { cookie: urls.cookie };
    await load(urls.bare); // warm-up both
    await load(urls.trpc, auth);
    const bare: Run[] = [];
    const trpc: Run[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      bare.push(await load(urls.bare));
      trpc.push(await load(urls.trpc, auth));
    }
    const b = { rps: median(bare.map((r) => r.rps)), p50: median(bare.map((r) => r.p50)), p99: median(bare.map((r) => r.p99)) };
    const t = { rps: median(trpc.map((r) => r.rps)), p50: median(trpc.map((r) => r.p50)), p99: median(trpc.map((r) => r.p99)) };
    console.log(`\nhierarchy.tree, signed in (${urls.bytes} bytes, ${CONNECTIONS} connections, ${ROUNDS} × ${DURATION_S} s, medians)`);
    console.log(`  bare node:http   ${b.rps.toFixed(0).padStart(7)} req/s   p50 ${b.p50} ms   p99 ${b.p99} ms`);
    console.log(`  tRPC + SQLite    ${t.rps.toFixed(0).padStart(7)} req/s   p50 ${t.p50} ms   p99 ${t.p99} ms`);
    console.log(`  ratio tRPC/bare  throughput ${(t.rps / b.rps).toFixed(3)}   p99 latency ${(t.p99 / Math.max(b.p99, 1)).toFixed(2)}×`);
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

benchWeight();
await benchCoverageLine();
await benchReportSaveLine();
await benchReportRateLine();
await benchSignIn();
await benchTree();
