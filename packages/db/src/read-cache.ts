/**
 * A cache for reads that are asked often and change rarely (the whole hierarchy). Any write to the
 * database — through this connection (`total_changes()`) or another one such as the CLI
 * (`data_version`) — empties it, so a cached answer is never older than the last write.
 */
import type { SqliteConnection } from "./client.ts";

export type ReadCache = {
  /** The cached value for `key`, computed by `read` when missing or after a write. */
  get<T>(key: string, read: () => T): T;
};

export function createReadCache(sqlite: SqliteConnection, { maxEntries = 2000 }: { maxEntries?: number } = {}): ReadCache {
  const versionOf = sqlite.prepare("SELECT total_changes(), (SELECT data_version FROM pragma_data_version)").raw();
  let version = "";
  const entries = new Map<string, unknown>();
  return {
    get<T>(key: string, read: () => T): T {
      const now = (versionOf.get() as unknown[]).join(":");
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
