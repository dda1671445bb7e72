/**
 * The suppressed count table (from the API, already through `suppressTable`): counts 1–4 and the
 * cells hidden with them read "<5", a count not reported reads "—", with the note saying why.
 */
import { displayCount } from "@gugus/domain/suppression";
import type { PublishedCount } from "@gugus/domain/suppression";
import { Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DataTable } from "../components/DataTable.tsx";
import { dynamicMessage } from "../reports/review/format.ts";
import type { CountsView } from "./types.ts";

function Cell({ value, strong = false }: { value: PublishedCount; strong?: boolean }) {
  const { t } = useTranslation();
  const text = displayCount(value);
  return (
    <Table.Td ta="right" fw={strong ? 700 : undefined} style={{ whiteSpace: "nowrap" }}>
      {text === "" ? <span title={t("evaluation.counts.notReported")}>—</span> : text}
    </Table.Td>
  );
}

export function CountsTable({ counts, testId = "counts-table" }: { counts: CountsView; testId?: string }) {
  const { t } = useTranslation();
  const columns = counts.columns.map((c) => ({ label: dynamicMessage(t, `evaluation.counts.column.${c}`, c), align: "right" as const }));
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" data-testid="counts-note">
        {t("evaluation.counts.note")}
      </Text>
      <DataTable
        label={t("evaluation.counts.table")}
        columns={[t("evaluation.counts.row"), ...columns, { label: t("evaluation.counts.total"), align: "right" }]}
        minWidth={1100}
        maxHeight={560}
        striped
        testId={testId}
        footer={
          <Table.Tr>
            <Table.Th scope="row">{t("evaluation.counts.total")}</Table.Th>
            {counts.columnTotals.map((v, i) => (
              <Cell key={i} value={v} strong />
            ))}
            <Cell value={counts.grandTotal} strong />
          </Table.Tr>
        }
      >
        {counts.rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Th scope="row" fw={500} style={{ whiteSpace: "nowrap" }}>
              {row.label}
            </Table.Th>
            {row.cells.map((v, i) => (
              <Cell key={i} value={v} />
            ))}
            <Cell value={row.total} strong />
          </Table.Tr>
        ))}
      </DataTable>
    </Stack>
  );
}
