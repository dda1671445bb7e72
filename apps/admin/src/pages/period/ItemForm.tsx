import { LEVELS } from "@gugus/domain/hierarchy";
import { ActionItemSchema, TARGET_MODES, UNIT_CODES, checkActionItem, mayFollow, periodYears, targetToDate } from "@gugus/domain/ran";
import type { ActionItem } from "@gugus/domain/ran";
import { SUB_TASK_FORCES } from "@gugus/domain/sub-task-forces";
import { NumberField, errorMessage, readDecimalField, useDomainForm, useNumberFormat, useTRPC, writeDecimalField } from "@gugus/ui";
import { Alert, Button, Group, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { PeriodDetail } from "./PeriodPage.tsx";
import { invalidatePeriodItems } from "./queries.ts";

type Item = PeriodDetail["items"][number];
type Values = {
  subTaskForce: string;
  code: string;
  programme: string;
  activity: string;
  indicator: string;
  unit: string;
  /** As typed, in the language's decimal form ("1,5"); "" for none. */
  baseline: string;
  targetMode: string;
  /** One entry per year of the period, keyed `y2030`, as typed; "" for no target. */
  targets: Record<string, string>;
  leadAgency: string;
  relatedAgencies: string[];
  level: string;
  followsItemId: string | null;
};
type Separator = "," | ".";

const yearKey = (year: number) => `y${year}`;

function initialValues(years: number[], editing: Item | null, subTaskForce: string, separator: Separator): Values {
  const targets = Object.fromEntries(years.map((y) => [yearKey(y), writeDecimalField(editing?.targets.find((t) => t.year === y)?.value, separator)]));
  if (!editing) {
    return { subTaskForce, code: "", programme: "", activity: "", indicator: "", unit: "count", baseline: "", targetMode: "per_year", targets, leadAgency: "", relatedAgencies: [], level: "regency", followsItemId: null };
  }
  return {
    subTaskForce: editing.subTaskForce,
    code: editing.code,
    programme: editing.programme,
    activity: editing.activity,
    indicator: editing.indicator,
    unit: editing.unit,
    baseline: writeDecimalField(editing.baseline, separator),
    targetMode: editing.targetMode,
    targets,
    leadAgency: editing.leadAgency,
    relatedAgencies: editing.relatedAgencies,
    level: editing.level,
    followsItemId: editing.followsItemId === null ? null : String(editing.followsItemId),
  };
}

/** The form's values as the item the shared schema reads (unparsed: the schema says what is wrong). */
function toItem(values: Values, years: number[], separator: Separator) {
  return {
    subTaskForce: values.subTaskForce,
    code: values.code,
    programme: values.programme,
    activity: values.activity,
    indicator: values.indicator,
    unit: values.unit,
    baseline: values.baseline.trim() === "" ? null : readDecimalField(values.baseline, separator),
    targetMode: values.targetMode,
    targets: years.filter((y) => (values.targets[yearKey(y)] ?? "").trim() !== "").map((year) => ({ year, value: readDecimalField(values.targets[yearKey(year)] ?? "", separator) })),
    leadAgency: values.leadAgency,
    relatedAgencies: values.relatedAgencies,
    level: values.level,
    followsItemId: values.followsItemId === null ? null : Number(values.followsItemId),
  };
}

/** A path the schema or the server names (`targets.1.value`, `item.code`) as the form field it belongs to. */
function fieldOf(path: string, targets: { year: number }[]): string {
  const bare = path.replace(/^item\./, "");
  const target = /^targets\.(\d+)/.exec(bare);
  if (target) {
    const year = targets[Number(target[1])]?.year;
    return year === undefined ? "targets" : `targets.${yearKey(year)}`;
  }
  return bare.split(".")[0] ?? bare;
}

/** Server errors that belong to one field. */
const FIELD_OF_CODE: Record<string, string> = { ITEM_CODE_TAKEN: "code", ITEM_FOLLOWS_INVALID: "followsItemId", ITEM_FOLLOWED_BY: "level" };

/**
 * An action item with a target for each year of its period, checked as the user types with the same
 * rules the server holds: the item's schema, then its rules against the period (targets inside the
 * period, none negative where the unit forbids it, cumulative targets never going down).
 */
export function ItemForm({ detail, editing, subTaskForce, onDone }: { detail: PeriodDetail; editing: Item | null; subTaskForce: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formatNumber = useNumberFormat();
  const separator: Separator = i18n.language === "en" ? "." : ",";
  const period = detail.period;
  const years = periodYears(period);
  const { form, onSubmit, showOnField, isOnField } = useDomainForm({
    initialValues: initialValues(years, editing, subTaskForce, separator),
    schema: ActionItemSchema,
    toInput: (v) => toItem(v, years, separator),
    check: (item, v) => checkActionItem(item, period).map((p) => ({ code: p.code, field: fieldOf(p.path, toItem(v, years, separator).targets) })),
    fieldOfPath: (path, v) => fieldOf(path, toItem(v, years, separator).targets),
    fieldOfRule: FIELD_OF_CODE,
  });
  const onSettled = () => void invalidatePeriodItems(queryClient, trpc, period.number);
  const create = useMutation(trpc.ran.createItem.mutationOptions({ onSuccess: onDone, onError: showOnField, onSettled }));
  const update = useMutation(trpc.ran.updateItem.mutationOptions({ onSuccess: onDone, onError: showOnField, onSettled }));
  const mutation = editing ? update : create;

  const values = form.getValues();
  const followable = detail.items.filter((i) => i.id !== editing?.id && mayFollow({ level: values.level as ActionItem["level"], subTaskForce: values.subTaskForce as ActionItem["subTaskForce"] }, i));
  const current = ActionItemSchema.safeParse(toItem(values, years, separator));
  const total = current.success ? targetToDate(current.data, period.lastYear) : null;

  return (
    <form
      noValidate
      onSubmit={onSubmit((item) => {
        if (editing) update.mutate({ id: editing.id, version: editing.version, item });
        else create.mutate({ number: period.number, item });
      })}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t("admin.plan.subTaskForce")}
            required
            allowDeselect={false}
            data={SUB_TASK_FORCES.map((s) => ({ value: s.code, label: `${s.numeral}. ${t(`subTaskForce.${s.code}`)}` }))}
            {...form.getInputProps("subTaskForce")}
          />
          <TextInput label={t("admin.plan.code")} required placeholder="V.1.1" {...form.getInputProps("code")} />
        </SimpleGrid>
        <TextInput label={t("admin.plan.programme")} required {...form.getInputProps("programme")} />
        <Textarea label={t("admin.plan.activity")} description={t("admin.period.form.activityHint")} required autosize minRows={2} {...form.getInputProps("activity")} />
        <TextInput label={t("admin.plan.indicator")} description={t("admin.period.form.indicatorHint")} required {...form.getInputProps("indicator")} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select label={t("admin.plan.unit")} required allowDeselect={false} data={UNIT_CODES.map((u) => ({ value: u, label: t(`unit.${u}`) }))} {...form.getInputProps("unit")} />
          <NumberField inputMode="decimal" label={t("admin.plan.baseline")} placeholder={t("admin.period.form.baselinePlaceholder")} {...form.getInputProps("baseline")} />
          <Select
            label={t("admin.plan.level")}
            required
            allowDeselect={false}
            data={LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
            {...form.getInputProps("level")}
          />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("admin.plan.targetMode")}
          </Text>
          <SegmentedControl data={TARGET_MODES.map((m) => ({ value: m, label: t(`admin.targetMode.${m}`) }))} {...form.getInputProps("targetMode")} />
          <Text size="xs" c="dimmed">
            {t(values.targetMode === "cumulative" ? "admin.targetModeHint.cumulative" : "admin.targetModeHint.per_year")}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {values.targetMode === "cumulative" ? t("admin.plan.targetsCumulative") : t("admin.plan.targets")}
          </Text>
          <Text size="xs" c="dimmed">
            {t("admin.period.form.targetsHint")}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: Math.min(years.length, 6) }} spacing="xs" data-testid="year-targets">
            {years.map((year) => (
              <NumberField key={year} inputMode="decimal" label={String(year)} aria-label={t("admin.plan.yearTarget", { year })} {...form.getInputProps(`targets.${yearKey(year)}`)} />
            ))}
          </SimpleGrid>
          {form.errors.targets && (
            <Text size="xs" c="red">
              {form.errors.targets}
            </Text>
          )}
          {/* A period total means something for counts and money; adding up percentages does not. */}
          {total !== null && (values.targetMode === "cumulative" || !values.unit.includes("percent")) && (
            <Text size="xs" c="dimmed">
              {values.targetMode === "cumulative" ? t("admin.period.form.periodFinal", { total: formatNumber(total) }) : t("admin.period.form.periodTotal", { total: formatNumber(total) })}
            </Text>
          )}
        </Stack>
        <TextInput label={t("admin.plan.leadAgency")} required {...form.getInputProps("leadAgency")} />
        <TagsInput label={t("admin.plan.relatedAgencies")} description={t("admin.period.form.relatedHint")} maxTags={20} {...form.getInputProps("relatedAgencies")} />
        <Select
          label={t("admin.plan.follows")}
          description={t("admin.period.form.followsHint")}
          placeholder={t("admin.period.form.followsNone")}
          clearable
          data={followable.map((i) => ({ value: String(i.id), label: `${i.code} · ${t(`level.${i.level}`)} · ${i.activity}` }))}
          {...form.getInputProps("followsItemId")}
        />
        {mutation.isError && !isOnField(mutation.error) && (
          <Alert color="red" role="alert">
            {errorMessage(t, mutation.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("admin.period.form.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("admin.period.form.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
