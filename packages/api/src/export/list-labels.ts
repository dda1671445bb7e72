/**
 * The words of the hierarchy's and the plan's list files, in Indonesian and English: levels,
 * formation statuses, instrument types and sub-task-forces by the names the screens use, never their
 * codes; dates in words; the scope a file covers.
 */
import { localTimeLabel, timeZoneOf, todayAt } from "@gugus/domain";
import type { FormationStatus, InstrumentType, IsoDate, Level, TargetMode } from "@gugus/domain";
import { REPORT_FILE_LABELS } from "./report-labels.ts";
import type { FileLanguage } from "./report-labels.ts";

const MONTHS = {
  id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
} as const;

/** A calendar date in words: "1 Desember 2026" / "1 December 2026". */
export function dateInWords(date: IsoDate, language: FileLanguage): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[language][m - 1]} ${y}`;
}

/** An instant in words with its zone, where a region is (Jakarta's for `null`): "1 Desember 2026 14.05 WIB" / "1 December 2026 14:05 WIB". */
export function instantInWords(ms: number, regionCode: string | null, language: FileLanguage): string {
  const [date, time, zone] = localTimeLabel(new Date(ms), timeZoneOf(regionCode)).split(" ") as [IsoDate, string, string];
  return `${dateInWords(date, language)} ${language === "id" ? time.replace(":", ".") : time} ${zone}`;
}

/** The calendar date of an instant in words, where a region is: "1 Desember 2026". */
export function dayInWords(ms: number, regionCode: string | null, language: FileLanguage): string {
  return dateInWords(todayAt(new Date(ms), regionCode), language);
}

/** When a file was made, in Jakarta's time (national files): "Dibuat 1 Desember 2026 14.05 WIB". */
export function generatedAtLabel(now: Date, language: FileLanguage): string {
  return `${language === "id" ? "Dibuat" : "Made"} ${instantInWords(now.getTime(), null, language)}`;
}

/** The place a caller's file covers: the whole country, or its own task force by name. */
export function scopeLabel(place: { level: Level; regionName: string | null }, language: FileLanguage): string {
  if (place.level === "national" || place.regionName === null) return language === "id" ? "Seluruh Indonesia" : "All of Indonesia";
  if (place.level === "province") return language === "id" ? `GT Provinsi ${place.regionName}` : `${place.regionName} Provincial Task Force`;
  return language === "id" ? `GT ${place.regionName}` : `${place.regionName} Task Force`;
}

const id = {
  level: REPORT_FILE_LABELS.id.level,
  subTaskForce: REPORT_FILE_LABELS.id.subTaskForce,
  unit: REPORT_FILE_LABELS.id.unit,
  formationStatus: { not_formed: "Belum dibentuk", formed: "Terbentuk", expired: "Dasar hukum kedaluwarsa", revoked: "Dasar hukum dicabut" } satisfies Record<FormationStatus, string>,
  instrumentType: {
    perpres: "Perpres",
    pergub: "Pergub",
    sk_gubernur: "SK Gubernur",
    perbup: "Perbup",
    sk_bupati: "SK Bupati",
    perwali: "Perwali",
    sk_walikota: "SK Wali Kota",
    perda: "Perda",
  } satisfies Record<InstrumentType, string>,
  targetMode: { per_year: "Per tahun", cumulative: "Kumulatif" } satisfies Record<TargetMode, string>,
  national: "Nasional",
  asOf: (date: IsoDate) => `Keadaan per ${dateInWords(date, "id")}`,
  hierarchy: {
    title: "Daftar gugus tugas",
    sheet: "Gugus tugas",
    province: "Provinsi",
    regency: "Kabupaten/Kota",
    level: "Tingkat",
    code: "Kode wilayah",
    status: "Status pembentukan",
    instrumentType: "Jenis dasar hukum",
    instrumentNumber: "Nomor dasar hukum",
    instrumentDate: "Tanggal penetapan",
    fileName: (date: IsoDate) => `gugus-tugas-${date}.xlsx`,
  },
  coverage: {
    title: "Cakupan pembentukan gugus tugas",
    sheet: "Cakupan per provinsi",
    unformedSheet: "Belum terbentuk",
    province: "Provinsi",
    code: "Kode",
    provinceFormed: "GT provinsi terbentuk",
    yes: "Ya",
    no: "Belum",
    regenciesFormed: "Kabupaten/kota terbentuk",
    regenciesTotal: "Jumlah kabupaten/kota",
    rate: "Persentase terbentuk",
    taskForce: "Gugus tugas",
    level: "Tingkat",
    status: "Status pembentukan",
    fileName: (date: IsoDate) => `cakupan-gugus-tugas-${date}.xlsx`,
  },
  items: {
    title: "Rencana Aksi Nasional",
    describes: (numeral: string, first: number, last: number) => `RAN periode ${numeral} (${first}–${last})`,
    sheet: (numeral: string) => `RAN ${numeral}`,
    importSheet: "Impor",
    code: "Kode",
    subTaskForce: "Sub gugus tugas",
    programme: "Program",
    activity: "Kegiatan",
    indicator: "Indikator",
    unit: "Satuan",
    baseline: "Data dasar",
    targetMode: "Jenis target",
    target: (year: number) => `Target ${year}`,
    leadAgency: "Penanggung jawab",
    relatedAgencies: "Instansi terkait",
    level: "Tingkat pelaksana",
    follows: "Mengikuti",
  },
};

const en: typeof id = {
  level: REPORT_FILE_LABELS.en.level,
  subTaskForce: REPORT_FILE_LABELS.en.subTaskForce,
  unit: REPORT_FILE_LABELS.en.unit,
  formationStatus: { not_formed: "Not formed", formed: "Formed", expired: "Instrument expired", revoked: "Instrument revoked" },
  instrumentType: {
    perpres: "Presidential Regulation (Perpres)",
    pergub: "Governor Regulation (Pergub)",
    sk_gubernur: "Governor Decree (SK Gubernur)",
    perbup: "Regent Regulation (Perbup)",
    sk_bupati: "Regent Decree (SK Bupati)",
    perwali: "Mayor Regulation (Perwali)",
    sk_walikota: "Mayor Decree (SK Wali Kota)",
    perda: "Regional Regulation (Perda)",
  },
  targetMode: { per_year: "Per year", cumulative: "Cumulative" },
  national: "National",
  asOf: (date: IsoDate) => `As of ${dateInWords(date, "en")}`,
  hierarchy: {
    title: "Task force list",
    sheet: "Task forces",
    province: "Province",
    regency: "Regency/City",
    level: "Level",
    code: "Region code",
    status: "Formation status",
    instrumentType: "Instrument type",
    instrumentNumber: "Instrument number",
    instrumentDate: "Date set",
    fileName: (date: IsoDate) => `task-forces-${date}.xlsx`,
  },
  coverage: {
    title: "Task force formation coverage",
    sheet: "Coverage by province",
    unformedSheet: "Not formed",
    province: "Province",
    code: "Code",
    provinceFormed: "Provincial task force formed",
    yes: "Yes",
    no: "Not yet",
    regenciesFormed: "Regencies/cities formed",
    regenciesTotal: "Regencies/cities",
    rate: "Share formed",
    taskForce: "Task force",
    level: "Level",
    status: "Formation status",
    fileName: (date: IsoDate) => `task-force-coverage-${date}.xlsx`,
  },
  items: {
    title: "National Action Plan",
    describes: (numeral: string, first: number, last: number) => `RAN period ${numeral} (${first}–${last})`,
    sheet: (numeral: string) => `RAN ${numeral}`,
    importSheet: "Import",
    code: "Code",
    subTaskForce: "Sub-task-force",
    programme: "Programme",
    activity: "Activity",
    indicator: "Indicator",
    unit: "Unit",
    baseline: "Baseline",
    targetMode: "Target mode",
    target: (year: number) => `Target ${year}`,
    leadAgency: "Lead agency",
    relatedAgencies: "Related agencies",
    level: "Implementing level",
    follows: "Follows",
  },
};

/** Every word of the list files, by language. */
export const LIST_FILE_LABELS: Record<FileLanguage, typeof id> = { id, en };

/** The names the plan's import sheet may carry (either language): the import reads that sheet when the file has one. */
export const ITEMS_IMPORT_SHEETS = [id.items.importSheet, en.items.importSheet] as const;
