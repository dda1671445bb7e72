/**
 * How the evaluation screens word scores, weights, inputs and ranks in the reader's language: a score
 * with one decimal, a weight as a percentage, an input by its name (items by their code and title),
 * its value as the domain gives it (yes/no, "4 of 6", rupiah, a share), a rank with its band.
 */
import { COORDINATORS_EXPECTED, EVALUATION_PARTS, formatRank } from "@gugus/domain/evaluation";
import type { ScoreInput } from "@gugus/domain/evaluation";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatInstant } from "../format.ts";
import { localeOf } from "../i18n/index.ts";
import { dynamicMessage } from "../reports/review/format.ts";
import type { Part, RankBand } from "./types.ts";

/** The inputs named by the domain (the rest are action items, named by their code). */
const NAMED_INPUTS = new Set([
  "instrumentInForce",
  "coordinators",
  "radRecorded",
  "dedicatedBudgetLine",
  "budget",
  "budgetAllocated",
  "budgetShare",
  "shareSpent",
  "meetings",
  "submitted",
  "onTime",
  "approved",
]);

/** The title of each action item by its code, when the page knows them. */
export type ItemTitles = ReadonlyMap<string, string>;

export const isPart = (value: string): value is Part => (EVALUATION_PARTS as readonly string[]).includes(value);

export function partLabel(t: TFunction, part: Part): string {
  return t(`evaluation.part.${part}`);
}

/** An input by its name: a named one by its message, an action item as "code · title" (the code alone without a title). */
export function inputLabel(t: TFunction, name: string, titles?: ItemTitles): string {
  if (NAMED_INPUTS.has(name)) return dynamicMessage(t, `evaluation.input.${name}`, name);
  const title = titles?.get(name);
  return title ? `${name} · ${title}` : t("evaluation.input.item", { code: name });
}

/** One entry of a score's `missing`: `part.input`, or `part` for a part with no input at all. */
export function missingLabel(t: TFunction, entry: string, titles?: ItemTitles): string {
  const dot = entry.indexOf(".");
  const part = dot < 0 ? entry : entry.slice(0, dot);
  const partName = isPart(part) ? partLabel(t, part) : part;
  if (dot < 0) return t("evaluation.missingPart", { part: partName });
  return t("evaluation.missingInput", { part: partName, input: inputLabel(t, entry.slice(dot + 1), titles) });
}

export type EvaluationFormat = {
  /** A score 0..100 with one decimal; null reads as a dash. */
  score: (value: number | null | undefined) => string;
  /** A weight 0..1 as a percentage. */
  weight: (value: number) => string;
  /** Points with up to one decimal. */
  points: (value: number) => string;
  /** A share 0..1 as a percentage. */
  share: (value: number) => string;
  /** A rank with its band, "12th (9th–15th)"; null reads as "no rank". */
  rank: (band: RankBand | null) => string;
  /** An input's value as the domain gives it; a missing input reads "missing", never 0. */
  value: (input: ScoreInput) => string;
  /** An instant as a date and time in the reader's language. */
  time: (iso: string) => string;
  date: (iso: string) => string;
  language: "en" | "id";
};

export function useEvaluationFormat(): EvaluationFormat {
  const { t, i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "id";
  return useMemo(() => {
    const locale = localeOf(language);
    const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const upToOne = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
    const fine = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 3 });
    const rupiah = new Intl.NumberFormat(locale, { style: "currency", currency: "IDR", maximumFractionDigits: 0 });
    const dateOnly = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
    const yesNo = (v: boolean) => t(v ? "evaluation.yes" : "evaluation.no");
    const value = (input: ScoreInput): string => {
      const v = input.value;
      if (input.missing || v === null) return t("evaluation.missing");
      if (typeof v === "boolean") return yesNo(v);
      switch (input.name) {
        case "coordinators":
          return t("evaluation.of", { value: whole.format(v), max: COORDINATORS_EXPECTED });
        case "budget":
        case "budgetAllocated":
          return rupiah.format(v);
        case "budgetShare":
          return fine.format(v);
        case "shareSpent":
          return percent.format(v);
        case "meetings":
          return whole.format(v);
        default:
          // An action item: its achievement against the year's target, a ratio.
          return t("evaluation.delivery.achievement", { value: percent.format(v) });
      }
    };
    return {
      score: (v) => (v === null || v === undefined ? "—" : one.format(v)),
      weight: (v) => percent.format(v),
      points: (v) => upToOne.format(v),
      share: (v) => percent.format(v),
      rank: (band) => (band === null ? t("evaluation.rank.none") : t("evaluation.rank.value", { rank: formatRank(band, language), of: band.of })),
      value,
      // The evaluation is national: its instants read in WIB, with the zone.
      time: (iso) => formatInstant(Date.parse(iso), { lang: language, zone: "WIB" }),
      date: (iso) => dateOnly.format(new Date(iso)),
      language,
    };
  }, [t, language]);
}
