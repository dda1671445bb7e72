/**
 * Turns errors into the API's one error shape. Domain errors map to tRPC codes in one table;
 * input validation errors list their issues with message keys; anything else is an internal error
 * whose message never reaches the client (no stack traces, no SQL, no internal messages).
 */
import { DOMAIN_ERRORS, DomainError, isDomainErrorCode } from "@gugus/domain";
import type { DomainErrorKind } from "@gugus/domain";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";

/** Domain error kind → tRPC error code. */
export const DOMAIN_KIND_TO_TRPC: Record<DomainErrorKind, TRPC_ERROR_CODE_KEY> = {
  invalid: "BAD_REQUEST",
  not_found: "NOT_FOUND",
  conflict: "CONFLICT",
  forbidden: "FORBIDDEN",
  unauthorized: "UNAUTHORIZED",
  throttled: "TOO_MANY_REQUESTS",
};

/** Message keys for errors raised by tRPC itself or the transport, translated by the apps like domain codes. */
const TRPC_CODE_TO_KEY: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  BAD_REQUEST: "VALIDATION_FAILED",
  PARSE_ERROR: "VALIDATION_FAILED",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  METHOD_NOT_SUPPORTED: "METHOD_NOT_SUPPORTED",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  INTERNAL_SERVER_ERROR: "INTERNAL",
};

/** A domain error as the tRPC error the client receives. */
export function toTrpcError(error: DomainError): TRPCError {
  return new TRPCError({ code: DOMAIN_KIND_TO_TRPC[error.kind], message: error.message, cause: error });
}

/** English messages for errors tRPC or the transport raise: their own texts may echo input, so none is passed on. */
const TRANSPORT_MESSAGES: Record<string, string> = {
  VALIDATION_FAILED: "The input is not valid.",
  NOT_FOUND: "Not found.",
  UNAUTHORIZED: "Please sign in.",
  FORBIDDEN: "Your role does not allow this.",
  CONFLICT: "The request conflicts with the current state.",
  PAYLOAD_TOO_LARGE: "The request is too large.",
  TOO_MANY_REQUESTS: "Too many requests; try again shortly.",
  METHOD_NOT_SUPPORTED: "This request method is not supported here.",
  UNSUPPORTED_MEDIA_TYPE: "Send JSON.",
  INTERNAL: "Something went wrong on the server. The error has been logged.",
};

export type ErrorIssue = { path: string; messageKey: string; message: string };

/** The `data` part of every error the API sends. */
export type ApiErrorData = {
  code: TRPC_ERROR_CODE_KEY;
  httpStatus: number;
  path?: string;
  /** Stable key for the apps' translations (`errors.<messageKey>`). */
  messageKey: string;
  /** Safe structured facts of a domain error (e.g. which periods overlap). */
  details?: Record<string, string | number | boolean | null>;
  /** One entry per invalid input field. */
  issues?: ErrorIssue[];
};

type IssueLike = { message: string; path?: readonly (PropertyKey | { key: PropertyKey })[] };

/**
 * A path segment as sent: an array index, or a field name as a schema spells it (a letter, then
 * letters, digits or underscores, at most 40). Anything else could be the caller's own text (a
 * record key, `__proto__`) and is sent as `*`.
 */
function safeSegment(segment: PropertyKey | { key: PropertyKey }): string {
  const value = typeof segment === "object" ? segment.key : segment;
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? String(value) : "*";
  return typeof value === "string" && /^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(value) ? value : "*";
}

/**
 * The issues of a validation error, naming no input: a domain code's own message, else the generic
 * one (zod's texts quote unknown key names and received values).
 */
function issuesOf(cause: unknown): ErrorIssue[] | undefined {
  if (!cause || typeof cause !== "object" || !("issues" in cause) || !Array.isArray(cause.issues)) return undefined;
  return (cause.issues as IssueLike[]).slice(0, 50).map((issue) => {
    const key = isDomainErrorCode(issue.message) ? issue.message : "VALIDATION_FAILED";
    return {
      path: (issue.path ?? []).map(safeSegment).join("."),
      messageKey: key,
      message: DOMAIN_ERRORS[key].message,
    };
  });
}

export const GENERIC_INTERNAL_MESSAGE = "Something went wrong on the server. The error has been logged.";

/** Builds the error shape sent to clients. Used as tRPC's errorFormatter. */
export function formatError({
  error,
  shape,
}: {
  error: TRPCError;
  shape: { message: string; code: number; data: { code: TRPC_ERROR_CODE_KEY; httpStatus: number; path?: string } };
}) {
  const cause = error.cause;
  const issues = error.code === "BAD_REQUEST" ? issuesOf(cause) : undefined;
  let messageKey = TRPC_CODE_TO_KEY[error.code] ?? "INTERNAL";
  let message: string;
  let details: ApiErrorData["details"];

  if (cause instanceof DomainError) {
    messageKey = cause.code;
    message = cause.message;
    details = { ...cause.details };
  } else if (issues) {
    const keys = new Set(issues.map((i) => i.messageKey));
    const [only] = keys;
    messageKey = keys.size === 1 && only !== undefined ? only : "VALIDATION_FAILED";
    message = messageKey === "VALIDATION_FAILED" ? DOMAIN_ERRORS.VALIDATION_FAILED.message : DOMAIN_ERRORS[messageKey as keyof typeof DOMAIN_ERRORS].message;
  } else {
    // Messages of tRPC itself (a JSON parse error quoting the body, "No procedure found…") are replaced.
    message = TRANSPORT_MESSAGES[messageKey] ?? GENERIC_INTERNAL_MESSAGE;
  }

  // A path that names no procedure is the caller's text: it is not echoed.
  const unknownPath = error.code === "NOT_FOUND" && !(cause instanceof DomainError);
  const data: ApiErrorData = {
    code: shape.data.code,
    httpStatus: shape.data.httpStatus,
    messageKey,
    ...(shape.data.path === undefined || unknownPath ? {} : { path: shape.data.path }),
    ...(details ? { details } : {}),
    ...(issues ? { issues } : {}),
  };
  return { message, code: shape.code, data };
}

/**
 * The same error shape for a refusal made before tRPC runs (the server's request guard and rate
 * limit, fastify's body and URL limits, addresses the server does not have): no input echoed.
 */
export function formatRefusal({
  code,
  httpStatus,
  messageKey = TRPC_CODE_TO_KEY[code] ?? "INTERNAL",
  details,
}: {
  code: TRPC_ERROR_CODE_KEY;
  httpStatus: number;
  messageKey?: string;
  details?: ApiErrorData["details"];
}): { error: { message: string; code: number; data: ApiErrorData } } {
  return {
    error: {
      message: TRANSPORT_MESSAGES[messageKey] ?? GENERIC_INTERNAL_MESSAGE,
      code: TRPC_ERROR_CODES_BY_KEY[code],
      data: { code, httpStatus, messageKey, ...(details ? { details } : {}) },
    },
  };
}
