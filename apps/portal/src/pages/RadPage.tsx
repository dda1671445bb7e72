// Styles of the components only this page uses; they load with it.
import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/ScrollArea.css";
import "@mantine/core/styles/Pill.css";
import "@mantine/core/styles/PillsInput.css";
import "@mantine/core/styles/Table.css";
import type { RouterOutputs } from "@gugus/api";
import { RadItemSchema, RadPlanInstrumentSchema, TARGET_MODES, UNIT_CODES, checkActionItem } from "@gugus/domain/ran";
import {
  ApiErrorAlert,
  ConfirmModal,
  DataTable,
  FormModal,
  NumberField,
  QueryState,
  RadInstrumentLine,
  RadPlanView,
  XLSX_TYPE,
  download,
  errorMessage,
  formatIsoDate,
  readDecimalField,
  taskForceName,
  useDomainForm,
  useTRPC,
  writeDecimalField,
} from "@gugus/ui";
import { Alert, Anchor, Badge, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, TagsInput, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearch } from "wouter";

type Plan = RouterOutputs["rad"]["plan"];
type Item = Plan["items"][number];
type Followable = Plan["followable"][number];
type Separator = "," | ".";

const yearKey = (year: number) => `y${year}`;
const yearsOf = (p: { firstYear: number; lastYear: number }) => Array.from({ length: p.lastYear - p.firstYear + 1 }, (_, i) => p.firstYear + i);

/** Invalidates what shows a task force's RAD after a change. */
function useInvalidateRad(taskForceId: number) {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.rad.plan.queryKey({ taskForceId }).slice(0, 1) });
    void queryClient.invalidateQueries({ queryKey: trpc.rad.overview.queryKey() });
  };
}

type InstrumentValues = { type: string; number: string; adoptedOn: string; documentRef: string };

/** The instrument that adopted the RAD: a regional type, a number, a date not after today, an optional http(s) link. */
function InstrumentForm({ plan, onDone }: { plan: Plan; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateRad(plan.taskForce.id);
  const current = plan.plan?.instrument ?? null;
  const { form, onSubmit, showOnField, isOnField } = useDomainForm({
    initialValues: { type: current?.type ?? plan.instrumentTypes[0] ?? "", number: current?.number ?? "", adoptedOn: current?.adoptedOn ?? "", documentRef: current?.documentRef ?? "" },
    schema: RadPlanInstrumentSchema,
    toInput: (v: InstrumentValues) => ({ ...v, documentRef: v.documentRef.trim() === "" ? null : v.documentRef.trim() }),
    fieldOfRule: { INSTRUMENT_TYPE_MISMATCH: "type", DATE_IN_FUTURE: "adoptedOn", ADOPTION_TOO_EARLY: "adoptedOn", ADOPTION_AFTER_PERIOD: "adoptedOn", DOCUMENT_REF_INVALID: "documentRef" },
  });
  const save = useMutation(trpc.rad.savePlan.mutationOptions({ onSuccess: onDone, onError: showOnField, onSettled: invalidate }));
  return (
    <form noValidate onSubmit={onSubmit((instrument) => save.mutate({ taskForceId: plan.taskForce.id, version: plan.plan?.version ?? null, instrument }))}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t("rad.instrument.type")}
            required
            allowDeselect={false}
            data={plan.instrumentTypes.map((type) => ({ value: type, label: t(`instrumentType.${type}`) }))}
            {...form.getInputProps("type")}
          />
          <TextInput label={t("rad.instrument.number")} required {...form.getInputProps("number")} />
          <TextInput label={t("rad.instrument.adoptedOn")} type="date" required {...form.getInputProps("adoptedOn")} />
        </SimpleGrid>
        <TextInput label={t("rad.instrument.documentRef")} description={t("rad.instrument.documentRefHint")} placeholder="https://jdih…" {...form.getInputProps("documentRef")} />
        {save.isError && !isOnField(save.error) && (
          <Alert color="red" role="alert">
            {errorMessage(t, save.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="rad-save-instrument">
            {t("rad.instrument.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type ItemValues = {
  followsItemId: string | null;
  subTaskForce: string;
  code: string;
  programme: string;
  activity: string;
  indicator: string;
  unit: string;
  baseline: string;
  targetMode: string;
  targets: Record<string, string>;
  leadAgency: string;
  relatedAgencies: string[];
};

function initialItem(years: number[], editing: Item | null, separator: Separator): ItemValues {
  const targets = Object.fromEntries(years.map((y) => [yearKey(y), writeDecimalField(editing?.targets.find((x) => x.year === y)?.value, separator)]));
  if (!editing) return { followsItemId: null, subTaskForce: "", code: "", programme: "", activity: "", indicator: "", unit: "count", baseline: "", targetMode: "per_year", targets, leadAgency: "", relatedAgencies: [] };
  return {
    followsItemId: String(editing.followsItemId),
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
    relatedAgencies: [...editing.relatedAgencies],
  };
}

function toItem(v: ItemValues, years: number[], separator: Separator) {
  return {
    subTaskForce: v.subTaskForce,
    code: v.code,
    programme: v.programme,
    activity: v.activity,
    indicator: v.indicator,
    unit: v.unit,
    baseline: v.baseline.trim() === "" ? null : readDecimalField(v.baseline, separator),
    targetMode: v.targetMode,
    targets: years.filter((y) => (v.targets[yearKey(y)] ?? "").trim() !== "").map((year) => ({ year, value: readDecimalField(v.targets[yearKey(year)] ?? "", separator) })),
    leadAgency: v.leadAgency,
    relatedAgencies: v.relatedAgencies,
    followsItemId: v.followsItemId === null ? undefined : Number(v.followsItemId),
  };
}

function fieldOf(path: string, targets: { year: number }[]): string {
  const bare = path.replace(/^item\./, "");
  const target = /^targets\.(\d+)/.exec(bare);
  if (target) {
    const year = targets[Number(target[1])]?.year;
    return year === undefined ? "targets" : `targets.${yearKey(year)}`;
  }
  return bare.split(".")[0] ?? bare;
}

const FIELD_OF_CODE: Record<string, string> = { RAD_ITEM_CODE_TAKEN: "code", RAD_FOLLOWS_INVALID: "followsItemId", RAD_FOLLOWS_REQUIRED: "followsItemId", RAD_SUB_TASK_FORCE_MISMATCH: "followsItemId" };

/** A RAD item: the RAN item it follows (its sub-task-force comes with it), the indicator, a target per year of the period. */
function ItemForm({ plan, editing, onDone }: { plan: Plan; editing: Item | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidateRad(plan.taskForce.id);
  const separator: Separator = i18n.language === "en" ? "." : ",";
  const period = plan.period!;
  const years = yearsOf(period);
  const { form, onSubmit, showOnField, isOnField } = useDomainForm({
    initialValues: initialItem(years, editing, separator),
    schema: RadItemSchema,
    toInput: (v) => toItem(v, years, separator),
    check: (item, v) => checkActionItem(item, period).map((p) => ({ code: p.code, field: fieldOf(p.path, toItem(v, years, separator).targets) })),
    fieldOfPath: (path, v) => fieldOf(path, toItem(v, years, separator).targets),
    fieldOfRule: FIELD_OF_CODE,
  });
  const create = useMutation(trpc.rad.createItem.mutationOptions({ onSuccess: onDone, onError: showOnField, onSettled: invalidate }));
  const update = useMutation(trpc.rad.updateItem.mutationOptions({ onSuccess: onDone, onError: showOnField, onSettled: invalidate }));
  const mutation = editing ? update : create;
  const values = form.getValues();
  const followed = plan.followable.find((f) => String(f.id) === values.followsItemId);
  const followsProps = form.getInputProps("followsItemId");
  const option = (f: Followable) => ({ value: String(f.id), label: `${f.code} · ${f.activity}` });
  return (
    <form
      noValidate
      onSubmit={onSubmit((item) => {
        if (editing) update.mutate({ taskForceId: plan.taskForce.id, id: editing.id, version: editing.version, item });
        else create.mutate({ taskForceId: plan.taskForce.id, item });
      })}
    >
      <Stack gap="sm">
        <Select
          label={t("rad.form.follows")}
          description={t("rad.form.followsHint", { level: t(`level.${plan.taskForce.level}`).toLowerCase() })}
          required
          searchable
          allowDeselect={false}
          data={plan.followable.map(option)}
          {...followsProps}
          onChange={(value: string | null) => {
            (followsProps.onChange as (v: string | null) => void)(value);
            const f = plan.followable.find((x) => String(x.id) === value);
            if (f) {
              form.setFieldValue("subTaskForce", f.subTaskForce);
              if (!editing) {
                form.setFieldValue("unit", f.unit);
                form.setFieldValue("targetMode", f.targetMode);
              }
            }
          }}
        />
        <Text size="sm" data-testid="rad-sub-task-force">
          {t("rad.form.subTaskForce")}: {followed ? t(`subTaskForce.${followed.subTaskForce}`) : "—"}
        </Text>
        {form.errors.subTaskForce && (
          <Text size="xs" c="red">
            {form.errors.subTaskForce}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t("rad.form.code")} required placeholder="RAD.1.1" {...form.getInputProps("code")} />
          <TextInput label={t("rad.form.programme")} required {...form.getInputProps("programme")} />
        </SimpleGrid>
        <Textarea label={t("rad.form.activity")} required autosize minRows={2} {...form.getInputProps("activity")} />
        <TextInput label={t("rad.form.indicator")} required {...form.getInputProps("indicator")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select label={t("rad.form.unit")} required allowDeselect={false} data={UNIT_CODES.map((u) => ({ value: u, label: t(`unit.${u}`) }))} {...form.getInputProps("unit")} />
          <NumberField inputMode="decimal" label={t("rad.form.baseline")} {...form.getInputProps("baseline")} />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="rad-target-mode">
            {t("rad.form.targetMode")}
          </Text>
          <SegmentedControl aria-labelledby="rad-target-mode" data={TARGET_MODES.map((m) => ({ value: m, label: t(`rad.form.targetModes.${m}`) }))} {...form.getInputProps("targetMode")} />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("rad.form.targets")}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: Math.min(years.length, 5) }} spacing="xs" data-testid="rad-year-targets">
            {years.map((year) => (
              <NumberField key={year} inputMode="decimal" label={String(year)} aria-label={t("rad.form.yearTarget", { year })} {...form.getInputProps(`targets.${yearKey(year)}`)} />
            ))}
          </SimpleGrid>
          {form.errors.targets && (
            <Text size="xs" c="red">
              {form.errors.targets}
            </Text>
          )}
        </Stack>
        <TextInput label={t("rad.form.leadAgency")} required {...form.getInputProps("leadAgency")} />
        <TagsInput label={t("rad.form.relatedAgencies")} maxTags={20} {...form.getInputProps("relatedAgencies")} />
        {mutation.isError && !isOnField(mutation.error) && (
          <Alert color="red" role="alert">
            {errorMessage(t, mutation.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("rad.form.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending} data-testid="rad-save-item">
            {t("rad.form.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The XLSX of the RAD, in the reader's language. */
function DownloadButton({ taskForceId, periodNumber }: { taskForceId: number; periodNumber: number }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function get() {
    setBusy(true);
    setError(null);
    try {
      const language = i18n.language === "en" ? "en" : "id";
      const file = await queryClient.fetchQuery({ ...trpc.rad.exportXlsx.queryOptions({ taskForceId, periodNumber, language }), staleTime: 0 });
      download(file.fileName, { base64: file.contentBase64 }, XLSX_TYPE);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack gap={4} align="flex-end">
      <Button variant="default" loading={busy} onClick={() => void get()} data-testid="rad-xlsx">
        {t("rad.download")}
      </Button>
      {error !== null && <ApiErrorAlert error={error} />}
    </Stack>
  );
}

/** A province's view of its regencies' and cities' RADs, each read on its own page. */
function RegencyList({ provinceId }: { provinceId: number }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const overview = useQuery(trpc.rad.overview.queryOptions({}));
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t("rad.regencies.title")}
        </Title>
        <QueryState query={overview}>
          {(result) => {
            const rows = result.rows.filter((r) => r.parentId === provinceId);
            return (
              <DataTable label={t("rad.regencies.title")} columns={[t("rad.regencies.name"), t("rad.regencies.state"), { label: t("rad.regencies.items"), align: "right" }]} minWidth={300} testId="rad-regencies">
                {rows.map((r) => (
                  <Table.Tr key={r.taskForceId}>
                    <Table.Td>
                      <Anchor component={Link} href={`/task-forces/${r.taskForceId}/rad`}>
                        {r.regionName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {r.adoptedOn ? (
                        <Badge color="green" variant="light">
                          {t("rad.regencies.adopted", { date: formatIsoDate(r.adoptedOn, i18n.language) })}
                        </Badge>
                      ) : r.hasPlan ? (
                        <Badge color="yellow" variant="light">
                          {t("rad.regencies.draft")}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t("rad.regencies.none")}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{r.itemCount}</Table.Td>
                  </Table.Tr>
                ))}
              </DataTable>
            );
          }}
        </QueryState>
      </Stack>
    </Paper>
  );
}

/**
 * A task force's regional action plan (RAD) for the RAN period in force: its adopting instrument and
 * items. Its own regional admin records them; everyone who may see the task force reads them.
 */
export default function RadPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [location, navigate] = useLocation();
  const chosen = new URLSearchParams(useSearch()).get("period");
  const taskForceId = /^\d{1,9}$/.test(id) ? Number(id) : -1;
  const periodNumber = chosen !== null && /^\d{1,2}$/.test(chosen) ? Number(chosen) : undefined;
  const query = useQuery(trpc.rad.plan.queryOptions({ taskForceId, ...(periodNumber === undefined ? {} : { periodNumber }) }));
  const [editing, setEditing] = useState<Item | "new" | null>(null);
  const [editingInstrument, setEditingInstrument] = useState(false);
  const [removing, setRemoving] = useState<Item | null>(null);
  const invalidate = useInvalidateRad(taskForceId);
  const remove = useMutation(trpc.rad.deleteItem.mutationOptions({ onSuccess: () => setRemoving(null), onSettled: invalidate }));
  return (
    <Stack gap="md" maw={960} mx="auto">
      <QueryState query={query}>
        {(plan) => (
          <Stack gap="md">
            <div>
              <Anchor component={Link} href={`/task-forces/${plan.taskForce.id}`} size="sm">
                ← {taskForceName(t, plan.taskForce)}
              </Anchor>
              <Title order={1} size="h2" mt="xs">
                {t("rad.title")}
              </Title>
              <Text c="dimmed" size="sm">
                {t("rad.intro", { level: t(`level.${plan.taskForce.level}`).toLowerCase() })}
              </Text>
            </div>
            <Group align="flex-end" justify="space-between">
              <Select
                label={t("rad.period")}
                w={320}
                allowDeselect={false}
                value={plan.period ? String(plan.period.number) : null}
                placeholder={t("rad.period")}
                data={plan.periods.map((p) => ({ value: String(p.number), label: t("rad.periodOption", { numeral: p.numeral, first: p.firstYear, last: p.lastYear }) }))}
                onChange={(value) => value && navigate(`${location}?period=${value}`)}
              />
              {plan.period && <DownloadButton taskForceId={plan.taskForce.id} periodNumber={plan.period.number} />}
            </Group>
            {plan.period === null ? (
              <Text>{t("rad.noPeriod")}</Text>
            ) : (
              <>
                {!plan.editable && (
                  <Alert color="gray" data-testid="rad-read-only">
                    {plan.open ? t("rad.readOnly") : t("rad.closed")}
                  </Alert>
                )}
                <Paper withBorder radius="md" p="md">
                  <Stack gap="sm">
                    <Group justify="space-between">
                      <Title order={2} size="h3">
                        {t("rad.instrument.title")}
                      </Title>
                      {plan.editable && plan.plan?.instrument && !editingInstrument && (
                        <Button variant="subtle" size="compact-sm" onClick={() => setEditingInstrument(true)}>
                          {t("rad.instrument.edit")}
                        </Button>
                      )}
                    </Group>
                    <RadInstrumentLine plan={plan.plan} />
                    {plan.editable && (!plan.plan?.instrument || editingInstrument) && <InstrumentForm key={plan.plan?.version ?? 0} plan={plan} onDone={() => setEditingInstrument(false)} />}
                  </Stack>
                </Paper>
                <Group justify="space-between">
                  <Title order={2} size="h3">
                    {t("rad.items.title")}
                  </Title>
                  {plan.editable && (
                    <Button onClick={() => setEditing("new")} data-testid="rad-add-item">
                      {t("rad.items.add")}
                    </Button>
                  )}
                </Group>
                <RadPlanView
                  data={plan}
                  {...(plan.editable
                    ? {
                        actions: (item) => (
                          <>
                            <Button variant="subtle" size="compact-sm" aria-label={`${t("rad.items.edit")} ${item.code}`} onClick={() => setEditing(plan.items.find((i) => i.id === item.id) ?? null)}>
                              {t("rad.items.edit")}
                            </Button>
                            <Button variant="subtle" color="red" size="compact-sm" aria-label={`${t("rad.items.remove")} ${item.code}`} onClick={() => setRemoving(plan.items.find((i) => i.id === item.id) ?? null)}>
                              {t("rad.items.remove")}
                            </Button>
                          </>
                        ),
                      }
                    : {})}
                />
                <FormModal opened={editing !== null} onClose={() => setEditing(null)} title={editing === "new" ? t("rad.items.add") : t("rad.items.edit")} size="lg">
                  {editing !== null && <ItemForm plan={plan} editing={editing === "new" ? null : editing} onDone={() => setEditing(null)} />}
                </FormModal>
                <ConfirmModal
                  opened={removing !== null}
                  title={t("rad.items.remove")}
                  text={t("rad.items.confirmRemove", { code: removing?.code ?? "" })}
                  onCancel={() => setRemoving(null)}
                  onConfirm={() => removing && remove.mutate({ taskForceId: plan.taskForce.id, id: removing.id, version: removing.version })}
                  pending={remove.isPending}
                  error={remove.error}
                />
                {plan.taskForce.level === "province" && <RegencyList provinceId={plan.taskForce.id} />}
              </>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
