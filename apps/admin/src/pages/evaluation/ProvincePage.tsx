/**
 * One province's evaluation for a chosen year: its own task force's score and rank among provinces,
 * the spread of its regencies and cities, their ranking with national bands, who has not reported,
 * and the suppressed count table of the province and its regencies; each name opens its scorecard.
 */
import { CountsTable, QueryState, RankingTable, ScoreSpread, SectionCard, refName, useTRPC } from "@gugus/ui";
import { Anchor, Group, List, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { ProvinceView } from "./api.ts";
import { Downloads, FigureLine, PublicationBadge, RankText, ScoreText, YearSelect, useAsOf } from "./shared.tsx";

function Province({ view }: { view: ProvinceView }) {
  const { t } = useTranslation();
  const asOf = useAsOf();
  const s = view.spread;
  const inForce = view.regencies.length + 1;
  return (
    <Stack gap="md">
      <Group gap="sm">
        <PublicationBadge publishedAt={view.publishedAt} />
        <Text size="sm" c="dimmed" data-testid="evaluation-as-of">
          {asOf(view.asOf)}
        </Text>
      </Group>
      <SectionCard title={t("admin.evaluation.province.own")} intro={view.province.name}>
        <Group gap="xl" data-testid="province-own">
          <div>
            <Text size="xs" c="dimmed">
              {t("admin.evaluation.province.ownScore")}
            </Text>
            <ScoreText total={view.own.total} rated={view.own.rated} provisional={view.own.provisional} />
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t("admin.evaluation.province.ownRank")}
            </Text>
            <RankText rank={view.own.rank} />
          </div>
        </Group>
        <Anchor component={Link} href={`/evaluation/task-forces/${view.province.id}`} size="sm">
          {t("admin.evaluation.province.openOwn")}
        </Anchor>
      </SectionCard>
      <SectionCard title={t("admin.evaluation.province.spread")} intro={t("admin.evaluation.province.spreadIntro")}>
        <ScoreSpread totals={view.regencies.flatMap((r) => (r.rated && r.total !== null ? [r.total] : []))} spread={s} />
        <FigureLine asOf={view.asOf} count={s.rated + s.notRated} />
      </SectionCard>
      <SectionCard title={t("admin.evaluation.province.regencies")} intro={t("admin.evaluation.province.regenciesIntro")}>
        <RankingTable rows={view.regencies} hrefOf={(r) => `/evaluation/task-forces/${r.id}`} testId="province-ranking" />
        <FigureLine asOf={view.asOf} count={view.regencies.length} />
      </SectionCard>
      <SectionCard title={t("admin.evaluation.province.notReported")} intro={t("admin.evaluation.province.notReportedIntro")}>
        {view.notReported.length === 0 ? (
          <Text size="sm">{t("admin.evaluation.province.allReported")}</Text>
        ) : (
          <List size="sm" data-testid="province-not-reported" style={{ columns: "16rem" }}>
            {view.notReported.map((tf) => (
              <List.Item key={tf.id}>
                <Anchor component={Link} href={`/evaluation/task-forces/${tf.id}`} size="sm">
                  {refName(t, tf)}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
        <FigureLine asOf={view.asOf} count={inForce} />
      </SectionCard>
      <SectionCard title={t("admin.evaluation.province.counts")} intro={t("admin.evaluation.province.countsIntro")}>
        <CountsTable counts={view.counts} testId="province-counts" />
        <FigureLine asOf={view.asOf} count={view.counts.rows.length} />
      </SectionCard>
    </Stack>
  );
}

export function ProvincePage({ taskForceId }: { taskForceId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const id = Number(taskForceId);
  const [year, setYear] = useState<number | null>(null);
  const years = useQuery(trpc.evaluation.years.queryOptions({}));
  const chosen = year ?? years.data?.defaultYear ?? null;
  const province = useQuery({ ...trpc.evaluation.province.queryOptions({ taskForceId: id, ...(chosen === null ? {} : { year: chosen }) }, { placeholderData: (previous) => previous }), enabled: years.isSuccess && chosen !== null });
  return (
    <Stack gap="md">
      <Anchor component={Link} href="/evaluation" size="sm">
        {t("admin.evaluation.province.back")}
      </Anchor>
      <div>
        <Title order={1} size="h2">
          {t("admin.evaluation.province.title", { name: province.data?.province.name ?? "…" })}
        </Title>
        <Text c="dimmed" size="sm" maw={800}>
          {t("admin.evaluation.province.intro")}
        </Text>
      </div>
      <QueryState query={years}>
        {(y) =>
          chosen === null ? (
            <Text c="dimmed">{t("admin.evaluation.noYears")}</Text>
          ) : (
            <Stack gap="md">
              <Group align="flex-end" justify="space-between" gap="md">
                <YearSelect years={y.years} value={chosen} onChange={setYear} />
                <Downloads year={chosen} taskForceId={id} pdf={false} />
              </Group>
              <QueryState query={province}>{(view) => <Province view={view} />}</QueryState>
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
