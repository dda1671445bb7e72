/**
 * Domain errors: one class and a closed list of codes. Each code has a kind that tells a
 * transport how to answer (the API maps kinds to tRPC codes in one table) and an English
 * message for developers. User interfaces translate the code itself (`errors.<CODE>`).
 */

/** The error codes the domain can raise, with their kind and developer-facing message. */
export const DOMAIN_ERRORS = {
  VALIDATION_FAILED: { kind: "invalid", message: "The input is not valid." },
  REGION_CODE_MALFORMED: {
    kind: "invalid",
    message: "A region code is two digits for a province (e.g. 32) or PP.KK for a regency/city (e.g. 32.75).",
  },
  REGION_NOT_FOUND: { kind: "not_found", message: "No region has this code." },
  TASK_FORCE_ID_INVALID: { kind: "invalid", message: "A task force id is a positive whole number." },
  TASK_FORCE_NOT_FOUND: { kind: "not_found", message: "No task force has this id." },
  YEAR_INVALID: { kind: "invalid", message: "A year is a whole number between 1900 and 2200." },
  DATE_INVALID: { kind: "invalid", message: "A date is a real calendar date written YYYY-MM-DD." },
  YEAR_OUTSIDE_PERIODS: { kind: "not_found", message: "No RAN period contains this year." },
  PERIOD_NOT_FOUND: { kind: "not_found", message: "No RAN period has this number." },
  PERIOD_YEARS_INVERTED: { kind: "invalid", message: "A period's first year must not come after its last year." },
  PERIOD_OVERLAP: { kind: "conflict", message: "RAN periods must not overlap." },
  PERIOD_NUMBER_ORDER: {
    kind: "conflict",
    message: "RAN period numbers must be unique and follow the order of their years.",
  },
  PERIOD_ADOPTION_INCOMPLETE: {
    kind: "invalid",
    message: "An adopted period needs its instrument; a draft period has no adoption date.",
  },
} as const satisfies Record<string, { kind: DomainErrorKind; message: string }>;

/** How a caller should read an error: bad input, missing thing, or a clash with stored state. */
export type DomainErrorKind = "invalid" | "not_found" | "conflict" | "forbidden";

/** One of the codes in {@link DOMAIN_ERRORS}. */
export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;

/** The list of codes, e.g. to check a translation table is complete. */
export const DOMAIN_ERROR_CODES = Object.keys(DOMAIN_ERRORS) as DomainErrorCode[];

/** Tells whether a string is one of the domain's error codes. */
export function isDomainErrorCode(value: unknown): value is DomainErrorCode {
  return typeof value === "string" && Object.hasOwn(DOMAIN_ERRORS, value);
}

/** An error raised by a domain rule. `details` holds safe, structured facts (never user input echoed back in full). */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly kind: DomainErrorKind;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;

  constructor(code: DomainErrorCode, details: Record<string, string | number | boolean | null> = {}) {
    super(DOMAIN_ERRORS[code].message);
    this.name = "DomainError";
    this.code = code;
    this.kind = DOMAIN_ERRORS[code].kind;
    this.details = details;
  }
}
