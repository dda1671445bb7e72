/**
 * Starting and stopping the product: take the database's lock file, open the database (migrations
 * applied), load the reference data if missing, check the file, listen, and on SIGINT/SIGTERM close
 * the server, then the database, then release the lock.
 */
import { ensureFirstAdmin } from "@gugus/api";
import type { CreatedAdmin } from "@gugus/api";
import { openDatabase, quickCheck, seedDatabase } from "@gugus/db";
import type { DatabaseHandle } from "@gugus/db";
import type { FastifyInstance } from "fastify";
import { buildServer } from "./app.ts";
import { firstAdminFile, writeFirstAdminFile } from "./banner.ts";
import { acquireDatabaseLock } from "./database-lock.ts";
import type { Env } from "./env.ts";
import { exposureWarning } from "./exposure.ts";
import { loadOrCreateSecretKey } from "./secret-key.ts";

export type Running = {
  app: FastifyInstance;
  url: string;
  /** The central admin created on this start (empty database), with its one-time password; else null. */
  firstAdmin: CreatedAdmin | null;
  /** Said when the server listens beyond loopback without HTTPS or a trusted proxy (logged as a warning too); else null. */
  exposureWarning: string | null;
  stop: () => Promise<void>;
};

export async function startServer(env: Env): Promise<Running> {
  // Held while the server runs: a restore (or a second server) on the same file is refused.
  const lock = env.databasePath === ":memory:" ? null : acquireDatabaseLock(env.databasePath, { purpose: "server" });
  let database: DatabaseHandle;
  try {
    database = openDatabase({ path: env.databasePath });
  } catch (error) {
    lock?.release();
    throw error;
  }
  let app: FastifyInstance | undefined;
  try {
    const check = quickCheck(database.sqlite);
    if (check !== "ok") throw new Error(`database check failed: ${check}`);
    const added = seedDatabase(database.db);
    const firstAdmin = await ensureFirstAdmin(database.db, { email: env.firstAdminEmail, now: new Date() });
    if (firstAdmin) writeFirstAdminFile(env, firstAdmin);
    const secretKey = loadOrCreateSecretKey(env.databasePath);
    app = await buildServer({ database, logger: { level: env.logLevel }, trustProxy: env.trustProxy, rateLimitPerMinute: env.rateLimitPerMinute, secretKey });
    app.log.info({ databasePath: env.databasePath, added }, "database ready");
    if (firstAdmin) app.log.info({ email: firstAdmin.account.email, file: firstAdminFile(env) }, "first central admin created; its one-time password is in the file (and on the terminal)");
    const url = await app.listen({ port: env.port, host: env.host });
    const exposure = exposureWarning(env);
    if (exposure) app.log.warn({ host: env.host, trustProxy: env.trustProxy }, exposure);
    let stopping: Promise<void> | undefined;
    const server = app;
    const stop = () =>
      (stopping ??= (async () => {
        server.log.info("shutting down");
        // Requests in flight get 10 s to finish; then the remaining connections are cut.
        const cut = setTimeout(() => server.server.closeAllConnections(), 10_000);
        await server.close();
        clearTimeout(cut);
        database.close();
        lock?.release();
      })());
    return { app, url, firstAdmin, exposureWarning: exposure, stop };
  } catch (error) {
    await app?.close();
    database.close();
    lock?.release();
    throw error;
  }
}
