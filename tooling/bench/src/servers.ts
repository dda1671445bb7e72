/**
 * Child process of the benchmark: the real server (tRPC over fastify, seeded database file) and a
 * bare node:http server that answers every request with the same bytes as tRPC's hierarchy.tree.
 * Prints both URLs as one JSON line, then serves until killed.
 */
import { createServer } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, seedDatabase } from "@gugus/db";
import { buildServer } from "@gugus/server";

const database = openDatabase({ path: join(mkdtempSync(join(tmpdir(), "gugus-bench-")), "bench.sqlite") });
seedDatabase(database.db);
const app = await buildServer({ database });
const trpcBase = await app.listen({ port: 0, host: "127.0.0.1" });
const treeUrl = `${trpcBase}/trpc/hierarchy.tree`;

const sample = await fetch(treeUrl);
const body = Buffer.from(await sample.arrayBuffer());
const contentType = sample.headers.get("content-type") ?? "application/json";

const bare = createServer((_req, res) => {
  res.writeHead(200, { "content-type": contentType, "content-length": body.length });
  res.end(body);
});
await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
const address = bare.address();
if (address === null || typeof address === "string") throw new Error("bare server has no port");

console.log(JSON.stringify({ trpc: treeUrl, bare: `http://127.0.0.1:${address.port}/`, bytes: body.length }));
