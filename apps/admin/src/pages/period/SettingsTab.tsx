import type { RouterOutputs } from "@gugus/api";
import { YearSchema } from "@gugus/domain/dates";
import { PeriodAdoptionSchema, REPORTING_CYCLES, ReportingSettingsSchema, checkPeriods, problemDetails, yearsLeftOut } from "@gugus/domain/ran";
import { SUB_TASK_FORCES } from "@gugus/domain/sub-task-forces";
import { ConfirmModal, errorKeyOf, errorMessage, problemMessage, useLiveValidation, useTRPC } from "@gugus/ui";
import { Alert, Button, Group, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import type { PeriodDetail } from "./PeriodPage.tsx";

type Periods = RouterOutputs["ran"]["periods"]["periods"];

function Section({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

const FIELD_OF_RULE: Record<string, string> = { PERIOD_OVERLAP: "firstYear", PERIOD_NUMBER_ORDER: "firstYear", PERIOD_NUMBER_SKIPPED: "firstYear", PERIOD_YEARS_INVERTED: "lastYear", PERIOD_SHRINKS_PAST_TARGETS: "firstYear" };

/** Years and reporting settings, checked as the user types with the rules the server holds. */
function YearsForm({ detail, periods, canManage }: { detail: PeriodDetail; periods: Periods; canManage: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const p = detail.period;
  const [saved, setSaved] = useState(false);
  const form = useForm({
    mode: "controlled",
    initialValues: { firstYear: p.firstYear as number | string, lastYear: p.lastYear as number | string, reportingCycle: p.reportingCycle, dueDays: p.dueDays as number | string, expiryDays: p.expiryDays as number | string },
    validate: (values) => {
      const errors: Record<string, string> = {};
      for (const field of ["firstYear", "lastYear"] as const) {
        const year = YearSchema.safeParse(values[field]);
        if (!year.success) errors[field] = problemMessage(t, year.error.issues[0]?.message ?? "YEAR_INVALID");
      }
      const settings = ReportingSettingsSchema.safeParse({ reportingCycle: values.reportingCycle, dueDays: values.dueDays, expiryDays: values.expiryDays });
      if (!settings.success) for (const i of settings.error.issues) errors[String(i.path[0])] = problemMessage(t, i.message);
      if (Object.keys(errors).length > 0) return errors;
      const span = { number: p.number, firstYear: Number(values.firstYear), lastYear: Number(values.lastYear) };
      if (span.firstYear > span.lastYear) return { lastYear: problemMessage(t, "PERIOD_YEARS_INVERTED") };
      const [problem] = checkPeriods([...periods.filter((o) => o.number !== p.number), span]).problems;
      if (problem) {
        return { [FIELD_OF_RULE[problem.code] ?? "firstYear"]: problemMessage(t, problem.code, problemDetails(problem)) };
      }
      const left = yearsLeftOut(span, detail.targetYears);
      if (left.length > 0) return { firstYear: problemMessage(t, "PERIOD_SHRINKS_PAST_TARGETS", { years: left.join(", ") }) };
      return {};
    },
  });
  useLiveValidation(form);
  const update = useMutation(
    trpc.ran.updatePeriod.mutationOptions({
      onSuccess: () => setSaved(true),
      onError: (error) => {
        const field = FIELD_OF_RULE[errorKeyOf(error)];
        if (field) form.setFieldError(field, errorMessage(t, error));
      },
      onSettled: () => void queryClient.invalidateQueries(trpc.ran.pathFilter()),
    }),
  );
  return (
    <Section title={t("admin.period.settings.yearsTitle")} intro={t("admin.period.settings.yearsIntro", { years: detail.targetYears.length > 0 ? detail.targetYears.join(", ") : t("admin.period.settings.noTargetYears") })}>
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setSaved(false);
          update.mutate({
            number: p.number,
            version: p.version,
            firstYear: Number(v.firstYear),
            lastYear: Number(v.lastYear),
            ...ReportingSettingsSchema.parse({ reportingCycle: v.reportingCycle, dueDays: v.dueDays, expiryDays: v.expiryDays }),
          });
        })}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput label={t("admin.periods.create.firstYear")} allowDecimal={false} allowNegative={false} disabled={!canManage} {...form.getInputProps("firstYear")} />
            <NumberInput label={t("admin.periods.create.lastYear")} allowDecimal={false} allowNegative={false} disabled={!canManage} {...form.getInputProps("lastYear")} />
          </SimpleGrid>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t("admin.period.settings.reportingCycle")}
            </Text>
            <SegmentedControl disabled={!canManage} data={REPORTING_CYCLES.map((c) => ({ value: c, label: t(`admin.reportingCycle.${c}`) }))} {...form.getInputProps("reportingCycle")} />
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput label={t("admin.period.settings.dueDays")} allowDecimal={false} allowNegative={false} disabled={!canManage} {...form.getInputProps("dueDays")} />
            <NumberInput label={t("admin.period.settings.expiryDays")} allowDecimal={false} allowNegative={false} disabled={!canManage} {...form.getInputProps("expiryDays")} />
          </SimpleGrid>
          {update.isError && !FIELD_OF_RULE[errorKeyOf(update.error)] && (
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
    </Section>
  );
}

/** Adopting a draft: the instrument and its date. */
function AdoptForm({ detail, canManage }: { detail: PeriodDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const p = detail.period;
  const form = useForm({
    mode: "controlled",
    initialValues: { instrument: "", adoptedOn: "" },
    validate: (values) => {
      const parsed = PeriodAdoptionSchema.safeParse(values);
      return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), problemMessage(t, i.message)]));
    },
  });
  useLiveValidation(form, ["instrument", "adoptedOn"]);
  const adopt = useMutation(trpc.ran.adoptPeriod.mutationOptions({ onSettled: () => void queryClient.invalidateQueries(trpc.ran.pathFilter()) }));
  return (
    <Section title={t("admin.period.settings.adoptTitle")} intro={t("admin.period.settings.adoptIntro")}>
      {p.status === "adopted" ? (
        <Text data-testid="adopted-by">
          {p.adoptedOn === null
            ? t("admin.period.settings.adoptedByUndated", { instrument: p.instrument ?? "—" })
            : t("admin.period.settings.adoptedBy", { instrument: p.instrument ?? "—", date: p.adoptedOn })}
        </Text>
      ) : canManage ? (
        <form noValidate onSubmit={form.onSubmit((v) => adopt.mutate({ number: p.number, version: p.version, ...PeriodAdoptionSchema.parse(v) }))}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label={t("admin.period.settings.instrument")} placeholder={t("admin.period.settings.instrumentPlaceholder")} required {...form.getInputProps("instrument")} />
              <TextInput label={t("admin.period.settings.adoptedOn")} type="date" required {...form.getInputProps("adoptedOn")} />
            </SimpleGrid>
            {adopt.isError && (
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
    </Section>
  );
}

/** The agency coordinating each sub-task-force during the period. */
function CoordinatorsForm({ detail, canManage }: { detail: PeriodDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const initial = Object.fromEntries(SUB_TASK_FORCES.map((s) => [s.code, detail.coordinators.find((c) => c.subTaskForce === s.code)?.agency ?? ""]));
  const form = useForm({
    mode: "controlled",
    initialValues: initial,
    validateInputOnChange: true,
    validate: (values) => Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== "" && (v.trim().length < 2 || v.trim().length > 160)).map(([k]) => [k, problemMessage(t, "AGENCY_INVALID")])),
  });
  const save = useMutation(trpc.ran.setCoordinators.mutationOptions({ onSuccess: () => setSaved(true), onSettled: () => void queryClient.invalidateQueries(trpc.ran.pathFilter()) }));
  return (
    <Section title={t("admin.period.settings.coordinatorsTitle")} intro={t("admin.period.settings.coordinatorsIntro")}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setSaved(false);
          save.mutate({
            number: detail.period.number,
            version: detail.period.version,
            coordinators: SUB_TASK_FORCES.filter((s) => (values[s.code] ?? "").trim() !== "").map((s) => ({ subTaskForce: s.code, agency: (values[s.code] ?? "").trim() })),
          });
        })}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {SUB_TASK_FORCES.map((s) => (
              <TextInput key={s.code} label={`${s.numeral}. ${t(`subTaskForce.${s.code}`)}`} disabled={!canManage} {...form.getInputProps(s.code)} />
            ))}
          </SimpleGrid>
          {save.isError && (
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
    </Section>
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
        void queryClient.invalidateQueries(trpc.ran.pathFilter());
        navigate("/periods");
      },
    }),
  );
  return (
    <Section title={t("admin.period.settings.deleteTitle")} intro={t("admin.period.settings.deleteIntro")}>
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
    </Section>
  );
}

/** A period's settings: years and reporting, adoption, coordinators, and deleting a mistaken draft. */
export function SettingsTab({ detail, periods, canManage }: { detail: PeriodDetail; periods: Periods; canManage: boolean }) {
  return (
    <Stack gap="md">
      <YearsForm detail={detail} periods={periods} canManage={canManage} />
      <AdoptForm detail={detail} canManage={canManage} />
      <CoordinatorsForm detail={detail} canManage={canManage} />
      {canManage && detail.period.status === "draft" && detail.items.length === 0 && <DeleteDraft detail={detail} />}
    </Stack>
  );
}
