/** A report as files: an XLSX workbook and a printable PDF of the task force's report, in the reader's language. */
import { findReport, listReportEvents } from "@gugus/db";
import { PeriodKeySchema, TaskForceIdSchema, emptyReportContent, localTimeLabel } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { writeReportPdf } from "../../export/report-pdf.ts";
import { reportFileName } from "../../export/report-labels.ts";
import type { ReportFileData } from "../../export/report-labels.ts";
import { writeReportWorkbook } from "../../export/report-workbook.ts";
import { getTargetTaskForce } from "../../scope.ts";
import { signedInProcedure } from "../../trpc.ts";
import { getReportingPeriod, itemsOfYear, zoneOf } from "./shared.ts";
import type { Ctx } from "./shared.ts";
// Regional action plans (RAD)
import { radItemsOfYear } from "./rad-items.ts";

const FileInput = z.object({ taskForceId: TaskForceIdSchema, periodKey: PeriodKeySchema, language: z.enum(["id", "en"]).default("id") }).strict();

/** What both files show: the report (or an empty one), its year's action items and its history, as of now in the task force's zone. */
function fileDataOf(ctx: Ctx, periodKey: string, language: "id" | "en"): ReportFileData {
  const tf = getTargetTaskForce(ctx);
  const rp = getReportingPeriod(ctx, periodKey);
  const row = findReport(ctx.db, { taskForceId: tf.id, periodKey: rp.key });
  const zone = zoneOf(tf);
  return {
    taskForce: { name: tf.regionName ?? (language === "en" ? "National" : "Nasional"), level: tf.level, regionCode: tf.regionCode, zone: zone.abbreviation },
    period: { periodKey: rp.key, year: rp.year, dueDate: rp.dueDate },
    status: row?.status ?? null,
    content: row?.content ?? emptyReportContent(),
    items: itemsOfYear(ctx, rp, tf),
    radItems: radItemsOfYear(ctx, tf, rp),
    events: row ? listReportEvents(ctx.db, row.id).map((e) => ({ action: e.action, actorName: e.actorName, localTime: e.localTime, reason: e.reason })) : [],
    asOf: localTimeLabel(ctx.now(), zone),
  };
}

export const filesRouter = {
  /** The report as an XLSX workbook: a sheet per part, labels not codes, blanks written as "not reported". */
  exportXlsx: signedInProcedure.input(FileInput).query(async ({ ctx, input }) => {
    const data = fileDataOf(ctx, input.periodKey, input.language);
    return { fileName: reportFileName(data, "xlsx", input.language), contentBase64: (await writeReportWorkbook(data, input.language)).toString("base64") };
  }),
  /** The report as a printable A4 PDF. */
  exportPdf: signedInProcedure.input(FileInput).query(async ({ ctx, input }) => {
    const data = fileDataOf(ctx, input.periodKey, input.language);
    return { fileName: reportFileName(data, "pdf", input.language), contentBase64: (await writeReportPdf(data, input.language)).toString("base64") };
  }),
} satisfies TRPCRouterRecord;
