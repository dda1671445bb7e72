import type { RouterOutputs } from "@gugus/api";
import { InstrumentSchema, instrumentTypesFor } from "@gugus/domain/formation";
import type { InstrumentType } from "@gugus/domain/formation";
import type { Level, RegencyKind } from "@gugus/domain";
import { Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldError } from "../auth/fields.ts";
import { FormationStatusBadge } from "../components/AtDate.tsx";
import { errorKeyOf, errorMessage, fieldErrors } from "../errors.ts";
import { useTRPC } from "../trpc.tsx";
import { ConfirmModal } from "./ConfirmModal.tsx";

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

function InstrumentForm({ taskForce, profile, editing, onDone }: { taskForce: TaskForceInfo; profile: Profile; editing: InstrumentRow | null; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "controlled",
    initialValues: editing
      ? { type: editing.type, number: editing.number, issuedOn: editing.issuedOn, issuer: editing.issuer, documentRef: editing.documentRef ?? "", endsOn: editing.endsOn ?? "", revokedOn: editing.revokedOn ?? "" }
      : EMPTY,
    validate: (values) => {
      const parsed = InstrumentSchema.safeParse(toInstrument(values));
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    },
    validateInputOnBlur: true,
  });
  const onSettled = () => void queryClient.invalidateQueries();
  const onError = (error: unknown) => {
    const field = FIELD_OF[errorKeyOf(error)];
    if (field) form.setFieldError(field, errorMessage(t, error));
    else form.setErrors(fieldErrors(t, error));
  };
  const create = useMutation(trpc.profile.createInstrument.mutationOptions({ onSuccess: onDone, onSettled, onError }));
  const update = useMutation(trpc.profile.updateInstrument.mutationOptions({ onSuccess: onDone, onSettled, onError }));
  const mutation = editing ? update : create;
  const err = (key: keyof typeof EMPTY) => fieldError(t, form.errors[key]) ?? (typeof form.errors[key] === "string" ? (form.errors[key]) : undefined);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        const instrument = InstrumentSchema.parse(toInstrument(values));
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
          error={err("type")}
        />
        <TextInput label={t("formation.number")} required {...form.getInputProps("number")} error={err("number")} />
        <TextInput label={t("formation.issuedOn")} type="date" required max={profile.localToday} {...form.getInputProps("issuedOn")} error={err("issuedOn")} />
        <TextInput label={t("formation.issuer")} required {...form.getInputProps("issuer")} error={err("issuer")} />
        <TextInput label={t("formation.documentRef")} description={t("formation.documentRefHint")} {...form.getInputProps("documentRef")} error={err("documentRef")} />
        <Group grow>
          <TextInput label={t("formation.endsOn")} description={t("formation.optional")} type="date" {...form.getInputProps("endsOn")} error={err("endsOn")} />
          <TextInput label={t("formation.revokedOn")} description={t("formation.optional")} type="date" max={profile.localToday} {...form.getInputProps("revokedOn")} error={err("revokedOn")} />
        </Group>
        {mutation.isError && !FIELD_OF[errorKeyOf(mutation.error)] && Object.keys(fieldErrors(t, mutation.error)).length === 0 && (
          <Alert color="red" role="alert">
            {errorMessage(t, mutation.error)}
          </Alert>
        )}
        <Button type="submit" loading={mutation.isPending}>
          {t("accounts.save")}
        </Button>
      </Stack>
    </form>
  );
}

function toInstrument(v: typeof EMPTY) {
  const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
  return { type: v.type as InstrumentType, number: v.number, issuedOn: v.issuedOn, issuer: v.issuer, documentRef: orNull(v.documentRef), endsOn: orNull(v.endsOn), revokedOn: orNull(v.revokedOn) };
}

/** The establishment instruments of a task force, the one in force marked, and — for those who may — their editing. */
export function FormationPanel({ taskForce, profile }: { taskForce: TaskForceInfo; profile: Profile }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<InstrumentRow | "new" | null>(null);
  const [removing, setRemoving] = useState<InstrumentRow | null>(null);
  const remove = useMutation(trpc.profile.deleteInstrument.mutationOptions({ onSuccess: () => setRemoving(null), onSettled: () => void queryClient.invalidateQueries() }));
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4">
              {t("formation.title")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("formation.intro")}
            </Text>
          </div>
          {profile.canManage && (
            <Button size="xs" onClick={() => setEditing("new")}>
              {t("formation.add")}
            </Button>
          )}
        </Group>
        <Group gap="xs">
          <Text size="sm">{t("formation.statusAt", { date: profile.at })}</Text>
          <FormationStatusBadge status={profile.status} />
        </Group>
        {profile.instruments.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t("formation.none")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table data-testid="instruments-table" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("formation.type")}</Table.Th>
                  <Table.Th>{t("formation.number")}</Table.Th>
                  <Table.Th>{t("formation.issuedOn")}</Table.Th>
                  <Table.Th>{t("formation.issuer")}</Table.Th>
                  <Table.Th>{t("formation.endsOn")}</Table.Th>
                  <Table.Th>{t("formation.revokedOn")}</Table.Th>
                  {profile.canManage && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
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
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{i.endsOn ?? "—"}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>{i.revokedOn ?? "—"}</Table.Td>
                    {profile.canManage && (
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(i)}>
                          {t("formation.edit")}
                        </Button>
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(i)}>
                          {t("formation.remove")}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === "new" ? t("formation.add") : t("formation.edit")} closeButtonProps={{ "aria-label": t("accounts.cancel") }}>
        {editing !== null && <InstrumentForm taskForce={taskForce} profile={profile} editing={editing === "new" ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        title={t("formation.remove")}
        text={removing ? t("formation.confirmRemove", { type: t(`instrumentType.${removing.type}`), number: removing.number }) : ""}
        onCancel={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.mutate({ id: removing.id, version: removing.version })}
        pending={remove.isPending}
        error={remove.error}
      />
    </Paper>
  );
}
