/** The application, its languages, what every screen says while it loads, fails or is empty, before typed input is discarded, and while it shows synthetic data. */
import type { MessagesLike } from "./types.ts";

const id = {
  app: {
    name: "Gugus",
    tagline: "Gugus Tugas PP-TPPO",
    admin: "Admin Sekretariat Pusat",
    portal: "Portal Gugus Tugas Daerah",
  },
  language: { label: "Bahasa", id: "Indonesia", en: "English" },
  timeZone: "{{abbr}} (UTC+{{offset}})",
  actions: { retry: "Coba lagi", back: "Kembali", openMenu: "Buka menu" },
  unsaved: { question: "Buang isian yang belum disimpan?", keep: "Lanjutkan mengisi", discard: "Buang isian", close: "Tutup" },
  state: {
    loading: "Memuat…",
    empty: "Tidak ada data.",
    notFound: "Halaman tidak ditemukan.",
    failed: "Gagal memuat data.",
  },
  demo: { banner: "Data sintetis — hanya untuk demonstrasi" },
} as const;

const en: MessagesLike<typeof id> = {
  app: {
    name: "Gugus",
    tagline: "Anti-trafficking task forces (PP-TPPO)",
    admin: "Central Secretariat Admin",
    portal: "Regional Task Force Portal",
  },
  language: { label: "Language", id: "Indonesia", en: "English" },
  timeZone: "{{abbr}} (UTC+{{offset}})",
  actions: { retry: "Try again", back: "Back", openMenu: "Open menu" },
  unsaved: { question: "Discard what you typed and did not save?", keep: "Keep editing", discard: "Discard", close: "Close" },
  state: {
    loading: "Loading…",
    empty: "No data.",
    notFound: "Page not found.",
    failed: "Could not load the data.",
  },
  demo: { banner: "Synthetic data — for demonstration only" },
};

export const generalMessages = { id, en };
