/**
 * A report's workflow: `draft → submitted → approved`, or `submitted → returned → submitted`; an
 * approved report is locked until its reviewer (or a level above) reopens it. Returning and
 * reopening need a written reason. A regency/city's report is reviewed by its province's task
 * force, a province's by the national task force, and the national task force's own report by a
 * central admin other than the one who submitted it.
 */
import { z } from "zod";
import type { DomainErrorCode } from "../errors.ts";
import { NATIONAL_PLACE, isWithin, parentPlaceOf } from "../hierarchy/levels.ts";
import type { TaskForcePlace } from "../hierarchy/levels.ts";
import { hasCapability } from "../accounts/roles.ts";
import type { Actor } from "../accounts/roles.ts";
import { withoutPersonalIdentifiers } from "../privacy.ts";
import { normalizeText } from "../text.ts";

/** A report's statuses: draft, submitted, returned (to the reporter), approved (locked), reopened. */
export const REPORT_STATUSES = ["draft", "submitted", "returned", "approved", "reopened"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
/** A report status. */
export const ReportStatusSchema = z.enum(REPORT_STATUSES, { error: "VALIDATION_FAILED" });

/** The steps of the workflow: submit, approve, return (with a reason), reopen (with a reason). */
export const REPORT_ACTIONS = ["submit", "approve", "return", "reopen"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];
/** A workflow step. */
export const ReportActionSchema = z.enum(REPORT_ACTIONS, { error: "VALIDATION_FAILED" });

/** Which status each action leads to, from the statuses it may be taken in. */
const TRANSITIONS: Readonly<Record<ReportAction, Partial<Record<ReportStatus, ReportStatus>>>> = {
  submit: { draft: "submitted", returned: "submitted", reopened: "submitted" },
  approve: { submitted: "approved" },
  return: { submitted: "returned" },
  reopen: { approved: "reopened" },
};

/** The actions that need a written reason. */
export const ACTIONS_NEEDING_REASON: readonly ReportAction[] = ["return", "reopen"];

/** The status an action leads to from `status`, or null when the action is not allowed there. */
export function nextStatus(status: ReportStatus, action: ReportAction): ReportStatus | null {
  return TRANSITIONS[action][status] ?? null;
}

/** May the content be changed in this status? Draft, returned and reopened reports may; submitted and approved ones not. */
export function isEditable(status: ReportStatus): boolean {
  return status === "draft" || status === "returned" || status === "reopened";
}

/** A reason for returning or reopening: 5 to 2000 characters, REASON_REQUIRED otherwise; never an NIK or a phone number. */
export const ReasonSchema = withoutPersonalIdentifiers(
  z
    .string({ error: "REASON_REQUIRED" })
    .overwrite(normalizeText)
    .trim()
    .min(5, { error: "REASON_REQUIRED", abort: true })
    .max(2000, { error: "REASON_REQUIRED", abort: true }),
);

const samePlace = (a: TaskForcePlace, b: TaskForcePlace) => a.level === b.level && a.regionCode === b.regionCode;

/** The place of the task force that reviews a report made at `place`: a regency's province, a province's nation, the nation's itself. */
export function reviewerPlaceOf(place: TaskForcePlace): TaskForcePlace {
  return parentPlaceOf(place) ?? { ...NATIONAL_PLACE };
}

/** May the actor change the content of a report of this task force? Its own task force only, with `reports.edit`. */
export function mayEditReport(actor: Pick<Actor, "role" | "taskForceId">, reportTaskForceId: number): boolean {
  return actor.taskForceId === reportTaskForceId && hasCapability(actor.role, "reports.edit");
}

/** May the actor submit a report of this task force? Its own task force only, with `reports.submit`. */
export function maySubmitReport(actor: Pick<Actor, "role" | "taskForceId">, reportTaskForceId: number): boolean {
  return actor.taskForceId === reportTaskForceId && hasCapability(actor.role, "reports.submit");
}

/** The report as the review rules read it: where its task force sits, and who submitted it. */
export type ReviewedReport = { place: TaskForcePlace; submittedBy: number | null };

/**
 * Why the actor may not approve or return the report, as the error to raise, or null when it may:
 * FORBIDDEN without `reports.review`, REPORT_NOT_REVIEWER when the actor's task force is not the
 * report's reviewer, REPORT_SELF_APPROVAL when a central admin would review the national report it
 * submitted itself.
 */
export function reviewError(actor: Pick<Actor, "role" | "place"> & { userId: number }, report: ReviewedReport): DomainErrorCode | null {
  if (!hasCapability(actor.role, "reports.review")) return "FORBIDDEN";
  if (!samePlace(actor.place, reviewerPlaceOf(report.place))) return "REPORT_NOT_REVIEWER";
  if (report.place.level === "national" && actor.userId === report.submittedBy) return "REPORT_SELF_APPROVAL";
  return null;
}

/** May the actor approve or return the report? See {@link reviewError}. */
export function mayReviewReport(actor: Pick<Actor, "role" | "place"> & { userId: number }, report: ReviewedReport): boolean {
  return reviewError(actor, report) === null;
}

/** Why the actor may not reopen an approved report (FORBIDDEN, REPORT_NOT_REVIEWER), or null when it may: the reviewer or any level above it. */
export function reopenError(actor: Pick<Actor, "role" | "place">, report: Pick<ReviewedReport, "place">): DomainErrorCode | null {
  if (!hasCapability(actor.role, "reports.review")) return "FORBIDDEN";
  return isWithin(reviewerPlaceOf(report.place), actor.place) ? null : "REPORT_NOT_REVIEWER";
}

/** May the actor reopen the approved report? Its reviewer or a level above, with `reports.review`. */
export function mayReopenReport(actor: Pick<Actor, "role" | "place">, report: Pick<ReviewedReport, "place">): boolean {
  return reopenError(actor, report) === null;
}
