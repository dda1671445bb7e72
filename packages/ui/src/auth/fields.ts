import type { TFunction } from "i18next";
import { isErrorMessageKey } from "../errors.ts";

/**
 * A form field error in the user's language: a domain code (from a shared zod schema) is translated;
 * any other text (a message already translated, e.g. from the API's field errors) is shown as it is.
 */
export function fieldError(t: TFunction, error: unknown): string | undefined {
  if (typeof error !== "string" || error === "") return undefined;
  return isErrorMessageKey(error) ? t(`errors.${error}`) : error;
}
