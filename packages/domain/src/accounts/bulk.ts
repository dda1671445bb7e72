/**
 * Creating many accounts from one spreadsheet (CSV or XLSX): one row per account — email, name,
 * position, the task force by its region code, and the role. Columns are found by their headers in
 * Bahasa Indonesia or English, every row is checked on its own and reported with its problems, and
 * the file is saved all or nothing (`accountsToCreate` gives nothing to save while any row has a
 * problem). A file of more than {@link BULK_ACCOUNTS_MAX_ROWS} rows is refused whole.
 *
 * What a row may ask is what the uploader may do by hand (`checkAccountManagement`): a region
 * outside the uploader's scope reads exactly like an unknown region, and an email used elsewhere
 * is worded by `emailConflictCodeFor`, so the check is no directory of other task forces or
 * addresses. A cell that a spreadsheet would run (a formula, or text beginning with `=`, `+`, `@`
 * or a `-` before a character) is refused, so no such text is ever stored and handed on.
 */
import { DomainError } from "../errors.ts";
import type { DomainErrorCode } from "../errors.ts";
import { isWellFormedRegionCode, normalizeRegionCode } from "../regions/codes.ts";
import { cellOf, columnsOf, headerKey, isBlankRow, normalizeText } from "../text.ts";
import type { TaskForcePlace } from "../hierarchy/levels.ts";
import { PERSONAL_DATA_IN_TEXT } from "../privacy.ts";
import { EmailSchema, JobTitleSchema, PersonNameSchema } from "./accounts.ts";
import type { AccountCreate } from "./accounts.ts";
import { ROLES, checkAccountManagement, emailConflictCodeFor } from "./roles.ts";
import type { Actor, Role } from "./roles.ts";

/** The most rows one file takes: a whole roll-out's accounts at once (553 task forces, ~18 each). */
export const BULK_ACCOUNTS_MAX_ROWS = 10_000;

/** Column headers recognised, in Bahasa Indonesia or English (see `headerKey`); the first of each is the template's. */
export const BULK_ACCOUNT_COLUMNS = {
  email: ["email", "surel", "e_mail", "alamat_email", "email_address"],
  name: ["nama", "nama_lengkap", "name", "full_name"],
  position: ["jabatan", "position", "job_title"],
  regionCode: ["kode_wilayah", "kode", "wilayah", "region_code", "code", "region"],
  role: ["peran", "role"],
} as const;
export type BulkAccountField = keyof typeof BULK_ACCOUNT_COLUMNS;
const FIELDS = Object.keys(BULK_ACCOUNT_COLUMNS) as BulkAccountField[];

/** Which field a header names, or undefined. */
export function bulkAccountFieldOf(header: string): BulkAccountField | undefined {
  const key = headerKey(header);
  return FIELDS.find((f) => (BULK_ACCOUNT_COLUMNS[f] as readonly string[]).includes(key));
}

/** The template's header row. */
export const BULK_ACCOUNT_HEADER = FIELDS.map((f) => BULK_ACCOUNT_COLUMNS[f][0]);

/**
 * What stands for the national task force in the region column: an empty cell, `00`, or the level's
 * name (`nasional`, `pusat`, `national`), as the plan import names the level.
 */
const NATIONAL_WORDS = new Set(["", "00", "0", "nasional", "pusat", "national"]);

/** Role names people write, besides the codes: the product's own labels in either language. */
const ROLE_WORDS: Record<string, Role> = {
  admin_pusat: "central_admin",
  administrator_pusat: "central_admin",
  peninjau_pusat: "central_viewer",
  admin_daerah: "regional_admin",
  administrator_daerah: "regional_admin",
  anggota_daerah: "regional_member",
  anggota: "regional_member",
  ...Object.fromEntries(ROLES.map((r) => [r, r])),
};

/** A role as written in a cell ("Admin daerah", "regional_admin"), or undefined when unknown. */
export function roleOfCell(value: string): Role | undefined {
  return ROLE_WORDS[normalizeText(value).trim().toLowerCase().replace(/[\s/-]+/g, "_")];
}

/**
 * The region a cell names: null for the national task force, the canonical code (`3275` reads
 * `32.75`), or undefined when it is no region code at all.
 */
export function regionOfCell(value: string): string | null | undefined {
  const v = normalizeText(value).trim().toLowerCase();
  if (NATIONAL_WORDS.has(v)) return null;
  const code = normalizeRegionCode(v);
  return code !== null && isWellFormedRegionCode(code) ? code : undefined;
}

/**
 * Would a spreadsheet run this text? A formula (`=HYPERLINK(…)`), and the other starts spreadsheets
 * take as one: `+`, `@`, and `-` before a character (`-1+1`, `-cmd`). A lone `-` is a dash.
 */
export function isFormulaText(value: string): boolean {
  const v = normalizeText(value).trim();
  return /^[=+@]/.test(v) || /^-\S/.test(v);
}

/** A row as read from the file (text cells), with its line number in the file. */
export type BulkAccountRow = { row: number } & Record<BulkAccountField, string>;

/**
 * A spreadsheet (the header row first) as account rows: columns by their headers in either language,
 * blank rows skipped, each row numbered by its line in the file. Throws `FILE_TOO_MANY_ROWS` past
 * {@link BULK_ACCOUNTS_MAX_ROWS} rows (nothing else is checked then), `IMPORT_FILE_INVALID` with the
 * reason `empty`, `no_rows` or `missing_columns` (named by the template's headers).
 */
export function readBulkAccountTable(table: readonly (readonly string[])[]): BulkAccountRow[] {
  const [header, ...body] = table;
  if (!header) throw new DomainError("IMPORT_FILE_INVALID", { reason: "empty" });
  const filled = body.filter((cells) => !isBlankRow(cells)).length;
  if (filled > BULK_ACCOUNTS_MAX_ROWS) throw new DomainError("FILE_TOO_MANY_ROWS", { max: BULK_ACCOUNTS_MAX_ROWS });
  const columns = columnsOf(header, bulkAccountFieldOf);
  const missing = FIELDS.filter((f) => !columns.has(f));
  if (missing.length > 0) throw new DomainError("IMPORT_FILE_INVALID", { reason: "missing_columns", columns: missing.map((f) => BULK_ACCOUNT_COLUMNS[f][0]).join(", ") });
  const rows: BulkAccountRow[] = [];
  body.forEach((cells, i) => {
    if (isBlankRow(cells)) return;
    const get = (f: BulkAccountField) => cellOf(cells, columns, f);
    rows.push({ row: i + 2, email: get("email"), name: get("name"), position: get("position"), regionCode: get("regionCode"), role: get("role") });
  });
  if (rows.length === 0) throw new DomainError("IMPORT_FILE_INVALID", { reason: "no_rows" });
  return rows;
}

/** One problem of a row: the field (a column of the file) and its error code. */
export type BulkAccountProblem = { field: BulkAccountField; code: DomainErrorCode };

/** The task force a region code names, as the check needs it (undefined: none exists today). */
export type BulkTaskForce = { taskForceId: number; place: TaskForcePlace; name: string | null };

/** What the check looks up: the task forces as they stand today, and which task force holds an email. */
export type BulkCheckLookups = {
  actor: Actor;
  taskForceOf: (regionCode: string | null) => BulkTaskForce | undefined;
  /** The task force of the account that already has this (lower-cased) email, if one does. */
  emailHolderOf: (email: string) => number | undefined;
};

/** A checked row: what it reads as, its problems, and the account to create when it has none. */
export type BulkAccountResult = {
  row: number;
  email: string;
  name: string;
  /** The region code as read (null: the national task force), or the cell as written when it is no code. */
  regionCode: string | null;
  taskForceId: number | null;
  taskForceName: string | null;
  role: Role | null;
  problems: BulkAccountProblem[];
  account: AccountCreate | null;
};

/** The longest text a report repeats back from a cell. */
const ECHO_MAX = 120;
const echo = (text: string) => (text.length > ECHO_MAX ? `${text.slice(0, ECHO_MAX)}…` : text);

const codeOf = (issues: readonly { message: string }[], fallback: DomainErrorCode): DomainErrorCode =>
  issues.some((i) => i.message === PERSONAL_DATA_IN_TEXT) ? PERSONAL_DATA_IN_TEXT : issues.some((i) => i.message === "FIELD_REQUIRED") ? "FIELD_REQUIRED" : fallback;

/**
 * Checks every row: each cell (no formula; a real email, name and position; a known role; a region
 * code or the national task force), an email repeated in the file (every row after the first that
 * holds it), a region that is unknown or outside the uploader's scope (both `REGION_NOT_FOUND`), a
 * role the uploader may not give there (`ROLE_NOT_GRANTABLE`) or that does not fit the level
 * (`ROLE_LEVEL_MISMATCH`), and an email already used (worded by `emailConflictCodeFor`).
 */
export function checkBulkAccounts(rows: readonly BulkAccountRow[], lookups: BulkCheckLookups): BulkAccountResult[] {
  const firstRowOfEmail = new Map<string, number>();
  return rows.map((r) => {
    const problems: BulkAccountProblem[] = [];
    const formula = new Set(FIELDS.filter((f) => isFormulaText(r[f])));
    for (const f of formula) problems.push({ field: f, code: "CELL_FORMULA_REFUSED" });

    const email = formula.has("email") ? null : EmailSchema.safeParse(normalizeText(r.email));
    if (email && !email.success) problems.push({ field: "email", code: r.email.trim() === "" ? "FIELD_REQUIRED" : codeOf(email.error.issues, "EMAIL_INVALID") });
    const name = formula.has("name") ? null : PersonNameSchema.safeParse(r.name);
    if (name && !name.success) problems.push({ field: "name", code: codeOf(name.error.issues, "NAME_INVALID") });
    const position = formula.has("position") ? null : JobTitleSchema.safeParse(r.position);
    if (position && !position.success) problems.push({ field: "position", code: codeOf(position.error.issues, "POSITION_INVALID") });
    const role = formula.has("role") ? undefined : roleOfCell(r.role);
    if (!formula.has("role") && role === undefined) problems.push({ field: "role", code: r.role.trim() === "" ? "FIELD_REQUIRED" : "ROLE_INVALID" });
    const region = formula.has("regionCode") ? undefined : regionOfCell(r.regionCode);
    if (!formula.has("regionCode") && region === undefined) problems.push({ field: "regionCode", code: "REGION_CODE_MALFORMED" });

    const address = email?.success ? email.data : null;
    if (address !== null) {
      const first = firstRowOfEmail.get(address);
      if (first !== undefined) problems.push({ field: "email", code: "EMAIL_REPEATED_IN_FILE" });
      else firstRowOfEmail.set(address, r.row);
    }

    // Out of scope reads exactly as unknown: the uploader learns nothing of task forces it may not see.
    const taskForce = region === undefined ? undefined : lookups.taskForceOf(region);
    const visible = taskForce !== undefined && checkAccountManagement(lookups.actor, { ...taskForce, role: "regional_member" }) !== "NOT_FOUND" ? taskForce : undefined;
    if (region !== undefined && visible === undefined) problems.push({ field: "regionCode", code: "REGION_NOT_FOUND" });
    if (visible && role !== undefined) {
      const verdict = checkAccountManagement(lookups.actor, { taskForceId: visible.taskForceId, place: visible.place, role });
      if (verdict === "ROLE_LEVEL_MISMATCH") problems.push({ field: "role", code: "ROLE_LEVEL_MISMATCH" });
      else if (verdict !== "ok") problems.push({ field: "role", code: "ROLE_NOT_GRANTABLE" });
    }
    if (address !== null) {
      const holder = lookups.emailHolderOf(address);
      if (holder !== undefined) problems.push({ field: "email", code: emailConflictCodeFor(lookups.actor, { taskForceId: holder }) });
    }

    const ok = problems.length === 0 && address !== null && name?.success && position?.success && role !== undefined && visible !== undefined;
    return {
      row: r.row,
      email: echo(address ?? r.email),
      name: echo(name?.success ? name.data : r.name),
      regionCode: region === undefined ? echo(r.regionCode) : region,
      taskForceId: visible?.taskForceId ?? null,
      taskForceName: visible?.name ?? null,
      role: role ?? null,
      problems,
      account: ok ? { email: address, name: name.data, position: position.data, taskForceId: visible.taskForceId, role } : null,
    };
  });
}

/** The accounts a checked file creates: all of them when no row has a problem, else none (null). */
export function accountsToCreate(results: readonly BulkAccountResult[]): AccountCreate[] | null {
  if (results.length === 0 || results.some((r) => r.problems.length > 0 || r.account === null)) return null;
  return results.map((r) => r.account!);
}
