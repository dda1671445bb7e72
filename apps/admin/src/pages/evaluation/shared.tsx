/**
 * What every evaluation screen shares: the tabs between them, the year choice, the line under each
 * figure saying when it was read and how many task forces it covers, the publication state, a rank
 * with its band, the formats of scores and money, and the two downloads.
 */
// The Mantine sheets the evaluation screens add to the signed-in frame's (every evaluation page imports this module).
import "@mantine/core/styles/Combobox.css";
import "@mantine/core/styles/List.css";
import "@mantine/core/styles/SimpleGrid.css";
import { formatRank } from "@gugus/domain/evaluation";
import { PDF_TYPE, XLSX_TYPE, download, localTime, useTRPC } from "@gugus/ui";
import { localeOf } from "@gugus/ui/i18n";
import { Alert, Anchor, Badge, Button, Center, Group, Loader, Select, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Suspense, useMemo } from "react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useRoute } from "wouter";
import type { RankBand, YearsView } from "./api.ts";

/** Scores (one decimal), money in rupiah (exact and short), and a share of 0..1 or a percentage of 0..100 as a percentage. */
export function useEvaluationFormats() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const locale = localeOf(i18n.language);
    const one = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const money = new Intl.NumberFormat(locale, { style: "currency", currency: "IDR", maximumFractionDigits: 0 });
    const short = new Intl.NumberFormat(locale, { style: "currency", currency: "IDR", notation: "compact", maximumFractionDigits: 1 });
    const pct = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const weight = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
    return {
      score: (v: number | null | undefined) => (v === null || v === undefined ? "—" : one.format(v)),
      count: (v: number | null | undefined) => (v === null || v === undefined ? "—" : whole.format(v)),
      money: (v: number | null | undefined) => (v === null || v === undefined ? "—" : money.format(v)),
      moneyShort: (v: number | null | undefined) => (v === null || v === undefined ? "—" : short.format(v)),
      /** A share of 0..1. */
      share: (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${pct.format(v * 100)}%`),
      /** A percentage of 0..100. */
      percent: (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${pct.format(v)}%`),
      weight: (v: number) => weight.format(v),
    };
  }, [i18n.language]);
}

export type EvaluationFormats = ReturnType<typeof useEvaluationFormats>;

/** The tabs between the three evaluation screens of the navigation. */
export function EvaluationTabs() {
  const { t } = useTranslation();
  const [overview] = useRoute("/evaluation");
  const [trends] = useRoute("/evaluation/trends");
  const [method] = useRoute("/evaluation/method");
  const tabs = [
    { href: "/evaluation", label: t("admin.evaluation.tabs.overview"), active: overview },
    { href: "/evaluation/trends", label: t("admin.evaluation.tabs.trends"), active: trends },
    { href: "/evaluation/method", label: t("admin.evaluation.tabs.method"), active: method },
  ];
  return (
    <Group component="nav" aria-label={t("admin.evaluation.tabs.label")} gap="md" data-testid="evaluation-tabs">
      {tabs.map((tab) => (
        <Anchor key={tab.href} component={Link} href={tab.href} aria-current={tab.active ? "page" : undefined} fw={tab.active ? 700 : 500} underline={tab.active ? "always" : "hover"}>
          {tab.label}
        </Anchor>
      ))}
    </Group>
  );
}

/** The choice of year: every begun year of a RAN period, latest first. */
export function YearSelect({ years, value, onChange }: { years: YearsView["years"]; value: number | null; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  const data = [...years]
    .sort((a, b) => b.year - a.year)
    .map((y) => ({ value: String(y.year), label: t(y.ended ? "admin.evaluation.yearOption" : "admin.evaluation.yearOptionOpen", { year: y.year, period: y.periodNumber }) }));
  return (
    <Select
      label={t("admin.evaluation.year")}
      data={data}
      value={value === null ? null : String(value)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
      w={260}
      data-testid="evaluation-year"
    />
  );
}

/** "2026-12-01 22:51 WIB (2026-12-01 15:51 UTC)". */
export function useAsOf() {
  const { t } = useTranslation();
  return (at: string) => t("admin.evaluation.asOf", { local: localTime(at, "WIB"), utc: `${at.slice(0, 10)} ${at.slice(11, 16)}` });
}

/** The line under a figure: when it was read and how many task forces it covers. */
export function FigureLine({ asOf, count }: { asOf: string; count: number }) {
  const { t } = useTranslation();
  const formats = useEvaluationFormats();
  return (
    <Text size="xs" c="dimmed" data-testid="figure-line">
      {t("admin.evaluation.figureLine", { time: `${localTime(asOf, "WIB")}`, n: formats.count(count) })}
    </Text>
  );
}

/** Published (with its date) or not yet: a year not published is labelled, never hidden. */
export function PublicationBadge({ publishedAt }: { publishedAt: string | null }) {
  const { t } = useTranslation();
  return publishedAt === null ? (
    <Badge color="yellow" variant="light" c="yellow.9" data-testid="publication" data-published="false">
      {t("admin.evaluation.notPublished")}
    </Badge>
  ) : (
    <Badge color="teal" variant="light" c="teal.9" data-testid="publication" data-published="true">
      {t("admin.evaluation.published", { date: publishedAt.slice(0, 10) })}
    </Badge>
  );
}

/** "12th (9th–15th)", or "Not rated". */
export function RankText({ rank }: { rank: RankBand | null }) {
  const { t, i18n } = useTranslation();
  if (rank === null)
    return (
      <Text span size="sm" c="dimmed">
        {t("admin.evaluation.notRated")}
      </Text>
    );
  return (
    <Text span size="sm" style={{ whiteSpace: "nowrap" }} data-rank={rank.rank} data-best={rank.best} data-worst={rank.worst}>
      {formatRank(rank, i18n.language === "en" ? "en" : "id")}
      <Text span size="xs" c="dimmed">
        {" "}
        / {rank.of}
      </Text>
    </Text>
  );
}

/** A score, with "provisional" or "not rated" beside it when so. */
export function ScoreText({ total, rated, provisional }: { total: number | null; rated: boolean; provisional: boolean }) {
  const { t } = useTranslation();
  const formats = useEvaluationFormats();
  if (!rated || total === null)
    return (
      <Badge color="gray" variant="outline" c="gray.8">
        {t("admin.evaluation.notRated")}
      </Badge>
    );
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <Text span size="sm" fw={600} style={{ fontVariantNumeric: "tabular-nums" }}>
        {formats.score(total)}
      </Text>
      {provisional && (
        <Badge color="yellow" variant="light" c="yellow.9" size="sm">
          {t("admin.evaluation.provisional")}
        </Badge>
      )}
    </Group>
  );
}

/** A lazily loaded chart's place while its module loads. */
export function ChartSlot({ height, children }: { height: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Center h={height} aria-busy="true">
          <Loader size="sm" role="status" aria-label={t("admin.evaluation.loadingChart")} />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

/** The XLSX (national, or a province's table) and, nationally, the PDF summary, in the reader's language. */
export function Downloads({ year, taskForceId, pdf }: { year: number; taskForceId?: number; pdf: boolean }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const language = i18n.language === "en" ? "en" : "id";
  const xlsx = useMutation({
    mutationFn: () => queryClient.fetchQuery({ ...trpc.evaluation.exportXlsx.queryOptions({ year, language, ...(taskForceId === undefined ? {} : { taskForceId }) }), staleTime: 0 }),
    onSuccess: (file) => download(file.fileName, { base64: file.contentBase64 }, XLSX_TYPE),
  });
  const summary = useMutation({
    mutationFn: () => queryClient.fetchQuery({ ...trpc.evaluation.exportPdf.queryOptions({ year, language }), staleTime: 0 }),
    onSuccess: (file) => download(file.fileName, { base64: file.contentBase64 }, PDF_TYPE),
  });
  return (
    <Group gap="sm" align="flex-end">
      <Button variant="default" loading={xlsx.isPending} onClick={() => xlsx.mutate()} data-testid="evaluation-xlsx">
        {t("admin.evaluation.download.xlsx")}
      </Button>
      {pdf && (
        <Button variant="default" loading={summary.isPending} onClick={() => summary.mutate()} data-testid="evaluation-pdf">
          {t("admin.evaluation.download.pdf")}
        </Button>
      )}
      {(xlsx.isError || summary.isError) && (
        <Alert color="red" role="alert" py={6}>
          {t("admin.evaluation.download.failed")}
        </Alert>
      )}
    </Group>
  );
}
