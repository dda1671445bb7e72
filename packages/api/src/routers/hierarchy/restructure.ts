/** Restructurings: the successions on record, and recording a new one. */
import { applyChangeSet, listSuccessions, readHierarchyState } from "@gugus/db";
import { RestructurePlanSchema, dayBefore, planRestructuring, regionNameAt } from "@gugus/domain";
import type { HierarchyState, RestructurePlan } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../../audit.ts";
import { signedInProcedure } from "../../trpc.ts";

/** A rename's name and a recode's code before → after, for the audit log. */
function beforeAfterOf(plan: RestructurePlan, state: HierarchyState): Record<string, string> {
  if (plan.kind === "rename") {
    const region = state.regions.find((r) => r.code === plan.code);
    const before = region ? regionNameAt(region, state.successions, dayBefore(plan.effectiveDate)) : null;
    return before === null ? {} : { "name.before": before, "name.after": plan.newName };
  }
  if (plan.kind === "recode") return { "code.before": plan.oldCode, "code.after": plan.newCode };
  return {};
}

export const restructureRouter = {
  /** The restructurings on record (newest first): splits, recodes, merges and renames. */
  successions: signedInProcedure.query(({ ctx }) => listSuccessions(ctx.db)),

  /**
   * Records a restructuring (a split, a merge, a recode or a rename), usually ahead of its effective
   * date. Task forces keep their ids; history stays. Central admins only.
   */
  restructure: signedInProcedure.input(z.object({ plan: RestructurePlanSchema }).strict()).mutation(({ ctx, input }) => {
    const plan = input.plan;
    const result = inTransaction(ctx, (tx) => {
      const state = readHierarchyState(tx.db);
      const change = planRestructuring(plan, state);
      const created = applyChangeSet(tx.db, change, { by: ctx.user.id });
      audit(tx, {
        action: "hierarchy.restructure",
        outcome: "success",
        targetType: "region",
        targetId: plan.kind === "merge" ? plan.sourceCodes.join(",") : plan.kind === "rename" ? plan.code : plan.kind === "split" ? plan.sourceCode : plan.oldCode,
        details: {
          kind: plan.kind,
          effectiveDate: plan.effectiveDate,
          legalBasis: plan.legalBasis,
          successions: change.successions.map((s) => `${s.oldCode}→${s.newCode} (${s.type})`).join("; "),
          newTaskForces: created.join(","),
          // What a reader sees changed: a rename's name, a recode's code, before → after.
          ...beforeAfterOf(plan, state),
        },
      });
      return { change, created };
    });
    return { successions: result.change.successions, newTaskForceIds: result.created };
  }),
} satisfies TRPCRouterRecord;
