import type { RouterOutputs } from "@gugus/api";
import { InstrumentSchema, instrumentTypesFor } from "@gugus/domain/formation";
import type { Level, RegencyKind } from "@gugus/domain";
import { Badge, Group, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { DataTable } from "../components/DataTable.tsx";
import { FormationStatusBadge } from "../components/AtDate.tsx";
import { useDomainForm } from "../forms/useDomainForm.ts";
import { invalidateFormation } from "../queries.ts";
import { useTRPC } from "../trpc.tsx";
import { RecordFormFooter, RecordPanel, RowActions } from "./RecordPanel.tsx";
import { DocumentLink } from "./DocumentLink.tsx";

export type Profile = RouterOutputs["profile"]["get"];
type InstrumentRow = Profile["instruments"][number];
type TaskForceInfo = { id: number; level: Level; kind: RegencyKind | null };

const EMPTY = { type: "", number: "", issuedOn: "", issuer: "", documentRef: "", endsOn: "", revokedOn: "" };

/** Which form field a server error belongs to. */
const FIELD_OF: Record<string, keyof typeof EMPTY> = {
  INSTRUMENT_TYPE_MISMATCH: "type",
  INSTRUMENT_DUPLICATE: "number",
  DATE_IN_FUTURE: "issuedOn",
  REGION_NOT_AT_DATE: "issuedOn",
  INSTRUMENT_END_BEFORE_START: "endsOn",
};

function toInstrument(v: typeof EMPTY) {
  const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
  return { type: v.type, number: v.number, issuedOn: v.issuedOn, issuer: v.issuer, documentRef: orNull(v.documentRef), endsOn: orNull(v.endsOn), revokedOn: orNull(v.revokedOn) };
}

function InstrumentForm({ taskForce, profile, editing, onDone }: { taskForce: TaskForceInfo; profile: Profile; editing: InstrumentRow | null; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { form, onSubmit, showOnField, isOnField } = useDomainForm({
    initialValues: editing
      ? { type: editing.type, number: editing.number, issuedOn: editing.issuedOn, issuer: editing.issuer, documentRef: editing.documentRef ?? "", endsOn: editing.endsOn ?? "", revokedOn: editing.revokedOn ?? "" }
      : EMPTY,
    schema: InstrumentSchema,
    toInput: toInstrument,
    fieldOfRule: FIELD_OF,
  });
  const onSettled = () => void invalidateFormation(queryClient, trpc, taskForce.id);
  const create = useMutation(trpc.profile.createInstrument.mutationOptions({ onSuccess: onDone, onSettled, onError: showOnField }));
  const update = useMutation(trpc.profile.updateInstrument.mutationOptions({ onSuccess: onDone, onSettled, onError: showOnField }));
  const mutation = editing ? update : create;
  return (
    <form
      noValidate
      onSubmit={onSubmit((instrument) => {
        if (editing) update.mutate({ id: editing.id, version: editing.version, instrument });
        else create.mutate({ taskForceId: taskForce.id, instrument });
      })}
    >
      <Stack gap="sm">
        <Select
          label={t("formation.type")}
          required
          data={instrumentTypesFor(taskForce.level, taskForce.kind).map((type) => ({ value: type, label: t(`instrumentType.${type}`) }))}
          {...form.getInputProps("type")}
        />
        <TextInput label={t("formation.number")} required {...form.getInputProps("number")} />
        <TextInput label={t("formation.issuedOn")} type="date" required max={profile.localToday} {...form.getInputProps("issuedOn")} />
        <TextInput label={t("formation.issuer")} required {...form.getInputProps("issuer")} />
        <TextInput label={t("formation.documentRef")} description={t("formation.documentRefHint")} {...form.getInputProps("documentRef")} />
        <Group grow>
          <TextInput label={t("formation.endsOn")} description={t("formation.optional")} type="date" {...form.getInputProps("endsOn")} />
          <TextInput label={t("formation.revokedOn")} description={t("formation.optional")} type="date" max={profile.localToday} {...form.getInputProps("revokedOn")} />
        </Group>
        <RecordFormFooter error={mutation.error} showAlert={mutation.isError && !isOnField(mutation.error)} pending={mutation.isPending} />
      </Stack>
    </form>
  );
}

/** The establishment instruments of a task force, the one in force marked, and — for those who may — their editing. */
export function FormationPanel({ taskForce, profile }: { taskForce: TaskForceInfo; profile: Profile }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.profile.deleteInstrument.mutationOptions({ onSettled: () => void invalidateFormation(queryClient, trpc, taskForce.id) }));
  return (
    <RecordPanel<InstrumentRow>
      title={t("formation.title")}
      intro={t("formation.intro")}
      addLabel={t("formation.add")}
      editLabel={t("formation.edit")}
      removeLabel={t("formation.remove")}
      canManage={profile.canManage}
      removal={remove}
      removeQuestion={(row) => t("formation.confirmRemove", { type: t(`instrumentType.${row.type}`), number: row.number })}
      renderForm={(editing, done) => <InstrumentForm taskForce={taskForce} profile={profile} editing={editing} onDone={done} />}
    >
      {({ edit, remove: ask }) => (
        <>
          <Group gap="xs">
            <Text size="sm">{t("formation.statusAt", { date: profile.at })}</Text>
            <FormationStatusBadge status={profile.status} />
          </Group>
          {profile.instruments.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("formation.none")}
            </Text>
          ) : (
            <DataTable
              label={t("formation.title")}
              minWidth={760}
              testId="instruments-table"
              striped
              columns={[
                t("formation.type"),
                t("formation.number"),
                t("formation.issuedOn"),
                t("formation.issuer"),
                t("formation.documentRef"),
                t("formation.endsOn"),
                t("formation.revokedOn"),
                ...(profile.canManage ? [{ label: t("accounts.actions"), hidden: true }] : []),
              ]}
            >
              {profile.instruments.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">{t(`instrumentType.${i.type}`)}</Text>
                      {i.id === profile.instrumentInForceId && profile.status === "formed" && (
                        <Badge size="xs" color="green" variant="light">
                          {t("formation.inForce")}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{i.number}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{i.issuedOn}</Table.Td>
                  <Table.Td>{i.issuer}</Table.Td>
                  <Table.Td>
                    <DocumentLink documentRef={i.documentRef} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{i.endsOn ?? "—"}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{i.revokedOn ?? "—"}</Table.Td>
                  {profile.canManage && (
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <RowActions onEdit={() => edit(i)} onRemove={() => ask(i)} editLabel={t("formation.edit")} removeLabel={t("formation.remove")} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </RecordPanel>
  );
}
