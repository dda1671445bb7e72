/**
 * A task force's total against its province's median and middle half — or, when too few task
 * forces are rated there for the median not to give another's score away, why it is hidden.
 */
import { SMALL_COUNT_THRESHOLD } from "@gugus/domain/suppression";
import { Alert, Box, SimpleGrid, Stack, Text } from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Fact } from "../profile/TaskForceHeading.tsx";
import { useEvaluationFormat } from "./labels.ts";
import type { ProvincePlace } from "./types.ts";

const PAD = 24;
/** The plot's own width: its box's, within reason, so its text stays its real size on a phone. */
const plotWidth = (measured: number) => Math.max(240, Math.min(720, measured || 600));
const scaleOf = (width: number) => (score: number) => PAD + ((width - 2 * PAD) * Math.min(100, Math.max(0, score))) / 100;

export function PlaceInProvince({ total, place }: { total: number | null; place: ProvincePlace }) {
  const { t } = useTranslation();
  const f = useEvaluationFormat();
  const titleId = useId();
  const { ref, width: measured } = useElementSize();
  const WIDTH = plotWidth(measured);
  const x = scaleOf(WIDTH);
  if (place.hidden === "too_few") {
    return (
      <Alert color="gray" variant="light" data-testid="place-hidden">
        {t("evaluation.place.hidden", { threshold: SMALL_COUNT_THRESHOLD })}
      </Alert>
    );
  }
  return (
    <Stack gap="sm" data-testid="place-in-province">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Fact label={t("evaluation.place.own")}>{total === null ? t("evaluation.notRated") : f.score(total)}</Fact>
        <Fact label={t("evaluation.place.median")}>{f.score(place.median)}</Fact>
        <Fact label={t("evaluation.place.quartiles")}>{place.q1 === null || place.q3 === null ? "—" : `${f.score(place.q1)}–${f.score(place.q3)}`}</Fact>
        <Fact label={t("evaluation.place.rated")}>{String(place.rated)}</Fact>
      </SimpleGrid>
      {place.median === null ? (
        <Text size="sm">{t("evaluation.place.noMedian")}</Text>
      ) : (
        <Box ref={ref} maw={720}>
          <svg viewBox={`0 0 ${WIDTH} 64`} width="100%" role="img" aria-labelledby={titleId} style={{ display: "block" }}>
            <title id={titleId}>{t("evaluation.place.chart")}</title>
            {place.q1 !== null && place.q3 !== null && <rect x={x(place.q1)} y={8} width={Math.max(1, x(place.q3) - x(place.q1))} height={24} fill="var(--mantine-color-blue-1)" stroke="var(--mantine-color-blue-6)" />}
            <line x1={x(place.median)} x2={x(place.median)} y1={4} y2={36} stroke="var(--mantine-color-blue-9)" strokeWidth={4} />
            {total !== null && <circle cx={x(total)} cy={20} r={7} fill="var(--mantine-color-orange-9)" stroke="var(--mantine-color-dark-7)" />}
            <line x1={x(0)} x2={x(100)} y1={40} y2={40} stroke="var(--mantine-color-gray-7)" />
            {[0, 20, 40, 60, 80, 100].map((tick) => (
              <text key={tick} x={x(tick)} y={56} textAnchor="middle" fontSize={12} fill="var(--mantine-color-gray-8)">
                {tick}
              </text>
            ))}
          </svg>
          <Text size="xs" c="dimmed">
            {t("evaluation.place.legend")}
          </Text>
        </Box>
      )}
      {total === null && <Text size="sm">{t("evaluation.place.notRated")}</Text>}
    </Stack>
  );
}
