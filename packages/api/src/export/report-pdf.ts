/**
 * A report as a printable PDF (A4, the standard Helvetica font): a title block (the task force,
 * the period, its due date, the status, when the file was made), then the report's sections in
 * their order as headings with simple ruled tables, and at the end the status and the approval
 * history. Every page carries the report's name and its number as "1/3".
 *
 * Labels, never codes; a figure left blank is written "not reported", never 0. The standard fonts
 * know the Windows-1252 characters only: any other character is written as its plain Latin letter
 * where it has one (ş → s) and as "?" otherwise (see {@link pdfText}).
 */
import { EXPLOITATION_FORMS, SUB_TASK_FORCES } from "@gugus/domain";
import type { SubTaskForceCode } from "@gugus/domain";
import PDFDocument from "pdfkit";
import {
  COUNT_SECTIONS,
  REPORT_FILE_LABELS,
  countRows,
  countryLabel,
  formatNumber,
  formatPercent,
  periodLabel,
  realisationRows,
  reportTitle,
  sumReported,
} from "./report-labels.ts";
import type { FileLanguage, ReportFileData, ReportFileLabels } from "./report-labels.ts";

/** The characters of Windows-1252 above Latin-1's control range that the standard fonts draw (0x80–0x9F). */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** Text the standard fonts can draw: NFC, tabs as spaces, other characters reduced to a plain letter or "?". */
export function pdfText(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC").replace(/\t/g, " ").replace(/\r\n?/g, "\n")) {
    const code = ch.codePointAt(0)!;
    if (ch === "\n" || (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += " ";
    else {
      const plain = ch.normalize("NFD").replace(/\p{M}/gu, "");
      out += plain.length > 0 && [...plain].every((c) => c.codePointAt(0)! < 0x7f) ? plain : "?";
    }
  }
  return out;
}

export type Cell = string | { text: string; muted?: boolean; bold?: boolean; indent?: boolean };
export type Column = { header: string; width: number; align?: "left" | "right" };

export const FONT = "Helvetica";
export const BOLD = "Helvetica-Bold";
const ITALIC = "Helvetica-Oblique";
export const TEXT = "#000000";
export const MUTED = "#666666";
export const RULE = "#999999";
export const MARGIN = 50;
const PAD = 3;
const INDENT = 10;

/** Writes into a pdfkit document page by page: headings kept with what follows, tables that repeat their header on a new page (the evaluation's summary writes with it too). */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly left = MARGIN;
  readonly width: number;

  constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
    this.width = doc.page.width - 2 * MARGIN;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** A new page unless `space` points are left on this one. */
  keep(space: number): void {
    if (this.doc.y + space > this.bottom) this.doc.addPage();
    this.doc.x = this.left;
  }

  heading(text: string): void {
    this.keep(90);
    this.doc.moveDown(0.8).font(BOLD).fontSize(13).fillColor(TEXT).text(pdfText(text), this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  subheading(text: string): void {
    this.keep(60);
    this.doc.moveDown(0.4).font(BOLD).fontSize(10.5).fillColor(TEXT).text(pdfText(text), this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.2);
  }

  paragraph(text: string, options: { muted?: boolean } = {}): void {
    this.keep(24);
    this.doc
      .font(options.muted === true ? ITALIC : FONT)
      .fontSize(9.5)
      .fillColor(options.muted === true ? MUTED : TEXT)
      .text(pdfText(text), this.left, this.doc.y, { width: this.width, lineGap: 1.5 });
    this.doc.fillColor(TEXT).moveDown(0.3);
  }

  /** A table of rows under a shaded header row; rows are ruled, and the header is drawn again on each new page. */
  table(columns: readonly Column[], rows: readonly (readonly Cell[])[], options: { header?: boolean } = {}): void {
    const doc = this.doc;
    const widths = columns.map((c) => c.width * this.width);
    const header = options.header !== false;
    const cellOf = (c: Cell) => (typeof c === "string" ? { text: c } : c);
    const draw = (cells: readonly Cell[], isHeader: boolean) => {
      const parts = cells.map(cellOf);
      const fontOf = (p: { muted?: boolean; bold?: boolean }) => (isHeader || p.bold === true ? BOLD : p.muted === true ? ITALIC : FONT);
      const inset = (p: { indent?: boolean }) => PAD + (p.indent === true ? INDENT : 0);
      const heights = parts.map((p, i) => doc.font(fontOf(p)).fontSize(8.5).heightOfString(pdfText(p.text), { width: widths[i]! - PAD - inset(p) }));
      const height = Math.max(...heights, 8) + 2 * PAD;
      if (doc.y + height > this.bottom) {
        doc.addPage();
        if (!isHeader && header) draw(columns.map((c) => c.header), true);
      }
      const y = doc.y;
      if (isHeader) doc.rect(this.left, y, this.width, height).fill("#e8e8e8");
      let x = this.left;
      parts.forEach((p, i) => {
        doc
          .font(fontOf(p))
          .fontSize(8.5)
          .fillColor(p.muted === true ? MUTED : TEXT)
          .text(pdfText(p.text), x + inset(p), y + PAD, { width: widths[i]! - PAD - inset(p), align: columns[i]!.align ?? "left" });
        x += widths[i]!;
      });
      doc
        .moveTo(this.left, y + height)
        .lineTo(this.left + this.width, y + height)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      doc.fillColor(TEXT);
      doc.x = this.left;
      doc.y = y + height;
    };
    this.keep(40);
    if (header) draw(columns.map((c) => c.header), true);
    for (const row of rows) draw(row, false);
    doc.moveDown(0.5);
  }
}

/** A figure as text in the language, or "not reported" (muted) when blank. */
const figure = (value: number | null, labels: ReportFileLabels, language: FileLanguage): Cell => (value === null ? { text: labels.notReported, muted: true } : formatNumber(value, language));

function writeTitle(w: PdfWriter, data: ReportFileData, labels: ReportFileLabels, language: FileLanguage): void {
  const doc = w.doc;
  doc
    .font(BOLD)
    .fontSize(10)
    .fillColor(MUTED)
    .text(pdfText(`${reportTitle(data, language)} · ${periodLabel(data, language)}`.toUpperCase()), w.left, doc.y, { width: w.width, characterSpacing: 0.5 });
  doc.moveDown(0.2).font(BOLD).fontSize(18).fillColor(TEXT).text(pdfText(data.taskForce.name), { width: w.width });
  doc.moveDown(0.6);
  const facts: [string, string][] = [
    [labels.facts.level, labels.level[data.taskForce.level]],
    [labels.facts.regionCode, data.taskForce.regionCode ?? labels.facts.national],
    [labels.facts.period, periodLabel(data, language)],
    [labels.facts.dueDate, labels.dueOn(data.period.dueDate, data.taskForce.zone)],
    [labels.facts.status, labels.status[data.status ?? "none"]],
    [labels.facts.asOf, data.asOf],
  ];
  w.table(
    [
      { header: "", width: 0.28 },
      { header: "", width: 0.72 },
    ],
    facts.map(([label, value]) => [{ text: label, bold: true }, value]),
    { header: false },
  );
}

function writeActivities(w: PdfWriter, data: ReportFileData, labels: ReportFileLabels): void {
  w.heading(labels.section.activities);
  if (data.content.activities.length === 0) return w.paragraph(labels.activity.none, { muted: true });
  const codeOf = new Map(data.items.map((i) => [i.id, i.code]));
  for (const stf of SUB_TASK_FORCES) {
    w.subheading(labels.subTaskForce[stf.code]);
    const activities = data.content.activities.filter((a) => a.subTaskForce === stf.code);
    if (activities.length === 0) {
      w.paragraph(labels.activity.none, { muted: true });
      continue;
    }
    w.table(
      [
        { header: labels.activity.date, width: 0.15 },
        { header: labels.activity.what, width: 0.6 },
        { header: labels.activity.item, width: 0.25 },
      ],
      activities.map((a) => [a.date ?? "", a.what, a.actionItemId === null ? "" : (codeOf.get(a.actionItemId) ?? labels.realisation.unknownItem(a.actionItemId))]),
    );
  }
}

function writeRealisations(w: PdfWriter, data: ReportFileData, labels: ReportFileLabels, language: FileLanguage): void {
  w.heading(labels.section.realisations);
  const rows = realisationRows(data);
  if (rows.length === 0) return w.paragraph(labels.realisation.none, { muted: true });
  const r = labels.realisation;
  const columns: Column[] = [
    { header: r.code, width: 0.08 },
    { header: r.activity, width: 0.2 },
    { header: r.indicator, width: 0.2 },
    { header: r.unit, width: 0.1 },
    { header: `${r.target} ${data.period.year}`, width: 0.1, align: "right" },
    { header: r.realised, width: 0.1, align: "right" },
    { header: r.achievement, width: 0.1, align: "right" },
    { header: r.note, width: 0.12 },
  ];
  const groups: { title: string; code: SubTaskForceCode | null }[] = [...SUB_TASK_FORCES.map((s) => ({ title: labels.subTaskForce[s.code], code: s.code })), { title: r.activity, code: null }];
  for (const group of groups) {
    const inGroup = rows.filter((row) => (row.item?.subTaskForce ?? null) === group.code);
    if (inGroup.length === 0) continue;
    w.subheading(group.title);
    w.table(
      columns,
      inGroup.flatMap((row) => {
        const item = row.item;
        const radRows: Cell[][] = (item === null ? [] : (data.radItems ?? []).filter((x) => x.followsItemId === item.id)).map((rad) => [
          { text: labels.rad.code(rad.code), muted: true },
          { text: rad.activity, muted: true },
          { text: rad.indicator, muted: true },
          { text: labels.unit[rad.unit], muted: true },
          rad.yearTarget === null ? { text: r.noTarget, muted: true } : { text: formatNumber(rad.yearTarget, language), muted: true },
          "",
          "",
          { text: labels.rad.note, muted: true },
        ]);
        const target: Cell = item === null ? "" : item.yearTarget === null ? { text: r.noTarget, muted: true } : formatNumber(item.yearTarget, language);
        const main: Cell[] = [
          item?.code ?? r.unknownItem(row.actionItemId),
          item?.activity ?? "",
          item?.indicator ?? "",
          item === null ? "" : labels.unit[item.unit],
          target,
          figure(row.realised, labels, language),
          row.achievement === null ? "" : formatPercent(row.achievement, language),
          row.note ?? "",
        ];
        return [main, ...radRows];
      }),
    );
  }
}

function writeVictims(w: PdfWriter, data: ReportFileData, labels: ReportFileLabels, language: FileLanguage): void {
  const v = data.content.victims;
  const l = labels.victims;
  w.heading(labels.section.victims);
  const group = (text: string): Cell[] => [{ text, bold: true }, ""];
  const row = (label: string, value: number | null): Cell[] => [{ text: label, indent: true }, figure(value, labels, language)];
  w.table(
    [
      { header: labels.field, width: 0.7 },
      { header: labels.value, width: 0.3, align: "right" },
    ],
    [
      [{ text: l.total, bold: true }, figure(v.total, labels, language)],
      group(l.bySex),
      ...(["women", "girls", "men", "boys"] as const).map((k) => row(l[k], v[k])),
      group(l.byForm),
      ...EXPLOITATION_FORMS.map((form) => row(labels.exploitation[form], v.exploitation[form])),
      group(l.byDestination),
      row(l.domestic, v.domestic),
      ...(v.abroad.length === 0 ? [[{ text: l.abroad, indent: true }, { text: l.abroadNone, muted: true }]] : v.abroad.map((a) => row(`${l.abroad}: ${countryLabel(a.country, language)}`, a.count))),
    ],
  );
}

function writeBudget(w: PdfWriter, data: ReportFileData, labels: ReportFileLabels, language: FileLanguage): void {
  const b = data.content.budget;
  const l = labels.budget;
  w.heading(labels.section.budget);
  if (b.lines.length === 0) w.paragraph(l.none, { muted: true });
  else {
    const total = (values: (number | null)[]): Cell => {
      const sum = sumReported(values);
      return sum === null ? { text: labels.notReported, muted: true } : { text: formatNumber(sum, language), bold: true };
    };
    w.table(
      [
        { header: l.source, width: 0.25 },
        { header: l.allocated, width: 0.2, align: "right" },
        { header: l.spent, width: 0.2, align: "right" },
        { header: l.note, width: 0.35 },
      ],
      [
        ...b.lines.map((line) => [l.sources[line.source], figure(line.allocated, labels, language), figure(line.spent, labels, language), line.note || ""]),
        [{ text: l.total, bold: true }, total(b.lines.map((line) => line.allocated)), total(b.lines.map((line) => line.spent)), ""],
      ],
    );
  }
  w.table(
    [
      { header: "", width: 0.6 },
      { header: "", width: 0.4, align: "right" },
    ],
    [
      [l.dedicatedLine, b.dedicatedLine === null ? { text: labels.notReported, muted: true } : b.dedicatedLine ? l.yes : l.no],
      [l.regionTotalBudget, figure(b.regionTotalBudget, labels, language)],
    ],
    { header: false },
  );
}

function writeHistory(w: PdfWriter, data: ReportFileData, labels: ReportFileLabels): void {
  const h = labels.history;
  w.heading(h.title);
  w.paragraph(`${labels.facts.status}: ${labels.status[data.status ?? "none"]}`);
  if (data.events.length === 0) return w.paragraph(h.none, { muted: true });
  w.table(
    [
      { header: h.time, width: 0.22 },
      { header: h.action, width: 0.16 },
      { header: h.by, width: 0.22 },
      { header: h.reason, width: 0.4 },
    ],
    data.events.map((e) => [e.localTime, labels.action[e.action], e.actorName ?? "", e.reason ?? ""]),
  );
}

/** Numbers every page "n/total" at its foot, with the report's name on the left. */
export function numberPages(doc: PDFKit.PDFDocument, footer: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the bottom margin must not start a new page
    const y = doc.page.height - MARGIN / 2 - 8;
    const number = `${i - range.start + 1}/${range.count}`;
    doc.font(FONT).fontSize(8).fillColor(MUTED);
    doc.text(pdfText(footer), MARGIN, y, { lineBreak: false, width: doc.page.width - 2 * MARGIN - 40, height: 10, ellipsis: true });
    doc.text(number, doc.page.width - MARGIN - doc.widthOfString(number), y, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** A new A4 document with the house margins and its pages kept for numbering, and the file it becomes once ended. */
export function openPdf(options: { title: string; author: string; language: FileLanguage; compress: boolean }): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: options.compress,
    lang: options.language,
    displayTitle: true,
    info: { Title: pdfText(options.title), Author: pdfText(options.author), Creator: "Gugus" },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, done };
}

/**
 * The report as a printable PDF in one language (see the module's comment for its layout).
 * `compress: false` leaves the page content readable (for tests); files for download are compressed.
 */
export async function writeReportPdf(report: ReportFileData, language: FileLanguage, options: { compress?: boolean } = {}): Promise<Buffer> {
  const labels = REPORT_FILE_LABELS[language];
  const title = `${report.taskForce.name} — ${reportTitle(report, language)} ${report.period.periodKey}`;
  const { doc, done } = openPdf({ title, author: report.taskForce.name, language, compress: options.compress ?? true });
  const w = new PdfWriter(doc);
  writeTitle(w, report, labels, language);
  writeActivities(w, report, labels);
  writeRealisations(w, report, labels, language);
  writeVictims(w, report, labels, language);
  for (const section of COUNT_SECTIONS) {
    w.heading(labels.section[section]);
    w.table(
      [
        { header: labels.field, width: 0.7 },
        { header: labels.value, width: 0.3, align: "right" },
      ],
      countRows(report.content, section, language).map(({ label, value }) => [label, figure(value, labels, language)]),
    );
  }
  writeBudget(w, report, labels, language);
  w.heading(labels.section.narrative);
  for (const key of ["obstacles", "recommendations"] as const) {
    w.subheading(labels.narrative[key]);
    const text = report.content.narrative[key];
    if (text) w.paragraph(text);
    else w.paragraph(labels.notReported, { muted: true });
  }
  writeHistory(w, report, labels);
  numberPages(doc, `${title} · ${labels.facts.asOf} ${report.asOf}`);
  doc.end();
  return done;
}
