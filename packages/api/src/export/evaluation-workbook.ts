/**
 * The evaluation's tables as an XLSX workbook, in the reader's language. The national file has four
 * sheets: the scores of every task force (total, parts, rank with its band or "not rated" with what is
 * missing, provisional marked), the counts by province (suppressed: "<5" for every hidden cell), the
 * provinces (the spread of their regencies/cities' scores, the reporting rate, the budget) and the
 * method (the period's weights and settings). A province's file covers its own task force and its
 * regencies/cities: their scores, their counts, the spread with who has not reported, the method.
 *
 * Every sheet opens with the same title row (year, place, how many task forces, "as of", whether the
 * year is published). Labels, never codes; nothing is a formula; a blank is "not reported", never 0;
 * text that a spreadsheet would run is kept exactly, its cell marked quoted (the report workbook's {@link SheetWriter} writes it).
 */
import { EVALUATION_PARTS } from "@gugus/domain";
import ExcelJS from "exceljs";
import { COUNT_COLUMNS, EVALUATION_FILE_LABELS, countCell, countColumnLabel, fileFacts, missingLabel, rankLabel, roundScore } from "./evaluation-labels.ts";
import type { EvaluationCounts, EvaluationFileLabels, EvaluationMethodData, EvaluationSpread, EvaluationTaskForceRow, EvaluationWorkbookData } from "./evaluation-labels.ts";
import { formatNumber, formatPercent } from "./report-labels.ts";
import type { FileLanguage } from "./report-labels.ts";
import { writeWorkbook } from "./list-workbook.ts";
import { AMOUNT, BOLD, MUTED, SheetWriter } from "./report-workbook.ts";

const SCORE = "0.0";
const RATE = "0.0";

const score = (value: number | null): number | null => (value === null ? null : roundScore(value));

/** Levels in the order the scores sheet lists them: national, provinces, regencies/cities. */
const LEVEL_ORDER = { national: 0, province: 1, regency: 2 } as const;

/** Ranked first (by rank, then name), then not ranked, then not rated, each level apart. */
function byLevelAndRank(a: EvaluationTaskForceRow, b: EvaluationTaskForceRow): number {
  const level = LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level];
  if (level !== 0) return level;
  const place = (r: EvaluationTaskForceRow) => (r.rank !== null ? r.rank.rank : r.rated ? Number.MAX_SAFE_INTEGER - 1 : Number.MAX_SAFE_INTEGER);
  return place(a) - place(b) || a.name.localeCompare(b.name);
}

function writeScores(w: SheetWriter, rows: readonly EvaluationTaskForceRow[], labels: EvaluationFileLabels, language: FileLanguage): void {
  const s = labels.scores;
  w.blank();
  w.header([s.rank, s.taskForce, s.level, s.regionCode, s.total, ...EVALUATION_PARTS.map((p) => labels.part[p]), s.status, s.provisional, s.missing]);
  if (rows.length === 0) {
    w.text([s.none], MUTED);
    return;
  }
  for (const r of [...rows].sort(byLevelAndRank)) {
    const row = w.row(
      [
        rankLabel(r, language),
        r.name,
        labels.level[r.level],
        r.regionCode ?? labels.national,
        r.rated ? score(r.total) : s.notRated,
        ...EVALUATION_PARTS.map((p) => score(r.parts[p])),
        labels.status[r.status ?? "none"],
        r.provisional ? s.provisional : "",
        r.missing.map((m) => missingLabel(m, language)).join("; "),
      ],
      { formats: [undefined, undefined, undefined, undefined, SCORE, SCORE, SCORE, SCORE, SCORE] },
    );
    if (!r.rated) row.getCell(1).font = MUTED;
    row.getCell(12).alignment = { wrapText: true, vertical: "top" };
  }
}

function writeCounts(w: SheetWriter, counts: EvaluationCounts, labels: EvaluationFileLabels, language: FileLanguage): void {
  const c = labels.counts;
  w.text([c.suppressedNote], MUTED);
  w.text([c.notReportedNote], MUTED);
  w.blank();
  const columns = counts.columns.length > 0 ? counts.columns : COUNT_COLUMNS;
  const header = [c.row, ...columns.map((k) => countColumnLabel(k, language)), c.total];
  w.header(header);
  w.sheet.getRow(w.sheet.rowCount).alignment = { wrapText: true, vertical: "top" };
  if (counts.rows.length === 0) {
    w.text([c.none], MUTED);
    return;
  }
  for (const r of counts.rows) w.row([r.label, ...r.cells.map(countCell), countCell(r.total)]);
  const totals = w.row([c.total, ...counts.columnTotals.map(countCell), countCell(counts.grandTotal)]);
  totals.font = BOLD;
  totals.eachCell((cell) => {
    cell.border = { top: { style: "thin" } };
  });
}

/** A spread's figures: median, quartiles, lowest and highest ("no data" without a rated one), how many rated and not. */
function spreadValues(s: EvaluationSpread, labels: EvaluationFileLabels): (number | string)[] {
  const of = (v: number | null) => (v === null ? labels.noData : roundScore(v));
  return [of(s.median), of(s.q1), of(s.q3), of(s.min), of(s.max), s.rated, s.notRated];
}

function writeProvinces(w: SheetWriter, data: Extract<EvaluationWorkbookData, { kind: "national" }>, labels: EvaluationFileLabels): void {
  const p = labels.provinces;
  w.blank();
  w.header([p.province, p.code, p.own, p.median, p.q1, p.q3, p.min, p.max, p.rated, p.notRated, p.rate, p.allocated, p.spent]);
  w.sheet.getRow(w.sheet.rowCount).alignment = { wrapText: true, vertical: "top" };
  const provinces = data.overview.provinces;
  if (provinces.length === 0) {
    w.text([p.none], MUTED);
    return;
  }
  for (const row of provinces) {
    w.row([row.name, row.provinceCode, row.total === null ? labels.scores.notRated : score(row.total), ...spreadValues(row.regencies, labels), row.rate === null ? null : Math.round(row.rate * 10) / 10, row.allocated, row.spent], {
      formats: [undefined, undefined, SCORE, SCORE, SCORE, SCORE, SCORE, SCORE, undefined, undefined, RATE, AMOUNT, AMOUNT],
    });
  }
}

function writeSpread(w: SheetWriter, data: Extract<EvaluationWorkbookData, { kind: "province" }>, labels: EvaluationFileLabels, language: FileLanguage): void {
  const p = labels.provinces;
  const d = data.province;
  w.heading(labels.spread.title);
  w.header([p.median, p.q1, p.q3, p.min, p.max, p.rated, p.notRated]);
  w.row(spreadValues(d.spread, labels), { formats: [SCORE, SCORE, SCORE, SCORE, SCORE] });
  w.heading(labels.scores.taskForce);
  w.header([labels.scores.rank, labels.scores.taskForce, labels.scores.total, labels.scores.provisional]);
  w.row([rankLabel({ rated: d.own.rated, rank: d.own.rank }, language), d.province.name, d.own.rated ? score(d.own.total) : labels.scores.notRated, d.own.provisional ? labels.scores.provisional : ""], {
    formats: [undefined, undefined, SCORE],
  });
  w.heading(labels.spread.notReported);
  if (d.notReported.length === 0) {
    w.text([labels.spread.allReported], MUTED);
    return;
  }
  w.header([labels.scores.taskForce, labels.scores.level, labels.scores.regionCode]);
  for (const tf of d.notReported) w.text([tf.name, labels.level[tf.level], tf.regionCode ?? labels.national]);
}

function writeMethod(w: SheetWriter, method: EvaluationMethodData, labels: EvaluationFileLabels, language: FileLanguage): void {
  const m = labels.method;
  const s = method.settings;
  const pct = (ratio: number) => formatPercent(ratio, language);
  w.blank();
  w.text([EVALUATION_FILE_LABELS[language].period(method.periodNumber)], BOLD);
  w.row([m.paragraph(s, pct, (n) => formatNumber(n, language))], { wrap: true });
  w.sheet.getRow(w.sheet.rowCount).height = 90;
  w.sheet.mergeCells(w.sheet.rowCount, 1, w.sheet.rowCount, 2);
  w.blank();
  w.header([m.setting, m.value]);
  for (const part of EVALUATION_PARTS) w.row([m.weight(labels.part[part]), s.weights[part]], { formats: [undefined, "0%"] });
  w.row([m.achievementCap, s.achievementCap], { formats: [undefined, "0%"] });
  w.row([m.missingThreshold, s.missingThreshold], { formats: [undefined, "0%"] });
  w.row([m.fullBudgetShare, s.fullBudgetShare], { formats: [undefined, "0.0##%"] });
  w.row([m.fullMeetings, s.fullMeetings]);
  w.row([m.spread, s.sensitivity.spread], { formats: [undefined, "0%"] });
  w.row([m.draws, s.sensitivity.draws]);
  w.row([m.seed, s.sensitivity.seed]);
}

/** The evaluation's tables as an XLSX workbook in one language (see the module's comment for its sheets). */
export async function writeEvaluationWorkbook(data: EvaluationWorkbookData, language: FileLanguage): Promise<Buffer> {
  const labels = EVALUATION_FILE_LABELS[language];
  const facts = fileFacts(data, language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Gugus";
  workbook.title = `${labels.title} ${facts.year} — ${facts.place}`;
  const sheet = (name: string, widths: readonly number[]) => {
    const w = new SheetWriter(workbook, name, labels, widths);
    w.text([facts.title], { bold: true, size: 13 });
    return w;
  };
  const rows = data.kind === "national" ? data.overview.taskForces : data.province.regencies;
  writeScores(sheet(labels.sheet.scores, [26, 40, 16, 12, 12, 12, 12, 12, 12, 16, 12, 60]), rows, labels, language);
  writeCounts(sheet(labels.sheet.counts, [34, ...COUNT_COLUMNS.map(() => 14), 12]), data.kind === "national" ? data.overview.counts : data.province.counts, labels, language);
  if (data.kind === "national") writeProvinces(sheet(labels.sheet.provinces, [30, 8, 14, 14, 12, 12, 12, 12, 10, 10, 14, 20, 20]), data, labels);
  else writeSpread(sheet(labels.sheet.regencies, [40, 16, 16, 14, 14, 12, 12]), data, labels, language);
  writeMethod(sheet(labels.sheet.method, [48, 70]), data.method, labels, language);
  return Buffer.from(await writeWorkbook(workbook));
}
