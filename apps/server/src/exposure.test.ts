import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase } from "@gugus/db/testing";
import { afterAll, describe, expect, it } from "vitest";
import { buildServer } from "./app.ts";
import { readEnv } from "./env.ts";
import { UNTRUSTED_PROXY_WARNING, exposureBanner, exposureWarning, isLoopbackHost } from "./exposure.ts";
import { startServer } from "./start.ts";

const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "gugus-exposure-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("isLoopbackHost", () => {
  it.each(["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LocalHost", "app.localhost", "::ffff:127.0.0.1"])("counts %s as this machine only", (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });
  it.each(["0.0.0.0", "::", "[::]", "192.168.1.10", "10.0.0.5", "128.0.0.1", "::ffff:10.0.0.1", "gugus.example.go.id", "localhost.example.org"])("counts %s as reachable from beyond it", (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe("exposureWarning", () => {
  it("says nothing on loopback, with or without a proxy", () => {
    expect(exposureWarning({ host: "127.0.0.1", trustProxy: false })).toBeNull();
    expect(exposureWarning({ host: "::1", trustProxy: ["127.0.0.1"] })).toBeNull();
  });

  it("says nothing beyond loopback when a proxy is trusted (it terminates TLS and names the client)", () => {
    expect(exposureWarning({ host: "0.0.0.0", trustProxy: ["10.0.0.2"] })).toBeNull();
  });

  it("names the host, the cookie's lost Secure flag and __Host- prefix, the shared throttle and the fix, beyond loopback with no proxy", () => {
    const warning = exposureWarning({ host: "0.0.0.0", trustProxy: false })!;
    for (const part of ["0.0.0.0", "Secure", "__Host-", "throttle", "TRUST_PROXY", "HOST=127.0.0.1"]) expect(warning).toContain(part);
    expect(exposureBanner(warning)).toMatch(/WARNING \/ PERINGATAN[\s\S]*0\.0\.0\.0/);
  });

  it("is returned by a start on 0.0.0.0 without TRUST_PROXY, and not by one on loopback", async () => {
    for (const [host, expected] of [["0.0.0.0", true], ["127.0.0.1", false]] as const) {
      const running = await startServer(readEnv({ DATABASE_PATH: join(mkdtempSync(join(tmp, "start-")), "gugus.sqlite"), PORT: "0", HOST: host, LOG_LEVEL: "silent" }));
      try {
        expect(running.exposureWarning !== null, host).toBe(expected);
      } finally {
        await running.stop();
      }
    }
  });
});

describe("pnpm start on 0.0.0.0 without TRUST_PROXY", () => {
  it("writes a warning log line and a banner on stderr", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: SERVER_DIR,
      env: { DATABASE_PATH: join(tmp, "main", "gugus.sqlite"), PORT: "0", HOST: "0.0.0.0" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<void>((done) => child.on("close", () => done()));
    const start = Date.now();
    // The log line is written asynchronously (pino): wait for it as well as for the console's line,
    // or a loaded machine may stop the server before its write lands.
    while (!(stdout.includes("Gugus is running") && stdout.includes("beyond this machine")) && Date.now() - start < 30_000) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGTERM");
    await exited;
    const warnings = stdout
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { level: number; msg: string; host?: string })
      .filter((l) => l.level === 40 && l.msg.includes("beyond this machine"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.host).toBe("0.0.0.0");
    expect(stderr).toContain("WARNING / PERINGATAN: Gugus is exposed without HTTPS");
  }, 40_000);
});

describe("a request through a proxy the server does not trust", () => {
  async function warningsAfterProxiedRequests(trustProxy: false | string[]): Promise<string[]> {
    const lines: string[] = [];
    const database = createTestDatabase({ seed: false });
    const app = await buildServer({ database, trustProxy, logger: { level: "warn", stream: { write: (line: string) => void lines.push(line) } } });
    try {
      for (let i = 0; i < 3; i++) await app.inject({ method: "GET", url: "/healthz", headers: { "x-forwarded-for": "203.0.113.7", "x-forwarded-proto": "https" } });
      await app.inject({ method: "GET", url: "/healthz" });
    } finally {
      await app.close();
      database.close();
    }
    return lines.map((l) => (JSON.parse(l) as { msg: string }).msg).filter((m) => m === UNTRUSTED_PROXY_WARNING);
  }

  it("is warned about once, whatever the number of such requests", async () => {
    expect(await warningsAfterProxiedRequests(false)).toHaveLength(1);
  });

  it("is not warned about when the proxy is trusted", async () => {
    expect(await warningsAfterProxiedRequests(["127.0.0.1"])).toHaveLength(0);
  });
});
