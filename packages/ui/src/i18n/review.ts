/** Reviewing reports up the hierarchy, the reporting rate, entry exceptions and notifications. */
import type { MessagesLike } from "./types.ts";

const id = {
  review: {
    title: "Tinjauan",
  },
};

const en: MessagesLike<typeof id> = {
  review: {
    title: "Review",
  },
};

export const reviewMessages = { id, en };
