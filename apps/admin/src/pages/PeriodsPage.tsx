import type { RouterOutputs } from "@gugus/api";
import { hasCapability } from "@gugus/domain/accounts";
import { PeriodDraftSchema, checkPeriods, problemDetails, toRoman } from "@gugus/domain/ran";
import { QueryState, errorKeyOf, errorMessage, problemMessage, useLiveValidation, useMe, useTRPC } from "@gugus/ui";
import { Alert, Anchor, Badge, Box, Button, Group, NumberInput, Paper, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";

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
              background: p.status === "adopted" ? "var(--mantine-color-indigo-6)" : "repeating-linear-gradient(45deg, var(--mantine-color-indigo-1), var(--mantine-color-indigo-1) 6px, var(--mantine-color-indigo-0) 6px, var(--mantine-color-indigo-0) 12px)",
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

/** Which form field each period rule belongs to. */
const FIELD_OF_RULE: Record<string, "number" | "firstYear" | "lastYear"> = {
  PERIOD_NUMBER_TAKEN: "number",
  PERIOD_NUMBER_ORDER: "number",
  PERIOD_NUMBER_SKIPPED: "number",
  PERIOD_OVERLAP: "firstYear",
  PERIOD_YEARS_INVERTED: "lastYear",
  YEAR_INVALID: "firstYear",
};

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
  const form = useForm({
    mode: "controlled",
    initialValues: { number: next.number as number | string, firstYear: next.firstYear as number | string, lastYear: (next.firstYear + 4) as number | string },
    validate: (values) => {
      const parsed = PeriodDraftSchema.safeParse(values);
      if (!parsed.success) return Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), problemMessage(t, i.message)]));
      const draft = parsed.data;
      if (periods.some((p) => p.number === draft.number)) return { number: problemMessage(t, "PERIOD_NUMBER_TAKEN", { number: draft.number }) };
      const [problem] = checkPeriods([...periods, draft]).problems;
      if (!problem) return {};
      return { [FIELD_OF_RULE[problem.code] ?? "firstYear"]: problemMessage(t, problem.code, problemDetails(problem)) };
    },
  });
  useLiveValidation(form);
  const create = useMutation(
    trpc.ran.createPeriod.mutationOptions({
      onSuccess: (p) => onDone(p),
      onError: (error) => {
        const field = FIELD_OF_RULE[errorKeyOf(error)];
        if (field) form.setFieldError(field, errorMessage(t, error));
      },
      onSettled: () => void queryClient.invalidateQueries(trpc.ran.pathFilter()),
    }),
  );
  const numeral = typeof form.values.number === "number" && form.values.number >= 1 && form.values.number <= 50 ? toRoman(form.values.number) : "";
  return (
    <Paper withBorder p="md" radius="md" data-testid="create-period">
      <form noValidate onSubmit={form.onSubmit((values) => create.mutate(PeriodDraftSchema.parse(values)))}>
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
            <NumberInput
              label={t("admin.periods.create.number")}
              description={numeral ? t("admin.periods.create.numberHint", { numeral }) : " "}
              min={1}
              allowDecimal={false}
              allowNegative={false}
              required
              {...form.getInputProps("number")}
            />
            <NumberInput label={t("admin.periods.create.firstYear")} description=" " allowDecimal={false} allowNegative={false} required {...form.getInputProps("firstYear")} />
            <NumberInput label={t("admin.periods.create.lastYear")} description=" " allowDecimal={false} allowNegative={false} required {...form.getInputProps("lastYear")} />
          </Group>
          {create.isError && !FIELD_OF_RULE[errorKeyOf(create.error)] && (
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
        <Alert color="green" withCloseButton onClose={() => setCreated(null)} role="status">
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
              <Table.ScrollContainer minWidth={720}>
                <Table highlightOnHover data-testid="period-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("admin.periods.columns.number")}</Table.Th>
                      <Table.Th>{t("admin.periods.columns.years")}</Table.Th>
                      <Table.Th>{t("admin.periods.columns.length")}</Table.Th>
                      <Table.Th>{t("admin.periods.columns.status")}</Table.Th>
                      <Table.Th>{t("admin.periods.columns.instrument")}</Table.Th>
                      <Table.Th>{t("admin.periods.columns.adoptedOn")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
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
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
