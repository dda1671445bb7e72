/** The admin app's navigation, and what it tells a regional account that opened it. */
import type { MessagesLike } from "@gugus/ui/i18n";

const id = {
  nav: {
    hierarchy: "Hierarki",
    coverage: "Cakupan",
    import: "Impor",
    restructuring: "Perubahan wilayah",
    periods: "Periode RAN",
    reviews: "Tinjauan laporan",
    reportingRate: "Tingkat pelaporan",
    evaluation: "Evaluasi kinerja",
    exceptions: "Pengecualian",
    accounts: "Akun",
    sessions: "Sesi",
    audit: "Log audit",
  },
  wrongApp: {
    title: "Aplikasi untuk Sekretariat Pusat",
    body: "Akun Anda adalah akun gugus tugas daerah. Gunakan Portal Gugus Tugas Daerah.",
    openPortal: "Buka portal",
  },
} as const;

const en: MessagesLike<typeof id> = {
  nav: {
    hierarchy: "Hierarchy",
    coverage: "Coverage",
    import: "Import",
    restructuring: "Restructuring",
    periods: "RAN periods",
    reviews: "Report review",
    reportingRate: "Reporting rate",
    evaluation: "Performance evaluation",
    exceptions: "Exceptions",
    accounts: "Accounts",
    sessions: "Sessions",
    audit: "Audit log",
  },
  wrongApp: {
    title: "An app for the central secretariat",
    body: "Your account belongs to a regional task force. Use the Regional Task Force Portal.",
    openPortal: "Open the portal",
  },
};

export const navMessages = { id, en };
