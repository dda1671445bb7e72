/** A task force's regional action plan (RAD) as an XLSX list in the reader's language: labels, not codes. */
import type { RadItemRow } from "@gugus/db";
import { SUB_TASK_FORCES, toRoman } from "@gugus/domain";
import type { InstrumentType, IsoDate, SubTaskForceCode, TargetMode, Unit } from "@gugus/domain";
import { dateInWords } from "./list-labels.ts";
import { buildListWorkbook } from "./list-workbook.ts";
import type { ListColumn } from "./list-workbook.ts";

export type RadFileLanguage = "id" | "en";

/** Every word of the RAD file, by language. */
export const RAD_FILE_LABELS = {
  id: {
    title: "Rencana Aksi Daerah (RAD)",
    describes: (numeral: string, first: number, last: number) => `Periode RAN ${numeral} (${first}–${last})`,
    generatedAt: (date: string, time: string, zone: string) => `Dibuat ${date} ${time} ${zone}`,
    sheet: "RAD",
    instrument: (type: string, number: string, date: string) => `Ditetapkan dengan ${type} ${number} tanggal ${date}`,
    draft: "Belum ditetapkan (draf)",
    column: {
      subTaskForce: "Sub gugus tugas",
      code: "Kode",
      follows: "Mengikuti rencana aksi RAN",
      programme: "Program",
      activity: "Kegiatan",
      indicator: "Indikator",
      unit: "Satuan",
      baseline: "Baseline",
      targetMode: "Jenis target",
      target: (year: number) => `Target ${year}`,
      leadAgency: "Penanggung jawab",
      relatedAgencies: "Instansi terkait",
    },
    unit: { count: "Jumlah", people: "Orang", activities: "Kegiatan", documents: "Dokumen", regions: "Wilayah", percent: "Persen (%)", rupiah: "Rupiah", change_percent: "Perubahan (%)" },
    targetMode: { per_year: "Per tahun", cumulative: "Kumulatif" },
    instrumentType: { perpres: "Perpres", pergub: "Pergub", sk_gubernur: "SK Gubernur", perbup: "Perbup", sk_bupati: "SK Bupati", perwali: "Perwali", sk_walikota: "SK Wali Kota", perda: "Perda" },
    fileWord: "rad",
  },
  en: {
    title: "Regional Action Plan (RAD)",
    describes: (numeral: string, first: number, last: number) => `RAN period ${numeral} (${first}–${last})`,
    generatedAt: (date: string, time: string, zone: string) => `Generated ${date} ${time} ${zone}`,
    sheet: "RAD",
    instrument: (type: string, number: string, date: string) => `Adopted by ${type} ${number} on ${date}`,
    draft: "Not adopted yet (draft)",
    column: {
      subTaskForce: "Sub-task-force",
      code: "Code",
      follows: "Follows RAN action item",
      programme: "Programme",
      activity: "Activity",
      indicator: "Indicator",
      unit: "Unit",
      baseline: "Baseline",
      targetMode: "Target type",
      target: (year: number) => `Target ${year}`,
      leadAgency: "Lead agency",
      relatedAgencies: "Related agencies",
    },
    unit: { count: "Count", people: "People", activities: "Activities", documents: "Documents", regions: "Regions", percent: "Percent (%)", rupiah: "Rupiah", change_percent: "Change (%)" },
    targetMode: { per_year: "Per year", cumulative: "Cumulative" },
    instrumentType: { perpres: "Perpres", pergub: "Pergub", sk_gubernur: "Governor's decree", perbup: "Perbup", sk_bupati: "Regent's decree", perwali: "Perwali", sk_walikota: "Mayor's decree", perda: "Perda" },
    fileWord: "rad",
  },
} as const satisfies Record<RadFileLanguage, { unit: Record<Unit, string>; targetMode: Record<TargetMode, string>; instrumentType: Record<InstrumentType, string> } & Record<string, unknown>>;

const subTaskForceName = (code: SubTaskForceCode, language: RadFileLanguage) => {
  const s = SUB_TASK_FORCES.find((x) => x.code === code)!;
  return `${s.numeral}. ${language === "id" ? s.nameId : s.nameEn}`;
};

export type RadFileData = {
  taskForceName: string;
  regionCode: string;
  period: { number: number; firstYear: number; lastYear: number };
  instrument: { type: InstrumentType; number: string; adoptedOn: IsoDate } | null;
  items: readonly RadItemRow[];
  /** The local date and time it was made, and the zone: ["2026-11-28", "10.00", "WIB"]. */
  made: { date: IsoDate; time: string; zone: string };
};

/** The file name: `rad-3275-IV.xlsx`. */
export function radFileName(data: Pick<RadFileData, "regionCode" | "period">): string {
  return `rad-${data.regionCode.replace(".", "")}-${toRoman(data.period.number)}.xlsx`;
}

/** One sheet: the title block (the plan, its period and instrument, whose, when made), then an item a row with a column per year's target. */
export async function writeRadWorkbook(data: RadFileData, language: RadFileLanguage): Promise<Uint8Array> {
  const l = RAD_FILE_LABELS[language];
  const years = Array.from({ length: data.period.lastYear - data.period.firstYear + 1 }, (_, i) => data.period.firstYear + i);
  const columns: ListColumn<RadItemRow>[] = [
    { header: l.column.subTaskForce, width: 28, value: (i) => subTaskForceName(i.subTaskForce, language) },
    { header: l.column.code, width: 12, value: (i) => i.code },
    { header: l.column.follows, width: 14, value: (i) => i.followedCode },
    { header: l.column.programme, width: 30, value: (i) => i.programme },
    { header: l.column.activity, width: 40, value: (i) => i.activity },
    { header: l.column.indicator, width: 36, value: (i) => i.indicator },
    { header: l.column.unit, width: 14, value: (i) => l.unit[i.unit] },
    { header: l.column.baseline, width: 10, kind: "number", value: (i) => i.baseline },
    { header: l.column.targetMode, width: 12, value: (i) => l.targetMode[i.targetMode] },
    ...years.map((year): ListColumn<RadItemRow> => ({ header: l.column.target(year), width: 10, kind: "number", value: (i) => i.targets.find((t) => t.year === year)?.value ?? null })),
    { header: l.column.leadAgency, width: 24, value: (i) => i.leadAgency },
    { header: l.column.relatedAgencies, width: 30, value: (i) => i.relatedAgencies.join("; ") },
  ];
  const adoption = data.instrument ? l.instrument(l.instrumentType[data.instrument.type], data.instrument.number, dateInWords(data.instrument.adoptedOn, language)) : l.draft;
  return buildListWorkbook({
    title: l.title,
    describes: `${l.describes(toRoman(data.period.number), data.period.firstYear, data.period.lastYear)} · ${adoption}`,
    scope: data.taskForceName,
    generatedAt: l.generatedAt(dateInWords(data.made.date, language), data.made.time, data.made.zone),
    language,
    sheets: [{ name: l.sheet, columns, rows: data.items }],
  });
}
