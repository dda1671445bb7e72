/**
 * Coverage of all 553 task forces on a date, through the real procedure (the task forces as they
 * stood that day in one query, every instrument in another, the status rule applied in memory),
 * against reading the same rows raw with better-sqlite3.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createCentralAdmin, createCaller, createContextInner } from "@gugus/api";
import { createTestDatabase } from "@gugus/db/testing";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchCoverage(rounds = 200): Promise<{ coverageMs: number; rawMs: number; ratio: number; instruments: number }> {
  const handle = createTestDatabase();
  const admin = await createCentralAdmin(handle.db, { email: "bench@gugus.test", name: "Bench", now: new Date(), by: "bench" });
  handle.sqlite.prepare("UPDATE users SET must_change_password = 0 WHERE id = ?").run(admin.account.id);
  const token = "bench-session";
  const { sha256 } = await import("./token.ts");
  // A session whose second factor was given, as a signed-in central admin's is.
  handle.sqlite.prepare("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, mfa_verified_at) VALUES (?, ?, ?, ?, ?)").run(sha256(token), admin.account.id, Date.now(), Date.now(), Date.now());
  const caller = () =>
    createCaller(
      createContextInner({ db: handle.db, sqlite: handle.sqlite, cookies: { get: () => token, set: () => undefined, clear: () => undefined } }),
    );

  // The illustrative 2018 formation list: 277 instruments.
  const csv = readFileSync(fileURLToPath(new URL("../../e2e/fixtures/formation-2018.csv", import.meta.url)));
  const { rows } = await caller().formationImport.parse({ fileName: "formation-2018.csv", contentBase64: csv.toString("base64") });
  await caller().formationImport.commit({ fileName: "formation-2018.csv", rows });

  const raw = [
    handle.sqlite.prepare("SELECT * FROM task_forces").raw(),
    handle.sqlite.prepare("SELECT * FROM task_force_regions").raw(),
    handle.sqlite.prepare("SELECT * FROM regions").raw(),
    handle.sqlite.prepare("SELECT * FROM instruments").raw(),
  ];
  const timeOnce = async (work: () => unknown) => {
    const t0 = performance.now();
    await work();
    return performance.now() - t0;
  };
  const coverage: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < 20; i++) await caller().hierarchy.coverage({ at: "2018-03-22" }); // warm-up
  for (let i = 0; i < rounds; i++) {
    // A fresh context each time: nothing is cached between rounds.
    coverage.push(await timeOnce(() => caller().hierarchy.coverage({ at: "2018-03-22" })));
    rawTimes.push(await timeOnce(() => raw.map((s) => s.all())));
  }
  const check = await caller().hierarchy.coverage({ at: "2018-03-22" });
  if (check.province.formed !== 32 || check.regency.formed !== 195) throw new Error("coverage does not reproduce 32 / 195");
  const instruments = handle.sqlite.prepare("SELECT count(*) FROM instruments").pluck().get() as number;
  handle.close();
  const c = median(coverage);
  const r = median(rawTimes);
  return { coverageMs: c, rawMs: r, ratio: c / r, instruments };
}
