/** Numbers and instants as readers of either language write them: 1.500,5 in Bahasa Indonesia, 1,500.5 in English; times with their zone. */
import { TIME_ZONES, timeZoneOf } from "@gugus/domain/regions";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { localeOf } from "./i18n/index.ts";

/** A formatter for figures (targets, baselines) in the current language; null reads as a dash. */
export function useNumberFormat(): (value: number | null | undefined) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.NumberFormat(localeOf(i18n.language), { maximumFractionDigits: 2 });
    return (value) => (value === null || value === undefined ? "—" : format.format(value));
  }, [i18n.language]);
}

/** A zone an instant is shown in: WIB, WITA or WIT. */
export type ZoneName = keyof typeof TIME_ZONES;

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant (epoch ms) as a reader of either language writes it, always with its zone:
 * "1 Des 2026 14.05 WIB" / "1 Dec 2026 14:05 WIB". National screens show WIB; a task force's
 * screens its own zone (`zoneOfRegion`).
 */
export function formatInstant(ms: number, { lang, zone = "WIB", seconds = false }: { lang: string; zone?: ZoneName; seconds?: boolean }): string {
  const key = `${lang}|${zone}|${seconds}`;
  let format = instantFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      ...(seconds ? { second: "2-digit" } : {}),
      hourCycle: "h23",
      timeZone: TIME_ZONES[zone].iana,
    });
    instantFormats.set(key, format);
  }
  return `${format.format(new Date(ms)).replace(",", "")} ${zone}`;
}

/** The zone of a region's task force (WIB for the national one, `null`). */
export function zoneOfRegion(regionCode: string | null): ZoneName {
  try {
    return timeZoneOf(regionCode).abbreviation;
  } catch {
    return "WIB";
  }
}

/** {@link formatInstant} in the current language, in one zone (WIB unless told). */
export function useInstantFormat(zone: ZoneName = "WIB"): (ms: number | string | Date | null | undefined) => string {
  const { i18n } = useTranslation();
  return useMemo(
    () => (value) => {
      if (value === null || value === undefined) return "—";
      const ms = typeof value === "number" ? value : typeof value === "string" ? Date.parse(value) : value.getTime();
      return Number.isNaN(ms) ? "—" : formatInstant(ms, { lang: i18n.language, zone });
    },
    [i18n.language, zone],
  );
}
