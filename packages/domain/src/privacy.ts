/**
 * What the product must never hold (domain.md, "What the product must never hold"): free text is for
 * activities, offices, agencies and obstacles, never for what identifies a person. These checks catch
 * the two identifiers that are typed most often by mistake, an NIK (the 16-digit national identity
 * number, also on a KK) and an Indonesian mobile number, however they are spaced.
 */
import type { z } from "zod";

/** Sixteen digits in a row, groups optionally separated by a space or a dot (not a dash: two dates are 16 digits too). */
const NIK = /(?<![\d])\d(?:[ .]?\d){15}(?![\d])/;
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
