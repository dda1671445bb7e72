import {
  deleteInstrument,
  deleteMembership,
  findInstrument,
  findMembership,
  findTaskForce,
  insertInstrument,
  insertMembership,
  listInstruments,
  listMemberships,
  updateInstrument,
  updateMembership,
} from "@gugus/db";
import type { InstrumentRow, MembershipRow, TaskForceRow } from "@gugus/db";
import {
  DomainError,
  InstrumentSchema,
  IsoDateSchema,
  MembershipSchema,
  SUB_TASK_FORCE_CODES,
  TaskForceIdSchema,
  VersionSchema,
  allSeats,
  checkProfileManagement,
  findSeatOverlaps,
  formationStatusAt,
  holderAt,
  instrumentFits,
  isValidAt,
  localDateOf,
  timeZoneOf,
} from "@gugus/domain";
import type { Instrument, Membership } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit } from "../audit.ts";
import { todayOf } from "../clock.ts";
import type { Context, SignedInUser } from "../context.ts";
import { visibleTaskForce } from "../scope.ts";
import { signedInProcedure } from "../trpc.ts";

type Ctx = Context & { user: SignedInUser };

/** The task force, if the caller may change its profile; NOT_FOUND or FORBIDDEN otherwise. */
function manageableTaskForce(ctx: Ctx, taskForceId: number, notFound: RecordNotFound = "TASK_FORCE_NOT_FOUND"): TaskForceRow {
  let row: TaskForceRow;
  try {
    row = visibleTaskForce(ctx, taskForceId);
  } catch (error) {
    // An instrument or holding of a task force out of scope answers as if it did not exist at all.
    if (error instanceof DomainError && error.code === "TASK_FORCE_NOT_FOUND") throw new DomainError(notFound);
    throw error;
  }
  const verdict = checkProfileManagement(ctx.user.actor, { taskForceId: row.id, place: { level: row.level, regionCode: row.regionCode } });
  if (verdict !== "ok") {
    audit(ctx, { action: "access.denied", outcome: "denied", targetType: "task_force", targetId: row.id, details: { reason: verdict } });
    throw new DomainError(verdict === "NOT_FOUND" ? notFound : "FORBIDDEN");
  }
  return row;
}

type RecordNotFound = "TASK_FORCE_NOT_FOUND" | "INSTRUMENT_NOT_FOUND" | "MEMBERSHIP_NOT_FOUND";

/** Today where the task force is: an instrument cannot be dated later. */
const localToday = (ctx: Ctx, row: TaskForceRow) => localDateOf(ctx.now(), timeZoneOf(row.regionCode).iana);

function checkInstrument(ctx: Ctx, row: TaskForceRow, i: Instrument): void {
  if (!instrumentFits(i.type, row.level, row.kind)) throw new DomainError("INSTRUMENT_TYPE_MISMATCH", { type: i.type, level: row.level });
  const today = localToday(ctx, row);
  if (i.issuedOn > today) throw new DomainError("DATE_IN_FUTURE", { field: "issuedOn", today });
  if (i.revokedOn !== null && i.revokedOn > today) throw new DomainError("DATE_IN_FUTURE", { field: "revokedOn", today });
  if (!findTaskForce(ctx.db, row.id, i.issuedOn)) throw new DomainError("REGION_NOT_AT_DATE", { field: "issuedOn", date: i.issuedOn });
}

function checkMembership(ctx: Ctx, row: TaskForceRow, m: Membership, exceptId?: number): void {
  // A holding is recorded once it has begun: until then "who holds the seat today" would be wrong.
  const today = localToday(ctx, row);
  if (m.validFrom > today) throw new DomainError("DATE_IN_FUTURE", { field: "validFrom", today });
  const others = listMemberships(ctx.db, row.id).filter((x) => x.id !== exceptId);
  const clash = findSeatOverlaps([{ ...m, id: -1 }, ...others]).find(([a, b]) => a.id === -1 || b.id === -1);
  if (clash) {
    const other = clash[0].id === -1 ? clash[1] : clash[0];
    throw new DomainError("SEAT_OVERLAP", { office: other.office, validFrom: other.validFrom, validTo: other.validTo });
  }
}

/** Fields of a record that changed, as `field.before` / `field.after` pairs for the audit log. */
function diff<T extends Record<string, unknown>>(before: T, after: T): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const key of Object.keys(after)) {
    const a = before[key];
    const b = after[key];
    if (a !== b && key !== "version" && key !== "updatedAt") {
      out[`${key}.before`] = (a ?? null) as string | number | boolean | null;
      out[`${key}.after`] = (b ?? null) as string | number | boolean | null;
    }
  }
  return out;
}

const fieldsOf = (r: InstrumentRow): Instrument => ({ type: r.type, number: r.number, issuedOn: r.issuedOn, issuer: r.issuer, documentRef: r.documentRef, endsOn: r.endsOn, revokedOn: r.revokedOn });
const membershipFieldsOf = (r: MembershipRow): Membership => ({
  position: r.position,
  subTaskForce: r.subTaskForce,
  office: r.office,
  agency: r.agency,
  stakeholderType: r.stakeholderType,
  personName: r.personName,
  validFrom: r.validFrom,
  validTo: r.validTo,
});

const RecordRef = z.object({ id: z.number().int().positive(), version: VersionSchema }).strict();

export const profileRouter = {
  /**
   * A task force's profile on a date: its formation (every instrument, the one in force, the status)
   * and its composition (every holding with dates, and who held each single seat that day).
   */
  get: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema, at: IsoDateSchema.optional() }).strict()).query(({ ctx, input }) => {
    const at = input.at ?? todayOf(ctx);
    const row = visibleTaskForce(ctx, input.taskForceId, at);
    const list = listInstruments(ctx.db, row.id);
    const memberships = listMemberships(ctx.db, row.id);
    const formation = formationStatusAt(list, at);
    return {
      at,
      localToday: localToday(ctx, row),
      canManage: checkProfileManagement(ctx.user.actor, { taskForceId: row.id, place: { level: row.level, regionCode: row.regionCode } }) === "ok",
      status: formation.status,
      instrumentInForceId: formation.instrument?.id ?? null,
      instruments: list,
      memberships: memberships.map((m) => ({ ...m, current: isValidAt(m, at) })),
      seats: allSeats(SUB_TASK_FORCE_CODES).map((seat) => ({ seat, holder: holderAt(memberships, seat, at) ?? null })),
    };
  }),

  /** Records an establishment instrument. Its type must fit the task force and its date must have come. */
  createInstrument: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema, instrument: InstrumentSchema }).strict()).mutation(({ ctx, input }) => {
    const row = manageableTaskForce(ctx, input.taskForceId);
    checkInstrument(ctx, row, input.instrument);
    const id = insertInstrument(ctx.db, row.id, input.instrument, ctx.now().getTime());
    if (id === undefined) throw new DomainError("INSTRUMENT_DUPLICATE");
    audit(ctx, { action: "instrument.create", outcome: "success", targetType: "task_force", targetId: row.id, details: { instrumentId: id, ...input.instrument } });
    return findInstrument(ctx.db, id)!;
  }),

  /** Changes an instrument (e.g. records its revocation), from the version read. */
  updateInstrument: signedInProcedure.input(RecordRef.extend({ instrument: InstrumentSchema }).strict()).mutation(({ ctx, input }) => {
    const before = findInstrument(ctx.db, input.id);
    if (!before) throw new DomainError("INSTRUMENT_NOT_FOUND");
    const row = manageableTaskForce(ctx, before.taskForceId, "INSTRUMENT_NOT_FOUND");
    checkInstrument(ctx, row, input.instrument);
    let ok: boolean;
    try {
      ok = updateInstrument(ctx.db, { id: before.id, version: input.version, fields: input.instrument, now: ctx.now().getTime() });
    } catch (error) {
      if (error instanceof Error && /UNIQUE/.test(error.message)) throw new DomainError("INSTRUMENT_DUPLICATE");
      throw error;
    }
    if (!ok) throw new DomainError("STALE_VERSION");
    audit(ctx, { action: "instrument.update", outcome: "success", targetType: "task_force", targetId: row.id, details: { instrumentId: before.id, ...diff(fieldsOf(before), input.instrument) } });
    return findInstrument(ctx.db, before.id)!;
  }),

  /** Removes an instrument entered by mistake (a revoked one stays, with its revocation date). */
  deleteInstrument: signedInProcedure.input(RecordRef).mutation(({ ctx, input }) => {
    const before = findInstrument(ctx.db, input.id);
    if (!before) throw new DomainError("INSTRUMENT_NOT_FOUND");
    const row = manageableTaskForce(ctx, before.taskForceId, "INSTRUMENT_NOT_FOUND");
    if (!deleteInstrument(ctx.db, input)) throw new DomainError("STALE_VERSION");
    audit(ctx, { action: "instrument.delete", outcome: "success", targetType: "task_force", targetId: row.id, details: { instrumentId: before.id, ...fieldsOf(before) } });
    return { ok: true as const };
  }),

  /** Records a position held, with dates; a single seat cannot have two holders on the same day. */
  createMembership: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema, membership: MembershipSchema }).strict()).mutation(({ ctx, input }) => {
    const row = manageableTaskForce(ctx, input.taskForceId);
    const id = ctx.db.transaction((tx) => {
      checkMembership({ ...ctx, db: tx }, row, input.membership);
      return insertMembership(tx, row.id, input.membership, ctx.now().getTime());
    });
    audit(ctx, { action: "membership.create", outcome: "success", targetType: "task_force", targetId: row.id, details: { membershipId: id, ...input.membership } });
    return findMembership(ctx.db, id)!;
  }),

  /** Changes a holding (e.g. sets the day it ended), from the version read. */
  updateMembership: signedInProcedure.input(RecordRef.extend({ membership: MembershipSchema }).strict()).mutation(({ ctx, input }) => {
    const before = findMembership(ctx.db, input.id);
    if (!before) throw new DomainError("MEMBERSHIP_NOT_FOUND");
    const row = manageableTaskForce(ctx, before.taskForceId, "MEMBERSHIP_NOT_FOUND");
    ctx.db.transaction((tx) => {
      checkMembership({ ...ctx, db: tx }, row, input.membership, before.id);
      if (!updateMembership(tx, { id: before.id, version: input.version, fields: input.membership, now: ctx.now().getTime() })) throw new DomainError("STALE_VERSION");
    });
    audit(ctx, { action: "membership.update", outcome: "success", targetType: "task_force", targetId: row.id, details: { membershipId: before.id, ...diff(membershipFieldsOf(before), input.membership) } });
    return findMembership(ctx.db, before.id)!;
  }),

  /** Removes a holding entered by mistake (one that ended keeps its end date instead). */
  deleteMembership: signedInProcedure.input(RecordRef).mutation(({ ctx, input }) => {
    const before = findMembership(ctx.db, input.id);
    if (!before) throw new DomainError("MEMBERSHIP_NOT_FOUND");
    const row = manageableTaskForce(ctx, before.taskForceId, "MEMBERSHIP_NOT_FOUND");
    if (!deleteMembership(ctx.db, input)) throw new DomainError("STALE_VERSION");
    audit(ctx, { action: "membership.delete", outcome: "success", targetType: "task_force", targetId: row.id, details: { membershipId: before.id, ...membershipFieldsOf(before) } });
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
