/** Reads the API's error shape so screens can show a translated message. */
import type { ApiErrorData } from "@gugus/api";
import { toRoman } from "@gugus/domain/ran/numerals";
import { TRPCClientError } from "@trpc/client";
import type { TFunction } from "i18next";
import { errorMessages } from "./i18n/errors.ts";

/** A code the translations have a message for. */
export type ErrorMessageKey = keyof typeof errorMessages.id.errors;
type ErrorDetailsKey = keyof typeof errorMessages.id.errorDetails;

/** Is this a code the translations have a message for? */
export function isErrorMessageKey(code: string): code is ErrorMessageKey {
  return Object.hasOwn(errorMessages.id.errors, code);
}

function hasDetailsSentence(code: string): code is ErrorDetailsKey {
  return Object.hasOwn(errorMessages.id.errorDetails, code);
}

/** The message key of an error from the API, or NETWORK when the server could not be reached. */
export function errorKeyOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as Partial<ApiErrorData> | undefined;
    if (data?.messageKey) return data.messageKey;
    return "NETWORK";
  }
  return "INTERNAL";
}

/**
 * Could trying again help? Yes when the server could not be reached, failed, or asked to slow down;
 * no for an answer about the request itself (not found, refused, invalid): that answer will not change.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return true;
  const status = (error.data as Partial<ApiErrorData> | undefined)?.httpStatus;
  return status === undefined || status >= 500 || status === 429 || status === 408;
}

/** Details that hold a RAN period's number, shown as its numeral (IV, not 4). */
const PERIOD_NUMBER_DETAILS = new Set(["first", "second", "number"]);

/**
 * A translated message for an error code, followed by what its details say when the translations
 * have a sentence for them ("Periods IV and V would overlap."). Used for the API's errors and for
 * the same rules checked in a form as the user types.
 */
export function problemMessage(t: TFunction, code: string, details?: Record<string, string | number | boolean | null>): string {
  const message = t(`errors.${isErrorMessageKey(code) ? code : "INTERNAL"}`);
  if (!details || !hasDetailsSentence(code)) return message;
  const values = Object.fromEntries(
    Object.entries(details).map(([name, value]) => [name, code.startsWith("PERIOD_") && PERIOD_NUMBER_DETAILS.has(name) && typeof value === "number" ? toRoman(value) : value]),
  );
  const detail = t(`errorDetails.${code}`, { ...values, defaultValue: "" });
  // A sentence whose facts are not all in the details (it still shows a {{placeholder}}) is left out.
  return detail && !detail.includes("{{") ? `${message} ${detail}` : message;
}

/** A translated message for an error from the API (with its details, see {@link problemMessage}). */
export function errorMessage(t: TFunction, error: unknown): string {
  return problemMessage(t, errorKeyOf(error), errorDetailsOf(error));
}

/** The translated message of each invalid field, by field path. */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const issues = (error.data as Partial<ApiErrorData> | undefined)?.issues ?? [];
  return Object.fromEntries(
    issues.map((i) => [i.path, isErrorMessageKey(i.messageKey) ? t(`errors.${i.messageKey}`) : i.message]),
  );
}

/** The structured details of an error from the API (e.g. `{ path: "targets.1.value" }`), if any. */
export function errorDetailsOf(error: unknown): Record<string, string | number | boolean | null> | undefined {
  return error instanceof TRPCClientError ? (error.data as Partial<ApiErrorData> | undefined)?.details : undefined;
}
