/** What the announcement screens read from the API (`announcements.*`), and how a reader's language and clock word one. */
import type { RouterOutputs } from "@gugus/api";
import { timeZoneOf } from "@gugus/domain/regions";
import { localTimeLabel } from "@gugus/domain/reports";
import type { QueryClient } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import type { useTRPC } from "../trpc.tsx";

/** `announcements.mine`: the announcements in force for the caller's task force, each read or not. */
export type MyAnnouncements = RouterOutputs["announcements"]["mine"];
export type MyAnnouncement = MyAnnouncements["items"][number];
/** `announcements.list`: every announcement, as central admins manage them. */
export type AnnouncementRow = RouterOutputs["announcements"]["list"][number];

/** A text in the reader's language (Indonesian unless English is chosen). */
export function inLanguage(text: { id: string; en: string }, language: string): string {
  return language.startsWith("en") ? text.en : text.id;
}

/** When it was published, on the reader's task force's clock ("2026-12-01 14:05 WITA"; WIB for the nation). */
export function publishedLabel(t: TFunction, at: string, regionCode: string | null): string {
  return t("announcements.published", { at: localTimeLabel(new Date(at), timeZoneOf(regionCode)) });
}

/** Who an announcement goes to, in words. */
export function audienceLabel(t: TFunction, a: { provinceCode: string | null; provinceName?: string | null }): string {
  return a.provinceCode === null ? t("announcements.audience.everyone") : t("announcements.audience.province", { name: a.provinceName ?? a.provinceCode });
}

/** After publishing, withdrawing or marking read, the lists that change. */
export function invalidateAnnouncements(queryClient: QueryClient, trpc: ReturnType<typeof useTRPC>): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: trpc.announcements.pathKey() });
}
