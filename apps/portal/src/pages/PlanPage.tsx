// Styles of the components only this page uses; they load with it.
import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/ScrollArea.css";
import { SUB_TASK_FORCES } from "@gugus/domain/sub-task-forces";
import { QueryState, taskForceName, useNumberFormat, useTRPC } from "@gugus/ui";
import { Anchor, Badge, Group, Paper, Select, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearch } from "wouter";

/**
 * What a task force works against in a RAN period: the action items carried out at its level,
 * grouped by sub-task-force, each with this year's target. The current period unless one is chosen.
 */
export default function PlanPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const formatNumber = useNumberFormat();
  const [location, navigate] = useLocation();
  const chosen = new URLSearchParams(useSearch()).get("period");
  const taskForceId = /^\d{1,9}$/.test(id) ? Number(id) : -1;
  const number = chosen !== null && /^\d{1,2}$/.test(chosen) ? Number(chosen) : undefined;
  const tf = useQuery(trpc.hierarchy.byId.queryOptions({ id: taskForceId }));
  const plan = useQuery(trpc.ran.plan.queryOptions({ taskForceId, ...(number === undefined ? {} : { number }) }));
  return (
    <Stack gap="md" maw={900} mx="auto">
      <QueryState query={tf}>
        {(taskForce) => (
          <div>
            <Anchor component={Link} href={`/task-forces/${taskForce.id}`} size="sm">
              ← {taskForceName(t, taskForce)}
            </Anchor>
            <Title order={1} size="h2" mt="xs">
              {t("portal.plan.title")}
            </Title>
            <Text c="dimmed" size="sm">
              {t("portal.plan.intro", { level: t(`level.${taskForce.level}`) })}
            </Text>
          </div>
        )}
      </QueryState>
      {/* A task force that cannot be read (not found, out of scope) has said so above: say it once. */}
      {!tf.isError && (
        <QueryState query={plan}>
          {(result) => {
            const level = tf.data ? t(`level.${tf.data.level}`) : "";
            const today = tf.data ? Number(tf.data.localDate.slice(0, 4)) : null;
            return (
              <Stack gap="md">
                <Group align="flex-end" justify="space-between">
                  <Select
                    label={t("portal.plan.period")}
                    w={320}
                    allowDeselect={false}
                    value={result.period ? String(result.period.number) : null}
                    placeholder={t("portal.plan.period")}
                    data={result.periods.map((p) => ({
                      value: String(p.number),
                      label: t(p.status === "draft" ? "portal.plan.periodOptionDraft" : "portal.plan.periodOption", { numeral: p.numeral, first: p.firstYear, last: p.lastYear }),
                    }))}
                    onChange={(value) => value && navigate(`${location}?period=${value}`)}
                  />
                  {result.period && result.year !== null && (
                    <Text size="sm" fw={600} data-testid="plan-year">
                      {today !== null && today !== result.year ? t("portal.plan.yearNoteOutside", { today, year: result.year }) : t("portal.plan.yearNote", { year: result.year })}
                    </Text>
                  )}
                </Group>
                {result.period === null ? (
                  <Text>{t("portal.plan.noPeriod")}</Text>
                ) : result.items.length === 0 ? (
                  <Text data-testid="plan-empty">{t("portal.plan.empty", { level })}</Text>
                ) : (
                  SUB_TASK_FORCES.map((stf) => {
                    const items = result.items.filter((i) => i.subTaskForce === stf.code);
                    if (items.length === 0) return null;
                    return (
                      <Paper key={stf.code} withBorder radius="md" p="md" data-testid={`plan-${stf.code}`}>
                        <Stack gap="sm">
                          <Group justify="space-between" align="baseline">
                            <Title order={2} size="h4">
                              {stf.numeral}. {t(`subTaskForce.${stf.code}`)}
                            </Title>
                            <Text size="sm" c="dimmed">
                              {t("portal.plan.count", { count: items.length })}
                            </Text>
                          </Group>
                          {items.map((item) => (
                            <Paper key={item.id} bg="var(--mantine-color-gray-0)" p="sm" radius="sm" data-testid={`plan-item-${item.code}`}>
                              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
                                <Stack gap={2} style={{ minWidth: 0 }}>
                                  <Text fw={600}>
                                    {item.code} · {item.activity}
                                  </Text>
                                  <Text size="sm">{item.indicator}</Text>
                                  <Text size="xs" c="dimmed">
                                    {t("portal.plan.lead", { agency: item.leadAgency })}
                                    {item.baseline !== null ? ` · ${t("portal.plan.baseline", { value: formatNumber(item.baseline) })}` : ""}
                                    {item.followsCode ? ` · ${t("portal.plan.follows", { code: item.followsCode })}` : ""}
                                  </Text>
                                </Stack>
                                <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
                                  {item.yearTarget === null ? (
                                    <Text size="sm" c="dimmed">
                                      {t("portal.plan.noTargetThisYear")}
                                    </Text>
                                  ) : (
                                    <>
                                      <Text size="xs" c="dimmed">
                                        {t("portal.plan.targetThisYear", { year: result.year })}
                                      </Text>
                                      <Text size="xl" fw={700} data-testid="year-target">
                                        {formatNumber(item.yearTarget)}
                                      </Text>
                                    </>
                                  )}
                                  <Text size="xs">{t(`unit.${item.unit}`)}</Text>
                                  {item.targetMode === "cumulative" && (
                                    <Badge size="xs" variant="light" mt={4}>
                                      {t("portal.plan.toDate", { year: result.year, value: formatNumber(item.targetToDate) })}
                                    </Badge>
                                  )}
                                </Stack>
                              </Group>
                            </Paper>
                          ))}
                        </Stack>
                      </Paper>
                    );
                  })
                )}
              </Stack>
            );
          }}
        </QueryState>
      )}
    </Stack>
  );
}
