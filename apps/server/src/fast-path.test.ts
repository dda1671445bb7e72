import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { createCentralAdmin } from "@gugus/api";
import { createTestDatabase } from "@gugus/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "./app.ts";
import { createRateCounter, rateKeyOf } from "./fast-path.ts";
import type { FastPath } from "./fast-path.ts";
import { enrolSecondFactor, signIn, trpcPost } from "./http-helpers.test-util.ts";

const PASSWORD = "sandi uji yang panjang sekali";
const GET_HEADERS = { "x-gugus-client": "web" } as const;
const fastPathOf = (app: FastifyInstance) => (app as unknown as { fastPath: FastPath }).fastPath;

/** Headers that differ between two answers of the same content by their nature (time, window, level of a background recompression). */
const VARYING = new Set(["date", "etag", "content-length", "x-ratelimit-reset", "x-ratelimit-remaining", "keep-alive", "connection"]);
const stable = (res: Response) => Object.fromEntries([...res.headers.entries()].filter(([name]) => !VARYING.has(name)).sort(([a], [b]) => a.localeCompare(b)));
const decoded = async (res: Response) => {
  const bytes = Buffer.from(await res.arrayBuffer());
  const encoding = res.headers.get("content-encoding");
  // fetch decodes by itself; a body still compressed would not parse as JSON.
  if (bytes[0] !== 0x7b && encoding === "br") return brotliDecompressSync(bytes).toString();
  if (bytes[0] !== 0x7b && encoding === "gzip") return gunzipSync(bytes).toString();
  return bytes.toString();
};

describe("the fast path for kept answers", () => {
  const database = createTestDatabase();
  const clock = new Date("2026-11-28T03:00:00Z");
  let fast: FastifyInstance;
  let plain: FastifyInstance;
  const base = { fast: "", plain: "" };
  let cookie = "";

  const get = (server: keyof typeof base, path: string, input: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base[server]}/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers: { ...GET_HEADERS, cookie, ...headers } });

  beforeAll(async () => {
    // Two servers over one database: one with the fast path, one answering every kept entry through fastify.
    fast = await buildServer({ database, rateLimitPerMinute: 1000, now: () => clock });
    plain = await buildServer({ database, rateLimitPerMinute: 1000, now: () => clock, fastPath: false });
    base.fast = await fast.listen({ port: 0, host: "127.0.0.1" });
    base.plain = await plain.listen({ port: 0, host: "127.0.0.1" });
    const admin = await createCentralAdmin(database.db, { email: "admin@gugus.test", name: "Admin Uji", now: clock, by: "test" });
    cookie = await signIn(base.fast, "admin@gugus.test", admin.oneTimePassword);
    expect((await trpcPost(base.fast, "auth.changePassword", { currentPassword: admin.oneTimePassword, newPassword: PASSWORD }, cookie)).status).toBe(200);
    await enrolSecondFactor(base.fast, cookie, clock.getTime());
  });
  afterAll(async () => {
    await fast.close();
    await plain.close();
    database.close();
  });

  const READS: [string, unknown][] = [
    ["hierarchy.tree", undefined],
    ["ran.periods", undefined],
    ["hierarchy.byRegion", { code: "32" }],
  ];

  it.each(READS)("answers %s from kept bytes with the body and headers fastify sends, in every encoding and as a 304", async (path, input) => {
    for (const server of ["fast", "plain"] as const) for (let i = 0; i < 2; i++) await (await get(server, path, input)).arrayBuffer();
    for (const encoding of ["br", "gzip", "identity"]) {
      const before = fastPathOf(fast).answered();
      const [a, b] = [await get("fast", path, input, { "accept-encoding": encoding }), await get("plain", path, input, { "accept-encoding": encoding })];
      expect(fastPathOf(fast).answered()).toBe(before + 1);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(stable(a), path).toEqual(stable(b));
      expect(a.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
      expect(a.headers.get("cache-control")).toBe("private, no-cache");
      expect(await decoded(a)).toBe(await decoded(b));

      const etag = a.headers.get("etag")!;
      const [c, d] = [await get("fast", path, input, { "accept-encoding": encoding, "if-none-match": etag }), await get("plain", path, input, { "accept-encoding": encoding, "if-none-match": etag })];
      expect([c.status, d.status]).toEqual([304, 304]);
      // fastify labels its empty 304 text/plain; a 304 has no body to label, and the fast path sends none.
      const { "content-type": _label, ...plain304 } = stable(d);
      expect(stable(c)).toEqual(plain304);
      expect(await c.text()).toBe("");
    }
  });

  it("leaves to fastify what fastify refuses or must see: a GET with a cookie but no client header, a cross-site one, a forwarded one, a batch", async () => {
    await (await get("fast", "ran.periods", undefined)).arrayBuffer();
    const before = fastPathOf(fast).answered();
    const noHeader = await fetch(`${base.fast}/trpc/ran.periods`, { headers: { cookie } });
    expect(noHeader.status).toBe(403);
    expect((await get("fast", "ran.periods", undefined, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await get("fast", "ran.periods", undefined, { origin: "https://elsewhere.example" })).status).toBe(403);
    const forwarded = await get("fast", "ran.periods", undefined, { "x-forwarded-for": "203.0.113.9" });
    expect(forwarded.status).toBe(200);
    await forwarded.arrayBuffer();
    const batch = await fetch(`${base.fast}/trpc/ran.periods,ran.periods?batch=1&input=${encodeURIComponent("{}")}`, { headers: { ...GET_HEADERS, cookie } });
    await batch.arrayBuffer();
    expect(fastPathOf(fast).answered()).toBe(before);
  });

  it("serves no one whose session does not let the guard through: no cookie, an unknown one, a one-time password still to change, a signed-out session", async () => {
    await (await get("fast", "hierarchy.tree", undefined)).arrayBuffer();
    const before = fastPathOf(fast).answered();
    expect((await fetch(`${base.fast}/trpc/hierarchy.tree`, { headers: GET_HEADERS })).status).toBe(401);
    // A cookie written in quotes is read as tRPC reads it (quotes kept: no such session), not unquoted.
    const quoted = await fetch(`${base.fast}/trpc/hierarchy.tree`, { headers: { ...GET_HEADERS, cookie: cookie.replace("=", '="') + '"' } });
    expect(quoted.status).toBe(401);
    const unknown = await fetch(`${base.fast}/trpc/hierarchy.tree`, { headers: { ...GET_HEADERS, cookie: "gugus_sid=not-a-session" } });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("set-cookie")).toMatch(/gugus_sid=;/);

    const created = await trpcPost(base.fast, "accounts.create", { email: "baru@gugus.test", name: "Akun Baru", position: "Staf", taskForceId: 1, role: "central_viewer" }, cookie);
    const { oneTimePassword } = ((await created.json()) as { result: { data: { oneTimePassword: string } } }).result.data;
    const fresh = await signIn(base.fast, "baru@gugus.test", oneTimePassword);
    expect((await fetch(`${base.fast}/trpc/hierarchy.tree`, { headers: { ...GET_HEADERS, cookie: fresh } })).status).toBe(403);

    // A central admin's new session waits for its second factor; a viewer's does not.
    expect((await trpcPost(base.fast, "auth.changePassword", { currentPassword: oneTimePassword, newPassword: PASSWORD }, fresh)).status).toBe(200);
    const other = await signIn(base.fast, "baru@gugus.test", PASSWORD);
    // A viewer's answer is kept under its own key: computed once, then sent from kept bytes.
    for (let i = 0; i < 2; i++) await (await get("fast", "hierarchy.tree", undefined, { cookie: other })).arrayBuffer();
    expect((await trpcPost(base.fast, "auth.signOut", {}, other)).status).toBe(200);
    expect((await fetch(`${base.fast}/trpc/hierarchy.tree`, { headers: { ...GET_HEADERS, cookie: other } })).status).toBe(401);
    // Only the one signed-in request of the signed-out session came from kept bytes.
    expect(fastPathOf(fast).answered()).toBe(before + 1);
  });

  it("never answers from an entry of an earlier data version: a write, and the next read is computed", async () => {
    const first = await get("fast", "ran.periods", undefined);
    const old = (await first.json()) as { result: { data: { periods: unknown[] } } };
    await (await get("fast", "ran.periods", undefined)).arrayBuffer();
    const created = await trpcPost(base.fast, "ran.createPeriod", { number: 5, firstYear: 2030, lastYear: 2034 }, cookie);
    expect(created.status).toBe(200);
    const before = fastPathOf(fast).answered();
    const after = (await (await get("fast", "ran.periods", undefined)).json()) as { result: { data: { periods: unknown[] } } };
    expect(fastPathOf(fast).answered()).toBe(before);
    expect(after.result.data.periods).toHaveLength(old.result.data.periods.length + 1);
  });
});

describe("the rate limit across both paths", () => {
  const database = createTestDatabase();
  const now = new Date("2026-11-28T03:00:00Z");
  let app: FastifyInstance;
  let base = "";
  let cookie = "";

  beforeAll(async () => {
    app = await buildServer({ database, rateLimitPerMinute: 10, now: () => now });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    const admin = await createCentralAdmin(database.db, { email: "admin@gugus.test", name: "Admin Uji", now, by: "test" });
    cookie = await signIn(base, "admin@gugus.test", admin.oneTimePassword);
    expect((await trpcPost(base, "auth.changePassword", { currentPassword: admin.oneTimePassword, newPassword: PASSWORD }, cookie)).status).toBe(200);
    await enrolSecondFactor(base, cookie, now.getTime());
  });
  afterAll(async () => {
    await app.close();
    database.close();
  });

  it("counts kept answers and computed ones in one counter, and leaves the refusal over the limit to fastify (429)", async () => {
    // Four calls so far (sign-in, password change, enrolment begun and confirmed); the first read is computed, the next ones kept.
    const answers: [number, string | null][] = [];
    for (let i = 0; i < 7; i++) {
      const res = await fetch(`${base}/trpc/ran.periods`, { headers: { ...GET_HEADERS, cookie } });
      await res.arrayBuffer();
      answers.push([res.status, res.headers.get("x-ratelimit-remaining")]);
    }
    expect(answers).toEqual([
      [200, "5"],
      [200, "4"],
      [200, "3"],
      [200, "2"],
      [200, "1"],
      [200, "0"],
      [429, "0"],
    ]);
    expect(fastPathOf(app).answered()).toBe(5);
  });
});

describe("rateKeyOf", () => {
  it("keys IPv4 by the address, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64 however it is written", () => {
    expect(rateKeyOf("198.51.100.7")).toBe("198.51.100.7");
    expect(rateKeyOf("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(rateKeyOf("2001:db8:0:1::5")).toBe("2001:db8:0:1::/64");
    expect(rateKeyOf("2001:0db8:0000:0001:abcd:0:0:9")).toBe("2001:db8:0:1::/64");
    expect(rateKeyOf("::1")).toBe("0:0:0:0::/64");
    expect(rateKeyOf("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });
});

describe("createRateCounter", () => {
  it("counts within a window and starts again after it, forgetting the oldest client beyond its size", () => {
    const counter = createRateCounter({ maxClients: 2 });
    const count = (key: string) => {
      let current = 0;
      counter.incr(key, (_e, r) => void (current = r.current), 60_000);
      return current;
    };
    expect([count("a"), count("a"), count("b"), count("a")]).toEqual([1, 2, 1, 3]);
    count("c"); // "b" is now the oldest and goes
    expect(count("b")).toBe(1);
    expect(count("a")).toBe(1);
    expect(counter.child()).toBe(counter);
  });
});
