/**
 * The spread of scores as a small box plot, one row per group (a province's regencies and cities):
 * a line from the lowest to the highest score, a box from the first to the third quartile, a dot at
 * the median, on a 0–100 scale. Plain SVG (a handful of shapes per row needs no chart library); the
 * screen gives the same figures in a table. On a phone each row's name stands above its line, so the
 * plot keeps the whole width.
 */
import { Box } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { Spread } from "./api.ts";

export type SpreadRow = { key: string; label: string; spread: Spread; /** What the row says to a screen reader and in its tooltip. */ description: string };

const TOP = 22;

export function SpreadPlot({ rows, label }: { rows: readonly SpreadRow[]; label: string }) {
  const compact = useMediaQuery("(max-width: 48em)") ?? false;
  const left = compact ? 8 : 200;
  const plot = compact ? 330 : 520;
  const row = compact ? 36 : 22;
  const x = (score: number) => left + (score / 100) * plot;
  const height = TOP + rows.length * row + 6;
  const width = left + plot + 16;
  const ticks = [0, 25, 50, 75, 100];
  return (
    <Box style={{ overflowX: "hidden" }}>
      <svg role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: compact ? undefined : 960, display: "block" }} data-testid="spread-plot">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={TOP - 4} y2={height - 4} stroke="#ced4da" strokeDasharray="3 3" />
            <text x={x(tick)} y={12} fontSize={11} textAnchor="middle" fill="#495057">
              {tick}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const y = TOP + i * row + (compact ? row - 9 : row / 2);
          const s = r.spread;
          return (
            <g key={r.key} data-row={r.key}>
              <title>{r.description}</title>
              <text x={compact ? left : left - 8} y={compact ? y - 12 : y + 4} fontSize={11} textAnchor={compact ? "start" : "end"} fill="#343a40">
                {r.label}
              </text>
              {s.min !== null && s.max !== null && <line x1={x(s.min)} x2={x(s.max)} y1={y} y2={y} stroke="#495057" strokeWidth={1.5} />}
              {s.q1 !== null && s.q3 !== null && <rect x={x(s.q1)} y={y - 6} width={Math.max(1, x(s.q3) - x(s.q1))} height={12} fill="#a5c8ec" stroke="#1c4f85" strokeWidth={1} rx={2} />}
              {s.median !== null && <circle cx={x(s.median)} cy={y} r={4} fill="#163c69" />}
              {s.median === null && (
                <text x={compact ? left + 150 : left + 4} y={compact ? y - 12 : y + 4} fontSize={11} fill="#495057">
                  —
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
