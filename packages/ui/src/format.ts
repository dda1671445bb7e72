/** Numbers as readers of either language write them: 1.500,5 in Bahasa Indonesia, 1,500.5 in English. */
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
