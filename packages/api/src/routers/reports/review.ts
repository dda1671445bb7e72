/**
 * Review up the hierarchy: approving, returning (with a reason the reporter sees) and reopening (with a
 * reason) a report, and the queue of reports a task force reviews. Each transition checks the domain's
 * review rules, keeps the version it acts on, records who, when (UTC and local time) and why, notifies
 * the reporting task force, and is audited — all in one transaction.
 */
import { findTaskForce, insertNotification, insertReportEvent, insertReportVersion, listReportsForPeriod, updateReportStatus } from "@gugus/db";
import type { ReportRow, TaskForceRow } from "@gugus/db";
import { DomainError, PeriodKeySchema, ReasonSchema, VersionSchema, localTimeLabel, nextStatus, reopenError, reviewError } from "@gugus/domain";
import type { DomainErrorCode, ReportAction } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../../audit.ts";
import { todayOf } from "../../clock.ts";
import { getTargetReport, getTargetTaskForce } from "../../scope.ts";
import { signedInProcedure } from "../../trpc.ts";
import { reviewedTaskForces } from "./review-shared.ts";
import { activeExceptionsOf, choosePeriod, periodInfo, reportSummary, taskForceRef, zoneOf } from "./shared.ts";
import type { Ctx } from "./shared.ts";

const ReviewRef = z.object({ reportId: z.number().int().positive(), version: VersionSchema }).strict();
const WithReason = ReviewRef.extend({ reason: ReasonSchema }).strict();

/** Refuses, audited, when the domain says the caller may not take this step on the report. */
function assertMay(ctx: Ctx, row: ReportRow, tf: TaskForceRow, action: Exclude<ReportAction, "submit">): void {
  const place = { level: tf.level, regionCode: tf.regionCode };
  const problem: DomainErrorCode | null =
    action === "reopen" ? reopenError(ctx.user.actor, { place }) : reviewError({ ...ctx.user.actor, userId: ctx.user.id }, { place, submittedBy: row.submittedBy });
  if (problem) {
    audit(ctx, { action: "access.denied", outcome: "denied", targetType: "report", targetId: row.id, details: { reason: problem, step: action } });
    throw new DomainError(problem);
  }
}

const KIND_OF = { approve: "approved", return: "returned", reopen: "reopened" } as const;

/** Takes a review step on the resolved report, from the version the reviewer read. */
function transition(ctx: Ctx, input: { version: number; reason?: string }, action: Exclude<ReportAction, "submit">) {
  const row = getTargetReport(ctx);
  const tf = getTargetTaskForce(ctx);
  assertMay(ctx, row, tf, action);
  const now = ctx.now().getTime();
  return inTransaction(ctx, (tx) => {
    if (row.version !== input.version) throw new DomainError("STALE_VERSION");
    const to = nextStatus(row.status, action);
    if (to === null) throw new DomainError("REPORT_TRANSITION_NOT_ALLOWED", { from: row.status, action });
    const approving = action === "approve";
    if (!updateReportStatus(tx.db, { id: row.id, version: row.version, status: to, now, userId: ctx.user.id, ...(approving ? { approvedAt: now, approvedBy: ctx.user.id } : {}) })) {
      throw new DomainError("STALE_VERSION");
    }
    if (approving) insertReportVersion(tx.db, { reportId: row.id, kind: "approved", reportVersion: row.version + 1, content: row.content, at: now, userId: ctx.user.id });
    const localTime = localTimeLabel(new Date(now), zoneOf(tf));
    const reason = input.reason ?? null;
    insertReportEvent(tx.db, { reportId: row.id, action, fromStatus: row.status, toStatus: to, actorUserId: ctx.user.id, at: now, localTime, reason });
    insertNotification(tx.db, { taskForceId: tf.id, kind: KIND_OF[action], reportId: row.id, periodKey: row.periodKey, reason, now });
    audit(tx, { action: `report.${action}`, outcome: "success", targetType: "report", targetId: row.id, details: { taskForceId: tf.id, periodKey: row.periodKey, from: row.status, to, localTime, ...(reason ? { reason } : {}) } });
    return { status: to, version: row.version + 1 };
  });
}

export const reviewRouter = {
  /** Approves a submitted report: it is locked, and this version is kept for good. */
  approve: signedInProcedure.input(ReviewRef).mutation(({ ctx, input }) => transition(ctx, input, "approve")),
  /** Sends a submitted report back to its task force with a written reason, which the reporter sees. */
  return: signedInProcedure.input(WithReason).mutation(({ ctx, input }) => transition(ctx, input, "return")),
  /** Opens an approved report for editing again, with a reason; the approved version stays readable until the next approval. */
  reopen: signedInProcedure.input(WithReason).mutation(({ ctx, input }) => transition(ctx, input, "reopen")),

  /**
   * The reports the caller's task force reviews for a reporting period (by default the latest one that has
   * ended): a province's regencies/cities; at the centre, the provinces and the national report. Submitted
   * ones first.
   */
  reviewQueue: signedInProcedure.input(z.object({ periodKey: PeriodKeySchema.optional() }).strict().default({})).query(({ ctx, input }) => {
    const today = todayOf(ctx);
    const { chosen, periodKeys } = choosePeriod(ctx, input.periodKey);
    if (!chosen) return { periodKey: null, periodKeys, rows: [] };
    const own = findTaskForce(ctx.db, ctx.user.taskForceId, today);
    if (!own) return { periodKey: chosen.key, periodKeys, rows: [] };
    const at = chosen.end < today ? chosen.end : today;
    const reviewed = reviewedTaskForces(ctx, own, at);
    const reports = new Map(listReportsForPeriod(ctx.db, { periodKey: chosen.key, taskForceIds: reviewed.map((t) => t.id) }).map((r) => [r.taskForceId, r]));
    const ORDER = { submitted: 0, returned: 1, reopened: 2, draft: 3, approved: 4 } as const;
    const exceptions = activeExceptionsOf(ctx.db, chosen.key);
    const rows = reviewed
      .map((tf) => {
        const r = reports.get(tf.id);
        return { taskForce: taskForceRef(tf), period: periodInfo(ctx, chosen, tf, exceptions), report: r ? reportSummary(r) : null };
      })
      .sort((a, b) => (a.report ? ORDER[a.report.status] : 5) - (b.report ? ORDER[b.report.status] : 5));
    return { periodKey: chosen.key, periodKeys, rows };
  }),
} satisfies TRPCRouterRecord;
