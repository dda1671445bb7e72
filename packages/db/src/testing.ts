/** Test helpers: a private in-memory database with the real migrations, optionally seeded. */
import { openDatabase } from "./client.ts";
import type { DatabaseHandle } from "./client.ts";
import { seedDatabase } from "./seed.ts";

/** A fresh in-memory database with every migration applied and, unless told otherwise, the seed loaded. */
export function createTestDatabase({ seed = true }: { seed?: boolean } = {}): DatabaseHandle {
  const handle = openDatabase({ path: ":memory:" });
  if (seed) seedDatabase(handle.db);
  return handle;
}
