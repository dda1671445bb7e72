/**
 * One sub-task-force's part of the report: the activities it carried out (what, when, optionally
 * the action item served) and, for each of its action items with a target this year, the realised
 * value and a note, with the target and the achievement shown as the value is typed.
 */
import { achievementRatio } from "@gugus/domain/ran";
import type { ReportContent } from "@gugus/domain/reports";
import type { SubTaskForceCode } from "@gugus/domain/sub-task-forces";
import { Badge, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNumberFormat } from "../../format.ts";
import { localeOf } from "../../i18n/index.ts";
import type { ReportItem, ReportView } from "./api.ts";
import { RadItemsUnder } from "../RadPlanView.tsx";
import { FigureField, WarningText, useFieldIssue, useReportFormContext } from "./fields.tsx";
import { setField } from "./model.ts";
import type { Patch } from "./model.ts";

function ActivityRow({ index, n, activity, items }: { index: number; n: number; activity: ReportContent["activities"][number]; items: ReportItem[] }) {
  const { t } = useTranslation();
  const { change, readOnly } = useReportFormContext();
  const what = useFieldIssue(`activities.${index}.what`);
  const date = useFieldIssue(`activities.${index}.date`);
  return (
    <Paper withBorder p="sm" radius="sm" role="group" aria-label={t("reports.activity.number", { n })}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm" fw={600}>
            {t("reports.activity.number", { n })}
          </Text>
          {!readOnly && (
            <Button size="xs" variant="subtle" color="red" onClick={() => change((c) => ({ ...c, activities: c.activities.filter((_, i) => i !== index) }))}>
              {t("reports.activity.remove", { n })}
            </Button>
          )}
        </Group>
        <TextInput label={t("reports.activity.what")} value={activity.what} readOnly={readOnly} error={what.error} onChange={(e) => change(setField(`activities.${index}.what`, e.currentTarget.value))} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="date"
            label={t("reports.activity.date")}
            value={activity.date ?? ""}
            readOnly={readOnly}
            error={date.error}
            onChange={(e) => change(setField(`activities.${index}.date`, e.currentTarget.value === "" ? null : e.currentTarget.value))}
          />
          <NativeSelect
            label={t("reports.activity.item")}
            value={activity.actionItemId === null ? "" : String(activity.actionItemId)}
            disabled={readOnly}
            data={[{ value: "", label: t("reports.activity.noItem") }, ...items.map((i) => ({ value: String(i.id), label: `${i.code} · ${i.activity}` }))]}
            onChange={(e) => change(setField(`activities.${index}.actionItemId`, e.currentTarget.value === "" ? null : Number(e.currentTarget.value)))}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

/** The patch that sets an item's realisation (value or note); an entry left with neither is removed. */
function setRealisation(itemId: number, update: { value?: number | null; note?: string }): Patch {
  return (c) => {
    const index = c.realisations.findIndex((r) => r.actionItemId === itemId);
    const before = index >= 0 ? c.realisations[index]! : { actionItemId: itemId, value: null };
    const value = "value" in update ? (update.value ?? null) : before.value;
    const note = "note" in update ? update.note : before.note;
    const entry = { actionItemId: itemId, value, ...(note !== undefined && note !== "" ? { note } : {}) };
    const empty = entry.value === null && entry.note === undefined;
    const realisations = index >= 0 ? (empty ? c.realisations.filter((_, i) => i !== index) : c.realisations.map((r, i) => (i === index ? entry : r))) : empty ? c.realisations : [...c.realisations, entry];
    return { ...c, realisations };
  };
}

function RealisationRow({ item, index, realisation, year, radItems }: { item: ReportItem; index: number; realisation: ReportContent["realisations"][number] | undefined; year: number; radItems: RadItems }) {
  const { t, i18n } = useTranslation();
  const { change, readOnly } = useReportFormContext();
  const formatNumber = useNumberFormat();
  // An entry not yet in the content has no index: its problems appear once it is.
  const note = useFieldIssue(index >= 0 ? `realisations.${index}.note` : `realisations.item-${item.id}.note`);
  const value = realisation?.value ?? null;
  const ratio = value === null ? null : achievementRatio(item.yearTarget, value);
  const percent = ratio === null ? null : new Intl.NumberFormat(localeOf(i18n.language), { style: "percent", maximumFractionDigits: 1 }).format(ratio);
  return (
    <Paper bg="var(--mantine-color-gray-0)" p="sm" radius="sm" data-testid={`realisation-${item.code}`}>
      <Stack gap="xs">
        <div>
          <Text fw={600}>
            {item.code} · {item.activity}
          </Text>
          <Text size="sm">{item.indicator}</Text>
        </div>
        <Group gap="xs">
          <Badge variant="light" color="gray" tt="none">
            {item.yearTarget === null ? t("reports.realisation.noTarget") : t("reports.realisation.target", { year, value: formatNumber(item.yearTarget), unit: t(`unit.${item.unit}`) })}
          </Badge>
          {item.targetMode === "cumulative" && item.targetToDate !== null && (
            <Badge variant="light" color="gray" tt="none">
              {t("reports.realisation.toDate", { year, value: formatNumber(item.targetToDate) })}
            </Badge>
          )}
          <Badge variant="light" color={ratio === null ? "gray" : ratio >= 1 ? "green" : "yellow"} tt="none" data-testid="achievement" aria-live="polite">
            {percent === null ? t("reports.realisation.noAchievement") : t("reports.realisation.achievement", { percent })}
          </Badge>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <FigureField
            label={t("reports.realisation.value", { code: item.code })}
            path={index >= 0 ? `realisations.${index}.value` : `realisations.item-${item.id}.value`}
            value={value}
            onValue={(v) => change(setRealisation(item.id, { value: v }))}
          />
          <TextInput
            label={t("reports.realisation.note", { code: item.code })}
            value={realisation?.note ?? ""}
            readOnly={readOnly}
            error={note.error}
            description={note.warning ? <WarningText>{note.warning}</WarningText> : undefined}
            onChange={(e) => change(setRealisation(item.id, { note: e.currentTarget.value }))}
          />
        </SimpleGrid>
        <RadItemsUnder items={radItems.filter((r) => r.followsItemId === item.id)} year={year} />
      </Stack>
    </Paper>
  );
}

/** The task force's RAD items of the year (listed under the RAN item each follows). */
type RadItems = NonNullable<ReportView["radItems"]>;

export function SubTaskForceSection({ code, content, items, year, radItems = [] }: { code: SubTaskForceCode; content: ReportContent; items: ReportItem[]; year: number; radItems?: RadItems }) {
  const { t } = useTranslation();
  const { change, readOnly } = useReportFormContext();
  const mine = items.filter((i) => i.subTaskForce === code);
  const activities = content.activities.map((a, index) => ({ a, index })).filter(({ a }) => a.subTaskForce === code);
  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Title order={3} size="h6">
          {t("reports.section.activities")}
        </Title>
        {activities.length === 0 && (
          <Text size="sm" c="dimmed">
            {t("reports.activity.none")}
          </Text>
        )}
        {activities.map(({ a, index }, i) => (
          <ActivityRow key={index} index={index} n={i + 1} activity={a} items={mine} />
        ))}
        {!readOnly && content.activities.length < 300 && (
          <Group>
            <Button variant="light" onClick={() => change((c) => ({ ...c, activities: [...c.activities, { subTaskForce: code, what: "", date: null, actionItemId: null }] }))}>
              {t("reports.activity.add")}
            </Button>
          </Group>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={3} size="h6">
          {t("reports.section.realisations")}
        </Title>
        {mine.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t("reports.realisation.none")}
          </Text>
        ) : (
          mine.map((item) => {
            const index = content.realisations.findIndex((r) => r.actionItemId === item.id);
            return <RealisationRow key={item.id} item={item} index={index} realisation={index >= 0 ? content.realisations[index] : undefined} year={year} radItems={radItems} />;
          })
        )}
      </Stack>
    </Stack>
  );
}
