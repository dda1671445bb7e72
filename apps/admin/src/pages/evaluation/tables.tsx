/**
 * The national ranking table: task forces of one level with their total, parts, rank band, report
 * and what is missing (the shared RankingTable of @gugus/ui serves one province's few rows; this one
 * pages through hundreds and names what keeps a task force unrated).
 */
import { EVALUATION_PARTS } from "@gugus/domain/evaluation";
import { DataTable, ReportStatusBadge, missingLabel, partLabel, refName } from "@gugus/ui";
import { Anchor, Table, Text } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { RatedTaskForce } from "./api.ts";
import { RankText, ScoreText, useEvaluationFormats } from "./shared.tsx";

/** A message whose key is built from data the domain lists (a part, an input, a count column). */
export function dataMessage(t: TFunction, key: string, fallback: string, values?: Record<string, unknown>): string {
  return (t as unknown as (key: string, options: Record<string, unknown>) => string)(key, { defaultValue: fallback, ...values });
}

/** Task forces with their total, parts, rank band and report; each name opens its scorecard. */
export function RankingTable({ rows, label, testId }: { rows: readonly RatedTaskForce[]; label: string; testId: string }) {
  const { t } = useTranslation();
  const formats = useEvaluationFormats();
  const right = (text: string) => ({ label: text, align: "right" as const });
  const columns = [
    t("admin.evaluation.overview.ranking.rank"),
    t("admin.evaluation.overview.ranking.taskForce"),
    right(t("admin.evaluation.overview.ranking.total")),
    ...EVALUATION_PARTS.map((p) => right(partLabel(t, p))),
    t("admin.evaluation.overview.ranking.status"),
    right(t("admin.evaluation.overview.ranking.missing")),
  ];
  return (
    <DataTable label={label} columns={columns} minWidth={1000} maxHeight={640} testId={testId} striped>
      {rows.map((r) => (
        <Table.Tr key={r.id} data-task-force={r.id} data-rated={r.rated ? "true" : "false"}>
          <Table.Td>
            <RankText rank={r.rank} />
          </Table.Td>
          <Table.Td miw={180}>
            {r.regionCode !== null && (
              <Text span size="sm" c="dimmed">
                {r.regionCode}{" "}
              </Text>
            )}
            <Anchor component={Link} href={`/evaluation/task-forces/${r.id}`} size="sm" aria-label={t("admin.evaluation.overview.ranking.open", { name: refName(t, r) })}>
              {r.name}
            </Anchor>
          </Table.Td>
          <Table.Td ta="right">
            <ScoreText total={r.total} rated={r.rated} provisional={r.provisional} />
          </Table.Td>
          {EVALUATION_PARTS.map((p) => (
            <Table.Td key={p} ta="right" style={{ fontVariantNumeric: "tabular-nums" }}>
              {formats.score(r.parts[p])}
            </Table.Td>
          ))}
          <Table.Td>
            <ReportStatusBadge status={r.status ?? "none"} />
          </Table.Td>
          <Table.Td ta="right" title={r.missing.map((m) => missingLabel(t, m)).join("; ")}>
            {formats.count(r.missing.length)}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}
