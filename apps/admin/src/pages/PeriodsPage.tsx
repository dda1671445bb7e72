import { QueryState, useTRPC } from "@gugus/ui";
import { Alert, Badge, Box, Group, Paper, Stack, Table, Text, Title, Tooltip } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";

type Period = { number: number; numeral: string; firstYear: number; lastYear: number; status: "draft" | "adopted" };

/** A bar per period on a line of years, gaps left empty, the current period outlined. */
function Timeline({ periods, currentNumber }: { periods: Period[]; currentNumber: number | null }) {
  const { t } = useTranslation();
  if (periods.length === 0) return null;
  const first = periods[0]!.firstYear;
  const last = periods.at(-1)!.lastYear;
  const span = last - first + 1;
  return (
    <Box pos="relative" h={56} aria-hidden="true" data-testid="period-timeline">
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

export function PeriodsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const query = useQuery(trpc.ran.periods.queryOptions());
  return (
    <Stack gap="lg" maw={1100}>
      <div>
        <Title order={1} size="h2">
          {t("admin.periods.title")}
        </Title>
        <Text c="dimmed">{t("admin.periods.intro")}</Text>
      </div>
      <QueryState query={query}>
        {({ periods, gaps, currentNumber, today }) => (
          <Stack gap="md">
            <Text size="sm">{t("admin.periods.todayIs", { date: today })}</Text>
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
                              <Text fw={600}>{t("period.name", { numeral: p.numeral })}</Text>
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
                              {t(`periodStatus.${p.status}`)}
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
