/** A task force's composition: the positions held, with dates. */
import { deleteMembership, findMembership, insertMembership, listMemberships, updateMembership } from "@gugus/db";
import type { MembershipRow, TaskForceRow } from "@gugus/db";
import { AUDIT_ACTION_SHAPES, DomainError, MembershipSchema, TaskForceIdSchema, diffDetails, findSeatOverlaps } from "@gugus/domain";
import type { Membership } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../../audit.ts";
import { getTargetMembership } from "../../scope.ts";
import { signedInProcedure } from "../../trpc.ts";
import { RecordRef, localToday, getManageableTaskForce } from "./shared.ts";
import type { Ctx } from "./shared.ts";

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
/** The holding's fields the audit log labels (the official's name and office are part of the record). */
const AUDITED_FIELDS = AUDIT_ACTION_SHAPES["membership.update"]!.fields;

export const membershipsRouter = {
  /** Records a position held, with dates; a single seat cannot have two holders on the same day. */
  createMembership: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema, membership: MembershipSchema }).strict()).mutation(({ ctx, input }) => {
    const row = getManageableTaskForce(ctx);
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
    const row = getManageableTaskForce(ctx, "MEMBERSHIP_NOT_FOUND");
    return inTransaction(ctx, (tx) => {
      checkMembership(tx, row, input.membership, before.id);
      if (!updateMembership(tx.db, { id: before.id, version: input.version, fields: input.membership, now: ctx.now().getTime() })) throw new DomainError("STALE_VERSION");
      audit(tx, { action: "membership.update", outcome: "success", targetType: "task_force", targetId: row.id, details: {
          membershipId: before.id,
          // The seat as it now stands names the change ("changed the chair of …").
          position: input.membership.position,
          ...diffDetails(membershipFieldsOf(before), input.membership, AUDITED_FIELDS),
        },
      });
      return findMembership(tx.db, before.id)!;
    });
  }),

  /** Removes a holding entered by mistake (one that ended keeps its end date instead). */
  deleteMembership: signedInProcedure.input(RecordRef).mutation(({ ctx, input }) => {
    const before = getTargetMembership(ctx);
    const row = getManageableTaskForce(ctx, "MEMBERSHIP_NOT_FOUND");
    inTransaction(ctx, (tx) => {
      if (!deleteMembership(tx.db, input)) throw new DomainError("STALE_VERSION");
      audit(tx, { action: "membership.delete", outcome: "success", targetType: "task_force", targetId: row.id, details: { membershipId: before.id, ...membershipFieldsOf(before) } });
    });
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
