/** The shape every translation must have: the same keys as the Indonesian original, strings at the leaves. */
export type MessagesLike<T> = { [K in keyof T]: T[K] extends string ? string : MessagesLike<T[K]> };

export const LANGUAGES = ["id", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
