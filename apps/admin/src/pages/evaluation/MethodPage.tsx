/**
 * The evaluation method of each RAN period: its settings (the parts' weights with their live sum,
 * the achievement cap, the missing-inputs threshold, the commitment scales, the sensitivity run),
 * editable by an admin who manages the RAN while no year of the period is published; and the
 * period's years, each ended one publishable once, which freezes the period's settings.
 */
import { hasCapability } from "@gugus/domain/accounts";
import { EVALUATION_PARTS, EvaluationSettingsSchema, WEIGHT_SUM_TOLERANCE } from "@gugus/domain/evaluation";
import type { EvaluationSettings } from "@gugus/domain/evaluation";
import { ConfirmModal, DataTable, NumberField, QueryState, SectionCard, errorKeyOf, errorMessage, readDecimalField, readNumberField, partLabel, useDomainForm, useTRPC, writeDecimalField } from "@gugus/ui";
import type { Me } from "@gugus/ui";
import { Alert, Badge, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SettingsView, YearEntry } from "./api.ts";
import { EvaluationTabs, useEvaluationFormats } from "./shared.tsx";

type Separator = "," | ".";
type Values = {
  weights: Record<(typeof EVALUATION_PARTS)[number], string>;
  achievementCap: string;
  missingThreshold: string;
  fullBudgetShare: string;
  fullMeetings: string;
  sensitivity: { spread: string; draws: string; seed: string };
};

function valuesOf(s: EvaluationSettings, sep: Separator): Values {
  const d = (v: number) => writeDecimalField(v, sep);
  return {
    weights: { readiness: d(s.weights.readiness), commitment: d(s.weights.commitment), delivery: d(s.weights.delivery), discipline: d(s.weights.discipline) },
    achievementCap: d(s.achievementCap),
    missingThreshold: d(s.missingThreshold),
    fullBudgetShare: d(s.fullBudgetShare),
    fullMeetings: String(s.fullMeetings),
    sensitivity: { spread: d(s.sensitivity.spread), draws: String(s.sensitivity.draws), seed: String(s.sensitivity.seed) },
  };
}

function inputOf(v: Values, sep: Separator): unknown {
  const d = (text: string) => readDecimalField(text, sep);
  return {
    weights: { readiness: d(v.weights.readiness), commitment: d(v.weights.commitment), delivery: d(v.weights.delivery), discipline: d(v.weights.discipline) },
    achievementCap: d(v.achievementCap),
    missingThreshold: d(v.missingThreshold),
    fullBudgetShare: d(v.fullBudgetShare),
    fullMeetings: readNumberField(v.fullMeetings),
    sensitivity: { spread: d(v.sensitivity.spread), draws: readNumberField(v.sensitivity.draws), seed: readNumberField(v.sensitivity.seed) },
  };
}

/** The settings form of one period; a fresh one for each version read. */
function SettingsForm({ view, editable, onSaved }: { view: SettingsView; editable: boolean; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const f = useEvaluationFormats();
  const sep: Separator = i18n.language === "en" ? "." : ",";
  const { form, onSubmit, showOnField, isOnField, markSaved } = useDomainForm({
    initialValues: valuesOf(view.settings, sep),
    schema: EvaluationSettingsSchema,
    toInput: (v) => inputOf(v, sep),
    fieldOfPath: (path, values) => {
      const parts = path.split(".");
      while (parts.length > 0) {
        const candidate = parts.join(".");
        let node: unknown = values;
        for (const segment of parts) node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
        if (typeof node === "string" || candidate === "weights") return candidate;
        parts.pop();
      }
      return "weights";
    },
    live: "all",
  });
  const save = useMutation(
    trpc.evaluation.updateSettings.mutationOptions({
      onSuccess: () => {
        markSaved();
        onSaved();
        void queryClient.invalidateQueries(trpc.evaluation.pathFilter());
      },
      // A refusal keeps the typed values and says why; a stale version offers to read the settings again.
      onError: (error) => void showOnField(error),
    }),
  );
  const reload = () => void queryClient.invalidateQueries(trpc.evaluation.settings.queryFilter({ periodId: view.periodId }));
  const weights = EVALUATION_PARTS.map((p) => readDecimalField(form.values.weights[p], sep));
  const numbers = weights.filter((w): w is number => typeof w === "number");
  const sum = numbers.length === weights.length ? numbers.reduce((s, w) => s + w, 0) : null;
  const sumOk = sum !== null && Math.abs(sum - 1) <= WEIGHT_SUM_TOLERANCE;
  const sumText = sum === null ? "—" : f.weight(sum);
  const weightsError = form.errors.weights;
  const decimal = (path: string, label: string, description?: string) => (
    <TextInput inputMode="decimal" autoComplete="off" label={label} description={description} required disabled={!editable} {...form.getInputProps(path)} />
  );
  return (
    <form noValidate onSubmit={onSubmit((settings) => save.mutate({ periodId: view.periodId, version: view.version, settings }))} data-testid="evaluation-settings-form">
      <Stack gap="md">
        <SectionCard title={t("admin.evaluation.method.weights")} intro={t("admin.evaluation.method.weightsIntro")}>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            {EVALUATION_PARTS.map((p) => (
              <div key={p}>{decimal(`weights.${p}`, partLabel(t, p))}</div>
            ))}
          </SimpleGrid>
          <Text size="sm" fw={600} c={sumOk ? "teal.9" : "red.8"} aria-live="polite" data-testid="weight-sum" data-ok={sumOk ? "true" : "false"}>
            {sumOk ? t("admin.evaluation.method.weightSum", { sum: sumText }) : t("admin.evaluation.method.weightSumBad", { sum: sumText })}
          </Text>
          {sumOk && weightsError !== undefined && (
            <Text size="sm" c="red.8">
              {weightsError}
            </Text>
          )}
        </SectionCard>
        <SectionCard title={t("admin.evaluation.method.thresholds")} intro={t("admin.evaluation.method.thresholdsIntro")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {decimal("achievementCap", t("admin.evaluation.method.achievementCap"), t("admin.evaluation.method.achievementCapHint"))}
            {decimal("missingThreshold", t("admin.evaluation.method.missingThreshold"), t("admin.evaluation.method.missingThresholdHint"))}
            {decimal("fullBudgetShare", t("admin.evaluation.method.fullBudgetShare"), t("admin.evaluation.method.fullBudgetShareHint"))}
            <NumberField label={t("admin.evaluation.method.fullMeetings")} description={t("admin.evaluation.method.fullMeetingsHint")} required disabled={!editable} {...form.getInputProps("fullMeetings")} />
          </SimpleGrid>
        </SectionCard>
        <SectionCard title={t("admin.evaluation.method.sensitivity")} intro={t("admin.evaluation.method.sensitivityIntro")}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {decimal("sensitivity.spread", t("admin.evaluation.method.spread"))}
            <NumberField label={t("admin.evaluation.method.draws")} required disabled={!editable} {...form.getInputProps("sensitivity.draws")} />
            <NumberField label={t("admin.evaluation.method.seed")} required disabled={!editable} {...form.getInputProps("sensitivity.seed")} />
          </SimpleGrid>
        </SectionCard>
        {save.isError && !isOnField(save.error) && (
          <Alert color="red" role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{errorMessage(t, save.error)}</Text>
              {errorKeyOf(save.error) === "STALE_VERSION" && (
                <Button size="xs" variant="light" color="red" onClick={reload}>
                  {t("admin.evaluation.method.reload")}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {editable && (
          <Group justify="flex-end">
            <Button variant="default" onClick={() => form.setValues(valuesOf(view.settings, sep))}>
              {t("admin.evaluation.method.reset")}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="evaluation-settings-save">
              {t("admin.evaluation.method.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** The period's years: ended or not, published or not, and the publish step with its confirmation. */
function Years({ years, periodNumber, mayManage, onPublished }: { years: YearEntry[]; periodNumber: number; mayManage: boolean; onPublished: (year: number) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<number | null>(null);
  const publish = useMutation(
    trpc.evaluation.publish.mutationOptions({
      onSuccess: (answer) => {
        setAsking(null);
        onPublished(answer.year);
      },
      onSettled: () => void queryClient.invalidateQueries(trpc.evaluation.pathFilter()),
    }),
  );
  return (
    <SectionCard title={t("admin.evaluation.method.years")} intro={t("admin.evaluation.method.yearsIntro")}>
      <DataTable label={t("admin.evaluation.method.years")} columns={[t("admin.evaluation.method.columns.year"), t("admin.evaluation.method.columns.state"), t("admin.evaluation.method.columns.action")]} minWidth={460} testId="evaluation-years">
        {[...years]
          .sort((a, b) => a.year - b.year)
          .map((y) => (
            <Table.Tr key={y.year} data-year={y.year}>
              <Table.Td>{y.year}</Table.Td>
              <Table.Td>
                {y.publishedAt !== null ? (
                  <Badge color="teal" variant="light" c="teal.9">
                    {t("admin.evaluation.method.yearPublished", { date: y.publishedAt.slice(0, 10) })}
                  </Badge>
                ) : y.ended ? (
                  <Badge color="yellow" variant="light" c="yellow.9">
                    {t("admin.evaluation.method.yearEnded")}
                  </Badge>
                ) : (
                  <Badge color="gray" variant="outline" c="gray.8">
                    {t("admin.evaluation.method.yearOpen")}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {mayManage && y.ended && y.publishedAt === null ? (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => {
                      publish.reset();
                      setAsking(y.year);
                    }}
                    data-testid={`publish-${y.year}`}
                  >
                    {t("admin.evaluation.method.publish", { year: y.year })}
                  </Button>
                ) : (
                  <Text span size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
      </DataTable>
      <ConfirmModal
        opened={asking !== null}
        title={t("admin.evaluation.method.publishTitle", { year: asking ?? "" })}
        text={t("admin.evaluation.method.publishText", { year: asking ?? "", period: periodNumber })}
        onCancel={() => setAsking(null)}
        onConfirm={() => asking !== null && publish.mutate({ year: asking })}
        pending={publish.isPending}
        error={publish.error}
      />
    </SectionCard>
  );
}

function Method({ years, me }: { years: YearEntry[]; me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const periods = [...new Map(years.map((y) => [y.periodId, y.periodNumber])).entries()].sort((a, b) => b[1] - a[1]);
  const latestEnded = [...years].filter((y) => y.ended).sort((a, b) => b.year - a.year)[0];
  const [periodId, setPeriodId] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const chosen = periodId ?? latestEnded?.periodId ?? periods[0]?.[0] ?? null;
  const settings = useQuery({ ...trpc.evaluation.settings.queryOptions({ periodId: chosen ?? 0 }), enabled: chosen !== null });
  const mayManage = hasCapability(me.role, "ran.manage");
  if (chosen === null) return <Text c="dimmed">{t("admin.evaluation.noYears")}</Text>;
  return (
    <Stack gap="md">
      <Select
        label={t("admin.evaluation.method.period")}
        data={periods.map(([id, number]) => ({ value: String(id), label: t("admin.evaluation.method.periodOption", { period: number }) }))}
        value={String(chosen)}
        onChange={(v) => {
          if (!v) return;
          setPeriodId(Number(v));
          setNotice(null);
        }}
        allowDeselect={false}
        w={240}
        data-testid="evaluation-period"
      />
      {notice !== null && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setNotice(null)} closeButtonLabel={t("accounts.cancel")}>
          {notice}
        </Alert>
      )}
      <QueryState query={settings}>
        {(view) => (
          <Stack gap="md">
            <Group gap="sm">
              {view.frozen ? (
                <Text size="sm" fw={700} c="gray.9" data-testid="settings-state" data-frozen="true">
                  {t("admin.evaluation.method.frozen", { years: view.publishedYears.join(", ") })}
                </Text>
              ) : (
                <Text size="sm" fw={700} c="teal.9" data-testid="settings-state" data-frozen="false">
                  {t("admin.evaluation.method.editable")}
                </Text>
              )}
              {view.version === null && (
                <Text size="sm" c="dimmed">
                  {t("admin.evaluation.method.defaults")}
                </Text>
              )}
            </Group>
            {!mayManage && (
              <Text size="sm" c="dimmed">
                {t("admin.evaluation.method.readOnly")}
              </Text>
            )}
            <SettingsForm key={`${view.periodId}-${view.version ?? "default"}-${String(view.frozen)}`} view={view} editable={mayManage && !view.frozen} onSaved={() => setNotice(t("admin.evaluation.method.saved"))} />
            <Years years={years.filter((y) => y.periodId === view.periodId)} periodNumber={view.periodNumber} mayManage={mayManage} onPublished={(year) => setNotice(t("admin.evaluation.method.publishedNotice", { year }))} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

export function MethodPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const years = useQuery(trpc.evaluation.years.queryOptions({}));
  return (
    <Stack gap="md">
      <EvaluationTabs />
      <div>
        <Title order={1} size="h2">
          {t("admin.evaluation.method.title")}
        </Title>
        <Text c="dimmed" size="sm" maw={800}>
          {t("admin.evaluation.method.intro")}
        </Text>
      </div>
      <QueryState query={years}>{(y) => <Method years={y.years} me={me} />}</QueryState>
    </Stack>
  );
}
