/**
 * One task force's scorecard for a chosen year: each part with its inputs, weights and contribution,
 * the rank with its band, what would raise the total, its place against its province's median, and
 * its history over the years.
 */
import { PlaceInProvince, QueryState, ScoreHistory, Scorecard, SectionCard, refName, useTRPC } from "@gugus/ui";
import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { ScorecardView } from "./api.ts";
import { FigureLine, YearSelect } from "./shared.tsx";

function Card({ view }: { view: ScorecardView }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // The action items' titles name the delivery inputs (their codes alone otherwise).
  const plan = useQuery(trpc.ran.plan.queryOptions({ taskForceId: view.taskForce.id, number: view.periodNumber }));
  const titles = useMemo(() => new Map((plan.data?.items ?? []).map((i) => [i.code, i.activity])), [plan.data]);
  return (
    <Stack gap="md">
      <Scorecard data={view} itemTitles={titles} />
      {view.province !== null && (
        <SectionCard title={t("evaluation.place.title")} intro={view.taskForce.name}>
          <PlaceInProvince total={view.score.total} place={view.province} />
          <FigureLine asOf={view.asOf} count={view.province.rated} />
        </SectionCard>
      )}
      <SectionCard title={t("evaluation.history.title")} intro={t("evaluation.history.chart")}>
        <ScoreHistory history={view.history} />
      </SectionCard>
    </Stack>
  );
}

export function ScorecardPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const taskForceId = Number(id);
  const [year, setYear] = useState<number | null>(null);
  const years = useQuery(trpc.evaluation.years.queryOptions({}));
  const chosen = year ?? years.data?.defaultYear ?? null;
  const card = useQuery({ ...trpc.evaluation.scorecard.queryOptions({ taskForceId, ...(chosen === null ? {} : { year: chosen }) }, { placeholderData: (previous) => previous }), enabled: years.isSuccess && chosen !== null });
  const name = card.data ? refName(t, card.data.taskForce) : "…";
  return (
    <Stack gap="md">
      <Group gap="md">
        <Anchor component={Link} href="/evaluation" size="sm">
          {t("admin.evaluation.province.back")}
        </Anchor>
        <Anchor component={Link} href={`/task-forces/${taskForceId}`} size="sm">
          {t("evaluation.back")}
        </Anchor>
      </Group>
      <Title order={1} size="h2">
        {t("admin.evaluation.scorecard.title", { name })}
      </Title>
      <QueryState query={years}>
        {(y) =>
          chosen === null ? (
            <Text c="dimmed">{t("admin.evaluation.noYears")}</Text>
          ) : (
            <Stack gap="md">
              <YearSelect years={y.years} value={chosen} onChange={setYear} />
              <QueryState query={card}>{(view) => <Card view={view} />}</QueryState>
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
