/**
 * How the review screens word a report's parts: its period, instants in UTC and local time, exact
 * figures, percentages, and the label of any field of the content by its path (`victims.women`,
 * `budget.lines.0.spent`), as a change or a check names it.
 */
import { TIME_ZONES } from "@gugus/domain/regions";
import { localTimeLabel } from "@gugus/domain/reports";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { localeOf } from "../../i18n/index.ts";
import { taskForceName } from "../../names.ts";
import type { Level, ReportItem, ZoneCode } from "./api.ts";

/**
 * A message whose key is built from data (a section, a field, a check code). The keys exist for
 * every value the domain lists; anything else reads as `fallback`.
 */
export function dynamicMessage(t: TFunction, key: string, fallback: string, values?: Record<string, unknown>): string {
  return (t as unknown as (key: string, options: Record<string, unknown>) => string)(key, { defaultValue: fallback, ...values });
}

/** "tahun 2025" / "semester 1 tahun 2025". */
export function periodLabel(t: TFunction, periodKey: string): string {
  const match = /^(\d{4})(?:-S([12]))?$/.exec(periodKey);
  if (!match) return periodKey;
  return match[2] ? t("review.period.semester", { year: match[1], semester: match[2] }) : t("review.period.year", { year: match[1] });
}

/** A task force as the API refers to it (its region's name, null for the national one), by its name in the reader's language. */
export function refName(t: TFunction, tf: { name: string | null; level?: Level }): string {
  if (tf.level === undefined) return tf.name ?? t("taskForce.national");
  return taskForceName(t, { level: tf.level, regionName: tf.level === "national" ? null : tf.name });
}

/** An instant as the task force's clock reads it: "2026-01-31 23:30 WIT". */
export function localTime(at: string, zone: ZoneCode): string {
  return localTimeLabel(new Date(at), TIME_ZONES[zone]);
}

/** "2026-01-31 16:30". */
export function utcTime(at: string): string {
  return `${at.slice(0, 10)} ${at.slice(11, 16)}`;
}

/** "2026-01-31 23:30 WIT (2026-01-31 14:30 UTC)". */
export function bothTimes(t: TFunction, at: string, zone: ZoneCode, local?: string): string {
  return t("review.facts.timeBoth", { local: local ?? localTime(at, zone), utc: utcTime(at) });
}

export type Formats = {
  /** An exact figure, every digit as reported; null reads "not reported". */
  figure: (value: number | null | undefined) => string;
  /** A percentage of 0..100+ with one decimal, never capped; null reads as a dash. */
  percent: (value: number | null | undefined) => string;
  /** A ratio 0..1 as a percentage. */
  ratio: (value: number | null | undefined) => string;
  country: (code: string) => string;
};

/** Formatters for the reader's language. */
export function useFormats(): Formats {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const locale = localeOf(i18n.language);
    const exact = new Intl.NumberFormat(locale, { maximumFractionDigits: 20 });
    const pct = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    let countries: Intl.DisplayNames | null = null;
    try {
      countries = new Intl.DisplayNames([locale], { type: "region" });
    } catch {
      countries = null;
    }
    return {
      figure: (value) => (value === null || value === undefined ? t("review.notReported") : exact.format(value)),
      percent: (value) => (value === null || value === undefined ? "—" : `${pct.format(value)}%`),
      ratio: (value) => (value === null || value === undefined ? "—" : `${pct.format(value * 100)}%`),
      country: (code) => {
        const name = countries?.of(code);
        return name && name !== code ? `${name} (${code})` : code;
      },
    };
  }, [t, i18n.language]);
}

const SIMPLE_SECTIONS = new Set(["lawEnforcement", "services", "networkScope", "prevention", "coordination", "narrative"]);

/** The message key of a list entry's field, by the list's path. */
const ENTRY_FIELDS: Record<string, string> = {
  activities: "review.fields.activity",
  realisations: "review.fields.realisation",
  "victims.abroad": "review.fields.abroad",
  "budget.lines": "review.fields.budget",
};

/**
 * The label of a field of the content by its path: "Korban › Perempuan dewasa",
 * "Anggaran › Baris anggaran ke-1 › Realisasi (Rp)".
 */
export function fieldLabel(t: TFunction, path: string): string {
  const parts = path.split(".");
  const [section = "", ...rest] = parts;
  const out = [dynamicMessage(t, `review.sections.${section}`, section)];
  const entry = (list: string, label: string, index: string | undefined, field: string | undefined) => {
    if (index !== undefined) out.push(t("review.fields.entry", { label, n: Number(index) + 1 }));
    else out.push(label);
    if (field !== undefined) out.push(dynamicMessage(t, `${ENTRY_FIELDS[list]}.${field}`, field));
  };
  if (section === "activities" || section === "realisations") {
    if (rest[0] !== undefined) {
      out.length = 0;
      entry(section, dynamicMessage(t, `review.sections.${section}`, section), rest[0], rest[1]);
    }
  } else if (section === "victims") {
    const [key, a, b] = rest;
    if (key === "exploitation") {
      out.push(t("review.fields.victims.exploitation"));
      if (a !== undefined) out.push(dynamicMessage(t, `review.fields.exploitation.${a}`, a));
    } else if (key === "abroad") {
      entry("victims.abroad", t("review.fields.victims.abroad"), a, b);
    } else if (key !== undefined) {
      out.push(dynamicMessage(t, `review.fields.victims.${key}`, key));
    }
  } else if (section === "budget") {
    const [key, a, b] = rest;
    if (key === "lines") entry("budget.lines", t("review.fields.budget.lines"), a, b);
    else if (key !== undefined) out.push(dynamicMessage(t, `review.fields.budget.${key}`, key));
  } else if (SIMPLE_SECTIONS.has(section) && rest[0] !== undefined) {
    out.push(dynamicMessage(t, `review.fields.${section}.${rest[0]}`, rest[0]));
  } else if (rest.length > 0) {
    out.push(rest.join("."));
  }
  return out.join(" › ");
}

type ValueContext = { t: TFunction; formats: Formats; items: ReportItem[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A value of the content as the reader reads it: a figure exactly, a blank as "not reported", an entry by its parts. */
export function formatValue(value: unknown, { t, formats, items }: ValueContext, path = ""): string {
  if (value === null || value === undefined) return t("review.notReported");
  if (typeof value === "number") return formats.figure(value);
  if (typeof value === "boolean") return value ? t("review.yes") : t("review.no");
  if (typeof value === "string") {
    if (path.endsWith(".source")) return dynamicMessage(t, `review.fields.budgetSource.${value}`, value);
    if (path.endsWith(".country")) return formats.country(value);
    if (path.endsWith(".subTaskForce")) return dynamicMessage(t, `subTaskForce.${value}`, value);
    return value === "" ? "—" : value;
  }
  if (Array.isArray(value)) return value.length === 0 ? t("review.none") : value.map((v) => formatValue(v, { t, formats, items }, path)).join("; ");
  if (isRecord(value)) {
    // An entry of a list: its fields in order, each worded as its own path would be.
    if ("actionItemId" in value && "value" in value) {
      const item = items.find((i) => i.id === value.actionItemId);
      return `${item ? item.code : `#${String(value.actionItemId)}`}: ${formatValue(value.value, { t, formats, items })}${typeof value.note === "string" && value.note ? ` (${value.note})` : ""}`;
    }
    if ("country" in value && "count" in value) return `${formats.country(String(value.country))}: ${formatValue(value.count, { t, formats, items })}`;
    if ("source" in value && "allocated" in value) {
      const source = dynamicMessage(t, `review.fields.budgetSource.${String(value.source)}`, String(value.source));
      return `${source}: ${t("review.fields.budget.allocated")} ${formatValue(value.allocated, { t, formats, items })}, ${t("review.fields.budget.spent")} ${formatValue(value.spent, { t, formats, items })}${typeof value.note === "string" && value.note ? ` (${value.note})` : ""}`;
    }
    if ("what" in value) {
      const item = typeof value.actionItemId === "number" ? items.find((i) => i.id === value.actionItemId) : undefined;
      const parts = [dynamicMessage(t, `subTaskForce.${String(value.subTaskForce)}`, String(value.subTaskForce)), String(value.what), typeof value.date === "string" ? value.date : null, item ? item.code : null];
      return parts.filter((p) => p !== null).join(" · ");
    }
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${formatValue(v, { t, formats, items }, `${path}.${k}`)}`)
      .join(", ");
  }
  return typeof value === "bigint" ? value.toString() : "";
}
