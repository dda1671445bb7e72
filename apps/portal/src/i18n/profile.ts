/** A task force's profile page. */
import type { MessagesLike } from "@gugus/ui/i18n";

const id = {
  profile: {
    changeTaskForce: "Ganti gugus tugas",
    periodTitle: "Periode RAN",
    atDate: "Pada tanggal",
    atDateHint: "Tanggal setempat hari ini: {{date}}",
    today: "Hari ini",
    regencies: "Kabupaten/kota di provinsi ini",
    coverage: "{{formed}} dari {{total}} sudah membentuk gugus tugas",
    openPlan: "Lihat rencana aksi",
  },
} as const;

const en: MessagesLike<typeof id> = {
  profile: {
    changeTaskForce: "Change task force",
    periodTitle: "RAN period",
    atDate: "On date",
    atDateHint: "Today's local date: {{date}}",
    today: "Today",
    regencies: "Regencies/cities in this province",
    coverage: "{{formed}} of {{total}} have formed a task force",
    openPlan: "See the action plan",
  },
};

export const profileMessages = { id, en };
