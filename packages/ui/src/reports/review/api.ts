/**
 * What the review screens read from and send to the API (`reports.*`, `notifications.*`): the
 * shapes of the procedures' outputs, and the typed tRPC procedures the screens call.
 */
import type { ReportContent, ReportStatus } from "@gugus/domain/reports";
import type { QueryClient, QueryFilters, QueryKey, UseMutationOptions, UseQueryOptions } from "@tanstack/react-query";
import { useTRPC } from "../../trpc.tsx";

export type ZoneCode = "WIB" | "WITA" | "WIT";
export type Level = "national" | "province" | "regency";

export type TaskForceRef = { id: number; name: string; level: Level; regionCode: string | null; zone: ZoneCode };

export type EntryState = "not_open" | "open" | "exception" | "closed";

export type PeriodInfo = {
  number: number;
  periodKey: string;
  year: number;
  semester: 1 | 2 | null;
  start: string;
  end: string;
  dueDate: string;
  closesOn: string;
  dueAt: string;
  closesAt: string;
  entryState: EntryState;
  exception: { until: string; reason: string } | null;
};

export type ReportSummary = { id: number; status: ReportStatus; version: number; firstSubmittedAt: string | null; onTime: boolean | null; completeness: number | null };

export type ReportProblem = { key: string; path: string; code: string; params?: Record<string, string | number> };

export type SectionState = "empty" | "partial" | "complete";

export type Completeness = { sections: { section: string; state: SectionState }[]; filled: number; total: number; ratio: number };

export type ReportItem = {
  id: number;
  code: string;
  subTaskForce: string;
  programme: string;
  activity: string;
  indicator: string;
  unit: string;
  targetMode: string;
  yearTarget: number | null;
  targetToDate: number | null;
};

export type ReportEvent = { action: "create" | "submit" | "approve" | "return" | "reopen"; fromStatus: string | null; toStatus: string; actorName: string | null; at: string; localTime: string; reason: string | null };

export type ReportChange = { path: string; before: unknown; after: unknown };

/** `reports.get`: one report as its reporter and its reviewer see it. */
export type ReportView = {
  taskForce: TaskForceRef;
  period: PeriodInfo;
  report: (ReportSummary & { lastSubmittedAt: string | null; updatedAt: string | null; updatedByName: string | null; acknowledged: string[] }) | null;
  content: ReportContent;
  items: ReportItem[];
  checks: { errors: ReportProblem[]; warnings: ReportProblem[] };
  completeness: Completeness;
  lastApproved: { content: ReportContent; at: string; byName: string | null } | null;
  changes: ReportChange[];
  events: ReportEvent[];
  may: { edit: boolean; submit: boolean; review: boolean; reopen: boolean };
};

export type QueueRow = { taskForce: TaskForceRef; period: PeriodInfo; report: ReportSummary | null };

/** `reports.reviewQueue`: the reports the caller reviews for a period. */
export type ReviewQueueView = { periodKey: string | null; periodKeys: string[]; rows: QueueRow[] };

export type RateRow = {
  expected: number;
  submitted: number;
  onTime: number;
  approved: number;
  returned: number;
  unexpected: number;
  percent: { submitted: number | null; onTime: number | null; approved: number | null };
  anomaly: boolean;
  completeness: number | null;
};

/** `reports.rate`: the reporting rate of a period, overall, per level and per province. */
export type RateView = {
  periodKey: string;
  periodKeys: string[];
  asOf: string;
  countUnformed: boolean;
  overall: RateRow;
  byLevel: { province: RateRow; regency: RateRow; national: RateRow };
  byProvince: (RateRow & { provinceCode: string; provinceName: string })[];
};

export type ExceptionRow = { id: number; taskForce: TaskForceRef; periodKey: string; until: string; reason: string; grantedByName: string | null; grantedAt: string; revokedAt: string | null };

export type NotificationKind = "due" | "overdue" | "submitted" | "returned" | "approved" | "reopened";

export type NotificationItem = { key: string; kind: NotificationKind; taskForce: { id: number; name: string }; periodKey: string; reportId: number | null; reason: string | null; at: string; read: boolean };

export type NotificationsView = { unread: number; items: NotificationItem[] };

type Query<I, O> = {
  queryOptions: (input: I, opts?: { refetchInterval?: number; enabled?: boolean; placeholderData?: (previous: O | undefined) => O | undefined }) => UseQueryOptions<O, unknown, O, QueryKey>;
  queryKey: (input?: I) => QueryKey;
  pathFilter: () => QueryFilters;
};
type Mutation<I, O> = { mutationOptions: (opts?: Omit<UseMutationOptions<O, unknown, I>, "mutationFn">) => UseMutationOptions<O, unknown, I> };

type Transition = { reportId: number; version: number };

/** The procedures the review screens call. */
export type ReviewProcedures = {
  reports: {
    get: Query<{ taskForceId: number; periodKey: string }, ReportView>;
    reviewQueue: Query<{ periodKey?: string }, ReviewQueueView>;
    rate: Query<{ periodKey?: string; countUnformed: boolean }, RateView>;
    exceptions: Query<{ periodKey?: string }, ExceptionRow[]>;
    approve: Mutation<Transition, { status: ReportStatus; version: number }>;
    return: Mutation<Transition & { reason: string }, { status: ReportStatus; version: number }>;
    reopen: Mutation<Transition & { reason: string }, { status: ReportStatus; version: number }>;
    grantException: Mutation<{ taskForceId: number; periodKey: string; until: string; reason: string }, { id: number }>;
    revokeException: Mutation<{ id: number }, { ok: true }>;
    pathFilter: () => QueryFilters;
  };
  notifications: {
    list: Query<Record<string, never>, NotificationsView>;
    markRead: Mutation<{ keys: string[] }, { ok: true }>;
    pathFilter: () => QueryFilters;
  };
  audit: { pathFilter: () => QueryFilters };
};

/** The typed procedures of the review screens. */
export function useReviewApi(): ReviewProcedures {
  return useTRPC() as unknown as ReviewProcedures;
}

/** A report's status changed, or an exception: every report view, queue and rate, the notifications and the audit log. */
export async function invalidateReports(queryClient: QueryClient, api: ReviewProcedures): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries(api.reports.pathFilter()),
    queryClient.invalidateQueries(api.notifications.pathFilter()),
    queryClient.invalidateQueries(api.audit.pathFilter()),
  ]);
}
