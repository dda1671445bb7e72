/** Importing formation data from a spreadsheet. */
import type { MessagesLike } from "@gugus/ui/i18n";

const id = {
  import: {
    title: "Impor data pembentukan",
    intro: "Muat berkas CSV atau XLSX berisi satu baris per dasar hukum pembentukan. Semua baris diperiksa dulu; berkas disimpan seluruhnya atau tidak sama sekali.",
    columns: "Kolom yang dibaca: kode_wilayah, jenis, nomor, tanggal (TTTT-BB-HH), dan boleh penerbit. Kode wilayah mengikuti kode pada tanggal dasar hukum (mis. 91.01 untuk Merauke sebelum 2022).",
    file: "Berkas",
    filePlaceholder: "Pilih berkas .csv atau .xlsx",
    read: "Membaca berkas…",
    checking: "Memeriksa baris {{done}} dari {{total}}",
    checked: "{{total}} baris diperiksa: {{ok}} baik, {{bad}} bermasalah, {{present}} sudah tercatat.",
    commit: "Simpan {{count}} baris",
    committing: "Menyimpan…",
    done: "Tersimpan: {{inserted}} dasar hukum baru; {{present}} sudah tercatat sebelumnya.",
    fixFirst: "Perbaiki baris yang bermasalah di berkas lalu muat ulang. Tidak ada yang disimpan.",
    row: "Baris",
    region: "Wilayah",
    problems: "Masalah",
    ok: "Baik",
    present: "Sudah tercatat",
    onlyProblems: "Tampilkan hanya baris bermasalah",
    fields: { regionCode: "kode wilayah", type: "jenis", number: "nomor", issuedOn: "tanggal", issuer: "penerbit" },
    again: "Muat berkas lain",
  },
} as const;

const en: MessagesLike<typeof id> = {
  import: {
    title: "Import formation data",
    intro: "Load a CSV or XLSX file with one row per establishment instrument. Every row is checked first; the file is saved whole or not at all.",
    columns: "Columns read: kode_wilayah (region_code), jenis (type), nomor (number), tanggal (date, YYYY-MM-DD), and optionally penerbit (issuer). Region codes are those in force on the instrument's date (e.g. 91.01 for Merauke before 2022).",
    file: "File",
    filePlaceholder: "Choose a .csv or .xlsx file",
    read: "Reading the file…",
    checking: "Checking row {{done}} of {{total}}",
    checked: "{{total}} rows checked: {{ok}} fine, {{bad}} with problems, {{present}} already recorded.",
    commit: "Save {{count}} rows",
    committing: "Saving…",
    done: "Saved: {{inserted}} new instruments; {{present}} were already recorded.",
    fixFirst: "Fix the rows with problems in the file and load it again. Nothing was saved.",
    row: "Row",
    region: "Region",
    problems: "Problems",
    ok: "Fine",
    present: "Already recorded",
    onlyProblems: "Show only rows with problems",
    fields: { regionCode: "region code", type: "type", number: "number", issuedOn: "date", issuer: "issuer" },
    again: "Load another file",
  },
};

export const importMessages = { id, en };
