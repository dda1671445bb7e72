/**
 * A report's content, read-only, section by section in the domain's order, with every figure exact
 * and a blank shown as "not reported" (never as zero); each section says how complete it is.
 */
import { BUDGET_SOURCES, EXPLOITATION_FORMS, REPORT_SECTIONS } from "@gugus/domain/reports";
import type { ReportContent, ReportSection } from "@gugus/domain/reports";
import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable.tsx";
import type { Completeness, ReportItem, SectionState } from "./api.ts";
import { dynamicMessage, useFormats } from "./format.ts";
import type { Formats } from "./format.ts";

const STATE_COLOR: Record<SectionState, string> = { empty: "gray", partial: "yellow", complete: "green" };

export function SectionStateBadge({ state }: { state: SectionState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" size="sm" data-state={state}>
      {t(`review.sectionState.${state}`)}
    </Badge>
  );
}

/** A label and its value, the value as reported. */
function Figure({ label, value, blank }: { label: string; value: string; blank: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={blank ? 400 : 600} fs={blank ? "italic" : undefined} c={blank ? "dimmed" : undefined} style={{ fontVariantNumeric: "tabular-nums" }}>
        {value}
      </Text>
    </div>
  );
}

function Figures({ figures, formats }: { figures: [label: string, value: number | null][]; formats: Formats }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="xs">
      {figures.map(([label, value]) => (
        <Figure key={label} label={label} value={formats.figure(value)} blank={value === null} />
      ))}
    </SimpleGrid>
  );
}

const COUNT_FIELDS = {
  lawEnforcement: ["casesReported", "suspects", "prosecutions", "convictions"],
  services: ["healthRehabilitation", "socialRehabilitation", "repatriation", "reintegration"],
  networkScope: ["local", "regional", "international"],
  prevention: ["trainings", "communityGroups", "regulations", "agreements"],
  coordination: ["meetings"],
} as const;

function SectionBody({ section, content, items, t, formats }: { section: ReportSection; content: ReportContent; items: ReportItem[]; t: TFunction; formats: Formats }): ReactNode {
  switch (section) {
    case "activities":
      if (content.activities.length === 0) return <Text c="dimmed">{t("review.none")}</Text>;
      return (
        <DataTable label={t("review.sections.activities")} columns={[t("review.fields.activity.subTaskForce"), t("review.fields.activity.what"), t("review.fields.activity.date"), t("review.fields.activity.actionItemId")]} minWidth={560}>
          {content.activities.map((a, i) => (
            <Table.Tr key={i}>
              <Table.Td>{dynamicMessage(t, `subTaskForce.${a.subTaskForce}`, a.subTaskForce)}</Table.Td>
              <Table.Td>{a.what}</Table.Td>
              <Table.Td>{a.date ?? "—"}</Table.Td>
              <Table.Td>{a.actionItemId === null ? "—" : (items.find((it) => it.id === a.actionItemId)?.code ?? `#${a.actionItemId}`)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      );
    case "realisations": {
      if (items.length === 0 && content.realisations.length === 0) return <Text c="dimmed">{t("review.none")}</Text>;
      const byItem = new Map(content.realisations.map((r) => [r.actionItemId, r]));
      const unknown = content.realisations.filter((r) => !items.some((i) => i.id === r.actionItemId));
      return (
        <DataTable
          label={t("review.sections.realisations")}
          columns={[t("review.fields.realisation.actionItemId"), t("review.fields.realisation.indicator"), { label: t("review.fields.realisation.target"), align: "right" }, { label: t("review.fields.realisation.value"), align: "right" }, t("review.fields.realisation.note")]}
          minWidth={640}
        >
          {items.map((item) => {
            const r = byItem.get(item.id);
            const value = r?.value ?? null;
            return (
              <Table.Tr key={item.id}>
                <Table.Td>{item.code}</Table.Td>
                <Table.Td>
                  {item.indicator} <Text span size="xs" c="dimmed">({item.unit})</Text>
                </Table.Td>
                <Table.Td ta="right">{formats.figure(item.yearTarget)}</Table.Td>
                <Table.Td ta="right" fw={value === null ? 400 : 600} fs={value === null ? "italic" : undefined}>
                  {formats.figure(value)}
                </Table.Td>
                <Table.Td>{r?.note ?? ""}</Table.Td>
              </Table.Tr>
            );
          })}
          {unknown.map((r) => (
            <Table.Tr key={`unknown-${r.actionItemId}`}>
              <Table.Td>#{r.actionItemId}</Table.Td>
              <Table.Td>—</Table.Td>
              <Table.Td ta="right">—</Table.Td>
              <Table.Td ta="right">{formats.figure(r.value)}</Table.Td>
              <Table.Td>{r.note ?? ""}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      );
    }
    case "victims": {
      const v = content.victims;
      return (
        <Stack gap="sm">
          <Figures formats={formats} figures={(["total", "women", "girls", "men", "boys"] as const).map((k) => [t(`review.fields.victims.${k}`), v[k]])} />
          <Text size="sm" fw={600}>
            {t("review.fields.victims.exploitation")}
          </Text>
          <Figures formats={formats} figures={EXPLOITATION_FORMS.map((f) => [t(`review.fields.exploitation.${f}`), v.exploitation[f]])} />
          <Figures formats={formats} figures={[[t("review.fields.victims.domestic"), v.domestic]]} />
          <Text size="sm" fw={600}>
            {t("review.fields.victims.abroad")}
          </Text>
          {v.abroad.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("review.none")}
            </Text>
          ) : (
            <Figures formats={formats} figures={v.abroad.map((a) => [formats.country(a.country), a.count])} />
          )}
        </Stack>
      );
    }
    case "lawEnforcement":
    case "services":
    case "networkScope":
    case "prevention":
    case "coordination": {
      const values = content[section] as Record<string, number | null>;
      return <Figures formats={formats} figures={COUNT_FIELDS[section].map((k) => [dynamicMessage(t, `review.fields.${section}.${k}`, k), values[k] ?? null])} />;
    }
    case "budget": {
      const b = content.budget;
      return (
        <Stack gap="sm">
          {b.lines.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t("review.none")}
            </Text>
          ) : (
            <DataTable
              label={t("review.fields.budget.lines")}
              columns={[t("review.fields.budget.source"), { label: t("review.fields.budget.allocated"), align: "right" }, { label: t("review.fields.budget.spent"), align: "right" }, t("review.fields.budget.note")]}
              minWidth={520}
            >
              {b.lines.map((line, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{(BUDGET_SOURCES as readonly string[]).includes(line.source) ? t(`review.fields.budgetSource.${line.source}`) : line.source}</Table.Td>
                  <Table.Td ta="right">{formats.figure(line.allocated)}</Table.Td>
                  <Table.Td ta="right">{formats.figure(line.spent)}</Table.Td>
                  <Table.Td>{line.note ?? ""}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Figure label={t("review.fields.budget.dedicatedLine")} value={b.dedicatedLine === null ? t("review.unknown") : b.dedicatedLine ? t("review.yes") : t("review.no")} blank={b.dedicatedLine === null} />
            <Figure label={t("review.fields.budget.regionTotalBudget")} value={formats.figure(b.regionTotalBudget)} blank={b.regionTotalBudget === null} />
          </SimpleGrid>
        </Stack>
      );
    }
    case "narrative":
      return (
        <Stack gap="sm">
          {(["obstacles", "recommendations"] as const).map((k) => (
            <div key={k}>
              <Text size="sm" fw={600}>
                {t(`review.fields.narrative.${k}`)}
              </Text>
              <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }} c={content.narrative[k] ? undefined : "dimmed"} fs={content.narrative[k] ? undefined : "italic"}>
                {content.narrative[k] || t("review.notReported")}
              </Text>
            </div>
          ))}
        </Stack>
      );
  }
}

/** The content section by section; `completeness` marks each section's state when given. */
export function ReportContentView({ content, items, completeness, headingOrder = 3 }: { content: ReportContent; items: ReportItem[]; completeness?: Completeness; headingOrder?: 3 | 4 }) {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <Stack gap="sm">
      {REPORT_SECTIONS.map((section) => {
        const state = completeness?.sections.find((s) => s.section === section)?.state;
        return (
          <Paper key={section} withBorder radius="md" p="sm" data-section={section}>
            <Stack gap="xs">
              <Group justify="space-between" gap="xs">
                <Title order={headingOrder} size="h5">
                  {t(`review.sections.${section}`)}
                </Title>
                {state && <SectionStateBadge state={state} />}
              </Group>
              <SectionBody section={section} content={content} items={items} t={t} formats={formats} />
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
