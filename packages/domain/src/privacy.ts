/**
 * What the product must never hold (domain.md, "What the product must never hold"): free text is for
 * activities, offices, agencies and obstacles, never for what identifies a person. These checks catch
 * the two identifiers that are typed most often by mistake, an NIK (the 16-digit national identity
 * number, also on a KK) and an Indonesian mobile number, however they are grouped and whatever digits
 * they are written in.
 *
 * The text is first read the way a person reads it ({@link digitsAsTyped}): compatibility forms
 * folded (NFKC: full-width "３２７５" reads "3275"), every Unicode decimal digit read as 0–9 (Arabic-Indic
 * "٣٢٧٥" too), every dash as "-" and every space as " ". Then it is cut into runs of digit groups
 * joined by separators: spaces, dots, dashes, slashes and parentheses, up to three of them between
 * two groups ("3275 - 0101", "(0812) 3456").
 */
import type { z } from "zod";

/** A Unicode decimal digit (category Nd), in any script. */
const UNICODE_DIGIT = /\p{Nd}/u;
/** Dashes (category Pd) and the minus sign. */
const DASH = /[\p{Pd}\u2212]/gu;
/** Spaces of every width (category Zs) and the white space a control character stands for. */
const SPACE = /[\p{Zs}\s]/gu;
const ASCII_ONLY = /^[^\u0080-\uffff]*$/;

/**
 * The value 0–9 of a Unicode decimal digit. Unicode encodes each script's decimal digits as a block
 * of ten in a row, 0 first (The Unicode Standard, 4.6), and blocks of ten may follow one another
 * (the mathematical digits): the value is how many digits stand right before it, modulo ten.
 */
function digitValue(char: string): number {
  let code = char.codePointAt(0) ?? 0;
  let before = 0;
  while (before < 60 && UNICODE_DIGIT.test(String.fromCodePoint(code - 1))) {
    code -= 1;
    before += 1;
  }
  return before % 10;
}

/**
 * The text as a person reads its figures: NFKC-folded, every Unicode decimal digit as its ASCII
 * digit, invisible format characters (a zero-width space, a soft hyphen) dropped, every dash as "-",
 * every space as " ". "３２７５–０１" reads "3275-01".
 */
export function digitsAsTyped(text: string): string {
  // ASCII folds to itself and holds no other digits or invisible characters: only dashes and spaces to read.
  if (ASCII_ONLY.test(text)) return text.replace(DASH, "-").replace(SPACE, " ");
  return text
    .normalize("NFKC")
    .replace(/\p{Nd}/gu, (d) => (d >= "0" && d <= "9" ? d : String(digitValue(d))))
    .replace(/\p{Cf}/gu, "")
    .replace(DASH, "-")
    .replace(SPACE, " ");
}

/** One group of digits in a run, with the separator that joins it to the group before ("" for the first). */
type Group = { digits: string; separator: string };

/** Runs of digit groups joined by one to three separators (spaces, dots, dashes, slashes, parentheses). */
const RUN = /\d+(?:[ .\-/()]{1,3}\d+)*/g;

/** The groups of one run, each with the separator before it. */
function groupsOf(run: string): Group[] {
  return [...run.matchAll(/(\D*)(\d+)/g)].map(([, separator = "", digits = ""]) => ({ digits, separator }));
}

/** Where an NIK's fields meet: province, regency, district | day, month, year | serial (2-2-2-2-2-2-4). */
const NIK_FIELD_ENDS = new Set([2, 4, 6, 8, 10, 12]);
const NIK_LENGTH = 16;

const isMonth = (mm: string) => mm >= "01" && mm <= "12";
const isYear = (yyyy: string) => yyyy >= "1900" && yyyy <= "2099";
const isDay = (dd: string) => dd >= "01" && dd <= "31";
const isDate = (yyyy: string, mm: string, dd: string) => isYear(yyyy) && isMonth(mm) && isDay(dd);

/** Is this a date as written: YYYYMMDD or DDMMYYYY in one group, or YYYY-MM-DD or DD-MM-YYYY in three? */
function dateLength(groups: readonly Group[], at: number): number {
  const [a, b, c] = [groups[at]?.digits ?? "", groups[at + 1]?.digits ?? "", groups[at + 2]?.digits ?? ""];
  if (a.length === 8 && (isDate(a.slice(0, 4), a.slice(4, 6), a.slice(6)) || isDate(a.slice(4), a.slice(2, 4), a.slice(0, 2)))) return 1;
  if (a.length === 4 && b.length === 2 && c.length === 2 && isDate(a, b, c)) return 3;
  if (a.length === 2 && b.length === 2 && c.length === 4 && isDate(c, b, a)) return 3;
  return 0;
}

/** Do the groups read as dates side by side ("10-04-2017 11-05-2018", "20170410 20180511")? */
function readsAsDates(groups: readonly Group[]): boolean {
  for (let at = 0; at < groups.length; ) {
    const length = dateLength(groups, at);
    if (length === 0) return false;
    at += length;
  }
  return true;
}

/**
 * Do these groups, sixteen digits in all, read as an NIK? Sixteen digits in a row always do. Grouped,
 * they do when cut only where an NIK's fields meet (so "1.234.567.890.123.456" rupiah and
 * "2016-01-31 2017-01-31" do not), and then either grouped as an NIK is printed (4-4-4-4 or 6-6-4,
 * one separator throughout) or bearing a birth month (01–12) as digits 9–10 without reading as dates
 * side by side.
 */
function readsAsNik(groups: readonly Group[]): boolean {
  const digits = groups.map((g) => g.digits).join("");
  if (digits.length !== NIK_LENGTH) return false;
  if (groups.length === 1) return true;
  let end = 0;
  for (const g of groups.slice(0, -1)) {
    end += g.digits.length;
    if (!NIK_FIELD_ENDS.has(end)) return false;
  }
  const shape = groups.map((g) => g.digits.length).join("-");
  const oneSeparator = new Set(groups.slice(1).map((g) => g.separator)).size === 1;
  if (oneSeparator && (shape === "4-4-4-4" || shape === "6-6-4")) return true;
  return isMonth(digits.slice(8, 10)) && !readsAsDates(groups);
}

/** A birth date as an NIK holds it: DDMMYY, with 40 added to the day for a woman. */
const isBirthDate = (ddmmyy: string) => {
  const day = Number(ddmmyy.slice(0, 2));
  return ((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) && isMonth(ddmmyy.slice(2, 4));
};

/**
 * An NIK with its district left out, grouped as regency, birth date and serial: "3275 010101 0001"
 * (4-6-4, the middle group a birth date). It still points at one person.
 */
const readsAsShortNik = (groups: readonly Group[]) =>
  groups.length === 3 && groups.map((g) => g.digits.length).join("-") === "4-6-4" && isBirthDate(groups[1]?.digits ?? "");

/** Does a run hold an NIK: some groups in a row, cut nowhere inside a group, that read as one? */
function holdsNik(run: readonly Group[]): boolean {
  for (let first = 0; first + 3 <= run.length; first++) if (readsAsShortNik(run.slice(first, first + 3))) return true;
  for (let first = 0; first < run.length; first++) {
    let length = 0;
    for (let last = first; last < run.length && length < NIK_LENGTH; last++) {
      length += run[last]?.digits.length ?? 0;
      if (length === NIK_LENGTH && readsAsNik(run.slice(first, last + 1))) return true;
    }
  }
  return false;
}

/** Mobile numbers: 08… with 9 to 13 digits in all, or 628… (after a + or not) with 10 to 14. */
const MOBILE_DIGITS = /^(?:08\d{7,11}|628\d{7,11})$/;
const MOBILE_MAX_DIGITS = 14;

/**
 * A figure grouped by thousands ("628.123.456.789", a budget): a first group of one to three
 * digits not starting with 0, then groups of three, all joined by dots or all by commas.
 */
function isThousands(groups: readonly Group[]): boolean {
  const [first, ...rest] = groups;
  if (!first || rest.length === 0 || first.digits.length > 3 || first.digits.startsWith("0")) return false;
  return rest.every((g) => g.digits.length === 3 && g.separator === ".");
}

/**
 * Does a run hold a mobile number? A number starts a run or follows a space or a parenthesis (not
 * a dot: "Rp 2.081.500.000" is a figure), ends where a group ends, and is not grouped by thousands.
 * A slash ends a number ("080/123/2019" is an instrument number), so it never joins one, and a
 * date written in three groups does not start one ("08-06-1986 01-01-1970").
 */
function holdsMobile(run: readonly Group[], plus: ReadonlySet<number>): boolean {
  for (let first = 0; first < run.length; first++) {
    const start = run[first];
    if (!start || !/^[06]/.test(start.digits) || (first > 0 && !/[ ()]/.test(start.separator)) || dateLength(run, first) === 3) continue;
    let digits = "";
    for (let last = first; last < run.length && digits.length < MOBILE_MAX_DIGITS; last++) {
      const g = run[last];
      if (!g || (last > first && g.separator.includes("/"))) break;
      digits += g.digits;
      if (MOBILE_DIGITS.test(digits) && (plus.has(first) || !isThousands(run.slice(first, last + 1)))) return true;
    }
  }
  return false;
}

export type PersonalIdentifier = "nik" | "phone";

/**
 * The kind of personal identifier a text holds, or null when it holds none: an NIK (sixteen digits,
 * in a row or grouped where its fields meet, e.g. "3275-0101-0101-0001", "327501 010101 0001",
 * "３２７５０１０１０１０１０００１") or a mobile number ("(0812) 3456-7890", "+62 812 3456 7890").
 */
/** Plain ASCII without a digit: nothing in it can read as a figure, whatever the folding (checked first, as most text is). */
const NO_FIGURE_POSSIBLE = /^[^0-9\u0080-\uffff]*$/;

export function findPersonalIdentifier(text: string): PersonalIdentifier | null {
  if (NO_FIGURE_POSSIBLE.test(text)) return null;
  const read = digitsAsTyped(text);
  const runs = [...read.matchAll(RUN)].map((match) => ({ groups: groupsOf(match[0]), at: match.index }));
  if (runs.some((run) => holdsNik(run.groups))) return "nik";
  // A "+" (or "+(") right before a run marks its first group as a country code: "+62 812…".
  const plusBefore = (at: number) => read[at - 1] === "+" || read.slice(Math.max(0, at - 2), at) === "+(";
  if (runs.some((run) => holdsMobile(run.groups, plusBefore(run.at) ? new Set([0]) : new Set()))) return "phone";
  return null;
}

/** The error key a free-text field reports when it holds an NIK or a phone number. */
export const PERSONAL_DATA_IN_TEXT = "PERSONAL_DATA_IN_TEXT" as const;

/** A free-text schema that also refuses an NIK or a phone number in the text, as its one issue: checks added after it do not run then. */
export function withoutPersonalIdentifiers<S extends z.ZodType<string>>(schema: S): S {
  return schema.refine((text) => findPersonalIdentifier(text) === null, { error: PERSONAL_DATA_IN_TEXT, abort: true });
}
