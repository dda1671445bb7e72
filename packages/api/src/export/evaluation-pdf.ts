/**
 * The evaluation's national summary as a printable PDF (A4, the standard Helvetica font), in the
 * reader's language: a title block (the year, the RAN period, "as of", whether the year is published),
 * the headline figures (coverage, reporting rate, budget commitment), the distribution of total scores
 * as a bar chart, the median of each part and the six areas' delivery as horizontal bars, the
 * provinces table (the province task force's score, the median of its regencies/cities, the reporting
 * rate) and the method. Every figure is captioned with its "as of" time and how many task forces it
 * covers. The charts are drawn with pdfkit's vector primitives (rectangles, lines, text), so they print
 * sharp and their numbers stay text. Pages are numbered "1/3" with the summary's name.
 *
 * The summary carries no count of people: the counts table is in the workbook, suppressed.
 */
import { EVALUATION_PARTS } from "@gugus/domain";
import { EVALUATION_FILE_LABELS, fileFacts, roundScore, subTaskForceLabel } from "./evaluation-labels.ts";
import type { EvaluationFileLabels, NationalFileData } from "./evaluation-labels.ts";
import { BOLD, FONT, MUTED, PdfWriter, RULE, TEXT, numberPages, openPdf, pdfText } from "./report-pdf.ts";
import type { Cell, Column } from "./report-pdf.ts";
import { formatNumber, formatPercent } from "./report-labels.ts";
import type { FileLanguage } from "./report-labels.ts";

const BAR = "#2b6cb0";
const TRACK = "#e8eef5";

/** A figure in the language, or the "no data" words (muted) when there is none. */
const figureOf = (value: number | null, labels: EvaluationFileLabels, language: FileLanguage, suffix = ""): Cell =>
  value === null ? { text: labels.notReported, muted: true } : `${formatNumber(value, language)}${suffix}`;

/** A score rounded to one decimal, or `none` (muted) without one. */
const scoreOf = (value: number | null, none: string, language: FileLanguage): Cell => (value === null ? { text: none, muted: true } : formatNumber(roundScore(value), language));

/** Text cut to a width with an ellipsis, in the font and size already set. */
function fitted(doc: PDFKit.PDFDocument, text: string, width: number): string {
  let out = pdfText(text);
  if (doc.widthOfString(out) <= width) return out;
  while (out.length > 1 && doc.widthOfString(`${out}…`) > width) out = out.slice(0, -1);
  return `${out.trimEnd()}…`;
}

/** A figure's caption: its "as of" time and how many task forces it covers. */
function caption(w: PdfWriter, labels: EvaluationFileLabels, asOf: string, covers: number): void {
  w.paragraph(labels.caption(asOf, covers), { muted: true });
}

const twoColumns = (labels: EvaluationFileLabels): Column[] => [
  { header: labels.figure.label, width: 0.65 },
  { header: labels.figure.value, width: 0.35, align: "right" },
];

/** A vertical bar chart of the distribution of totals: a bar per bin with its count above, the bins below, a baseline and a top gridline. */
function distributionChart(w: PdfWriter, bins: NationalFileData["overview"]["distribution"], labels: EvaluationFileLabels, language: FileLanguage): void {
  const doc = w.doc;
  const height = 130;
  const axis = 28;
  w.keep(height + axis + 30);
  const top = doc.y + 14;
  const left = w.left + axis;
  const plot = w.width - axis;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const slot = bins.length === 0 ? plot : plot / bins.length;
  const base = top + height;
  doc.font(FONT).fontSize(7.5).fillColor(MUTED);
  doc.text(pdfText(labels.distribution.count), w.left, top - 14, { lineBreak: false });
  doc.text(formatNumber(max, language), w.left, top - 3, { width: axis - 4, align: "right", lineBreak: false });
  doc.text("0", w.left, base - 4, { width: axis - 4, align: "right", lineBreak: false });
  doc.moveTo(left, top).lineTo(left + plot, top).lineWidth(0.3).strokeColor(RULE).dash(2, { space: 2 }).stroke().undash();
  bins.forEach((bin, i) => {
    const x = left + i * slot + slot * 0.12;
    const barWidth = slot * 0.76;
    const barHeight = (bin.count / max) * height;
    if (barHeight > 0) doc.rect(x, base - barHeight, barWidth, barHeight).fill(BAR);
    doc.font(BOLD).fontSize(8).fillColor(TEXT).text(formatNumber(bin.count, language), x, base - barHeight - 11, { width: barWidth, align: "center", lineBreak: false });
    doc.font(FONT).fontSize(7.5).fillColor(MUTED).text(`${bin.from}–${bin.to}`, left + i * slot, base + 4, { width: slot, align: "center", lineBreak: false });
  });
  doc.moveTo(left, base).lineTo(left + plot, base).lineWidth(0.8).strokeColor(TEXT).stroke();
  doc.font(FONT).fontSize(8).fillColor(MUTED).text(pdfText(labels.distribution.axis), left, base + 16, { width: plot, align: "center", lineBreak: false });
  doc.fillColor(TEXT);
  doc.x = w.left;
  doc.y = base + 32;
}

/** Horizontal bars on a 0–100 scale: the label, a track with the bar, the value and how many it covers; "no data" without a value. */
function barsOf(w: PdfWriter, rows: readonly { label: string; value: number | null; covered: number }[], labels: EvaluationFileLabels, language: FileLanguage): void {
  const doc = w.doc;
  const rowHeight = 17;
  const labelWidth = w.width * 0.44;
  const trackWidth = w.width * 0.36;
  const valueX = w.left + labelWidth + trackWidth + 8;
  w.keep(rowHeight * rows.length + 16);
  let y = doc.y + 2;
  for (const row of rows) {
    doc.font(FONT).fontSize(8.5).fillColor(TEXT);
    doc.text(fitted(doc, row.label, labelWidth - 8), w.left, y + 3, { lineBreak: false });
    const x = w.left + labelWidth;
    doc.rect(x, y + 2, trackWidth, rowHeight - 6).fill(TRACK);
    if (row.value !== null && row.value > 0) doc.rect(x, y + 2, (trackWidth * Math.min(100, row.value)) / 100, rowHeight - 6).fill(BAR);
    const value = row.value === null ? labels.noData : formatNumber(roundScore(row.value), language);
    doc
      .font(row.value === null ? FONT : BOLD)
      .fontSize(8.5)
      .fillColor(row.value === null ? MUTED : TEXT)
      .text(pdfText(`${value} (n=${formatNumber(row.covered, language)})`), valueX, y + 3, { width: w.left + w.width - valueX, lineBreak: false });
    y += rowHeight;
  }
  doc.fillColor(TEXT);
  doc.x = w.left;
  doc.y = y + 6;
}

/** "National summary", or the subtree's ("Summary: Jawa Barat"). */
const summaryTitle = (data: NationalFileData, labels: EvaluationFileLabels) => (data.subtree ? labels.summaryOf(data.subtree.name) : labels.nationalSummary);

function writeTitle(w: PdfWriter, data: NationalFileData, labels: EvaluationFileLabels, language: FileLanguage): void {
  const doc = w.doc;
  const o = data.overview;
  const facts = fileFacts(data, language);
  doc
    .font(BOLD)
    .fontSize(10)
    .fillColor(MUTED)
    .text(pdfText(`${labels.title} · ${labels.year} ${o.year}`.toUpperCase()), w.left, doc.y, { width: w.width, characterSpacing: 0.5 });
  doc.moveDown(0.2).font(BOLD).fontSize(18).fillColor(TEXT).text(pdfText(summaryTitle(data, labels)), { width: w.width });
  doc.moveDown(0.3);
  w.paragraph([labels.period(o.periodNumber), `${labels.asOf} ${data.asOfLabel}`, facts.publication, `${labels.covering}: ${labels.taskForces(facts.covers)}`].join(" · "));
}

function writeHeadline(w: PdfWriter, data: NationalFileData, labels: EvaluationFileLabels, language: FileLanguage): void {
  const o = data.overview;
  const h = labels.headline;
  const n = (v: number) => formatNumber(v, language);
  w.heading(h.coverage);
  caption(w, labels, data.asOfLabel, o.coverage.inForce);
  w.table(twoColumns(labels), [
    [h.inForce, n(o.coverage.inForce)],
    [h.formed, n(o.coverage.formed)],
    [h.reported, n(o.coverage.reported)],
    [h.rated, n(o.coverage.rated)],
    [h.notRated, n(o.coverage.notRated)],
    [h.provisional, n(o.coverage.provisional)],
  ]);
  w.heading(h.rate);
  caption(w, labels, data.asOfLabel, o.rate.expected);
  w.table(twoColumns(labels), [
    [h.expected, n(o.rate.expected)],
    [h.submitted, n(o.rate.submitted)],
    [h.onTime, n(o.rate.onTime)],
    [h.approved, n(o.rate.approved)],
    [h.returned, n(o.rate.returned)],
    [{ text: h.submittedRate, bold: true }, figureOf(o.rate.rate === null ? null : Math.round(o.rate.rate * 10) / 10, labels, language, "%")],
    [{ text: h.onTimeRate, bold: true }, figureOf(o.rate.onTimeRate === null ? null : Math.round(o.rate.onTimeRate * 10) / 10, labels, language, "%")],
  ]);
  w.heading(h.budget);
  caption(w, labels, data.asOfLabel, o.budget.reports);
  const b = o.budget;
  w.table(
    [
      { header: h.source, width: 0.4 },
      { header: h.allocated, width: 0.3, align: "right" },
      { header: h.spent, width: 0.3, align: "right" },
    ],
    [
      ...b.bySource.map((s) => [h.sources[s.source], n(s.allocated), n(s.spent)]),
      [{ text: h.total, bold: true }, { text: n(b.allocated), bold: true }, { text: n(b.spent), bold: true }],
    ],
  );
  const lines = b.dedicatedLine.yes + b.dedicatedLine.no + b.dedicatedLine.unknown;
  const share = (count: number) => (lines === 0 ? n(count) : `${n(count)} (${formatPercent(count / lines, language)})`);
  w.subheading(h.dedicatedLine);
  w.table(twoColumns(labels), [
    [h.yes, share(b.dedicatedLine.yes)],
    [h.no, share(b.dedicatedLine.no)],
    [h.unknown, share(b.dedicatedLine.unknown)],
  ], { header: false });
}

function writeCharts(w: PdfWriter, data: NationalFileData, labels: EvaluationFileLabels, language: FileLanguage): void {
  const o = data.overview;
  w.keep(250); // the heading, its caption and the chart on one page
  w.heading(labels.distribution.title);
  caption(w, labels, data.asOfLabel, o.coverage.rated);
  if (o.coverage.rated === 0) w.paragraph(labels.noData, { muted: true });
  else distributionChart(w, o.distribution, labels, language);
  w.keep(90 + 17 * EVALUATION_PARTS.length);
  w.heading(labels.partsProfile);
  caption(w, labels, data.asOfLabel, Math.max(0, ...o.parts.map((p) => p.covered)));
  const parts = EVALUATION_PARTS.map((part) => o.parts.find((p) => p.part === part) ?? { part, median: null, covered: 0 });
  barsOf(w, parts.map((p) => ({ label: `${labels.part[p.part]} (${formatPercent(o.weights[p.part], language)})`, value: p.median, covered: p.covered })), labels, language);
  w.keep(90 + 17 * o.areas.length);
  w.heading(labels.areas.title);
  caption(w, labels, data.asOfLabel, Math.max(0, ...o.areas.map((a) => a.covered)));
  barsOf(w, o.areas.map((a) => ({ label: subTaskForceLabel(a.subTaskForce, language), value: a.median, covered: a.covered })), labels, language);
}

function writeProvinces(w: PdfWriter, data: NationalFileData, labels: EvaluationFileLabels, language: FileLanguage): void {
  const o = data.overview;
  const p = labels.provinces;
  w.heading(labels.provincesTable);
  const covered = o.provinces.reduce((s, row) => s + (row.taskForceId === null ? 0 : 1) + row.regencies.rated + row.regencies.notRated, 0);
  caption(w, labels, data.asOfLabel, covered);
  if (o.provinces.length === 0) return w.paragraph(p.none, { muted: true });
  w.table(
    [
      { header: p.province, width: 0.3 },
      { header: p.own, width: 0.16, align: "right" },
      { header: p.median, width: 0.16, align: "right" },
      { header: p.rated, width: 0.1, align: "right" },
      { header: p.notRated, width: 0.12, align: "right" },
      { header: p.rate, width: 0.16, align: "right" },
    ],
    o.provinces.map((row) => [
      row.name,
      scoreOf(row.total, labels.scores.notRated, language),
      scoreOf(row.regencies.median, labels.noData, language),
      formatNumber(row.regencies.rated, language),
      formatNumber(row.regencies.notRated, language),
      figureOf(row.rate === null ? null : Math.round(row.rate * 10) / 10, labels, language),
    ]),
  );
}

function writeMethod(w: PdfWriter, data: NationalFileData, labels: EvaluationFileLabels, language: FileLanguage): void {
  const m = labels.method;
  const s = data.method.settings;
  const pct = (ratio: number) => formatPercent(ratio, language);
  w.heading(m.title);
  w.paragraph(`${labels.period(data.method.periodNumber)}. ${m.paragraph(s, pct, (n) => formatNumber(n, language))}`);
  w.table(
    [
      { header: m.setting, width: 0.65 },
      { header: m.value, width: 0.35, align: "right" },
    ],
    [
      ...EVALUATION_PARTS.map((part) => [m.weight(labels.part[part]), pct(s.weights[part])]),
      [m.achievementCap, pct(s.achievementCap)],
      [m.missingThreshold, pct(s.missingThreshold)],
      [m.fullBudgetShare, pct(s.fullBudgetShare)],
      [m.fullMeetings, formatNumber(s.fullMeetings, language)],
      [m.spread, `±${pct(s.sensitivity.spread)}`],
      [m.draws, formatNumber(s.sensitivity.draws, language)],
    ],
  );
}

/**
 * The national summary as a printable PDF in one language (see the module's comment for its layout).
 * `compress: false` leaves the page content readable (for tests); files for download are compressed.
 */
export async function writeEvaluationPdf(data: NationalFileData, language: FileLanguage, options: { compress?: boolean } = {}): Promise<Buffer> {
  const labels = EVALUATION_FILE_LABELS[language];
  const title = `${labels.title} ${data.overview.year} — ${summaryTitle(data, labels)}`;
  const { doc, done } = openPdf({ title, author: "Gugus", language, compress: options.compress ?? true });
  const w = new PdfWriter(doc);
  writeTitle(w, data, labels, language);
  writeHeadline(w, data, labels, language);
  writeCharts(w, data, labels, language);
  writeProvinces(w, data, labels, language);
  writeMethod(w, data, labels, language);
  numberPages(doc, `${title} · ${labels.asOf} ${data.asOfLabel}`);
  doc.end();
  return done;
}
