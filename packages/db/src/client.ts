/**
 * Opens the SQLite database: WAL journal (file databases), foreign keys on (checked), a busy
 * timeout, `synchronous=FULL` so a commit survives power loss, and the committed migrations applied.
 * The file and its journals are readable by their owner only.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { registerAuditFunctions } from "./queries/audit.ts";
import * as schema from "./schema.ts";

export type SqliteConnection = Database.Database;

/** The database, or a transaction on it: what every query function takes first. */
export type Db = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;

/** Folder of the committed SQL migrations. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../migrations", import.meta.url));

export type OpenDatabaseOptions = {
  /** A file path, or `:memory:` for a private in-memory database (tests). */
  path: string;
  /** Milliseconds to wait for a lock held by another connection. Default 5000. */
  busyTimeoutMs?: number;
  /** Apply pending migrations on open. Default true. */
  migrate?: boolean;
};

export type DatabaseHandle = {
  db: Db;
  sqlite: SqliteConnection;
  close: () => void;
};

/** Owner read/write only: the database holds password hashes, sessions, sign-in attempts and the audit log. */
export const DATA_FILE_MODE = 0o600;

/** The files SQLite keeps for a database: the file itself and its journals. */
export const databaseFilesOf = (path: string): string[] => [path, `${path}-wal`, `${path}-shm`, `${path}-journal`];

/**
 * Creates the database file owner-only if missing, and takes group and other access away from it
 * and its journals if an earlier version left them readable. SQLite creates the -wal and -shm with
 * the database file's permissions, so they follow.
 */
export function restrictDatabaseFiles(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, "a", DATA_FILE_MODE));
  for (const file of databaseFilesOf(path)) {
    if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, DATA_FILE_MODE);
  }
}

/** Opens (and by default migrates) a database. The caller owns the handle and closes it. */
export function openDatabase({ path, busyTimeoutMs = 5000, migrate: runMigrations = true }: OpenDatabaseOptions): DatabaseHandle {
  const inMemory = path === ":memory:";
  if (!inMemory) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    restrictDatabaseFiles(path);
  }
  return wrapConnection(new Database(path, { timeout: busyTimeoutMs }), { inMemory, runMigrations });
}

/** Opens an in-memory copy of a serialised database (tests restore a snapshot this way). */
export function openDatabaseCopy(image: Buffer): DatabaseHandle {
  return wrapConnection(new Database(image), { inMemory: true, runMigrations: false });
}

function wrapConnection(sqlite: Database.Database, { inMemory, runMigrations }: { inMemory: boolean; runMigrations: boolean }): DatabaseHandle {
  try {
    if (!inMemory) sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = FULL");
    sqlite.pragma("foreign_keys = ON");
    if (sqlite.pragma("foreign_keys", { simple: true }) !== 1) throw new Error("SQLite refused to enable foreign keys");
    registerAuditFunctions(sqlite);
    const db = drizzle({ client: sqlite, schema, casing: "snake_case" });
    if (runMigrations) migrateDatabase(db);
    return {
      db,
      sqlite,
      close: () => {
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/** Applies the committed migrations not yet applied. Safe to run at every start. */
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}

/** A cheap liveness probe for health checks: the database answers a query. */
export function pingDatabase(sqlite: Database.Database): boolean {
  try {
    return sqlite.prepare("SELECT 1").pluck().get() === 1;
  } catch {
    return false;
  }
}

/** SQLite's structural self-check (run at start-up): "ok" or the first problems found. */
export function quickCheck(sqlite: Database.Database): string {
  return String(sqlite.pragma("quick_check", { simple: true }));
}
