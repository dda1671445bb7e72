/** The budget: lines by source with allocated and spent rupiah, whether a dedicated line exists, and the region's total budget. */
import { BUDGET_SOURCES } from "@gugus/domain/reports";
import type { ReportContent } from "@gugus/domain/reports";
import { Button, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FigureField, WarningText, useFieldIssue, useReportFormContext } from "./fields.tsx";
import { setField } from "./model.ts";

function LineNote({ index, note }: { index: number; note: string | undefined }) {
  const { t } = useTranslation();
  const { change, readOnly } = useReportFormContext();
  const { error, warning } = useFieldIssue(`budget.lines.${index}.note`);
  return (
    <TextInput
      label={t("reports.budget.note")}
      value={note ?? ""}
      readOnly={readOnly}
      error={error}
      description={warning ? <WarningText>{warning}</WarningText> : undefined}
      inputWrapperOrder={["label", "input", "description", "error"]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        change((c) => ({ ...c, budget: { ...c.budget, lines: c.budget.lines.map((l, i) => (i === index ? withNote(l, value) : l)) } }));
      }}
    />
  );
}

/** A line with its note, or without one when the note is blank (the schema's "no note"). */
function withNote<L extends { note?: string | undefined }>(line: L, note: string): L {
  const { note: _old, ...rest } = line;
  return (note === "" ? rest : { ...rest, note }) as L;
}

export function BudgetSection({ content }: { content: ReportContent }) {
  const { t } = useTranslation();
  const { change, readOnly } = useReportFormContext();
  const b = content.budget;
  const dedicated = b.dedicatedLine === null ? "unknown" : b.dedicatedLine ? "yes" : "no";
  return (
    <Stack gap="md">
      <Text size="sm" fw={500}>
        {t("reports.budget.lines")}
      </Text>
      {b.lines.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("reports.budget.linesNone")}
        </Text>
      )}
      {b.lines.map((line, i) => (
        <Paper key={i} withBorder p="sm" radius="sm" role="group" aria-label={t("reports.budget.line", { n: i + 1 })}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {t("reports.budget.line", { n: i + 1 })}
              </Text>
              {!readOnly && (
                <Button size="xs" variant="subtle" color="red" onClick={() => change((c) => ({ ...c, budget: { ...c.budget, lines: c.budget.lines.filter((_, j) => j !== i) } }))}>
                  {t("reports.budget.removeLine", { n: i + 1 })}
                </Button>
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <NativeSelect
                label={t("reports.budget.source")}
                value={line.source}
                disabled={readOnly}
                data={BUDGET_SOURCES.map((s) => ({ value: s, label: t(`reports.budget.sources.${s}`) }))}
                onChange={(e) => change(setField(`budget.lines.${i}.source`, e.currentTarget.value))}
              />
              <FigureField amount label={t("reports.budget.allocated")} path={`budget.lines.${i}.allocated`} value={line.allocated} onValue={(v) => change(setField(`budget.lines.${i}.allocated`, v))} />
              <FigureField amount label={t("reports.budget.spent")} path={`budget.lines.${i}.spent`} value={line.spent} onValue={(v) => change(setField(`budget.lines.${i}.spent`, v))} />
            </SimpleGrid>
            <LineNote index={i} note={line.note} />
          </Stack>
        </Paper>
      ))}
      {!readOnly && b.lines.length < 20 && (
        <Group>
          <Button variant="light" onClick={() => change((c) => ({ ...c, budget: { ...c.budget, lines: [...c.budget.lines, { source: "APBD", allocated: null, spent: null }] } }))}>
            {t("reports.budget.addLine")}
          </Button>
        </Group>
      )}
      <Radio.Group
        label={t("reports.budget.dedicatedLine")}
        value={dedicated}
        onChange={(v) => !readOnly && change(setField("budget.dedicatedLine", v === "unknown" ? null : v === "yes"))}
      >
        <Group gap="lg" mt={6}>
          <Radio value="yes" label={t("reports.budget.yes")} disabled={readOnly && dedicated !== "yes"} />
          <Radio value="no" label={t("reports.budget.no")} disabled={readOnly && dedicated !== "no"} />
          <Radio value="unknown" label={t("reports.budget.unknown")} disabled={readOnly && dedicated !== "unknown"} />
        </Group>
      </Radio.Group>
      <FigureField
        amount
        label={t("reports.budget.regionTotalBudget")}
        description={t("reports.budget.regionTotalBudgetHint")}
        path="budget.regionTotalBudget"
        value={b.regionTotalBudget}
        onValue={(v) => change(setField("budget.regionTotalBudget", v))}
        maw={{ base: "100%", sm: 360 }}
      />
    </Stack>
  );
}
