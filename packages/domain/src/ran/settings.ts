/**
 * A RAN period's reporting settings: how often task forces report (every year by default, or every
 * half year), how many days after each reporting period a report is due, and how many days after the
 * due date entry closes. No statute fixes these; they are data of the period.
 */
import { z } from "zod";
import { YearSchema } from "../dates.ts";
import { requiredOr } from "../errors.ts";
import { checkSpan } from "./periods.ts";

export const REPORTING_CYCLES = ["annual", "semester"] as const;
export type ReportingCycle = (typeof REPORTING_CYCLES)[number];

export const ReportingSettingsSchema = z
  .object({
    reportingCycle: z.enum(REPORTING_CYCLES, { error: requiredOr("REPORTING_CYCLE_INVALID") }),
    /** Days after the end of a reporting period by which the report is due (0: the last day itself). */
    dueDays: z.number({ error: "DUE_DAYS_INVALID" }).int({ error: "DUE_DAYS_INVALID" }).min(0, { error: "DUE_DAYS_INVALID" }).max(366, { error: "DUE_DAYS_INVALID" }),
    /** Days after the due date after which entry closes. */
    expiryDays: z.number({ error: "EXPIRY_DAYS_INVALID" }).int({ error: "EXPIRY_DAYS_INVALID" }).min(0, { error: "EXPIRY_DAYS_INVALID" }).max(366, { error: "EXPIRY_DAYS_INVALID" }),
  })
  .strict();
export type ReportingSettings = z.infer<typeof ReportingSettingsSchema>;

/** A report per year, due 31 days after the year ends (31 January), entry open 60 days more. */
export const DEFAULT_REPORTING_SETTINGS: ReportingSettings = { reportingCycle: "annual", dueDays: 31, expiryDays: 60 };

/**
 * A period's editable settings as one record: its years (the span's own rules: first not after
 * last, at most ten years) and its reporting settings. Whether the years fit beside the other
 * periods and keep every year holding a target is checked against those (`checkPeriods`, `yearsLeftOut`).
 */
export const PeriodSettingsSchema = z
  .object({ firstYear: YearSchema, lastYear: YearSchema })
  .extend(ReportingSettingsSchema.shape)
  .strict()
  .superRefine((p, ctx) => checkSpan(p, ctx));
export type PeriodSettings = z.infer<typeof PeriodSettingsSchema>;
