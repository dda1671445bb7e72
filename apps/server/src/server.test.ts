import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, seedDatabase } from "@gugus/db";
import { createTestDatabase } from "@gugus/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS, buildServer } from "./app.ts";
import { runCli } from "./cli.ts";
import { EnvError, REPO_ROOT, readEnv } from "./env.ts";
import { startServer } from "./start.ts";

const tmp = mkdtempSync(join(tmpdir(), "gugus-server-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A fake built app so the static and fallback routes can be tested without a Vite build. */
function fakeDist(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(join(dir, "assets"), { recursive: true });
  writeFileSync(join(dir, "index.html"), `<!doctype html><title>${name}</title>`);
  writeFileSync(join(dir, "assets", "app-abc123.js"), "console.log(1)");
  return dir;
}

describe("the HTTP server", () => {
  const database = createTestDatabase();
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    app = await buildServer({ database, appDist: { admin: fakeDist("admin"), portal: fakeDist("portal") } });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app.close();
    database.close();
  });

  it("/healthz answers JSON with the database status", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
  });

  it("/ links to both apps", async () => {
    const html = await (await fetch(base)).text();
    expect(html).toContain('href="/admin/"');
    expect(html).toContain('href="/portal/"');
  });

  it("serves each app's page for its own deep links, and assets with a long cache", async () => {
    for (const name of ["admin", "portal"]) {
      const page = await fetch(`${base}/${name}/task-forces/5`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`<title>${name}</title>`);
      const asset = await fetch(`${base}/${name}/assets/app-abc123.js`);
      expect(asset.headers.get("cache-control")).toContain("immutable");
      expect((await fetch(`${base}/${name}/assets/missing.js`)).status).toBe(404);
    }
    const redirect = await fetch(`${base}/admin`, { redirect: "manual" });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe("/admin/");
  });

  it("answers tRPC queries over HTTP", async () => {
    const res = await fetch(`${base}/trpc/hierarchy.byRegion?input=${encodeURIComponent(JSON.stringify({ code: "32.75" }))}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { regionName: string } } };
    expect(body.result.data.regionName).toBe("Kota Bekasi");
  });

  it.each([
    ["a malformed region code", "hierarchy.byRegion", { code: "32.700" }, 400, "REGION_CODE_MALFORMED"],
    ["an unknown task force", "hierarchy.byId", { id: 99999 }, 404, "TASK_FORCE_NOT_FOUND"],
    ["a year outside every period", "ran.periodOfYear", { year: 1990 }, 404, "YEAR_OUTSIDE_PERIODS"],
    ["a non-numeric year", "ran.periodOfYear", { year: "dua ribu" }, 400, "YEAR_INVALID"],
  ])("refuses %s with %i and a message key, no stack", async (_label, path, input, status, key) => {
    const res = await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
    expect(res.status).toBe(status);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: { data: { messageKey: key } } });
    expect(text).not.toMatch(/"stack"|\.ts:\d+|node_modules/);
  });

  it("refuses malformed JSON input with 400, not 500", async () => {
    const res = await fetch(`${base}/trpc/hierarchy.byId?input=%7Bnot-json`);
    expect(res.status).toBe(400);
  });

  it(`refuses a batch of more than ${LIMITS.batchSize} calls`, async () => {
    const paths = Array.from({ length: LIMITS.batchSize + 1 }, () => "health.check").join(",");
    const res = await fetch(`${base}/trpc/${paths}?batch=1&input=%7B%7D`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const ok = await fetch(`${base}/trpc/${paths.split(",").slice(1).join(",")}?batch=1&input=%7B%7D`);
    expect(ok.status).toBe(200);
  });

  it("refuses a body over 1 MiB with 413", async () => {
    const res = await fetch(`${base}/trpc/health.check`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ pad: "x".repeat(LIMITS.bodyBytes) }),
    });
    expect(res.status).toBe(413);
  });

  it("compresses large JSON for slow links", async () => {
    const res = await fetch(`${base}/trpc/hierarchy.tree`, { headers: { "accept-encoding": "gzip" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
  });

  it("answers 503 on /healthz when the database is gone", async () => {
    const other = createTestDatabase({ seed: false });
    const server = await buildServer({ database: other });
    other.close();
    const res = await server.inject({ method: "GET", url: "/healthz" });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: "error", database: "unavailable" });
    await server.close();
  });

  it("answers 503 with a hint for an app that is not built", async () => {
    const server = await buildServer({ database, appDist: { admin: join(tmp, "nowhere"), portal: join(tmp, "nowhere") } });
    const res = await server.inject({ method: "GET", url: "/admin/" });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain("pnpm build");
    await server.close();
  });
});

describe("configuration", () => {
  it("defaults: port 3000, host 127.0.0.1, data/gugus.sqlite under the repository root", () => {
    const env = readEnv({});
    expect(env).toMatchObject({ port: 3000, host: "127.0.0.1", databasePath: join(REPO_ROOT, "data/gugus.sqlite") });
  });

  it("reads the variables and keeps an absolute database path", () => {
    expect(readEnv({ PORT: "8080", HOST: "0.0.0.0", DATABASE_PATH: "/srv/g.sqlite" })).toMatchObject({ port: 8080, host: "0.0.0.0", databasePath: "/srv/g.sqlite" });
  });

  it("refuses a bad port or log level, naming the variable", () => {
    expect(() => readEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => readEnv({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => readEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });
});

describe("start, restart and the CLI", () => {
  it("first start loads 553 task forces and periods I–IV; a restart keeps them and adds nothing", async () => {
    const databasePath = join(tmp, "restart.sqlite");
    const env = { ...readEnv({ DATABASE_PATH: databasePath, PORT: "0", LOG_LEVEL: "silent" }) };
    const first = await startServer(env);
    const tree = (await (await fetch(`${first.url}/trpc/hierarchy.tree`)).json()) as { result: { data: { id: number }[] } };
    expect(tree.result.data).toHaveLength(553);
    await first.stop();
    const second = await startServer(env);
    const again = (await (await fetch(`${second.url}/trpc/hierarchy.tree`)).json()) as { result: { data: { id: number }[] } };
    expect(again.result.data.map((t) => t.id)).toEqual(tree.result.data.map((t) => t.id));
    await second.stop();
    const db = openDatabase({ path: databasePath });
    expect(db.sqlite.prepare("SELECT count(*) FROM task_forces").pluck().get()).toBe(553);
    expect(db.sqlite.prepare("SELECT count(*) FROM ran_periods").pluck().get()).toBe(4);
    expect(seedDatabase(db.db)).toEqual({ regions: 0, taskForces: 0, periods: 0 });
    db.close();
  });

  it("stop closes the server and the database, and a second stop is harmless", async () => {
    const running = await startServer(readEnv({ DATABASE_PATH: join(tmp, "stop.sqlite"), PORT: "0", LOG_LEVEL: "silent" }));
    await Promise.all([running.stop(), running.stop()]);
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });

  it("cli: migrate then seed twice (the second adds nothing); unknown commands exit 2", () => {
    const env = readEnv({ DATABASE_PATH: join(tmp, "cli.sqlite") });
    const logs: string[] = [];
    const log = console.log;
    const error = console.error;
    console.log = (msg: string) => logs.push(msg);
    console.error = (msg: string) => logs.push(msg);
    try {
      expect(runCli(["migrate"], env)).toBe(0);
      expect(runCli(["seed"], env)).toBe(0);
      expect(runCli(["seed"], env)).toBe(0);
      expect(runCli(["frobnicate"], env)).toBe(2);
      expect(runCli([], env)).toBe(2);
    } finally {
      console.log = log;
      console.error = error;
    }
    expect(logs[1]).toContain("added 552 regions, 553 task forces, 4 RAN periods");
    expect(logs[2]).toContain("added 0 regions, 0 task forces, 0 RAN periods");
    expect(logs[3]).toContain("unknown command: frobnicate");
  });
});
