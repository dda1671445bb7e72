/**
 * What the review screens read from the API (`reports.*`, `notifications.*`), named by what they are,
 * and what a review step makes stale.
 */
import type { RouterOutputs } from "@gugus/api";
import type { QueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../trpc.tsx";

type Trpc = ReturnType<typeof useTRPC>;

/** `reports.get`: one report as its reporter and its reviewer see it. */
export type ReportView = RouterOutputs["reports"]["get"];
export type TaskForceRef = ReportView["taskForce"];
export type ZoneCode = TaskForceRef["zone"];
export type Level = TaskForceRef["level"];
export type ReportItem = ReportView["items"][number];
export type ReportProblem = ReportView["checks"]["errors"][number];
export type Completeness = ReportView["completeness"];
export type SectionState = Completeness["sections"][number]["state"];
export type PeriodInfo = ReportView["period"];
export type EntryState = PeriodInfo["entryState"];
export type ReportSummary = NonNullable<RouterOutputs["reports"]["list"]["periods"][number]["report"]>;
export type ReportEvent = ReportView["events"][number];
export type ReportChange = ReportView["changes"][number];

/** `reports.reviewQueue`: the reports the caller reviews for a period. */
export type ReviewQueueView = RouterOutputs["reports"]["reviewQueue"];
export type QueueRow = ReviewQueueView["rows"][number];

/** `reports.rate`: the reporting rate of a period, overall, per level and per province. */
export type RateView = RouterOutputs["reports"]["rate"];
export type RateRow = NonNullable<RateView["overall"]>;

export type ExceptionRow = RouterOutputs["reports"]["exceptions"][number];

export type NotificationsView = RouterOutputs["notifications"]["list"];
export type NotificationItem = NotificationsView["items"][number];
export type NotificationKind = NotificationItem["kind"];

/** The tRPC procedures (kept as one name so the screens read as before). */
export function useReviewApi(): Trpc {
  return useTRPC();
}

/** A report's status changed, or an exception: every report view, queue and rate, the notifications and the audit log. */
export async function invalidateReports(queryClient: QueryClient, api: Trpc): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries(api.reports.pathFilter()),
    queryClient.invalidateQueries(api.notifications.pathFilter()),
    queryClient.invalidateQueries(api.audit.pathFilter()),
  ]);
}
