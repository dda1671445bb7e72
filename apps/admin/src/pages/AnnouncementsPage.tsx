import "@mantine/core/styles/Combobox.css";
/**
 * Announcements: a central admin publishes one in both languages (Indonesian first) to every task
 * force or to one province's, shown until a date or until withdrawn; the list says who each goes
 * to, when it was published (WIB), its state and how many accounts have read it. Both are audited.
 */
import { AnnouncementSchema } from "@gugus/domain";
import { listProvinces, timeZoneOf } from "@gugus/domain/regions";
import { localTimeLabel } from "@gugus/domain/reports";
import { ConfirmModal, DataTable, FormModal, QueryState, audienceLabel, errorMessage, invalidateAnnouncements, useDomainForm, useTRPC } from "@gugus/ui";
import type { AnnouncementRow } from "@gugus/ui";
import { Alert, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

const FIELD_OF = { ANNOUNCEMENT_SHOW_UNTIL_PAST: "showUntil", ANNOUNCEMENT_AUDIENCE_INVALID: "provinceCode" };
const wib = (at: string) => localTimeLabel(new Date(at), timeZoneOf(null));

function CreateForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const provinces = useMemo(() => listProvinces().map((p) => ({ value: p.code, label: `${p.code} ${p.name}` })), []);
  const { form, onSubmit, showOnField, isOnField, markSaved } = useDomainForm({
    initialValues: { titleId: "", titleEn: "", bodyId: "", bodyEn: "", provinceCode: "", showUntil: "" },
    schema: AnnouncementSchema,
    toInput: (v) => ({ ...v, provinceCode: v.provinceCode === "" ? null : v.provinceCode, showUntil: v.showUntil === "" ? null : v.showUntil }),
    fieldOfRule: FIELD_OF,
    fallbackField: "bodyEn",
  });
  const create = useMutation(
    trpc.announcements.create.mutationOptions({
      onSuccess: () => {
        markSaved();
        void invalidateAnnouncements(queryClient, trpc);
        onDone();
      },
      onError: showOnField,
    }),
  );
  return (
    <form noValidate onSubmit={onSubmit((input) => create.mutate(input))}>
      <Stack gap="sm">
        <TextInput label={t("admin.announcements.titleId")} required maxLength={120} {...form.getInputProps("titleId")} />
        <Textarea label={t("admin.announcements.bodyId")} description={t("admin.announcements.bodyHint")} required autosize minRows={3} maxRows={10} {...form.getInputProps("bodyId")} />
        <TextInput label={t("admin.announcements.titleEn")} required maxLength={120} lang="en" {...form.getInputProps("titleEn")} />
        <Textarea label={t("admin.announcements.bodyEn")} required autosize minRows={3} maxRows={10} lang="en" {...form.getInputProps("bodyEn")} />
        <Select
          label={t("admin.announcements.audience")}
          data={[{ value: "", label: t("admin.announcements.everyone") }, ...provinces]}
          searchable
          allowDeselect={false}
          nothingFoundMessage={t("state.empty")}
          {...form.getInputProps("provinceCode")}
          onChange={(value: string | null) => form.setFieldValue("provinceCode", value ?? "")}
        />
        <TextInput type="date" label={t("admin.announcements.showUntil")} description={t("admin.announcements.showUntilHint")} min="2000-01-01" max="2200-12-31" {...form.getInputProps("showUntil")} />
        {create.isError && !isOnField(create.error) && (
          <Alert color="red" role="alert">
            {errorMessage(t, create.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t("admin.announcements.publish")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AnnouncementsTable({ rows, onWithdraw }: { rows: AnnouncementRow[]; onWithdraw: (row: AnnouncementRow) => void }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed">{t("admin.announcements.empty")}</Text>;
  return (
    <DataTable
      label={t("admin.announcements.tableLabel")}
      columns={[
        t("admin.announcements.columns.title"),
        t("admin.announcements.columns.audience"),
        t("admin.announcements.columns.published"),
        t("admin.announcements.columns.until"),
        t("admin.announcements.columns.state"),
        t("admin.announcements.columns.reads"),
        { label: t("admin.announcements.columns.actions"), hidden: true },
      ]}
      minWidth={900}
      testId="announcements-table"
    >
      {rows.map((a) => (
        <Table.Tr key={a.id} data-state={a.state} data-id={a.id}>
          <Table.Td style={{ overflowWrap: "anywhere" }}>
            <Text size="sm" fw={600}>
              {a.title.id}
            </Text>
            <Text size="xs" c="dimmed" lang="en">
              {a.title.en}
            </Text>
          </Table.Td>
          <Table.Td>{audienceLabel(t, a)}</Table.Td>
          <Table.Td style={{ whiteSpace: "nowrap" }}>
            <Text size="sm">{wib(a.publishedAt)}</Text>
            {a.createdBy && (
              <Text size="xs" c="dimmed">
                {t("admin.announcements.by", { name: a.createdBy })}
              </Text>
            )}
          </Table.Td>
          <Table.Td style={{ whiteSpace: "nowrap" }}>{a.showUntil ? `${a.showUntil} WIB` : t("admin.announcements.untilWithdrawn")}</Table.Td>
          <Table.Td>
            <Badge variant="light" color={a.state === "shown" ? "green" : "gray"}>
              {a.state === "withdrawn" ? t("admin.announcements.state.withdrawn", { at: a.withdrawnAt ? wib(a.withdrawnAt) : "" }) : t(`admin.announcements.state.${a.state}`)}
            </Badge>
          </Table.Td>
          <Table.Td style={{ whiteSpace: "nowrap" }}>{t("admin.announcements.reads", { count: a.readCount })}</Table.Td>
          <Table.Td>
            {a.state !== "withdrawn" && (
              <Button size="xs" variant="light" color="red" onClick={() => onWithdraw(a)} aria-label={t("admin.announcements.withdrawLabel", { title: a.title.id })}>
                {t("admin.announcements.withdraw")}
              </Button>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

export function AnnouncementsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [withdrawing, setWithdrawing] = useState<AnnouncementRow | null>(null);
  const [notice, setNotice] = useState<"published" | "withdrawn" | null>(null);
  const query = useQuery(trpc.announcements.list.queryOptions({}));
  const withdraw = useMutation(
    trpc.announcements.withdraw.mutationOptions({
      onSuccess: () => {
        setWithdrawing(null);
        setNotice("withdrawn");
        void invalidateAnnouncements(queryClient, trpc);
      },
    }),
  );
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {t("admin.announcements.title")}
          </Title>
          <Text c="dimmed" size="sm" maw={760}>
            {t("admin.announcements.intro")}
          </Text>
        </div>
        <Button
          onClick={() => {
            setNotice(null);
            setCreating(true);
          }}
        >
          {t("admin.announcements.create")}
        </Button>
      </Group>
      {notice && (
        <Alert color="green" role="status">
          {notice === "published" ? t("admin.announcements.published") : t("admin.announcements.withdrawn")}
        </Alert>
      )}
      <QueryState query={query}>{(rows) => <AnnouncementsTable rows={rows} onWithdraw={(row) => setWithdrawing(row)} />}</QueryState>
      <FormModal opened={creating} onClose={() => setCreating(false)} title={t("admin.announcements.createTitle")} size="lg">
        {creating && (
          <CreateForm
            onDone={() => {
              setCreating(false);
              setNotice("published");
            }}
          />
        )}
      </FormModal>
      <ConfirmModal
        opened={withdrawing !== null}
        title={t("admin.announcements.withdrawTitle")}
        text={withdrawing ? t("admin.announcements.withdrawText", { title: withdrawing.title.id }) : ""}
        onCancel={() => {
          setWithdrawing(null);
          withdraw.reset();
        }}
        onConfirm={() => withdrawing && withdraw.mutate({ id: withdrawing.id })}
        pending={withdraw.isPending}
        error={withdraw.error}
      />
    </Stack>
  );
}
