/**
 * What the report list and the report form read from and send to the API (`reports.list`,
 * `reports.get`, `reports.save`, `reports.submit`, the two exports), named by what they are.
 */
import type { RouterOutputs } from "@gugus/api";
import type { QueryKey, UseQueryOptions } from "@tanstack/react-query";
import { useTRPC } from "../../trpc.tsx";

/** `reports.list`: a task force's reports, one row per reporting period that has begun, newest first. */
export type ReportListView = RouterOutputs["reports"]["list"];
export type ReportListRow = ReportListView["periods"][number];
export type SubmitOutput = RouterOutputs["reports"]["submit"];
export type ExportInput = { taskForceId: number; periodKey: string; language: "id" | "en" };
export type ExportOutput = { fileName: string; contentBase64: string };

type ExportQuery = { queryOptions: (input: ExportInput) => UseQueryOptions<ExportOutput, unknown, ExportOutput, QueryKey> };

/** The report as a file: `reports.exportXlsx` / `reports.exportPdf`. */
export function useReportExports(): { xlsx: ExportQuery; pdf: ExportQuery } {
  const reports = useTRPC().reports as unknown as { exportXlsx: ExportQuery; exportPdf: ExportQuery };
  return { xlsx: reports.exportXlsx, pdf: reports.exportPdf };
}

/** `reports.get`: one report with its period, items, checks, history and what the caller may do. */
export type ReportView = RouterOutputs["reports"]["get"];
export type ReportItem = ReportView["items"][number];
export type ReportEvent = ReportView["events"][number];
export type ZoneCode = ReportView["taskForce"]["zone"];
