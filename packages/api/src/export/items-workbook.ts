/**
 * A period's action items as an XLSX file people can circulate: the first sheet, in the reader's
 * language, opens with the title block (the plan, its period, the date, "Seluruh Indonesia") and
 * names sub-task-forces, units, target modes and levels by their labels; the second sheet ("Impor")
 * holds the same items in the columns the import reads back (the domain's header and codes), so the
 * file can be edited and imported again.
 */
import type { ActionItemRow } from "@gugus/db";
import { itemTableHeader, itemTableRow, toRoman } from "@gugus/domain";
import type { IsoDate } from "@gugus/domain";
import { LIST_FILE_LABELS, generatedAtLabel, scopeLabel } from "./list-labels.ts";
import { buildListWorkbook } from "./list-workbook.ts";
import type { ListColumn } from "./list-workbook.ts";
import type { FileLanguage } from "./report-labels.ts";

type PeriodSpan = { number: number; firstYear: number; lastYear: number };

/** The file a period's plan is downloaded as: `ran-IV-2025-2029.xlsx`. */
export function itemsFileName(period: PeriodSpan): string {
  return `ran-${toRoman(period.number)}-${period.firstYear}-${period.lastYear}.xlsx`;
}

/** The plan's items as an XLSX file: a labelled sheet with the title block, then the import's sheet. */
export async function writeItemsWorkbook(
  period: PeriodSpan,
  items: readonly ActionItemRow[],
  { language = "id", today, now }: { language?: FileLanguage; today: IsoDate; now: Date },
): Promise<Uint8Array> {
  const l = LIST_FILE_LABELS[language];
  const t = l.items;
  const codeOf = new Map(items.map((i) => [i.id, i.code]));
  const follows = (item: ActionItemRow) => (item.followsItemId === null ? null : (codeOf.get(item.followsItemId) ?? null));
  const years = Array.from({ length: period.lastYear - period.firstYear + 1 }, (_, i) => period.firstYear + i);
  const numeral = toRoman(period.number);
  const labelled: ListColumn<ActionItemRow>[] = [
    { header: t.code, width: 12, value: (i) => i.code },
    { header: t.subTaskForce, width: 30, value: (i) => l.subTaskForce[i.subTaskForce] },
    { header: t.programme, width: 36, value: (i) => i.programme },
    { header: t.activity, width: 44, value: (i) => i.activity },
    { header: t.indicator, width: 36, value: (i) => i.indicator },
    { header: t.unit, width: 14, value: (i) => l.unit[i.unit] },
    { header: t.baseline, width: 12, kind: "number", value: (i) => i.baseline },
    { header: t.targetMode, width: 14, value: (i) => l.targetMode[i.targetMode] },
    ...years.map((y): ListColumn<ActionItemRow> => ({ header: t.target(y), width: 12, kind: "number", value: (i) => i.targets.find((x) => x.year === y)?.value ?? null })),
    { header: t.leadAgency, width: 30, value: (i) => i.leadAgency },
    { header: t.relatedAgencies, width: 36, value: (i) => i.relatedAgencies.join("; ") },
    { header: t.level, width: 16, value: (i) => l.level[i.level] },
    { header: t.follows, width: 12, value: (i) => follows(i) },
  ];
  const importColumns: ListColumn<ActionItemRow>[] = itemTableHeader(period).map((header, index) => ({
    header,
    width: 18,
    value: (i) => itemTableRow(i, period, follows(i))[index] ?? null,
  }));
  return buildListWorkbook({
    title: `${t.title} — ${t.describes(numeral, period.firstYear, period.lastYear)}`,
    describes: `${t.describes(numeral, period.firstYear, period.lastYear)} · ${l.asOf(today)}`,
    scope: scopeLabel({ level: "national", regionName: null }, language),
    generatedAt: generatedAtLabel(now, language),
    language,
    sheets: [
      { name: t.sheet(numeral), columns: labelled, rows: items },
      { name: t.importSheet, columns: importColumns, rows: items },
    ],
  });
}
