/**
 * What the product must never hold (domain.md, "What the product must never hold"): free text is for
 * activities, offices, agencies and obstacles, never for what identifies a person. These checks catch
 * the two identifiers that are typed most often by mistake, an NIK (the 16-digit national identity
 * number, also on a KK) and an Indonesian mobile number, however they are spaced.
 */
import type { z } from "zod";

/**
 * An NIK as people write it: sixteen digits in a row, or grouped 4-4-4-4 or 6-6-4 (region, birth
 * date, serial) by spaces or dots. Other groupings of sixteen digits are figures or dates, not an
 * NIK: "1.234.567.890.123.456" (rupiah), "20170410 20180511" (two dates).
 */
const NIK = /(?<![\d.,])(?:\d{16}|\d{4}([ .])\d{4}\1\d{4}\1\d{4}|\d{6}([ .])\d{6}\2\d{4})(?![\d])/;
/** A mobile number: 08…, 628… or +62 8…, 9 to 13 digits in all, optionally spaced. */
const MOBILE = /(?<![\d+])(?:\+62|62|0)[ .-]?8(?:[ .-]?\d){7,11}(?![\d])/;

export type PersonalIdentifier = "nik" | "phone";

/** The kind of personal identifier a text holds, or null when it holds none. */
export function findPersonalIdentifier(text: string): PersonalIdentifier | null {
  if (NIK.test(text)) return "nik";
  if (MOBILE.test(text)) return "phone";
  return null;
}

/** The error key a free-text field reports when it holds an NIK or a phone number. */
export const PERSONAL_DATA_IN_TEXT = "PERSONAL_DATA_IN_TEXT" as const;

/** A free-text schema that also refuses an NIK or a phone number in the text. */
export function withoutPersonalIdentifiers<S extends z.ZodType<string>>(schema: S): S {
  return schema.refine((text) => findPersonalIdentifier(text) === null, { error: PERSONAL_DATA_IN_TEXT });
}
