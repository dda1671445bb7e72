/**
 * A cache for reference reads that are asked often and change rarely (the whole hierarchy). Triggers
 * raise `reference_version` on every change to regions, task forces or periods — from this
 * connection or another, such as the CLI — and the cache empties when it moves, so a cached answer
 * is never older than the last change to the data it came from. Writes to other tables (sessions,
 * the audit log) leave it alone.
 */
import type { SqliteConnection } from "./client.ts";

export type ReadCache = {
  /** The cached value for `key`, computed by `read` when missing or after reference data changed. */
  get<T>(key: string, read: () => T): T;
};

const versionStatements = new WeakMap<SqliteConnection, { get: () => unknown }>();

/**
 * The reference data's version: triggers raise it in the same transaction as every write to regions,
 * successions, task forces and their region links, instruments, RAN periods, action items, their
 * targets and period coordinators (migration 0001). One prepared statement per connection.
 */
export function readReferenceVersion(sqlite: SqliteConnection): number {
  let statement = versionStatements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare("SELECT version FROM reference_version WHERE id = 1").pluck();
    versionStatements.set(sqlite, statement);
  }
  return statement.get() as number;
}

export function createReadCache(sqlite: SqliteConnection, { maxEntries = 2000 }: { maxEntries?: number } = {}): ReadCache {
  let version: unknown = undefined;
  const entries = new Map<string, unknown>();
  return {
    get<T>(key: string, read: () => T): T {
      const now = readReferenceVersion(sqlite);
      if (now !== version || entries.size >= maxEntries) {
        entries.clear();
        version = now;
      }
      if (entries.has(key)) return entries.get(key) as T;
      const value = read();
      entries.set(key, value);
      return value;
    },
  };
}

const sessionVersionStatements = new WeakMap<SqliteConnection, { get: () => unknown }>();

/**
 * The reference version and the accounts' version (migration 0007: raised with every write that could
 * change what a session resolves to), in one read: together they say whether a resolved session
 * still stands.
 */
export function readSessionVersions(sqlite: SqliteConnection): { reference: number; accounts: number } {
  let statement = sessionVersionStatements.get(sqlite);
  if (!statement) {
    statement = sqlite.prepare("SELECT r.version, a.version FROM reference_version r JOIN account_version a ON a.id = 1 WHERE r.id = 1").raw(true);
    sessionVersionStatements.set(sqlite, statement);
  }
  const [reference, accounts] = statement.get() as [number, number];
  return { reference, accounts };
}
