/** The portal's announcements page: its place in the navigation. */
import type { MessagesLike } from "@gugus/ui/i18n";

const id = {
  announcements: { nav: "Pengumuman" },
} as const;

const en: MessagesLike<typeof id> = {
  announcements: { nav: "Announcements" },
};

export const announcementsMessages = { id, en };
