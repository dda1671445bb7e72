/**
 * Child process of the benchmark: the real server (tRPC over fastify, seeded database file, a
 * signed-in central admin) and a bare node:http server that answers every request with the same
 * bytes as tRPC's hierarchy.tree. Prints both URLs and the session cookie as one JSON line, then
 * serves until killed.
 */
import { createServer } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCentralAdmin } from "@gugus/api";
import { openDatabase, seedDatabase } from "@gugus/db";
import { buildServer } from "@gugus/server";

const database = openDatabase({ path: join(mkdtempSync(join(tmpdir(), "gugus-bench-")), "bench.sqlite") });
seedDatabase(database.db);
const app = await buildServer({ database, rateLimitPerMinute: 0 });
const base = await app.listen({ port: 0, host: "127.0.0.1" });

const headers = { "content-type": "application/json", "x-gugus-client": "web" };
const post = async (path: string, body: unknown, cookie?: string) => {
  const res = await fetch(`${base}/trpc/${path}`, { method: "POST", headers: { ...headers, ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return res.headers.get("set-cookie")?.split(";")[0] ?? cookie!;
};
const admin = await createCentralAdmin(database.db, { email: "bench@gugus.test", name: "Bench", now: new Date(), by: "bench" });
const cookie = await post("auth.signIn", { email: "bench@gugus.test", password: admin.oneTimePassword });
await post("auth.changePassword", { currentPassword: admin.oneTimePassword, newPassword: "a long benchmark passphrase" }, cookie);

const treeUrl = `${base}/trpc/hierarchy.tree`;
const sample = await fetch(treeUrl, { headers: { cookie } });
if (!sample.ok) throw new Error(`hierarchy.tree: ${sample.status}`);
const body = Buffer.from(await sample.arrayBuffer());
const contentType = sample.headers.get("content-type") ?? "application/json";

const bare = createServer((_req, res) => {
  res.writeHead(200, { "content-type": contentType, "content-length": body.length });
  res.end(body);
});
await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
const address = bare.address();
if (address === null || typeof address === "string") throw new Error("bare server has no port");

console.log(JSON.stringify({ trpc: treeUrl, bare: `http://127.0.0.1:${address.port}/`, bytes: body.length, cookie }));
