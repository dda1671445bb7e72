/** Messages of the admin app. */
import type { MessagesLike } from "./types.ts";

const id = {
  nav: { hierarchy: "Hierarki", periods: "Periode RAN" },
  hierarchy: {
    title: "Hierarki gugus tugas",
    intro: "Satu gugus tugas pusat, satu per provinsi, dan satu per kabupaten/kota. Wilayah mengikuti kode Kemendagri.",
    totals: "{{national}} pusat · {{provinces}} provinsi · {{regencies}} kabupaten/kota",
    searchLabel: "Cari wilayah",
    searchPlaceholder: "Nama atau kode, mis. Bekasi atau 32.75",
    searchResults_one: "{{count}} hasil",
    searchResults_other: "{{count}} hasil",
    noResults: "Tidak ada wilayah yang cocok dengan “{{query}}”.",
    provinces: "Provinsi",
    columns: { code: "Kode", name: "Nama", regencies: "Kab./Kota", kabupaten: "Kabupaten", kota: "Kota", level: "Tingkat" },
    total: "Jumlah",
  },
  taskForce: {
    openParent: "Buka induk",
    noChildren: "Tidak ada gugus tugas di bawahnya.",
    childCount_one: "{{count}} gugus tugas",
    childCount_other: "{{count}} gugus tugas",
  },
  periods: {
    title: "Periode RAN PP-TPPO",
    intro: "Rencana Aksi Nasional Pencegahan dan Penanganan Tindak Pidana Perdagangan Orang, per periode.",
    current: "Berjalan",
    lateAdoption: "Ditetapkan terlambat",
    lateAdoptionHint: "Ditetapkan pada {{date}}, setelah tahun pertama periode dimulai.",
    gap: "Celah: tahun {{from}}–{{to}} tidak tercakup periode mana pun.",
    noGaps: "Tidak ada celah antarperiode.",
    todayIs: "Hari ini {{date}} (WIB).",
    columns: { number: "Periode", years: "Tahun", length: "Lama", status: "Status", instrument: "Instrumen", adoptedOn: "Tanggal penetapan" },
    lengthYears: "{{count}} tahun",
    unknownDate: "tidak tercatat",
    noInstrument: "—",
  },
} as const;

const en: MessagesLike<typeof id> = {
  nav: { hierarchy: "Hierarchy", periods: "RAN periods" },
  hierarchy: {
    title: "Task-force hierarchy",
    intro: "One national task force, one per province and one per regency/city. Regions follow the Kemendagri codes.",
    totals: "{{national}} national · {{provinces}} provinces · {{regencies}} regencies/cities",
    searchLabel: "Search regions",
    searchPlaceholder: "Name or code, e.g. Bekasi or 32.75",
    searchResults_one: "{{count}} result",
    searchResults_other: "{{count}} results",
    noResults: "No region matches “{{query}}”.",
    provinces: "Provinces",
    columns: { code: "Code", name: "Name", regencies: "Reg./Cities", kabupaten: "Regencies", kota: "Cities", level: "Level" },
    total: "Total",
  },
  taskForce: {
    openParent: "Open parent",
    noChildren: "No task forces below this one.",
    childCount_one: "{{count}} task force",
    childCount_other: "{{count}} task forces",
  },
  periods: {
    title: "RAN PP-TPPO periods",
    intro: "The National Action Plan for the Prevention and Handling of Trafficking in Persons, period by period.",
    current: "Current",
    lateAdoption: "Adopted late",
    lateAdoptionHint: "Adopted on {{date}}, after the period's first year had begun.",
    gap: "Gap: {{from}}–{{to}} is covered by no period.",
    noGaps: "No gaps between periods.",
    todayIs: "Today is {{date}} (WIB).",
    columns: { number: "Period", years: "Years", length: "Length", status: "Status", instrument: "Instrument", adoptedOn: "Adopted on" },
    lengthYears: "{{count}} years",
    unknownDate: "not on record",
    noInstrument: "—",
  },
};

export const admin = { id, en };
