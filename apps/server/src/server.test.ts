import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCentralAdmin } from "@gugus/api";
import { openDatabase, seedDatabase } from "@gugus/db";
import { createTestDatabase } from "@gugus/db/testing";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS, buildServer } from "./app.ts";
import { runCli } from "./cli.ts";
import { EnvError, REPO_ROOT, readEnv } from "./env.ts";
import { enrolSecondFactor, API_HEADERS, signIn, trpcPost } from "./http-helpers.test-util.ts";
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

const ADMIN_PASSWORD = "sandi admin yang panjang sekali";

describe("the HTTP server", () => {
  const database = createTestDatabase();
  let app: FastifyInstance;
  let base: string;
  let cookie: string;

  beforeAll(async () => {
    app = await buildServer({ database, appDist: { admin: fakeDist("admin"), portal: fakeDist("portal") }, rateLimitPerMinute: 0 });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    const admin = await createCentralAdmin(database.db, { email: "admin@gugus.test", name: "Admin Uji", now: new Date(), by: "test" });
    const first = await signIn(base, "admin@gugus.test", admin.oneTimePassword);
    const changed = await trpcPost(base, "auth.changePassword", { currentPassword: admin.oneTimePassword, newPassword: ADMIN_PASSWORD }, first);
    expect(changed.status).toBe(200);
    await enrolSecondFactor(base, first);
    cookie = first;
  });
  afterAll(async () => {
    // As in production (start.ts): a connection still busy after a grace period is cut, so a client
    // that never finished (the 413 upload) cannot hold the close open until the hook times out.
    const cut = setTimeout(() => app.server.closeAllConnections(), 2_000);
    await app.close();
    clearTimeout(cut);
    database.close();
  });

  const get = (path: string, input: unknown, withCookie = true) =>
    fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: withCookie ? { cookie, "x-gugus-client": "web" } : {} });

  it("/healthz answers JSON with the database status, without a session", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
  });

  it("without a session, the api answers 401 to everything but signing in", async () => {
    for (const path of ["hierarchy.tree", "ran.periods", "health.check", "auth.me", "accounts.list", "audit.list"]) {
      const res = await get(path, {}, false);
      expect(res.status, path).toBe(401);
    }
    expect((await trpcPost(base, "auth.signIn", { email: "x@y.id", password: "z" })).status).toBe(401);
  });

  it("sets the session cookie HttpOnly, SameSite=Lax, Path=/, and not Secure over plain HTTP", async () => {
    const res = await trpcPost(base, "auth.signIn", { email: "admin@gugus.test", password: ADMIN_PASSWORD });
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^gugus_sid=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
  });

  it("names the cookie __Host- and marks it Secure behind an HTTPS proxy it trusts", async () => {
    const proxied = await buildServer({ database, trustProxy: ["127.0.0.1"], rateLimitPerMinute: 0 });
    const res = await proxied.inject({
      method: "POST",
      url: "/trpc/auth.signIn",
      headers: { ...API_HEADERS, "x-forwarded-proto": "https", host: "gugus.example.go.id" },
      payload: { email: "admin@gugus.test", password: ADMIN_PASSWORD },
      remoteAddress: "127.0.0.1",
    });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers["set-cookie"])).toMatch(/^__Host-gugus_sid=.*Secure/);
    await proxied.close();
  });

  it("sends security headers: CSP default-src 'self' and frame-ancestors 'none', nosniff, no-referrer, HSTS", async () => {
    const res = await fetch(`${base}/admin/`);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("strict-transport-security")).toContain("max-age=31536000");
  });

  it("answers the api with Cache-Control: no-store, reference data with private, no-cache", async () => {
    expect((await get("auth.me", {})).headers.get("cache-control")).toBe("no-store");
    expect((await trpcPost(base, "ran.periods", {}, cookie)).headers.get("cache-control")).toBe("no-store");
    expect((await get("ran.periods", {})).headers.get("cache-control")).toBe("private, no-cache");
  });

  describe("the cross-site request guard", () => {
    it("refuses a form-encoded post (415) and a JSON post without the client header (403)", async () => {
      const form = await fetch(`${base}/trpc/auth.signOut`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie }, body: "a=1" });
      expect(form.status).toBe(415);
      const multipart = await fetch(`${base}/trpc/auth.signOut`, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x", cookie }, body: "--x--" });
      expect(multipart.status).toBe(415);
      const noHeader = await fetch(`${base}/trpc/auth.signOut`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: "{}" });
      expect(noHeader.status).toBe(403);
      expect(await noHeader.json()).toMatchObject({ error: { data: { messageKey: "FORBIDDEN" } } });
    });

    it("refuses a request from another origin or another site", async () => {
      const foreign = await fetch(`${base}/trpc/auth.signOut`, { method: "POST", headers: { ...API_HEADERS, cookie, origin: "https://evil.example" }, body: "{}" });
      expect(foreign.status).toBe(403);
      const crossSite = await fetch(`${base}/trpc/auth.me`, { headers: { cookie, "x-gugus-client": "web", "sec-fetch-site": "cross-site" } });
      expect(crossSite.status).toBe(403);
    });

    it("lets the app's own requests through, and the session survived every refused attempt", async () => {
      const own = await fetch(`${base}/trpc/auth.me`, { method: "POST", headers: { ...API_HEADERS, cookie, origin: base, "sec-fetch-site": "same-origin", "x-http-method-override": "GET" }, body: "{}" });
      expect([200, 405]).toContain(own.status);
      expect((await get("auth.me", {})).status).toBe(200);
    });
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

  it("answers tRPC queries over HTTP for a signed-in account", async () => {
    const res = await get("hierarchy.byRegion", { code: "32.75" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { regionName: string } } };
    expect(body.result.data.regionName).toBe("Kota Bekasi");
  });

  it.each([
    ["a malformed region code", "hierarchy.byRegion", { code: "32.700" }, 400, "REGION_CODE_MALFORMED"],
    ["an unknown task force", "hierarchy.byId", { id: 99999 }, 404, "TASK_FORCE_NOT_FOUND"],
    ["a year outside every period", "ran.periodOfYear", { year: 1990 }, 404, "YEAR_OUTSIDE_PERIODS"],
    ["a non-numeric year", "ran.periodOfYear", { year: "dua ribu" }, 400, "YEAR_INVALID"],
  ])("refuses %s (%s) with its status and a message key, no stack", async (_label, path, input, status, key) => {
    const res = await get(path, input);
    expect(res.status).toBe(status);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: { data: { messageKey: key } } });
    expect(text).not.toMatch(/"stack"|\.ts:\d+|node_modules/);
  });

  describe("every refusal in the API's one error shape, echoing no input", () => {
    /** The shape every error of the API has (its JSON-RPC code matching its tRPC code), without `xyzzy` from the request. */
    async function expectRefusal(res: Response, status: number, messageKey: string) {
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      const text = await res.text();
      const body = JSON.parse(text) as { error: { message: string; code: number; data: { code: keyof typeof TRPC_ERROR_CODES_BY_KEY; httpStatus: number; messageKey: string } } };
      expect(body).toMatchObject({ error: { message: expect.any(String) as string, data: { httpStatus: status, messageKey } } });
      expect(body.error.code).toBe(TRPC_ERROR_CODES_BY_KEY[body.error.data.code]);
      expect(text).not.toMatch(/xyzzy/i);
    }

    it("answers an unknown procedure 404 without naming it, by GET, POST and in a batch", async () => {
      await expectRefusal(await get("nothing.xyzzy", {}), 404, "NOT_FOUND");
      await expectRefusal(await trpcPost(base, "nothing.xyzzy", {}, cookie), 404, "NOT_FOUND");
      const batch = await fetch(`${base}/trpc/ran.periods,nothing.xyzzy?batch=1&input=%7B%7D`, { headers: { cookie, "x-gugus-client": "web" } });
      const text = await batch.text();
      expect(text).not.toMatch(/xyzzy/);
      expect((JSON.parse(text) as { error?: { data: { messageKey: string } } }[])[1]?.error?.data.messageKey).toBe("NOT_FOUND");
    });

    it("answers a URL longer than the router takes with 414, without the path", async () => {
      await expectRefusal(await fetch(`${base}/trpc/${"xyzzy".repeat(2000)}`, { headers: { cookie, "x-gugus-client": "web" } }), 414, "PAYLOAD_TOO_LARGE");
    });

    it("answers a URL that does not decode with 400, without the URL", async () => {
      await expectRefusal(await fetch(`${base}/trpc/xyzzy%zz`, { headers: { cookie, "x-gugus-client": "web" } }), 400, "VALIDATION_FAILED");
      await expectRefusal(await fetch(`${base}/xyzzy%E0%A4%A`), 400, "VALIDATION_FAILED");
    });

    it("answers an address the server does not have with 404, and a post of broken JSON there with 400", async () => {
      await expectRefusal(await fetch(`${base}/xyzzy`), 404, "NOT_FOUND");
      await expectRefusal(await fetch(`${base}/xyzzy`, { method: "POST", headers: API_HEADERS, body: "{xyzzy" }), 400, "VALIDATION_FAILED");
    });

    it("answers the cross-site guard's refusals with their own JSON-RPC codes", async () => {
      await expectRefusal(await fetch(`${base}/trpc/auth.signOut`, { method: "POST", headers: { "content-type": "text/xyzzy", cookie }, body: "xyzzy" }), 415, "UNSUPPORTED_MEDIA_TYPE");
      await expectRefusal(await fetch(`${base}/trpc/auth.signOut`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: "{}" }), 403, "FORBIDDEN");
    });
  });

  it("refuses malformed JSON input with 400, not 500", async () => {
    const res = await fetch(`${base}/trpc/hierarchy.byId?input=%7Bnot-json`, { headers: { cookie, "x-gugus-client": "web" } });
    expect(res.status).toBe(400);
  });

  it(`refuses a batch of more than ${LIMITS.batchSize} calls`, async () => {
    const paths = Array.from({ length: LIMITS.batchSize + 1 }, () => "ran.periods").join(",");
    const res = await fetch(`${base}/trpc/${paths}?batch=1&input=%7B%7D`, { headers: { cookie, "x-gugus-client": "web" } });
    expect(res.status).toBe(400);
    const ok = await fetch(`${base}/trpc/${paths.split(",").slice(1).join(",")}?batch=1&input=%7B%7D`, { headers: { cookie, "x-gugus-client": "web" } });
    expect(ok.status).toBe(200);
  });

  it("takes one sign-in per request: a batch of sign-ins checks only the first", async () => {
    const res = await fetch(`${base}/trpc/auth.signIn,auth.signIn,auth.signIn?batch=1`, {
      method: "POST",
      headers: API_HEADERS,
      body: JSON.stringify({ 0: { email: "a@x.id", password: "1" }, 1: { email: "b@x.id", password: "2" }, 2: { email: "c@x.id", password: "3" } }),
    });
    const body = (await res.json()) as { error: { data: { messageKey: string } } }[];
    expect(body.map((b) => b.error.data.messageKey)).toEqual(["SIGN_IN_FAILED", "SIGN_IN_THROTTLED", "SIGN_IN_THROTTLED"]);
  });

  it("refuses a body over 1 MiB with 413 and closes that connection", async () => {
    const res = await trpcPost(base, "auth.signIn", { email: "a@b.id", password: "xyzzy".repeat(LIMITS.bodyBytes / 5) });
    expect(res.status).toBe(413);
    expect(res.headers.get("connection")).toBe("close");
    expect(await res.json()).toMatchObject({ error: { code: TRPC_ERROR_CODES_BY_KEY.PAYLOAD_TOO_LARGE, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, messageKey: "PAYLOAD_TOO_LARGE" } } });
  });

  it("compresses large JSON for slow links", async () => {
    const res = await fetch(`${base}/trpc/hierarchy.tree`, { headers: { "accept-encoding": "gzip", cookie, "x-gugus-client": "web" } });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
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

  it("limits api requests per address (429 with the retry time), when a limit is set", async () => {
    const limited = await buildServer({ database, rateLimitPerMinute: 3 });
    const call = () => limited.inject({ method: "GET", url: "/trpc/ran.periods?input=%7B%7D", remoteAddress: "198.51.100.4" });
    for (let i = 0; i < 3; i++) expect((await call()).statusCode).toBe(401);
    const res = await call();
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ error: { data: { messageKey: "TOO_MANY_REQUESTS" } } });
    expect((await limited.inject({ method: "GET", url: "/healthz", remoteAddress: "198.51.100.4" })).statusCode).toBe(200);
    await limited.close();
  });
});

describe("configuration", () => {
  it("defaults: port 3000, host 127.0.0.1, data/gugus.sqlite under the repository root, no proxy trusted", () => {
    const env = readEnv({});
    expect(env).toMatchObject({ port: 3000, host: "127.0.0.1", databasePath: join(REPO_ROOT, "data/gugus.sqlite"), trustProxy: false, rateLimitPerMinute: 600, firstAdminEmail: "admin@gugus.local" });
  });

  it("reads the variables and keeps an absolute database path", () => {
    expect(() => readEnv({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY/);
    expect(readEnv({ PORT: "8080", HOST: "0.0.0.0", DATABASE_PATH: "/srv/g.sqlite", TRUST_PROXY: "10.0.0.1, 10.0.0.2" })).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      databasePath: "/srv/g.sqlite",
      trustProxy: ["10.0.0.1", "10.0.0.2"],
    });
  });

  it("refuses a bad port, log level or admin email, naming the variable", () => {
    expect(() => readEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => readEnv({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => readEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
    expect(() => readEnv({ FIRST_ADMIN_EMAIL: "admin" })).toThrow(/FIRST_ADMIN_EMAIL/);
  });
});

describe("start, restart and the CLI", () => {
  it("first start loads 553 task forces, periods I–IV and one central admin; a restart adds nothing", async () => {
    const databasePath = join(tmp, "restart.sqlite");
    const env = readEnv({ DATABASE_PATH: databasePath, PORT: "0", LOG_LEVEL: "silent" });
    const first = await startServer(env);
    expect(first.firstAdmin).toMatchObject({ account: { email: "admin@gugus.local", role: "central_admin", mustChangePassword: true } });
    const file = join(tmp, "first-admin.txt");
    expect(readFileSync(file, "utf8")).toContain(first.firstAdmin!.oneTimePassword);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await signIn(first.url, "admin@gugus.local", first.firstAdmin!.oneTimePassword);
    await first.stop();
    const second = await startServer(env);
    expect(second.firstAdmin).toBeNull();
    await second.stop();
    const db = openDatabase({ path: databasePath });
    expect(db.sqlite.prepare("SELECT count(*) FROM task_forces").pluck().get()).toBe(553);
    expect(db.sqlite.prepare("SELECT count(*) FROM ran_periods").pluck().get()).toBe(4);
    expect(db.sqlite.prepare("SELECT count(*) FROM users").pluck().get()).toBe(1);
    expect(seedDatabase(db.db)).toEqual({ regions: 0, taskForces: 0, periods: 0, instruments: 0 });
    db.close();
  });

  it("stop closes the server and the database, and a second stop is harmless", async () => {
    const running = await startServer(readEnv({ DATABASE_PATH: join(tmp, "stop.sqlite"), PORT: "0", LOG_LEVEL: "silent" }));
    await Promise.all([running.stop(), running.stop()]);
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
  });

  it("cli: migrate, seed twice (the second adds nothing), create-admin; unknown commands exit 2", async () => {
    const env = readEnv({ DATABASE_PATH: join(tmp, "cli.sqlite") });
    const logs: string[] = [];
    const log = console.log;
    const error = console.error;
    console.log = (msg: string) => logs.push(msg);
    console.error = (msg: string) => logs.push(msg);
    try {
      expect(await runCli(["migrate"], env)).toBe(0);
      expect(await runCli(["seed"], env)).toBe(0);
      expect(await runCli(["seed"], env)).toBe(0);
      expect(await runCli(["create-admin", "--email", "Kepala@KemenPPPA.go.id", "--name", "Kepala Sekretariat"], env)).toBe(0);
      expect(await runCli(["create-admin", "--email", "kepala@kemenpppa.go.id"], env)).toBe(1);
      expect(await runCli(["create-admin", "--email", "not-an-email"], env)).toBe(1);
      expect(await runCli(["create-admin"], env)).toBe(2);
      expect(await runCli(["frobnicate"], env)).toBe(2);
    } finally {
      console.log = log;
      console.error = error;
    }
    expect(logs[1]).toContain("added 578 regions, 553 task forces, 4 RAN periods");
    expect(logs[2]).toContain("added 0 regions, 0 task forces, 0 RAN periods");
    expect(logs[3]).toMatch(/email: {4}kepala@kemenpppa\.go\.id[\s\S]*password: [a-z2-9]{5}(-[a-z2-9]{5}){3}/);
    expect(logs[4]).toContain("already exists");
    expect(logs.at(-1)).toContain("unknown command: frobnicate");
  });
});
