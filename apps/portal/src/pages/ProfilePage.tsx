// Styles of the components only this page uses; they load with it.
import "@mantine/core/styles/Table.css";
import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/ScrollArea.css";
import "@mantine/core/styles/List.css";
import { isCentralRole } from "@gugus/domain/accounts";
import {
  Fact,
  FormationStatusBadge,
  ProfileSections,
  QueryState,
  RegionHistory,
  TaskForceHeading,
  periodLine,
  taskForceName,
  timeZoneLabel,
  useAtDate,
  useTRPC,
} from "@gugus/ui";
import type { Me } from "@gugus/ui";
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";

/** Where the RAN period stands on a date: "Periode II, tahun ke-4 dari 5". */
function PeriodCard({ date, planHref, evaluationHref }: { date: string; planHref: string; evaluationHref: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const at = useQuery(trpc.ran.atDate.queryOptions({ date }));
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t("portal.profile.periodTitle")}
        </Title>
        <QueryState query={at}>
          {(result) =>
            result ? (
              <div data-testid="period-line">
                <Text size="xl" fw={700}>
                  {periodLine(t, { numeral: result.period.numeral, index: result.position.index, of: result.position.of })}
                </Text>
                <Text c="dimmed" size="sm">
                  {t("period.years", { first: result.period.firstYear, last: result.period.lastYear })}
                  {result.period.status === "draft" ? ` · ${t("period.draft")}` : result.period.instrument ? ` · ${result.period.instrument}` : ""}
                </Text>
              </div>
            ) : (
              <Text data-testid="period-line">{t("period.none", { year: Number(date.slice(0, 4)) })}</Text>
            )
          }
        </QueryState>
        <Anchor component={Link} href={planHref} size="sm">
          {t("portal.profile.openPlan")} →
        </Anchor>
        <Anchor component={Link} href={evaluationHref} size="sm">
          {t("evaluation.title")} →
        </Anchor>
      </Stack>
    </Paper>
  );
}

export default function ProfilePage({ id, me }: { id: string; me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [at] = useAtDate();
  const numericId = /^\d{1,9}$/.test(id) ? Number(id) : -1;
  const query = useQuery(trpc.hierarchy.byId.queryOptions({ id: numericId, ...(at ? { at } : {}) }));
  const suffix = at ? `?at=${at}` : "";
  return (
    <Stack gap="md" maw={900} mx="auto">
      {isCentralRole(me.role) && (
        <Anchor component={Link} href="/" size="sm">
          ← {t("portal.profile.changeTaskForce")}
        </Anchor>
      )}
      <QueryState query={query}>
        {(tf) => {
          const formedChildren = tf.children.filter((c) => c.status === "formed").length;
          return (
            <Stack gap="md">
              <TaskForceHeading taskForce={tf} today={tf.localDate} />
              <Paper withBorder p="md" radius="md">
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                  <Fact label={t("field.code")}>{tf.regionCode ?? "—"}</Fact>
                  <Fact label={t("field.kind")}>{tf.kind ? t(`kind.${tf.kind}`) : t(`level.${tf.level}`)}</Fact>
                  <Fact label={t("field.parent")}>
                    {tf.parent === null ? (
                      "—"
                    ) : tf.parent.visible ? (
                      <Anchor component={Link} href={`/task-forces/${tf.parent.id}${suffix}`}>
                        {taskForceName(t, tf.parent)}
                      </Anchor>
                    ) : (
                      taskForceName(t, tf.parent)
                    )}
                  </Fact>
                  <Fact label={t("field.timeZone")}>{timeZoneLabel(t, tf.timeZone)}</Fact>
                  <Fact label={t("field.status")}>{t(`formationStatus.${tf.status}`)}</Fact>
                  <Fact label={t("field.children")}>{tf.children.length}</Fact>
                </SimpleGrid>
              </Paper>
              <PeriodCard date={at ?? tf.localDate} planHref={`/task-forces/${tf.id}/plan`} evaluationHref={`/task-forces/${tf.id}/evaluation`} />
              {tf.level === "province" && tf.children.length > 0 && (
                <Paper withBorder p="md" radius="md">
                  <Title order={2} size="h4">
                    {t("portal.profile.regencies")} ({tf.children.length})
                  </Title>
                  <Text size="sm" c="dimmed" mb="xs" data-testid="regency-coverage">
                    {t("portal.profile.coverage", { formed: formedChildren, total: tf.children.length })}
                  </Text>
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} data-testid="regency-list">
                    {tf.children.map((c) => (
                      <Group key={c.id} gap={6} wrap="nowrap">
                        <FormationStatusBadge status={c.status} size="xs" />
                        <Anchor component={Link} href={`/task-forces/${c.id}${suffix}`} size="sm">
                          {c.regionCode} · {c.regionName}
                        </Anchor>
                      </Group>
                    ))}
                  </SimpleGrid>
                </Paper>
              )}
              <ProfileSections taskForce={tf} at={at} />
              <RegionHistory detail={tf} />
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
