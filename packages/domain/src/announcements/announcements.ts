/**
 * Announcements from the central secretariat: a title and a text in Indonesian and in English (both
 * required), to every task force or to one province's (the province and its regencies/cities),
 * shown from publication until a date (inclusive, WIB) or until withdrawn. They are free text, so
 * the free-text rules hold (control characters, trimming, no NIK or phone number); the text keeps
 * its line breaks so paragraphs survive.
 */
import { z } from "zod";
import { IsoDateSchema } from "../dates.ts";
import type { IsoDate } from "../dates.ts";
import { requiredOr } from "../errors.ts";
import type { TaskForcePlace } from "../hierarchy/levels.ts";
import { findRegion } from "../regions/catalogue.ts";
import { isWellFormedRegionCode, provinceCodeOf } from "../regions/codes.ts";
import { withoutPersonalIdentifiers } from "../privacy.ts";
import { textSchema } from "../text.ts";

/** How long an announcement's parts may be. */
export const ANNOUNCEMENT_LIMITS = { titleMin: 3, titleMax: 120, bodyMin: 3, bodyMax: 2000 } as const;

/** A title in one language: one line of 3 to 120 characters. */
export const AnnouncementTitleSchema = textSchema("ANNOUNCEMENT_TITLE_INVALID", { min: ANNOUNCEMENT_LIMITS.titleMin, max: ANNOUNCEMENT_LIMITS.titleMax });

// eslint-disable-next-line no-control-regex -- control characters other than a line break read as spaces
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/**
 * The text as stored: line breaks kept (`\r\n` and `\r` read `\n`, at most one empty line in a row),
 * every other control character read as a space, spaces at the ends of lines and of the text trimmed.
 */
export function normalizeAnnouncementBody(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL_BUT_NEWLINE, " ")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A text in one language: 3 to 2,000 characters, paragraphs kept, never an NIK or a phone number. */
export const AnnouncementBodySchema = withoutPersonalIdentifiers(
  z
    .string({ error: requiredOr("ANNOUNCEMENT_BODY_INVALID") })
    .overwrite(normalizeAnnouncementBody)
    .min(ANNOUNCEMENT_LIMITS.bodyMin, { error: requiredOr("ANNOUNCEMENT_BODY_INVALID"), abort: true })
    .max(ANNOUNCEMENT_LIMITS.bodyMax, { error: "ANNOUNCEMENT_BODY_INVALID", abort: true }),
);

/** Who an announcement goes to: `null` every task force, else a province's code (its task force and its regencies/cities). */
export const AnnouncementAudienceSchema = z
  .string({ error: "ANNOUNCEMENT_AUDIENCE_INVALID" })
  .regex(/^\d{2}$/, { error: "ANNOUNCEMENT_AUDIENCE_INVALID", abort: true })
  .refine((code) => isWellFormedRegionCode(code) && findRegion(code) !== undefined, { error: "ANNOUNCEMENT_AUDIENCE_INVALID" })
  .nullable();

/** An announcement as a central admin writes it. */
export const AnnouncementSchema = z
  .object({
    titleId: AnnouncementTitleSchema,
    titleEn: AnnouncementTitleSchema,
    bodyId: AnnouncementBodySchema,
    bodyEn: AnnouncementBodySchema,
    provinceCode: AnnouncementAudienceSchema.default(null),
    /** The last day it is shown (inclusive, WIB); null: until withdrawn. */
    showUntil: IsoDateSchema.nullable().default(null),
  })
  .strict();
export type Announcement = z.infer<typeof AnnouncementSchema>;

/** An announcement's last day must not have passed when it is published (today in WIB). */
export function checkAnnouncementShowUntil(showUntil: IsoDate | null, today: IsoDate): "ANNOUNCEMENT_SHOW_UNTIL_PAST" | null {
  return showUntil !== null && showUntil < today ? "ANNOUNCEMENT_SHOW_UNTIL_PAST" : null;
}

/** The province whose announcements a task force receives: its own, its parent's for a regency/city, none for the nation. */
export function announcementProvinceOf(place: TaskForcePlace): string | null {
  return place.regionCode === null ? null : provinceCodeOf(place.regionCode);
}

/** Does an announcement reach a task force? One to everyone reaches all; one to a province reaches that province and its regencies/cities. */
export function announcementReaches(announcement: { provinceCode: string | null }, place: TaskForcePlace): boolean {
  return announcement.provinceCode === null || announcement.provinceCode === announcementProvinceOf(place);
}

/** An announcement's state on a day: `shown`, `withdrawn`, or `ended` after its last day. */
export function announcementStateAt(announcement: { showUntil: IsoDate | null; withdrawnAt: number | null }, today: IsoDate): "shown" | "withdrawn" | "ended" {
  if (announcement.withdrawnAt !== null) return "withdrawn";
  if (announcement.showUntil !== null && announcement.showUntil < today) return "ended";
  return "shown";
}
