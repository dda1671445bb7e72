/** A task force's action plan. */
import type { MessagesLike } from "@gugus/ui/i18n";

const id = {
  plan: {
    title: "Rencana aksi",
    intro: "Rencana aksi periode RAN yang dilaksanakan di tingkat {{level}}, per sub gugus tugas, dengan target tahun ini. Laporan tahunan diisi terhadap rencana aksi ini.",
    period: "Periode",
    periodOption: "Periode {{numeral}} ({{first}}–{{last}})",
    periodOptionDraft: "Periode {{numeral}} ({{first}}–{{last}}, rancangan)",
    yearNote: "Target tahun {{year}}",
    yearNoteOutside: "Tahun {{today}} di luar periode ini; ditampilkan target tahun {{year}}.",
    noPeriod: "Tidak ada periode RAN yang berjalan tahun ini. Pilih periode di atas.",
    empty: "Belum ada rencana aksi tingkat {{level}} di periode ini.",
    count_one: "{{count}} rencana aksi",
    count_other: "{{count}} rencana aksi",
    lead: "Penanggung jawab: {{agency}}",
    baseline: "Data dasar: {{value}}",
    cumulativeNote: "kumulatif",
    targetThisYear: "Target {{year}}",
    toDate: "Total s.d. {{year}}: {{value}}",
    noTargetThisYear: "Tidak ada target tahun ini",
    follows: "Menjabarkan {{code}}",
  },
} as const;

const en: MessagesLike<typeof id> = {
  plan: {
    title: "Action plan",
    intro: "The RAN period's action items carried out at {{level}} level, by sub-task-force, with this year's targets. The annual report is filled in against them.",
    period: "Period",
    periodOption: "Period {{numeral}} ({{first}}–{{last}})",
    periodOptionDraft: "Period {{numeral}} ({{first}}–{{last}}, draft)",
    yearNote: "Targets for {{year}}",
    yearNoteOutside: "{{today}} lies outside this period; targets for {{year}} are shown.",
    noPeriod: "No RAN period runs this year. Choose a period above.",
    empty: "No action items at {{level}} level in this period yet.",
    count_one: "{{count}} action item",
    count_other: "{{count}} action items",
    lead: "Lead agency: {{agency}}",
    baseline: "Baseline: {{value}}",
    cumulativeNote: "cumulative",
    targetThisYear: "Target {{year}}",
    toDate: "Total to {{year}}: {{value}}",
    noTargetThisYear: "No target this year",
    follows: "Carries out {{code}}",
  },
};

export const planMessages = { id, en };
