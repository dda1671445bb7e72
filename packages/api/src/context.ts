/**
 * The context every procedure receives. `createContextInner` takes no request objects, so tests
 * build the same context the server does; the server adds request facts (`client`).
 */
import { createReadCache } from "@gugus/db";
import type { Db, ReadCache, SqliteConnection } from "@gugus/db";


export type RequestInfo = {
  /** The client's address as the server sees it (the proxy's address unless it is trusted). */
  ip: string;
  userAgent: string | null;
};

export type ContextOptions = {
  db: Db;
  sqlite: SqliteConnection;
  /** The clock: every "now" in the api comes from here, so tests can fix it. */
  now?: () => Date;
  client?: RequestInfo;
  /** Shared across requests by the server; a fresh one is made when absent. */
  cache?: ReadCache;
};

export function createContextInner({ db, sqlite, now = () => new Date(), client, cache }: ContextOptions) {
  return { db, sqlite, now, client: client ?? { ip: "local", userAgent: null }, cache: cache ?? createReadCache(sqlite) };
}

export type Context = ReturnType<typeof createContextInner>;
