/** A period's action items: adding, changing and deleting one, with its yearly targets. */
import { deleteActionItem, findActionItem, insertActionItem, listFollowers, listRanPeriods, updateActionItem } from "@gugus/db";
// Regional action plans (RAD)
import { countRadFollowers } from "@gugus/db";
import type { Db, RanPeriodRow } from "@gugus/db";
import { ActionItemSchema, DomainError, PeriodNumberSchema, VersionSchema, checkActionItem, mayFollow } from "@gugus/domain";
import type { ActionItem } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../../audit.ts";
import { signedInProcedure } from "../../trpc.ts";
import { diff, getPeriod } from "./shared.ts";

const ItemIdSchema = z.number().int().positive();

/**
 * An item's rules against its period; the first problem is thrown with the field it concerns. The
 * item it follows must be in the same period and may be followed; on a change, the items already
 * following it must still be allowed to.
 */
function assertItemValid(db: Db, period: RanPeriodRow, item: ActionItem, selfId?: number) {
  const [problem] = checkActionItem(item, period);
  if (problem) throw new DomainError(problem.code as "TARGET_NEGATIVE", { path: problem.path });
  if (item.followsItemId !== null) {
    const followed = findActionItem(db, item.followsItemId);
    if (!followed || followed.periodId !== period.id || !mayFollow(item, followed)) throw new DomainError("ITEM_FOLLOWS_INVALID", { path: "followsItemId" });
  }
  if (selfId !== undefined) {
    const stranded = listFollowers(db, selfId).find((f) => !mayFollow(f, item));
    if (stranded) throw new DomainError("ITEM_FOLLOWED_BY", { code: stranded.code });
  }
  // Regional action plans (RAD): their items follow a RAN item of their level and sub-task-force.
  if (selfId !== undefined) {
    const before = findActionItem(db, selfId)!;
    if ((before.level !== item.level || before.subTaskForce !== item.subTaskForce) && countRadFollowers(db, selfId) > 0) throw new DomainError("ITEM_FOLLOWED_BY", { code: "RAD" });
  }
}

/** What the audit log keeps of an item: its code, level, unit and targets ("2030:10, 2031:12"). */
function itemSummary(item: Pick<ActionItem, "code" | "level" | "unit" | "targetMode" | "targets">): Record<string, string> {
  return { code: item.code, level: item.level, unit: item.unit, targetMode: item.targetMode, targets: item.targets.map((t) => `${t.year}:${t.value}`).join(", ") };
}

export const itemsRouter = {
  /** Adds an action item with its yearly targets. */
  createItem: signedInProcedure.input(z.object({ number: PeriodNumberSchema, item: ActionItemSchema }).strict()).mutation(({ ctx, input }) => {
    const id = inTransaction(ctx, (tx) => {
      // The period is read in the same transaction as the write: its years cannot change in between.
      const period = getPeriod(tx.db, input.number);
      assertItemValid(tx.db, period, input.item);
      const created = insertActionItem(tx.db, period.id, input.item, ctx.now().getTime());
      if (created === undefined) throw new DomainError("ITEM_CODE_TAKEN", { code: input.item.code });
      audit(tx, { action: "ran.item_create", outcome: "success", targetType: "action_item", targetId: created, details: { period: input.number, ...itemSummary(input.item) } });
      return created;
    });
    return findActionItem(ctx.db, id)!;
  }),

  /** Changes an action item, from the version read. */
  updateItem: signedInProcedure.input(z.object({ id: ItemIdSchema, version: VersionSchema, item: ActionItemSchema }).strict()).mutation(({ ctx, input }) => {
    const id = inTransaction(ctx, (tx) => {
      const before = findActionItem(tx.db, input.id);
      if (!before) throw new DomainError("ITEM_NOT_FOUND");
      const period = listRanPeriods(tx.db).find((p) => p.id === before.periodId)!;
      assertItemValid(tx.db, period, input.item, before.id);
      let ok: boolean;
      try {
        ok = updateActionItem(tx.db, { id: before.id, version: input.version, item: input.item, now: ctx.now().getTime() });
      } catch (error) {
        if (error instanceof Error && /UNIQUE/.test(error.message)) throw new DomainError("ITEM_CODE_TAKEN", { code: input.item.code });
        throw error;
      }
      if (!ok) throw new DomainError("STALE_VERSION");
      audit(tx, { action: "ran.item_update", outcome: "success", targetType: "action_item", targetId: before.id, details: { period: period.number, code: before.code, ...diff("ran.item_update", before, findActionItem(tx.db, before.id)!) } });
      return before.id;
    });
    return findActionItem(ctx.db, id)!;
  }),

  /** Deletes an action item (items following it stop pointing at it). */
  deleteItem: signedInProcedure.input(z.object({ id: ItemIdSchema, version: VersionSchema }).strict()).mutation(({ ctx, input }) => {
    inTransaction(ctx, (tx) => {
      const before = findActionItem(tx.db, input.id);
      if (!before) throw new DomainError("ITEM_NOT_FOUND");
      const followers = listFollowers(tx.db, before.id).map((f) => f.code);
      // Regional action plans (RAD): a RAN item that RAD items follow stays until they follow another.
      if (countRadFollowers(tx.db, before.id) > 0) throw new DomainError("ITEM_FOLLOWED_BY", { code: "RAD" });
      if (!deleteActionItem(tx.db, input)) throw new DomainError("STALE_VERSION");
      audit(
        tx,
        {
          action: "ran.item_delete",
          outcome: "success",
          targetType: "action_item",
          targetId: before.id,
          details: { ...itemSummary(before), indicator: before.indicator.slice(0, 200), unlinked: followers.join(", ").slice(0, 500) },
        },
      );
    });
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
