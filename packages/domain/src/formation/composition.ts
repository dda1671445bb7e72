/**
 * Composition, kept with dates: who holds which position, as an office of an agency (the person's
 * name is optional — people change, offices stay). The chair, daily chair, secretary and the
 * coordinator of each sub-task-force are single seats: one holder at a time. Members are many.
 */
import { z } from "zod";
import { IsoDateSchema, isValidAt, validitiesOverlap } from "../dates.ts";
import type { IsoDate, Validity } from "../dates.ts";
import { optionalTextSchema, textSchema } from "../text.ts";
import { SubTaskForceCodeSchema } from "../sub-task-forces.ts";
import type { SubTaskForceCode } from "../sub-task-forces.ts";
import { requiredOr } from "../errors.ts";

export const POSITIONS = ["chair", "daily_chair", "secretary", "coordinator", "member"] as const;
export type Position = (typeof POSITIONS)[number];
export const PositionSchema = z.enum(POSITIONS, { error: requiredOr("SEAT_POSITION_UNKNOWN") });

/** Who an agency is, for the evaluation of commitment (the seed names the first three). */
export const STAKEHOLDER_TYPES = ["kl", "pemda_opd", "vertical", "civil_society", "academia", "private_sector", "media"] as const;
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];
export const StakeholderTypeSchema = z.enum(STAKEHOLDER_TYPES, { error: requiredOr("STAKEHOLDER_TYPE_INVALID") });

/** Free text: required, 2 to 160 characters, never an NIK or a phone number. */
const text = (code: "OFFICE_INVALID" | "AGENCY_INVALID") => textSchema(code, { max: 160 });

/** A position held, as entered. */
export const MembershipFieldsSchema = z
  .object({
    position: PositionSchema,
    /** The sub-task-force a coordinator coordinates; null for the other positions. */
    subTaskForce: SubTaskForceCodeSchema.nullable().default(null),
    /** The office, e.g. "Kepala Dinas PPPA". */
    office: text("OFFICE_INVALID"),
    /** The agency, e.g. "DP3A Kota Bekasi". */
    agency: text("AGENCY_INVALID"),
    stakeholderType: StakeholderTypeSchema,
    /** The person holding the office; optional. */
    personName: optionalTextSchema("PERSON_NAME_INVALID", { max: 120 }).nullable().default(null),
    validFrom: IsoDateSchema,
    validTo: IsoDateSchema.nullable().default(null),
  })
  .strict();

export const MembershipSchema = MembershipFieldsSchema.superRefine((m, ctx) => {
  if ((m.position === "coordinator") !== (m.subTaskForce !== null)) {
    ctx.addIssue({ code: "custom", path: ["subTaskForce"], message: "POSITION_INVALID_FOR_SEAT" });
  }
  if (m.validTo !== null && m.validTo < m.validFrom) ctx.addIssue({ code: "custom", path: ["validTo"], message: "VALIDITY_INVERTED" });
});
export type Membership = z.infer<typeof MembershipSchema>;

/** A single seat: `chair`, `daily_chair`, `secretary` or `coordinator:<sub-task-force>`. */
export type Seat = "chair" | "daily_chair" | "secretary" | `coordinator:${SubTaskForceCode}`;

/** The seat a position fills, or null for a member (members are not single seats). */
export function seatOf(m: Pick<Membership, "position" | "subTaskForce">): Seat | null {
  if (m.position === "member") return null;
  if (m.position === "coordinator") return m.subTaskForce === null ? null : `coordinator:${m.subTaskForce}`;
  return m.position;
}

type Held = Pick<Membership, "position" | "subTaskForce"> & Validity & { id?: number };

/**
 * Pairs of holdings of the same seat whose dates overlap (each pair once). A list without conflicts
 * answers "who held the daily chair on 2022-01-01" with at most one holder.
 */
export function findSeatOverlaps<T extends Held>(memberships: readonly T[]): [T, T][] {
  const conflicts: [T, T][] = [];
  for (let i = 0; i < memberships.length; i++) {
    for (let j = i + 1; j < memberships.length; j++) {
      const a = memberships[i]!;
      const b = memberships[j]!;
      const seat = seatOf(a);
      if (seat !== null && seat === seatOf(b) && validitiesOverlap(a, b)) conflicts.push([a, b]);
    }
  }
  return conflicts;
}

/** The holding of a seat on a date, if any. */
export function holderAt<T extends Held>(memberships: readonly T[], seat: Seat, date: IsoDate): T | undefined {
  return memberships.find((m) => seatOf(m) === seat && isValidAt(m, date));
}

/** Everyone holding a position on a date. */
export function compositionAt<T extends Held>(memberships: readonly T[], date: IsoDate): T[] {
  return memberships.filter((m) => isValidAt(m, date));
}

/** All single seats: chair, daily chair, secretary, six coordinators. */
export function allSeats(subTaskForces: readonly SubTaskForceCode[]): Seat[] {
  return ["chair", "daily_chair", "secretary", ...subTaskForces.map((s) => `coordinator:${s}` as const)];
}
