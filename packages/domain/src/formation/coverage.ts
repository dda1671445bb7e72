/**
 * Coverage, the first national indicator: how many provinces and regencies/cities have a task force
 * in force at a date (2018: 32 provinces and 195 regencies/cities). Counted from each task force's
 * formation status; the task forces are those that exist at that date.
 */
import type { Level } from "../hierarchy/levels.ts";
import type { FormationStatus } from "./instruments.ts";

export type CoverageEntry = {
  taskForceId: number;
  level: Level;
  /** The region code at the date (null for the national task force). */
  regionCode: string | null;
  status: FormationStatus;
};

export type LevelCoverage = { formed: number; total: number };

export type ProvinceCoverage = {
  provinceCode: string;
  provinceFormed: boolean;
  regencies: LevelCoverage;
};

export type Coverage = {
  national: LevelCoverage;
  province: LevelCoverage;
  regency: LevelCoverage;
  byProvince: ProvinceCoverage[];
  /** Task forces not formed (or no longer in force), in code order. */
  unformed: CoverageEntry[];
};

/** Counts formed task forces per level and per province, and lists the unformed. */
export function countCoverage(entries: readonly CoverageEntry[]): Coverage {
  const levels: Record<Level, LevelCoverage> = { national: { formed: 0, total: 0 }, province: { formed: 0, total: 0 }, regency: { formed: 0, total: 0 } };
  const provinces = new Map<string, ProvinceCoverage>();
  const province = (code: string) => {
    let p = provinces.get(code);
    if (!p) {
      p = { provinceCode: code, provinceFormed: false, regencies: { formed: 0, total: 0 } };
      provinces.set(code, p);
    }
    return p;
  };
  const unformed: CoverageEntry[] = [];
  for (const e of entries) {
    const formed = e.status === "formed";
    levels[e.level].total += 1;
    if (formed) levels[e.level].formed += 1;
    else unformed.push(e);
    if (e.regionCode === null) continue;
    const p = province(e.regionCode.slice(0, 2));
    if (e.level === "province") p.provinceFormed = formed;
    else {
      p.regencies.total += 1;
      if (formed) p.regencies.formed += 1;
    }
  }
  return {
    ...levels,
    byProvince: [...provinces.values()].sort((a, b) => a.provinceCode.localeCompare(b.provinceCode)),
    unformed: unformed.sort((a, b) => (a.regionCode ?? "").localeCompare(b.regionCode ?? "")),
  };
}

/** A share as a fraction (0 when there is nothing to cover). */
export function coverageShare(c: LevelCoverage): number {
  return c.total === 0 ? 0 : c.formed / c.total;
}
