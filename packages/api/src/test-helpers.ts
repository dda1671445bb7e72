/** Builds a caller over a fresh, seeded in-memory database with the real migrations. */
import { createTestDatabase } from "@gugus/db/testing";
import { createContextInner } from "./context.ts";
import { createCaller } from "./root.ts";

export function setupCaller({ now = new Date("2026-11-28T03:00:00Z") }: { now?: Date } = {}) {
  const handle = createTestDatabase();
  const ctx = createContextInner({ db: handle.db, sqlite: handle.sqlite, now: () => now });
  return { caller: createCaller(ctx), ...handle };
}
