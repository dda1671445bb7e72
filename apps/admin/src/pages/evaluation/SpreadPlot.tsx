/**
 * The spread of scores as a small box plot, one row per group (a province's regencies and cities):
 * a line from the lowest to the highest score, a box from the first to the third quartile, a dot at
 * the median, on a 0–100 scale. Plain SVG (a handful of shapes per row needs no chart library); the
 * screen gives the same figures in a table.
 */
import { Box } from "@mantine/core";
import type { Spread } from "./api.ts";

export type SpreadRow = { key: string; label: string; spread: Spread; /** What the row says to a screen reader and in its tooltip. */ description: string };

const LABEL = 200;
const PLOT = 520;
const ROW = 22;
const TOP = 22;
const x = (score: number) => LABEL + (score / 100) * PLOT;

export function SpreadPlot({ rows, label }: { rows: readonly SpreadRow[]; label: string }) {
  const height = TOP + rows.length * ROW + 6;
  const ticks = [0, 25, 50, 75, 100];
  return (
    <Box style={{ overflowX: "auto" }}>
      <svg role="img" aria-label={label} viewBox={`0 0 ${LABEL + PLOT + 16} ${height}`} width="100%" style={{ minWidth: 480, maxWidth: 900, display: "block" }} data-testid="spread-plot">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={TOP - 4} y2={height - 4} stroke="#ced4da" strokeDasharray="3 3" />
            <text x={x(tick)} y={12} fontSize={11} textAnchor="middle" fill="#495057">
              {tick}
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const y = TOP + i * ROW + ROW / 2;
          const s = row.spread;
          return (
            <g key={row.key} data-row={row.key}>
              <title>{row.description}</title>
              <text x={LABEL - 8} y={y + 4} fontSize={11} textAnchor="end" fill="#343a40">
                {row.label}
              </text>
              {s.min !== null && s.max !== null && <line x1={x(s.min)} x2={x(s.max)} y1={y} y2={y} stroke="#495057" strokeWidth={1.5} />}
              {s.q1 !== null && s.q3 !== null && <rect x={x(s.q1)} y={y - 6} width={Math.max(1, x(s.q3) - x(s.q1))} height={12} fill="#a5c8ec" stroke="#1c4f85" strokeWidth={1} rx={2} />}
              {s.median !== null && <circle cx={x(s.median)} cy={y} r={4} fill="#163c69" />}
              {s.median === null && (
                <text x={LABEL + 4} y={y + 4} fontSize={11} fill="#495057">
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
