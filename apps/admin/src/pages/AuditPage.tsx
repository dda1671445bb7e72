import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/Code.css";
import { AUDIT_OUTCOMES } from "@gugus/domain/accounts";
import type { AuditAction, AuditOutcome } from "@gugus/domain/accounts";
import { DataTable, QueryState, useTRPC } from "@gugus/ui";
import { Badge, Button, Code, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

const OUTCOME_COLOR: Record<AuditOutcome, string> = { success: "green", failure: "orange", denied: "red" };

/** The security audit log, newest first, with filters and "load more". */
export function AuditPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [action, setAction] = useState<AuditAction | null>(null);
  const [outcome, setOutcome] = useState<AuditOutcome | null>(null);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const actions = useQuery(trpc.audit.actions.queryOptions());
  const filters = { ...(action ? { action } : {}), ...(outcome ? { outcome } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), limit: 50 };
  const log = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(filters, {
      getNextPageParam: (last) => last.nextCursor,
    }),
  );
  return (
    <Stack gap="md" maw={1200}>
      <div>
        <Title order={1} size="h2">
          {t("admin.audit.title")}
        </Title>
        <Text c="dimmed">{t("admin.audit.intro")}</Text>
      </div>
      <Group gap="sm" align="flex-end">
        <Select
          label={t("admin.audit.filterAction")}
          placeholder={t("admin.audit.any")}
          clearable
          value={action}
          onChange={(v) => setAction(v)}
          data={(actions.data ?? []).map((a) => ({ value: a, label: t(`admin.audit.actions.${a}`) }))}
          w={220}
        />
        <Select
          label={t("admin.audit.filterOutcome")}
          placeholder={t("admin.audit.any")}
          clearable
          value={outcome}
          onChange={(v) => setOutcome(v)}
          data={AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`admin.audit.outcomes.${o}`) }))}
          w={160}
        />
        <TextInput type="date" label={t("admin.audit.dateFrom")} value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={170} />
        <TextInput type="date" label={t("admin.audit.dateTo")} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={170} />
      </Group>
      <QueryState query={log}>
        {(data) => {
          const rows = data.pages.flatMap((p) => p.rows);
          return rows.length === 0 ? (
            <Text c="dimmed">{t("admin.audit.empty")}</Text>
          ) : (
            <Stack gap="sm">
              <Paper withBorder radius="md">
                <DataTable label={t("admin.audit.title")} minWidth={900} testId="audit-table" striped columns={[t("admin.audit.at"), t("admin.audit.actor"), t("admin.audit.action"), t("admin.audit.outcome"), t("admin.audit.target"), t("admin.audit.from"), t("admin.audit.details")]}>
                      {rows.map((r) => (
                        <Table.Tr key={r.id}>
                          <Table.Td style={{ whiteSpace: "nowrap" }}>
                            <Text size="xs" ff="monospace">
                              {new Date(r.at).toISOString().replace("T", " ").slice(0, 19)}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{r.actorLabel ?? t("admin.audit.system")}</Text>
                          </Table.Td>
                          <Table.Td>{t(`admin.audit.actions.${r.action as AuditAction}`, { defaultValue: r.action })}</Table.Td>
                          <Table.Td>
                            <Badge variant="light" color={OUTCOME_COLOR[r.outcome]}>
                              {t(`admin.audit.outcomes.${r.outcome}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            <Text size="xs">{r.targetType ? `${r.targetType} ${r.targetId ?? ""}` : "—"}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="xs" ff="monospace">
                              {r.ip ?? "—"}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            {r.details ? (
                              <Code fz="xs" style={{ whiteSpace: "pre-wrap" }}>
                                {Object.entries(r.details)
                                  .map(([k, v]) => `${k}: ${String(v)}`)
                                  .join("\n")}
                              </Code>
                            ) : null}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                </DataTable>
              </Paper>
              {log.hasNextPage && (
                <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                  {t("admin.audit.more")}
                </Button>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
