/**
 * Starting and stopping the product: open the database (migrations applied), load the reference
 * data if missing, check the file, listen, and on SIGINT/SIGTERM close the server and then the
 * database.
 */
import { openDatabase, quickCheck, seedDatabase } from "@gugus/db";
import type { FastifyInstance } from "fastify";
import { buildServer } from "./app.ts";
import type { Env } from "./env.ts";

export type Running = { app: FastifyInstance; url: string; stop: () => Promise<void> };

export async function startServer(env: Env): Promise<Running> {
  const database = openDatabase({ path: env.databasePath });
  let app: FastifyInstance | undefined;
  try {
    const check = quickCheck(database.sqlite);
    if (check !== "ok") throw new Error(`database check failed: ${check}`);
    const added = seedDatabase(database.db);
    app = await buildServer({ database, logger: { level: env.logLevel } });
    app.log.info({ databasePath: env.databasePath, added }, "database ready");
    const url = await app.listen({ port: env.port, host: env.host });
    let stopping: Promise<void> | undefined;
    const server = app;
    const stop = () =>
      (stopping ??= (async () => {
        server.log.info("shutting down");
        await server.close();
        database.close();
      })());
    return { app, url, stop };
  } catch (error) {
    await app?.close();
    database.close();
    throw error;
  }
}
