import { MembershipSchema, POSITIONS, STAKEHOLDER_TYPES } from "@gugus/domain/formation";
import type { Position } from "@gugus/domain/formation";
import { SUB_TASK_FORCE_CODES } from "@gugus/domain/sub-task-forces";
import type { SubTaskForceCode } from "@gugus/domain/sub-task-forces";
import { Badge, Group, Select, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { DataTable } from "../components/DataTable.tsx";
import { useDomainForm } from "../forms/useDomainForm.ts";
import { invalidateComposition } from "../queries.ts";
import { useTRPC } from "../trpc.tsx";
import type { Profile } from "./FormationPanel.tsx";
import { RecordFormFooter, RecordPanel, RowActions } from "./RecordPanel.tsx";

type MembershipRow = Profile["memberships"][number];
const EMPTY = { position: "", subTaskForce: "", office: "", agency: "", stakeholderType: "", personName: "", validFrom: "", validTo: "" };

/** Server answers that belong to the "from" date: the seat is taken then, or that day has not come. */
const FIELD_OF: Record<string, keyof typeof EMPTY> = { SEAT_OVERLAP: "validFrom", DATE_IN_FUTURE: "validFrom" };

/** "Ketua Harian", "Koordinator Sub Gugus Tugas: Penegakan Hukum". */
function seatLabel(t: TFunction, position: Position, subTaskForce: SubTaskForceCode | null): string {
  return subTaskForce ? `${t(`position.${position}`)}: ${t(`subTaskForce.${subTaskForce}`)}` : t(`position.${position}`);
}

function toMembership(v: typeof EMPTY) {
  const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
  return {
    position: v.position,
    subTaskForce: v.position === "coordinator" ? orNull(v.subTaskForce) : null,
    office: v.office,
    agency: v.agency,
    stakeholderType: v.stakeholderType,
    personName: orNull(v.personName),
    validFrom: v.validFrom,
    validTo: orNull(v.validTo),
  };
}

function MembershipForm({ taskForceId, editing, onDone }: { taskForceId: number; editing: MembershipRow | null; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { form, onSubmit, showOnField, isOnField } = useDomainForm({
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
    schema: MembershipSchema,
    toInput: toMembership,
    fieldOfRule: FIELD_OF,
  });
  const onSettled = () => void invalidateComposition(queryClient, trpc, taskForceId);
  const create = useMutation(trpc.profile.createMembership.mutationOptions({ onSuccess: onDone, onSettled, onError: showOnField }));
  const update = useMutation(trpc.profile.updateMembership.mutationOptions({ onSuccess: onDone, onSettled, onError: showOnField }));
  const mutation = editing ? update : create;
  return (
    <form
      noValidate
      onSubmit={onSubmit((membership) => {
        if (editing) update.mutate({ id: editing.id, version: editing.version, membership });
        else create.mutate({ taskForceId, membership });
      })}
    >
      <Stack gap="sm">
        <Select label={t("composition.position")} required data={POSITIONS.map((p) => ({ value: p, label: t(`position.${p}`) }))} {...form.getInputProps("position")} />
        {form.values.position === "coordinator" && (
          <Select label={t("composition.subTaskForce")} required data={SUB_TASK_FORCE_CODES.map((s) => ({ value: s, label: t(`subTaskForce.${s}`) }))} {...form.getInputProps("subTaskForce")} />
        )}
        <TextInput label={t("composition.office")} description={t("composition.officeHint")} required {...form.getInputProps("office")} />
        <TextInput label={t("composition.agency")} description={t("composition.agencyHint")} required {...form.getInputProps("agency")} />
        <Select label={t("composition.stakeholderType")} required data={STAKEHOLDER_TYPES.map((s) => ({ value: s, label: t(`stakeholder.${s}`) }))} {...form.getInputProps("stakeholderType")} />
        <TextInput label={t("composition.personName")} description={t("formation.optional")} {...form.getInputProps("personName")} />
        <Group grow align="flex-start">
          <TextInput label={t("composition.validFrom")} type="date" required {...form.getInputProps("validFrom")} />
          <TextInput label={t("composition.validTo")} description={t("formation.optional")} type="date" {...form.getInputProps("validTo")} />
        </Group>
        <RecordFormFooter error={mutation.error} showAlert={mutation.isError && !isOnField(mutation.error)} pending={mutation.isPending} />
      </Stack>
    </form>
  );
}

/** Who holds which position: the single seats on the date, and the whole history with dates. */
export function CompositionPanel({ taskForceId, profile }: { taskForceId: number; profile: Profile }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.profile.deleteMembership.mutationOptions({ onSettled: () => void invalidateComposition(queryClient, trpc, taskForceId) }));
  return (
    <RecordPanel<MembershipRow>
      title={t("composition.title")}
      intro={t("composition.intro")}
      addLabel={t("composition.add")}
      editLabel={t("composition.edit")}
      removeLabel={t("composition.remove")}
      canManage={profile.canManage}
      removal={remove}
      removeQuestion={(row) => t("composition.confirmRemove", { office: row.office })}
      renderForm={(editing, done) => <MembershipForm taskForceId={taskForceId} editing={editing} onDone={done} />}
    >
      {({ edit, remove: ask }) => (
        <>
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
            <DataTable
              label={t("composition.history")}
              minWidth={720}
              testId="memberships-table"
              striped
              columns={[
                t("composition.position"),
                t("composition.office"),
                t("composition.stakeholderType"),
                t("composition.personName"),
                t("composition.validFrom"),
                ...(profile.canManage ? [{ label: t("accounts.actions"), hidden: true }] : []),
              ]}
            >
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
                      <RowActions onEdit={() => edit(m)} onRemove={() => ask(m)} editLabel={t("composition.edit")} removeLabel={t("composition.remove")} />
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
