/**
 * Free text as the forms and imports take it: trimmed, `FIELD_REQUIRED` when left empty, the field's
 * own code when too short or too long, and never an NIK or a phone number (see privacy.ts).
 */
import { z } from "zod";
import { requiredOr } from "./errors.ts";
import type { DomainErrorCode } from "./errors.ts";
import { withoutPersonalIdentifiers } from "./privacy.ts";

/** A required free-text field of `min` (default 2) to `max` characters. */
export function textSchema(code: DomainErrorCode, { min = 2, max }: { min?: number; max: number }) {
  return withoutPersonalIdentifiers(
    z
      .string({ error: requiredOr(code) })
      .trim()
      .min(min, { error: requiredOr(code), abort: true })
      .max(max, { error: code, abort: true }),
  );
}
