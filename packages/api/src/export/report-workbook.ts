/**
 * A report as an XLSX workbook: a summary sheet (whose report, which period, its status, when the
 * file was made, and the approval history), then a sheet each for the activities by sub-task-force,
 * the realisation of every action item against its target, the figures (victims, law enforcement,
 * services, network scope, prevention, coordination), the budget with its totals, and the
 * narrative. Every sheet opens with the same title row, so a printed sheet says whose it is.
 *
 * Labels, never codes. A figure left blank is written as the words "not reported", never as 0.
 * Nothing in the workbook is a formula (totals are computed here and written as values), and text
 * that a spreadsheet would take for one is kept exactly, its cell marked quoted; see list-workbook's {@link setText}.
 */
import { EXPLOITATION_FORMS, SUB_TASK_FORCES } from "@gugus/domain";
import type { ReportContent } from "@gugus/domain";
import ExcelJS from "exceljs";
import { setValue, writeWorkbook } from "./list-workbook.ts";
import { COUNT_SECTIONS, REPORT_FILE_LABELS, countRows, countryLabel, periodLabel, realisationRows, reportTitle, sumReported } from "./report-labels.ts";
import type { FileLanguage, ReportFileData, ReportFileLabels } from "./report-labels.ts";

type Value = string | number | null;

export const BOLD = { bold: true } as const;
export const MUTED = { italic: true, color: { argb: "FF666666" } } as const;
const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8E8E8" } } as const;
export const AMOUNT = "#,##0";
export const PERCENT = "0.0%";

/** One sheet and the helpers that write its rows (the evaluation's workbook writes with it too). */
export class SheetWriter {
  readonly sheet: ExcelJS.Worksheet;
  constructor(
    workbook: ExcelJS.Workbook,
    name: string,
    private readonly labels: Pick<ReportFileLabels, "notReported">,
    widths: readonly number[],
  ) {
    this.sheet = workbook.addWorksheet(name, {
      pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
      views: [{ state: "frozen", ySplit: 1 }],
    });
    this.sheet.columns = widths.map((width) => ({ width }));
  }

  /** A row of values: text made safe, numbers as numbers, null as "not reported" (muted), "" as an empty cell. */
  row(values: readonly Value[], options: { formats?: readonly (string | undefined)[]; wrap?: boolean } = {}): ExcelJS.Row {
    const row = this.sheet.addRow([]);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      setValue(cell, v === null ? this.labels.notReported : v === "" ? null : v);
      if (v === null) cell.font = MUTED;
      const format = options.formats?.[i];
      if (typeof v === "number" && format !== undefined) cell.numFmt = format;
      if (options.wrap === true) cell.alignment = { wrapText: true, vertical: "top" };
    });
    return row;
  }

  /** A row of text only (labels, names, words; "" an empty cell), nothing read as "not reported". */
  text(values: readonly string[], font?: Partial<ExcelJS.Font>): ExcelJS.Row {
    const row = this.sheet.addRow([]);
    values.forEach((v, i) => setValue(row.getCell(i + 1), v === "" ? null : v));
    if (font !== undefined) row.font = font;
    return row;
  }

  header(values: readonly string[]): void {
    const row = this.text(values, BOLD);
    values.forEach((_, i) => {
      row.getCell(i + 1).fill = HEADER_FILL;
    });
  }

  heading(text: string): void {
    this.blank();
    this.text([text], { bold: true, size: 12 });
  }

  blank(): void {
    this.sheet.addRow([]);
  }
}

/** The title row every sheet opens with: task force, report and period, status, when the file was made. */
function titleOf(data: ReportFileData, language: FileLanguage): string {
  const labels = REPORT_FILE_LABELS[language];
  return [data.taskForce.name, `${reportTitle(data, language)} ${data.period.periodKey}`, `${labels.facts.status}: ${labels.status[data.status ?? "none"]}`, `${labels.facts.asOf} ${data.asOf}`].join(" — ");
}

function writeSummary(w: SheetWriter, data: ReportFileData, labels: ReportFileLabels, language: FileLanguage): void {
  const facts: [string, string][] = [
    [labels.facts.taskForce, data.taskForce.name],
    [labels.facts.level, labels.level[data.taskForce.level]],
    [labels.facts.regionCode, data.taskForce.regionCode ?? labels.facts.national],
    [labels.facts.period, periodLabel(data, language)],
    [labels.facts.dueDate, labels.dueOn(data.period.dueDate, data.taskForce.zone)],
    [labels.facts.status, labels.status[data.status ?? "none"]],
    [labels.facts.asOf, data.asOf],
  ];
  w.blank();
  for (const [label, value] of facts) w.row([label, value]).getCell(1).font = BOLD;
  w.heading(labels.history.title);
  if (data.events.length === 0) {
    w.text([labels.history.none], MUTED);
    return;
  }
  w.header([labels.history.time, labels.history.action, labels.history.by, labels.history.reason]);
  for (const e of data.events) w.text([e.localTime, labels.action[e.action], e.actorName ?? "", e.reason ?? ""]).alignment = { wrapText: true, vertical: "top" };
}

function writeActivities(w: SheetWriter, data: ReportFileData, labels: ReportFileLabels): void {
  const codeOf = new Map(data.items.map((i) => [i.id, i.code]));
  for (const stf of SUB_TASK_FORCES) {
    w.heading(labels.subTaskForce[stf.code]);
    const activities = data.content.activities.filter((a) => a.subTaskForce === stf.code);
    if (activities.length === 0) {
      w.text([labels.activity.none], MUTED);
      continue;
    }
    w.header([labels.activity.date, labels.activity.what, labels.activity.item]);
    for (const a of activities) {
      const item = a.actionItemId === null ? "" : (codeOf.get(a.actionItemId) ?? labels.realisation.unknownItem(a.actionItemId));
      w.text([a.date ?? "", a.what, item]).alignment = { wrapText: true, vertical: "top" };
    }
  }
}

function writeRealisations(w: SheetWriter, data: ReportFileData, labels: ReportFileLabels): void {
  const rows = realisationRows(data);
  w.blank();
  if (rows.length === 0) {
    w.text([labels.realisation.none], MUTED);
    return;
  }
  w.header([
    labels.realisation.subTaskForce,
    labels.realisation.code,
    labels.realisation.activity,
    labels.realisation.indicator,
    labels.realisation.unit,
    `${labels.realisation.target} ${data.period.year}`,
    labels.realisation.realised,
    labels.realisation.achievement,
    labels.realisation.note,
  ]);
  for (const r of rows) {
    const item = r.item;
    const target: Value = item === null ? "" : item.yearTarget === null ? labels.realisation.noTarget : item.yearTarget;
    const achievement: Value = r.achievement ?? "";
    w.row(
      [
        item === null ? "" : labels.subTaskForce[item.subTaskForce],
        item?.code ?? labels.realisation.unknownItem(r.actionItemId),
        item?.activity ?? "",
        item?.indicator ?? "",
        item === null ? "" : labels.unit[item.unit],
        target,
        r.realised,
        achievement,
        r.note ?? "",
      ],
      { formats: [undefined, undefined, undefined, undefined, undefined, undefined, undefined, PERCENT], wrap: true },
    );
    if (item === null) continue;
    for (const rad of (data.radItems ?? []).filter((x) => x.followsItemId === item.id)) {
      w.row([labels.subTaskForce[item.subTaskForce], labels.rad.code(rad.code), rad.activity, rad.indicator, labels.unit[rad.unit], rad.yearTarget ?? labels.realisation.noTarget, "", "", labels.rad.note], { wrap: true });
    }
  }
}

function writeFigures(w: SheetWriter, content: ReportContent, labels: ReportFileLabels, language: FileLanguage): void {
  const v = content.victims;
  w.heading(labels.section.victims);
  w.header([labels.field, labels.value]);
  w.row([labels.victims.total, v.total]).getCell(1).font = BOLD;
  w.text([labels.victims.bySex], { italic: true });
  for (const key of ["women", "girls", "men", "boys"] as const) w.row([labels.victims[key], v[key]]);
  w.text([labels.victims.byForm], { italic: true });
  for (const form of EXPLOITATION_FORMS) w.row([labels.exploitation[form], v.exploitation[form]]);
  w.text([labels.victims.byDestination], { italic: true });
  w.row([labels.victims.domestic, v.domestic]);
  if (v.abroad.length === 0) w.row([labels.victims.abroad, labels.victims.abroadNone]);
  for (const a of v.abroad) w.row([`${labels.victims.abroad}: ${countryLabel(a.country, language)}`, a.count]);
  for (const group of COUNT_SECTIONS) {
    w.heading(labels.section[group]);
    w.header([labels.field, labels.value]);
    for (const { label, value } of countRows(content, group, language)) w.row([label, value]);
  }
}

function writeBudget(w: SheetWriter, content: ReportContent, labels: ReportFileLabels): void {
  const b = content.budget;
  w.blank();
  if (b.lines.length === 0) w.text([labels.budget.none], MUTED);
  else {
    w.header([labels.budget.source, labels.budget.allocated, labels.budget.spent, labels.budget.note]);
    for (const line of b.lines) w.row([labels.budget.sources[line.source], line.allocated, line.spent, line.note || ""], { formats: [undefined, AMOUNT, AMOUNT], wrap: true });
    const total = w.row([labels.budget.total, sumReported(b.lines.map((l) => l.allocated)), sumReported(b.lines.map((l) => l.spent))], { formats: [undefined, AMOUNT, AMOUNT] });
    total.getCell(1).font = BOLD;
    total.getCell(1).border = { top: { style: "thin" } };
  }
  w.blank();
  w.row([labels.budget.dedicatedLine, b.dedicatedLine === null ? null : b.dedicatedLine ? labels.budget.yes : labels.budget.no]);
  w.row([labels.budget.regionTotalBudget, b.regionTotalBudget], { formats: [undefined, AMOUNT] });
}

function writeNarrative(w: SheetWriter, content: ReportContent, labels: ReportFileLabels): void {
  for (const key of ["obstacles", "recommendations"] as const) {
    w.heading(labels.narrative[key]);
    const text = content.narrative[key];
    w.row([text || null], { wrap: true });
  }
}

/** The report as an XLSX workbook in one language (see the module's comment for its layout). */
export async function writeReportWorkbook(report: ReportFileData, language: FileLanguage): Promise<Buffer> {
  const labels = REPORT_FILE_LABELS[language];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Gugus";
  workbook.title = `${report.taskForce.name} — ${reportTitle(report, language)} ${report.period.periodKey}`;
  const title = titleOf(report, language);
  const sheet = (name: string, widths: readonly number[]) => {
    const w = new SheetWriter(workbook, name, labels, widths);
    w.text([title], { bold: true, size: 13 });
    return w;
  };
  writeSummary(sheet(labels.sheet.summary, [28, 60, 28, 60]), report, labels, language);
  writeActivities(sheet(labels.sheet.activities, [14, 80, 24]), report, labels);
  writeRealisations(sheet(labels.sheet.realisations, [28, 12, 40, 40, 14, 14, 14, 14, 40]), report, labels);
  writeFigures(sheet(labels.sheet.figures, [48, 20]), report.content, labels, language);
  writeBudget(sheet(labels.sheet.budget, [40, 20, 20, 50]), report.content, labels);
  writeNarrative(sheet(labels.sheet.narrative, [120]), report.content, labels);
  return Buffer.from(await writeWorkbook(workbook));
}
