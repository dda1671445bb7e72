import type { TFunction } from "i18next";

/** A form field error from a shared zod schema (a domain code) in the user's language. */
export function fieldError(t: TFunction, error: unknown): string | undefined {
  if (typeof error !== "string" || error === "") return undefined;
  return t(`errors.${error}` as "errors.VALIDATION_FAILED", { defaultValue: error });
}
