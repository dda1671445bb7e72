/**
 * What the evaluation's files (the XLSX tables and the PDF national summary) are written from, and
 * every word they use, in Indonesian and English: one table both writers read. The data types are
 * the shapes of `evaluation.overview` and `evaluation.province` (the fields the files show), so the
 * files show what the dashboards show: the same scores, the same ranks with bands, the same hidden
 * counts ("<5"). Counts arrive suppressed; the files never see a hidden cell's value.
 */
import { EVALUATION_COUNT_COLUMNS, EVALUATION_PARTS, SUB_TASK_FORCES, formatRank, isSuppressed } from "@gugus/domain";
import type { BudgetSource, EvaluationPart, EvaluationSettings, Level, PublishedCount, ReportStatus, SubTaskForceCode } from "@gugus/domain";
import { SUPPRESSED_LABEL } from "@gugus/domain";
import { REPORT_FILE_LABELS } from "./report-labels.ts";
import type { FileLanguage } from "./report-labels.ts";

/** A task force as the evaluation names it. */
export type EvaluationTfRef = { id: number; name: string; level: Level; regionCode: string | null; provinceCode: string | null };
/** A rated task force's rank, its band, and how many were rated at its level. */
export type EvaluationRankBand = { rank: number; best: number; worst: number; of: number };

/** A task force's row of the scores table. */
export type EvaluationTaskForceRow = EvaluationTfRef & {
  total: number | null;
  rated: boolean;
  provisional: boolean;
  status: ReportStatus | null;
  parts: Record<EvaluationPart, number | null>;
  rank: EvaluationRankBand | null;
  missing: readonly string[];
};

/** A table of counts as published: every cell a count, null (not reported) or hidden. */
export type EvaluationCounts = {
  columns: readonly string[];
  rows: readonly { key: string; label: string; cells: readonly PublishedCount[]; total: PublishedCount }[];
  columnTotals: readonly PublishedCount[];
  grandTotal: PublishedCount;
};

/** The spread of a set of totals. */
export type EvaluationSpread = { median: number | null; q1: number | null; q3: number | null; min: number | null; max: number | null; rated: number; notRated: number };

/** What the national files read of `evaluation.overview`. */
export type EvaluationOverviewData = {
  year: number;
  periodNumber: number;
  asOf: string;
  publishedAt: string | null;
  weights: Record<EvaluationPart, number>;
  coverage: { inForce: number; formed: number; reported: number; rated: number; notRated: number; provisional: number };
  rate: { expected: number; submitted: number; onTime: number; approved: number; returned: number; rate: number | null; onTimeRate: number | null };
  budget: {
    reports: number;
    bySource: readonly { source: BudgetSource; allocated: number; spent: number }[];
    allocated: number;
    spent: number;
    dedicatedLine: { yes: number; no: number; unknown: number };
  };
  distribution: readonly { from: number; to: number; count: number }[];
  parts: readonly { part: EvaluationPart; median: number | null; covered: number }[];
  areas: readonly { subTaskForce: SubTaskForceCode; median: number | null; covered: number }[];
  provinces: readonly { provinceCode: string; name: string; taskForceId: number | null; total: number | null; regencies: EvaluationSpread; rate: number | null; allocated: number; spent: number }[];
  taskForces: readonly EvaluationTaskForceRow[];
  counts: EvaluationCounts;
};

/** What a province's file reads of `evaluation.province`. */
export type EvaluationProvinceData = {
  year: number;
  asOf: string;
  publishedAt: string | null;
  province: EvaluationTfRef;
  own: { total: number | null; rated: boolean; provisional: boolean; rank: EvaluationRankBand | null };
  spread: EvaluationSpread;
  regencies: readonly EvaluationTaskForceRow[];
  notReported: readonly EvaluationTfRef[];
  counts: EvaluationCounts;
};

/** The period's method, shown in every file: its number and its settings (weights, thresholds, the bands' run). */
export type EvaluationMethodData = { periodNumber: number; settings: EvaluationSettings };

/** A file's "as of": the answer's time as a local time label with its zone ("2026-02-01 10:00 WIB"). */
export type EvaluationAsOf = { asOfLabel: string };

/**
 * The national workbook or summary: the overview, the method, the time. `subtree` names the caller's
 * task force when the overview is its subtree rather than the country (a province's own picture).
 */
export type NationalFileData = { kind: "national"; overview: EvaluationOverviewData; subtree?: { name: string; regionCode: string | null } | null; method: EvaluationMethodData } & EvaluationAsOf;
/** A province's workbook: its own task force and its regencies/cities, the method, the time. */
export type ProvinceFileData = { kind: "province"; province: EvaluationProvinceData; method: EvaluationMethodData } & EvaluationAsOf;
export type EvaluationWorkbookData = NationalFileData | ProvinceFileData;

/** The count table's columns, in the domain's order (their labels come from the report file's words). */
export const COUNT_COLUMNS = EVALUATION_COUNT_COLUMNS;

/** The words of an evaluation file in one language. */
export type EvaluationFileLabels = {
  title: string;
  nationalSummary: string;
  /** The summary's title for a subtree (a province's own picture). */
  summaryOf: (name: string) => string;
  national: string;
  provinceOf: (name: string) => string;
  year: string;
  period: (n: number) => string;
  covering: string;
  taskForces: (n: number) => string;
  asOf: string;
  published: (at: string) => string;
  notPublished: string;
  sheet: { scores: string; counts: string; provinces: string; regencies: string; method: string };
  part: Record<EvaluationPart, string>;
  level: Record<Level, string>;
  status: Record<ReportStatus | "none", string>;
  scores: {
    rank: string;
    taskForce: string;
    level: string;
    regionCode: string;
    total: string;
    status: string;
    provisional: string;
    missing: string;
    notRated: string;
    notRanked: string;
    of: (n: number) => string;
    yes: string;
    none: string;
  };
  missingInput: Record<string, string>;
  missingItem: (code: string) => string;
  counts: { row: string; total: string; suppressedNote: string; notReportedNote: string; none: string };
  provinces: { province: string; code: string; own: string; median: string; q1: string; q3: string; min: string; max: string; rated: string; notRated: string; rate: string; allocated: string; spent: string; none: string };
  spread: { title: string; notReported: string; allReported: string };
  method: {
    title: string;
    setting: string;
    value: string;
    weight: (part: string) => string;
    achievementCap: string;
    missingThreshold: string;
    fullBudgetShare: string;
    fullMeetings: string;
    spread: string;
    draws: string;
    seed: string;
    paragraph: (s: EvaluationSettings, percent: (ratio: number) => string, number: (n: number) => string) => string;
  };
  headline: {
    coverage: string;
    inForce: string;
    formed: string;
    reported: string;
    rated: string;
    notRated: string;
    provisional: string;
    rate: string;
    expected: string;
    submitted: string;
    onTime: string;
    approved: string;
    returned: string;
    submittedRate: string;
    onTimeRate: string;
    budget: string;
    budgetReports: string;
    source: string;
    allocated: string;
    spent: string;
    total: string;
    dedicatedLine: string;
    yes: string;
    no: string;
    unknown: string;
    sources: Record<BudgetSource, string>;
  };
  figure: { label: string; value: string };
  distribution: { title: string; axis: string; count: string };
  partsProfile: string;
  areas: { title: string; median: string; covered: string };
  provincesTable: string;
  caption: (asOf: string, covers: number) => string;
  noData: string;
  notReported: string;
  fileWord: string;
};

const subTaskForceNames = (language: FileLanguage) =>
  Object.fromEntries(SUB_TASK_FORCES.map((s) => [s.code, `${s.numeral}. ${language === "id" ? s.nameId : s.nameEn}`])) as Record<SubTaskForceCode, string>;

/** The sub-task-forces' names as the report files write them ("I. Pencegahan dan Partisipasi Anak"). */
export const subTaskForceLabel = (code: SubTaskForceCode, language: FileLanguage): string => subTaskForceNames(language)[code];

export const EVALUATION_FILE_LABELS: Record<FileLanguage, EvaluationFileLabels> = {
  id: {
    title: "Evaluasi kinerja gugus tugas",
    nationalSummary: "Ringkasan nasional",
    summaryOf: (name) => `Ringkasan: ${name}`,
    national: "Nasional",
    provinceOf: (name) => `Provinsi ${name}`,
    year: "Tahun",
    period: (n) => `RAN periode ${n}`,
    covering: "Cakupan",
    taskForces: (n) => `${n} gugus tugas`,
    asOf: "Keadaan per",
    published: (at) => `Diterbitkan ${at}`,
    notPublished: "Belum diterbitkan",
    sheet: { scores: "Nilai", counts: "Angka", provinces: "Provinsi", regencies: "Sebaran", method: "Metode" },
    part: { readiness: "Kesiapan", commitment: "Komitmen", delivery: "Pelaksanaan", discipline: "Kedisiplinan" },
    level: REPORT_FILE_LABELS.id.level,
    status: { ...REPORT_FILE_LABELS.id.status, none: "Tidak ada laporan" },
    scores: {
      rank: "Peringkat",
      taskForce: "Gugus tugas",
      level: "Tingkat",
      regionCode: "Kode wilayah",
      total: "Nilai total",
      status: "Status laporan",
      provisional: "Sementara",
      missing: "Yang belum ada",
      notRated: "tidak dinilai",
      notRanked: "tidak diperingkat",
      of: (n) => `dari ${n}`,
      yes: "Ya",
      none: "Tidak ada gugus tugas.",
    },
    missingInput: {
      readiness: "Kesiapan: tidak ada isian",
      commitment: "Komitmen: tidak ada isian",
      delivery: "Pelaksanaan: tidak ada rencana aksi yang dapat diukur",
      discipline: "Kedisiplinan: tidak ada isian",
      "readiness.instrumentInForce": "Dasar pembentukan berlaku",
      "readiness.coordinators": "Koordinator sub gugus tugas",
      "readiness.radRecorded": "Rencana aksi daerah",
      "readiness.dedicatedBudgetLine": "Mata anggaran khusus",
      "commitment.budgetAllocated": "Pagu anggaran",
      "commitment.budgetShare": "Pagu sebagai bagian anggaran daerah",
      "commitment.shareSpent": "Bagian anggaran terealisasi",
      "commitment.meetings": "Rapat koordinasi",
      "discipline.submitted": "Laporan dikirim",
      "discipline.onTime": "Tepat waktu",
      "discipline.approved": "Laporan disetujui",
    },
    missingItem: (code) => `Capaian rencana aksi ${code}`,
    counts: {
      row: "Wilayah",
      total: "Jumlah",
      suppressedNote: `"${SUPPRESSED_LABEL}": angka 1–4 disamarkan, dan beberapa sel lain disamarkan juga agar tidak dapat dihitung dari jumlahnya.`,
      notReportedNote: "Sel kosong bertuliskan \"tidak dilaporkan\": angka itu tidak dilaporkan (bukan 0). Hanya laporan yang sudah dikirim yang dihitung.",
      none: "Tidak ada laporan yang dikirim.",
    },
    provinces: {
      province: "Provinsi",
      code: "Kode",
      own: "Nilai gugus tugas provinsi",
      median: "Median kabupaten/kota",
      q1: "Kuartil 1",
      q3: "Kuartil 3",
      min: "Terendah",
      max: "Tertinggi",
      rated: "Dinilai",
      notRated: "Tidak dinilai",
      rate: "Tingkat pelaporan (%)",
      allocated: "Pagu (Rp)",
      spent: "Realisasi (Rp)",
      none: "Tidak ada provinsi.",
    },
    spread: { title: "Sebaran nilai kabupaten/kota", notReported: "Belum melaporkan", allReported: "Semua sudah melaporkan." },
    method: {
      title: "Metode penilaian",
      setting: "Pengaturan",
      value: "Nilai",
      weight: (part) => `Bobot ${part.toLowerCase()}`,
      achievementCap: "Batas capaian rencana aksi",
      missingThreshold: "Batas isian yang belum ada",
      fullBudgetShare: "Bagian anggaran daerah untuk nilai penuh",
      fullMeetings: "Rapat setahun untuk nilai penuh",
      spread: "Geseran bobot pada uji kepekaan",
      draws: "Jumlah undian",
      seed: "Benih undian",
      paragraph: (s, pct, num) =>
        `Nilai total adalah jumlah berbobot dari empat bagian, masing-masing 0–100: kesiapan ${pct(s.weights.readiness)}, komitmen ${pct(s.weights.commitment)}, ` +
        `pelaksanaan ${pct(s.weights.delivery)} dan kedisiplinan ${pct(s.weights.discipline)}. Capaian tiap rencana aksi dihitung sampai ${pct(s.achievementCap)} dari targetnya. ` +
        `Data yang tidak ada tidak pernah dianggap 0: gugus tugas yang kehilangan lebih dari ${pct(s.missingThreshold)} isiannya tidak dinilai dan tidak diperingkat. ` +
        `Nilai dari laporan yang belum disetujui bersifat sementara. Peringkat diberi rentang dari ${num(s.sensitivity.draws)} undian bobot (masing-masing ±${pct(s.sensitivity.spread)}): ` +
        `dua gugus tugas yang rentangnya bertumpang tindih tidak disebut lebih baik atau lebih buruk.`,
    },
    headline: {
      coverage: "Cakupan",
      inForce: "Gugus tugas yang berlaku",
      formed: "Sudah dibentuk",
      reported: "Mengirim laporan",
      rated: "Dinilai",
      notRated: "Tidak dinilai",
      provisional: "Nilai sementara",
      rate: "Tingkat pelaporan",
      expected: "Laporan yang diharapkan",
      submitted: "Dikirim",
      onTime: "Tepat waktu",
      approved: "Disetujui",
      returned: "Dikembalikan",
      submittedRate: "Tingkat pelaporan",
      onTimeRate: "Tingkat ketepatan waktu",
      budget: "Komitmen anggaran",
      budgetReports: "Laporan dengan baris anggaran",
      source: "Sumber",
      allocated: "Pagu (Rp)",
      spent: "Realisasi (Rp)",
      total: "Jumlah",
      dedicatedLine: "Mata anggaran khusus PP-TPPO",
      yes: "Ada",
      no: "Tidak ada",
      unknown: "Tidak dilaporkan",
      sources: REPORT_FILE_LABELS.id.budget.sources,
    },
    figure: { label: "Angka", value: "Nilai" },
    distribution: { title: "Sebaran nilai total", axis: "Nilai total", count: "Gugus tugas" },
    partsProfile: "Median tiap bagian",
    areas: { title: "Pelaksanaan per sub gugus tugas", median: "Median", covered: "Gugus tugas" },
    provincesTable: "Provinsi",
    caption: (asOf, covers) => `Keadaan per ${asOf} · mencakup ${covers} gugus tugas`,
    noData: "Belum ada data.",
    notReported: REPORT_FILE_LABELS.id.notReported,
    fileWord: "evaluasi",
  },
  en: {
    title: "Task force performance evaluation",
    nationalSummary: "National summary",
    summaryOf: (name) => `Summary: ${name}`,
    national: "National",
    provinceOf: (name) => `Province of ${name}`,
    year: "Year",
    period: (n) => `RAN period ${n}`,
    covering: "Covering",
    taskForces: (n) => `${n} task force${n === 1 ? "" : "s"}`,
    asOf: "As of",
    published: (at) => `Published ${at}`,
    notPublished: "Not yet published",
    sheet: { scores: "Scores", counts: "Counts", provinces: "Provinces", regencies: "Spread", method: "Method" },
    part: { readiness: "Readiness", commitment: "Commitment", delivery: "Delivery", discipline: "Discipline" },
    level: REPORT_FILE_LABELS.en.level,
    status: { ...REPORT_FILE_LABELS.en.status, none: "No report" },
    scores: {
      rank: "Rank",
      taskForce: "Task force",
      level: "Level",
      regionCode: "Region code",
      total: "Total score",
      status: "Report status",
      provisional: "Provisional",
      missing: "What is missing",
      notRated: "not rated",
      notRanked: "not ranked",
      of: (n) => `of ${n}`,
      yes: "Yes",
      none: "No task force.",
    },
    missingInput: {
      readiness: "Readiness: no input",
      commitment: "Commitment: no input",
      delivery: "Delivery: no action item to measure",
      discipline: "Discipline: no input",
      "readiness.instrumentInForce": "Establishment instrument in force",
      "readiness.coordinators": "Sub-task-force coordinators",
      "readiness.radRecorded": "Regional action plan",
      "readiness.dedicatedBudgetLine": "Dedicated budget line",
      "commitment.budgetAllocated": "Budget allocated",
      "commitment.budgetShare": "Budget as a share of the region's",
      "commitment.shareSpent": "Share of the budget spent",
      "commitment.meetings": "Coordination meetings",
      "discipline.submitted": "Report submitted",
      "discipline.onTime": "On time",
      "discipline.approved": "Report approved",
    },
    missingItem: (code) => `Result of action item ${code}`,
    counts: {
      row: "Region",
      total: "Total",
      suppressedNote: `"${SUPPRESSED_LABEL}": counts from 1 to 4 are hidden, and some other cells with them so that none can be worked out from the totals.`,
      notReportedNote: "A cell reading \"not reported\" was not reported (it is not 0). Only submitted reports are counted.",
      none: "No report submitted.",
    },
    provinces: {
      province: "Province",
      code: "Code",
      own: "Province task force's score",
      median: "Median of regencies/cities",
      q1: "First quartile",
      q3: "Third quartile",
      min: "Lowest",
      max: "Highest",
      rated: "Rated",
      notRated: "Not rated",
      rate: "Reporting rate (%)",
      allocated: "Allocated (Rp)",
      spent: "Spent (Rp)",
      none: "No province.",
    },
    spread: { title: "Spread of the regencies/cities' scores", notReported: "Not reported yet", allReported: "All have reported." },
    method: {
      title: "Method",
      setting: "Setting",
      value: "Value",
      weight: (part) => `Weight of ${part.toLowerCase()}`,
      achievementCap: "Cap on an action item's achievement",
      missingThreshold: "Missing inputs allowed",
      fullBudgetShare: "Share of the region's budget for full points",
      fullMeetings: "Meetings a year for full points",
      spread: "Weights moved in the sensitivity run",
      draws: "Draws",
      seed: "Seed of the draws",
      paragraph: (s, pct, num) =>
        `The total is the weighted sum of four parts, each 0–100: readiness ${pct(s.weights.readiness)}, commitment ${pct(s.weights.commitment)}, ` +
        `delivery ${pct(s.weights.delivery)} and discipline ${pct(s.weights.discipline)}. Each action item's achievement counts up to ${pct(s.achievementCap)} of its target. ` +
        `Missing data is never taken as 0: a task force missing more than ${pct(s.missingThreshold)} of its inputs is not rated and not ranked. ` +
        `Scores from reports not yet approved are provisional. Ranks carry a band from ${num(s.sensitivity.draws)} draws of the weights (each ±${pct(s.sensitivity.spread)}): ` +
        `two task forces whose bands overlap are not called better or worse.`,
    },
    headline: {
      coverage: "Coverage",
      inForce: "Task forces in force",
      formed: "Formed",
      reported: "Submitted a report",
      rated: "Rated",
      notRated: "Not rated",
      provisional: "Provisional scores",
      rate: "Reporting rate",
      expected: "Reports expected",
      submitted: "Submitted",
      onTime: "On time",
      approved: "Approved",
      returned: "Returned",
      submittedRate: "Reporting rate",
      onTimeRate: "On-time rate",
      budget: "Budget commitment",
      budgetReports: "Reports giving a budget line",
      source: "Source",
      allocated: "Allocated (Rp)",
      spent: "Spent (Rp)",
      total: "Total",
      dedicatedLine: "Dedicated anti-trafficking budget line",
      yes: "Yes",
      no: "No",
      unknown: "Not reported",
      sources: REPORT_FILE_LABELS.en.budget.sources,
    },
    figure: { label: "Figure", value: "Value" },
    distribution: { title: "Distribution of total scores", axis: "Total score", count: "Task forces" },
    partsProfile: "Median of each part",
    areas: { title: "Delivery by sub-task-force", median: "Median", covered: "Task forces" },
    provincesTable: "Provinces",
    caption: (asOf, covers) => `As of ${asOf} · covers ${covers} task force${covers === 1 ? "" : "s"}`,
    noData: "No data yet.",
    notReported: REPORT_FILE_LABELS.en.notReported,
    fileWord: "evaluation",
  },
};

/** A count column's label ("victims.girls" → "Girls"), from the report file's words; the key itself if unknown. */
export function countColumnLabel(key: string, language: FileLanguage): string {
  const [section, field] = key.split(".") as [string, string | undefined];
  const words = REPORT_FILE_LABELS[language] as unknown as Record<string, Record<string, unknown> | undefined>;
  const label = field === undefined ? undefined : words[section]?.[field];
  if (typeof label !== "string") return key;
  const group = REPORT_FILE_LABELS[language].section[section as "victims"];
  return section === "victims" && field !== "total" ? `${group}: ${label.toLowerCase()}` : label;
}

/** What is missing as words: "readiness.radRecorded" → "Readiness: Regional action plan"; an item by its code. */
export function missingLabel(entry: string, language: FileLanguage): string {
  const labels = EVALUATION_FILE_LABELS[language];
  const known = labels.missingInput[entry];
  const [part, input] = entry.split(".", 2) as [string, string | undefined];
  const partLabel = (EVALUATION_PARTS as readonly string[]).includes(part) ? labels.part[part as EvaluationPart] : part;
  if (known !== undefined) return input === undefined ? known : `${partLabel}: ${known}`;
  if (part === "delivery" && input !== undefined) return `${partLabel}: ${labels.missingItem(entry.slice("delivery.".length))}`;
  return entry;
}

/** A rank as the files write it: "12th (9th–15th) of 30", or "not rated" / "not ranked" (the national task force). */
export function rankLabel(row: Pick<EvaluationTaskForceRow, "rated" | "rank">, language: FileLanguage): string {
  const labels = EVALUATION_FILE_LABELS[language].scores;
  if (!row.rated) return labels.notRated;
  if (row.rank === null) return labels.notRanked;
  return `${formatRank(row.rank, language)} ${labels.of(row.rank.of)}`;
}

/** A published count as a file writes it: the count, "<5" when hidden, null when not reported. */
export function countCell(value: PublishedCount): number | string | null {
  return isSuppressed(value) ? SUPPRESSED_LABEL : value;
}

/** A score (0..100) rounded as the files show it: one decimal. */
export const roundScore = (score: number): number => Math.round(score * 10) / 10;

/** Who a file covers, and how many task forces, and its title line: year, place, coverage, time, publication. */
export function fileFacts(data: EvaluationWorkbookData, language: FileLanguage): { place: string; year: number; covers: number; publication: string; title: string } {
  const labels = EVALUATION_FILE_LABELS[language];
  const year = data.kind === "national" ? data.overview.year : data.province.year;
  const publishedAt = data.kind === "national" ? data.overview.publishedAt : data.province.publishedAt;
  const place = data.kind === "province" ? labels.provinceOf(data.province.province.name) : (data.subtree?.name ?? labels.national);
  const covers = data.kind === "national" ? data.overview.taskForces.length : 1 + data.province.regencies.length;
  const publication = publishedAt === null ? labels.notPublished : labels.published(publishedAt.slice(0, 10));
  const title = [`${labels.title} ${year}`, place, `${labels.covering}: ${labels.taskForces(covers)}`, `${labels.asOf} ${data.asOfLabel}`, publication].join(" — ");
  return { place, year, covers, publication, title };
}

/**
 * The file's download name: the language's word, the place (`nasional`/`national`, or the province's
 * code without dots) and the year — `evaluasi-nasional-2025.xlsx`, `evaluation-32-2025.xlsx`.
 */
export function evaluationFileName(data: EvaluationWorkbookData, ext: "xlsx" | "pdf", language: FileLanguage): string {
  const labels = EVALUATION_FILE_LABELS[language];
  const code = data.kind === "province" ? data.province.province.regionCode : (data.subtree?.regionCode ?? null);
  const place = code === null ? labels.national.toLowerCase() : code.replace(/[^0-9A-Za-z]/g, "");
  const year = data.kind === "national" ? data.overview.year : data.province.year;
  return `${labels.fileWord}-${place}-${year}.${ext}`;
}
