/** Establishment instruments and composition of task forces. Edits name the version they read. */
import { instrumentNumberKey } from "@gugus/domain";
import type { Instrument, InstrumentType, IsoDate, Membership, Position, StakeholderType, SubTaskForceCode } from "@gugus/domain";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client.ts";
import { instruments, memberships } from "../schema.ts";

export type InstrumentRow = {
  id: number;
  taskForceId: number;
  type: InstrumentType;
  number: string;
  issuedOn: string;
  issuer: string;
  documentRef: string | null;
  endsOn: string | null;
  revokedOn: string | null;
  version: number;
  updatedAt: number;
};

const instrumentColumns = {
  id: instruments.id,
  taskForceId: instruments.taskForceId,
  type: instruments.type,
  number: instruments.number,
  issuedOn: instruments.issuedOn,
  issuer: instruments.issuer,
  documentRef: instruments.documentRef,
  endsOn: instruments.endsOn,
  revokedOn: instruments.revokedOn,
  version: instruments.version,
  updatedAt: instruments.updatedAt,
};

/** A task force's instruments in the order they follow one another. */
export function listInstruments(db: Db, taskForceId: number): InstrumentRow[] {
  return db.select(instrumentColumns).from(instruments).where(eq(instruments.taskForceId, taskForceId)).orderBy(asc(instruments.issuedOn), asc(instruments.id)).all();
}

/** Every instrument of every task force (for coverage, counted in one pass). */
export function listAllInstruments(db: Db): Pick<InstrumentRow, "id" | "taskForceId" | "issuedOn" | "endsOn" | "revokedOn">[] {
  return db
    .select({ id: instruments.id, taskForceId: instruments.taskForceId, issuedOn: instruments.issuedOn, endsOn: instruments.endsOn, revokedOn: instruments.revokedOn })
    .from(instruments)
    .all();
}

export function findInstrument(db: Db, id: number): InstrumentRow | undefined {
  return db.select(instrumentColumns).from(instruments).where(eq(instruments.id, id)).get();
}

/**
 * Inserts an instrument; undefined when the task force already has one of this type and number
 * (told apart by the domain's `instrumentNumberKey`, so "SK-ABC/2019" and "sk-abc/2019" clash).
 */
export function insertInstrument(db: Db, taskForceId: number, i: Instrument, now: number): number | undefined {
  return db
    .insert(instruments)
    .values({ taskForceId, ...i, numberKey: instrumentNumberKey(i.number), updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: instruments.id })
    .get()?.id;
}

/** Replaces an instrument's fields if it is still at `version`; false otherwise. A number clashing with another of the task force's throws (unique key). */
export function updateInstrument(db: Db, { id, version, fields, now }: { id: number; version: number; fields: Instrument; now: number }): boolean {
  return (
    db
      .update(instruments)
      .set({ ...fields, numberKey: instrumentNumberKey(fields.number), updatedAt: now, version: sql`${instruments.version} + 1` })
      .where(and(eq(instruments.id, id), eq(instruments.version, version)))
      .run().changes === 1
  );
}

export function deleteInstrument(db: Db, { id, version }: { id: number; version: number }): boolean {
  return db.delete(instruments).where(and(eq(instruments.id, id), eq(instruments.version, version))).run().changes === 1;
}

export type MembershipRow = {
  id: number;
  taskForceId: number;
  position: Position;
  subTaskForce: SubTaskForceCode | null;
  office: string;
  agency: string;
  stakeholderType: StakeholderType;
  personName: string | null;
  validFrom: string;
  validTo: string | null;
  version: number;
};

const membershipColumns = {
  id: memberships.id,
  taskForceId: memberships.taskForceId,
  position: memberships.position,
  subTaskForce: memberships.subTaskForce,
  office: memberships.office,
  agency: memberships.agency,
  stakeholderType: memberships.stakeholderType,
  personName: memberships.personName,
  validFrom: memberships.validFrom,
  validTo: memberships.validTo,
  version: memberships.version,
};

const positionOrder = sql`CASE ${memberships.position} WHEN 'chair' THEN 0 WHEN 'daily_chair' THEN 1 WHEN 'secretary' THEN 2 WHEN 'coordinator' THEN 3 ELSE 4 END`;

/** A task force's composition, all dates: by position, then latest first. */
export function listMemberships(db: Db, taskForceId: number): MembershipRow[] {
  return db
    .select(membershipColumns)
    .from(memberships)
    .where(eq(memberships.taskForceId, taskForceId))
    .orderBy(positionOrder, asc(memberships.subTaskForce), desc(memberships.validFrom), asc(memberships.id))
    .all();
}

export function findMembership(db: Db, id: number): MembershipRow | undefined {
  return db.select(membershipColumns).from(memberships).where(eq(memberships.id, id)).get();
}

export function insertMembership(db: Db, taskForceId: number, m: Membership, now: number): number {
  return db
    .insert(memberships)
    .values({ taskForceId, ...m, updatedAt: now })
    .returning({ id: memberships.id })
    .get().id;
}

export function updateMembership(db: Db, { id, version, fields, now }: { id: number; version: number; fields: Membership; now: number }): boolean {
  return (
    db
      .update(memberships)
      .set({ ...fields, updatedAt: now, version: sql`${memberships.version} + 1` })
      .where(and(eq(memberships.id, id), eq(memberships.version, version)))
      .run().changes === 1
  );
}

export function deleteMembership(db: Db, { id, version }: { id: number; version: number }): boolean {
  return db.delete(memberships).where(and(eq(memberships.id, id), eq(memberships.version, version))).run().changes === 1;
}

/** How many positions a task force has filled on a date, by kind of stakeholder (for readiness, later). */
export function countSeatsFilledAt(db: Db, taskForceId: number, at: IsoDate): number {
  return (
    db.get<{ n: number }>(sql`SELECT count(*) AS n FROM memberships WHERE task_force_id = ${taskForceId} AND position <> 'member'
      AND valid_from <= ${at} AND (valid_to IS NULL OR valid_to >= ${at})`)?.n ?? 0
  );
}
