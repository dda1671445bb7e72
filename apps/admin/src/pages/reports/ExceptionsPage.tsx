import "@mantine/core/styles/Combobox.css";
/**
 * Entry exceptions: a central admin lets one task force still enter its report for a period after
 * entry closed, until a date (its local midnight), for a reason; and revokes one. Both are audited.
 */
import { ExceptionInputSchema } from "@gugus/domain/reports";
import { ConfirmModal, DataTable, FormModal, QueryState, errorMessage, invalidateReports, periodLabel, refName, useDomainForm, useTRPC, useTaskForceOptions } from "@gugus/ui";
import type { ExceptionRow } from "@gugus/ui";
import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";

const FIELD_OF = { EXCEPTION_UNTIL_INVALID: "until", REASON_REQUIRED: "reason", REPORT_PERIOD_NOT_FOUND: "periodKey", TASK_FORCE_NOT_FOUND: "taskForceId" };

/** The reporting periods that have begun, newest first (as the review queue lists them). */
function usePeriodKeys(): string[] {
  const trpc = useTRPC();
  const queue = useQuery(trpc.reports.reviewQueue.queryOptions({}, { staleTime: 10 * 60_000 }));
  return queue.data?.periodKeys ?? [];
}

function GrantForm({ onDone, periodKeys }: { onDone: () => void; periodKeys: string[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useTaskForceOptions();
  const { form, onSubmit, showOnField, isOnField, markSaved } = useDomainForm({
    initialValues: { taskForceId: "", periodKey: periodKeys[0] ?? "", until: "", reason: "" },
    schema: ExceptionInputSchema,
    toInput: (v) => ({ ...v, taskForceId: v.taskForceId === "" ? "" : Number(v.taskForceId) }),
    fieldOfRule: FIELD_OF,
    fallbackField: "reason",
  });
  const grant = useMutation(
    trpc.reports.grantException.mutationOptions({
      onSuccess: () => {
        markSaved();
        void invalidateReports(queryClient, trpc);
        onDone();
      },
      onError: showOnField,
    }),
  );
  return (
    <form noValidate onSubmit={onSubmit((input) => grant.mutate(input))}>
      <Stack gap="sm">
        <Select
          label={t("admin.exceptions.taskForce")}
          placeholder={t("admin.exceptions.taskForcePlaceholder")}
          data={options}
          searchable
          limit={60}
          required
          nothingFoundMessage={t("state.empty")}
          {...form.getInputProps("taskForceId")}
          onChange={(value: string | null) => form.setFieldValue("taskForceId", value ?? "")}
        />
        <Select label={t("admin.exceptions.period")} data={periodKeys.map((k) => ({ value: k, label: periodLabel(t, k) }))} required allowDeselect={false} {...form.getInputProps("periodKey")} onChange={(value: string | null) => form.setFieldValue("periodKey", value ?? "")} />
        <TextInput type="date" label={t("admin.exceptions.until")} description={t("admin.exceptions.untilHint")} required min="2000-01-01" max="2200-12-31" {...form.getInputProps("until")} />
        <Textarea label={t("admin.exceptions.reason")} description={t("review.reasonHint")} required autosize minRows={3} {...form.getInputProps("reason")} />
        {grant.isError && !isOnField(grant.error) && (
          <Alert color="red" role="alert">
            {errorMessage(t, grant.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={grant.isPending}>
            {t("admin.exceptions.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ExceptionsTable({ rows, onRevoke }: { rows: ExceptionRow[]; onRevoke: (row: ExceptionRow) => void }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed">{t("admin.exceptions.empty")}</Text>;
  return (
    <DataTable
      label={t("admin.exceptions.tableLabel")}
      columns={[
        t("admin.exceptions.columns.taskForce"),
        t("admin.exceptions.columns.period"),
        t("admin.exceptions.columns.until"),
        t("admin.exceptions.columns.reason"),
        t("admin.exceptions.columns.grantedBy"),
        t("admin.exceptions.columns.state"),
        { label: t("admin.exceptions.columns.actions"), hidden: true },
      ]}
      minWidth={900}
      testId="exceptions-table"
    >
      {rows.map((x) => {
        const name = refName(t, x.taskForce);
        return (
          <Table.Tr key={x.id} data-state={x.revokedAt ? "revoked" : "active"}>
            <Table.Td>{name}</Table.Td>
            <Table.Td>{periodLabel(t, x.periodKey)}</Table.Td>
            <Table.Td style={{ whiteSpace: "nowrap" }}>{`${x.until} ${x.taskForce.zone}`}</Table.Td>
            <Table.Td style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{x.reason}</Table.Td>
            <Table.Td>
              <Text size="sm">{x.grantedByName ?? "—"}</Text>
              <Text size="xs" c="dimmed">{`${x.grantedAt.slice(0, 10)} ${x.grantedAt.slice(11, 16)} UTC`}</Text>
            </Table.Td>
            <Table.Td>
              {x.revokedAt ? (
                <Badge color="gray" variant="light">
                  {t("admin.exceptions.state.revoked", { at: x.revokedAt.slice(0, 10) })}
                </Badge>
              ) : (
                <Badge color="green" variant="light">
                  {t("admin.exceptions.state.active")}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              {!x.revokedAt && (
                <Button size="xs" variant="light" color="red" onClick={() => onRevoke(x)} aria-label={t("admin.exceptions.revokeLabel", { name, period: periodLabel(t, x.periodKey) })}>
                  {t("admin.exceptions.revoke")}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        );
      })}
    </DataTable>
  );
}

export function ExceptionsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const periodKeys = usePeriodKeys();
  const [filter, setFilter] = useState<string>("");
  const [granting, setGranting] = useState(false);
  const [revoking, setRevoking] = useState<ExceptionRow | null>(null);
  const [notice, setNotice] = useState<"granted" | "revoked" | null>(null);
  const query = useQuery(trpc.reports.exceptions.queryOptions(filter ? { periodKey: filter } : {}));
  const revoke = useMutation(
    trpc.reports.revokeException.mutationOptions({
      onSuccess: () => {
        setRevoking(null);
        setNotice("revoked");
        void invalidateReports(queryClient, trpc);
      },
    }),
  );
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t("admin.exceptions.title")}
          </Title>
          <Text c="dimmed" size="sm" maw={760}>
            {t("admin.exceptions.intro")}
          </Text>
        </div>
        <Button
          onClick={() => {
            setNotice(null);
            setGranting(true);
          }}
        >
          {t("admin.exceptions.grant")}
        </Button>
      </Group>
      <Select
        label={t("admin.exceptions.filter")}
        data={[{ value: "", label: t("admin.exceptions.allPeriods") }, ...periodKeys.map((k) => ({ value: k, label: periodLabel(t, k) }))]}
        value={filter}
        onChange={(v) => setFilter(v ?? "")}
        allowDeselect={false}
        w={240}
      />
      {notice && (
        <Alert color="green" role="status">
          {notice === "granted" ? t("admin.exceptions.granted") : t("admin.exceptions.revoked")}
        </Alert>
      )}
      <QueryState query={query}>{(rows) => <ExceptionsTable rows={rows} onRevoke={(row) => setRevoking(row)} />}</QueryState>
      <FormModal opened={granting} onClose={() => setGranting(false)} title={t("admin.exceptions.grantTitle")} size="lg">
        {granting && (
          <GrantForm
            periodKeys={periodKeys}
            onDone={() => {
              setGranting(false);
              setNotice("granted");
            }}
          />
        )}
      </FormModal>
      <ConfirmModal
        opened={revoking !== null}
        title={t("admin.exceptions.revokeTitle")}
        text={revoking ? t("admin.exceptions.revokeText", { name: refName(t, revoking.taskForce), period: periodLabel(t, revoking.periodKey) }) : ""}
        onCancel={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
        pending={revoke.isPending}
        error={revoke.error}
      />
    </Stack>
  );
}
