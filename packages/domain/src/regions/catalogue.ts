/**
 * The reference list of regions, compiled from the npm package `idn-area-data` (Kemendagri codes):
 * 38 provinces and 514 regencies/cities. Lookups build their index on first use.
 */
import { DomainError } from "../errors.ts";
import { PROVINCE_ROWS, REGENCY_ROWS } from "./data.generated.ts";
import { parseRegionCode, provinceCodeOf, regencyKindOf, regionLevelOf } from "./codes.ts";
import type { RegencyKind, RegionLevel } from "./codes.ts";

export { IDN_AREA_DATA_VERSION } from "./data.generated.ts";

/** A province or a regency/city as listed today. Lookups share one frozen object per region. */
export type Region = {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
  /** The province's code: the region itself for a province. */
  readonly provinceCode: string;
  /** Kabupaten or kota for a regency/city; null for a province. */
  readonly kind: RegencyKind | null;
};

function toRegion([code, name]: readonly [string, string]): Region {
  return Object.freeze({
    code,
    name,
    level: regionLevelOf(code),
    provinceCode: provinceCodeOf(code),
    kind: regencyKindOf(code),
  });
}

let index: Map<string, Region> | undefined;
function regionIndex(): Map<string, Region> {
  index ??= new Map([...PROVINCE_ROWS, ...REGENCY_ROWS].map((row) => [row[0], toRegion(row)]));
  return index;
}

/** All 38 provinces, in code order. */
export function listProvinces(): Region[] {
  return PROVINCE_ROWS.map((row) => regionIndex().get(row[0])!);
}

/** All regencies/cities in code order, or only those of one province. */
export function listRegencies(provinceCode?: string): Region[] {
  const rows = provinceCode === undefined ? REGENCY_ROWS : REGENCY_ROWS.filter(([c]) => c.startsWith(`${provinceCode}.`));
  return rows.map((row) => regionIndex().get(row[0])!);
}

/** Every region: provinces first, then regencies/cities, each in code order. */
export function listRegions(): Region[] {
  return [...listProvinces(), ...listRegencies()];
}

/** The region with this code, or undefined when the code is well formed but not listed. Throws on a malformed code. */
export function findRegion(code: string): Region | undefined {
  return regionIndex().get(parseRegionCode(code));
}

/** The region with this code; throws `REGION_CODE_MALFORMED` or `REGION_NOT_FOUND`. */
export function getRegion(code: string): Region {
  const region = findRegion(code);
  if (!region) throw new DomainError("REGION_NOT_FOUND", { code });
  return region;
}
