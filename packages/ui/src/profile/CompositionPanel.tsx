import { MembershipSchema, POSITIONS, STAKEHOLDER_TYPES } from "@gugus/domain/formation";
import type { Position, StakeholderType } from "@gugus/domain/formation";
import { SUB_TASK_FORCE_CODES } from "@gugus/domain/sub-task-forces";
import type { SubTaskForceCode } from "@gugus/domain/sub-task-forces";
import { Alert, Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { fieldError } from "../auth/fields.ts";
import { errorKeyOf, errorMessage, fieldErrors } from "../errors.ts";
import { useTRPC } from "../trpc.tsx";
import { ConfirmModal } from "./ConfirmModal.tsx";
import type { Profile } from "./FormationPanel.tsx";

type MembershipRow = Profile["memberships"][number];
const EMPTY = { position: "", subTaskForce: "", office: "", agency: "", stakeholderType: "", personName: "", validFrom: "", validTo: "" };

/** "Ketua Harian", "Koordinator Sub Gugus Tugas: Penegakan Hukum". */
/** Server answers that belong to the "from" date: the seat is taken then, or that day has not come. */
const ON_VALID_FROM = new Set(["SEAT_OVERLAP", "DATE_IN_FUTURE"]);

function seatLabel(t: TFunction, position: Position, subTaskForce: SubTaskForceCode | null): string {
  return subTaskForce ? `${t(`position.${position}`)}: ${t(`subTaskForce.${subTaskForce}`)}` : t(`position.${position}`);
}

function toMembership(v: typeof EMPTY) {
  const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
  return {
    position: v.position as Position,
    subTaskForce: v.position === "coordinator" ? (orNull(v.subTaskForce) as SubTaskForceCode | null) : null,
    office: v.office,
    agency: v.agency,
    stakeholderType: v.stakeholderType as StakeholderType,
    personName: orNull(v.personName),
    validFrom: v.validFrom,
    validTo: orNull(v.validTo),
  };
}

function MembershipForm({ taskForceId, editing, onDone }: { taskForceId: number; editing: MembershipRow | null; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "controlled",
    initialValues: editing
      ? {
          position: editing.position,
          subTaskForce: editing.subTaskForce ?? "",
          office: editing.office,
          agency: editing.agency,
          stakeholderType: editing.stakeholderType,
          personName: editing.personName ?? "",
          validFrom: editing.validFrom,
          validTo: editing.validTo ?? "",
        }
      : EMPTY,
    validate: (values) => {
      const parsed = MembershipSchema.safeParse(toMembership(values));
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    },
    validateInputOnBlur: true,
  });
  const onError = (error: unknown) => {
    if (ON_VALID_FROM.has(errorKeyOf(error))) form.setFieldError("validFrom", errorMessage(t, error));
    else form.setErrors(fieldErrors(t, error));
  };
  const onSettled = () => void queryClient.invalidateQueries();
  const create = useMutation(trpc.profile.createMembership.mutationOptions({ onSuccess: onDone, onSettled, onError }));
  const update = useMutation(trpc.profile.updateMembership.mutationOptions({ onSuccess: onDone, onSettled, onError }));
  const mutation = editing ? update : create;
  const err = (key: keyof typeof EMPTY) => fieldError(t, form.errors[key]) ?? (typeof form.errors[key] === "string" ? (form.errors[key]) : undefined);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        const membership = MembershipSchema.parse(toMembership(values));
        if (editing) update.mutate({ id: editing.id, version: editing.version, membership });
        else create.mutate({ taskForceId, membership });
      })}
    >
      <Stack gap="sm">
        <Select label={t("composition.position")} required data={POSITIONS.map((p) => ({ value: p, label: t(`position.${p}`) }))} {...form.getInputProps("position")} error={err("position")} />
        {form.values.position === "coordinator" && (
          <Select
            label={t("composition.subTaskForce")}
            required
            data={SUB_TASK_FORCE_CODES.map((s) => ({ value: s, label: t(`subTaskForce.${s}`) }))}
            {...form.getInputProps("subTaskForce")}
            error={err("subTaskForce")}
          />
        )}
        <TextInput label={t("composition.office")} description={t("composition.officeHint")} required {...form.getInputProps("office")} error={err("office")} />
        <TextInput label={t("composition.agency")} description={t("composition.agencyHint")} required {...form.getInputProps("agency")} error={err("agency")} />
        <Select
          label={t("composition.stakeholderType")}
          required
          data={STAKEHOLDER_TYPES.map((s) => ({ value: s, label: t(`stakeholder.${s}`) }))}
          {...form.getInputProps("stakeholderType")}
          error={err("stakeholderType")}
        />
        <TextInput label={t("composition.personName")} description={t("formation.optional")} {...form.getInputProps("personName")} error={err("personName")} />
        <Group grow align="flex-start">
          <TextInput label={t("composition.validFrom")} type="date" required {...form.getInputProps("validFrom")} error={err("validFrom")} />
          <TextInput label={t("composition.validTo")} description={t("formation.optional")} type="date" {...form.getInputProps("validTo")} error={err("validTo")} />
        </Group>
        {mutation.isError && !ON_VALID_FROM.has(errorKeyOf(mutation.error)) && Object.keys(fieldErrors(t, mutation.error)).length === 0 && (
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

/** Who holds which position: the single seats on the date, and the whole history with dates. */
export function CompositionPanel({ taskForceId, profile }: { taskForceId: number; profile: Profile }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<MembershipRow | "new" | null>(null);
  const [removing, setRemoving] = useState<MembershipRow | null>(null);
  const remove = useMutation(trpc.profile.deleteMembership.mutationOptions({ onSuccess: () => setRemoving(null), onSettled: () => void queryClient.invalidateQueries() }));
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4">
              {t("composition.title")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("composition.intro")}
            </Text>
          </div>
          {profile.canManage && (
            <Button size="xs" onClick={() => setEditing("new")}>
              {t("composition.add")}
            </Button>
          )}
        </Group>
        <Text size="sm" fw={600}>
          {t("composition.seatsAt", { date: profile.at })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} data-testid="seats">
          {profile.seats.map(({ seat, holder }) => {
            const [position, sub] = seat.split(":") as [Position, SubTaskForceCode | undefined];
            return (
              <div key={seat}>
                <Text size="xs" c="dimmed">
                  {seatLabel(t, position, sub ?? null)}
                </Text>
                <Text size="sm" c={holder ? undefined : "dimmed"}>
                  {holder ? `${holder.office}, ${holder.agency}${holder.personName ? ` (${holder.personName})` : ""}` : t("composition.vacant")}
                </Text>
              </div>
            );
          })}
        </SimpleGrid>
        <Text size="sm" fw={600} mt="xs">
          {t("composition.history")}
        </Text>
        {profile.memberships.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t("composition.none")}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table data-testid="memberships-table" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("composition.position")}</Table.Th>
                  <Table.Th>{t("composition.office")}</Table.Th>
                  <Table.Th>{t("composition.stakeholderType")}</Table.Th>
                  <Table.Th>{t("composition.personName")}</Table.Th>
                  <Table.Th>{t("composition.validFrom")}</Table.Th>
                  {profile.canManage && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {profile.memberships.map((m) => (
                  <Table.Tr key={m.id} c={m.current ? undefined : "dimmed"}>
                    <Table.Td>
                      <Text size="sm">{seatLabel(t, m.position, m.subTaskForce)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{m.office}</Text>
                      <Text size="xs" c="dimmed">
                        {m.agency}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t(`stakeholder.${m.stakeholderType}`)}</Table.Td>
                    <Table.Td>{m.personName ?? "—"}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{t("composition.until", { from: m.validFrom, to: m.validTo ?? t("composition.open") })}</Text>
                        {m.current && (
                          <Badge size="xs" variant="light" color="green">
                            {t("composition.current")}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    {profile.canManage && (
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(m)}>
                          {t("composition.edit")}
                        </Button>
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(m)}>
                          {t("composition.remove")}
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
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === "new" ? t("composition.add") : t("composition.edit")} closeButtonProps={{ "aria-label": t("accounts.cancel") }}>
        {editing !== null && <MembershipForm taskForceId={taskForceId} editing={editing === "new" ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        title={t("composition.remove")}
        text={removing ? t("composition.confirmRemove", { office: removing.office }) : ""}
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
