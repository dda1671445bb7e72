/**
 * Task forces with their total, parts, rank band and report status, in the project's table, sorted
 * by the reader's choice (rank by default; not rated last whatever the order).
 */
import { EVALUATION_PARTS } from "@gugus/domain/evaluation";
import { Anchor, Group, SegmentedControl, Select, Stack, Table, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { DataTable } from "../components/DataTable.tsx";
import { refName } from "../reports/review/format.ts";
import { ReportStatusBadge } from "../reports/review/StatusBadge.tsx";
import { partLabel, useEvaluationFormat } from "./labels.ts";
import type { Part, RankedRow } from "./types.ts";

export type RankingSort = "rank" | "name" | "total" | Part;
const SORTS: readonly RankingSort[] = ["rank", "name", "total", ...EVALUATION_PARTS];

/** The rows in the chosen order; rows without the sorted figure (not rated, no score) always last. */
export function sortRanking<R extends Pick<RankedRow, "name" | "total" | "parts" | "rank">>(rows: readonly R[], by: RankingSort, descending: boolean, collator = new Intl.Collator("id")): R[] {
  const figure = (r: R): number | null => (by === "rank" ? (r.rank?.rank ?? null) : by === "total" ? r.total : by === "name" ? null : r.parts[by]);
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    if (by === "name") return sign * collator.compare(a.name, b.name);
    const fa = figure(a);
    const fb = figure(b);
    if (fa === null || fb === null) return fa === fb ? collator.compare(a.name, b.name) : fa === null ? 1 : -1;
    return sign * (fa - fb) || collator.compare(a.name, b.name);
  });
}

export type RankingTableProps = {
  rows: readonly RankedRow[];
  /** A row's scorecard, if the reader may open it. */
  hrefOf?: (row: RankedRow) => string;
  testId?: string;
};

export function RankingTable({ rows, hrefOf, testId = "ranking-table" }: RankingTableProps) {
  const { t, i18n } = useTranslation();
  const f = useEvaluationFormat();
  const [by, setBy] = useState<RankingSort>("rank");
  const [order, setOrder] = useState<"asc" | "desc">("asc");
  const sorted = useMemo(() => sortRanking(rows, by, order === "desc", new Intl.Collator(i18n.language)), [rows, by, order, i18n.language]);
  if (rows.length === 0) return <Text size="sm">{t("evaluation.ranking.empty")}</Text>;
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end">
        <Select
          label={t("evaluation.ranking.sortBy")}
          w={220}
          allowDeselect={false}
          value={by}
          data={SORTS.map((s) => ({ value: s, label: t(`evaluation.ranking.sort.${s}`) }))}
          onChange={(value) => {
            if (value === null) return;
            const next = value;
            setBy(next);
            // Rank and name read best first ascending; scores read best first descending.
            setOrder(next === "rank" || next === "name" ? "asc" : "desc");
          }}
        />
        <SegmentedControl
          aria-label={t("evaluation.ranking.order")}
          value={order}
          onChange={(value) => setOrder(value === "desc" ? "desc" : "asc")}
          data={[
            { value: "asc", label: t("evaluation.ranking.ascending") },
            { value: "desc", label: t("evaluation.ranking.descending") },
          ]}
        />
      </Group>
      <DataTable
        label={t("evaluation.ranking.table")}
        columns={[
          t("evaluation.column.taskForce"),
          { label: t("evaluation.column.total"), align: "right" },
          ...EVALUATION_PARTS.map((p) => ({ label: partLabel(t, p), align: "right" as const })),
          t("evaluation.column.rank"),
          t("evaluation.column.status"),
        ]}
        minWidth={900}
        maxHeight={640}
        striped
        testId={testId}
      >
        {sorted.map((row) => {
          // The region's name alone ("Kabupaten Bandung Barat"): the column says they are task forces.
          const name = row.level === "national" ? refName(t, row) : row.name;
          return (
            <Table.Tr key={row.id} data-task-force={row.id}>
              <Table.Th scope="row" fw={500} style={{ whiteSpace: "nowrap" }}>
                {hrefOf ? (
                  <Anchor component={Link} href={hrefOf(row)} aria-label={t("evaluation.ranking.open", { name })}>
                    {name}
                  </Anchor>
                ) : (
                  name
                )}
              </Table.Th>
              <Table.Td ta="right" fw={700} style={{ whiteSpace: "nowrap" }}>
                {row.rated ? f.score(row.total) : t("evaluation.notRated")}
                {row.rated && row.provisional ? "*" : ""}
              </Table.Td>
              {EVALUATION_PARTS.map((p) => (
                <Table.Td key={p} ta="right">
                  {row.parts[p] === null ? t("evaluation.missing") : f.score(row.parts[p])}
                </Table.Td>
              ))}
              <Table.Td style={{ whiteSpace: "nowrap" }}>{row.rank === null ? "—" : f.rank(row.rank)}</Table.Td>
              <Table.Td>
                <ReportStatusBadge status={row.status ?? "none"} size="sm" />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <Text size="xs" c="dimmed">
        * {t("evaluation.provisional")} · {t("evaluation.rank.note")}
      </Text>
    </Stack>
  );
}
