import "@mantine/core/styles/Combobox.css";
import { AUDIT_OUTCOMES, checkAuditDateRange, isAuditAction } from "@gugus/domain/accounts";
import type { AuditAction, AuditOutcome } from "@gugus/domain/accounts";
import { DataTable, QueryState, XLSX_TYPE, download, formatInstant, useTRPC } from "@gugus/ui";
import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useLocation, useSearch } from "wouter";
import { describeAuditEntry } from "../i18n/audit.ts";
import type { ReadableAuditEntry } from "../i18n/audit.ts";

const OUTCOME_COLOR: Record<AuditOutcome, string> = { success: "green", failure: "orange", denied: "red" };
const isOutcome = (v: string | null): v is AuditOutcome => v !== null && (AUDIT_OUTCOMES as readonly string[]).includes(v);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Filters = { action?: AuditAction; outcome?: AuditOutcome; actorUserId?: number; from?: string; to?: string };

/** The filters kept in the address (`?action=&outcome=&actor=&from=&to=`), so a reload or a shared link shows the same entries. */
function useAddressFilters(): [Filters, (change: Partial<Record<"action" | "outcome" | "actor" | "from" | "to", string | null>>) => void] {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const action = params.get("action");
  const outcome = params.get("outcome");
  const actor = Number(params.get("actor"));
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const filters: Filters = {
    ...(isAuditAction(action) ? { action } : {}),
    ...(isOutcome(outcome) ? { outcome } : {}),
    ...(Number.isInteger(actor) && actor > 0 ? { actorUserId: actor } : {}),
    ...(ISO_DATE.test(from) ? { from } : {}),
    ...(ISO_DATE.test(to) ? { to } : {}),
  };
  const set = (change: Partial<Record<"action" | "outcome" | "actor" | "from" | "to", string | null>>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    const rest = next.toString();
    navigate(rest ? `${location}?${rest}` : location, { replace: true });
  };
  return [filters, set];
}

/** An entry's labelled fields before → after, as a small table. */
function ChangesTable({ entry, language }: { entry: ReadableAuditEntry; language: "id" | "en" }) {
  const { t } = useTranslation();
  const { changes } = describeAuditEntry(entry, language);
  if (changes.length === 0) return null;
  return (
    <Table withTableBorder withColumnBorders fz="xs" mt={6} maw={560} aria-label={t("admin.audit.changesLabel", { id: entry.id })} data-testid="audit-changes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("admin.audit.field")}</Table.Th>
          <Table.Th>{t("admin.audit.before")}</Table.Th>
          <Table.Th>{t("admin.audit.after")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.field}>
            <Table.Td>{c.field}</Table.Td>
            <Table.Td style={{ wordBreak: "break-word" }}>{c.before}</Table.Td>
            <Table.Td style={{ wordBreak: "break-word" }}>{c.after}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The filtered log as an XLSX file, in the reader's language, as this screen shows it. */
function AuditDownload({ filters, disabled }: { filters: Filters; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const language = i18n.language === "en" ? "en" : "id";
  const file = useMutation({
    mutationFn: () => queryClient.fetchQuery({ ...trpc.audit.exportXlsx.queryOptions({ filters, language }), staleTime: 0 }),
    onSuccess: (f) => download(f.fileName, { base64: f.contentBase64 }, XLSX_TYPE),
  });
  return (
    <Group gap="sm">
      <Button variant="default" loading={file.isPending} disabled={disabled} onClick={() => file.mutate()} data-testid="audit-xlsx">
        {t("admin.audit.download")}
      </Button>
      {file.isError && (
        <Alert color="red" role="alert" py={6}>
          {t("admin.audit.downloadFailed")}
        </Alert>
      )}
    </Group>
  );
}

/** The security audit log, newest first: each entry in words with its changes, filters kept in the address, and "load more". */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "id";
  const trpc = useTRPC();
  const [filters, setFilter] = useAddressFilters();
  const rangeProblem = checkAuditDateRange(filters);
  const actions = useQuery(trpc.audit.actions.queryOptions());
  const actors = useQuery(trpc.audit.actors.queryOptions());
  const log = useInfiniteQuery({
    ...trpc.audit.list.infiniteQueryOptions({ ...filters, limit: 50 }, { getNextPageParam: (last) => last.nextCursor }),
    enabled: rangeProblem === null,
  });
  const hasFilters = Object.keys(filters).length > 0;
  return (
    <Stack gap="md" maw={1200}>
      <div>
        <Title order={1} size="h2">
          {t("admin.audit.title")}
        </Title>
        <Text c="dimmed">{t("admin.audit.intro")}</Text>
      </div>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <Select
          label={t("admin.audit.filterAction")}
          placeholder={t("admin.audit.any")}
          clearable
          searchable
          value={filters.action ?? null}
          onChange={(v) => setFilter({ action: v })}
          data={(actions.data ?? []).map((a) => ({ value: a, label: t(`admin.audit.actions.${a}`, { defaultValue: a }) }))}
          w={240}
          data-testid="audit-filter-action"
        />
        <Select
          label={t("admin.audit.filterActor")}
          placeholder={t("admin.audit.any")}
          clearable
          searchable
          value={filters.actorUserId === undefined ? null : String(filters.actorUserId)}
          onChange={(v) => setFilter({ actor: v })}
          data={(actors.data ?? []).map((a) => ({ value: String(a.id), label: a.name }))}
          w={220}
        />
        <Select
          label={t("admin.audit.filterOutcome")}
          placeholder={t("admin.audit.any")}
          clearable
          value={filters.outcome ?? null}
          onChange={(v) => setFilter({ outcome: v })}
          data={AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`admin.audit.outcomes.${o}`) }))}
          w={150}
        />
        <TextInput type="date" label={t("admin.audit.dateFrom")} value={filters.from ?? ""} onChange={(e) => setFilter({ from: e.currentTarget.value })} w={170} data-testid="audit-from" />
        <TextInput
          type="date"
          label={t("admin.audit.dateTo")}
          value={filters.to ?? ""}
          onChange={(e) => setFilter({ to: e.currentTarget.value })}
          w={170}
          error={rangeProblem ? t(`errors.${rangeProblem}`) : undefined}
          data-testid="audit-to"
        />
      </Group>
      <Group gap="sm" justify="space-between">
        <Text size="xs" c="dimmed">
          {t("admin.audit.rangeHint")}
        </Text>
        <Group gap="sm">
          {hasFilters && (
            <Button variant="subtle" size="sm" onClick={() => setFilter({ action: null, outcome: null, actor: null, from: null, to: null })}>
              {t("admin.audit.clear")}
            </Button>
          )}
          <AuditDownload filters={filters} disabled={rangeProblem !== null} />
        </Group>
      </Group>
      {rangeProblem ? null : (
        <QueryState query={log}>
          {(data) => {
            const rows = data.pages.flatMap((p) => p.rows);
            return rows.length === 0 ? (
              <Text c="dimmed">{t("admin.audit.empty")}</Text>
            ) : (
              <Stack gap="sm">
                <Paper withBorder radius="md">
                  <DataTable label={t("admin.audit.title")} minWidth={760} testId="audit-table" striped columns={[{ label: t("admin.audit.at"), width: 150 }, t("admin.audit.entry"), { label: t("admin.audit.outcome"), width: 110 }, { label: t("admin.audit.from"), width: 120 }]}>
                    {rows.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td style={{ whiteSpace: "nowrap", verticalAlign: "top" }}>
                          <Text size="sm" component="time" dateTime={new Date(r.at).toISOString()}>
                            {formatInstant(r.at, { lang: language, zone: "WIB" })}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ verticalAlign: "top" }}>
                          <Text size="sm" fw={500} data-testid="audit-sentence">
                            {describeAuditEntry(r, language).sentence}
                          </Text>
                          {r.actor.name !== null && r.actor.label !== null && (
                            <Text size="xs" c="dimmed">
                              {r.actor.label}
                            </Text>
                          )}
                          <ChangesTable entry={r} language={language} />
                        </Table.Td>
                        <Table.Td style={{ verticalAlign: "top" }}>
                          <Badge variant="light" color={OUTCOME_COLOR[r.outcome]}>
                            {t(`admin.audit.outcomes.${r.outcome}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td style={{ verticalAlign: "top" }}>
                          <Text size="xs" ff="monospace">
                            {r.ip ?? "—"}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </DataTable>
                </Paper>
                <Text size="xs" c="dimmed">
                  {t("admin.audit.count", { count: rows.length })}
                </Text>
                {log.hasNextPage && (
                  <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                    {t("admin.audit.more")}
                  </Button>
                )}
              </Stack>
            );
          }}
        </QueryState>
      )}
    </Stack>
  );
}
