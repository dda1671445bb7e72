/** Reads of RAN periods. */
import { asc } from "drizzle-orm";
import type { Db } from "../client.ts";
import { ranPeriods } from "../schema.ts";

export type RanPeriodRow = typeof ranPeriods.$inferSelect;

/** All RAN periods in year order. */
export function listRanPeriods(db: Db): RanPeriodRow[] {
  return db.select().from(ranPeriods).orderBy(asc(ranPeriods.firstYear)).all();
}
