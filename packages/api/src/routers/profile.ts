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
  checkInstrumentForTaskForce,
  checkProfileManagement,
  findSeatOverlaps,
  formationStatusAt,
  holderAt,
  isValidAt,
  matchRecordedInstrument,
} from "@gugus/domain";
import type { Instrument, Membership } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../audit.ts";
import { todayOf } from "../clock.ts";
import type { Context, SignedInUser } from "../context.ts";
import { getTargetInstrument, getTargetMembership, getTargetTaskForce } from "../scope.ts";
import { signedInProcedure } from "../trpc.ts";

type Ctx = Context & { user: SignedInUser };
type RecordNotFound = "TASK_FORCE_NOT_FOUND" | "INSTRUMENT_NOT_FOUND" | "MEMBERSHIP_NOT_FOUND";

/**
 * The call's task force (the scope guard found it in scope), if the caller may change its profile:
 * a regional admin only its own task force's (`checkProfileManagement`). FORBIDDEN otherwise, audited.
 */
function manageableTaskForce(ctx: Ctx, notFound: RecordNotFound = "TASK_FORCE_NOT_FOUND"): TaskForceRow {
  const row = getTargetTaskForce(ctx);
  const verdict = checkProfileManagement(ctx.user.actor, { taskForceId: row.id, place: { level: row.level, regionCode: row.regionCode } });
  if (verdict !== "ok") {
    audit(ctx, { action: "access.denied", outcome: "denied", targetType: "task_force", targetId: row.id, details: { reason: verdict } });
    throw new DomainError(verdict === "NOT_FOUND" ? notFound : "FORBIDDEN");
  }
  return row;
}

/** Today where the task force is: an instrument or a holding cannot be dated later. */
const localToday = (ctx: Ctx, row: TaskForceRow) => todayOf(ctx, row.regionCode);

/** The domain's instrument rules against the task force and those it already has; the first problem is thrown. */
function checkInstrument(ctx: Ctx, row: TaskForceRow, i: Instrument, exceptId?: number): void {
  const [problem] = checkInstrumentForTaskForce(i, { level: row.level, kind: row.kind, today: localToday(ctx, row), existedOnIssueDate: findTaskForce(ctx.db, row.id, i.issuedOn) !== undefined });
  if (problem) throw new DomainError(problem.code, problem.details);
  if (matchRecordedInstrument(i, listInstruments(ctx.db, row.id), { exact: true, ...(exceptId === undefined ? {} : { exceptId }) }).verdict !== "new") throw new DomainError("INSTRUMENT_DUPLICATE");
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
    const row = getTargetTaskForce(ctx);
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

  /** Records an establishment instrument. Its type must fit the task force, its date must have come, its number be new. */
  createInstrument: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema, instrument: InstrumentSchema }).strict()).mutation(({ ctx, input }) => {
    const row = manageableTaskForce(ctx);
    return inTransaction(ctx, (tx) => {
      checkInstrument(tx, row, input.instrument);
      const id = insertInstrument(tx.db, row.id, input.instrument, ctx.now().getTime());
      if (id === undefined) throw new DomainError("INSTRUMENT_DUPLICATE");
      audit(tx, { action: "instrument.create", outcome: "success", targetType: "task_force", targetId: row.id, details: { instrumentId: id, ...input.instrument } });
      return findInstrument(tx.db, id)!;
    });
  }),

  /** Changes an instrument (e.g. records its revocation), from the version read. */
  updateInstrument: signedInProcedure.input(RecordRef.extend({ instrument: InstrumentSchema }).strict()).mutation(({ ctx, input }) => {
    const before = getTargetInstrument(ctx);
    const row = manageableTaskForce(ctx, "INSTRUMENT_NOT_FOUND");
    return inTransaction(ctx, (tx) => {
      checkInstrument(tx, row, input.instrument, before.id);
      let ok: boolean;
      try {
        ok = updateInstrument(tx.db, { id: before.id, version: input.version, fields: input.instrument, now: ctx.now().getTime() });
      } catch (error) {
        if (error instanceof Error && /UNIQUE/.test(error.message)) throw new DomainError("INSTRUMENT_DUPLICATE");
        throw error;
      }
      if (!ok) throw new DomainError("STALE_VERSION");
      audit(tx, { action: "instrument.update", outcome: "success", targetType: "task_force", targetId: row.id, details: { instrumentId: before.id, ...diff(fieldsOf(before), input.instrument) } });
      return findInstrument(tx.db, before.id)!;
    });
  }),

  /** Removes an instrument entered by mistake (a revoked one stays, with its revocation date). */
  deleteInstrument: signedInProcedure.input(RecordRef).mutation(({ ctx, input }) => {
    const before = getTargetInstrument(ctx);
    const row = manageableTaskForce(ctx, "INSTRUMENT_NOT_FOUND");
    inTransaction(ctx, (tx) => {
      if (!deleteInstrument(tx.db, input)) throw new DomainError("STALE_VERSION");
      audit(tx, { action: "instrument.delete", outcome: "success", targetType: "task_force", targetId: row.id, details: { instrumentId: before.id, ...fieldsOf(before) } });
    });
    return { ok: true as const };
  }),

  /** Records a position held, with dates; a single seat cannot have two holders on the same day. */
  createMembership: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema, membership: MembershipSchema }).strict()).mutation(({ ctx, input }) => {
    const row = manageableTaskForce(ctx);
    return inTransaction(ctx, (tx) => {
      checkMembership(tx, row, input.membership);
      const id = insertMembership(tx.db, row.id, input.membership, ctx.now().getTime());
      audit(tx, { action: "membership.create", outcome: "success", targetType: "task_force", targetId: row.id, details: { membershipId: id, ...input.membership } });
      return findMembership(tx.db, id)!;
    });
  }),

  /** Changes a holding (e.g. sets the day it ended), from the version read. */
  updateMembership: signedInProcedure.input(RecordRef.extend({ membership: MembershipSchema }).strict()).mutation(({ ctx, input }) => {
    const before = getTargetMembership(ctx);
    const row = manageableTaskForce(ctx, "MEMBERSHIP_NOT_FOUND");
    return inTransaction(ctx, (tx) => {
      checkMembership(tx, row, input.membership, before.id);
      if (!updateMembership(tx.db, { id: before.id, version: input.version, fields: input.membership, now: ctx.now().getTime() })) throw new DomainError("STALE_VERSION");
      audit(tx, { action: "membership.update", outcome: "success", targetType: "task_force", targetId: row.id, details: { membershipId: before.id, ...diff(membershipFieldsOf(before), input.membership) } });
      return findMembership(tx.db, before.id)!;
    });
  }),

  /** Removes a holding entered by mistake (one that ended keeps its end date instead). */
  deleteMembership: signedInProcedure.input(RecordRef).mutation(({ ctx, input }) => {
    const before = getTargetMembership(ctx);
    const row = manageableTaskForce(ctx, "MEMBERSHIP_NOT_FOUND");
    inTransaction(ctx, (tx) => {
      if (!deleteMembership(tx.db, input)) throw new DomainError("STALE_VERSION");
      audit(tx, { action: "membership.delete", outcome: "success", targetType: "task_force", targetId: row.id, details: { membershipId: before.id, ...membershipFieldsOf(before) } });
    });
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
