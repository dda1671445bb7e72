import type { RouterOutputs } from "@gugus/api";
import { PeriodAdoptionSchema, PeriodCoordinatorsSchema, PeriodSettingsSchema, REPORTING_CYCLES } from "@gugus/domain/ran";
import { SUB_TASK_FORCES } from "@gugus/domain/sub-task-forces";
import { ConfirmModal, NumberField, SectionCard, errorMessage, readNumberField, useDomainForm, useTRPC } from "@gugus/ui";
import { Alert, Button, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { AdoptionPanel } from "./AdoptionPanel.tsx";
import type { PeriodDetail } from "./PeriodPage.tsx";
import { invalidatePeriod } from "./queries.ts";
import { FIELD_OF_PERIOD_RULE, checkPeriodSpan } from "./rules.ts";

type Periods = RouterOutputs["ran"]["periods"]["periods"];

/** Years and reporting settings, checked as the user types with the rules the server holds. */
function YearsForm({ detail, periods, canManage }: { detail: PeriodDetail; periods: Periods; canManage: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const p = detail.period;
  const [saved, setSaved] = useState(false);
  // An adopted period's years change only by correcting its adoption (the server refuses them here).
  const yearsLocked = !canManage || p.status === "adopted";
  const { form, onSubmit, showOnField, isOnField, markSaved } = useDomainForm({
    initialValues: { firstYear: String(p.firstYear), lastYear: String(p.lastYear), reportingCycle: p.reportingCycle, dueDays: String(p.dueDays), expiryDays: String(p.expiryDays) },
    schema: PeriodSettingsSchema,
    toInput: (v) => ({ firstYear: readNumberField(v.firstYear), lastYear: readNumberField(v.lastYear), reportingCycle: v.reportingCycle, dueDays: readNumberField(v.dueDays), expiryDays: readNumberField(v.expiryDays) }),
    check: (settings) =>
      checkPeriodSpan(
        periods.filter((o) => o.number !== p.number),
        { number: p.number, firstYear: settings.firstYear, lastYear: settings.lastYear },
        detail.targetYears,
      ),
    fieldOfRule: FIELD_OF_PERIOD_RULE,
    fallbackField: "firstYear",
    live: "all",
  });
  const update = useMutation(
    trpc.ran.updatePeriod.mutationOptions({
      onSuccess: () => {
        markSaved();
        setSaved(true);
      },
      onError: showOnField,
      onSettled: () => void invalidatePeriod(queryClient, trpc, p.number),
    }),
  );
  return (
    <SectionCard title={t("admin.period.settings.yearsTitle")} intro={t("admin.period.settings.yearsIntro", { years: detail.targetYears.length > 0 ? detail.targetYears.join(", ") : t("admin.period.settings.noTargetYears") })}>
      <form
        noValidate
        onSubmit={onSubmit((settings) => {
          setSaved(false);
          update.mutate({ number: p.number, version: p.version, ...settings });
        })}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberField label={t("admin.periods.create.firstYear")} disabled={yearsLocked} {...form.getInputProps("firstYear")} />
            <NumberField label={t("admin.periods.create.lastYear")} disabled={yearsLocked} {...form.getInputProps("lastYear")} />
          </SimpleGrid>
          {canManage && p.status === "adopted" && (
            <Text size="sm" c="dimmed">
              {t("admin.period.settings.yearsAdopted")}
            </Text>
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t("admin.period.settings.reportingCycle")}
            </Text>
            <SegmentedControl disabled={!canManage} data={REPORTING_CYCLES.map((c) => ({ value: c, label: t(`admin.reportingCycle.${c}`) }))} {...form.getInputProps("reportingCycle")} />
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberField label={t("admin.period.settings.dueDays")} disabled={!canManage} {...form.getInputProps("dueDays")} />
            <NumberField label={t("admin.period.settings.expiryDays")} disabled={!canManage} {...form.getInputProps("expiryDays")} />
          </SimpleGrid>
          {update.isError && !isOnField(update.error) && (
            <Alert color="red" role="alert">
              {errorMessage(t, update.error)}
            </Alert>
          )}
          {saved && (
            <Alert color="green" role="status">
              {t("admin.period.settings.saved")}
            </Alert>
          )}
          {canManage && (
            <Group>
              <Button type="submit" loading={update.isPending}>
                {t("admin.period.settings.save")}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </SectionCard>
  );
}

/** Adopting a draft: the instrument and its date. */
function AdoptForm({ detail, canManage }: { detail: PeriodDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const p = detail.period;
  const { form, onSubmit, showOnField, isOnField, markSaved } = useDomainForm({ initialValues: { instrument: "", adoptedOn: "" }, schema: PeriodAdoptionSchema, fieldOfRule: { ADOPTION_TOO_EARLY: "adoptedOn", ADOPTION_AFTER_PERIOD: "adoptedOn", DATE_IN_FUTURE: "adoptedOn" } });
  const adopt = useMutation(
    trpc.ran.adoptPeriod.mutationOptions({
      onSuccess: markSaved,
      onError: showOnField,
      onSettled: () => void invalidatePeriod(queryClient, trpc, p.number),
    }),
  );
  return (
    <SectionCard title={t("admin.period.settings.adoptTitle")} intro={t("admin.period.settings.adoptIntro")}>
      {p.status === "adopted" ? (
        <Text data-testid="adopted-by">
          {p.adoptedOn === null
            ? t("admin.period.settings.adoptedByUndated", { instrument: p.instrument ?? "—" })
            : t("admin.period.settings.adoptedBy", { instrument: p.instrument ?? "—", date: p.adoptedOn })}
        </Text>
      ) : canManage ? (
        <form noValidate onSubmit={onSubmit((adoption) => adopt.mutate({ number: p.number, version: p.version, ...adoption }))}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t("admin.period.settings.instrument")} placeholder={t("admin.period.settings.instrumentPlaceholder")} required {...form.getInputProps("instrument")} />
              <TextInput label={t("admin.period.settings.adoptedOn")} type="date" required {...form.getInputProps("adoptedOn")} />
            </SimpleGrid>
            {adopt.isError && !isOnField(adopt.error) && (
              <Alert color="red" role="alert">
                {errorMessage(t, adopt.error)}
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={adopt.isPending}>
                {t("admin.period.settings.adopt")}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text>{t("period.draft")}</Text>
      )}
    </SectionCard>
  );
}

/** The coordinators a form's values name, in the order of the sub-task-forces (left empty: none). */
function coordinatorsOf(values: Record<string, string>) {
  return SUB_TASK_FORCES.filter((s) => (values[s.code] ?? "").trim() !== "").map((s) => ({ subTaskForce: s.code, agency: values[s.code] ?? "" }));
}

/** The agency coordinating each sub-task-force during the period. */
function CoordinatorsForm({ detail, canManage }: { detail: PeriodDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const initial: Record<string, string> = Object.fromEntries(SUB_TASK_FORCES.map((s) => [s.code, detail.coordinators.find((c) => c.subTaskForce === s.code)?.agency ?? ""]));
  const { form, onSubmit, showOnField, isOnField, markSaved } = useDomainForm({
    initialValues: initial,
    schema: PeriodCoordinatorsSchema,
    toInput: coordinatorsOf,
    // "2.agency" is the third coordinator named, whichever sub-task-force that is.
    fieldOfPath: (path, values) => coordinatorsOf(values)[Number(path.split(".")[0])]?.subTaskForce ?? path,
  });
  const save = useMutation(
    trpc.ran.setCoordinators.mutationOptions({
      onSuccess: () => {
        markSaved();
        setSaved(true);
      },
      onError: showOnField,
      onSettled: () => void invalidatePeriod(queryClient, trpc, detail.period.number),
    }),
  );
  return (
    <SectionCard title={t("admin.period.settings.coordinatorsTitle")} intro={t("admin.period.settings.coordinatorsIntro")}>
      <form
        noValidate
        onSubmit={onSubmit((coordinators) => {
          setSaved(false);
          save.mutate({ number: detail.period.number, version: detail.period.version, coordinators });
        })}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {SUB_TASK_FORCES.map((s) => (
              <TextInput key={s.code} label={`${s.numeral}. ${t(`subTaskForce.${s.code}`)}`} disabled={!canManage} {...form.getInputProps(s.code)} />
            ))}
          </SimpleGrid>
          {save.isError && !isOnField(save.error) && (
            <Alert color="red" role="alert">
              {errorMessage(t, save.error)}
            </Alert>
          )}
          {saved && (
            <Alert color="green" role="status">
              {t("admin.period.settings.coordinatorsSaved")}
            </Alert>
          )}
          {canManage && (
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t("admin.period.settings.saveCoordinators")}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </SectionCard>
  );
}

/** Deleting a draft made by mistake (only without action items). */
function DeleteDraft({ detail }: { detail: PeriodDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [asking, setAsking] = useState(false);
  const p = detail.period;
  const remove = useMutation(
    trpc.ran.deletePeriod.mutationOptions({
      onSuccess: () => {
        queryClient.removeQueries({ queryKey: trpc.ran.period.queryKey({ number: p.number }) });
        void queryClient.invalidateQueries({ queryKey: trpc.ran.periods.queryKey() });
        navigate("/periods");
      },
    }),
  );
  return (
    <SectionCard title={t("admin.period.settings.deleteTitle")} intro={t("admin.period.settings.deleteIntro")}>
      <Group>
        <Button color="red" variant="light" onClick={() => setAsking(true)}>
          {t("admin.period.settings.delete", { numeral: p.numeral })}
        </Button>
      </Group>
      <ConfirmModal
        opened={asking}
        title={t("admin.period.settings.deleteConfirm", { numeral: p.numeral, first: p.firstYear, last: p.lastYear })}
        text={t("admin.period.settings.deleteIntro")}
        onCancel={() => {
          setAsking(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate({ number: p.number, version: p.version })}
        pending={remove.isPending}
        error={remove.error}
      />
    </SectionCard>
  );
}

/** A period's settings: years and reporting, adoption, coordinators, and deleting a mistaken draft. */
export function SettingsTab({ detail, periods, canManage }: { detail: PeriodDetail; periods: Periods; canManage: boolean }) {
  return (
    <Stack gap="md">
      <YearsForm detail={detail} periods={periods} canManage={canManage} />
      <AdoptForm detail={detail} canManage={canManage} />
      <AdoptionPanel detail={detail} periods={periods} canManage={canManage} />
      <CoordinatorsForm detail={detail} canManage={canManage} />
      {canManage && detail.period.status === "draft" && detail.items.length === 0 && <DeleteDraft detail={detail} />}
    </Stack>
  );
}
