/** Whether the database holds demonstration data (the `demo_dataset` row): every screen then says "synthetic data". */
import type { Context } from "../context.ts";

/**
 * True when `pnpm cli demo` loaded synthetic data into this database. Read through the read cache
 * (`demo:loaded`): the load raises the reference version, so a cached answer never outlives it.
 */
export function isSyntheticData(ctx: Pick<Context, "sqlite" | "cache">): boolean {
  return ctx.cache.get("demo:loaded", () => ctx.sqlite.prepare("SELECT 1 FROM demo_dataset WHERE id = 1").pluck().get() === 1);
}
