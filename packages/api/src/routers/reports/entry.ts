/** A task force's own reports: the list by period, one report with its checks, saving a draft, submitting it. */
import {
  findReport,
  findReportState,
  findUserById,
  insertNotification,
  insertReport,
  insertReportEvent,
  insertReportVersion,
  latestReportVersion,
  listReportEvents,
  listReportVersions,
  listReportsOfTaskForce,
  updateReportContent,
  updateReportStatus,
} from "@gugus/db";
import type { ReportRow, TaskForceRow } from "@gugus/db";
import {
  DomainError,
  PeriodKeySchema,
  ReportContentSchema,
  TaskForceIdSchema,
  VersionSchema,
  checkReport,
  diffReportContent,
  emptyReportContent,
  entryState,
  isEditable,
  isEntryAllowed,
  isOnTime,
  localTimeLabel,
  mayEditReport,
  maySubmitReport,
  nextStatus,
  reopenError,
  reportCompleteness,
  reviewError,
  reviewerPlaceOf,
  todayAt,
  unacknowledgedWarnings,
} from "@gugus/domain";
import type { ReportContent } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../../audit.ts";
import { todayOf } from "../../clock.ts";
import { getTargetTaskForce } from "../../scope.ts";
import { signedInProcedure } from "../../trpc.ts";
import { getOwnTaskForce, getReportingPeriod, itemsOfYear, listReportingPeriods, periodInfo, previousPeriodKey, reportSummary, taskForceRef, zoneOf } from "./shared.ts";
import type { Ctx, RanReportingPeriod } from "./shared.ts";
import { reviewerTaskForceOf } from "./review-shared.ts";
// Regional action plans (RAD)
import { radItemsOfYear } from "./rad-items.ts";

/** Warnings the reporter has checked: their stable keys. */
const AcknowledgedSchema = z.array(z.string().max(300)).max(500).default([]);
const ReportRef = z.object({ taskForceId: TaskForceIdSchema, periodKey: PeriodKeySchema }).strict();

/** The checks of a content against its period, items and last year's report. */
function checksOf(ctx: Ctx, tf: TaskForceRow, rp: RanReportingPeriod, content: ReportContent) {
  const items = itemsOfYear(ctx, rp, tf);
  const previous = findReport(ctx.db, { taskForceId: tf.id, periodKey: previousPeriodKey(rp.key) });
  const previousContent = previous?.content ?? null;
  const checks = checkReport(content, { items, year: rp.year, previous: previousContent, periodKnown: true });
  const completeness = reportCompleteness(content, { itemIds: items.map((i) => i.id) });
  return { items, checks, completeness, previousContent };
}

/** Entry must be open (or held open by an exception) for the report's content to change. */
function assertEntryOpen(ctx: Ctx, rp: RanReportingPeriod, tf: TaskForceRow): void {
  // Open by the calendar alone: no exception can matter, none is looked up.
  if (entryState(rp, zoneOf(tf), ctx.now(), null) === "open") return;
  const info = periodInfo(ctx, rp, tf);
  if (!isEntryAllowed(info.entryState)) throw new DomainError("REPORT_ENTRY_CLOSED", { periodKey: rp.key, state: info.entryState });
}

/** A report's content may change only in draft, returned or reopened: a submitted or approved one is locked. */
function assertEditable(row: Pick<ReportRow, "status">): void {
  if (!isEditable(row.status)) throw new DomainError("REPORT_LOCKED", { status: row.status });
}

const nameOf = (ctx: Ctx, id: number | null) => (id === null ? null : (findUserById(ctx.db, id, todayOf(ctx))?.name ?? null));

export const entryRouter = {
  /** The task force's reporting periods that have begun, newest first, each with its deadlines in the task force's zone and its report's status. */
  list: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema }).strict()).query(({ ctx, input: _input }) => {
    const tf = getTargetTaskForce(ctx);
    const today = todayAt(ctx.now(), tf.regionCode);
    const reports = new Map(listReportsOfTaskForce(ctx.db, tf.id).map((r) => [r.periodKey, r]));
    const periods = listReportingPeriods(ctx)
      .filter((rp) => rp.start <= today)
      .reverse()
      .map((rp) => {
        const r = reports.get(rp.key);
        return { ...periodInfo(ctx, rp, tf), report: r ? reportSummary(r) : null };
      });
    return { taskForce: taskForceRef(tf), periods };
  }),

  /**
   * One report with all a reporter or reviewer needs: its content (or an empty one), the action items of
   * its year with their targets, the checks and completeness, what changed since the previous submission,
   * the last approved version while a reopened one is worked on, its history, and what the caller may do.
   */
  get: signedInProcedure.input(ReportRef).query(({ ctx, input }) => {
    const tf = getTargetTaskForce(ctx);
    const rp = getReportingPeriod(ctx, input.periodKey);
    const row = findReport(ctx.db, { taskForceId: tf.id, periodKey: rp.key });
    const content = row?.content ?? emptyReportContent();
    const { items, checks, completeness, previousContent } = checksOf(ctx, tf, rp, content);
    const period = periodInfo(ctx, rp, tf);
    const zone = zoneOf(tf);
    const approved = row && row.status !== "approved" ? latestReportVersion(ctx.db, row.id, "approved") : undefined;
    const submitted = row ? listReportVersions(ctx.db, row.id).filter((v) => v.kind === "submitted") : [];
    // A submitted report is compared with the submission before it; one being edited with its last submission.
    const base = row?.status === "submitted" ? submitted.at(-2) : submitted.at(-1);
    const changes = base ? diffReportContent(base.content, content) : [];
    const place = { level: tf.level, regionCode: tf.regionCode };
    const actor = { ...ctx.user.actor, userId: ctx.user.id };
    const open = isEntryAllowed(period.entryState);
    return {
      taskForce: taskForceRef(tf),
      period,
      report: row
        ? {
            ...reportSummary(row),
            lastSubmittedAt: row.lastSubmittedAt === null ? null : new Date(row.lastSubmittedAt).toISOString(),
            updatedAt: row.updatedAt === null ? null : new Date(row.updatedAt).toISOString(),
            updatedByName: nameOf(ctx, row.updatedBy),
            acknowledged: row.acknowledged,
          }
        : null,
      content,
      items,
      /** The task force's RAD items of the year's period, each with the RAN item it follows and the year's target (read-only; none at the national task force). */
      radItems: radItemsOfYear(ctx, tf, rp),
      /** Last year's report content: what the checks compare with (the form runs the same checks as you type). */
      previousContent,
      checks,
      completeness,
      lastApproved: approved ? { content: approved.content, at: new Date(approved.at).toISOString(), byName: nameOf(ctx, approved.byUserId) } : null,
      changes,
      events: row
        ? listReportEvents(ctx.db, row.id).map((e) => ({
            action: e.action,
            fromStatus: e.fromStatus,
            toStatus: e.toStatus,
            actorName: e.actorName,
            at: new Date(e.at).toISOString(),
            localTime: localTimeLabel(new Date(e.at), zone),
            reason: e.reason,
          }))
        : [],
      may: {
        edit: open && mayEditReport(ctx.user.actor, tf.id) && (!row || isEditable(row.status)),
        submit: open && maySubmitReport(ctx.user.actor, tf.id) && row !== undefined && isEditable(row.status),
        review: row?.status === "submitted" && reviewError(actor, { place, submittedBy: row.submittedBy }) === null,
        reopen: row?.status === "approved" && reopenError(actor, { place }) === null,
      },
    };
  }),

  /**
   * Saves the draft as typed, from the version it started from (0 before the first save): a stale save
   * is STALE_VERSION and changes nothing. Refused once submitted or approved, and after entry closes.
   */
  save: signedInProcedure
    .input(ReportRef.extend({ baseVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), content: ReportContentSchema, acknowledged: AcknowledgedSchema }).strict())
    .mutation(({ ctx, input }) => {
      const tf = getOwnTaskForce(ctx, "edit");
      const rp = getReportingPeriod(ctx, input.periodKey);
      assertEntryOpen(ctx, rp, tf);
      const { checks, completeness } = checksOf(ctx, tf, rp, input.content);
      const now = ctx.now().getTime();
      return inTransaction(ctx, (tx) => {
        const row = findReportState(tx.db, { taskForceId: tf.id, periodKey: rp.key });
        let id: number;
        let version: number;
        if (!row) {
          if (input.baseVersion !== 0) throw new DomainError("STALE_VERSION");
          const created = insertReport(tx.db, {
            taskForceId: tf.id,
            periodId: rp.periodId,
            periodKey: rp.key,
            content: input.content,
            acknowledged: input.acknowledged,
            completeness: completeness.ratio,
            now,
            userId: ctx.user.id,
          });
          if (!created) throw new DomainError("STALE_VERSION");
          id = created.id;
          version = created.version;
          insertReportEvent(tx.db, { reportId: id, action: "create", fromStatus: null, toStatus: "draft", actorUserId: ctx.user.id, at: now, localTime: localTimeLabel(new Date(now), zoneOf(tf)), reason: null });
        } else {
          assertEditable(row);
          if (row.version !== input.baseVersion) throw new DomainError("STALE_VERSION");
          if (!updateReportContent(tx.db, { id: row.id, version: row.version, content: input.content, acknowledged: input.acknowledged, completeness: completeness.ratio, now, userId: ctx.user.id })) {
            throw new DomainError("STALE_VERSION");
          }
          id = row.id;
          version = row.version + 1;
        }
        audit(tx, { action: "report.save", outcome: "success", targetType: "report", targetId: id, details: { taskForceId: tf.id, periodKey: rp.key, version } });
        return { reportId: id, version, updatedAt: new Date(now).toISOString(), checks, completeness };
      });
    }),

  /**
   * Submits the report for review: no errors may remain and every warning must be acknowledged. The first
   * submission decides timeliness — before the due date ends at local midnight, by the server's clock.
   * Every submission keeps its version; the reviewing task force is notified.
   */
  submit: signedInProcedure.input(ReportRef.extend({ version: VersionSchema, acknowledged: AcknowledgedSchema }).strict()).mutation(({ ctx, input }) => {
    const tf = getOwnTaskForce(ctx, "submit");
    const rp = getReportingPeriod(ctx, input.periodKey);
    assertEntryOpen(ctx, rp, tf);
    const now = ctx.now();
    return inTransaction(ctx, (tx) => {
      const row = findReport(tx.db, { taskForceId: tf.id, periodKey: rp.key });
      if (!row) throw new DomainError("REPORT_NOT_FOUND");
      if (row.version !== input.version) throw new DomainError("STALE_VERSION");
      const to = nextStatus(row.status, "submit");
      if (to === null) throw new DomainError("REPORT_TRANSITION_NOT_ALLOWED", { from: row.status, action: "submit" });
      const { checks } = checksOf(ctx, tf, rp, row.content);
      if (checks.errors.length > 0) throw new DomainError("REPORT_HAS_ERRORS", { count: checks.errors.length });
      if (unacknowledgedWarnings(checks.warnings, input.acknowledged).length > 0) throw new DomainError("REPORT_WARNINGS_UNACKNOWLEDGED");
      const first = row.firstSubmittedAt === null;
      const onTime = first ? isOnTime(now, rp, zoneOf(tf)) : row.onTime;
      const changed = updateReportStatus(tx.db, {
        id: row.id,
        version: row.version,
        status: to,
        now: now.getTime(),
        userId: ctx.user.id,
        acknowledged: input.acknowledged,
        lastSubmittedAt: now.getTime(),
        submittedBy: ctx.user.id,
        ...(first ? { firstSubmittedAt: now.getTime(), onTime: onTime ?? false } : {}),
      });
      if (!changed) throw new DomainError("STALE_VERSION");
      insertReportVersion(tx.db, { reportId: row.id, kind: "submitted", reportVersion: row.version + 1, content: row.content, at: now.getTime(), userId: ctx.user.id });
      const localTime = localTimeLabel(now, zoneOf(tf));
      insertReportEvent(tx.db, { reportId: row.id, action: "submit", fromStatus: row.status, toStatus: to, actorUserId: ctx.user.id, at: now.getTime(), localTime, reason: null });
      const reviewer = reviewerTaskForceOf(tx, reviewerPlaceOf({ level: tf.level, regionCode: tf.regionCode }));
      if (reviewer) insertNotification(tx.db, { taskForceId: reviewer.id, kind: "submitted", reportId: row.id, periodKey: rp.key, reason: null, now: now.getTime() });
      audit(tx, { action: "report.submit", outcome: "success", targetType: "report", targetId: row.id, details: { taskForceId: tf.id, periodKey: rp.key, onTime, firstSubmission: first, localTime } });
      return { status: to, version: row.version + 1, onTime };
    });
  }),
} satisfies TRPCRouterRecord;
