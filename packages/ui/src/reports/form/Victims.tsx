/** Victims, counted only: by sex and age, by form of exploitation, and by destination (within Indonesia, or abroad by country). */
import { EXPLOITATION_FORMS } from "@gugus/domain/reports";
import type { ReportContent } from "@gugus/domain/reports";
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { localeOf } from "../../i18n/index.ts";
import { COUNTRY_CODES } from "./countries.ts";
import { FigureField, useFieldIssue, useReportFormContext } from "./fields.tsx";
import { setField } from "./model.ts";

const SEX_AGE = ["women", "girls", "men", "boys"] as const;

/** The countries by their names in the reader's language, sorted by name. */
function useCountryOptions(): { value: string; label: string }[] {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const locale = localeOf(i18n.language);
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale], { type: "region" });
    } catch {
      names = null;
    }
    return COUNTRY_CODES.map((code) => ({ value: code, label: names?.of(code) ?? code }))
      .filter((o) => o.value !== "ID")
      .sort((a, b) => a.label.localeCompare(b.label, locale));
  }, [i18n.language]);
}

function CountryRow({ index, country, count, options, taken }: { index: number; country: string; count: number | null; options: { value: string; label: string }[]; taken: Set<string> }) {
  const { t } = useTranslation();
  const { change, readOnly } = useReportFormContext();
  const { error } = useFieldIssue(`victims.abroad.${index}.country`);
  const n = index + 1;
  const name = options.find((o) => o.value === country)?.label;
  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <Select
        label={t("reports.victims.country", { n })}
        data={options.map((o) => ({ ...o, disabled: o.value !== country && taken.has(o.value) }))}
        value={country === "" ? null : country}
        onChange={(v) => change(setField(`victims.abroad.${index}.country`, v ?? ""))}
        searchable
        readOnly={readOnly}
        error={error}
        w={{ base: "100%", xs: 260 }}
        comboboxProps={{ withinPortal: true }}
      />
      <FigureField
        label={name ? t("reports.victims.countryCount", { country: name }) : t("reports.victims.countryCountBlank", { n })}
        path={`victims.abroad.${index}.count`}
        value={count}
        onValue={(v) => change(setField(`victims.abroad.${index}.count`, v))}
        w={{ base: "100%", xs: 220 }}
      />
      {!readOnly && (
        <Button variant="subtle" color="red" mt={{ base: 0, xs: 26 }} onClick={() => change((c) => ({ ...c, victims: { ...c.victims, abroad: c.victims.abroad.filter((_, i) => i !== index) } }))}>
          {t("reports.victims.removeCountry", { n })}
        </Button>
      )}
    </Group>
  );
}

export function VictimsSection({ content }: { content: ReportContent }) {
  const { t } = useTranslation();
  const { change, readOnly } = useReportFormContext();
  const v = content.victims;
  const options = useCountryOptions();
  const taken = new Set(v.abroad.map((a) => a.country));
  const field = (path: string) => (value: number | null) => change(setField(path, value));
  return (
    <Stack gap="md">
      <FigureField label={t("reports.victims.total")} path="victims.total" value={v.total} onValue={field("victims.total")} maw={{ base: "100%", xs: 260 }} />
      <Paper withBorder p="sm" radius="sm">
        <Title order={3} size="h6" mb="xs">
          {t("reports.victims.bySex")}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {SEX_AGE.map((key) => (
            <FigureField key={key} label={t(`reports.victims.${key}`)} path={`victims.${key}`} value={v[key]} onValue={field(`victims.${key}`)} />
          ))}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="sm" radius="sm">
        <Title order={3} size="h6" mb="xs">
          {t("reports.victims.byForm")}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {EXPLOITATION_FORMS.map((form) => (
            <FigureField key={form} label={t(`reports.exploitation.${form}`)} path={`victims.exploitation.${form}`} value={v.exploitation[form]} onValue={field(`victims.exploitation.${form}`)} />
          ))}
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="sm" radius="sm">
        <Title order={3} size="h6" mb="xs">
          {t("reports.victims.byDestination")}
        </Title>
        <Stack gap="sm">
          <FigureField label={t("reports.victims.domestic")} path="victims.domestic" value={v.domestic} onValue={field("victims.domestic")} maw={{ base: "100%", xs: 260 }} />
          <Text size="sm" fw={500}>
            {t("reports.victims.abroadTitle")}
          </Text>
          {v.abroad.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("reports.victims.abroadNone")}
            </Text>
          )}
          {v.abroad.map((a, i) => (
            <CountryRow key={i} index={i} country={a.country} count={a.count} options={options} taken={taken} />
          ))}
          {!readOnly && v.abroad.length < 100 && (
            <Group>
              <Button variant="light" onClick={() => change((c) => ({ ...c, victims: { ...c.victims, abroad: [...c.victims.abroad, { country: "", count: null }] } }))}>
                {t("reports.victims.addCountry")}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
