/** Task forces and their regions: levels, names, fields, region history and the date a screen shows. */
import type { MessagesLike } from "./types.ts";

const id = {
  level: { national: "Pusat", province: "Provinsi", regency: "Kabupaten/Kota" },
  kind: { kabupaten: "Kabupaten", kota: "Kota" },
  taskForce: {
    national: "Gugus Tugas PP-TPPO Pusat",
    province: "Gugus Tugas PP-TPPO Provinsi {{name}}",
    regency: "Gugus Tugas PP-TPPO {{name}}",
  },
  field: {
    level: "Tingkat",
    code: "Kode wilayah",
    region: "Wilayah",
    kind: "Jenis",
    parent: "Induk",
    children: "Gugus tugas di bawahnya",
    timeZone: "Zona waktu",
    status: "Status pembentukan",
    localDate: "Tanggal setempat",
  },
  successionType: { split: "Pemekaran", recode: "Perubahan kode", merge: "Penggabungan", rename: "Perubahan nama" },
  atDate: { label: "Per tanggal", today: "Hari ini", hint: "Tampilkan keadaan pada tanggal ini", invalid: "Tanggal di alamat tidak valid; ditampilkan hari ini." },
  regionHistory: {
    title: "Riwayat wilayah",
    intro: "Kode wilayah gugus tugas ini dari waktu ke waktu. Gugus tugas tetap sama meski kodenya berubah.",
    since: "sejak {{date}}",
    until: "sampai {{date}}",
    always: "sejak awal pencatatan",
    basis: "{{type}} · {{basis}} · berlaku {{date}}",
  },
} as const;

const en: MessagesLike<typeof id> = {
  level: { national: "National", province: "Province", regency: "Regency/City" },
  kind: { kabupaten: "Regency", kota: "City" },
  taskForce: {
    national: "National Task Force (GT PP-TPPO Pusat)",
    province: "{{name}} Provincial Task Force",
    regency: "{{name}} Task Force",
  },
  field: {
    level: "Level",
    code: "Region code",
    region: "Region",
    kind: "Kind",
    parent: "Reports to",
    children: "Task forces below",
    timeZone: "Time zone",
    status: "Formation status",
    localDate: "Local date",
  },
  successionType: { split: "Split", recode: "Recode", merge: "Merge", rename: "Rename" },
  atDate: { label: "As of", today: "Today", hint: "Show how things stood on this date", invalid: "The date in the address is not valid; showing today." },
  regionHistory: {
    title: "Region history",
    intro: "This task force's region code over time. The task force stays the same when its code changes.",
    since: "from {{date}}",
    until: "until {{date}}",
    always: "since records began",
    basis: "{{type}} · {{basis}} · effective {{date}}",
  },
};

export const hierarchyMessages = { id, en };
