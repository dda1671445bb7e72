/** A section of plain counts (law enforcement, services, network scope, prevention, coordination). */
import type { ReportContent } from "@gugus/domain/reports";
import { SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FigureField, countLabel, useReportFormContext } from "./fields.tsx";
import { setField } from "./model.ts";

export type CountGroup = "lawEnforcement" | "services" | "networkScope" | "prevention" | "coordination";

export function CountsSection({ group, content }: { group: CountGroup; content: ReportContent }) {
  const { t } = useTranslation();
  const { change } = useReportFormContext();
  const counts = content[group] as Record<string, number | null>;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
      {Object.entries(counts).map(([key, value]) => (
        <FigureField key={key} label={countLabel(t, group, key)} path={`${group}.${key}`} value={value} onValue={(v) => change(setField(`${group}.${key}`, v))} />
      ))}
    </SimpleGrid>
  );
}
