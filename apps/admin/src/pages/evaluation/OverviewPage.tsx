/**
 * The national evaluation dashboard, live from the database for a chosen year: coverage, reporting
 * rate, budget commitment, the distribution of scores, the national profile of the four parts and
 * the six areas, each province's spread of regencies and cities, the provinces table, the ranking
 * with bands, the province tile map coloured by a chosen measure, and the suppressed count table.
 * Each figure says when it was read and how many task forces it covers; charts load on demand.
 */
import { CountsTable, DataTable, ProvinceTileMap, QueryState, SectionCard, partLabel, useTRPC } from "@gugus/ui";
import { Anchor, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title, Button } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import type { OverviewView, ProvinceRow } from "./api.ts";
import { SpreadPlot } from "./SpreadPlot.tsx";
import { ChartSlot, Downloads, EvaluationTabs, FigureLine, PublicationBadge, ScoreText, YearSelect, useAsOf, useEvaluationFormats } from "./shared.tsx";
import { RankingTable, dataMessage } from "./tables.tsx";

const BarsChart = lazy(() => import("./charts.tsx").then((m) => ({ default: m.BarsChart })));

type Metric = "median" | "rate" | "allocated" | "shareSpent";
const METRICS: Metric[] = ["median", "rate", "allocated", "shareSpent"];
const PAGE = 50;

/** One figure as a tile: its name and its value. */
function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder radius="sm" p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="xl" fw={700} style={{ fontVariantNumeric: "tabular-nums" }}>
        {value}
      </Text>
    </Paper>
  );
}

function Coverage({ view }: { view: OverviewView }) {
  const { t } = useTranslation();
  const f = useEvaluationFormats();
  const c = view.coverage;
  const keys = ["inForce", "formed", "reported", "rated", "notRated", "provisional"] as const;
  return (
    <SectionCard title={t("admin.evaluation.overview.coverage.title")} intro={t("admin.evaluation.overview.coverage.intro")}>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" data-testid="evaluation-coverage">
        {keys.map((k) => (
          <Stat key={k} label={t(`admin.evaluation.overview.coverage.${k}`)} value={f.count(c[k])} />
        ))}
      </SimpleGrid>
      <FigureLine asOf={view.asOf} count={c.inForce} />
    </SectionCard>
  );
}

function Rate({ view }: { view: OverviewView }) {
  const { t } = useTranslation();
  const f = useEvaluationFormats();
  const r = view.rate;
  return (
    <SectionCard title={t("admin.evaluation.overview.rate.title")} intro={t("admin.evaluation.overview.rate.intro")}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" data-testid="evaluation-rate">
        <Stat label={t("admin.evaluation.overview.rate.rate")} value={f.percent(r.rate)} />
        <Stat label={t("admin.evaluation.overview.rate.onTimeRate")} value={f.percent(r.onTimeRate)} />
        <Stat label={t("admin.evaluation.overview.rate.expected")} value={f.count(r.expected)} />
        <Stat label={t("admin.evaluation.overview.rate.submitted")} value={f.count(r.submitted)} />
        <Stat label={t("admin.evaluation.overview.rate.onTime")} value={f.count(r.onTime)} />
        <Stat label={t("admin.evaluation.overview.rate.approved")} value={f.count(r.approved)} />
        <Stat label={t("admin.evaluation.overview.rate.returned")} value={f.count(r.returned)} />
      </SimpleGrid>
      <FigureLine asOf={view.asOf} count={r.expected} />
    </SectionCard>
  );
}

function Budget({ view }: { view: OverviewView }) {
  const { t } = useTranslation();
  const f = useEvaluationFormats();
  const b = view.budget;
  const sourceName = (s: string) => dataMessage(t, `review.fields.budgetSource.${s}`, s);
  const rows = b.bySource.map((s) => ({ source: sourceName(s.source), allocated: s.allocated, spent: s.spent }));
  const answered = b.dedicatedLine.yes + b.dedicatedLine.no;
  const spentShare = (allocated: number, spent: number) => (allocated > 0 ? spent / allocated : null);
  return (
    <SectionCard title={t("admin.evaluation.overview.budget.title")} intro={t("admin.evaluation.overview.budget.intro", { n: f.count(b.reports) })}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartSlot height={240}>
          <BarsChart
            label={t("admin.evaluation.overview.budget.title")}
            data={rows}
            dataKey="source"
            series={[
              { name: "allocated", label: t("admin.evaluation.overview.budget.allocated"), color: "blue.7" },
              { name: "spent", label: t("admin.evaluation.overview.budget.spent"), color: "orange.7" },
            ]}
            format={f.moneyShort}
            height={240}
          />
        </ChartSlot>
        <Stack gap="sm">
          <DataTable
            label={t("admin.evaluation.overview.budget.title")}
            columns={[t("admin.evaluation.overview.budget.source"), { label: t("admin.evaluation.overview.budget.allocated"), align: "right" }, { label: t("admin.evaluation.overview.budget.spent"), align: "right" }, { label: t("admin.evaluation.overview.budget.share"), align: "right" }]}
            minWidth={420}
            testId="evaluation-budget"
            footer={
              <Table.Tr>
                <Table.Th>{t("admin.evaluation.overview.budget.total")}</Table.Th>
                <Table.Th ta="right">{f.money(b.allocated)}</Table.Th>
                <Table.Th ta="right">{f.money(b.spent)}</Table.Th>
                <Table.Th ta="right">{f.share(spentShare(b.allocated, b.spent))}</Table.Th>
              </Table.Tr>
            }
          >
            {b.bySource.map((s) => (
              <Table.Tr key={s.source}>
                <Table.Td>{sourceName(s.source)}</Table.Td>
                <Table.Td ta="right">{f.money(s.allocated)}</Table.Td>
                <Table.Td ta="right">{f.money(s.spent)}</Table.Td>
                <Table.Td ta="right">{f.share(spentShare(s.allocated, s.spent))}</Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
          <div>
            <Text size="sm" fw={600}>
              {t("admin.evaluation.overview.budget.dedicated")}
            </Text>
            <Group gap="lg" data-testid="evaluation-dedicated">
              <Text size="sm">
                {t("admin.evaluation.overview.budget.dedicatedYes")}: <b>{f.count(b.dedicatedLine.yes)}</b>
              </Text>
              <Text size="sm">
                {t("admin.evaluation.overview.budget.dedicatedNo")}: <b>{f.count(b.dedicatedLine.no)}</b>
              </Text>
              <Text size="sm">
                {t("admin.evaluation.overview.budget.dedicatedUnknown")}: <b>{f.count(b.dedicatedLine.unknown)}</b>
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {t("admin.evaluation.overview.budget.dedicatedShare", { share: f.share(answered > 0 ? b.dedicatedLine.yes / answered : null) })}
            </Text>
          </div>
        </Stack>
      </SimpleGrid>
      <FigureLine asOf={view.asOf} count={b.reports} />
    </SectionCard>
  );
}

function Distribution({ view }: { view: OverviewView }) {
  const { t } = useTranslation();
  const f = useEvaluationFormats();
  const data = view.distribution.map((d) => ({ bin: `${d.from}–${d.to}`, count: d.count }));
  return (
    <SectionCard title={t("admin.evaluation.overview.distribution.title")} intro={t("admin.evaluation.overview.distribution.intro")}>
      <ChartSlot height={220}>
        <BarsChart
          label={t("admin.evaluation.overview.distribution.title")}
          data={data}
          dataKey="bin"
          series={[{ name: "count", label: t("admin.evaluation.overview.distribution.count"), color: "blue.8" }]}
          format={(v) => f.count(v)}
          height={220}
        />
      </ChartSlot>
      <DataTable label={t("admin.evaluation.chartTable", { chart: t("admin.evaluation.overview.distribution.title") })} columns={[t("admin.evaluation.overview.distribution.bin"), ...data.map((d) => ({ label: d.bin, align: "right" as const }))]} minWidth={640} testId="evaluation-distribution">
        <Table.Tr>
          <Table.Td>{t("admin.evaluation.overview.distribution.count")}</Table.Td>
          {data.map((d) => (
            <Table.Td key={d.bin} ta="right">
              {f.count(d.count)}
            </Table.Td>
          ))}
        </Table.Tr>
      </DataTable>
      <FigureLine asOf={view.asOf} count={view.coverage.rated} />
    </SectionCard>
  );
}

function Profile({ view }: { view: OverviewView }) {
  const { t } = useTranslation();
  const f = useEvaluationFormats();
  const parts = view.parts.map((p) => ({ name: partLabel(t, p.part), median: p.median, covered: p.covered }));
  const areas = view.areas.map((a) => ({ name: dataMessage(t, `subTaskForce.${a.subTaskForce}`, a.subTaskForce), median: a.median, covered: a.covered }));
  const series = [{ name: "median", label: t("admin.evaluation.overview.profile.median"), color: "teal.8" }];
  const covered = Math.max(0, ...view.parts.map((p) => p.covered));
  return (
    <SectionCard title={t("admin.evaluation.overview.profile.title")} intro={t("admin.evaluation.overview.profile.intro")}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <div>
          <Title order={3} size="h5">
            {t("admin.evaluation.overview.profile.parts")}
          </Title>
          <ChartSlot height={200}>
            <BarsChart label={t("admin.evaluation.overview.profile.parts")} data={parts} dataKey="name" series={series} format={f.score} height={200} horizontal domain={[0, 100]} />
          </ChartSlot>
        </div>
        <div>
          <Title order={3} size="h5">
            {t("admin.evaluation.overview.profile.areas")}
          </Title>
          <ChartSlot height={260}>
            <BarsChart label={t("admin.evaluation.overview.profile.areas")} data={areas} dataKey="name" series={series} format={f.score} height={260} horizontal domain={[0, 100]} />
          </ChartSlot>
        </div>
      </SimpleGrid>
      <DataTable
        label={t("admin.evaluation.chartTable", { chart: t("admin.evaluation.overview.profile.title") })}
        columns={[t("admin.evaluation.overview.profile.item"), { label: t("admin.evaluation.overview.profile.median"), align: "right" }, { label: t("admin.evaluation.overview.profile.covered"), align: "right" }]}
        minWidth={420}
        testId="evaluation-profile"
      >
        {[...parts, ...areas].map((row) => (
          <Table.Tr key={row.name}>
            <Table.Td>{row.name}</Table.Td>
            <Table.Td ta="right">{f.score(row.median)}</Table.Td>
            <Table.Td ta="right">{f.count(row.covered)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      <FigureLine asOf={view.asOf} count={covered} />
    </SectionCard>
  );
}

const provinceLabel = (p: ProvinceRow) => p.name;


function Spreads({ view, provinces }: { view: OverviewView; provinces: ProvinceRow[] }) {
  const { t } = useTranslation();
  const f = useEvaluationFormats();
  const rated = provinces.reduce((n, p) => n + p.regencies.rated, 0);
  const describe = (p: ProvinceRow): string => {
    const s = p.regencies;
    if (s.median === null) return t("admin.evaluation.overview.spread.empty", { name: p.name });
    return t("admin.evaluation.overview.spread.row", { name: p.name, median: f.score(s.median), q1: f.score(s.q1), q3: f.score(s.q3), min: f.score(s.min), max: f.score(s.max), rated: f.count(s.rated) });
  };
  return (
    <SectionCard title={t("admin.evaluation.overview.spread.title")} intro={t("admin.evaluation.overview.spread.intro")}>
      <SpreadPlot label={t("admin.evaluation.overview.spread.plotLabel")} rows={provinces.map((p) => ({ key: p.provinceCode, label: provinceLabel(p), spread: p.regencies, description: describe(p) }))} />
      <FigureLine asOf={view.asOf} count={rated} />
    </SectionCard>
  );
}

function TileMap({ view, provinces }: { view: OverviewView; provinces: ProvinceRow[] }) {
  const { t } = useTranslation();
  const f = useEvaluationFormats();
  const [metric, setMetric] = useState<Metric>("median");
  // Four choices do not fit a phone's width side by side.
  const narrow = useMediaQuery("(max-width: 48em)");
  const maxAllocated = Math.max(0, ...provinces.map((p) => p.allocated));
  const valueOf = (p: ProvinceRow): number | null => {
    switch (metric) {
      case "median":
        return p.regencies.median;
      case "rate":
        return p.rate;
      case "allocated":
        return maxAllocated > 0 ? (p.allocated / maxAllocated) * 100 : null;
      case "shareSpent":
        return p.allocated > 0 ? (p.spent / p.allocated) * 100 : null;
    }
  };
  const format = (v: number | null) => (v === null ? "—" : metric === "median" ? f.score(v) : metric === "allocated" ? f.moneyShort((v / 100) * maxAllocated) : f.percent(v));
  return (
    <SectionCard
      title={t("admin.evaluation.overview.map.title")}
      intro={t("admin.evaluation.overview.map.intro")}
      action={
        <Stack gap={4}>
          <Text size="sm" fw={500} id="evaluation-metric-label">
            {t("admin.evaluation.overview.map.metric")}
          </Text>
          <SegmentedControl aria-labelledby="evaluation-metric-label" orientation={narrow ? "vertical" : "horizontal"} fullWidth={narrow} value={metric} onChange={setMetric} data={METRICS.map((m) => ({ value: m, label: t(`admin.evaluation.overview.map.metrics.${m}`) }))} data-testid="evaluation-metric" />
        </Stack>
      }
    >
      <ProvinceTileMap values={provinces.map((p) => ({ code: p.provinceCode, value: valueOf(p) }))} metric={t(`admin.evaluation.overview.map.metrics.${metric}`)} format={format} />
      {metric === "median" && (
        <Text size="sm" c="dimmed">
          {t("admin.evaluation.overview.map.scoreNote")}
        </Text>
      )}
      {metric === "allocated" && (
        <Text size="sm" c="dimmed">
          {t("admin.evaluation.overview.map.allocatedNote", { max: f.money(maxAllocated) })}
        </Text>
      )}
      <FigureLine asOf={view.asOf} count={view.coverage.inForce} />
    </SectionCard>
  );
}

function Provinces({ view, provinces }: { view: OverviewView; provinces: ProvinceRow[] }) {
  const { t } = useTranslation();
  const f = useEvaluationFormats();
  const right = (label: string) => ({ label, align: "right" as const });
  const own = new Map(view.taskForces.map((tf) => [tf.id, tf]));
  return (
    <SectionCard title={t("admin.evaluation.overview.provinces.title")} intro={t("admin.evaluation.overview.provinces.intro")}>
      <DataTable
        label={t("admin.evaluation.overview.provinces.title")}
        columns={[
          t("admin.evaluation.overview.provinces.province"),
          right(t("admin.evaluation.overview.provinces.own")),
          right(t("admin.evaluation.overview.provinces.median")),
          right(t("admin.evaluation.overview.provinces.quartiles")),
          right(t("admin.evaluation.overview.provinces.rated")),
          right(t("admin.evaluation.overview.provinces.notRated")),
          right(t("admin.evaluation.overview.provinces.rate")),
          right(t("admin.evaluation.overview.provinces.allocated")),
          right(t("admin.evaluation.overview.provinces.spent")),
        ]}
        minWidth={1000}
        maxHeight={640}
        testId="evaluation-provinces"
        striped
      >
        {provinces.map((p) => {
          const tf = p.taskForceId === null ? undefined : own.get(p.taskForceId);
          return (
            <Table.Tr key={p.provinceCode} data-province={p.provinceCode}>
              <Table.Td miw={200}>
                <Text span size="sm" c="dimmed">
                  {p.provinceCode}
                </Text>{" "}
                {p.taskForceId === null ? (
                  p.name
                ) : (
                  <Anchor component={Link} href={`/evaluation/provinces/${p.taskForceId}`} size="sm" aria-label={t("admin.evaluation.overview.provinces.open", { name: p.name })}>
                    {p.name}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td ta="right">{tf ? <ScoreText total={tf.total} rated={tf.rated} provisional={tf.provisional} /> : f.score(p.total)}</Table.Td>
              <Table.Td ta="right">{f.score(p.regencies.median)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {p.regencies.q1 === null ? "—" : `${f.score(p.regencies.q1)}–${f.score(p.regencies.q3)}`}
              </Table.Td>
              <Table.Td ta="right">{f.count(p.regencies.rated)}</Table.Td>
              <Table.Td ta="right">{f.count(p.regencies.notRated)}</Table.Td>
              <Table.Td ta="right">{f.percent(p.rate)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {f.money(p.allocated)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                {f.money(p.spent)}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <FigureLine asOf={view.asOf} count={view.coverage.inForce} />
    </SectionCard>
  );
}

function Ranking({ view }: { view: OverviewView }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<"province" | "regency">("province");
  const [words, setWords] = useState("");
  const [shown, setShown] = useState(PAGE);
  const all = view.taskForces.filter((tf) => tf.level === level);
  const needle = words.trim().toLocaleLowerCase();
  const matching = needle === "" ? all : all.filter((tf) => tf.name.toLocaleLowerCase().includes(needle) || (tf.regionCode ?? "").includes(needle));
  const sorted = [...matching].sort((a, b) => (a.rank?.rank ?? Infinity) - (b.rank?.rank ?? Infinity) || a.name.localeCompare(b.name));
  return (
    <SectionCard
      title={t("admin.evaluation.overview.ranking.title")}
      intro={t("admin.evaluation.overview.ranking.intro")}
      action={
        <Group align="flex-end" gap="sm">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="evaluation-level-label">
              {t("admin.evaluation.overview.ranking.level")}
            </Text>
            <SegmentedControl
              aria-labelledby="evaluation-level-label"
              value={level}
              onChange={(v) => {
                setLevel(v);
                setShown(PAGE);
              }}
              data={(["province", "regency"] as const).map((l) => ({ value: l, label: t(`admin.evaluation.overview.ranking.levels.${l}`) }))}
              data-testid="evaluation-level"
            />
          </Stack>
          <TextInput label={t("admin.evaluation.overview.ranking.search")} value={words} onChange={(e) => setWords(e.currentTarget.value)} w={220} />
        </Group>
      }
    >
      {sorted.length === 0 ? (
        <Text c="dimmed">{t("admin.evaluation.overview.ranking.noMatch")}</Text>
      ) : (
        <RankingTable rows={sorted.slice(0, shown)} label={t("admin.evaluation.overview.ranking.title")} testId="evaluation-ranking" />
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t("admin.evaluation.overview.ranking.showing", { shown: Math.min(shown, sorted.length), total: sorted.length })}
        </Text>
        {shown < sorted.length && (
          <Button variant="default" size="xs" onClick={() => setShown(shown + PAGE)}>
            {t("admin.evaluation.overview.ranking.more")}
          </Button>
        )}
      </Group>
      <FigureLine asOf={view.asOf} count={all.length} />
    </SectionCard>
  );
}

function Overview({ view }: { view: OverviewView }) {
  const { t } = useTranslation();
  const f = useEvaluationFormats();
  const asOf = useAsOf();
  const provinces = [...view.provinces].sort((a, b) => a.provinceCode.localeCompare(b.provinceCode));
  const w = view.weights;
  const weights = { readiness: f.share(w.readiness), commitment: f.share(w.commitment), delivery: f.share(w.delivery), discipline: f.share(w.discipline) };
  return (
    <Stack gap="md">
      <Group gap="sm">
        <PublicationBadge publishedAt={view.publishedAt} />
        <Text size="sm" c="dimmed" data-testid="evaluation-as-of">
          {asOf(view.asOf)}
        </Text>
      </Group>
      <Text size="sm">{t("admin.evaluation.overview.weights", weights)}</Text>
      <Coverage view={view} />
      <Rate view={view} />
      <Budget view={view} />
      <Distribution view={view} />
      <Profile view={view} />
      <Spreads view={view} provinces={provinces} />
      <TileMap view={view} provinces={provinces} />
      <Provinces view={view} provinces={provinces} />
      <Ranking view={view} />
      <SectionCard title={t("admin.evaluation.overview.counts.title")} intro={t("admin.evaluation.overview.counts.intro")}>
        <CountsTable counts={view.counts} testId="evaluation-counts" />
        <FigureLine asOf={view.asOf} count={view.coverage.reported} />
      </SectionCard>
    </Stack>
  );
}

export function OverviewPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [year, setYear] = useState<number | null>(null);
  const years = useQuery(trpc.evaluation.years.queryOptions({}));
  const chosen = year ?? years.data?.defaultYear ?? null;
  const overview = useQuery({ ...trpc.evaluation.overview.queryOptions(chosen === null ? {} : { year: chosen }, { placeholderData: (previous) => previous }), enabled: years.isSuccess && chosen !== null });
  return (
    <Stack gap="md">
      <EvaluationTabs />
      <div>
        <Title order={1} size="h2">
          {t("admin.evaluation.overview.title")}
        </Title>
        <Text c="dimmed" size="sm" maw={800}>
          {t("admin.evaluation.overview.intro")}
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
                <Downloads year={chosen} pdf />
              </Group>
              <QueryState query={overview}>{(view) => <Overview view={view} />}</QueryState>
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
