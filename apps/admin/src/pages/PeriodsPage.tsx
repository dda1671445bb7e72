import "@mantine/core/styles/Tooltip.css";
import type { RouterOutputs } from "@gugus/api";
import { hasCapability } from "@gugus/domain/accounts";
import { MAX_PERIOD_NUMBER, PeriodDraftSchema, toRoman } from "@gugus/domain/ran";
import { DataTable, NumberField, QueryState, errorMessage, readNumberField, useDomainForm, useMe, useTRPC } from "@gugus/ui";
import { Alert, Anchor, Badge, Box, Button, Group, Paper, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { FIELD_OF_PERIOD_RULE, checkPeriodSpan } from "./period/rules.ts";

type Periods = RouterOutputs["ran"]["periods"]["periods"];

type Period = Periods[number];

/** A bar per period on a line of years, gaps left empty, the current period outlined, a late adoption marked where it fell. */
function Timeline({ periods, currentNumber }: { periods: Period[]; currentNumber: number | null }) {
  const { t } = useTranslation();
  if (periods.length === 0) return null;
  const first = periods[0]!.firstYear;
  const last = periods.at(-1)!.lastYear;
  const span = last - first + 1;
  // Where a late adoption fell on the timeline: its day of the year, as a share of the whole span.
  const at = (date: string) => (Number(date.slice(0, 4)) - first + (Number(date.slice(5, 7)) - 1) / 12) / span;
  return (
    <Box pos="relative" h={60} aria-hidden="true" data-testid="period-timeline">
      {periods.map((p) =>
        p.adoptedLate && p.adoptedOn ? (
          <Text
            key={`late-${p.number}`}
            pos="absolute"
            top={42}
            left={`${at(p.adoptedOn) * 100}%`}
            size="xs"
            c="red.8"
            fw={600}
            // Right of the middle, the label ends at the mark, so it stays on the line.
            style={{
              whiteSpace: "nowrap",
              lineHeight: 1.2,
              ...(at(p.adoptedOn) > 0.5
                ? { transform: "translateX(-100%)", borderRight: "2px solid var(--mantine-color-red-7)", paddingRight: 4 }
                : { borderLeft: "2px solid var(--mantine-color-red-7)", paddingLeft: 4 }),
            }}
          >
            {t("admin.periods.lateAdoptionMark", { numeral: p.numeral, date: p.adoptedOn })}
          </Text>
        ) : null,
      )}
      {periods.map((p) => {
        const current = p.number === currentNumber;
        return (
          <Box
            key={p.number}
            pos="absolute"
            top={0}
            h={40}
            left={`${((p.firstYear - first) / span) * 100}%`}
            w={`calc(${((p.lastYear - p.firstYear + 1) / span) * 100}% - 4px)`}
            px={6}
            style={{
              borderRadius: 6,
              background: p.status === "adopted" ? "var(--mantine-primary-color-filled)" : "repeating-linear-gradient(45deg, var(--mantine-color-indigo-1), var(--mantine-color-indigo-1) 6px, var(--mantine-color-indigo-0) 6px, var(--mantine-color-indigo-0) 12px)",
              color: p.status === "adopted" ? "white" : "var(--mantine-color-indigo-9)",
              outline: current ? "3px solid var(--mantine-color-orange-5)" : undefined,
              outlineOffset: 2,
              display: "flex",
              flexDirection: "column",
              justifyContent: "center",
              overflow: "hidden",
            }}
          >
            <Text size="xs" fw={700} lh={1.1} truncate>
              {t("period.name", { numeral: p.numeral })}
            </Text>
            <Text size="xs" lh={1.1} truncate>
              {t("period.years", { first: p.firstYear, last: p.lastYear })}
            </Text>
          </Box>
        );
      })}
    </Box>
  );
}

/**
 * A new draft period, checked as the user types against the same rules the server holds: the
 * draft's own schema, then the whole set of periods with the draft added (no overlap, numbers in
 * year order, a number not taken).
 */
function CreatePeriodForm({ periods, onDone }: { periods: Periods; onDone: (created: { numeral: string; firstYear: number; lastYear: number }) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const last = periods.at(-1);
  const next = { number: (last?.number ?? 0) + 1, firstYear: (last?.lastYear ?? 2014) + 1 };
  const { form, onSubmit, showOnField, isOnField, markSaved } = useDomainForm({
    initialValues: { number: String(next.number), firstYear: String(next.firstYear), lastYear: String(next.firstYear + 4) },
    schema: PeriodDraftSchema,
    toInput: (v) => ({ number: readNumberField(v.number), firstYear: readNumberField(v.firstYear), lastYear: readNumberField(v.lastYear) }),
    check: (draft) => checkPeriodSpan(periods, draft),
    fieldOfRule: FIELD_OF_PERIOD_RULE,
    fallbackField: "firstYear",
    live: "all",
  });
  const create = useMutation(
    trpc.ran.createPeriod.mutationOptions({
      onSuccess: (p) => {
        markSaved();
        onDone(p);
      },
      onError: showOnField,
      onSettled: () => void queryClient.invalidateQueries({ queryKey: trpc.ran.periods.queryKey() }),
    }),
  );
  const typed = readNumberField(form.values.number);
  const numeral = typeof typed === "number" && typed >= 1 && typed <= MAX_PERIOD_NUMBER ? toRoman(typed) : "";
  return (
    <Paper withBorder p="md" radius="md" data-testid="create-period">
      <form noValidate onSubmit={onSubmit((draft) => create.mutate(draft))}>
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4">
              {t("admin.periods.create.title")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("admin.periods.create.intro")}
            </Text>
          </div>
          <Group align="flex-start" grow>
            <NumberField label={t("admin.periods.create.number")} description={numeral ? t("admin.periods.create.numberHint", { numeral }) : " "} required {...form.getInputProps("number")} />
            <NumberField label={t("admin.periods.create.firstYear")} description=" " required {...form.getInputProps("firstYear")} />
            <NumberField label={t("admin.periods.create.lastYear")} description=" " required {...form.getInputProps("lastYear")} />
          </Group>
          {create.isError && !isOnField(create.error) && (
            <Alert color="red" role="alert">
              {errorMessage(t, create.error)}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t("admin.periods.create.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function PeriodsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const canManage = hasCapability(me.role, "ran.manage");
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ numeral: string; firstYear: number; lastYear: number } | null>(null);
  const query = useQuery(trpc.ran.periods.queryOptions());
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1} size="h2">
          {t("admin.periods.title")}
        </Title>
        <Text c="dimmed">{t("admin.periods.intro")}</Text>
      </div>
      {created && (
        <Alert color="green" withCloseButton closeButtonLabel={t("unsaved.close")} onClose={() => setCreated(null)} role="status">
          {t("admin.periods.create.created", { numeral: created.numeral, first: created.firstYear, last: created.lastYear })}
        </Alert>
      )}
      <QueryState query={query}>
        {({ periods, gaps, currentNumber, today }) => (
          <Stack gap="md">
            <Group justify="space-between">
              <Text size="sm">{t("admin.periods.todayIs", { date: today })}</Text>
              {canManage && (
                <Button variant={creating ? "default" : "filled"} onClick={() => setCreating((c) => !c)}>
                  {creating ? t("admin.periods.create.cancel") : t("admin.periods.create.button")}
                </Button>
              )}
            </Group>
            {creating && (
              <CreatePeriodForm
                periods={periods}
                onDone={(p) => {
                  setCreating(false);
                  setCreated(p);
                }}
              />
            )}
            <Timeline periods={periods} currentNumber={currentNumber} />
            {gaps.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("admin.periods.noGaps")}
              </Text>
            ) : (
              gaps.map((g) => (
                <Alert key={g.fromYear} color="yellow" variant="light">
                  {t("admin.periods.gap", { from: g.fromYear, to: g.toYear })}
                </Alert>
              ))
            )}
            <Paper withBorder radius="md">
              <DataTable label={t("admin.periods.title")} minWidth={720} testId="period-table" highlightOnHover columns={[t("admin.periods.columns.number"), t("admin.periods.columns.years"), t("admin.periods.columns.length"), t("admin.periods.columns.status"), t("admin.periods.columns.instrument"), t("admin.periods.columns.adoptedOn")]}>
                    {periods.map((p) => {
                      const current = p.number === currentNumber;
                      return (
                        <Table.Tr key={p.number} data-current={current || undefined} bg={current ? "var(--mantine-color-orange-light)" : undefined}>
                          <Table.Td>
                            <Group gap="xs" wrap="nowrap" style={{ whiteSpace: "nowrap" }}>
                              <Anchor component={Link} href={`/periods/${p.number}`} fw={600}>
                                {t("period.name", { numeral: p.numeral })}
                              </Anchor>
                              {current && (
                                <Badge color="orange" variant="filled" size="sm" style={{ flexShrink: 0 }}>
                                  {t("admin.periods.current")}
                                </Badge>
                              )}
                            </Group>
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: "nowrap" }}>{t("period.years", { first: p.firstYear, last: p.lastYear })}</Table.Td>
                          <Table.Td style={{ whiteSpace: "nowrap" }}>{t("admin.periods.lengthYears", { count: p.length })}</Table.Td>
                          <Table.Td style={{ whiteSpace: "nowrap" }}>
                            <Badge variant={p.status === "adopted" ? "light" : "outline"} color={p.status === "adopted" ? "indigo" : "gray"} style={{ flexShrink: 0, overflow: "visible" }}>
                              {t(`admin.periodStatus.${p.status}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td>{p.instrument ?? t("admin.periods.noInstrument")}</Table.Td>
                          <Table.Td>
                            <Group gap="xs" wrap="nowrap" style={{ whiteSpace: "nowrap" }}>
                              <Text size="sm">{p.adoptedOn ?? (p.status === "adopted" ? t("admin.periods.unknownDate") : "—")}</Text>
                              {p.adoptedLate && (
                                <Tooltip label={t("admin.periods.lateAdoptionHint", { date: p.adoptedOn ?? "" })}>
                                  <Badge color="red" variant="light" size="sm" style={{ flexShrink: 0 }}>
                                    {t("admin.periods.lateAdoption")}
                                  </Badge>
                                </Tooltip>
                              )}
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
              </DataTable>
            </Paper>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
