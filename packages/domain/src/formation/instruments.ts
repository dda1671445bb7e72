/**
 * Formation: a task force is formed by an establishment instrument (Pergub, Perbup, Perwali, an SK of
 * the regional head, a Perda; a Perpres for the national one). Instruments follow one another — a new
 * SK when membership changes — and the one in force is the latest whose date has come. A task force's
 * status at a date follows from that instrument: not formed, formed, or its instrument expired or revoked.
 */
import { z } from "zod";
import { IsoDateSchema, assertIsoDate } from "../dates.ts";
import type { IsoDate } from "../dates.ts";
import type { Level } from "../hierarchy/levels.ts";
import { normalizeText, optionalTextSchema, textSchema } from "../text.ts";
import type { RegencyKind } from "../regions/codes.ts";
import { requiredOr } from "../errors.ts";

/** Instrument types, with who may issue one for which task forces. */
export const INSTRUMENT_TYPES = {
  perpres: { levels: ["national"], kinds: null },
  pergub: { levels: ["province"], kinds: null },
  sk_gubernur: { levels: ["province"], kinds: null },
  perbup: { levels: ["regency"], kinds: ["kabupaten"] },
  sk_bupati: { levels: ["regency"], kinds: ["kabupaten"] },
  perwali: { levels: ["regency"], kinds: ["kota"] },
  sk_walikota: { levels: ["regency"], kinds: ["kota"] },
  perda: { levels: ["province", "regency"], kinds: null },
} as const satisfies Record<string, { levels: readonly Level[]; kinds: readonly RegencyKind[] | null }>;

export type InstrumentType = keyof typeof INSTRUMENT_TYPES;
export const INSTRUMENT_TYPE_CODES = Object.keys(INSTRUMENT_TYPES) as [InstrumentType, ...InstrumentType[]];
export const InstrumentTypeSchema = z.enum(INSTRUMENT_TYPE_CODES, { error: requiredOr("INSTRUMENT_TYPE_INVALID") });

/** Can this type of instrument form a task force of this level (and, for regencies, kind)? */
export function instrumentFits(type: InstrumentType, level: Level, kind: RegencyKind | null): boolean {
  const rule = INSTRUMENT_TYPES[type];
  if (!(rule.levels as readonly Level[]).includes(level)) return false;
  return rule.kinds === null || (kind !== null && (rule.kinds as readonly RegencyKind[]).includes(kind));
}

/** The instrument types that fit a task force, for a form's choices. */
export function instrumentTypesFor(level: Level, kind: RegencyKind | null): InstrumentType[] {
  return INSTRUMENT_TYPE_CODES.filter((t) => instrumentFits(t, level, kind));
}

/** An http(s) link with a host name: what a document reference may be. */
const HttpLinkSchema = z.url({ protocol: /^https?$/i, hostname: z.regexes.domain });

/**
 * Where an instrument's document can be found: an http(s) link (a JDIH page), at most 300
 * characters, or empty. Anything else (an archive number, `javascript:`, `data:`) is refused with
 * `DOCUMENT_REF_INVALID`; a link is free text too, so an NIK or a phone number inside one is refused.
 */
export const DocumentRefSchema = optionalTextSchema("DOCUMENT_REF_INVALID", { max: 300 }).refine((ref) => ref === "" || (!/\s/.test(ref) && HttpLinkSchema.safeParse(ref).success), {
  error: "DOCUMENT_REF_INVALID",
});

/** An establishment instrument as entered. */
export const InstrumentFieldsSchema = z
  .object({
    type: InstrumentTypeSchema,
    number: textSchema("INSTRUMENT_NUMBER_INVALID", { min: 1, max: 100 }),
    /** The date it was set (ditetapkan); it takes effect that day. */
    issuedOn: IsoDateSchema,
    issuer: textSchema("INSTRUMENT_ISSUER_INVALID", { max: 160 }),
    /** Where the document can be found: an http(s) link (a JDIH page); optional. */
    documentRef: DocumentRefSchema.nullable().default(null),
    /** The last day it is valid, when it says so. */
    endsOn: IsoDateSchema.nullable().default(null),
    /** The day it was revoked, if it was. */
    revokedOn: IsoDateSchema.nullable().default(null),
  })
  .strict();

/** The instrument fields with their cross-field rules. */
export const InstrumentSchema = InstrumentFieldsSchema.superRefine((v, ctx) => {
  if (v.endsOn !== null && v.endsOn < v.issuedOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "INSTRUMENT_END_BEFORE_START" });
  if (v.revokedOn !== null && v.revokedOn < v.issuedOn) ctx.addIssue({ code: "custom", path: ["revokedOn"], message: "INSTRUMENT_END_BEFORE_START" });
});
export type Instrument = z.infer<typeof InstrumentSchema>;

export const FORMATION_STATUSES = ["not_formed", "formed", "expired", "revoked"] as const;
export type FormationStatus = (typeof FORMATION_STATUSES)[number];

export type InstrumentDates = Pick<Instrument, "issuedOn" | "endsOn" | "revokedOn"> & { id?: number };

/** Orders instruments as they follow one another: by date, then by id (entry order). */
export function sortInstruments<T extends InstrumentDates>(instruments: readonly T[]): T[] {
  return [...instruments].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || (a.id ?? 0) - (b.id ?? 0));
}

/**
 * A task force's formation status at a date, and the instrument that decides it: the latest one
 * issued on or before the date. It is `formed` while that instrument is neither revoked (on or before
 * the date) nor past its end; otherwise `revoked` or `expired`. With no instrument yet: `not_formed`.
 */
export function formationStatusAt<T extends InstrumentDates>(instruments: readonly T[], date: IsoDate): { status: FormationStatus; instrument: T | null } {
  assertIsoDate(date);
  const issued = sortInstruments(instruments).filter((i) => i.issuedOn <= date);
  const latest = issued.at(-1);
  if (!latest) return { status: "not_formed", instrument: null };
  if (latest.revokedOn !== null && latest.revokedOn <= date) return { status: "revoked", instrument: latest };
  if (latest.endsOn !== null && latest.endsOn < date) return { status: "expired", instrument: latest };
  return { status: "formed", instrument: latest };
}

/** An instrument's date must not lie after today (in the task force's time zone). */
export function isDateNotInFuture(date: IsoDate, today: IsoDate): boolean {
  return date <= today;
}

/**
 * The key that tells two instrument numbers apart: the same number written in another case or with
 * other spaces around it is the same instrument ("SK-ABC/2019" and "sk-abc/2019 "). Control
 * characters read as spaces, as in all free text. The database's unique index is on this key.
 */
export function instrumentNumberKey(number: string): string {
  return normalizeText(number).trim().toLowerCase();
}

/** The key of an instrument within its task force: its type and {@link instrumentNumberKey}. */
export function instrumentKey(i: Pick<Instrument, "type" | "number">): string {
  return `${i.type}|${instrumentNumberKey(i.number)}`;
}

/**
 * How an instrument stands against those a task force already has: `new`; `already_present` when
 * one with the same key and date is recorded (an import run twice changes nothing); `duplicate` when
 * one with the same key but another date is, or, with `exact` (manual entry), any with the same key.
 * `exceptId` leaves out the record being edited.
 */
export function matchRecordedInstrument(
  candidate: Pick<Instrument, "type" | "number" | "issuedOn">,
  recorded: readonly (Pick<Instrument, "type" | "number" | "issuedOn"> & { id: number })[],
  { exceptId, exact = false }: { exceptId?: number; exact?: boolean } = {},
): { verdict: "new" | "already_present" | "duplicate"; id: number | null } {
  const key = instrumentKey(candidate);
  const same = recorded.find((r) => r.id !== exceptId && instrumentKey(r) === key);
  if (!same) return { verdict: "new", id: null };
  return { verdict: !exact && same.issuedOn === candidate.issuedOn ? "already_present" : "duplicate", id: same.id };
}

/** A problem of an instrument against its task force, the field it concerns, and safe details. */
export type InstrumentProblem = {
  field: "type" | "issuedOn" | "revokedOn";
  code: "INSTRUMENT_TYPE_MISMATCH" | "DATE_IN_FUTURE" | "REGION_NOT_AT_DATE";
  details: Record<string, string>;
};

/**
 * An instrument's rules against the task force it forms, in the order they are reported: its type
 * must fit the task force's level and kind; it must not be dated (issued or revoked) after today
 * where the task force is; and the task force must have existed on the day it was issued. Empty
 * when all hold. Both manual entry and the import apply it.
 */
export function checkInstrumentForTaskForce(
  i: Pick<Instrument, "type" | "issuedOn"> & { revokedOn?: IsoDate | null },
  { level, kind, today, existedOnIssueDate }: { level: Level; kind: RegencyKind | null; today: IsoDate; existedOnIssueDate: boolean },
): InstrumentProblem[] {
  const problems: InstrumentProblem[] = [];
  if (!instrumentFits(i.type, level, kind)) problems.push({ field: "type", code: "INSTRUMENT_TYPE_MISMATCH", details: { type: i.type, level } });
  if (!isDateNotInFuture(i.issuedOn, today)) problems.push({ field: "issuedOn", code: "DATE_IN_FUTURE", details: { field: "issuedOn", today } });
  if (i.revokedOn !== undefined && i.revokedOn !== null && !isDateNotInFuture(i.revokedOn, today)) {
    problems.push({ field: "revokedOn", code: "DATE_IN_FUTURE", details: { field: "revokedOn", today } });
  }
  if (!existedOnIssueDate) problems.push({ field: "issuedOn", code: "REGION_NOT_AT_DATE", details: { field: "issuedOn", date: i.issuedOn } });
  return problems;
}
