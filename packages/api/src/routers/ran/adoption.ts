/**
 * Adopting a RAN period, and correcting or withdrawing an adoption. The dates an adoption can bear
 * are the domain's (`adoptionWindow`), against the national today; a correction or withdrawal
 * carries a written reason, kept in the audit row written in the same transaction as the change.
 */
import { listTargetYears, updatePeriod } from "@gugus/db";
import {
  AdoptionCorrectionSchema,
  AdoptionWithdrawalSchema,
  DomainError,
  PeriodAdoptionSchema,
  PeriodNumberSchema,
  VersionSchema,
  assertAdopted,
  assertAdoptionDate,
  assertDraft,
  todayAt,
  yearsLeftOut,
} from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../../audit.ts";
import { signedInProcedure } from "../../trpc.ts";
import { assertSetValid, diff, getPeriod, toPeriod } from "./shared.ts";

const PeriodRefSchema = z.object({ number: PeriodNumberSchema, version: VersionSchema });

export const adoptionRouter = {
  /** Adopts a draft period: the instrument and its date (which may come years after the first year, never after today). */
  adoptPeriod: signedInProcedure.input(PeriodRefSchema.extend(PeriodAdoptionSchema.shape).strict()).mutation(({ ctx, input }) => {
    inTransaction(ctx, (tx) => {
      const before = getPeriod(tx.db, input.number);
      assertDraft(before);
      assertAdoptionDate(before, input.adoptedOn, todayAt(ctx.now()));
      if (!updatePeriod(tx.db, { id: before.id, version: input.version, changes: { status: "adopted", instrument: input.instrument, adoptedOn: input.adoptedOn }, now: ctx.now().getTime() })) {
        throw new DomainError("STALE_VERSION");
      }
      audit(tx, { action: "ran.period_adopt", outcome: "success", targetType: "ran_period", targetId: input.number, details: { instrument: input.instrument, adoptedOn: input.adoptedOn } });
    });
    return toPeriod(getPeriod(ctx.db, input.number));
  }),

  /**
   * Corrects an adopted period's adoption, from the version read: its instrument, date and the years
   * the instrument sets (the only way an adopted period's years change). The years keep the rules of
   * the set of periods and every year holding a target; the date must fit the corrected years.
   */
  correctAdoption: signedInProcedure.input(AdoptionCorrectionSchema.safeExtend(PeriodRefSchema.shape)).mutation(({ ctx, input }) => {
    inTransaction(ctx, (tx) => {
      const before = getPeriod(tx.db, input.number);
      assertAdopted(before);
      if (before.version !== input.version) throw new DomainError("STALE_VERSION");
      const changes = { instrument: input.instrument, adoptedOn: input.adoptedOn, firstYear: input.firstYear, lastYear: input.lastYear };
      const changed = diff("ran.adoption_correct", before, changes);
      if (Object.keys(changed).length === 0) throw new DomainError("ADOPTION_UNCHANGED");
      assertAdoptionDate(input, input.adoptedOn, todayAt(ctx.now()));
      assertSetValid(tx.db, input);
      const left = yearsLeftOut(input, listTargetYears(tx.db, before.id));
      if (left.length > 0) throw new DomainError("PERIOD_SHRINKS_PAST_TARGETS", { years: left.join(", ") });
      if (!updatePeriod(tx.db, { id: before.id, version: input.version, changes, now: ctx.now().getTime() })) throw new DomainError("STALE_VERSION");
      audit(tx, { action: "ran.adoption_correct", outcome: "success", targetType: "ran_period", targetId: input.number, details: { reason: input.reason, ...changed } });
    });
    return toPeriod(getPeriod(ctx.db, input.number));
  }),

  /**
   * Withdraws an adopted period's adoption, from the version read: the period becomes a draft again
   * (its instrument and date are cleared, kept in the audit row with the reason), and its years are
   * editable again.
   */
  withdrawAdoption: signedInProcedure.input(AdoptionWithdrawalSchema.safeExtend(PeriodRefSchema.shape)).mutation(({ ctx, input }) => {
    inTransaction(ctx, (tx) => {
      const before = getPeriod(tx.db, input.number);
      assertAdopted(before);
      if (!updatePeriod(tx.db, { id: before.id, version: input.version, changes: { status: "draft", instrument: null, adoptedOn: null }, now: ctx.now().getTime() })) {
        throw new DomainError("STALE_VERSION");
      }
      audit(
        tx,
        { action: "ran.adoption_withdraw", outcome: "success", targetType: "ran_period", targetId: input.number, details: { reason: input.reason, instrument: before.instrument, adoptedOn: before.adoptedOn } },
      );
    });
    return toPeriod(getPeriod(ctx.db, input.number));
  }),
} satisfies TRPCRouterRecord;
