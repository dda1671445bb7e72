import type { RouterOutputs } from "@gugus/api";
import { AdoptionCorrectionSchema, AdoptionWithdrawalSchema, adoptionWindow, checkAdoptionDate } from "@gugus/domain/ran";
import { FormModal, NumberField, errorMessage, readNumberField, useDomainForm, useTRPC } from "@gugus/ui";
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PeriodDetail } from "./PeriodPage.tsx";
import { invalidatePeriod } from "./queries.ts";
import { FIELD_OF_PERIOD_RULE, checkPeriodSpan } from "./rules.ts";

type Periods = RouterOutputs["ran"]["periods"]["periods"];

/** Where each refusal of a correction shows: the period rules on the years, the date rules on the date. */
const FIELD_OF_CORRECTION_RULE: Readonly<Record<string, string>> = {
  ...FIELD_OF_PERIOD_RULE,
  DATE_IN_FUTURE: "adoptedOn",
  ADOPTION_TOO_EARLY: "adoptedOn",
  ADOPTION_AFTER_PERIOD: "adoptedOn",
  ADOPTION_UNCHANGED: "reason",
  INSTRUMENT_REQUIRED: "instrument",
  REASON_INVALID: "reason",
};

type PanelProps = { detail: PeriodDetail; periods: Periods; today: string; onDone: (message: string) => void };

/** The correction form: instrument, date and years as the instrument sets them, and why. */
function CorrectForm({ detail, periods, today, onDone }: PanelProps) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const p = detail.period;
  const { form, onSubmit, showOnField, isOnField, markSaved } = useDomainForm({
    initialValues: { instrument: p.instrument ?? "", adoptedOn: p.adoptedOn ?? "", firstYear: String(p.firstYear), lastYear: String(p.lastYear), reason: "" },
    schema: AdoptionCorrectionSchema,
    toInput: (v) => ({ ...v, firstYear: readNumberField(v.firstYear), lastYear: readNumberField(v.lastYear) }),
    check: (c) => {
      const date = checkAdoptionDate(c, c.adoptedOn, today);
      if (date) return { ...date, field: "adoptedOn" };
      const span = checkPeriodSpan(
        periods.filter((o) => o.number !== p.number),
        { number: p.number, firstYear: c.firstYear, lastYear: c.lastYear },
        detail.targetYears,
      );
      if (span) return span;
      const unchanged = c.instrument === p.instrument && c.adoptedOn === p.adoptedOn && c.firstYear === p.firstYear && c.lastYear === p.lastYear;
      return unchanged ? { code: "ADOPTION_UNCHANGED", field: "reason" } : undefined;
    },
    fieldOfRule: FIELD_OF_CORRECTION_RULE,
    fallbackField: "reason",
    live: "all",
  });
  const correct = useMutation(
    trpc.ran.correctAdoption.mutationOptions({
      onSuccess: () => {
        markSaved();
        onDone(t("admin.adoption.corrected"));
      },
      onError: (error) => void showOnField(error),
      onSettled: () => void invalidatePeriod(queryClient, trpc, p.number),
    }),
  );
  const dates = adoptionWindow({ firstYear: Number(form.values.firstYear) || p.firstYear, lastYear: Number(form.values.lastYear) || p.lastYear }, today);
  return (
    <form noValidate onSubmit={onSubmit((c) => correct.mutate({ number: p.number, version: p.version, ...c }))}>
      <Stack gap="sm">
        <Text size="sm">{t("admin.adoption.correctIntro")}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t("admin.period.settings.instrument")} required {...form.getInputProps("instrument")} />
          <TextInput
            label={t("admin.period.settings.adoptedOn")}
            type="date"
            required
            description={dates.latest >= dates.earliest ? t("admin.adoption.dateWindow", dates) : undefined}
            {...form.getInputProps("adoptedOn")}
          />
          <NumberField label={t("admin.periods.create.firstYear")} required {...form.getInputProps("firstYear")} />
          <NumberField label={t("admin.periods.create.lastYear")} required {...form.getInputProps("lastYear")} />
        </SimpleGrid>
        <Textarea label={t("admin.adoption.reason")} description={t("admin.adoption.reasonHint")} required autosize minRows={2} {...form.getInputProps("reason")} />
        {correct.isError && !isOnField(correct.error) && (
          <Alert color="red" role="alert">
            {errorMessage(t, correct.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={correct.isPending}>
            {t("admin.adoption.saveCorrection")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The withdrawal form: why the adoption goes; the period becomes a draft again. */
function WithdrawForm({ detail, onDone }: Omit<PanelProps, "periods" | "today">) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const p = detail.period;
  const { form, onSubmit, showOnField, isOnField, markSaved } = useDomainForm({
    initialValues: { reason: "" },
    schema: AdoptionWithdrawalSchema,
    fieldOfRule: { REASON_INVALID: "reason" },
    fallbackField: "reason",
  });
  const withdraw = useMutation(
    trpc.ran.withdrawAdoption.mutationOptions({
      onSuccess: () => {
        markSaved();
        onDone(t("admin.adoption.withdrawn"));
      },
      onError: (error) => void showOnField(error),
      onSettled: () => void invalidatePeriod(queryClient, trpc, p.number),
    }),
  );
  return (
    <form noValidate onSubmit={onSubmit((w) => withdraw.mutate({ number: p.number, version: p.version, ...w }))}>
      <Stack gap="sm">
        <Text size="sm">{t("admin.adoption.withdrawIntro", { numeral: p.numeral, instrument: p.instrument ?? "—" })}</Text>
        <Textarea label={t("admin.adoption.reason")} description={t("admin.adoption.reasonHint")} required autosize minRows={2} {...form.getInputProps("reason")} />
        {withdraw.isError && !isOnField(withdraw.error) && (
          <Alert color="red" role="alert">
            {errorMessage(t, withdraw.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={withdraw.isPending}>
            {t("admin.adoption.confirmWithdraw")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Correcting or withdrawing an adopted period's adoption (central admins): each in a dialog that asks
 * before throwing typed input away (Escape, overlay, close button, leaving the page), checked as the user types with the domain's rules, with a reason
 * the audit log keeps. An adopted period's years change only here.
 */
export function AdoptionPanel({ detail, periods, canManage }: { detail: PeriodDetail; periods: Periods; canManage: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // The server's today (Jakarta), the one the server checks adoption dates against.
  const today = useQuery(trpc.ran.periods.queryOptions()).data?.today;
  const [open, setOpen] = useState<"correct" | "withdraw" | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const p = detail.period;
  if (!canManage || p.status !== "adopted" || today === undefined) return null;
  const close = () => setOpen(null);
  const finish = (message: string) => {
    setDone(message);
    setOpen(null);
  };
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            {t("admin.adoption.title")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("admin.adoption.intro")}
          </Text>
        </div>
        {done && (
          <Alert color="green" role="status">
            {done}
          </Alert>
        )}
        <Group>
          <Button
            variant="light"
            onClick={() => {
              setDone(null);
              setOpen("correct");
            }}
          >
            {t("admin.adoption.correct")}
          </Button>
          <Button
            variant="light"
            color="red"
            onClick={() => {
              setDone(null);
              setOpen("withdraw");
            }}
          >
            {t("admin.adoption.withdraw")}
          </Button>
        </Group>
      </Stack>
      <FormModal opened={open === "correct"} onClose={close} title={t("admin.adoption.correctTitle", { numeral: p.numeral })} size="lg">
        <CorrectForm detail={detail} periods={periods} today={today} onDone={finish} />
      </FormModal>
      <FormModal opened={open === "withdraw"} onClose={close} title={t("admin.adoption.withdrawTitle", { numeral: p.numeral })}>
        <WithdrawForm detail={detail} onDone={finish} />
      </FormModal>
    </Paper>
  );
}
