/** Reads the API's error shape so screens can show a translated message. */
import type { ApiErrorData } from "@gugus/api";
import { TRPCClientError } from "@trpc/client";
import type { TFunction } from "i18next";

/** The message key of an error from the API, or NETWORK when the server could not be reached. */
export function errorKeyOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as Partial<ApiErrorData> | undefined;
    if (data?.messageKey) return data.messageKey;
    return "NETWORK";
  }
  return "INTERNAL";
}

/** A translated message for an error from the API. */
export function errorMessage(t: TFunction, error: unknown): string {
  const key = errorKeyOf(error);
  return t(`errors.${key}` as "errors.INTERNAL", { defaultValue: t("errors.INTERNAL") });
}

/** The translated message of each invalid field, by field path. */
export function fieldErrors(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const issues = (error.data as Partial<ApiErrorData> | undefined)?.issues ?? [];
  return Object.fromEntries(
    issues.map((i) => [i.path, t(`errors.${i.messageKey}` as "errors.VALIDATION_FAILED", { defaultValue: i.message })]),
  );
}
