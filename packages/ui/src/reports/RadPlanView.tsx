/**
 * A regional action plan (RAD) read: its adopting instrument and its items by sub-task-force, each
 * with the RAN item it follows and a target per year of the period. Both apps show it read-only
 * (the portal adds its edit buttons through `actions`); the yearly report lists the items that
 * follow a RAN item under it with `RadItemsUnder`.
 */
import { SUB_TASK_FORCES } from "@gugus/domain/sub-task-forces";
import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../components/DataTable.tsx";
import { useNumberFormat } from "../format.ts";

export type RadItemView = {
  id: number;
  code: string;
  subTaskForce: (typeof SUB_TASK_FORCES)[number]["code"];
  followedCode: string;
  programme: string;
  activity: string;
  indicator: string;
  unit: string;
  baseline: number | null;
  targetMode: "per_year" | "cumulative";
  targets: readonly { year: number; value: number }[];
  leadAgency: string;
  relatedAgencies: readonly string[];
};

export type RadPlanData = {
  period: { firstYear: number; lastYear: number } | null;
  plan: { instrument: { type: string; number: string; adoptedOn: string; documentRef: string | null } | null } | null;
  items: readonly RadItemView[];
};

/** A calendar date in the reader's language: "2 Mar 2026" / "2 Mar 2026" (no time, so no zone). */
export function formatIsoDate(date: string, language: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "id-ID", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The line that says how the RAD was adopted, or that it is a draft. */
export function RadInstrumentLine({ plan }: { plan: RadPlanData["plan"] }) {
  const { t, i18n } = useTranslation();
  const instrument = plan?.instrument ?? null;
  if (!instrument) {
    return (
      <Group gap="xs">
        <Badge color="gray" variant="light">
          {t("rad.regencies.draft")}
        </Badge>
        <Text size="sm">{t("rad.instrument.none")}</Text>
      </Group>
    );
  }
  return (
    <Group gap="xs" data-testid="rad-instrument">
      <Badge color="green" variant="light">
        {t("rad.regencies.adopted", { date: formatIsoDate(instrument.adoptedOn, i18n.language) })}
      </Badge>
      <Text size="sm">
        {t("rad.instrument.adopted", { type: t(`instrumentType.${instrument.type as "pergub"}`), number: instrument.number, date: formatIsoDate(instrument.adoptedOn, i18n.language) })}
      </Text>
      {instrument.documentRef && (
        <Anchor href={instrument.documentRef} target="_blank" rel="noopener noreferrer" size="sm">
          {t("rad.instrument.document")}
        </Anchor>
      )}
    </Group>
  );
}

/** The items of a plan by sub-task-force, with a target per year of the period. `actions` adds buttons to an item. */
export function RadPlanView({ data, actions }: { data: RadPlanData; actions?: (item: RadItemView) => ReactNode }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const years = data.period ? Array.from({ length: data.period.lastYear - data.period.firstYear + 1 }, (_, i) => data.period!.firstYear + i) : [];
  if (data.items.length === 0) return <Text data-testid="rad-empty">{t("rad.items.empty")}</Text>;
  return (
    <Stack gap="md">
      {SUB_TASK_FORCES.map((stf) => {
        const items = data.items.filter((i) => i.subTaskForce === stf.code);
        if (items.length === 0) return null;
        return (
          <Paper key={stf.code} withBorder radius="md" p="md">
            <Stack gap="sm">
              <Group justify="space-between" align="baseline">
                <Title order={3} size="h4">
                  {stf.numeral}. {t(`subTaskForce.${stf.code}`)}
                </Title>
                <Text size="sm" c="dimmed">
                  {t("rad.items.count", { count: items.length })}
                </Text>
              </Group>
              {items.map((item) => (
                <Paper key={item.id} bg="var(--mantine-color-gray-0)" p="sm" radius="sm" data-testid={`rad-item-${item.code}`}>
                  <Stack gap={4}>
                    <Group justify="space-between" align="flex-start" gap="xs">
                      <Stack gap={2} style={{ minWidth: 0, flex: "1 1 16rem" }}>
                        <Text fw={600} style={{ overflowWrap: "anywhere" }}>
                          {item.code} · {item.activity}
                        </Text>
                        <Text size="sm">{item.indicator}</Text>
                        <Text size="xs" c="dimmed">
                          {t("rad.items.follows", { code: item.followedCode })} · {t("rad.items.lead", { agency: item.leadAgency })}
                          {item.baseline !== null ? ` · ${t("rad.items.baseline", { value: formatNumber(item.baseline) })}` : ""}
                        </Text>
                      </Stack>
                      {actions && <Group gap="xs" style={{ flexShrink: 0 }}>{actions(item)}</Group>}
                    </Group>
                    <DataTable
                      label={`${t("rad.items.targets")} ${item.code}`}
                      columns={[t(`unit.${item.unit as "count"}`), ...years.map((y) => ({ label: String(y), align: "right" as const }))]}
                      minWidth={120 + years.length * 64}
                      withTableBorder
                      fz="xs"
                    >
                      <Table.Tr>
                        <Table.Td>{t(`rad.form.targetModes.${item.targetMode}`)}</Table.Td>
                        {years.map((y) => {
                          const value = item.targets.find((x) => x.year === y)?.value;
                          return (
                            <Table.Td key={y} ta="right">
                              {value === undefined ? t("rad.items.noTarget") : formatNumber(value)}
                            </Table.Td>
                          );
                        })}
                      </Table.Tr>
                    </DataTable>
                  </Stack>
                </Paper>
              ))}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

/** The RAD items that follow one RAN item, each with the year's target: what the yearly report lists under the RAN item (read-only). */
export function RadItemsUnder({ items, year }: { items: readonly { id: number; code: string; activity: string; indicator: string; unit: string; yearTarget: number | null }[]; year: number }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  if (items.length === 0) return null;
  return (
    <Stack gap={4} mt="xs" pl="sm" style={{ borderLeft: "3px solid var(--mantine-color-blue-3)" }} data-testid="rad-under">
      <Text size="xs" fw={600}>
        {t("rad.report.heading")}
      </Text>
      {items.map((i) => (
        <Stack key={i.id} gap={0} data-testid={`rad-under-${i.code}`}>
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {i.code} · {i.activity}
          </Text>
          <Text size="xs" c="dimmed">
            {i.indicator} ·{" "}
            {i.yearTarget === null ? t("rad.report.noTarget", { year }) : t("rad.report.target", { year, value: formatNumber(i.yearTarget), unit: t(`unit.${i.unit as "count"}`) })}
          </Text>
        </Stack>
      ))}
    </Stack>
  );
}
