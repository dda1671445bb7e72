import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { createTestDatabase } from "@gugus/db/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "./app.ts";

const SCRIPT = `console.log(${JSON.stringify("Gugus Tugas PP-TPPO ".repeat(200))});`;

/** A GET whose body stays as it came on the wire (fetch would decode it). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

describe("the apps' scripts and sheets", () => {
  const tmp = mkdtempSync(join(tmpdir(), "gugus-static-"));
  const database = createTestDatabase();
  let app: FastifyInstance;
  let base = "";
  const br = brotliCompressSync(SCRIPT, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  const gz = gzipSync(SCRIPT, { level: 9 });

  beforeAll(async () => {
    for (const name of ["admin", "portal"]) {
      mkdirSync(join(tmp, name, "assets"), { recursive: true });
      writeFileSync(join(tmp, name, "index.html"), `<!doctype html><title>${name}</title>`);
      writeFileSync(join(tmp, name, "assets", "app-abc123.js"), SCRIPT);
      writeFileSync(join(tmp, name, "assets", "app-abc123.js.br"), br);
      writeFileSync(join(tmp, name, "assets", "app-abc123.js.gz"), gz);
    }
    app = await buildServer({ database, appDist: { admin: join(tmp, "admin"), portal: join(tmp, "portal") }, rateLimitPerMinute: 0 });
    base = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app.close();
    database.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("are sent as the build compressed them (br 11, gzip 9), immutable, to a browser that accepts them, and plain otherwise", async () => {
    const asBr = await rawGet(`${base}/admin/assets/app-abc123.js`, { "accept-encoding": "gzip, deflate, br" });
    expect(asBr.status).toBe(200);
    expect(asBr.headers["content-encoding"]).toBe("br");
    expect(asBr.body.equals(br)).toBe(true);
    expect(asBr.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(asBr.headers["content-type"]).toMatch(/javascript/);
    expect(asBr.headers.vary).toMatch(/accept-encoding/i);

    const asGzip = await rawGet(`${base}/portal/assets/app-abc123.js`, { "accept-encoding": "gzip" });
    expect(asGzip.headers["content-encoding"]).toBe("gzip");
    expect(asGzip.body.equals(gz)).toBe(true);

    const plain = await rawGet(`${base}/admin/assets/app-abc123.js`, {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
  });
});
