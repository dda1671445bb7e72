#!/usr/bin/env node
// `pnpm test`: typecheck, lint and every test suite (unit, api, server, browser) through turbo,
// then one line with the real totals of all suites, summed from vitest's JSON reports.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const workspaces = ["apps", "packages", "tooling"].flatMap((dir) =>
  readdirSync(join(root, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(root, dir, d.name)),
);
const reports = workspaces.map((w) => join(w, ".reports", "vitest.json"));

// Old reports must not be counted: remove them; turbo restores a cached task's report with its output.
for (const report of reports) rmSync(report, { force: true });

// Two tasks at a time: the machines have two cores, and more at once only makes every suite slower.
const turbo = spawnSync("pnpm", ["exec", "turbo", "run", "typecheck", "lint", "test", "--continue", "--concurrency=2", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { TURBO_TELEMETRY_DISABLED: "1", ...process.env },
});

let passed = 0;
let failed = 0;
const missing = [];
for (const report of reports) {
  if (!existsSync(report)) {
    if (existsSync(join(report, "..", "..", "vitest.config.ts"))) missing.push(report);
    continue;
  }
  const json = JSON.parse(readFileSync(report, "utf8"));
  passed += json.numPassedTests ?? 0;
  failed += json.numFailedTests ?? 0;
  // A test file that could not even load has no failed test of its own: count it as one failure.
  for (const file of json.testResults ?? []) {
    if (file.status === "failed" && !(file.assertionResults ?? []).some((a) => a.status === "failed")) failed += 1;
  }
}
if (missing.length > 0) console.error(`no test report from: ${missing.map((m) => m.replace(root, "")).join(", ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(turbo.status === 0 && failed === 0 && missing.length === 0 ? 0 : 1);
