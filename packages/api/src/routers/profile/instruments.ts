/** A task force's formation: its establishment instruments, entered by hand. */
import { deleteInstrument, findInstrument, findTaskForce, insertInstrument, listInstruments, updateInstrument } from "@gugus/db";
import type { InstrumentRow, TaskForceRow } from "@gugus/db";
import { AUDIT_ACTION_SHAPES, DomainError, InstrumentSchema, TaskForceIdSchema, checkInstrumentForTaskForce, diffDetails, matchRecordedInstrument } from "@gugus/domain";
import type { Instrument } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../../audit.ts";
import { getTargetInstrument } from "../../scope.ts";
import { signedInProcedure } from "../../trpc.ts";
import { RecordRef, localToday, getManageableTaskForce } from "./shared.ts";
import type { Ctx } from "./shared.ts";

/** The domain's instrument rules against the task force and those it already has; the first problem is thrown. */
function checkInstrument(ctx: Ctx, row: TaskForceRow, i: Instrument, exceptId?: number): void {
  const [problem] = checkInstrumentForTaskForce(i, { level: row.level, kind: row.kind, today: localToday(ctx, row), existedOnIssueDate: findTaskForce(ctx.db, row.id, i.issuedOn) !== undefined });
  if (problem) throw new DomainError(problem.code, problem.details);
  if (matchRecordedInstrument(i, listInstruments(ctx.db, row.id), { exact: true, ...(exceptId === undefined ? {} : { exceptId }) }).verdict !== "new") throw new DomainError("INSTRUMENT_DUPLICATE");
}

const fieldsOf = (r: InstrumentRow): Instrument => ({ type: r.type, number: r.number, issuedOn: r.issuedOn, issuer: r.issuer, documentRef: r.documentRef, endsOn: r.endsOn, revokedOn: r.revokedOn });

export const instrumentsRouter = {
  /** Records an establishment instrument. Its type must fit the task force, its date must have come, its number be new. */
  createInstrument: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema, instrument: InstrumentSchema }).strict()).mutation(({ ctx, input }) => {
    const row = getManageableTaskForce(ctx);
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
    const row = getManageableTaskForce(ctx, "INSTRUMENT_NOT_FOUND");
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
      audit(tx, { action: "instrument.update", outcome: "success", targetType: "task_force", targetId: row.id, details: {
          instrumentId: before.id,
          // The instrument as it now reads names the change ("changed the instrument Perwali 12/2017 of …").
          type: input.instrument.type,
          number: input.instrument.number,
          ...diffDetails(fieldsOf(before), input.instrument, AUDIT_ACTION_SHAPES["instrument.update"]!.fields),
        },
      });
      return findInstrument(tx.db, before.id)!;
    });
  }),

  /** Removes an instrument entered by mistake (a revoked one stays, with its revocation date). */
  deleteInstrument: signedInProcedure.input(RecordRef).mutation(({ ctx, input }) => {
    const before = getTargetInstrument(ctx);
    const row = getManageableTaskForce(ctx, "INSTRUMENT_NOT_FOUND");
    inTransaction(ctx, (tx) => {
      if (!deleteInstrument(tx.db, input)) throw new DomainError("STALE_VERSION");
      audit(tx, { action: "instrument.delete", outcome: "success", targetType: "task_force", targetId: row.id, details: { instrumentId: before.id, ...fieldsOf(before) } });
    });
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
