/**
 * The accounts' files, in the reader's language: the accounts list as the caller sees it, and the
 * one-time passwords of accounts just created or reset, to hand over. The passwords' file is made
 * once, in the answer that created them: it is never stored, and nothing else holds the passwords.
 */
import { localTimeLabel, timeZoneOf } from "@gugus/domain";
import type { Level, Role } from "@gugus/domain";
import { dayInWords, instantInWords, scopeLabel } from "./list-labels.ts";
import { buildListWorkbook } from "./list-workbook.ts";

export type FileLanguage = "id" | "en";
type Place = { level: Level; regionName: string | null };

const WORDS = {
  id: {
    role: { central_admin: "Admin pusat", central_viewer: "Peninjau pusat", regional_admin: "Admin daerah", regional_member: "Anggota daerah" } satisfies Record<Role, string>,
    taskForce: { national: "Gugus Tugas PP-TPPO Pusat", province: "Gugus Tugas PP-TPPO Provinsi {name}", regency: "Gugus Tugas PP-TPPO {name}" },
    asOf: "Keadaan per {date}",
    made: "Dibuat {time}",
    listTitle: "Daftar akun",
    listSheet: "Akun",
    filtered: "{scope} · disaring: {filters}",
    filter: { query: "cari “{query}”", active: "aktif", inactive: "nonaktif" },
    columns: { name: "Nama", email: "Email", position: "Jabatan", regionCode: "Kode wilayah", taskForce: "Gugus tugas", role: "Peran", status: "Status", password: "Sandi diganti", created: "Dibuat" },
    status: { active: "Aktif", inactive: "Nonaktif" },
    mustChange: { yes: "Belum", no: "Sudah" },
    passwordsTitle: { created: "Sandi sekali pakai akun baru", reset: "Sandi sekali pakai baru" },
    passwordsSheet: "Sandi sekali pakai",
    passwordsScope: "{count} akun · serahkan setiap sandi langsung kepada pemiliknya; berkas ini tidak dapat dibuat lagi",
    passwordColumns: { email: "Email", name: "Nama", taskForce: "Gugus tugas", password: "Sandi sekali pakai", expires: "Berlaku sampai" },
    fileList: "akun",
    filePasswords: "sandi-sekali-pakai",
  },
  en: {
    role: { central_admin: "Central admin", central_viewer: "Central viewer", regional_admin: "Regional admin", regional_member: "Regional member" } satisfies Record<Role, string>,
    taskForce: { national: "National Task Force (GT PP-TPPO Pusat)", province: "{name} Provincial Task Force", regency: "{name} Task Force" },
    asOf: "As of {date}",
    made: "Made {time}",
    listTitle: "Accounts",
    listSheet: "Accounts",
    filtered: "{scope} · filtered: {filters}",
    filter: { query: "search “{query}”", active: "active", inactive: "inactive" },
    columns: { name: "Name", email: "Email", position: "Position", regionCode: "Region code", taskForce: "Task force", role: "Role", status: "Status", password: "Password changed", created: "Created" },
    status: { active: "Active", inactive: "Inactive" },
    mustChange: { yes: "Not yet", no: "Yes" },
    passwordsTitle: { created: "One-time passwords of new accounts", reset: "New one-time passwords" },
    passwordsSheet: "One-time passwords",
    passwordsScope: "{count} accounts · hand each password to its holder in person; this file cannot be made again",
    passwordColumns: { email: "Email", name: "Name", taskForce: "Task force", password: "One-time password", expires: "Valid until" },
    fileList: "accounts",
    filePasswords: "one-time-passwords",
  },
} as const;

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

/** "Gugus Tugas PP-TPPO Kota Bekasi" / "Kota Bekasi Task Force". */
export function taskForceLabel(place: Place, language: FileLanguage): string {
  const w = WORDS[language].taskForce;
  return place.level === "national" || place.regionName === null ? w.national : fill(w[place.level], { name: place.regionName });
}

/** An account as the list file shows it. */
export type ListedAccount = {
  name: string;
  email: string;
  position: string;
  role: Role;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: number;
  taskForce: { level: Level; regionCode: string | null; regionName: string | null };
};

/**
 * The accounts list as a workbook: a title, the date, whose accounts it covers (the country, or the
 * caller's task force) with the filters applied, and labelled columns. Times in WIB, or in the
 * caller's task force's zone when it covers one task force's accounts.
 */
export async function writeAccountsListWorkbook(input: {
  rows: readonly ListedAccount[];
  /** The caller's task force when the list is its own task force's; null: the whole country. */
  own: { level: Level; regionCode: string | null; regionName: string | null } | null;
  filters: { query?: string | undefined; active?: boolean | undefined };
  now: number;
  language: FileLanguage;
}): Promise<{ fileName: string; contentBase64: string }> {
  const w = WORDS[input.language];
  const zoneRegion = input.own?.regionCode ?? null;
  const scope = input.own ? taskForceLabel(input.own, input.language) : scopeLabel({ level: "national", regionName: null }, input.language);
  const filters = [
    ...(input.filters.query ? [fill(w.filter.query, { query: input.filters.query })] : []),
    ...(input.filters.active === undefined ? [] : [input.filters.active ? w.filter.active : w.filter.inactive]),
  ];
  const bytes = await buildListWorkbook({
    title: w.listTitle,
    describes: fill(w.asOf, { date: dayInWords(input.now, zoneRegion, input.language) }),
    scope: filters.length > 0 ? fill(w.filtered, { scope, filters: filters.join(", ") }) : scope,
    generatedAt: fill(w.made, { time: instantInWords(input.now, zoneRegion, input.language) }),
    language: input.language,
    sheets: [
      {
        name: w.listSheet,
        rows: input.rows,
        columns: [
          { header: w.columns.name, width: 26, value: (a: ListedAccount) => a.name },
          { header: w.columns.email, width: 30, value: (a: ListedAccount) => a.email },
          { header: w.columns.position, width: 34, value: (a: ListedAccount) => a.position },
          { header: w.columns.regionCode, width: 12, value: (a: ListedAccount) => a.taskForce.regionCode ?? "" },
          { header: w.columns.taskForce, width: 36, value: (a: ListedAccount) => taskForceLabel(a.taskForce, input.language) },
          { header: w.columns.role, width: 16, value: (a: ListedAccount) => w.role[a.role] },
          { header: w.columns.status, width: 12, value: (a: ListedAccount) => (a.active ? w.status.active : w.status.inactive) },
          { header: w.columns.password, width: 14, value: (a: ListedAccount) => (a.mustChangePassword ? w.mustChange.yes : w.mustChange.no) },
          { header: w.columns.created, width: 26, kind: "date", value: (a: ListedAccount) => instantInWords(a.createdAt, zoneRegion, input.language) },
        ],
      },
    ],
  });
  return { fileName: `${w.fileList}-${localStamp(input.now)}.xlsx`, contentBase64: Buffer.from(bytes).toString("base64") };
}

/** One account's one-time password as the file lists it. */
export type IssuedAccountPassword = {
  email: string;
  name: string;
  taskForce: { level: Level; regionCode: string | null; regionName: string | null };
  password: string;
  expiresAt: number;
};

/**
 * The one-time passwords as a workbook to hand over: email, name, task force, password and until
 * when it works (in the account's task force's zone). Made only in the answer that issued them.
 */
export async function writeOneTimePasswordsWorkbook(input: {
  accounts: readonly IssuedAccountPassword[];
  kind: "created" | "reset";
  now: number;
  language: FileLanguage;
}): Promise<{ fileName: string; contentBase64: string }> {
  const w = WORDS[input.language];
  const bytes = await buildListWorkbook({
    title: w.passwordsTitle[input.kind],
    describes: fill(w.asOf, { date: dayInWords(input.now, null, input.language) }),
    scope: fill(w.passwordsScope, { count: input.accounts.length }),
    generatedAt: fill(w.made, { time: instantInWords(input.now, null, input.language) }),
    language: input.language,
    sheets: [
      {
        name: w.passwordsSheet,
        rows: input.accounts,
        columns: [
          { header: w.passwordColumns.email, width: 32, value: (a: IssuedAccountPassword) => a.email },
          { header: w.passwordColumns.name, width: 26, value: (a: IssuedAccountPassword) => a.name },
          { header: w.passwordColumns.taskForce, width: 36, value: (a: IssuedAccountPassword) => taskForceLabel(a.taskForce, input.language) },
          { header: w.passwordColumns.password, width: 28, value: (a: IssuedAccountPassword) => a.password },
          { header: w.passwordColumns.expires, width: 26, kind: "date", value: (a: IssuedAccountPassword) => instantInWords(a.expiresAt, a.taskForce.regionCode, input.language) },
        ],
      },
    ],
  });
  return { fileName: `${w.filePasswords}-${localStamp(input.now)}.xlsx`, contentBase64: Buffer.from(bytes).toString("base64") };
}

/** `20261201-1405`, Jakarta time: a file name that sorts. */
function localStamp(ms: number): string {
  return localTimeLabel(new Date(ms), timeZoneOf(null)).replace(/^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}).*$/, "$1$2$3-$4$5");
}
