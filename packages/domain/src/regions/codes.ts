/**
 * Kemendagri region codes (Permendagri 58/2021), always strings: a province is two digits (`32`),
 * a regency or city adds two more after a dot (`32.75`). Regencies (kabupaten) use 01–69,
 * cities (kota) 71–99. BPS codes are a different system and are never accepted here.
 */
import { z } from "zod";
import { DomainError } from "../errors.ts";

/** Level of a region: a province, or a regency/city inside one. */
export const REGION_LEVELS = ["province", "regency"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Kind of a second-level region, read from its code: kabupaten (01–69) or kota (71–99). */
export const REGENCY_KINDS = ["kabupaten", "kota"] as const;
export type RegencyKind = (typeof REGENCY_KINDS)[number];

const PROVINCE_CODE = /^[1-9][0-9]$/;
const REGENCY_CODE = /^([1-9][0-9])\.([0-9]{2})$/;

/** Tells whether a string is a well-formed province or regency/city code (it may still be unknown). */
export function isWellFormedRegionCode(code: string): boolean {
  if (PROVINCE_CODE.test(code)) return true;
  const match = REGENCY_CODE.exec(code);
  if (!match) return false;
  const n = Number(match[2]);
  return (n >= 1 && n <= 69) || (n >= 71 && n <= 99);
}

/** A well-formed region code; anything else fails with the message key `REGION_CODE_MALFORMED`. */
export const RegionCodeSchema = z
  .string({ error: "REGION_CODE_MALFORMED" })
  .max(5, { error: "REGION_CODE_MALFORMED" })
  .refine(isWellFormedRegionCode, { error: "REGION_CODE_MALFORMED" });

/** Checks a code and returns it; throws `REGION_CODE_MALFORMED` when it is not well formed. */
export function parseRegionCode(code: string): string {
  if (!isWellFormedRegionCode(code)) throw new DomainError("REGION_CODE_MALFORMED");
  return code;
}

/**
 * Rewrites what a person might type into the canonical form: trims, drops spaces, and puts the
 * dot into four digits (`3275` → `32.75`). Returns null when the result is not well formed.
 */
export function normalizeRegionCode(input: string): string | null {
  const compact = input.replace(/\s+/g, "");
  const dotted = /^\d{4}$/.test(compact) ? `${compact.slice(0, 2)}.${compact.slice(2)}` : compact;
  return isWellFormedRegionCode(dotted) ? dotted : null;
}

/** Level of a well-formed code. */
export function regionLevelOf(code: string): RegionLevel {
  return parseRegionCode(code).length === 2 ? "province" : "regency";
}

/** The province a code belongs to: itself for a province, the first two digits for a regency/city. */
export function provinceCodeOf(code: string): string {
  return parseRegionCode(code).slice(0, 2);
}

/**
 * The parent region's code, derived from the code and never entered by hand: a regency's province,
 * or null for a province (whose parent is the nation).
 */
export function parentRegionCodeOf(code: string): string | null {
  return regionLevelOf(code) === "province" ? null : code.slice(0, 2);
}

/** Kabupaten or kota, from the code (01–69 regency, 71–99 city); null for a province. */
export function regencyKindOf(code: string): RegencyKind | null {
  if (regionLevelOf(code) === "province") return null;
  return Number(code.slice(3)) >= 71 ? "kota" : "kabupaten";
}
