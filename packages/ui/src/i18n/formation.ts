/** A task force's formation: its legal instruments and their status. */
import type { MessagesLike } from "./types.ts";

const id = {
  formationStatus: { not_formed: "Belum dibentuk", formed: "Terbentuk", expired: "Dasar hukum kedaluwarsa", revoked: "Dasar hukum dicabut" },
  instrumentType: {
    perpres: "Perpres",
    pergub: "Pergub",
    sk_gubernur: "SK Gubernur",
    perbup: "Perbup",
    sk_bupati: "SK Bupati",
    perwali: "Perwali",
    sk_walikota: "SK Wali Kota",
    perda: "Perda",
  },
  formation: {
    title: "Pembentukan",
    intro: "Dasar hukum pembentukan gugus tugas, berurutan. Yang berlaku adalah yang terakhir ditetapkan.",
    statusAt: "Status pada {{date}}",
    inForce: "Berlaku",
    none: "Belum ada dasar hukum pembentukan yang tercatat.",
    add: "Tambah dasar hukum",
    edit: "Ubah dasar hukum",
    remove: "Hapus",
    confirmRemove: "Hapus {{type}} {{number}}? Gunakan ini hanya untuk data yang salah masuk; dasar hukum yang dicabut cukup diberi tanggal pencabutan.",
    type: "Jenis",
    number: "Nomor",
    issuedOn: "Tanggal penetapan",
    issuer: "Ditetapkan oleh",
    documentRef: "Rujukan dokumen",
    documentRefHint: "Tautan http(s), mis. halaman JDIH (tidak wajib)",
    documentOpens: "Buka dokumen di {{host}} (tab baru)",
    endsOn: "Berlaku sampai",
    revokedOn: "Dicabut pada",
    optional: "tidak wajib",
  },
} as const;

const en: MessagesLike<typeof id> = {
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
  formation: {
    title: "Formation",
    intro: "The task force's establishment instruments, in order. The one in force is the latest set.",
    statusAt: "Status on {{date}}",
    inForce: "In force",
    none: "No establishment instrument recorded yet.",
    add: "Add instrument",
    edit: "Edit instrument",
    remove: "Delete",
    confirmRemove: "Delete {{type}} {{number}}? Use this only for data entered by mistake; a revoked instrument keeps its revocation date instead.",
    type: "Type",
    number: "Number",
    issuedOn: "Date set",
    issuer: "Set by",
    documentRef: "Document reference",
    documentRefHint: "An http(s) link, e.g. a JDIH page (optional)",
    documentOpens: "Open the document at {{host}} (new tab)",
    endsOn: "Valid until",
    revokedOn: "Revoked on",
    optional: "optional",
  },
};

export const formationMessages = { id, en };
