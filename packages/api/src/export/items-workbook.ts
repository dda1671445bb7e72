/** Writing a period's action items as an XLSX workbook, in the layout the import reads back (the domain's header and rows). */
import type { ActionItemRow } from "@gugus/db";
import { itemTableHeader, itemTableRow, toRoman } from "@gugus/domain";
import ExcelJS from "exceljs";

type PeriodSpan = { number: number; firstYear: number; lastYear: number };

/** The file a period's plan is downloaded as: `ran-IV-2025-2029.xlsx`. */
export function itemsFileName(period: PeriodSpan): string {
  return `ran-${toRoman(period.number)}-${period.firstYear}-${period.lastYear}.xlsx`;
}

/** One sheet named after the period ("RAN IV"): a bold header row, then an item a row, the item each follows by its code. */
export async function writeItemsWorkbook(period: PeriodSpan, items: readonly ActionItemRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Gugus";
  const sheet = workbook.addWorksheet(`RAN ${toRoman(period.number)}`);
  sheet.addRow(itemTableHeader(period));
  sheet.getRow(1).font = { bold: true };
  const codeOf = new Map(items.map((i) => [i.id, i.code]));
  for (const item of items) sheet.addRow(itemTableRow(item, period, item.followsItemId === null ? null : (codeOf.get(item.followsItemId) ?? null)));
  sheet.columns.forEach((c) => {
    c.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
