import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { LANGUAGES } from "../i18n/types.ts";

/** Switches between Bahasa Indonesia and English; the choice is remembered in the browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("language.label")}
      value={i18n.resolvedLanguage ?? "id"}
      onChange={(lng) => void i18n.changeLanguage(lng)}
      data={LANGUAGES.map((lng) => ({ value: lng, label: lng.toUpperCase(), title: t(`language.${lng}`) }))}
    />
  );
}
