import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@gugus/db";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "./cli.ts";
import { runCliProcess } from "./cli-process.test-util.ts";
import { acquireDatabaseLock } from "./database-lock.ts";
import { readEnv } from "./env.ts";

const tmp = mkdtempSync(join(tmpdir(), "gugus-demo-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const env = (name: string) => readEnv({ DATABASE_PATH: join(tmp, name, "gugus.sqlite") });
const quiet = () => ({ log: vi.spyOn(console, "log").mockImplementation(() => undefined), error: vi.spyOn(console, "error").mockImplementation(() => undefined) });

describe("pnpm cli demo", () => {
  it("migrates and seeds a new database, loads the demonstration data up to this year, says what and that it is synthetic; a second run is refused", async () => {
    const e = env("fresh");
    const { log, error } = quiet();
    expect(await runCli(["demo", "--seed", "42"], e)).toBe(0);
    const said = String(log.mock.calls[0]![0]);
    const thisYear = new Date().getUTCFullYear();
    expect(said).toMatch(new RegExp(`^loaded demonstration data into .*gugus\\.sqlite \\(seed 42, 2009–${thisYear}\\):`));
    expect(said).toMatch(/formed by 2018: 32 provinces, 195 regencies\/cities/);
    expect(said).toMatch(/WARNING: this is SYNTHETIC data for demonstration only/);

    const h = openDatabase({ path: e.databasePath });
    expect(h.sqlite.prepare("SELECT seed, first_year, last_year FROM demo_dataset").get()).toEqual({ seed: 42, first_year: 2009, last_year: thisYear });
    expect(h.sqlite.prepare("SELECT count(*) FROM task_forces").pluck().get()).toBe(553);
    expect(h.sqlite.prepare("SELECT min(year), max(year) FROM reports").raw().get()).toEqual([2009, thisYear]);
    expect(h.sqlite.prepare("SELECT DISTINCT status FROM reports WHERE year = ?").pluck().all(thisYear)).toEqual(["draft"]);
    h.close();

    expect(await runCli(["demo"], e)).toBe(1);
    expect(error.mock.calls.at(-1)![0]).toBe("refused: Demonstration data is already loaded.");
  }, 120_000);

  it("refuses while the server holds the database, loading nothing", async () => {
    const e = env("held");
    const lock = acquireDatabaseLock(e.databasePath, { purpose: "server" });
    const { error } = quiet();
    try {
      expect(await runCli(["demo"], e)).toBe(1);
      expect(String(error.mock.calls[0]![0])).toMatch(/^refused: .*gugus\.sqlite is in use by a running server/);
    } finally {
      lock.release();
    }
    const h = openDatabase({ path: e.databasePath });
    expect(h.sqlite.prepare("SELECT count(*) FROM demo_dataset").pluck().get()).toBe(0);
    h.close();
  });

  it("refuses a database that holds real reports, as its own process, exit 1", async () => {
    const e = env("real");
    const h = openDatabase({ path: e.databasePath });
    h.sqlite.exec("INSERT INTO ran_periods (number, first_year, last_year, status) VALUES (1, 2009, 2014, 'adopted')");
    h.sqlite.exec("INSERT INTO task_forces (level) VALUES ('national')");
    h.sqlite.exec("INSERT INTO reports (task_force_id, period_id, period_key, year, created_at, updated_at, content) VALUES (1, 1, '2010', 2010, 1, 1, '{}')");
    h.close();
    const run = await runCliProcess(["demo"], { databasePath: e.databasePath, workingDirectory: tmp });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("refused: The database holds real reports: demonstration data is loaded only into a fresh database.");
  }, 60_000);

  it("takes --seed as a whole number only", async () => {
    const { error } = quiet();
    expect(await runCli(["demo", "--seed=-1"], env("bad-seed"))).toBe(2);
    expect(await runCli(["demo", "--seed", "1.5"], env("bad-seed"))).toBe(2);
    expect(await runCli(["demo", "--seed", "4294967296"], env("bad-seed"))).toBe(2);
    expect(String(error.mock.calls[0]![0])).toMatch(/^demo needs --seed to be a whole number/);
  });
});
