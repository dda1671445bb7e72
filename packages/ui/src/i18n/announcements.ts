/** Announcements from the central secretariat as both apps word them: the banner, the list, who each goes to. */
import type { MessagesLike } from "./types.ts";

const id = {
  announcements: {
    title: "Pengumuman",
    bannerLabel: "Pengumuman belum dibaca",
    fromSecretariat: "Dari Sekretariat Pusat",
    published: "Diterbitkan {{at}}",
    until: "Ditampilkan sampai {{date}}",
    untilWithdrawn: "Ditampilkan sampai ditarik",
    markRead: "Tandai sudah dibaca",
    markReadLabel: "Tandai sudah dibaca: {{title}}",
    read: "Sudah dibaca",
    unread: "Belum dibaca",
    more: "{{count}} pengumuman lain belum dibaca",
    all: "Semua pengumuman",
    empty: "Belum ada pengumuman untuk gugus tugas Anda.",
    intro: "Pengumuman dari Sekretariat Pusat untuk semua gugus tugas atau untuk gugus tugas provinsi Anda, yang masih berlaku.",
    audience: { everyone: "Semua gugus tugas", province: "Gugus tugas Provinsi {{name}} dan kabupaten/kotanya" },
  },
} as const;

const en: MessagesLike<typeof id> = {
  announcements: {
    title: "Announcements",
    bannerLabel: "Unread announcements",
    fromSecretariat: "From the Central Secretariat",
    published: "Published {{at}}",
    until: "Shown until {{date}}",
    untilWithdrawn: "Shown until withdrawn",
    markRead: "Mark as read",
    markReadLabel: "Mark as read: {{title}}",
    read: "Read",
    unread: "Unread",
    more: "{{count}} more unread announcements",
    all: "All announcements",
    empty: "There are no announcements for your task force yet.",
    intro: "Announcements from the Central Secretariat to every task force or to your province's task forces, still in force.",
    audience: { everyone: "Every task force", province: "The task forces of {{name}} province and its regencies/cities" },
  },
};

export const announcementsMessages = { id, en };
