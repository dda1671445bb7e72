/**
 * The reports the caller reviews for one reporting period (a province: its regencies and cities;
 * the central secretariat: the provinces and the national report): status, when each was first
 * submitted in its own local time, whether on time, how complete, and a link to its review. Those
 * awaiting review come first.
 */
import { Anchor, Badge, Group, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { DataTable } from "../../components/DataTable.tsx";
import { QueryState } from "../../components/QueryState.tsx";
import { useReviewApi } from "./api.ts";
import type { QueueRow, ReviewQueueView } from "./api.ts";
import { localTime, periodLabel, refName, useFormats } from "./format.ts";
import { ReportStatusBadge } from "./StatusBadge.tsx";

/** Awaiting review first, then the others as far as they got; within each, by region code. */
const ORDER: Record<string, number> = { submitted: 0, returned: 1, reopened: 2, draft: 3, none: 4, approved: 5 };

export function sortQueue(rows: readonly QueueRow[]): QueueRow[] {
  const national = (r: QueueRow) => (r.taskForce.level === "national" ? 0 : 1);
  return [...rows].sort(
    (a, b) =>
      (ORDER[a.report?.status ?? "none"] ?? 9) - (ORDER[b.report?.status ?? "none"] ?? 9) ||
      national(a) - national(b) ||
      (a.taskForce.regionCode ?? "").localeCompare(b.taskForce.regionCode ?? ""),
  );
}

function QueueTable({ view, linkOf }: { view: ReviewQueueView; linkOf: (row: QueueRow) => string }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const rows = sortQueue(view.rows);
  if (rows.length === 0) return <Text c="dimmed">{t("review.queue.empty")}</Text>;
  return (
    <DataTable
      label={t("review.queue.tableLabel")}
      columns={[t("review.queue.taskForce"), t("review.queue.status"), t("review.queue.submittedAt"), t("review.queue.onTime"), { label: t("review.queue.completeness"), align: "right" }, { label: t("review.queue.open"), hidden: true }]}
      minWidth={720}
      testId="review-queue"
      striped
      highlightOnHover
    >
      {rows.map((row) => {
        const name = refName(t, row.taskForce);
        const r = row.report;
        return (
          <Table.Tr key={row.taskForce.id} data-status={r?.status ?? "none"}>
            <Table.Td>
              <Anchor component={Link} href={linkOf(row)}>
                {name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              <ReportStatusBadge status={r?.status ?? "none"} size="sm" />
            </Table.Td>
            <Table.Td style={{ whiteSpace: "nowrap" }}>{r?.firstSubmittedAt ? localTime(r.firstSubmittedAt, row.taskForce.zone) : "—"}</Table.Td>
            <Table.Td>{r?.onTime === null || r?.onTime === undefined ? "—" : r.onTime ? t("review.facts.yes") : t("review.facts.late")}</Table.Td>
            <Table.Td ta="right">{formats.ratio(r?.completeness)}</Table.Td>
            <Table.Td>
              <Anchor component={Link} href={linkOf(row)} aria-label={t("review.queue.openLabel", { name })} size="sm">
                {t("review.queue.open")}
              </Anchor>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}

/** The review queue with its period picker; `linkOf` gives each row's review address in this app. */
export function ReviewQueue({ linkOf, title }: { linkOf: (row: QueueRow) => string; title?: string }) {
  const { t } = useTranslation();
  const api = useReviewApi();
  const [periodKey, setPeriodKey] = useState<string | undefined>(undefined);
  const query = useQuery(api.reports.reviewQueue.queryOptions(periodKey === undefined ? {} : { periodKey }, { placeholderData: (previous) => previous }));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {title ?? t("review.queue.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("review.queue.intro")}
          </Text>
        </div>
        {query.data && query.data.periodKeys.length > 0 && (
          <Select
            label={t("review.queue.period")}
            data={query.data.periodKeys.map((k) => ({ value: k, label: periodLabel(t, k) }))}
            value={query.data.periodKey}
            onChange={(value) => value && setPeriodKey(value)}
            allowDeselect={false}
            w={240}
            data-testid="queue-period"
          />
        )}
      </Group>
      <QueryState query={query}>
        {(view) =>
          view.periodKey === null ? (
            <Text c="dimmed">{t("review.queue.noPeriods")}</Text>
          ) : (
            <Stack gap="xs">
              <Group gap="xs">
                <Badge variant="light" color="blue">
                  {t("review.queue.waiting", { count: view.rows.filter((r) => r.report?.status === "submitted").length })}
                </Badge>
              </Group>
              <QueueTable view={view} linkOf={linkOf} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
