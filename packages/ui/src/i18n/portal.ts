/** Messages of the regional portal. */
import type { MessagesLike } from "./types.ts";

const id = {
  nav: { profile: "Profil", accounts: "Akun" },
  picker: {
    title: "Pilih gugus tugas",
    intro: "Pilih provinsi, lalu kabupaten/kota bila perlu, untuk melihat profil gugus tugasnya.",
    province: "Provinsi",
    provincePlaceholder: "Pilih provinsi",
    regency: "Kabupaten/Kota",
    regencyPlaceholder: "Gugus tugas provinsi (tanpa kabupaten/kota)",
    open: "Buka profil",
    national: "Atau buka gugus tugas pusat",
  },
  profile: {
    changeTaskForce: "Ganti gugus tugas",
    periodTitle: "Periode RAN",
    atDate: "Pada tanggal",
    atDateHint: "Tanggal setempat hari ini: {{date}}",
    today: "Hari ini",
    regencies: "Kabupaten/kota di provinsi ini",
    coverage: "{{formed}} dari {{total}} sudah membentuk gugus tugas",
  },
} as const;

const en: MessagesLike<typeof id> = {
  nav: { profile: "Profile", accounts: "Accounts" },
  picker: {
    title: "Choose a task force",
    intro: "Choose a province, then a regency/city if needed, to see its task force's profile.",
    province: "Province",
    provincePlaceholder: "Choose a province",
    regency: "Regency/City",
    regencyPlaceholder: "The provincial task force (no regency/city)",
    open: "Open profile",
    national: "Or open the national task force",
  },
  profile: {
    changeTaskForce: "Change task force",
    periodTitle: "RAN period",
    atDate: "On date",
    atDateHint: "Today's local date: {{date}}",
    today: "Today",
    regencies: "Regencies/cities in this province",
    coverage: "{{formed}} of {{total}} have formed a task force",
  },
};

export const portal = { id, en };
