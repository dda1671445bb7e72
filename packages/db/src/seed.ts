/**
 * The seed: the real country. It loads the 38 provinces and 514 regencies/cities of the reference
 * list, the codes they had before the 2022 Papua split with the successions that link them, one task
 * force per region plus the national one (553, each keeping its id across the recode), the RAN
 * periods I–IV, and the Perpres that form the national task force. It only inserts what is missing, in a fixed order, inside one transaction: running it
 * twice changes nothing, and a failure leaves the database as it was.
 */
import { PAPUA_2022_LAWS, PAPUA_2022_SUCCESSIONS, REFERENCE_RAN_PERIODS, dayBefore, instrumentNumberKey, listRegions, parentRegionCodeOf, regencyKindOf, regionLevelOf } from "@gugus/domain";
import type { Instrument, RanPeriod, Region, Succession } from "@gugus/domain";
import { eq } from "drizzle-orm";
import type { Db } from "./client.ts";
import { instruments, ranPeriods, regions, successions, taskForceRegions, taskForces } from "./schema.ts";

export type SeedOptions = {
  regions?: readonly Region[];
  /** Restructurings already past, as successions (default: the 2022 Papua split). */
  successions?: readonly Succession[];
  periods?: readonly RanPeriod[];
  /** The national task force's instruments (default: {@link NATIONAL_INSTRUMENTS}). */
  nationalInstruments?: readonly SeededInstrument[];
};

export type SeedResult = { regions: number; taskForces: number; periods: number; instruments: number };

/** A seeded instrument: its date is null while no source gives it, and it is then left out. */
export type SeededInstrument = Omit<Instrument, "issuedOn"> & { issuedOn: string | null };

/**
 * The Perpres that form the national task force, in order: Perpres 69/2008 established it, and
 * Perpres 22/2021 and 49/2023 amended it (`../shared/docs/domain-research.md` §1.2).
 *
 * The model: each amendment is an instrument of its own that follows the one it amends, never a
 * revocation of it. An amendment changes the structure (chairs, daily chair, secretariat, members)
 * but keeps the task force established, and the latest instrument issued on or before a date is the
 * one that decides its status (`formationStatusAt`), so with an amendment in force the national task
 * force reads formed, and the profile names the instrument that last set it up. The 2008 Perpres is
 * not marked revoked or ended: it is in force as amended.
 *
 * Dates are the signing dates (ditetapkan). 49/2023: signed Thursday 10 August 2023 (domain-research
 * §1.2, sources 1 Channel9 and 2 Harian Ternate; mimbar-rakyat.com/?p=81195 says the same). Neither
 * domain-research.md nor the stored copies of its sources give the day 69/2008 or 22/2021 was signed,
 * so their dates stay null and the seed leaves them out until a source is found (peraturan.bpk.go.id
 * or JDIH Setneg): set the date here and the next start adds them, in order. No document reference
 * is seeded: the research brief gives no JDIH link for any of the three.
 */
export const NATIONAL_INSTRUMENTS: readonly SeededInstrument[] = [
  { type: "perpres", number: "69 Tahun 2008", issuedOn: null, issuer: "Presiden Republik Indonesia", documentRef: null, endsOn: null, revokedOn: null },
  { type: "perpres", number: "22 Tahun 2021", issuedOn: null, issuer: "Presiden Republik Indonesia", documentRef: null, endsOn: null, revokedOn: null },
  { type: "perpres", number: "49 Tahun 2023", issuedOn: "2023-08-10", issuer: "Presiden Republik Indonesia", documentRef: null, endsOn: null, revokedOn: null },
];

type RegionSeed = { code: string; name: string; validFrom: string | null; validTo: string | null };

/** The regions to load: today's list (new ones valid from their law) plus the codes they replaced. */
function regionSeeds(current: readonly Region[], history: readonly Succession[]): RegionSeed[] {
  const startOf = new Map(history.filter((s) => s.type !== "rename").map((s) => [s.newCode, s.effectiveDate]));
  const seeds: RegionSeed[] = current.map((r) => ({ code: r.code, name: r.name, validFrom: startOf.get(r.code) ?? null, validTo: null }));
  const byCode = new Map(current.map((r) => [r.code, r]));
  for (const s of history) {
    if (s.type !== "recode" || byCode.has(s.oldCode)) continue;
    seeds.push({ code: s.oldCode, name: byCode.get(s.newCode)?.name ?? s.newCode, validFrom: null, validTo: dayBefore(s.effectiveDate) });
  }
  return seeds.sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
}

/** Inserts what is missing of the reference data and returns how many rows it added per table. */
export function seedDatabase(db: Db, options: SeedOptions = {}): SeedResult {
  const current = [...(options.regions ?? listRegions())].sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
  const history = options.successions ?? (options.regions ? [] : PAPUA_2022_SUCCESSIONS);
  const periodList = options.periods ?? REFERENCE_RAN_PERIODS;
  const recodedFrom = new Map(history.filter((s) => s.type === "recode").map((s) => [s.newCode, s]));

  return db.transaction((tx) => {
    const added: SeedResult = { regions: 0, taskForces: 0, periods: 0, instruments: 0 };

    for (const r of regionSeeds(current, history)) {
      const res = tx
        .insert(regions)
        .values({ code: r.code, name: r.name, level: regionLevelOf(r.code), parentCode: parentRegionCodeOf(r.code), kind: regencyKindOf(r.code), validFrom: r.validFrom, validTo: r.validTo })
        .onConflictDoNothing()
        .run();
      added.regions += res.changes;
    }
    for (const s of history) {
      tx.insert(successions).values({ oldCode: s.oldCode, newCode: s.newCode, type: s.type, effectiveDate: s.effectiveDate, newName: s.newName, legalBasis: s.legalBasis }).onConflictDoNothing().run();
    }

    if (!tx.select({ id: taskForces.id }).from(taskForces).where(eq(taskForces.level, "national")).get()) {
      tx.insert(taskForces).values({ level: "national" }).run();
      added.taskForces += 1;
    }
    const linked = new Map(tx.select({ code: taskForceRegions.regionCode, id: taskForceRegions.taskForceId }).from(taskForceRegions).all().map((l) => [l.code, l.id]));
    const link = (taskForceId: number, regionCode: string, validFrom: string | null, validTo: string | null) => {
      if (linked.has(regionCode)) return;
      tx.insert(taskForceRegions).values({ taskForceId, regionCode, validFrom, validTo }).run();
      linked.set(regionCode, taskForceId);
    };
    const startOf = new Map(history.filter((s) => s.type !== "rename").map((s) => [s.newCode, s.effectiveDate]));
    // Fixed order: provinces, then regencies/cities, each by today's code. A regency that moved keeps
    // one task force, linked to its old code until the day before the law and to its new code after.
    for (const r of current) {
      const before = recodedFrom.get(r.code);
      const existing = linked.get(r.code) ?? (before ? linked.get(before.oldCode) : undefined);
      const taskForceId =
        existing ??
        tx
          .insert(taskForces)
          .values({ level: r.level, validFrom: before ? null : (startOf.get(r.code) ?? null) })
          .returning({ id: taskForces.id })
          .get().id;
      if (existing === undefined) added.taskForces += 1;
      if (before) {
        link(taskForceId, before.oldCode, null, dayBefore(before.effectiveDate));
        link(taskForceId, r.code, before.effectiveDate, null);
      } else {
        link(taskForceId, r.code, startOf.get(r.code) ?? null, null);
      }
    }

    for (const p of periodList) {
      const res = tx
        .insert(ranPeriods)
        .values({ number: p.number, firstYear: p.firstYear, lastYear: p.lastYear, status: p.status, instrument: p.instrument, adoptedOn: p.adoptedOn })
        .onConflictDoNothing()
        .run();
      added.periods += res.changes;
    }

    // The national task force's Perpres, in order; one already recorded (same type and number, as
    // the unique key reads it) is left as it is, an admin's corrections included. Its record times
    // are fixed (the start of its day in WIB), so every database seeds the same rows.
    const national = tx.select({ id: taskForces.id }).from(taskForces).where(eq(taskForces.level, "national")).get()!;
    for (const i of options.nationalInstruments ?? NATIONAL_INSTRUMENTS) {
      if (i.issuedOn === null) continue;
      const recordedAt = Date.parse(`${i.issuedOn}T00:00:00+07:00`);
      const res = tx
        .insert(instruments)
        .values({ taskForceId: national.id, ...i, issuedOn: i.issuedOn, numberKey: instrumentNumberKey(i.number), createdAt: recordedAt, updatedAt: recordedAt })
        .onConflictDoNothing()
        .run();
      added.instruments += res.changes;
    }
    return added;
  });
}

/** The laws of the seeded restructurings (for screens that explain them). */
export const SEEDED_LAWS = PAPUA_2022_LAWS;
