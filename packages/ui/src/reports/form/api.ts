/**
 * What the report list and the report form read from and send to the API (`reports.list`,
 * `reports.get`, `reports.save`, `reports.submit`, the two exports), named by what they are.
 */
import type { RouterOutputs } from "@gugus/api";
import { useTRPC } from "../../trpc.tsx";

/** `reports.list`: a task force's reports, one row per reporting period that has begun, newest first. */
export type ReportListView = RouterOutputs["reports"]["list"];
export type ReportListRow = ReportListView["periods"][number];
export type SubmitOutput = RouterOutputs["reports"]["submit"];
/** The report as a file: `reports.exportXlsx` / `reports.exportPdf`. */
export function useReportExports() {
  const { reports } = useTRPC();
  return { xlsx: reports.exportXlsx, pdf: reports.exportPdf };
}

/** `reports.get`: one report with its period, items, checks, history and what the caller may do. */
export type ReportView = RouterOutputs["reports"]["get"];
export type ReportItem = ReportView["items"][number];
export type ReportEvent = ReportView["events"][number];
export type ZoneCode = ReportView["taskForce"]["zone"];
