/** The portal's navigation and the task-force picker. */
import type { MessagesLike } from "@gugus/ui/i18n";

const id = {
  nav: { profile: "Profil", plan: "Rencana aksi", reports: "Laporan", accounts: "Akun" },
  picker: {
    title: "Pilih gugus tugas",
    intro: "Pilih provinsi, lalu kabupaten/kota bila perlu, untuk melihat profil gugus tugasnya.",
    province: "Provinsi",
    provincePlaceholder: "Pilih provinsi",
    regency: "Kabupaten/Kota",
    regencyPlaceholder: "Gugus tugas provinsi (tanpa kabupaten/kota)",
    open: "Buka profil",
    national: "Atau buka gugus tugas pusat",
    download: "Unduh daftar gugus tugas (XLSX)",
    downloadFailed: "Berkas tidak dapat dibuat. Coba lagi.",
  },
} as const;

const en: MessagesLike<typeof id> = {
  nav: { profile: "Profile", plan: "Action plan", reports: "Reports", accounts: "Accounts" },
  picker: {
    title: "Choose a task force",
    intro: "Choose a province, then a regency/city if needed, to see its task force's profile.",
    province: "Province",
    provincePlaceholder: "Choose a province",
    regency: "Regency/City",
    regencyPlaceholder: "The provincial task force (no regency/city)",
    open: "Open profile",
    national: "Or open the national task force",
    download: "Download the task force list (XLSX)",
    downloadFailed: "The file could not be made. Try again.",
  },
};

export const pickerMessages = { id, en };
