/**
 * What a yearly (or half-yearly) report holds: the activities carried out, the realisation of each
 * action item, and counts — of victims, law enforcement, services, the network's scope, prevention
 * and coordination — plus the budget and a narrative. Counts only, never people.
 *
 * A count is a number or `null`: `null` is "not reported", never zero, so completeness and scores
 * can tell the two apart. The schema keeps whatever finite figure was typed (a negative or a
 * fraction stays in the draft, so nothing is lost); {@link checkReport} reports it as an error that
 * blocks submitting. Every key has a default, so `{}` parses to the empty report.
 */
import { z } from "zod";
import { IsoDateSchema } from "../dates.ts";
import { requiredOr } from "../errors.ts";
import { SubTaskForceCodeSchema } from "../sub-task-forces.ts";
import { optionalTextSchema, textSchema } from "../text.ts";

/** The largest count (in absolute value) a report takes: a guard against typos, not a rule. */
export const COUNT_MAX = 1e12;
/** The largest rupiah amount a budget figure takes (a province's whole budget may exceed a trillion). */
export const BUDGET_MAX = 1e15;

/** Forms of exploitation victims are counted by. */
export const EXPLOITATION_FORMS = ["forced_labour", "sexual_exploitation", "domestic_servitude", "forced_marriage", "child_exploitation", "organ_removal", "other"] as const;
export type ExploitationForm = (typeof EXPLOITATION_FORMS)[number];

/** Where budget money comes from: the state budget, the regional budget, or elsewhere. */
export const BUDGET_SOURCES = ["APBN", "APBD", "other"] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];
/** A budget line's source, one of {@link BUDGET_SOURCES}. */
export const BudgetSourceSchema = z.enum(BUDGET_SOURCES, { error: requiredOr("REPORT_CONTENT_INVALID") });

/** The sections of a report, in the order forms show them. */
export const REPORT_SECTIONS = ["activities", "realisations", "victims", "lawEnforcement", "services", "networkScope", "prevention", "coordination", "budget", "narrative"] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** A finite figure within ±`max`, or null; COUNT_INVALID for anything but a number, COUNT_TOO_LARGE beyond the bound. */
function figure(max: number) {
  return z
    .number({ error: "COUNT_INVALID" })
    .min(-max, { error: "COUNT_TOO_LARGE" })
    .max(max, { error: "COUNT_TOO_LARGE" })
    .overwrite((x) => (x === 0 ? 0 : x)) // -0 reads 0, as JSON writes it
    .nullable()
    .default(null);
}

/** A count: a number or null ("not reported"), null by default. Negative and fractional counts parse; checkReport refuses them. */
export const CountSchema = figure(COUNT_MAX);
export type Count = number | null;

/** A rupiah amount or null, null by default. */
const AmountSchema = figure(BUDGET_MAX);

/** A strict object of counts, each null by default. */
function countsOf<K extends string>(keys: readonly K[]) {
  const shape = Object.fromEntries(keys.map((k) => [k, CountSchema])) as Record<K, typeof CountSchema>;
  return z.strictObject(shape, { error: "REPORT_CONTENT_INVALID" }).prefault({} as never); // every key defaults to null, so {} parses
}

/** A country as its ISO 3166-1 alpha-2 code, upper case (`MY`, `SA`). */
export const CountryCodeSchema = z.string({ error: requiredOr("COUNTRY_INVALID") }).regex(/^[A-Z]{2}$/, { error: requiredOr("COUNTRY_INVALID") });

const id = z.number({ error: "REPORT_CONTENT_INVALID" }).int({ error: "REPORT_CONTENT_INVALID" }).positive({ error: "REPORT_CONTENT_INVALID" }).max(2 ** 31 - 1, { error: "REPORT_CONTENT_INVALID" });
const note = optionalTextSchema("NOTE_INVALID", { max: 500 }).optional();
const narrative = optionalTextSchema("NARRATIVE_INVALID", { max: 20_000 }).optional();

/** Adds REPORT_CONTENT_INVALID at `[i, field]` for every element whose `field` repeats an earlier one. */
function uniqueBy<T>(field: keyof T & string) {
  return (list: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<unknown>();
    list.forEach((element, i) => {
      const value = element[field];
      if (seen.has(value)) ctx.addIssue({ code: "custom", message: "REPORT_CONTENT_INVALID", path: [i, field], input: value });
      seen.add(value);
    });
  };
}

/** One activity carried out, by a sub-task-force, optionally dated and linked to an action item. */
export const ReportActivitySchema = z.strictObject(
  {
    subTaskForce: SubTaskForceCodeSchema,
    what: textSchema("ACTIVITY_INVALID", { min: 2, max: 500 }),
    date: IsoDateSchema.nullable().default(null),
    actionItemId: id.nullable().default(null),
  },
  { error: "REPORT_CONTENT_INVALID" },
);
export type ReportActivity = z.infer<typeof ReportActivitySchema>;

/** The realisation of one action item in the report's year (null: not reported yet). */
export const RealisationSchema = z.strictObject({ actionItemId: id, value: CountSchema, note }, { error: "REPORT_CONTENT_INVALID" });
export type Realisation = z.infer<typeof RealisationSchema>;

/** Victims sent abroad to one country. */
export const AbroadCountSchema = z.strictObject({ country: CountryCodeSchema, count: CountSchema }, { error: "REPORT_CONTENT_INVALID" });

/** One budget line: its source, the amounts allocated and spent (rupiah), and a note (needed when more was spent than allocated). */
export const BudgetLineSchema = z.strictObject({ source: BudgetSourceSchema, allocated: AmountSchema, spent: AmountSchema, note }, { error: "REPORT_CONTENT_INVALID" });
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

/** A list of at most `max` elements, empty by default; with `unique`, no two elements share that field. */
const list = <T extends z.ZodType>(element: T, max: number, unique?: keyof z.infer<T> & string) => {
  const array = z.array(element, { error: "REPORT_CONTENT_INVALID" }).max(max, { error: "REPORT_CONTENT_INVALID" });
  return (unique === undefined ? array : array.superRefine(uniqueBy<z.infer<T>>(unique))).default(() => []);
};

/** A report's content. Strict: a key the schema does not know is refused with REPORT_CONTENT_INVALID. */
export const ReportContentSchema = z.strictObject(
  {
    activities: list(ReportActivitySchema, 300),
    realisations: list(RealisationSchema, 500, "actionItemId"),
    victims: z
      .strictObject(
        {
          total: CountSchema,
          women: CountSchema,
          girls: CountSchema,
          men: CountSchema,
          boys: CountSchema,
          exploitation: countsOf(EXPLOITATION_FORMS),
          domestic: CountSchema,
          abroad: list(AbroadCountSchema, 100, "country"),
        },
        { error: "REPORT_CONTENT_INVALID" },
      )
      .prefault({}),
    lawEnforcement: countsOf(["casesReported", "suspects", "prosecutions", "convictions"] as const),
    services: countsOf(["healthRehabilitation", "socialRehabilitation", "repatriation", "reintegration"] as const),
    networkScope: countsOf(["local", "regional", "international"] as const),
    prevention: countsOf(["trainings", "communityGroups", "regulations", "agreements"] as const),
    coordination: countsOf(["meetings"] as const),
    budget: z
      .strictObject(
        {
          lines: list(BudgetLineSchema, 20),
          dedicatedLine: z.boolean({ error: "REPORT_CONTENT_INVALID" }).nullable().default(null),
          regionTotalBudget: AmountSchema,
        },
        { error: "REPORT_CONTENT_INVALID" },
      )
      .prefault({}),
    narrative: z.strictObject({ obstacles: narrative, recommendations: narrative }, { error: "REPORT_CONTENT_INVALID" }).prefault({}),
  },
  { error: "REPORT_CONTENT_INVALID" },
);
export type ReportContent = z.infer<typeof ReportContentSchema>;
/** What a client may send as content: any key may be left out. */
export type ReportContentInput = z.input<typeof ReportContentSchema>;

/** The empty report: no activity, no realisation, every count null (not reported), no narrative. A new object each call. */
export function emptyReportContent(): ReportContent {
  return ReportContentSchema.parse({});
}
