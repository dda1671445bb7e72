/**
 * Child process of the benchmark's section 1. Starts, on one seeded database file with a signed-in
 * central admin:
 *  - the product twice: with its response cache ("warm"), and without it ("cold": every answer
 *    computed, serialised and compressed again; ETags and 304s still work);
 *  - the stack's floor (floor.ts): a minimal tRPC router on fastify returning the same objects;
 *  - a bare node:http server sending the product's own bytes: `/<query>/identity`, `/<query>/br`
 *    (the kept br bytes, exactly as the warm product sends them), and `/304` (an empty 304), each
 *    with only the headers it needs; and under `/same/<query>/br` and `/same/<query>/304` the warm
 *    product's answers replayed whole, its headers included (security headers, cache headers):
 *    the same bytes on the wire.
 * Prints the URLs, the cookie and, per query, its byte sizes and ETag as one JSON line, then serves
 * until killed.
 */
import { createServer, request } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCentralAdmin, totpCodeAt } from "@gugus/api";
import { openDatabase, seedDatabase } from "@gugus/db";
import { buildServer } from "@gugus/server";
import { startFloorServer } from "./floor.ts";
import { QUERIES } from "./queries.ts";
import type { ServerUrls } from "./queries.ts";

const database = openDatabase({ path: join(mkdtempSync(join(tmpdir(), "gugus-bench-")), "bench.sqlite") });
seedDatabase(database.db);
const warmApp = await buildServer({ database, rateLimitPerMinute: 0 });
const coldApp = await buildServer({ database, rateLimitPerMinute: 0, responseCache: false });
const warm = await warmApp.listen({ port: 0, host: "127.0.0.1" });
const cold = await coldApp.listen({ port: 0, host: "127.0.0.1" });

const headers = { "content-type": "application/json", "x-gugus-client": "web" };
const post = async (path: string, body: unknown, cookie?: string) => {
  const res = await fetch(`${warm}/trpc/${path}`, { method: "POST", headers: { ...headers, ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  if (path === "mfa.beginEnrolment") enrolledSecret = ((await res.json()) as { result: { data: { secret: string } } }).result.data.secret;
  return res.headers.get("set-cookie")?.split(";")[0] ?? cookie!;
};
let enrolledSecret = "";
const admin = await createCentralAdmin(database.db, { email: "bench@gugus.test", name: "Bench", now: new Date(), by: "bench" });
const cookie = await post("auth.signIn", { email: "bench@gugus.test", password: admin.oneTimePassword });
await post("auth.changePassword", { currentPassword: admin.oneTimePassword, newPassword: "a long benchmark passphrase" }, cookie);
// A central admin enrols its second factor before anything else opens.
await post("mfa.beginEnrolment", {}, cookie);
await post("mfa.confirmEnrolment", { code: totpCodeAt(enrolledSecret, Date.now()) }, cookie);

/** Headers node:http sets itself on every answer; the bare server's own. */
const NODE_OWN = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

/** A GET with its raw (still compressed) body: fetch would decode it. */
function rawGet(url: string, extra: Record<string, string>): Promise<{ status: number; body: Buffer; etag: string; contentType: string; headers: [string, string][] }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { cookie, "x-gugus-client": "web", ...extra } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks),
          etag: String(res.headers.etag ?? ""),
          contentType: String(res.headers["content-type"] ?? "application/json"),
          headers: Object.entries(res.headers).flatMap(([name, value]) => (NODE_OWN.has(name) || value === undefined ? [] : [[name, String(value)] as [string, string]])),
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

const bytes: Record<string, Buffer> = {};
/** The product's own answers, headers and all, which the bare server replays under /same/… */
const replays: Record<string, { status: number; headers: [string, string][]; body: Buffer }> = {};
const answers: Record<string, unknown> = {};
const queries = {} as ServerUrls["queries"];
for (const query of QUERIES) {
  const identity = await rawGet(`${warm}/trpc/${query}`, {});
  if (identity.status !== 200) throw new Error(`${query}: ${identity.status}`);
  // The kept answer is compressed again at br 11 off the event loop: wait for it, then take those bytes.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const br = await rawGet(`${warm}/trpc/${query}`, { "accept-encoding": "br" });
  const notModified = await rawGet(`${warm}/trpc/${query}`, { "accept-encoding": "br", "if-none-match": br.etag });
  if (br.status !== 200 || notModified.status !== 304) throw new Error(`${query}: ${br.status}, ${notModified.status}`);
  replays[`/same/${query}/br`] = { status: 200, headers: br.headers, body: br.body };
  replays[`/same/${query}/304`] = { status: 304, headers: notModified.headers, body: notModified.body };
  bytes[`/${query}/identity`] = identity.body;
  bytes[`/${query}/br`] = br.body;
  answers[query] = (JSON.parse(identity.body.toString()) as { result: { data: unknown } }).result.data;
  queries[query] = { identityBytes: identity.body.length, brBytes: br.body.length, etag: br.etag };
}

const bare = createServer((req, res) => {
  if (req.url === "/304") {
    res.writeHead(304, { etag: queries["hierarchy.tree"].etag });
    res.end();
    return;
  }
  const replay = replays[req.url ?? ""];
  if (replay) {
    res.writeHead(replay.status, replay.headers.flat());
    res.end(replay.body);
    return;
  }
  const body = bytes[req.url ?? ""];
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  const br = req.url!.endsWith("/br");
  res.writeHead(200, { "content-type": "application/json", "content-length": body.length, ...(br ? { "content-encoding": "br" } : {}) });
  res.end(body);
});
await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
const address = bare.address();
if (address === null || typeof address === "string") throw new Error("bare server has no port");

const floor = await startFloorServer(answers);

console.log(JSON.stringify({ warm, cold, floor, bare: `http://127.0.0.1:${address.port}`, cookie, queries } satisfies ServerUrls));
