/**
 * A task force's scores across the years: a line chart of the total and the parts (gaps for the
 * years not rated), loaded on demand, and the same figures as a table.
 */
import { EVALUATION_PARTS } from "@gugus/domain/evaluation";
import { Badge, Center, Loader, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { Suspense, lazy, useId } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../components/DataTable.tsx";
import { partLabel, useEvaluationFormat } from "./labels.ts";
import type { HistoryRow } from "./types.ts";

const HistoryChart = lazy(() => import("./HistoryChart.tsx"));

export function ChartFallback({ height }: { height: number }) {
  const { t } = useTranslation();
  return (
    <Center h={height} aria-busy="true">
      <Loader size="sm" role="status" aria-label={t("evaluation.chartLoading")} />
    </Center>
  );
}

export function ScoreHistory({ history, title }: { history: readonly HistoryRow[]; title?: string }) {
  const { t } = useTranslation();
  const f = useEvaluationFormat();
  const descId = useId();
  if (history.length === 0) return <Text size="sm">{t("evaluation.history.empty")}</Text>;
  return (
    <Stack gap="sm" data-testid="score-history">
      {title !== undefined && (
        <Title order={2} size="h4">
          {title}
        </Title>
      )}
      <figure role="figure" aria-label={t("evaluation.history.chart")} aria-describedby={descId} style={{ margin: 0 }}>
        <VisuallyHidden id={descId}>{t("evaluation.history.chartDesc")}</VisuallyHidden>
        <Suspense fallback={<ChartFallback height={260} />}>
          <HistoryChart history={history} />
        </Suspense>
      </figure>
      <Text size="xs" c="dimmed">
        {t("evaluation.history.gapNote")}
      </Text>
      <DataTable
        label={t("evaluation.history.table")}
        columns={[t("evaluation.column.year"), { label: t("evaluation.total"), align: "right" }, ...EVALUATION_PARTS.map((p) => ({ label: partLabel(t, p), align: "right" as const }))]}
        minWidth={560}
        striped
      >
        {history.map((h) => (
          <Table.Tr key={h.year}>
            <Table.Th scope="row">
              {h.year}{" "}
              {h.rated && h.provisional && (
                <Badge size="xs" color="orange" variant="light">
                  {t("evaluation.provisional")}
                </Badge>
              )}
            </Table.Th>
            <Table.Td ta="right" fw={700}>
              {h.rated ? f.score(h.total) : t("evaluation.notRated")}
            </Table.Td>
            {EVALUATION_PARTS.map((p) => (
              <Table.Td key={p} ta="right">
                {h.parts[p] === null ? t("evaluation.missing") : f.score(h.parts[p])}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}
