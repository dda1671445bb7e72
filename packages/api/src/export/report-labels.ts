/**
 * What a report's files (the XLSX workbook and the printable PDF) are written from, and every word
 * they use, in Indonesian and English: one table both writers read, so the two files name a section,
 * a field, a status or a sub-task-force the same way. Files show labels, never codes.
 */
import { SUB_TASK_FORCES, achievementRatio } from "@gugus/domain";
import type { BudgetSource, ExploitationForm, IsoDate, Level, ReportAction, ReportContent, ReportSection, ReportStatus, SubTaskForceCode, TimeZoneCode, Unit } from "@gugus/domain";

/** The languages a report file is written in. */
export type FileLanguage = "id" | "en";

/** What happened to a report, as its history records it: created, or one of the workflow's actions. */
export type ReportEventAction = "create" | ReportAction;

/** An action item of the report's year at the task force's level, with the year's target (null: none). */
export type ReportFileItem = { id: number; code: string; subTaskForce: SubTaskForceCode; activity: string; indicator: string; unit: Unit; yearTarget: number | null };

/** A RAD item of the report's year, with the RAN item it follows and the year's target (null: none). */
export type ReportFileRadItem = { id: number; code: string; followsItemId: number; activity: string; indicator: string; unit: Unit; yearTarget: number | null };

/** Everything a report's file shows: whose report, for which period, its status and content, the items it realises, and its history. */
export type ReportFileData = {
  taskForce: { name: string; level: Level; regionCode: string | null; zone: TimeZoneCode };
  period: { periodKey: string; year: number; dueDate: IsoDate };
  /** null: nothing was saved for this period yet (the file then shows the empty report). */
  status: ReportStatus | null;
  content: ReportContent;
  items: readonly ReportFileItem[];
  /** The task force's RAD items of the year, each under the RAN item it follows (none: the national task force, or no RAD). */
  radItems?: readonly ReportFileRadItem[];
  events: readonly { action: ReportEventAction; actorName: string | null; localTime: string; reason: string | null }[];
  /** When the file was made, as a local time label with its zone ("2026-01-31 23:30 WIT"). */
  asOf: string;
};

type CountsOf<K extends keyof ReportContent> = Record<Exclude<keyof ReportContent[K], "exploitation" | "abroad">, string>;

/** The words of a report file in one language. */
export type ReportFileLabels = {
  /** The document's title: an annual report, or a half-year one for an "S1"/"S2" period. */
  title: { annual: string; halfYear: string };
  period: (year: number, semester: 1 | 2 | null) => string;
  /** The due date as the instant it ends: the end of the day in the task force's zone. */
  dueOn: (date: IsoDate, zone: TimeZoneCode) => string;
  facts: { taskForce: string; level: string; regionCode: string; period: string; dueDate: string; status: string; asOf: string; national: string };
  level: Record<Level, string>;
  status: Record<ReportStatus | "none", string>;
  action: Record<ReportEventAction, string>;
  section: Record<ReportSection, string>;
  /** What the PDF's and workbook's closing part is called: the status and the approval history. */
  history: { title: string; none: string; time: string; action: string; by: string; reason: string };
  subTaskForce: Record<SubTaskForceCode, string>;
  activity: { subTaskForce: string; date: string; what: string; item: string; none: string };
  realisation: { subTaskForce: string; code: string; activity: string; indicator: string; unit: string; target: string; realised: string; achievement: string; note: string; none: string; noTarget: string; unknownItem: (id: number) => string };
  unit: Record<Unit, string>;
  victims: CountsOf<"victims"> & { bySex: string; byForm: string; byDestination: string; abroad: string; country: string; abroadNone: string };
  exploitation: Record<ExploitationForm, string>;
  lawEnforcement: CountsOf<"lawEnforcement">;
  services: CountsOf<"services">;
  networkScope: CountsOf<"networkScope">;
  prevention: CountsOf<"prevention">;
  coordination: CountsOf<"coordination">;
  budget: { source: string; allocated: string; spent: string; note: string; total: string; none: string; dedicatedLine: string; regionTotalBudget: string; yes: string; no: string; sources: Record<BudgetSource, string> };
  narrative: Record<keyof ReportContent["narrative"], string>;
  /** A count, amount or text left blank: not reported, which is never zero. */
  notReported: string;
  field: string;
  value: string;
  /** The workbook's sheet names (at most 31 characters, none of `[]:*?/\`). */
  sheet: { summary: string; activities: string; realisations: string; figures: string; budget: string; narrative: string };
  /** The file name's first word: `laporan-3275-2025.xlsx`. */
  fileWord: string;
  /** A RAD item listed under the RAN item it follows: its code's prefix and what its row says. */
  rad: { code: (code: string) => string; note: string };
};

const subTaskForceNames = (language: FileLanguage) =>
  Object.fromEntries(SUB_TASK_FORCES.map((s) => [s.code, `${s.numeral}. ${language === "id" ? s.nameId : s.nameEn}`])) as Record<SubTaskForceCode, string>;

/** Every word of a report file, by language. */
export const REPORT_FILE_LABELS: Record<FileLanguage, ReportFileLabels> = {
  id: {
    title: { annual: "Laporan Tahunan", halfYear: "Laporan Semester" },
    period: (year, semester) => (semester === null ? `Tahun ${year}` : `Semester ${semester} tahun ${year}`),
    dueOn: (date, zone) => `${date}, pukul 24.00 ${zone}`,
    facts: { taskForce: "Gugus tugas", level: "Tingkat", regionCode: "Kode wilayah", period: "Periode", dueDate: "Batas waktu", status: "Status", asOf: "Keadaan per", national: "Nasional" },
    level: { national: "Pusat", province: "Provinsi", regency: "Kabupaten/Kota" },
    status: { none: "Belum diisi", draft: "Draf", submitted: "Dikirim", returned: "Dikembalikan", approved: "Disetujui", reopened: "Dibuka kembali" },
    action: { create: "Dibuat", submit: "Dikirim", approve: "Disetujui", return: "Dikembalikan", reopen: "Dibuka kembali" },
    section: {
      activities: "Kegiatan",
      realisations: "Capaian rencana aksi",
      victims: "Korban",
      lawEnforcement: "Penegakan hukum",
      services: "Layanan bagi korban",
      networkScope: "Cakupan jaringan kasus",
      prevention: "Pencegahan",
      coordination: "Koordinasi",
      budget: "Anggaran",
      narrative: "Kendala dan rekomendasi",
    },
    history: { title: "Status dan riwayat persetujuan", none: "Belum ada riwayat.", time: "Waktu", action: "Tindakan", by: "Oleh", reason: "Alasan" },
    subTaskForce: subTaskForceNames("id"),
    activity: { subTaskForce: "Sub gugus tugas", date: "Tanggal", what: "Kegiatan yang dilaksanakan", item: "Rencana aksi terkait", none: "Tidak ada kegiatan dicatat." },
    realisation: {
      subTaskForce: "Sub gugus tugas",
      code: "Kode",
      activity: "Rencana aksi",
      indicator: "Indikator",
      unit: "Satuan",
      target: "Target",
      realised: "Realisasi",
      achievement: "Capaian",
      note: "Catatan",
      none: "Tidak ada rencana aksi untuk tahun ini di tingkat ini.",
      noTarget: "tanpa target",
      unknownItem: (id) => `Rencana aksi #${id}`,
    },
    unit: { count: "Jumlah", people: "Orang", activities: "Kegiatan", documents: "Dokumen", regions: "Wilayah", percent: "Persen (%)", rupiah: "Rupiah", change_percent: "Perubahan (%)" },
    victims: {
      total: "Jumlah korban",
      women: "Perempuan dewasa",
      girls: "Anak perempuan",
      men: "Laki-laki dewasa",
      boys: "Anak laki-laki",
      domestic: "Dalam negeri",
      bySex: "Menurut jenis kelamin dan usia",
      byForm: "Menurut bentuk eksploitasi",
      byDestination: "Menurut tujuan",
      abroad: "Luar negeri",
      country: "Negara tujuan",
      abroadNone: "Tidak ada negara tujuan dicatat.",
    },
    exploitation: {
      forced_labour: "Kerja paksa",
      sexual_exploitation: "Eksploitasi seksual",
      domestic_servitude: "Perbudakan dalam rumah tangga",
      forced_marriage: "Perkawinan paksa",
      child_exploitation: "Eksploitasi anak",
      organ_removal: "Pengambilan organ",
      other: "Bentuk lain",
    },
    lawEnforcement: { casesReported: "Kasus dilaporkan ke kepolisian", suspects: "Tersangka", prosecutions: "Perkara dituntut", convictions: "Putusan bersalah" },
    services: { healthRehabilitation: "Rehabilitasi kesehatan", socialRehabilitation: "Rehabilitasi sosial", repatriation: "Pemulangan", reintegration: "Reintegrasi sosial" },
    networkScope: { local: "Lokal", regional: "Antardaerah", international: "Internasional" },
    prevention: { trainings: "Pelatihan diselenggarakan", communityGroups: "Kelompok masyarakat dibentuk", regulations: "Peraturan diterbitkan", agreements: "Perjanjian kerja sama ditandatangani" },
    coordination: { meetings: "Rapat koordinasi" },
    budget: {
      source: "Sumber",
      allocated: "Pagu (Rp)",
      spent: "Realisasi (Rp)",
      note: "Catatan",
      total: "Jumlah",
      none: "Tidak ada baris anggaran.",
      dedicatedLine: "Ada mata anggaran khusus PP-TPPO",
      regionTotalBudget: "Total anggaran daerah (Rp)",
      yes: "Ya",
      no: "Tidak",
      sources: { APBN: "APBN", APBD: "APBD", other: "Sumber lain" },
    },
    narrative: { obstacles: "Kendala", recommendations: "Rekomendasi" },
    notReported: "tidak dilaporkan",
    field: "Isian",
    value: "Nilai",
    sheet: { summary: "Ringkasan", activities: "Kegiatan", realisations: "Capaian", figures: "Angka", budget: "Anggaran", narrative: "Narasi" },
    fileWord: "laporan",
    rad: { code: (code) => `↳ RAD ${code}`, note: "Butir RAD yang mengikuti rencana aksi di atas (tanpa realisasi)" },
  },
  en: {
    title: { annual: "Annual Report", halfYear: "Half-Year Report" },
    period: (year, semester) => (semester === null ? `Year ${year}` : `Half-year ${semester} of ${year}`),
    dueOn: (date, zone) => `${date}, 24:00 ${zone}`,
    facts: { taskForce: "Task force", level: "Level", regionCode: "Region code", period: "Period", dueDate: "Due date", status: "Status", asOf: "As of", national: "National" },
    level: { national: "National", province: "Province", regency: "Regency/City" },
    status: { none: "Not started", draft: "Draft", submitted: "Submitted", returned: "Returned", approved: "Approved", reopened: "Reopened" },
    action: { create: "Created", submit: "Submitted", approve: "Approved", return: "Returned", reopen: "Reopened" },
    section: {
      activities: "Activities",
      realisations: "Action item results",
      victims: "Victims",
      lawEnforcement: "Law enforcement",
      services: "Services for victims",
      networkScope: "Scope of the networks",
      prevention: "Prevention",
      coordination: "Coordination",
      budget: "Budget",
      narrative: "Obstacles and recommendations",
    },
    history: { title: "Status and approval history", none: "No history yet.", time: "Time", action: "Action", by: "By", reason: "Reason" },
    subTaskForce: subTaskForceNames("en"),
    activity: { subTaskForce: "Sub-task-force", date: "Date", what: "Activity carried out", item: "Related action item", none: "No activity recorded." },
    realisation: {
      subTaskForce: "Sub-task-force",
      code: "Code",
      activity: "Action item",
      indicator: "Indicator",
      unit: "Unit",
      target: "Target",
      realised: "Realised",
      achievement: "Achievement",
      note: "Note",
      none: "No action item at this level for this year.",
      noTarget: "no target",
      unknownItem: (id) => `Action item #${id}`,
    },
    unit: { count: "Count", people: "People", activities: "Activities", documents: "Documents", regions: "Regions", percent: "Percent (%)", rupiah: "Rupiah", change_percent: "Change (%)" },
    victims: {
      total: "Number of victims",
      women: "Women",
      girls: "Girls",
      men: "Men",
      boys: "Boys",
      domestic: "Within Indonesia",
      bySex: "By sex and age",
      byForm: "By form of exploitation",
      byDestination: "By destination",
      abroad: "Abroad",
      country: "Country of destination",
      abroadNone: "No country of destination recorded.",
    },
    exploitation: {
      forced_labour: "Forced labour",
      sexual_exploitation: "Sexual exploitation",
      domestic_servitude: "Domestic servitude",
      forced_marriage: "Forced marriage",
      child_exploitation: "Child exploitation",
      organ_removal: "Organ removal",
      other: "Other forms",
    },
    lawEnforcement: { casesReported: "Cases reported to the police", suspects: "Suspects", prosecutions: "Prosecutions", convictions: "Convictions" },
    services: { healthRehabilitation: "Health rehabilitation", socialRehabilitation: "Social rehabilitation", repatriation: "Repatriation", reintegration: "Reintegration" },
    networkScope: { local: "Local", regional: "Across regions", international: "International" },
    prevention: { trainings: "Trainings held", communityGroups: "Community groups formed", regulations: "Regulations issued", agreements: "Agreements signed" },
    coordination: { meetings: "Coordination meetings" },
    budget: {
      source: "Source",
      allocated: "Allocated (Rp)",
      spent: "Spent (Rp)",
      note: "Note",
      total: "Total",
      none: "No budget line.",
      dedicatedLine: "Dedicated anti-trafficking budget line",
      regionTotalBudget: "Region's total budget (Rp)",
      yes: "Yes",
      no: "No",
      sources: { APBN: "State budget (APBN)", APBD: "Regional budget (APBD)", other: "Other source" },
    },
    narrative: { obstacles: "Obstacles", recommendations: "Recommendations" },
    notReported: "not reported",
    field: "Field",
    value: "Value",
    sheet: { summary: "Summary", activities: "Activities", realisations: "Results", figures: "Figures", budget: "Budget", narrative: "Narrative" },
    fileWord: "report",
    rad: { code: (code) => `↳ RAD ${code}`, note: "RAD item following the action item above (no realisation)" },
  },
};

/** The half of the year a period key names ("2025-S1" → 1), or null for a whole year ("2025"). */
export function semesterOf(periodKey: string): 1 | 2 | null {
  const match = /-S([12])$/.exec(periodKey);
  return match === null ? null : (Number(match[1]) as 1 | 2);
}

/** The report's title in a language: "Laporan Tahunan" for a year, "Laporan Semester" for a half-year. */
export function reportTitle(data: Pick<ReportFileData, "period">, language: FileLanguage): string {
  const labels = REPORT_FILE_LABELS[language];
  return semesterOf(data.period.periodKey) === null ? labels.title.annual : labels.title.halfYear;
}

/** The period as words: "Tahun 2025", "Half-year 1 of 2025". */
export function periodLabel(data: Pick<ReportFileData, "period">, language: FileLanguage): string {
  return REPORT_FILE_LABELS[language].period(data.period.year, semesterOf(data.period.periodKey));
}

/**
 * The name a report's file is downloaded as: the language's word, the region code without its dots
 * (`nasional`/`national` for the national task force) and the period key —
 * `laporan-3275-2025.xlsx`, `report-3275-2025-S1.pdf`.
 */
export function reportFileName(data: Pick<ReportFileData, "taskForce" | "period">, ext: "xlsx" | "pdf", language: FileLanguage = "id"): string {
  const labels = REPORT_FILE_LABELS[language];
  const place = data.taskForce.regionCode === null ? labels.facts.national.toLowerCase() : data.taskForce.regionCode.replace(/[^0-9A-Za-z]/g, "");
  return `${labels.fileWord}-${place}-${data.period.periodKey.replace(/[^0-9A-Za-z-]/g, "")}.${ext}`;
}

/** Numbers as the language writes them: `1.234,5` in Indonesian, `1,234.5` in English. */
export function formatNumber(value: number, language: FileLanguage): string {
  return new Intl.NumberFormat(language === "id" ? "id-ID" : "en-GB", { maximumFractionDigits: 2 }).format(value);
}

/** A country by its ISO 3166-1 alpha-2 code, named in the language, code kept: "Malaysia (MY)". */
export function countryLabel(code: string, language: FileLanguage): string {
  try {
    const name = new Intl.DisplayNames([language], { type: "region", fallback: "none" }).of(code);
    return name === undefined || name === code ? code : `${name} (${code})`;
  } catch {
    return code;
  }
}

/**
 * The realisation of each item and its achievement (realised ÷ the year's target, never capped;
 * null without a target, a target of 0 or a realised value), in the items' order, then any
 * realisation whose item is not among them (it is kept, under the item's number).
 */
export function realisationRows(data: Pick<ReportFileData, "items" | "content">): {
  item: ReportFileItem | null;
  actionItemId: number;
  realised: number | null;
  achievement: number | null;
  note: string | null;
}[] {
  const byItem = new Map(data.content.realisations.map((r) => [r.actionItemId, r]));
  const known = new Set(data.items.map((i) => i.id));
  const rows = data.items.map((item) => {
    const r = byItem.get(item.id);
    const realised = r?.value ?? null;
    const achievement = realised === null ? null : achievementRatio(item.yearTarget, realised);
    return { item, actionItemId: item.id, realised, achievement, note: r?.note || null };
  });
  const unknown = data.content.realisations
    .filter((r) => !known.has(r.actionItemId))
    .map((r) => ({ item: null, actionItemId: r.actionItemId, realised: r.value, achievement: null, note: r.note || null }));
  return [...rows, ...unknown];
}

/** The sum of the figures that were reported, or null when none was (a blank never counts as zero). */
export function sumReported(values: readonly (number | null)[]): number | null {
  const reported = values.filter((v): v is number => v !== null);
  return reported.length === 0 ? null : reported.reduce((s, v) => s + v, 0);
}

/** The sections that are a plain list of counts, in the report's order. */
export const COUNT_SECTIONS = ["lawEnforcement", "services", "networkScope", "prevention", "coordination"] as const;
export type CountSection = (typeof COUNT_SECTIONS)[number];

/** A count section's fields as label and value (null: not reported), in the labels' order. */
export function countRows(content: ReportContent, section: CountSection, language: FileLanguage): { label: string; value: number | null }[] {
  const values = content[section] as Record<string, number | null | undefined>;
  return Object.entries(REPORT_FILE_LABELS[language][section]).map(([key, label]) => ({ label, value: values[key] ?? null }));
}

/** A ratio as a percentage as the language writes it: `85,5%` in Indonesian, `85.5%` in English (never capped). */
export function formatPercent(ratio: number, language: FileLanguage): string {
  return new Intl.NumberFormat(language === "id" ? "id-ID" : "en-GB", { style: "percent", maximumFractionDigits: 1 }).format(ratio);
}
