import { appRouter, createCentralAdmin, createContextInner, sessionCookieName } from "@gugus/api";
import type { Context } from "@gugus/api";
import { createTestDatabase } from "@gugus/db/testing";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "./app.ts";
import { createQueryCaller } from "./direct-query.ts";
import { enrolSecondFactor, signIn, trpcPost } from "./http-helpers.test-util.ts";

const PASSWORD = "sandi uji yang panjang sekali";
const GET_HEADERS = { "x-gugus-client": "web" } as const;
/** Headers that differ between two answers by their nature (time, connection, framing: tRPC's body is a stream, sent chunked). */
const VARYING = new Set(["date", "content-length", "transfer-encoding", "keep-alive", "connection"]);
const stable = (res: Response) => Object.fromEntries([...res.headers.entries()].filter(([name]) => !VARYING.has(name)).sort(([a], [b]) => a.localeCompare(b)));

describe("cacheable queries called without tRPC's fetch adapter", () => {
  const database = createTestDatabase();
  const clock = new Date("2026-11-28T03:00:00Z");
  let app: FastifyInstance;
  let base = "";
  const cookies: Record<"central" | "regency" | "unchanged" | "none", string> = { central: "", regency: "", unchanged: "", none: "" };
  const ids: Record<string, number> = {};

  const query = (input: unknown) => (input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`);
  const get = (url: string, cookie: string) => fetch(url, { headers: { ...GET_HEADERS, ...(cookie ? { cookie } : {}) } });
  const auditRows = () => database.sqlite.prepare("SELECT count(*) FROM audit_log").pluck().get() as number;

  beforeAll(async () => {
    app = await buildServer({ database, rateLimitPerMinute: 0, now: () => clock });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
    const admin = await createCentralAdmin(database.db, { email: "admin@gugus.test", name: "Admin Uji", now: clock, by: "test" });
    cookies.central = await signIn(base, "admin@gugus.test", admin.oneTimePassword);
    expect((await trpcPost(base, "auth.changePassword", { currentPassword: admin.oneTimePassword, newPassword: PASSWORD }, cookies.central)).status).toBe(200);
    await enrolSecondFactor(base, cookies.central, clock.getTime());
    for (const code of ["32.75", "33"]) {
      const res = await get(`${base}/trpc/hierarchy.byRegion${query({ code })}`, cookies.central);
      ids[code] = ((await res.json()) as { result: { data: { id: number } } }).result.data.id;
    }
    const created = await trpcPost(base, "accounts.create", { email: "kota@gugus.test", name: "Admin Kota", position: "Staf", taskForceId: ids["32.75"], role: "regional_admin" }, cookies.central);
    const { oneTimePassword } = ((await created.json()) as { result: { data: { oneTimePassword: string } } }).result.data;
    cookies.regency = await signIn(base, "kota@gugus.test", oneTimePassword);
    expect((await trpcPost(base, "auth.changePassword", { currentPassword: oneTimePassword, newPassword: PASSWORD }, cookies.regency)).status).toBe(200);
    // An account still holding its one-time password: every read is refused until it is changed.
    const second = await createCentralAdmin(database.db, { email: "baru@gugus.test", name: "Admin Baru", now: clock, by: "test" });
    cookies.unchanged = await signIn(base, "baru@gugus.test", second.oneTimePassword);
  });
  afterAll(async () => {
    await app.close();
    database.close();
  });

  /** Answers and refusals of every kind: success, signed out, held up, out of scope, not found, bad input. */
  const CASES: [string, keyof typeof cookies, string, () => unknown, number][] = [
    ["the tree", "central", "hierarchy.tree", () => undefined, 200],
    ["the periods", "central", "ran.periods", () => undefined, 200],
    ["a province by its code", "central", "hierarchy.byRegion", () => ({ code: "32" }), 200],
    ["a search", "central", "hierarchy.search", () => ({ query: "bekasi" }), 200],
    ["a signed-out call", "none", "hierarchy.tree", () => undefined, 401],
    ["a session that must change its password", "unchanged", "ran.periods", () => undefined, 403],
    ["another province's task force, asked by a city", "regency", "hierarchy.byId", () => ({ id: ids["33"] }), 404],
    ["a region that does not exist", "central", "hierarchy.byRegion", () => ({ code: "99" }), 404],
    ["an input of the wrong type", "central", "hierarchy.byRegion", () => ({ code: 32 }), 400],
    ["an input with an unknown key", "central", "hierarchy.byRegion", () => ({ code: "32", drop: "table" }), 400],
  ];

  it.each(CASES)("%s: the same status, body, headers and audit rows as through tRPC's adapter", async (_name, who, path, input, status) => {
    const url = `${base}/trpc/${path}${query(input())}`;
    const beforeDirect = auditRows();
    const direct = await get(url, cookies[who]);
    const auditedDirect = auditRows() - beforeDirect;
    // Any other query parameter makes a request one the response cache does not take: tRPC answers it.
    const beforeAdapter = auditRows();
    const adapter = await get(`${url}${url.includes("?") ? "&" : "?"}via=trpc`, cookies[who]);
    const auditedAdapter = auditRows() - beforeAdapter;

    expect([direct.status, adapter.status]).toEqual([status, status]);
    expect(await direct.text()).toBe(await adapter.text());
    expect(auditedDirect).toBe(auditedAdapter);
    if (status === 200) {
      // A success is tagged and may be kept by the browser; through the adapter (not cacheable) it is not.
      expect(direct.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]+(\.(br|gz)\d+)?"$/);
      expect(direct.headers.get("cache-control")).toBe("private, no-cache");
      expect(adapter.headers.get("cache-control")).toBe("no-store");
    } else {
      // Alike but for compression: tRPC's stream body is compressed whatever its size, this one only
      // above @fastify/compress's threshold of 1 KB, as every answer whose size is known.
      const { "content-encoding": _encoding, ...adapterHeaders } = stable(adapter);
      expect(stable(direct)).toEqual(adapterHeaders);
      expect(direct.headers.get("cache-control")).toBe("no-store");
    }
  });

  it.each<Record<string, string>>([{ "trpc-accept": "application/jsonl" }, { accept: "application/jsonl" }])("leaves a streaming ask (%o) to tRPC, which refuses it unbatched, and keeps nothing", async (ask) => {
    const url = `${base}/trpc/ran.periods`;
    const [direct, adapter] = [
      await fetch(url, { headers: { ...GET_HEADERS, cookie: cookies.central, ...ask } }),
      await fetch(`${url}?via=trpc`, { headers: { ...GET_HEADERS, cookie: cookies.central, ...ask } }),
    ];
    expect([direct.status, adapter.status]).toEqual([400, 400]);
    expect(await direct.text()).toBe(await adapter.text());
    expect(direct.headers.get("etag")).toBeNull();
    expect(direct.headers.get("cache-control")).toBe("no-store");
  });

  it("gives tRPC's fetch adapter's status, body and onError call for the same context, answer or refusal", async () => {
    const sessionOf = (cookie: string) => decodeURIComponent(cookie.split("=").slice(1).join("="));
    const contextFor = (who: keyof typeof cookies): Context => {
      const jar = new Map<string, string>(cookies[who] ? [[sessionCookieName(false), sessionOf(cookies[who])]] : []);
      return createContextInner({
        db: database.db,
        sqlite: database.sqlite,
        now: () => clock,
        cookies: { get: (name) => jar.get(name), set: (name, value) => void jar.set(name, value), clear: (name) => void jar.delete(name) },
      });
    };
    for (const [name, who, path, input, status] of CASES) {
      const errors: { direct: unknown[]; adapter: unknown[] } = { direct: [], adapter: [] };
      const direct = await createQueryCaller(appRouter, ({ error, path: p, type, input: i }) => errors.direct.push({ code: error.code, message: error.message, p, type, i }))(
        path,
        input() === undefined ? "" : JSON.stringify(input()),
        contextFor(who),
      );
      const adapter = await fetchRequestHandler({
        endpoint: "/trpc",
        req: new Request(`http://gugus.test/trpc/${path}${query(input())}`),
        router: appRouter,
        createContext: () => contextFor(who),
        onError: ({ error, path: p, type, input: i }) => void errors.adapter.push({ code: error.code, message: error.message, p, type, i }),
      });
      expect(direct.status, name).toBe(status);
      expect(direct.status, name).toBe(adapter.status);
      expect(direct.body, name).toBe(await adapter.text());
      expect(errors.direct, name).toEqual(errors.adapter);
      expect(errors.direct, name).toHaveLength(status === 200 ? 0 : 1);
    }
  });
});
