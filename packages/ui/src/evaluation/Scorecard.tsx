/**
 * A task force's scorecard for a year: the total (or "not rated" with what is missing), whether it
 * is provisional or published, each part's score, weight and contribution — which add up to the
 * total on screen — each part's inputs (a missing one reads "missing", never 0), delivery per
 * sub-task-force with its items, what would raise the score most, and the rank with its band.
 */
import { EVALUATION_PARTS } from "@gugus/domain/evaluation";
import type { PartScore, ScoreInput } from "@gugus/domain/evaluation";
import { Badge, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../components/DataTable.tsx";
import { ReportStatusBadge } from "../reports/review/StatusBadge.tsx";
import { inputLabel, missingLabel, partLabel, useEvaluationFormat } from "./labels.ts";
import type { ItemTitles } from "./labels.ts";
import type { Part, RankBand, ScorecardView, TfRef } from "./types.ts";

/** The badges of a year's scores: provisional, and published or not. */
export function ScoreStatusBadges({ provisional, publishedAt }: { provisional: boolean; publishedAt: string | null }) {
  const { t } = useTranslation();
  const f = useEvaluationFormat();
  return (
    <Group gap="xs">
      {provisional && (
        <Badge color="orange" variant="light" data-testid="badge-provisional">
          {t("evaluation.provisional")}
        </Badge>
      )}
      {publishedAt === null ? (
        <Badge color="gray" variant="outline" data-testid="badge-unpublished">
          {t("evaluation.notPublished")}
        </Badge>
      ) : (
        <Badge color="teal" variant="light">
          {t("evaluation.published", { date: f.date(publishedAt) })}
        </Badge>
      )}
    </Group>
  );
}

/** The rank with its band and the sentence that overlapping bands are neither better nor worse. */
export function RankLine({ rank, level, rated }: { rank: RankBand | null; level: TfRef["level"]; rated: boolean }) {
  const { t } = useTranslation();
  const f = useEvaluationFormat();
  if (level === "national") return <Text size="sm">{t("evaluation.rank.level.national")}</Text>;
  if (rank === null)
    return (
      <div>
        <Text fw={700}>{t("evaluation.rank.none")}</Text>
        {!rated && (
          <Text size="sm" c="dimmed">
            {t("evaluation.rank.noneHint")}
          </Text>
        )}
      </div>
    );
  return (
    <div>
      <Text fw={700} size="lg" data-testid="scorecard-rank">
        {f.rank(rank)} <Text span size="sm" fw={400}>{t(`evaluation.rank.level.${level}`)}</Text>
      </Text>
      <Text size="sm" c="dimmed">
        {t("evaluation.rank.note")}
      </Text>
    </div>
  );
}

function InputsTable({ label, inputs, titles }: { label: string; inputs: readonly ScoreInput[]; titles?: ItemTitles }) {
  const { t } = useTranslation();
  const f = useEvaluationFormat();
  return (
    <DataTable label={label} columns={[t("evaluation.column.input"), t("evaluation.column.value"), { label: t("evaluation.column.points"), align: "right" }]} minWidth={300} horizontalSpacing="xs" striped>
      {inputs.map((input) => (
        <Table.Tr key={input.name} data-missing={input.missing || undefined}>
          <Table.Td>{inputLabel(t, input.name, titles)}</Table.Td>
          <Table.Td>
            {input.missing ? (
              <Badge color="gray" variant="outline" size="sm">
                {t("evaluation.missing")}
              </Badge>
            ) : (
              f.value(input)
            )}
          </Table.Td>
          <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
            {input.missing ? "—" : t("evaluation.points", { points: f.points(input.points), max: f.points(input.max) })}
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

function PartSection({ part, score, children }: { part: Part; score: number | null; children: ReactNode }) {
  const { t } = useTranslation();
  const f = useEvaluationFormat();
  return (
    <Paper withBorder radius="md" p="md" data-testid={`scorecard-part-${part}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" wrap="nowrap">
          <Title order={2} size="h4">
            {partLabel(t, part)}
          </Title>
          <Text fw={700} size="lg">
            {score === null ? t("evaluation.missing") : f.score(score)}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`evaluation.partHint.${part}`)}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

function Delivery({ part, titles }: { part: ScorecardView["score"]["parts"]["delivery"]; titles?: ItemTitles }) {
  const { t } = useTranslation();
  const f = useEvaluationFormat();
  const areas = part.subTaskForces.filter((s) => s.inputs.length > 0);
  if (areas.length === 0) return <Text size="sm">{t("evaluation.delivery.noItems")}</Text>;
  return (
    <Stack gap="md">
      <Title order={3} size="h5">
        {t("evaluation.delivery.title")}
      </Title>
      {areas.map((area) => (
        <Stack key={area.subTaskForce} gap={4} data-testid={`scorecard-area-${area.subTaskForce}`}>
          <Group justify="space-between" align="baseline" wrap="nowrap">
            <Text fw={600}>{t(`subTaskForce.${area.subTaskForce}`)}</Text>
            <Text fw={600}>{area.score === null ? t("evaluation.missing") : f.score(area.score)}</Text>
          </Group>
          <InputsTable label={t(`subTaskForce.${area.subTaskForce}`)} inputs={area.inputs} {...(titles ? { titles } : {})} />
        </Stack>
      ))}
    </Stack>
  );
}

export type ScorecardProps = {
  data: ScorecardView;
  /** The action items' titles by code, to name the delivery inputs. */
  itemTitles?: ItemTitles;
};

export function Scorecard({ data, itemTitles }: ScorecardProps) {
  const { t } = useTranslation();
  const f = useEvaluationFormat();
  const { score } = data;
  const titles = itemTitles ? { titles: itemTitles } : {};
  const sum = EVALUATION_PARTS.reduce((s, p) => s + data.contributions[p].points, 0);
  const parts: Record<Part, PartScore> = score.parts;
  return (
    <Stack gap="md" data-testid="scorecard">
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t("evaluation.total")}
            </Text>
            {score.rated && score.total !== null ? (
              <Group gap="xs" align="baseline">
                <Text fz={40} fw={800} lh={1} data-testid="scorecard-total">
                  {f.score(score.total)}
                </Text>
                <Text c="dimmed">{t("evaluation.outOf")}</Text>
              </Group>
            ) : (
              <Stack gap={4}>
                <Text fz={28} fw={800} lh={1.1} data-testid="scorecard-total">
                  {t("evaluation.notRated")}
                </Text>
                <Text size="sm">{t("evaluation.notRatedHint")}</Text>
                <List size="sm" data-testid="scorecard-missing">
                  {score.missing.map((m) => (
                    <List.Item key={m}>{missingLabel(t, m, itemTitles)}</List.Item>
                  ))}
                </List>
              </Stack>
            )}
            <ScoreStatusBadges provisional={score.provisional} publishedAt={data.publishedAt} />
            {score.provisional && (
              <Text size="sm" c="dimmed">
                {t("evaluation.provisionalHint")}
              </Text>
            )}
            {data.publishedAt === null && (
              <Text size="sm" c="dimmed">
                {t("evaluation.notPublishedHint")}
              </Text>
            )}
          </Stack>
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t("evaluation.rank.title")}
            </Text>
            <RankLine rank={data.rank} level={data.taskForce.level} rated={score.rated} />
            <Group gap="xs" mt="xs">
              <Text size="sm">{t("evaluation.reportOfYear", { year: data.year })}</Text>
              <ReportStatusBadge status={data.report.status ?? "none"} size="sm" />
            </Group>
            <Text size="xs" c="dimmed">
              {t("evaluation.asOf", { time: f.time(data.asOf) })}
            </Text>
          </Stack>
        </SimpleGrid>
      </Paper>

      <Paper withBorder radius="md" p={{ base: "xs", sm: "md" }}>
        <Stack gap="xs">
          <DataTable
            label={t("evaluation.total")}
            columns={[t("evaluation.column.part"), { label: t("evaluation.column.score"), align: "right" }, { label: t("evaluation.column.weight"), align: "right" }, { label: t("evaluation.column.contribution"), align: "right" }]}
            minWidth={300}
            horizontalSpacing={6}
            fz="sm"
            testId="scorecard-parts"
            footer={
              <Table.Tr>
                <Table.Th>{t("evaluation.total")}</Table.Th>
                <Table.Td />
                <Table.Td ta="right">{f.weight(EVALUATION_PARTS.reduce((s, p) => s + data.contributions[p].weight, 0))}</Table.Td>
                <Table.Th ta="right" data-testid="scorecard-sum">
                  {score.rated ? f.score(score.total) : t("evaluation.notRated")}
                </Table.Th>
              </Table.Tr>
            }
          >
            {EVALUATION_PARTS.map((part) => {
              const c = data.contributions[part];
              return (
                <Table.Tr key={part}>
                  <Table.Td>{partLabel(t, part)}</Table.Td>
                  <Table.Td ta="right">{c.score === null ? t("evaluation.missing") : f.score(c.score)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    × {f.weight(c.weight)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: "nowrap" }}>
                    {c.score === null ? "—" : `= ${f.score(c.points)}`}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </DataTable>
          <Text size="sm" c="dimmed">
            {t("evaluation.sumNote")} {score.rated ? t("evaluation.sumLine", { sum: f.score(sum) }) : ""}
          </Text>
        </Stack>
      </Paper>

      <Paper withBorder radius="md" p="md" data-testid="scorecard-raise">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t("evaluation.raise.title")}
          </Title>
          {data.raise.length === 0 ? (
            <Text size="sm">{t("evaluation.raise.none")}</Text>
          ) : (
            <>
              <Text size="sm">{t("evaluation.raise.intro")}</Text>
              <List size="sm" spacing={4}>
                {data.raise.map((r) => (
                  <List.Item key={`${r.part}.${r.input}`}>
                    {t("evaluation.raise.line", { input: inputLabel(t, r.input, itemTitles), part: partLabel(t, r.part) })}{" "}
                    <Text span fw={700}>
                      {t("evaluation.raise.gain", { gain: f.points(r.gain) })}
                    </Text>
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      </Paper>

      {EVALUATION_PARTS.map((part) => (
        <PartSection key={part} part={part} score={parts[part].score}>
          {part === "delivery" ? (
            <Delivery part={score.parts.delivery} {...titles} />
          ) : parts[part].inputs.length === 0 ? (
            <Text size="sm">{t("evaluation.missingPart", { part: partLabel(t, part) })}</Text>
          ) : (
            <InputsTable label={partLabel(t, part)} inputs={parts[part].inputs} {...titles} />
          )}
        </PartSection>
      ))}
    </Stack>
  );
}
