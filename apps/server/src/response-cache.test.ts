import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { CACHEABLE, createCentralAdmin } from "@gugus/api";
import type { CacheableProcedure } from "@gugus/api";
import { createTestDatabase } from "@gugus/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "./app.ts";
import { enrolSecondFactor, signIn, trpcPost } from "./http-helpers.test-util.ts";
import { cacheableProcedureOf, pickEncoding } from "./response-cache.ts";
import type { ResponseCache } from "./response-cache.ts";

const PASSWORD = "sandi uji yang panjang sekali";
const GET_HEADERS = { "x-gugus-client": "web" } as const;

/** A small seeded generator (mulberry32): the same run every time. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("the response cache", () => {
  const database = createTestDatabase();
  let clock = new Date("2026-11-28T03:00:00Z");
  let app: FastifyInstance;
  let base: string;
  const cookies: Record<"central" | "province" | "regency", string> = { central: "", province: "", regency: "" };
  const ids: Record<string, number> = {};

  const get = (path: string, input: unknown, cookie: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, { headers: { ...GET_HEADERS, cookie, ...headers } });
  const post = (path: string, input: unknown, cookie: string) => trpcPost(base, path, input, cookie);
  const data = async (res: Response) => ((await res.json()) as { result: { data: unknown } }).result.data;

  async function account(email: string, name: string, region: string, role: string): Promise<string> {
    const res = await post("accounts.create", { email, name, position: "Staf", taskForceId: ids[region], role }, cookies.central);
    expect(res.status).toBe(200);
    const { oneTimePassword } = (await data(res)) as { oneTimePassword: string };
    const cookie = await signIn(base, email, oneTimePassword);
    expect((await post("auth.changePassword", { currentPassword: oneTimePassword, newPassword: PASSWORD }, cookie)).status).toBe(200);
    return cookie;
  }

  beforeAll(async () => {
    app = await buildServer({ database, rateLimitPerMinute: 0, now: () => clock });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    const admin = await createCentralAdmin(database.db, { email: "admin@gugus.test", name: "Admin Uji", now: clock, by: "test" });
    cookies.central = await signIn(base, "admin@gugus.test", admin.oneTimePassword);
    expect((await post("auth.changePassword", { currentPassword: admin.oneTimePassword, newPassword: PASSWORD }, cookies.central)).status).toBe(200);
    await enrolSecondFactor(base, cookies.central, clock.getTime());
    for (const code of ["32", "32.75", "32.16", "33"]) ids[code] = ((await data(await get("hierarchy.byRegion", { code }, cookies.central))) as { id: number }).id;
    cookies.province = await account("provinsi@gugus.test", "Anggota Provinsi", "32", "regional_member");
    cookies.regency = await account("kota@gugus.test", "Admin Kota", "32.75", "regional_admin");
  });
  afterAll(async () => {
    await app.close();
    database.close();
  });

  it("answers a cacheable query with a strong ETag, private, no-cache and Vary, then 304 with no body", async () => {
    const first = await get("hierarchy.tree", undefined, cookies.central, { "accept-encoding": "br" });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect(first.headers.get("vary")).toMatch(/accept-encoding/i);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+\.br\d+"$/);
    const tree = (await first.json()) as { result: { data: unknown[] } };
    expect(tree.result.data).toHaveLength(553);

    const again = await get("hierarchy.tree", undefined, cookies.central, { "accept-encoding": "br", "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    // Another encoding of the same content is the same content: a tag kept from gzip revalidates too.
    const other = await get("hierarchy.tree", undefined, cookies.central, { "accept-encoding": "gzip", "if-none-match": etag });
    expect(other.status).toBe(304);
  });

  it("sends the same JSON in br, gzip and none as tRPC's uncached answer", async () => {
    const uncached = await (await post("hierarchy.tree", {}, cookies.central)).text();
    for (const [encoding, decode] of [
      ["br", brotliDecompressSync],
      ["gzip", gunzipSync],
      ["identity", (b: Buffer) => b],
    ] as const) {
      const res = await app.inject({ method: "GET", url: "/trpc/hierarchy.tree", headers: { ...GET_HEADERS, cookie: cookies.central, "accept-encoding": encoding } });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-encoding"] ?? "identity").toBe(encoding);
      expect(decode(res.rawPayload).toString()).toBe(uncached);
    }
  });

  it("keeps no-store, and no ETag, on every other answer: errors, non-cacheable queries, POSTs", async () => {
    for (const res of [await get("auth.me", undefined, cookies.central), await get("hierarchy.byRegion", { code: "33" }, cookies.regency), await post("hierarchy.tree", {}, cookies.central)]) {
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("etag")).toBeNull();
    }
    expect((await get("hierarchy.byRegion", { code: "33" }, cookies.regency)).status).toBe(404);
  });

  it("answers each caller from its own scope", async () => {
    const central = (await data(await get("hierarchy.tree", undefined, cookies.central))) as unknown[];
    const regency = (await data(await get("hierarchy.tree", undefined, cookies.regency))) as unknown[];
    expect(central).toHaveLength(553);
    expect(regency.length).toBeLessThan(5);
  });

  it("refuses a GET with the cookie but without the client header, and any cross-site or same-site GET, before reading anything", async () => {
    const bare = await fetch(`${base}/trpc/hierarchy.tree`, { headers: { cookie: cookies.central } });
    expect(bare.status).toBe(403);
    expect(await bare.text()).not.toMatch(/regionName/);
    for (const site of ["cross-site", "same-site"]) {
      const res = await get("hierarchy.tree", undefined, cookies.central, { "sec-fetch-site": site });
      expect(res.status).toBe(403);
      expect(await res.text()).not.toMatch(/regionName/);
    }
    expect((await get("hierarchy.tree", undefined, cookies.central, { origin: "https://evil.example" })).status).toBe(403);
    // Without a cookie there is nothing to read: 401, as before.
    expect((await fetch(`${base}/trpc/hierarchy.tree`)).status).toBe(401);
  });

  it("never writes on a GET: a mutation sent as GET is refused (405) and changes nothing", async () => {
    const before = database.sqlite.prepare("SELECT version FROM reference_version").pluck().get();
    const plan = { kind: "rename", effectiveDate: "2030-01-01", legalBasis: "PP 1/2029", code: "32.75", newName: "Kota Bekasi Lewat GET" };
    const res = await get("hierarchy.restructure", { plan }, cookies.central);
    expect(res.status).toBe(405);
    expect(database.sqlite.prepare("SELECT version FROM reference_version").pluck().get()).toBe(before);
  });

  it("refuses a signed-out caller as tRPC does (401), from no kept answer", async () => {
    expect((await get("hierarchy.tree", undefined, "gugus_session=nothing")).status).toBe(401);
  });

  it("never serves a stale answer: random writes through the procedures and the clock, every cacheable read against the uncached answer", async () => {
    const random = seeded(13);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const regencies = ["32.75", "32.16"];
    const instruments: { id: number; version: number; code: string }[] = [];
    const writes: (() => Promise<unknown>)[] = [
      async () => {
        const code = pick(regencies);
        const res = await post("profile.createInstrument", { taskForceId: ids[code], instrument: { type: code === "32.75" ? "perwali" : "perbup", number: `${Math.floor(random() * 900) + 1}/2019`, issuedOn: pick(["2019-05-01", "2026-12-01", "2027-02-01"]), issuer: "Kepala Daerah" } }, cookies.central);
        if (res.status === 200) {
          const created = (await data(res)) as { id: number; version: number };
          instruments.push({ id: created.id, version: created.version, code });
        }
      },
      async () => {
        const victim = instruments.pop();
        if (victim) await post("profile.deleteInstrument", { id: victim.id, version: victim.version }, cookies.central);
      },
      () => post("hierarchy.restructure", { plan: { kind: "rename", effectiveDate: pick(["2026-12-01", "2027-01-01"]), legalBasis: "PP 1/2026", code: pick(regencies), newName: `Nama ${Math.floor(random() * 1000)}` } }, cookies.central),
      () => {
        // As another process (the CLI) would: straight into the database, the triggers move the version.
        database.sqlite.prepare("UPDATE regions SET name = ? WHERE code = '32.16'").run(`Kabupaten Bekasi ${Math.floor(random() * 1000)}`);
        return Promise.resolve();
      },
      () => {
        // Hours forward: past midnight in one zone or all three.
        clock = new Date(clock.getTime() + Math.floor(random() * 30) * 3_600_000);
        return Promise.resolve();
      },
    ];
    const reads: [CacheableProcedure, () => unknown][] = [
      ["hierarchy.tree", () => undefined],
      ["hierarchy.tree", () => ({ at: pick(["2026-11-30", "2027-01-15"]) })],
      ["hierarchy.byId", () => ({ id: ids[pick(["32", "32.75", "32.16", "33"])] })],
      ["hierarchy.byRegion", () => ({ code: pick(["32.75", "32.16", null]) })],
      ["hierarchy.counts", () => undefined],
      ["hierarchy.search", () => ({ query: pick(["bekasi", "nama", "32.7"]) })],
      ["hierarchy.coverage", () => undefined],
      ["hierarchy.successions", () => undefined],
      ["ran.periods", () => undefined],
      ["ran.period", () => ({ number: pick([3, 4]) })],
      ["ran.periodOfYear", () => ({ year: pick([2022, 2026]) })],
      ["ran.atDate", () => ({ date: pick(["2026-11-30", "2027-01-01"]) })],
      ["ran.plan", () => ({ taskForceId: ids[pick(["32.75", "32"])] })],
    ];
    expect(new Set(reads.map(([p]) => p))).toEqual(new Set(CACHEABLE));
    const cache = (app as unknown as { responseCache: ResponseCache }).responseCache;
    const hitsBefore = cache.stats().hits;
    let revalidated = 0;
    const etags = new Map<string, string>();
    let path: CacheableProcedure = "hierarchy.tree";
    let input: unknown;
    let who: keyof typeof cookies = "central";
    for (let round = 0; round < 80; round++) {
      if (random() < 0.2) await pick(writes)();
      // Each read twice in a row, so that the second may come from the cache (or a 304).
      for (let r = 0; r < 12; r++) {
        if (r % 2 === 0) {
          const [p, inputOf] = pick(reads);
          path = p;
          input = inputOf();
          who = pick(["central", "province", "regency"] as const);
        }
        const key = `${path}${JSON.stringify(input)}${who}`;
        const cached = await get(path, input, cookies[who], { "accept-encoding": pick(["br", "gzip", "identity"]), ...(etags.has(key) && random() < 0.5 ? { "if-none-match": etags.get(key)! } : {}) });
        const uncached = await post(path, input, cookies[who]);
        const fresh = await uncached.text();
        if (cached.status === 304) {
          // The browser's copy is what it was given for that tag: it must still be the current answer.
          expect(etags.get(`${key}:body`), `${path} ${who} round ${round}`).toBe(fresh);
          revalidated++;
          continue;
        }
        expect(cached.status, `${path} ${who}`).toBe(uncached.status);
        const body = await cached.text();
        expect(body, `${path} ${JSON.stringify(input)} as ${who}, round ${round}`).toBe(fresh);
        if (cached.status === 200) {
          etags.set(key, cached.headers.get("etag")!);
          etags.set(`${key}:body`, body);
        }
      }
    }
    // The loop is worth something only if the cache answered a good part of it.
    expect(cache.stats().hits - hitsBefore).toBeGreaterThan(200);
    expect(revalidated).toBeGreaterThan(60);
  }, 120_000);
});

describe("the response cache under abuse", () => {
  const database = createTestDatabase();
  const now = new Date("2026-11-28T03:00:00Z");
  let app: FastifyInstance;
  let cookie: string;

  beforeAll(async () => {
    app = await buildServer({ database, rateLimitPerMinute: 5, now: () => now });
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    const admin = await createCentralAdmin(database.db, { email: "admin@gugus.test", name: "Admin Uji", now, by: "test" });
    cookie = await signIn(base, "admin@gugus.test", admin.oneTimePassword);
    expect((await trpcPost(base, "auth.changePassword", { currentPassword: admin.oneTimePassword, newPassword: PASSWORD }, cookie)).status).toBe(200);
    await enrolSecondFactor(base, cookie, now.getTime());
  });
  afterAll(async () => {
    await app.close();
    database.close();
  });

  it("counts answers from kept bytes against the rate limit like any other call (429 on the sixth within the minute)", async () => {
    const call = () => app.inject({ method: "GET", url: "/trpc/ran.periods", headers: { ...GET_HEADERS, cookie }, remoteAddress: "198.51.100.7" });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await call()).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it("sends an answer tagged as not compressed as it is, to a client offering only deflate or zstd", async () => {
    for (const [i, encoding] of ["deflate", "zstd", "deflate, zstd"].entries()) {
      const res = await app.inject({ method: "GET", url: "/trpc/ran.periods", headers: { ...GET_HEADERS, cookie, "accept-encoding": encoding }, remoteAddress: `198.51.100.${101 + i}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-encoding"] ?? "identity").toBe("identity");
      expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(() => JSON.parse(res.body) as unknown).not.toThrow();
    }
  });
});

describe("cacheableProcedureOf", () => {
  it("keys two spellings of one input alike, and keeps nothing for extra parameters, batches, long or broken inputs", () => {
    const spaced = cacheableProcedureOf(`/trpc/hierarchy.byRegion?input=${encodeURIComponent('{ "code" : "32" }')}`);
    const tight = cacheableProcedureOf(`/trpc/hierarchy.byRegion?input=${encodeURIComponent('{"code":"32"}')}`);
    expect(spaced).toEqual(tight);
    expect(tight).toEqual({ path: "hierarchy.byRegion", query: '{"code":"32"}' });
    expect(cacheableProcedureOf("/trpc/ran.periods")).toEqual({ path: "ran.periods", query: "" });
    expect(cacheableProcedureOf(`/trpc/hierarchy.byRegion?input=${encodeURIComponent('{"code":"32"}')}&pad=1`)).toBeNull();
    expect(cacheableProcedureOf("/trpc/ran.periods?%62atch=1")).toBeNull();
    expect(cacheableProcedureOf(`/trpc/hierarchy.search?input=${encodeURIComponent(JSON.stringify({ q: "x".repeat(3000) }))}`)).toBeNull();
    expect(cacheableProcedureOf("/trpc/ran.periods?input=%7Bnot-json")).toBeNull();
    expect(cacheableProcedureOf("/trpc/auth.me")).toBeNull();
  });
});

describe("pickEncoding", () => {
  it("takes br, then gzip, then none, and honours q=0", () => {
    expect(pickEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(pickEncoding("gzip, br;q=0")).toBe("gzip");
    expect(pickEncoding("deflate")).toBe("identity");
    expect(pickEncoding(undefined)).toBe("identity");
  });
});
