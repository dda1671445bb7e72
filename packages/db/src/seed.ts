/**
 * The seed: the real country. It loads the 38 provinces and 514 regencies/cities of the reference
 * list, one task force for each plus the national one (553), and the RAN periods I–IV. It only
 * inserts what is missing, in a fixed order, inside one transaction: running it twice changes
 * nothing, and a failure leaves the database as it was.
 */
import { REFERENCE_RAN_PERIODS, listRegions, parentRegionCodeOf } from "@gugus/domain";
import type { RanPeriod, Region } from "@gugus/domain";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "./client.ts";
import { ranPeriods, regions, taskForces } from "./schema.ts";

export type SeedOptions = {
  regions?: readonly Region[];
  periods?: readonly RanPeriod[];
};

export type SeedResult = { regions: number; taskForces: number; periods: number };

/** Inserts what is missing of the reference data and returns how many rows it added per table. */
export function seedDatabase(db: Db, options: SeedOptions = {}): SeedResult {
  const regionList = [...(options.regions ?? listRegions())].sort(
    (a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code),
  );
  const periodList = options.periods ?? REFERENCE_RAN_PERIODS;

  return db.transaction((tx) => {
    const added: SeedResult = { regions: 0, taskForces: 0, periods: 0 };

    for (const r of regionList) {
      const res = tx
        .insert(regions)
        .values({ code: r.code, name: r.name, level: r.level, parentCode: parentRegionCodeOf(r.code), kind: r.kind })
        .onConflictDoNothing()
        .run();
      added.regions += res.changes;
    }

    let national = tx.select({ id: taskForces.id }).from(taskForces).where(and(eq(taskForces.level, "national"), isNull(taskForces.regionCode))).get();
    if (!national) {
      national = tx.insert(taskForces).values({ level: "national" }).returning({ id: taskForces.id }).get();
      added.taskForces += 1;
    }
    const idByRegion = new Map(
      tx.select({ id: taskForces.id, regionCode: taskForces.regionCode }).from(taskForces).all().map((row) => [row.regionCode, row.id]),
    );
    for (const r of regionList) {
      if (idByRegion.has(r.code)) continue;
      const parentCode = parentRegionCodeOf(r.code);
      const parentId = parentCode === null ? national.id : idByRegion.get(parentCode);
      if (parentId === undefined) throw new Error(`seed: no task force for the province of ${r.code}`);
      const row = tx
        .insert(taskForces)
        .values({ level: r.level, regionCode: r.code, parentId })
        .returning({ id: taskForces.id })
        .get();
      idByRegion.set(r.code, row.id);
      added.taskForces += 1;
    }

    for (const p of periodList) {
      const res = tx
        .insert(ranPeriods)
        .values({ number: p.number, firstYear: p.firstYear, lastYear: p.lastYear, status: p.status, instrument: p.instrument, adoptedOn: p.adoptedOn })
        .onConflictDoNothing()
        .run();
      added.periods += res.changes;
    }
    return added;
  });
}
