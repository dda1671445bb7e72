/**
 * The evaluation screens' charts, from Mantine's charts (recharts): loaded on demand with their
 * styles, so the admin's first load does not carry them. Each chart is one picture with a name; the
 * screen gives the same figures in a table beside it.
 */
import "@mantine/charts/styles.css";
import { BarChart, LineChart } from "@mantine/charts";
import type { ChartReferenceLineProps } from "@mantine/charts";
import { Box } from "@mantine/core";

type Series = { name: string; label: string; color: string };

/** Bars by category: `data` rows of `dataKey` and one number per series. */
export function BarsChart({ label, data, dataKey, series, format, height = 260, horizontal = false, domain }: {
  label: string;
  data: Record<string, string | number | null>[];
  dataKey: string;
  series: Series[];
  format: (value: number) => string;
  height?: number;
  /** Bars along the x axis, one row per category (long category names). */
  horizontal?: boolean;
  domain?: [number, number];
}) {
  return (
    <Box role="img" aria-label={label} data-testid="chart">
      <BarChart
        h={height}
        data={data}
        dataKey={dataKey}
        series={series}
        valueFormatter={format}
        orientation={horizontal ? "vertical" : "horizontal"}
        withLegend={series.length > 1}
        tickLine="y"
        gridAxis={horizontal ? "y" : "x"}
        accessibilityLayer={false}
        textColor="gray.8"
        {...(domain ? (horizontal ? { xAxisProps: { domain } } : { yAxisProps: { domain } }) : {})}
        {...(horizontal ? { yAxisProps: { width: 150 } } : {})}
      />
    </Box>
  );
}

/** Lines over the years, with a dashed line where a new RAN period begins. */
export function LinesChart({ label, data, series, format, periodStarts, height = 260, domain }: {
  label: string;
  data: Record<string, string | number | null>[];
  series: Series[];
  format: (value: number) => string;
  periodStarts: { year: string; label: string }[];
  height?: number;
  domain?: [number, number];
}) {
  const referenceLines: ChartReferenceLineProps[] = periodStarts.map((p) => ({ x: p.year, label: p.label, color: "gray.7", strokeDasharray: "4 4", labelPosition: "insideTopLeft" }));
  return (
    <Box role="img" aria-label={label} data-testid="chart">
      <LineChart
        h={height}
        data={data}
        dataKey="year"
        series={series}
        valueFormatter={format}
        referenceLines={referenceLines}
        withLegend={series.length > 1}
        connectNulls={false}
        curveType="linear"
        accessibilityLayer={false}
        textColor="gray.8"
        {...(domain ? { yAxisProps: { domain } } : {})}
      />
    </Box>
  );
}
