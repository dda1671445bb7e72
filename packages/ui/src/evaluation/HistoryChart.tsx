/**
 * The history's line chart (loaded on demand with Mantine's charts and their sheet, so neither is in
 * the first load): the total and the four parts by year, a gap where a year is not rated.
 */
import "@mantine/core/styles/ColorSwatch.css";
import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";
import { EVALUATION_PARTS } from "@gugus/domain/evaluation";
import { useTranslation } from "react-i18next";
import { partLabel, useEvaluationFormat } from "./labels.ts";
import type { HistoryRow } from "./types.ts";

const COLORS = { total: "dark.6", readiness: "blue.6", commitment: "teal.7", delivery: "violet.6", discipline: "orange.7" } as const;

export default function HistoryChart({ history }: { history: readonly HistoryRow[] }) {
  const { t } = useTranslation();
  const f = useEvaluationFormat();
  // From the first year rated on (the years before, when the task force had not started, only flatten the
  // lines at the bottom; the table beside lists every year).
  const first = history.findIndex((h) => h.rated);
  const data = history.slice(Math.max(0, first)).map((h) => ({ year: String(h.year), total: h.total, ...h.parts }));
  return (
    <LineChart
      h={260}
      data={data}
      dataKey="year"
      connectNulls={false}
      curveType="linear"
      withLegend
      legendProps={{ verticalAlign: "bottom" }}
      yAxisProps={{ domain: [0, 100] }}
      valueFormatter={(v) => f.score(v)}
      series={[
        { name: "total", label: t("evaluation.total"), color: COLORS.total },
        ...EVALUATION_PARTS.map((p) => ({ name: p, label: partLabel(t, p), color: COLORS[p], strokeDasharray: "5 3" })),
      ]}
    />
  );
}
