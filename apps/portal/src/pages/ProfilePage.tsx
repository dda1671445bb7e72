import { isRealDate } from "@gugus/domain/dates";
import { QueryState, periodLine, taskForceName, timeZoneLabel, useTRPC } from "@gugus/ui";
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { isCentralRole } from "@gugus/domain/accounts";
import type { Me } from "@gugus/ui";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearch } from "wouter";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text>{children}</Text>
    </div>
  );
}

/** Where the RAN period stands on a date: "Periode II, tahun ke-4 dari 5". */
function PeriodCard({ date, localDate }: { date: string; localDate: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [location, navigate] = useLocation();
  const at = useQuery(trpc.ran.atDate.queryOptions({ date }));
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t("portal.profile.periodTitle")}
        </Title>
        <TextInput
          type="date"
          label={t("portal.profile.atDate")}
          description={t("portal.profile.atDateHint", { date: localDate })}
          value={date}
          max="2200-12-31"
          min="1900-01-01"
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isRealDate(value)) navigate(value === localDate ? location : `${location}?date=${value}`, { replace: true });
          }}
          maw={260}
        />
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
      </Stack>
    </Paper>
  );
}

export default function ProfilePage({ id, me }: { id: string; me: Me }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const search = useSearch();
  const numericId = /^\d{1,9}$/.test(id) ? Number(id) : -1;
  const query = useQuery(trpc.hierarchy.byId.queryOptions({ id: numericId }));
  const requested = new URLSearchParams(search).get("date");
  return (
    <Stack gap="md" maw={760} mx="auto">
      {isCentralRole(me.role) && (
        <Anchor component={Link} href="/" size="sm">
          ← {t("portal.profile.changeTaskForce")}
        </Anchor>
      )}
      <QueryState query={query}>
        {(tf) => (
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                {taskForceName(t, tf)}
              </Title>
              <Group gap="xs" mt="xs">
                <Badge variant="light">{t(`level.${tf.level}`)}</Badge>
                <Badge variant="outline" color="gray">
                  {t(`status.${tf.status}`)}
                </Badge>
              </Group>
            </div>
            <Paper withBorder p="md" radius="md">
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
                <Fact label={t("field.code")}>{tf.regionCode ?? "—"}</Fact>
                <Fact label={t("field.kind")}>{tf.kind ? t(`kind.${tf.kind}`) : t(`level.${tf.level}`)}</Fact>
                <Fact label={t("field.parent")}>
                  {tf.parent === null ? (
                    "—"
                  ) : tf.parent.visible ? (
                    <Anchor component={Link} href={`/task-forces/${tf.parent.id}`}>
                      {taskForceName(t, tf.parent)}
                    </Anchor>
                  ) : (
                    taskForceName(t, tf.parent)
                  )}
                </Fact>
                <Fact label={t("field.timeZone")}>{timeZoneLabel(t, tf.timeZone)}</Fact>
                <Fact label={t("field.status")}>{t(`status.${tf.status}`)}</Fact>
                <Fact label={t("field.children")}>{tf.children.length}</Fact>
              </SimpleGrid>
            </Paper>
            {tf.level === "province" && tf.children.length > 0 && (
              <Paper withBorder p="md" radius="md">
                <Title order={2} size="h4" mb="xs">
                  {t("portal.profile.regencies")} ({tf.children.length})
                </Title>
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={4} data-testid="regency-list">
                  {tf.children.map((c) => (
                    <Anchor key={c.id} component={Link} href={`/task-forces/${c.id}`} size="sm">
                      {c.regionCode} · {c.regionName}
                    </Anchor>
                  ))}
                </SimpleGrid>
              </Paper>
            )}
            <PeriodCard
              date={requested && isRealDate(requested) ? requested : tf.localDate}
              localDate={tf.localDate}
            />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
