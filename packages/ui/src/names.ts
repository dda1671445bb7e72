/** How task forces, periods and time zones read in either language. */
import type { TFunction } from "i18next";

export type NamedTaskForce = { level: "national" | "province" | "regency"; regionName: string | null };

/** "Gugus Tugas PP-TPPO Kota Bekasi" / "Kota Bekasi Task Force". */
export function taskForceName(t: TFunction, tf: NamedTaskForce): string {
  if (tf.level === "national" || tf.regionName === null) return t("taskForce.national");
  return t(`taskForce.${tf.level}`, { name: tf.regionName });
}

/** "Periode II, tahun ke-4 dari 5" / "Period II, year 4 of 5". */
export function periodLine(t: TFunction, p: { numeral: string; index: number; of: number }): string {
  return t("period.line", { numeral: p.numeral, index: p.index, of: p.of });
}

/** "WIB (UTC+7)". */
export function timeZoneLabel(t: TFunction, zone: { abbreviation: string; utcOffsetHours: number }): string {
  return t("timeZone", { abbr: zone.abbreviation, offset: zone.utcOffsetHours });
}
