/**
 * The spread of the rated task forces' totals as a strip plot of its own (a small SVG; the chart
 * library has no strip or box plot): one dot per task force on a 0–100 scale, the middle half as a
 * box and the median as a thick line, named for screen readers, with the same summary as a table.
 */
import { Box, Group, Stack, Table, Text } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../components/DataTable.tsx";
import { useEvaluationFormat } from "./labels.ts";
import type { Spread } from "./types.ts";

const PAD = 24;
/** The plot's own width: its box's, within reason, so its text stays its real size on a phone. */
const plotWidth = (measured: number) => Math.max(240, Math.min(720, measured || 600));
const scaleOf = (width: number) => (score: number) => PAD + ((width - 2 * PAD) * Math.min(100, Math.max(0, score))) / 100;

/** Dots placed on rows so that two dots closer than a dot's width do not overlap (a simple beeswarm). */
export function stackDots(totals: readonly number[], gap = 2.2): { total: number; row: number }[] {
  const sorted = [...totals].sort((a, b) => a - b);
  const lastOnRow: number[] = [];
  return sorted.map((total) => {
    let row = lastOnRow.findIndex((last) => total - last >= gap);
    if (row < 0) row = lastOnRow.length;
    lastOnRow[row] = total;
    return { total, row };
  });
}

export type ScoreSpreadProps = {
  /** The rated task forces' totals. */
  totals: readonly number[];
  spread: Spread;
  /** What the plot shows, for its title. */
  title?: string;
};

export function ScoreSpread({ totals, spread, title }: ScoreSpreadProps) {
  const { t } = useTranslation();
  const f = useEvaluationFormat();
  const titleId = useId();
  const descId = useId();
  const { ref, width: measured } = useElementSize();
  const WIDTH = plotWidth(measured);
  const x = scaleOf(WIDTH);
  const dots = stackDots(totals);
  const rows = Math.max(1, ...dots.map((d) => d.row + 1));
  const dotR = 5;
  const top = 12;
  const height = top + rows * (2 * dotR + 2) + 40;
  const axisY = height - 24;
  const stats: [string, string][] = [
    [t("evaluation.spread.median"), f.score(spread.median)],
    [t("evaluation.spread.q1"), f.score(spread.q1)],
    [t("evaluation.spread.q3"), f.score(spread.q3)],
    [t("evaluation.spread.min"), f.score(spread.min)],
    [t("evaluation.spread.max"), f.score(spread.max)],
    [t("evaluation.spread.rated"), String(spread.rated)],
    [t("evaluation.spread.notRated"), String(spread.notRated)],
  ];
  return (
    <Group align="flex-start" gap="lg" wrap="wrap" data-testid="score-spread">
      <Box ref={ref} style={{ flex: "1 1 320px", minWidth: 0, maxWidth: 720 }}>
        {totals.length === 0 ? (
          <Text size="sm">{t("evaluation.spread.none")}</Text>
        ) : (
          <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${titleId} ${descId}`} style={{ display: "block" }}>
            <title id={titleId}>{title ?? t("evaluation.spread.chart")}</title>
            <desc id={descId}>{t("evaluation.spread.chartDesc")}</desc>
            {spread.q1 !== null && spread.q3 !== null && (
              <rect x={x(spread.q1)} y={top - 6} width={Math.max(1, x(spread.q3) - x(spread.q1))} height={axisY - top} fill="var(--mantine-color-blue-1)" stroke="var(--mantine-color-blue-6)" />
            )}
            {spread.median !== null && <line x1={x(spread.median)} x2={x(spread.median)} y1={top - 8} y2={axisY} stroke="var(--mantine-color-blue-9)" strokeWidth={4} />}
            {dots.map((d, i) => (
              <circle key={i} cx={x(d.total)} cy={axisY - 10 - d.row * (2 * dotR + 2)} r={dotR} fill="var(--mantine-color-dark-5)" fillOpacity={0.8} />
            ))}
            <line x1={x(0)} x2={x(100)} y1={axisY} y2={axisY} stroke="var(--mantine-color-gray-7)" />
            {[0, 20, 40, 60, 80, 100].map((tick) => (
              <g key={tick}>
                <line x1={x(tick)} x2={x(tick)} y1={axisY} y2={axisY + 5} stroke="var(--mantine-color-gray-7)" />
                <text x={x(tick)} y={axisY + 18} textAnchor="middle" fontSize={12} fill="var(--mantine-color-gray-8)">
                  {tick}
                </text>
              </g>
            ))}
          </svg>
        )}
      </Box>
      <Stack gap={4} style={{ flex: "0 1 240px" }}>
        <DataTable label={t("evaluation.spread.table")} columns={[t("evaluation.spread.statistic"), { label: t("evaluation.spread.value"), align: "right" }]} withRowBorders={false}>
          {stats.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={400}>
                {label}
              </Table.Th>
              <Table.Td ta="right" fw={700}>
                {value}
              </Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      </Stack>
    </Group>
  );
}
