/**
 * The evaluation across years and RAN periods: the median total score, the reporting rate, the
 * on-time and approved shares, and the budget allocated and spent, as lines with the start of each
 * RAN period marked, and the same figures in a table beside them.
 */
import { DataTable, QueryState, SectionCard, useTRPC } from "@gugus/ui";
import { SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { lazy } from "react";
import { useTranslation } from "react-i18next";
import type { TrendsView } from "./api.ts";
import { ChartSlot, EvaluationTabs, FigureLine, useAsOf, useEvaluationFormats } from "./shared.tsx";

const LinesChart = lazy(() => import("./charts.tsx").then((m) => ({ default: m.LinesChart })));

function Trends({ view, openYears }: { view: TrendsView; openYears: ReadonlySet<number> }) {
  const { t } = useTranslation();
  const f = useEvaluationFormats();
  const asOf = useAsOf();
  const years = [...view.years].sort((a, b) => a.year - b.year);
  if (years.length === 0) return <Text c="dimmed">{t("admin.evaluation.trends.empty")}</Text>;
  // A year still under way has few reports yet: it stays in the table, marked, but out of the lines.
  const data = years.filter((y) => !openYears.has(y.year)).map((y) => ({ year: String(y.year), median: y.median, rate: y.rate, onTimeRate: y.onTimeRate, approvedShare: y.approvedShare, allocated: y.allocated, spent: y.spent }));
  const periodStarts = years.filter((y, i) => i > 0 && years[i - 1]!.periodNumber !== y.periodNumber).map((y) => ({ year: String(y.year), label: t("admin.evaluation.trends.periodStart", { period: y.periodNumber }) }));
  const rated = Math.max(0, ...years.map((y) => y.rated + y.notRated));
  const c = (key: keyof typeof columns) => columns[key];
  const columns = {
    year: t("admin.evaluation.trends.columns.year"),
    period: t("admin.evaluation.trends.columns.period"),
    rated: t("admin.evaluation.trends.columns.rated"),
    notRated: t("admin.evaluation.trends.columns.notRated"),
    median: t("admin.evaluation.trends.columns.median"),
    rate: t("admin.evaluation.trends.columns.rate"),
    onTimeRate: t("admin.evaluation.trends.columns.onTimeRate"),
    approvedShare: t("admin.evaluation.trends.columns.approvedShare"),
    allocated: t("admin.evaluation.trends.columns.allocated"),
    spent: t("admin.evaluation.trends.columns.spent"),
  };
  const right = (label: string) => ({ label, align: "right" as const });
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" data-testid="evaluation-as-of">
        {asOf(view.asOf)}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        <SectionCard title={t("admin.evaluation.trends.score")} intro={c("median")}>
          <ChartSlot height={240}>
            <LinesChart label={t("admin.evaluation.trends.score")} data={data} series={[{ name: "median", label: c("median"), color: "blue.8" }]} format={f.score} periodStarts={periodStarts} height={240} domain={[0, 100]} />
          </ChartSlot>
        </SectionCard>
        <SectionCard title={t("admin.evaluation.trends.rates")} intro={`${c("rate")}, ${c("onTimeRate")}, ${c("approvedShare")}`}>
          <ChartSlot height={240}>
            <LinesChart
              label={t("admin.evaluation.trends.rates")}
              data={data}
              series={[
                { name: "rate", label: c("rate"), color: "blue.8" },
                { name: "onTimeRate", label: c("onTimeRate"), color: "teal.8" },
                { name: "approvedShare", label: c("approvedShare"), color: "orange.8" },
              ]}
              format={f.percent}
              periodStarts={periodStarts}
              height={240}
            />
          </ChartSlot>
        </SectionCard>
        <SectionCard title={t("admin.evaluation.trends.budget")} intro={`${c("allocated")}, ${c("spent")}`}>
          <ChartSlot height={240}>
            <LinesChart
              label={t("admin.evaluation.trends.budget")}
              data={data}
              series={[
                { name: "allocated", label: c("allocated"), color: "blue.8" },
                { name: "spent", label: c("spent"), color: "orange.8" },
              ]}
              format={f.moneyShort}
              periodStarts={periodStarts}
              height={240}
            />
          </ChartSlot>
        </SectionCard>
      </SimpleGrid>
      <SectionCard title={t("admin.evaluation.trends.table")} intro={t("admin.evaluation.trends.intro")}>
        <DataTable
          label={t("admin.evaluation.trends.table")}
          columns={[c("year"), c("period"), right(c("rated")), right(c("notRated")), right(c("median")), right(c("rate")), right(c("onTimeRate")), right(c("approvedShare")), right(c("allocated")), right(c("spent"))]}
          minWidth={1000}
          maxHeight={640}
          testId="evaluation-trends"
          striped
        >
          {[...years].reverse().map((y) => (
            <Table.Tr key={y.year} data-year={y.year}>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {y.year}
                {openYears.has(y.year) && (
                  <Text span size="xs" c="dimmed">
                    {" "}
                    {t("admin.evaluation.trends.inProgress")}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{y.periodNumber}</Table.Td>
              <Table.Td ta="right">{f.count(y.rated)}</Table.Td>
              <Table.Td ta="right">{f.count(y.notRated)}</Table.Td>
              <Table.Td ta="right">{f.score(y.median)}</Table.Td>
              <Table.Td ta="right">{f.percent(y.rate)}</Table.Td>
              <Table.Td ta="right">{f.percent(y.onTimeRate)}</Table.Td>
              <Table.Td ta="right">{f.percent(y.approvedShare)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {f.money(y.allocated)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {f.money(y.spent)}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
        <FigureLine asOf={view.asOf} count={rated} />
      </SectionCard>
    </Stack>
  );
}

export function TrendsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const trends = useQuery(trpc.evaluation.trends.queryOptions({}));
  const years = useQuery(trpc.evaluation.years.queryOptions({}));
  const openYears = new Set((years.data?.years ?? []).filter((y) => !y.ended).map((y) => y.year));
  return (
    <Stack gap="md">
      <EvaluationTabs />
      <div>
        <Title order={1} size="h2">
          {t("admin.evaluation.trends.title")}
        </Title>
        <Text c="dimmed" size="sm" maw={800}>
          {t("admin.evaluation.trends.intro")}
        </Text>
      </div>
      <QueryState query={trends}>{(view) => <Trends view={view} openYears={openYears} />}</QueryState>
    </Stack>
  );
}
