/**
 * A task force's reports by reporting period, newest first: status, due date with its zone, entry
 * state, completeness, each linking to its form, with the report as XLSX and as a printable PDF.
 */
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { DataTable } from "../components/DataTable.tsx";
import { ApiErrorAlert, QueryState } from "../components/QueryState.tsx";
import { PDF_TYPE, XLSX_TYPE, download } from "../download.ts";
import { isLanguage } from "../i18n/index.ts";
import { ReportStatusBadge } from "./review/StatusBadge.tsx";
import { useReportExports } from "./form/api.ts";
import type { ReportListRow } from "./form/api.ts";
import { useTRPC } from "../trpc.tsx";
import { reportPeriodLabel } from "./form/labels.ts";
import { refName } from "./review/format.ts";

type Row = ReportListRow;

export type ReportListProps = {
  taskForceId: number;
  /** The form of one period's report: `/task-forces/12/reports/2025`. */
  hrefOf: (periodKey: string) => string;
  /** A link back to the task force's page, if any. */
  backHref?: string;
};

function Downloads({ taskForceId, row, onError }: { taskForceId: number; row: Row; onError: (error: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const exports = useReportExports();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<"xlsx" | "pdf" | null>(null);
  const period = reportPeriodLabel(t, row);
  const language = isLanguage(i18n.language) ? i18n.language : "id";
  async function get(kind: "xlsx" | "pdf") {
    setBusy(kind);
    onError(null);
    try {
      const input = { taskForceId, periodKey: row.periodKey, language };
      const file = await queryClient.fetchQuery({ ...(kind === "xlsx" ? exports.xlsx : exports.pdf).queryOptions(input), staleTime: 0 });
      download(file.fileName, { base64: file.contentBase64 }, kind === "xlsx" ? XLSX_TYPE : PDF_TYPE);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(null);
    }
  }
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-sm" variant="default" loading={busy === "xlsx"} aria-label={t("reports.download.xlsxOf", { period })} onClick={() => void get("xlsx")}>
        XLSX
      </Button>
      <Button size="compact-sm" variant="default" loading={busy === "pdf"} aria-label={t("reports.download.pdfOf", { period })} onClick={() => void get("pdf")}>
        PDF
      </Button>
    </Group>
  );
}

export function ReportList({ taskForceId, hrefOf, backHref }: ReportListProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const list = useQuery(trpc.reports.list.queryOptions({ taskForceId }));
  const [exportError, setExportError] = useState<unknown>(null);
  const percent = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "id-ID", { style: "percent", maximumFractionDigits: 0 });
  return (
    <Stack gap="md" maw={1100} mx="auto">
      <QueryState query={list}>
        {(data) => (
          <>
            <div>
              {backHref && (
                <Anchor component={Link} href={backHref} size="sm">
                  ← {refName(t, data.taskForce)}
                </Anchor>
              )}
              <Title order={1} size="h2" mt="xs">
                {t("reports.title")}
              </Title>
              <Text c="dimmed" size="sm">
                {t("reports.listIntro")}
              </Text>
            </div>
            {exportError !== null && <ApiErrorAlert error={exportError} />}
            {data.periods.length === 0 ? (
              <Text>{t("reports.noPeriods")}</Text>
            ) : (
              <DataTable
                label={t("reports.title")}
                testId="reports-table"
                minWidth={760}
                columns={[t("reports.column.period"), t("reports.column.status"), t("reports.column.due"), t("reports.column.entry"), { label: t("reports.column.completeness"), align: "right" }, { label: t("reports.column.open"), hidden: true }, { label: t("reports.download.xlsx"), hidden: true }]}
                verticalSpacing="sm"
              >
                {data.periods.map((row) => {
                  const period = reportPeriodLabel(t, row);
                  const zone = data.taskForce.zone;
                  const fillable = (row.entryState === "open" || row.entryState === "exception") && (!row.report || ["draft", "returned", "reopened"].includes(row.report.status));
                  const action = fillable ? t("reports.fill") : t("reports.view");
                  return (
                    <Table.Tr key={row.periodKey} data-period={row.periodKey}>
                      <Table.Td>
                        <Anchor component={Link} href={hrefOf(row.periodKey)} fw={600}>
                          {period}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {row.start} – {row.end}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={4} align="flex-start">
                          <ReportStatusBadge status={row.report?.status ?? "none"} />
                          {row.report?.onTime !== null && row.report?.onTime !== undefined && (
                            <Badge size="xs" variant="light" color={row.report.onTime ? "green" : "red"}>
                              {row.report.onTime ? t("reports.onTime") : t("reports.late")}
                            </Badge>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t("reports.dueOn", { date: row.dueDate, zone })}</Text>
                        <Text size="xs" c="dimmed">
                          {t("reports.closesOn", { date: row.closesOn, zone })}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`reports.entry.${row.entryState}`)}</Text>
                        {row.exception && (
                          <Text size="xs" c="dimmed">
                            {t("reports.exceptionUntil", { until: row.exception.until, reason: row.exception.reason })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">{row.report?.completeness === null || row.report?.completeness === undefined ? "—" : percent.format(row.report.completeness)}</Table.Td>
                      <Table.Td>
                        <Button component={Link} href={hrefOf(row.periodKey)} size="compact-sm" variant="light" aria-label={`${action} ${period}`}>
                          {action}
                        </Button>
                      </Table.Td>
                      <Table.Td>{row.report !== null && <Downloads taskForceId={taskForceId} row={row} onError={setExportError} />}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </DataTable>
            )}
          </>
        )}
      </QueryState>
    </Stack>
  );
}
