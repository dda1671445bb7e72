import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/InlineInput.css";
import "@mantine/core/styles/Switch.css";
/**
 * The reporting rate of a period, live: per level and per province — expected, submitted, on time,
 * approved, returned — as counts and percentages that are never capped (above 100% is marked as an
 * anomaly), with the mean completeness beside them; the province tile map coloured by the chosen rate,
 * and the same figures in a table.
 */
import { DataTable, ProvinceTileMap, QueryState, SectionCard, localTime, periodLabel, useFormats, useTRPC } from "@gugus/ui";
import type { RateRow, RateView } from "@gugus/ui";
import { Badge, Group, SegmentedControl, Select, Stack, Switch, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

type Metric = "submitted" | "onTime" | "approved";
const METRICS: Metric[] = ["submitted", "onTime", "approved"];

function Percent({ value }: { value: number | null }) {
  const formats = useFormats();
  const over = value !== null && value > 100;
  return (
    <Text span size="sm" fw={over ? 700 : undefined} c={over ? "red.8" : "dimmed"} data-over={over ? "true" : undefined} style={{ whiteSpace: "nowrap" }}>
      ({formats.percent(value)})
    </Text>
  );
}

/** An anomaly is marked in its row; what it means is said once under the table. */
function AnomalyBadge({ row }: { row: RateRow }) {
  const { t } = useTranslation();
  if (!row.anomaly) return <Text span size="sm" c="dimmed">{t("admin.rate.noAnomaly")}</Text>;
  return (
    <Badge color="red" variant="filled">
      {t("admin.rate.anomaly")}
    </Badge>
  );
}

function AnomalyNote({ rows }: { rows: readonly RateRow[] }) {
  const { t } = useTranslation();
  if (!rows.some((r) => r.anomaly)) return null;
  return (
    <Text size="sm" c="red.8">
      {t("admin.rate.anomalyHint")}
    </Text>
  );
}

/** The cells of one rate row, after its name. */
function RateCells({ row }: { row: RateRow }) {
  const formats = useFormats();
  const count = (n: number) => formats.figure(n);
  return (
    <>
      <Table.Td ta="right">{count(row.expected)}</Table.Td>
      <Table.Td ta="right">
        {count(row.submitted)} <Percent value={row.percent.submitted} />
      </Table.Td>
      <Table.Td ta="right">
        {count(row.onTime)} <Percent value={row.percent.onTime} />
      </Table.Td>
      <Table.Td ta="right">
        {count(row.approved)} <Percent value={row.percent.approved} />
      </Table.Td>
      <Table.Td ta="right">{count(row.returned)}</Table.Td>
      <Table.Td ta="right">{count(row.unexpected)}</Table.Td>
      <Table.Td ta="right">{formats.ratio(row.completeness)}</Table.Td>
      <Table.Td>
        <AnomalyBadge row={row} />
      </Table.Td>
    </>
  );
}

function useColumns(first: string) {
  const { t } = useTranslation();
  const right = (label: string) => ({ label, align: "right" as const });
  return [
    first,
    right(t("admin.rate.columns.expected")),
    right(t("admin.rate.columns.submitted")),
    right(t("admin.rate.columns.onTime")),
    right(t("admin.rate.columns.approved")),
    right(t("admin.rate.columns.returned")),
    right(t("admin.rate.columns.unexpected")),
    right(t("admin.rate.columns.completeness")),
    t("admin.rate.columns.anomaly"),
  ];
}

function Rate({ view, metric, setMetric }: { view: RateView; metric: Metric; setMetric: (m: Metric) => void }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const levelColumns = useColumns(t("admin.rate.columns.level"));
  const provinceColumns = useColumns(t("admin.rate.columns.province"));
  if (view.periodKey === null || view.overall === null || view.byLevel === null) return <Text c="dimmed">{t("admin.rate.noPeriod")}</Text>;
  const levels = [
    ["overall", view.overall],
    ["national", view.byLevel.national],
    ["province", view.byLevel.province],
    ["regency", view.byLevel.regency],
  ] as const;
  const provinces = [...view.byProvince].sort((a, b) => a.provinceCode.localeCompare(b.provinceCode));
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" data-testid="rate-as-of">
        {t("admin.rate.asOf", { local: localTime(view.asOf, "WIB"), utc: `${view.asOf.slice(0, 10)} ${view.asOf.slice(11, 16)}` })}
      </Text>
      <SectionCard title={t("admin.rate.byLevel")} intro={t("admin.rate.byLevelIntro")}>
        <DataTable label={t("admin.rate.byLevel")} columns={levelColumns} minWidth={900} testId="rate-by-level">
          {levels.map(([key, row]) => (
            <Table.Tr key={key} data-level={key} data-anomaly={row.anomaly ? "true" : undefined} fw={key === "overall" ? 700 : undefined}>
              <Table.Td>{t(`admin.rate.levels.${key}`)}</Table.Td>
              <RateCells row={row} />
            </Table.Tr>
          ))}
        </DataTable>
        <AnomalyNote rows={levels.map(([, row]) => row)} />
      </SectionCard>
      <SectionCard
        title={t("admin.rate.map")}
        intro={t("admin.rate.mapIntro")}
        action={
          <Stack gap={4}>
            <Text size="sm" fw={500} id="rate-metric-label">
              {t("admin.rate.metric")}
            </Text>
            <SegmentedControl aria-labelledby="rate-metric-label" value={metric} onChange={(v) => setMetric(v)} data={METRICS.map((m) => ({ value: m, label: t(`admin.rate.metrics.${m}`) }))} />
          </Stack>
        }
      >
        <ProvinceTileMap values={provinces.map((p) => ({ code: p.provinceCode, value: p.percent[metric] }))} metric={t(`admin.rate.metrics.${metric}`)} format={formats.percent} />
      </SectionCard>
      <SectionCard title={t("admin.rate.byProvince")} intro={t("admin.rate.byProvinceIntro")}>
        <DataTable label={t("admin.rate.byProvince")} columns={provinceColumns} minWidth={900} maxHeight={640} testId="rate-by-province" striped>
          {provinces.map((p) => (
            <Table.Tr key={p.provinceCode} data-province={p.provinceCode} data-anomaly={p.anomaly ? "true" : undefined}>
              <Table.Td>
                <Text span size="sm" c="dimmed">
                  {p.provinceCode}
                </Text>{" "}
                {p.provinceName ?? p.provinceCode}
              </Table.Td>
              <RateCells row={p} />
            </Table.Tr>
          ))}
        </DataTable>
        <AnomalyNote rows={provinces} />
      </SectionCard>
    </Stack>
  );
}

export function RatePage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [periodKey, setPeriodKey] = useState<string | undefined>(undefined);
  const [countUnformed, setCountUnformed] = useState(false);
  const [metric, setMetric] = useState<Metric>("submitted");
  const query = useQuery(trpc.reports.rate.queryOptions({ ...(periodKey ? { periodKey } : {}), countUnformed }, { placeholderData: (previous) => previous }));
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t("admin.rate.title")}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t("admin.rate.intro")}
        </Text>
      </div>
      <Group align="flex-end" gap="lg">
        {query.data && query.data.periodKeys.length > 0 && (
          <Select
            label={t("admin.rate.period")}
            data={query.data.periodKeys.map((k) => ({ value: k, label: periodLabel(t, k) }))}
            value={query.data.periodKey}
            onChange={(value) => value && setPeriodKey(value)}
            allowDeselect={false}
            w={240}
            data-testid="rate-period"
          />
        )}
        <Switch label={t("admin.rate.countUnformed")} description={t("admin.rate.countUnformedHint")} checked={countUnformed} onChange={(e) => setCountUnformed(e.currentTarget.checked)} data-testid="rate-count-unformed" />
      </Group>
      <QueryState query={query}>{(view) => <Rate view={view} metric={metric} setMetric={setMetric} />}</QueryState>
    </Stack>
  );
}
