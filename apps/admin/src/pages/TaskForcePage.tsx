import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/Breadcrumbs.css";
import "@mantine/core/styles/List.css";
import "@mantine/core/styles/SimpleGrid.css";
import { DataTable, Fact, FormationStatusBadge, ProfileSections, QueryState, RegionHistory, TaskForceHeading, taskForceName, timeZoneLabel, useAtDate, useTRPC } from "@gugus/ui";
import { Anchor, Breadcrumbs, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";

export function TaskForcePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const numericId = /^\d{1,9}$/.test(id) ? Number(id) : -1;
  const [at] = useAtDate();
  const query = useQuery(trpc.hierarchy.byId.queryOptions({ id: numericId, ...(at ? { at } : {}) }));
  const suffix = at ? `?at=${at}` : "";
  return (
    <QueryState query={query}>
      {(tf) => (
        <Stack gap="lg" maw={960}>
          <Breadcrumbs>
            <Anchor component={Link} href="/">
              {t("admin.nav.hierarchy")}
            </Anchor>
            {tf.parent && (
              <Anchor component={Link} href={`/task-forces/${tf.parent.id}${suffix}`}>
                {tf.parent.regionName ?? t("level.national")}
              </Anchor>
            )}
            <Text>{tf.regionName ?? t("level.national")}</Text>
          </Breadcrumbs>
          <TaskForceHeading taskForce={tf} today={at ? undefined : tf.at} />
          <Paper withBorder p="md" radius="md">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
              <Fact label={t("field.code")}>{tf.regionCode ?? "—"}</Fact>
              <Fact label={t("field.kind")}>{tf.kind ? t(`kind.${tf.kind}`) : t(`level.${tf.level}`)}</Fact>
              <Fact label={t("field.parent")}>
                {tf.parent ? (
                  <Anchor component={Link} href={`/task-forces/${tf.parent.id}${suffix}`}>
                    {taskForceName(t, tf.parent)}
                  </Anchor>
                ) : (
                  "—"
                )}
              </Fact>
              <Fact label={t("field.timeZone")}>{timeZoneLabel(t, tf.timeZone)}</Fact>
              <Fact label={t("field.localDate")}>{tf.localDate}</Fact>
              <Fact label={t("field.status")}>{t(`formationStatus.${tf.status}`)}</Fact>
            </SimpleGrid>
          </Paper>
          <RegionHistory detail={tf} />
          <ProfileSections taskForce={tf} at={at} />
          {/* Regional action plans (RAD) */}
          {tf.level !== "national" && (
            <Anchor component={Link} href={`/task-forces/${tf.id}/rad`} data-testid="task-force-rad">
              {t("rad.title")}
            </Anchor>
          )}
          <Stack gap="xs">
            <Title order={2} size="h4">
              {t("field.children")} · {t("admin.taskForce.childCount", { count: tf.children.length })}
            </Title>
            {tf.children.length === 0 ? (
              <Text c="dimmed">{t("admin.taskForce.noChildren")}</Text>
            ) : (
              <Paper withBorder radius="md">
                <DataTable label={t("field.children")} testId="children-table" striped highlightOnHover columns={[{ label: t("admin.hierarchy.columns.code"), width: 80 }, t("admin.hierarchy.columns.name"), t("field.kind"), t("field.status")]}>
                    {tf.children.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td ff="monospace">{c.regionCode}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} href={`/task-forces/${c.id}${suffix}`}>
                            {c.regionName}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{c.kind ? t(`kind.${c.kind}`) : t(`level.${c.level}`)}</Table.Td>
                        <Table.Td>
                          <FormationStatusBadge status={c.status} size="sm" />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </DataTable>
              </Paper>
            )}
          </Stack>
        </Stack>
      )}
    </QueryState>
  );
}
