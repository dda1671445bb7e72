/** How the report form names its periods, fields and deadlines. */
import { TIME_ZONES } from "@gugus/domain/regions";
import { localTimeLabel } from "@gugus/domain/reports";
import type { TFunction } from "i18next";
import type { ReportItem, ZoneCode } from "./api.ts";
import { fieldLabel } from "../review/format.ts";

/** "Tahun 2025" / "Semester 1 tahun 2025". */
export function reportPeriodLabel(t: TFunction, period: { year: number; semester: 1 | 2 | null }): string {
  return period.semester === null ? t("reports.periodYear", { year: period.year }) : t("reports.periodSemester", { year: period.year, semester: period.semester });
}

/** An instant on the task force's clock: "2026-01-31 23:30 WIT". */
export function localInstant(at: string, zone: ZoneCode): string {
  return localTimeLabel(new Date(at), TIME_ZONES[zone]);
}

/** An instant in UTC: "2026-01-31 14:30". */
export function utcInstant(at: string): string {
  return `${at.slice(0, 10)} ${at.slice(11, 16)}`;
}

/** The label of a field by its path; a realisation by its action item's code. */
export function pathLabel(t: TFunction, path: string, content: { realisations: readonly { actionItemId: number }[] }, items: readonly ReportItem[]): string {
  const realisation = /^realisations\.(\d+)(?:\.|$)/.exec(path);
  if (realisation) {
    const id = content.realisations[Number(realisation[1])]?.actionItemId;
    const item = items.find((i) => i.id === id);
    if (item) return `${t("reports.section.realisations")} › ${item.code}`;
  }
  return path === "" ? t("reports.title") : fieldLabel(t, path);
}
