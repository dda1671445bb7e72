// Styles of the components only this page uses; they load with it.
import "@mantine/core/styles/Table.css";
import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/ScrollArea.css";
import "@mantine/core/styles/List.css";
import "@mantine/core/styles/VisuallyHidden.css";
import {
  ApiErrorAlert,
  CountsTable,
  PlaceInProvince,
  QueryState,
  RankingTable,
  ScoreHistory,
  ScoreSpread,
  Scorecard,
  ScoreStatusBadges,
  SectionCard,
  XLSX_TYPE,
  download,
  refName,
  useTRPC,
} from "@gugus/ui";
import type { ProvinceView, ScorecardView, YearsView } from "@gugus/ui";
import { Anchor, Button, Group, List, Select, Stack, Text, Title } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearch } from "wouter";

const hrefOf = (taskForceId: number, year: number) => `/task-forces/${taskForceId}/evaluation?year=${year}`;

function YearSelect({ years, year, onChange }: { years: YearsView["years"]; year: number; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t("evaluation.year")}
      w={300}
      allowDeselect={false}
      value={String(year)}
      data={[...years]
        .sort((a, b) => b.year - a.year)
        .map((y) => ({ value: String(y.year), label: t(y.ended ? "evaluation.yearOption" : "evaluation.yearOptionOpen", { year: y.year, period: y.periodNumber }) }))}
      onChange={(value) => value && onChange(Number(value))}
      data-testid="evaluation-year"
    />
  );
}

/** The evaluation's tables of a province as an XLSX file, suppressed as on screen, in the reader's language. */
function XlsxButton({ year, taskForceId, name }: { year: number; taskForceId: number | undefined; name: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const language = i18n.language === "en" ? "en" : "id";
  async function get() {
    setBusy(true);
    setError(null);
    try {
      const input = { year, language, ...(taskForceId === undefined ? {} : { taskForceId }) } as const;
      const file = await queryClient.fetchQuery({ ...trpc.evaluation.exportXlsx.queryOptions(input), staleTime: 0 });
      download(file.fileName, { base64: file.contentBase64 }, XLSX_TYPE);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack gap={4} align="flex-end">
      <Button variant="default" loading={busy} onClick={() => void get()} aria-label={t("evaluation.exportXlsxOf", { name, year })} data-testid="evaluation-xlsx">
        {t("evaluation.exportXlsx")}
      </Button>
      {error !== null && <ApiErrorAlert error={error} />}
    </Stack>
  );
}

function ProvinceSections({ view, year }: { view: ProvinceView; year: number }) {
  const { t } = useTranslation();
  const totals = useMemo(() => view.regencies.flatMap((r) => (r.rated && r.total !== null ? [r.total] : [])), [view.regencies]);
  return (
    <>
      <Title order={2} size="h3" mt="md">
        {t("evaluation.regencies.title")}
      </Title>
      <Group gap="sm">
        <ScoreStatusBadges provisional={false} publishedAt={view.publishedAt} />
      </Group>
      <SectionCard title={t("evaluation.spread.title")} intro={t("evaluation.spread.chartDesc")}>
        <ScoreSpread totals={totals} spread={view.spread} />
      </SectionCard>
      <SectionCard title={t("evaluation.ranking.title")} intro={t("evaluation.regencies.intro")}>
        <RankingTable rows={view.regencies} hrefOf={(row) => hrefOf(row.id, year)} />
      </SectionCard>
      <SectionCard title={t("evaluation.notReported.title")} intro={view.notReported.length === 0 ? t("evaluation.notReported.none") : t("evaluation.notReported.intro")}>
        {view.notReported.length > 0 && (
          <List size="sm" data-testid="not-reported" style={{ columns: "16rem" }}>
            {view.notReported.map((tf) => (
              <List.Item key={tf.id}>
                <Anchor component={Link} href={hrefOf(tf.id, year)}>
                  {tf.name}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </SectionCard>
      <SectionCard title={t("evaluation.counts.title")} intro={t("evaluation.counts.table")}>
        <CountsTable counts={view.counts} />
      </SectionCard>
    </>
  );
}

function Body({ taskForceId, year, card }: { taskForceId: number; year: number; card: ScorecardView }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const isProvince = card.taskForce.level === "province";
  const province = useQuery({ ...trpc.evaluation.province.queryOptions({ taskForceId, year }), enabled: isProvince });
  // The action items' titles name the delivery inputs (their codes alone otherwise).
  const plan = useQuery(trpc.ran.plan.queryOptions({ taskForceId, number: card.periodNumber }));
  const titles = useMemo(() => new Map((plan.data?.items ?? []).map((i) => [i.code, i.activity])), [plan.data]);
  return (
    <Stack gap="md">
      <Scorecard data={card} itemTitles={titles} />
      <SectionCard title={t("evaluation.history.title")} intro={t("evaluation.history.chart")}>
        <ScoreHistory history={card.history} />
      </SectionCard>
      {card.province !== null && (
        <SectionCard title={t("evaluation.place.title")} intro={t("evaluation.place.chart")}>
          <PlaceInProvince total={card.score.total} place={card.province} />
        </SectionCard>
      )}
      {isProvince && <QueryState query={province}>{(view) => <ProvinceSections view={view} year={year} />}</QueryState>}
    </Stack>
  );
}

/** A task force's performance ("Kinerja"): its scorecard for a year, its history, its place in its province; a province's regencies and cities too. */
export default function EvaluationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [location, navigate] = useLocation();
  const chosen = new URLSearchParams(useSearch()).get("year");
  const taskForceId = /^\d{1,9}$/.test(id) ? Number(id) : -1;
  const years = useQuery(trpc.evaluation.years.queryOptions({}));
  const listed = years.data?.years ?? [];
  const year = chosen !== null && listed.some((y) => String(y.year) === chosen) ? Number(chosen) : (years.data?.defaultYear ?? null);
  const card = useQuery({ ...trpc.evaluation.scorecard.queryOptions({ taskForceId, year: year ?? 0 }), enabled: year !== null });
  const profile = useQuery(trpc.hierarchy.byId.queryOptions({ id: taskForceId }));
  const parent = profile.data?.parent ?? null;
  return (
    <Stack gap="md" maw={1100} mx="auto" data-testid="evaluation-page">
      <div>
        <Group gap="md">
          <Anchor component={Link} href={`/task-forces/${id}`} size="sm">
            ← {card.data ? refName(t, card.data.taskForce) : t("evaluation.back")}
          </Anchor>
          {/* A province looking at one of its regencies/cities goes back to its own regencies' list. */}
          {parent?.visible && parent.level === "province" && year !== null && (
            <Anchor component={Link} href={hrefOf(parent.id, year)} size="sm" data-testid="evaluation-province-link">
              ← {t("evaluation.backToProvince", { name: parent.regionName ?? "" })}
            </Anchor>
          )}
        </Group>
        <Title order={1} size="h2" mt="xs">
          {card.data ? `${t("evaluation.title")}: ${refName(t, card.data.taskForce)}` : t("evaluation.title")}
        </Title>
        <Text c="dimmed" size="sm">
          {t("evaluation.intro")}
        </Text>
      </div>
      <QueryState query={years}>
        {(data) =>
          year === null ? (
            <Text>{t("evaluation.noYears")}</Text>
          ) : (
            <Stack gap="md">
              <Group justify="space-between" align="flex-end">
                <YearSelect years={data.years} year={year} onChange={(y) => navigate(`${location}?year=${y}`)} />
                {card.data?.taskForce.level === "province" && <XlsxButton year={year} taskForceId={taskForceId} name={refName(t, card.data.taskForce)} />}
              </Group>
              <QueryState query={card}>{(view) => <Body taskForceId={taskForceId} year={year} card={view} />}</QueryState>
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
