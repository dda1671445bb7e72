/**
 * The evaluation as files, in the reader's language: the tables as an XLSX workbook (the caller's
 * subtree, or one province's regencies/cities) and the national summary as a printable PDF. The files
 * are written from the very answers of `evaluation.overview` and `evaluation.province` — read through
 * those procedures, so the same policy, scope and suppression apply and a file never shows a cell the
 * screen hides — with the period's method beside them.
 */
import { TaskForceIdSchema, YearSchema, localTimeLabel, timeZoneOf } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { writeEvaluationPdf } from "../../export/evaluation-pdf.ts";
import { evaluationFileName } from "../../export/evaluation-labels.ts";
import type { EvaluationMethodData, NationalFileData, ProvinceFileData } from "../../export/evaluation-labels.ts";
import { writeEvaluationWorkbook } from "../../export/evaluation-workbook.ts";
import { createCallerFactory, router, signedInProcedure } from "../../trpc.ts";
import type { Ctx } from "../reports/shared.ts";
import { overviewRouter } from "./overview.ts";
import { getEvaluationYear, settingsOfPeriod } from "./rollup.ts";

const Language = z.enum(["id", "en"]).default("id");

/** The two answers the files are written from, called as the caller (policy and scope checked again). */
const readViews = createCallerFactory(router({ evaluation: router({ overview: overviewRouter.overview, province: overviewRouter.province }) }));

/** The period's method for a year: its number and its settings (the defaults while it has none). */
function methodOf(ctx: Ctx, year: number | undefined): EvaluationMethodData {
  const y = getEvaluationYear(ctx, year);
  return { periodNumber: y.periodNumber, settings: settingsOfPeriod(ctx, y.periodId).settings };
}

/** The answer's time as the place reads it: its zone (WIB for the country). */
const asOfLabel = (asOf: string, regionCode: string | null) => localTimeLabel(new Date(asOf), timeZoneOf(regionCode));

/** The national (or the caller's subtree's) file data: the overview, named after the caller's task force unless it is the national one. */
async function nationalData(ctx: Ctx, year: number | undefined): Promise<NationalFileData> {
  const overview = await readViews(ctx).evaluation.overview(year === undefined ? {} : { year });
  const own = overview.taskForces.find((t) => t.id === ctx.user.taskForceId);
  const subtree = own === undefined || own.level === "national" ? null : { name: own.name, regionCode: own.regionCode };
  return { kind: "national", overview, subtree, method: methodOf(ctx, overview.year), asOfLabel: asOfLabel(overview.asOf, own?.regionCode ?? null) };
}

async function provinceData(ctx: Ctx, taskForceId: number, year: number | undefined): Promise<ProvinceFileData> {
  const province = await readViews(ctx).evaluation.province(year === undefined ? { taskForceId } : { taskForceId, year });
  return { kind: "province", province, method: methodOf(ctx, province.year), asOfLabel: asOfLabel(province.asOf, province.province.regionCode) };
}

export const filesRouter = {
  /**
   * The evaluation's tables as an XLSX workbook: the scores with their rank bands, the counts
   * (suppressed: "<5"), the provinces (or, for a province's `taskForceId`, its regencies/cities'
   * spread and who has not reported) and the method.
   */
  exportXlsx: signedInProcedure
    .input(z.object({ year: YearSchema.optional(), taskForceId: TaskForceIdSchema.optional(), language: Language }).strict())
    .query(async ({ ctx, input }) => {
      const data = input.taskForceId === undefined ? await nationalData(ctx, input.year) : await provinceData(ctx, input.taskForceId, input.year);
      return { fileName: evaluationFileName(data, "xlsx", input.language), contentBase64: (await writeEvaluationWorkbook(data, input.language)).toString("base64") };
    }),
  /** The national (or the caller's subtree's) summary as a printable A4 PDF with its charts. */
  exportPdf: signedInProcedure.input(z.object({ year: YearSchema.optional(), language: Language }).strict()).query(async ({ ctx, input }) => {
    const data = await nationalData(ctx, input.year);
    return { fileName: evaluationFileName(data, "pdf", input.language), contentBase64: (await writeEvaluationPdf(data, input.language)).toString("base64") };
  }),
} satisfies TRPCRouterRecord;
