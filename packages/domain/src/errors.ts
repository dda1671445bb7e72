/**
 * Domain errors: one class and a closed list of codes. Each code has a kind that tells a
 * transport how to answer (the API maps kinds to tRPC codes in one table) and an English
 * message for developers. User interfaces translate the code itself (`errors.<CODE>`).
 */

/** The error codes the domain can raise, with their kind and developer-facing message. */
export const DOMAIN_ERRORS = {
  VALIDATION_FAILED: { kind: "invalid", message: "The input is not valid." },
  FIELD_REQUIRED: { kind: "invalid", message: "This field is required." },
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
  PERIOD_NUMBER_SKIPPED: { kind: "conflict", message: "RAN periods are numbered one after another: a number may not be skipped." },
  PERIOD_ADOPTION_INCOMPLETE: {
    kind: "invalid",
    message: "An adopted period needs its instrument; a draft period has no adoption date.",
  },
  EMAIL_INVALID: { kind: "invalid", message: "An email address is needed (at most 254 characters)." },
  NAME_INVALID: { kind: "invalid", message: "A name is 2 to 120 characters." },
  POSITION_INVALID: { kind: "invalid", message: "A position is 2 to 160 characters." },
  VERSION_INVALID: { kind: "invalid", message: "The version of the record being edited is missing or wrong." },
  ROLE_INVALID: { kind: "invalid", message: "Unknown role." },
  ROLE_LEVEL_MISMATCH: {
    kind: "invalid",
    message: "Central roles belong to the national task force; regional roles to a province or regency/city.",
  },
  EMAIL_TAKEN: { kind: "conflict", message: "An account with this email already exists." },
  EMAIL_UNAVAILABLE: { kind: "conflict", message: "This email cannot be used for a new account here; ask the central secretariat." },
  ACCOUNT_NOT_FOUND: { kind: "not_found", message: "No account has this id." },
  SESSION_NOT_FOUND: { kind: "not_found", message: "No session has this id." },
  STALE_VERSION: { kind: "conflict", message: "Someone changed this record since you opened it; reload and try again." },
  PASSWORD_TOO_SHORT: { kind: "invalid", message: "The password is too short (8 characters; 15 for central admins)." },
  PASSWORD_TOO_LONG: { kind: "invalid", message: "The password is too long (at most 256 characters)." },
  PASSWORD_COMMON: { kind: "invalid", message: "This password is common or has appeared in breaches; choose another." },
  PASSWORD_CONTEXT: { kind: "invalid", message: "This password is made of your name, email or words of this service; choose another." },
  PASSWORD_SAME: { kind: "invalid", message: "The new password must differ from the current one." },
  CURRENT_PASSWORD_WRONG: { kind: "invalid", message: "The current password is wrong." },
  SIGN_IN_FAILED: { kind: "unauthorized", message: "The email or password is wrong, or the account is not active." },
  SIGN_IN_THROTTLED: { kind: "throttled", message: "Too many failed sign-ins; wait a moment before trying again." },
  INITIAL_PASSWORD_EXPIRED: {
    kind: "unauthorized",
    message: "This one-time password has expired; ask an administrator for a new one.",
  },
  PASSWORD_CHANGE_REQUIRED: { kind: "forbidden", message: "Change your one-time password before going on." },
  SIGNED_OUT: { kind: "unauthorized", message: "Please sign in." },
  FORBIDDEN: { kind: "forbidden", message: "Your role does not allow this." },
  CANNOT_CHANGE_OWN_ACCOUNT: { kind: "forbidden", message: "You cannot deactivate or demote your own account." },
  REACTIVATION_NEEDS_CENTRAL: { kind: "forbidden", message: "A central admin deactivated this account; only a central admin can reactivate it." },
  VALIDITY_INVERTED: { kind: "invalid", message: "A validity must not end before it starts." },
  DATE_IN_FUTURE: { kind: "invalid", message: "This date lies in the future." },
  INSTRUMENT_TYPE_INVALID: { kind: "invalid", message: "Unknown type of establishment instrument." },
  INSTRUMENT_TYPE_MISMATCH: {
    kind: "invalid",
    message: "This type of instrument does not form a task force at this level (e.g. a Perwali is for a city).",
  },
  INSTRUMENT_NUMBER_INVALID: { kind: "invalid", message: "An instrument number is 1 to 100 characters." },
  INSTRUMENT_ISSUER_INVALID: { kind: "invalid", message: "An issuer is 2 to 160 characters." },
  DOCUMENT_REF_INVALID: { kind: "invalid", message: "A document reference is an http(s) link (e.g. a JDIH page) of at most 300 characters." },
  INSTRUMENT_END_BEFORE_START: { kind: "invalid", message: "An instrument cannot end or be revoked before its date." },
  INSTRUMENT_NOT_FOUND: { kind: "not_found", message: "No establishment instrument has this id." },
  INSTRUMENT_DUPLICATE: { kind: "conflict", message: "This task force already has an instrument of this type and number." },
  IMPORT_ROW_REPEATED: { kind: "invalid", message: "An earlier row of the file holds the same instrument (task force, type and number)." },
  POSITION_INVALID_FOR_SEAT: { kind: "invalid", message: "A coordinator needs a sub-task-force; other positions have none." },
  SEAT_POSITION_UNKNOWN: { kind: "invalid", message: "Unknown position: chair, daily chair, secretary, coordinator or member." },
  OFFICE_INVALID: { kind: "invalid", message: "An office is 2 to 160 characters." },
  AGENCY_INVALID: { kind: "invalid", message: "An agency is 2 to 160 characters." },
  PERSON_NAME_INVALID: { kind: "invalid", message: "A person's name is at most 120 characters." },
  PERSONAL_DATA_IN_TEXT: { kind: "invalid", message: "This text looks like it holds an NIK or a phone number: personal data is never recorded." },
  STAKEHOLDER_TYPE_INVALID: { kind: "invalid", message: "Unknown stakeholder type." },
  SEAT_OVERLAP: { kind: "conflict", message: "Someone already holds this seat during part of these dates." },
  MEMBERSHIP_NOT_FOUND: { kind: "not_found", message: "No position holder has this id." },
  REGION_NOT_AT_DATE: { kind: "invalid", message: "This region code does not exist on that date." },
  REGION_CODE_USED: { kind: "conflict", message: "This region code is or was in use; codes are never reused." },
  SUCCESSION_CYCLE: { kind: "invalid", message: "These successions would form a cycle." },
  RESTRUCTURE_INVALID: { kind: "invalid", message: "This restructuring does not fit the regions it names." },
  RESTRUCTURE_TOO_EARLY: {
    kind: "conflict",
    message: "A restructuring must take effect after the latest change already recorded for these regions.",
  },
  IMPORT_FILE_INVALID: { kind: "invalid", message: "The file cannot be read as CSV or XLSX with the expected columns." },
  IMPORT_HAS_ERRORS: { kind: "invalid", message: "Some rows have errors; nothing was imported." },
  REPORTING_CYCLE_INVALID: { kind: "invalid", message: "A reporting cycle is annual or semester." },
  DUE_DAYS_INVALID: { kind: "invalid", message: "Days until a report is due: a whole number from 0 to 366." },
  EXPIRY_DAYS_INVALID: { kind: "invalid", message: "Days until entry closes: a whole number from 0 to 366." },
  PERIOD_NUMBER_INVALID: { kind: "invalid", message: "A period number is a whole number from 1 to 50." },
  PERIOD_TOO_LONG: { kind: "invalid", message: "A period runs at most 10 years." },
  DATE_REQUIRED: { kind: "invalid", message: "Fill in the date." },
  COORDINATOR_REPEATED: { kind: "invalid", message: "Each sub-task-force has one coordinator." },
  TARGET_NOT_WHOLE: { kind: "invalid", message: "This unit counts whole things: no fractions." },
  BASELINE_INVALID: { kind: "invalid", message: "A baseline is a number." },
  PERIOD_NUMBER_TAKEN: { kind: "conflict", message: "A RAN period with this number already exists." },
  PERIOD_SHRINKS_PAST_TARGETS: { kind: "conflict", message: "The period's years cannot leave out years that already have targets." },
  PERIOD_ADOPTED: { kind: "conflict", message: "This period is already adopted." },
  PERIOD_HAS_ITEMS: { kind: "conflict", message: "A period with action items cannot be deleted." },
  PERIOD_NOT_ADOPTED: { kind: "conflict", message: "This period is a draft: it has no adoption to correct or withdraw." },
  PERIOD_YEARS_ADOPTED: { kind: "conflict", message: "An adopted period's years are its instrument's: change them by correcting the adoption." },
  ADOPTION_TOO_EARLY: { kind: "invalid", message: "A period is adopted at the earliest from 1 January two years before its first year." },
  ADOPTION_AFTER_PERIOD: { kind: "invalid", message: "A period cannot be adopted after its last year has ended." },
  ADOPTION_UNCHANGED: { kind: "invalid", message: "The correction changes nothing in the adoption." },
  REASON_INVALID: { kind: "invalid", message: "Give the reason in 10 to 500 characters." },
  INSTRUMENT_REQUIRED: { kind: "invalid", message: "Name the instrument that adopts the period (e.g. Perpres 19/2023)." },
  ITEM_CODE_INVALID: { kind: "invalid", message: "An item code is 1 to 30 letters, digits, dots, dashes or slashes." },
  ITEM_CODE_TAKEN: { kind: "conflict", message: "This period already has an action item with this code." },
  ITEM_NOT_FOUND: { kind: "not_found", message: "No action item has this id." },
  ITEM_FOLLOWS_INVALID: { kind: "invalid", message: "An item can follow only an item of the same sub-task-force at a higher level." },
  ITEM_FOLLOWED_BY: { kind: "conflict", message: "Items further down follow this item; its level or sub-task-force would no longer fit them." },
  PROGRAMME_INVALID: { kind: "invalid", message: "A programme is 2 to 300 characters." },
  ACTIVITY_INVALID: { kind: "invalid", message: "An activity is 2 to 500 characters." },
  INDICATOR_INVALID: { kind: "invalid", message: "An indicator is 2 to 500 characters." },
  LEAD_AGENCY_INVALID: { kind: "invalid", message: "A lead agency is 2 to 200 characters." },
  UNIT_INVALID: { kind: "invalid", message: "Unknown unit." },
  TARGET_MODE_INVALID: { kind: "invalid", message: "Targets are per year or cumulative." },
  TARGET_INVALID: { kind: "invalid", message: "A target is a number." },
  TARGET_YEAR_OUTSIDE_PERIOD: { kind: "invalid", message: "A target's year lies outside the period." },
  TARGET_YEAR_REPEATED: { kind: "invalid", message: "A year has two targets." },
  TARGET_NEGATIVE: { kind: "invalid", message: "This unit does not allow a negative figure." },
  TARGET_PERCENT_OVER_100: { kind: "invalid", message: "A percentage target cannot exceed 100." },
  TARGET_CUMULATIVE_DECREASES: { kind: "invalid", message: "Cumulative targets cannot go down from one year to the next." },
  // Regional action plans (RAD)
  RAD_NOT_FOR_NATIONAL: { kind: "invalid", message: "The national task force carries out the RAN itself: it has no regional action plan." },
  RAD_PERIOD_CLOSED: { kind: "conflict", message: "Only the regional action plan of the RAN period in force (adopted, containing today) can be changed." },
  RAD_FOLLOWS_REQUIRED: { kind: "invalid", message: "Choose the RAN action item this item follows." },
  RAD_FOLLOWS_INVALID: { kind: "invalid", message: "A RAD item follows a RAN action item of the same period carried out at the task force's own level." },
  RAD_SUB_TASK_FORCE_MISMATCH: { kind: "invalid", message: "A RAD item belongs to the sub-task-force of the RAN item it follows." },
  RAD_ITEM_CODE_TAKEN: { kind: "conflict", message: "This regional action plan already has an item with this code." },
  RAD_ITEM_NOT_FOUND: { kind: "not_found", message: "No item of this regional action plan has this id." },
  RAD_PLAN_NOT_FOUND: { kind: "not_found", message: "This task force has no regional action plan for the period yet." },
  SUB_TASK_FORCE_INVALID: { kind: "invalid", message: "Unknown sub-task-force (prevention … coordination, or I–VI)." },
  LEVEL_INVALID: { kind: "invalid", message: "A level is national, province or regency." },
  IMPORT_COLUMN_MISSING: { kind: "invalid", message: "A column the import needs is missing." },
  IMPORT_COLUMN_UNKNOWN: { kind: "invalid", message: "A column is not one the import knows." },
  REPORT_NOT_FOUND: { kind: "not_found", message: "No report has this id, or none exists yet for this period." },
  REPORT_PERIOD_NOT_FOUND: { kind: "not_found", message: "No reporting period has this key (e.g. 2025 or 2025-S1) in a RAN period." },
  REPORT_TRANSITION_NOT_ALLOWED: { kind: "conflict", message: "The report's status does not allow this step." },
  REPORT_LOCKED: { kind: "conflict", message: "This report is submitted or approved: it cannot be changed unless it is returned or reopened." },
  REPORT_ENTRY_CLOSED: { kind: "conflict", message: "Entry for this reporting period is closed (or not open yet); a central admin may grant an exception." },
  REPORT_HAS_ERRORS: { kind: "invalid", message: "The report has errors to correct before it can be submitted." },
  REPORT_WARNINGS_UNACKNOWLEDGED: { kind: "invalid", message: "Some warnings of the report have not been acknowledged." },
  REASON_REQUIRED: { kind: "invalid", message: "Give the reason in 5 to 2000 characters." },
  REPORT_NOT_REVIEWER: { kind: "forbidden", message: "Only the task force one level above reviews this report (a regency's by its province, a province's nationally)." },
  REPORT_SELF_APPROVAL: { kind: "forbidden", message: "The national report is approved by a central admin other than the one who submitted it." },
  REPORT_NOT_OWN: { kind: "forbidden", message: "Only the task force's own accounts enter and submit its report." },
  COUNT_INVALID: { kind: "invalid", message: "A figure is a number, or left blank when not reported." },
  COUNT_TOO_LARGE: { kind: "invalid", message: "This figure is too large." },
  COUNTRY_INVALID: { kind: "invalid", message: "A country is its two-letter ISO code (e.g. MY, SA)." },
  REPORT_CONTENT_INVALID: { kind: "invalid", message: "The report's content does not have the expected form." },
  NOTE_INVALID: { kind: "invalid", message: "A note is at most 500 characters." },
  NARRATIVE_INVALID: { kind: "invalid", message: "A narrative is at most 20,000 characters." },
  EXCEPTION_NOT_FOUND: { kind: "not_found", message: "No exception in force has this id." },
  EXCEPTION_UNTIL_INVALID: { kind: "invalid", message: "An exception lasts until a date after entry closes, and not already past." },
  EVALUATION_SETTINGS_FROZEN: { kind: "conflict", message: "A year of this RAN period is published: its evaluation settings are frozen." },
  EVALUATION_YEAR_NOT_ENDED: { kind: "conflict", message: "A year is published only after it has ended." },
  EVALUATION_ALREADY_PUBLISHED: { kind: "conflict", message: "This year's evaluation is already published." },
  EVALUATION_YEAR_NOT_FOUND: { kind: "not_found", message: "No RAN period that has begun contains this year." },
  TASK_FORCE_NOT_PROVINCE: { kind: "invalid", message: "This view is of a province's task force." },
  DEMO_REAL_DATA: { kind: "conflict", message: "The database holds real reports: demonstration data is loaded only into a fresh database." },
  DEMO_ALREADY_LOADED: { kind: "conflict", message: "Demonstration data is already loaded." },
  // Accounts at scale
  FILE_TOO_MANY_ROWS: { kind: "invalid", message: "The file has more than 10,000 rows: split it into smaller files." },
  CELL_FORMULA_REFUSED: { kind: "invalid", message: "A cell holds a formula, or text a spreadsheet would run (beginning with =, +, @ or -): write plain text." },
  EMAIL_REPEATED_IN_FILE: { kind: "invalid", message: "An earlier row of the file holds the same email." },
  ROLE_NOT_GRANTABLE: { kind: "forbidden", message: "Your role cannot give this role at this task force." },
  REGENCY_HAS_ADMIN: { kind: "conflict", message: "This regency/city already has an active regional admin: it manages its own accounts." },
  ACCOUNT_SELECTION_INVALID: { kind: "invalid", message: "Choose 1 to 500 different accounts." },
  // Announcements
  ANNOUNCEMENT_TITLE_INVALID: { kind: "invalid", message: "An announcement's title is 3 to 120 characters, in each language." },
  ANNOUNCEMENT_BODY_INVALID: { kind: "invalid", message: "An announcement's text is 3 to 2,000 characters, in each language." },
  ANNOUNCEMENT_AUDIENCE_INVALID: { kind: "invalid", message: "An announcement goes to every task force or to one province's (a province's code, e.g. 32)." },
  ANNOUNCEMENT_SHOW_UNTIL_PAST: { kind: "invalid", message: "An announcement is shown until today or a later day." },
  ANNOUNCEMENT_NOT_FOUND: { kind: "not_found", message: "No announcement in force has this id." },
  // Audit log
  DATE_RANGE_INVERTED: { kind: "invalid", message: "The end of the date range comes before its start." },
  DATE_RANGE_TOO_LONG: { kind: "invalid", message: "A date range covers at most 5 years: choose a shorter one." },
  // Second factor
  MFA_CODE_INVALID: { kind: "invalid", message: "The code is wrong, already used or too old: enter the 6 digits your authenticator app shows now." },
  MFA_REQUIRED: { kind: "forbidden", message: "Enter the code from your authenticator app before going on." },
  MFA_ENROLMENT_REQUIRED: { kind: "forbidden", message: "This account needs a second factor: set up an authenticator app before going on." },
  MFA_NOT_ENROLLED: { kind: "conflict", message: "This account has no second factor set up." },
  MFA_FACTOR_UNREADABLE: { kind: "conflict", message: "This account's second factor cannot be read with the server's key (restored without it): a central admin must reset it." },
  MFA_ALREADY_ENROLLED: { kind: "conflict", message: "This account already has a second factor." },
  MFA_ENROLMENT_NOT_STARTED: { kind: "conflict", message: "Start setting up the authenticator app first." },
  MFA_CANNOT_DISABLE: { kind: "conflict", message: "This account's role needs a second factor: it cannot be turned off." },
  MFA_RESET_OWN: { kind: "forbidden", message: "Another central admin resets your own second factor." },
  RECOVERY_CODE_INVALID: { kind: "invalid", message: "This recovery code is wrong or already used." },
} as const satisfies Record<string, { kind: DomainErrorKind; message: string }>;

/** How a caller should read an error: bad input, missing thing, or a clash with stored state. */
export type DomainErrorKind = "invalid" | "not_found" | "conflict" | "forbidden" | "unauthorized" | "throttled";

/** One of the codes in {@link DOMAIN_ERRORS}. */
export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;

/**
 * A schema's error for a field: `FIELD_REQUIRED` when the field was left empty (missing, null or
 * ""), its own `code` otherwise, so an empty choice says "required" rather than "unknown value".
 * Pass it as zod's `error` option.
 */
export function requiredOr(code: DomainErrorCode): (issue: { input?: unknown }) => string {
  return (issue) => (issue.input === undefined || issue.input === null || issue.input === "" ? "FIELD_REQUIRED" : code);
}

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
