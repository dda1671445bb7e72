/**
 * Indonesia's three time zones. Deadlines fall at local midnight, so every region's zone is known:
 * WIB (UTC+7) for Sumatra, Java, West and Central Kalimantan and the Riau Islands; WITA (UTC+8) for
 * Bali, the Nusa Tenggaras, South, East and North Kalimantan and Sulawesi; WIT (UTC+9) for Maluku
 * and Papua. The national task force keeps WIB (Jakarta).
 */
import type { IsoDate } from "../dates.ts";
import { DomainError } from "../errors.ts";
import { provinceCodeOf } from "./codes.ts";

export const TIME_ZONES = {
  WIB: { abbreviation: "WIB", iana: "Asia/Jakarta", utcOffsetHours: 7 },
  WITA: { abbreviation: "WITA", iana: "Asia/Makassar", utcOffsetHours: 8 },
  WIT: { abbreviation: "WIT", iana: "Asia/Jayapura", utcOffsetHours: 9 },
} as const;

export type TimeZoneCode = keyof typeof TIME_ZONES;
export type TimeZone = (typeof TIME_ZONES)[TimeZoneCode];

const ZONE_BY_PROVINCE: Readonly<Record<string, TimeZoneCode>> = {
  ...Object.fromEntries(["11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "31", "32", "33", "34", "35", "36", "61", "62"].map((c) => [c, "WIB"])),
  ...Object.fromEntries(["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"].map((c) => [c, "WITA"])),
  ...Object.fromEntries(["81", "82", "91", "92", "93", "94", "95", "96"].map((c) => [c, "WIT"])),
};

/**
 * A province code's first digit runs west to east by island group (Permendagri 58/2021), so a new
 * province carved out later still has a known zone: 1–3 Sumatra, Riau Islands and Java (WIB); 5 Bali
 * and the Nusa Tenggaras, 7 Sulawesi (WITA); 8 Maluku, 9 Papua (WIT). Kalimantan (6) spans two zones
 * and has no fallback.
 */
const ZONE_BY_ISLAND_GROUP: Readonly<Record<string, TimeZoneCode>> = { "1": "WIB", "2": "WIB", "3": "WIB", "5": "WITA", "7": "WITA", "8": "WIT", "9": "WIT" };

/**
 * The local time zone of a region (province or regency/city), or WIB for the national task force
 * (`null`). Throws `REGION_NOT_FOUND` for a well-formed code whose zone cannot be told.
 */
export function timeZoneOf(regionCode: string | null): TimeZone {
  if (regionCode === null) return TIME_ZONES.WIB;
  const province = provinceCodeOf(regionCode);
  const zone = ZONE_BY_PROVINCE[province] ?? ZONE_BY_ISLAND_GROUP[province[0]!];
  if (!zone) throw new DomainError("REGION_NOT_FOUND", { code: regionCode });
  return TIME_ZONES[zone];
}

const HOUR_MS = 3_600_000;

/**
 * The calendar date at an instant in a zone of fixed offset. Indonesia's three zones keep theirs all
 * year (no summer time since 1964), so this is the IANA zone's date (`localDateOf`, which a test
 * compares it with) at a fraction of the cost: every request asks for today.
 */
export function dateInZone(now: Date, zone: TimeZone): IsoDate {
  const at = now.getTime();
  const last = lastDay.get(zone.utcOffsetHours);
  if (last !== undefined && at >= last.from && at < last.to) return last.date;
  const shifted = at + zone.utcOffsetHours * HOUR_MS;
  const date = new Date(shifted).toISOString().slice(0, 10);
  const from = Math.floor(shifted / DAY_MS) * DAY_MS - zone.utcOffsetHours * HOUR_MS;
  lastDay.set(zone.utcOffsetHours, { from, to: from + DAY_MS, date });
  return date;
}

const DAY_MS = 24 * HOUR_MS;
/** Per offset, the last day asked for and the instants it spans: most calls fall in it. */
const lastDay = new Map<number, { from: number; to: number; date: IsoDate }>();

/**
 * The date that a rule calls "today": the calendar date at the instant `now` in the time zone of a
 * region (a task force's own today, which deadlines use), or the national date in Jakarta (WIB) for
 * `null`. The clock is always the caller's, so the same rule gives the same answer in a test and on
 * the server; nothing in the domain reads the machine's clock.
 *
 * `todayAt(new Date("2024-06-30T16:30:00Z"), null)` is `2024-06-30` (23:30 WIB), while
 * `todayAt(new Date("2024-06-30T16:30:00Z"), "91.01")` is `2024-07-01` (01:30 WIT).
 */
export function todayAt(now: Date, regionCode: string | null = null): IsoDate {
  return dateInZone(now, timeZoneOf(regionCode));
}
