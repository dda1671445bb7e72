/** Test helpers: a private in-memory database with the real migrations, optionally seeded, and snapshots. */
import { openDatabase, openDatabaseCopy } from "./client.ts";
import type { DatabaseHandle } from "./client.ts";
import { seedDatabase } from "./seed.ts";

/** A fresh in-memory database with every migration applied and, unless told otherwise, the seed loaded. */
export function createTestDatabase({ seed = true }: { seed?: boolean } = {}): DatabaseHandle {
  const handle = openDatabase({ path: ":memory:" });
  if (seed) seedDatabase(handle.db);
  return handle;
}

/** The database's current content, to open copies of with {@link restoreSnapshot}. */
export function takeSnapshot(handle: DatabaseHandle): Buffer {
  return handle.sqlite.serialize();
}

/** A new in-memory database holding exactly what the snapshot held. */
export function restoreSnapshot(image: Buffer): DatabaseHandle {
  return openDatabaseCopy(image);
}
