/**
 * Action items of a RAN period: per sub-task-force, a code, the programme and activity, an indicator
 * with its unit, a baseline, a target for each year of the period, the lead and related agencies and
 * the level that carries it out. A regional (RAD) item may point to the RAN item it follows.
 *
 * Targets are per year (each year's own amount; the period's total is their sum) or cumulative (each
 * year's figure is the total reached by then; they never go down). The indicator says which, because
 * it changes how realisation is added up.
 */
import { z } from "zod";
import { YearSchema } from "../dates.ts";
import { LEVELS, LevelSchema } from "../hierarchy/levels.ts";
import { textSchema } from "../text.ts";
import type { DomainErrorCode } from "../errors.ts";
import { SubTaskForceCodeSchema } from "../sub-task-forces.ts";
import { requiredOr } from "../errors.ts";

/**
 * Units of an indicator: whether a figure may be negative in it (a change can fall; a count cannot)
 * and whether it counts whole things (people, documents) or may take fractions (percent, rupiah).
 */
export const UNITS = {
  count: { negative: false, whole: true },
  people: { negative: false, whole: true },
  activities: { negative: false, whole: true },
  documents: { negative: false, whole: true },
  regions: { negative: false, whole: true },
  percent: { negative: false, whole: false },
  rupiah: { negative: false, whole: false },
  change_percent: { negative: true, whole: false },
} as const satisfies Record<string, { negative: boolean; whole: boolean }>;
export type Unit = keyof typeof UNITS;
export const UNIT_CODES = Object.keys(UNITS) as [Unit, ...Unit[]];
export const UnitSchema = z.enum(UNIT_CODES, { error: requiredOr("UNIT_INVALID") });

export const TARGET_MODES = ["per_year", "cumulative"] as const;
export type TargetMode = (typeof TARGET_MODES)[number];
export const TargetModeSchema = z.enum(TARGET_MODES, { error: requiredOr("TARGET_MODE_INVALID") });

/** An item code within its period, e.g. `I.1.3` or `PENC-01`. */
export const ItemCodeSchema = z
  .string({ error: "ITEM_CODE_INVALID" })
  .trim()
  .min(1, { error: "ITEM_CODE_INVALID", abort: true })
  .max(30, { error: "ITEM_CODE_INVALID", abort: true })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}.\-/]*$/u, { error: "ITEM_CODE_INVALID" });

/** Free text: required, 2 to `max` characters, never an NIK or a phone number. */
const text = (code: DomainErrorCode, max: number) => textSchema(code, { max });
const quantity = z.number({ error: "TARGET_INVALID" }).finite({ error: "TARGET_INVALID" }).min(-1e12, { error: "TARGET_INVALID" }).max(1e12, { error: "TARGET_INVALID" });

/** One year's target. */
export const YearTargetSchema = z.object({ year: YearSchema, value: quantity }).strict();
export type YearTarget = z.infer<typeof YearTargetSchema>;

/** An action item's fields, checked alone; {@link checkActionItem} adds the rules that need its period. */
export const ActionItemSchema = z
  .object({
    subTaskForce: SubTaskForceCodeSchema,
    code: ItemCodeSchema,
    programme: text("PROGRAMME_INVALID", 300),
    activity: text("ACTIVITY_INVALID", 500),
    indicator: text("INDICATOR_INVALID", 500),
    unit: UnitSchema,
    baseline: quantity.nullable().default(null),
    targetMode: TargetModeSchema,
    targets: z.array(YearTargetSchema).max(20),
    leadAgency: text("LEAD_AGENCY_INVALID", 200),
    relatedAgencies: z.array(text("AGENCY_INVALID", 200)).max(20).default([]),
    level: LevelSchema,
    /** The item this one follows (a RAD item following a RAN item); null otherwise. */
    followsItemId: z.number().int().positive().nullable().default(null),
  })
  .strict();
export type ActionItem = z.infer<typeof ActionItemSchema>;

export type ItemProblem = { path: string; code: string };

/**
 * The rules of an item against its period: at most one target per year, none outside the period;
 * figures (targets and baseline) never negative where the unit forbids it, whole where the unit
 * counts whole things, at most 100 in percent; cumulative targets never going down. An item may
 * have no targets yet (a draft plan fills them in).
 */
export function checkActionItem(item: Pick<ActionItem, "unit" | "targetMode" | "targets" | "baseline">, period: { firstYear: number; lastYear: number }): ItemProblem[] {
  const problems: ItemProblem[] = [];
  const unit = UNITS[item.unit];
  const checkFigure = (value: number, path: string) => {
    if (value < 0 && !unit.negative) problems.push({ path, code: "TARGET_NEGATIVE" });
    else if (unit.whole && !Number.isInteger(value)) problems.push({ path, code: "TARGET_NOT_WHOLE" });
    else if (item.unit === "percent" && value > 100) problems.push({ path, code: "TARGET_PERCENT_OVER_100" });
  };
  const seen = new Set<number>();
  item.targets.forEach((t, i) => {
    if (t.year < period.firstYear || t.year > period.lastYear) problems.push({ path: `targets.${i}.year`, code: "TARGET_YEAR_OUTSIDE_PERIOD" });
    if (seen.has(t.year)) problems.push({ path: `targets.${i}.year`, code: "TARGET_YEAR_REPEATED" });
    seen.add(t.year);
    checkFigure(t.value, `targets.${i}.value`);
  });
  if (item.baseline !== null) checkFigure(item.baseline, "baseline");
  if (item.targetMode === "cumulative") {
    const ordered = [...item.targets].sort((a, b) => a.year - b.year);
    ordered.forEach((t, i) => {
      if (i > 0 && t.value < ordered[i - 1]!.value) problems.push({ path: `targets.${item.targets.indexOf(t)}.value`, code: "TARGET_CUMULATIVE_DECREASES" });
    });
  }
  return problems;
}

/**
 * Whether an item may follow (take up) another: the same sub-task-force, carried out at a higher
 * level — a province's or regency's RAD item follows a national RAN item, a regency's a province's.
 * Levels strictly rise along a chain, so no chain can loop back on itself.
 */
export function mayFollow(item: Pick<ActionItem, "level" | "subTaskForce">, followed: Pick<ActionItem, "level" | "subTaskForce">): boolean {
  return item.subTaskForce === followed.subTaskForce && LEVELS.indexOf(followed.level) < LEVELS.indexOf(item.level);
}

/** What target arithmetic needs of an item (read-only: a constant object works too). */
type Targets = { readonly targetMode: TargetMode; readonly targets: readonly YearTarget[] };

const valueIn = (item: Targets, year: number) => item.targets.find((t) => t.year === year)?.value;

/**
 * The amount to achieve in a year itself: the year's target for a per-year indicator; for a cumulative
 * one, the rise over the year before (the first year's figure counts whole). Null with no target.
 */
export function targetForYear(item: Targets, year: number): number | null {
  const value = valueIn(item, year);
  if (value === undefined) return null;
  if (item.targetMode === "per_year") return value;
  const earlier = item.targets.filter((t) => t.year < year).sort((a, b) => b.year - a.year)[0];
  return earlier ? value - earlier.value : value;
}

/**
 * The total to have reached by the end of a year: the sum of the per-year targets up to it, or the
 * cumulative figure itself. Null when no target is set up to that year.
 */
export function targetToDate(item: Targets, year: number): number | null {
  const upTo = item.targets.filter((t) => t.year <= year);
  if (upTo.length === 0) return null;
  if (item.targetMode === "per_year") return upTo.reduce((s, t) => s + t.value, 0);
  return [...upTo].sort((a, b) => b.year - a.year)[0]!.value;
}

/**
 * How far a realisation reaches its target, as a ratio (1 = met, above 1 = exceeded, never capped).
 * Null when there is nothing to measure against (no target, or a target of 0).
 */
export function achievementRatio(target: number | null, realised: number): number | null {
  if (target === null || target === 0) return null;
  return realised / target;
}

/**
 * Achievement for a year given the realisations reported year by year: against the year's own target
 * for a per-year indicator; against the cumulative figure with the realisations added up to that year
 * for a cumulative one. Null, in both modes, for a year without a target of its own or without a
 * realisation reported for it: a missing report is unknown, never zero.
 */
export function achievementForYear(item: Targets, year: number, realisations: readonly { year: number; value: number }[]): number | null {
  const realised = realisations.find((r) => r.year === year)?.value;
  if (realised === undefined || valueIn(item, year) === undefined) return null;
  if (item.targetMode === "per_year") return achievementRatio(targetForYear(item, year), realised);
  const upTo = realisations.filter((r) => r.year <= year);
  return achievementRatio(targetToDate(item, year), upTo.reduce((s, r) => s + r.value, 0));
}
