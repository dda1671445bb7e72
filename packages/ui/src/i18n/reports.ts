/** A task force's yearly reports: the list by period, the report form by section, its checks and history. */
import type { MessagesLike } from "./types.ts";

const id = {
  reports: {
    title: "Laporan",
  },
};

const en: MessagesLike<typeof id> = {
  reports: {
    title: "Reports",
  },
};

export const reportsMessages = { id, en };
