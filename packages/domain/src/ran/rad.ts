/**
 * Regional action plans (RAD, Rencana Aksi Daerah): a province's or regency/city's own plan for the
 * current RAN period, adopted by a regional instrument (a Pergub, Perbup, Perwali, an SK of the
 * regional head or a Perda; never a Perpres). Each RAD item has the shape of a RAN action item and
 * follows one RAN item of the same period.
 *
 * The RAD rule differs from {@link mayFollow} (a RAN item following another RAN item of a strictly
 * higher level): a RAD item follows the RAN item that the national plan gives to the task force's
 * **own** level (`level` = province for a province's RAD, regency for a regency's/city's), of the
 * same sub-task-force. The national task force has no RAD. Only the RAN period in force today (the
 * one containing today's year, adopted) takes changes; earlier RADs are read-only.
 */
import { z } from "zod";
import type { IsoDate } from "../dates.ts";
import { yearOf } from "../dates.ts";
import { DomainError } from "../errors.ts";
import type { DomainErrorCode } from "../errors.ts";
import type { Level } from "../hierarchy/levels.ts";
import type { RegencyKind } from "../regions/codes.ts";
import { DocumentRefSchema, InstrumentFieldsSchema, instrumentTypesFor } from "../formation/instruments.ts";
import type { InstrumentType } from "../formation/instruments.ts";
import { checkAdoptionDate } from "./adoption.ts";
import { AdoptionDateSchema } from "./periods.ts";
import type { RanPeriod } from "./periods.ts";
import { ActionItemSchema, checkActionItem } from "./plan.ts";
import type { ActionItem, ItemProblem } from "./plan.ts";

/** The id of the RAN item a RAD item follows: required. */
export const FollowedItemIdSchema = z
  .number({ error: "RAD_FOLLOWS_REQUIRED" })
  .int({ error: "RAD_FOLLOWS_REQUIRED" })
  .positive({ error: "RAD_FOLLOWS_REQUIRED" });

/**
 * A RAD item as entered: a RAN action item's fields without its level (a RAD item is carried out
 * by its own task force), and the RAN item it follows, required.
 */
export const RadItemSchema = ActionItemSchema.omit({ level: true, followsItemId: true }).extend({ followsItemId: FollowedItemIdSchema }).strict();
export type RadItem = z.infer<typeof RadItemSchema>;

/** The instrument types a RAD may be adopted by at a task force: those that form it, without the Perpres. */
export function radInstrumentTypesFor(level: Level, kind: RegencyKind | null): InstrumentType[] {
  return instrumentTypesFor(level, kind).filter((t) => t !== "perpres");
}

/**
 * The instrument that adopted a RAD: its type, number, adoption date and, optionally, where the
 * document is (an http(s) link, the establishment instrument's rule).
 */
export const RadPlanInstrumentSchema = z
  .object({
    type: InstrumentFieldsSchema.shape.type.refine((t) => t !== "perpres", { error: "INSTRUMENT_TYPE_MISMATCH" }),
    number: InstrumentFieldsSchema.shape.number,
    adoptedOn: AdoptionDateSchema,
    documentRef: DocumentRefSchema.nullable().default(null),
  })
  .strict();
export type RadPlanInstrument = z.infer<typeof RadPlanInstrumentSchema>;

/** A problem of a RAD plan or item, the field it concerns, and safe details. */
export type RadProblem = { path: string; code: DomainErrorCode; details?: Record<string, string> };

/** The national task force carries out the RAN itself: it has no RAD (`RAD_NOT_FOR_NATIONAL`). */
export function assertRadLevel(level: Level): asserts level is Exclude<Level, "national"> {
  if (level === "national") throw new DomainError("RAD_NOT_FOR_NATIONAL");
}

type PeriodState = Pick<RanPeriod, "firstYear" | "lastYear" | "status">;

/** Whether a period's RADs take changes today: the period contains today's year and is adopted. */
export function isRadPeriodOpen(period: PeriodState, today: IsoDate): boolean {
  const year = yearOf(today);
  return period.status === "adopted" && period.firstYear <= year && year <= period.lastYear;
}

/** Throws `RAD_PERIOD_CLOSED` unless {@link isRadPeriodOpen}. */
export function assertRadPeriodOpen(period: PeriodState & Pick<RanPeriod, "number">, today: IsoDate): void {
  if (!isRadPeriodOpen(period, today)) throw new DomainError("RAD_PERIOD_CLOSED", { number: period.number });
}

/**
 * The adopting instrument's rules against the task force and the period: a type that forms the task
 * force (no Perpres), an adoption date not after today and within the RAN period's adoption window
 * (from 1 January two years before its first year to the end of its last year).
 */
export function checkRadInstrument(
  instrument: Pick<RadPlanInstrument, "type" | "adoptedOn">,
  { level, kind, period, today }: { level: Level; kind: RegencyKind | null; period: Pick<RanPeriod, "firstYear" | "lastYear">; today: IsoDate },
): RadProblem[] {
  const problems: RadProblem[] = [];
  if (!radInstrumentTypesFor(level, kind).includes(instrument.type)) problems.push({ path: "type", code: "INSTRUMENT_TYPE_MISMATCH", details: { type: instrument.type, level } });
  const date = checkAdoptionDate(period, instrument.adoptedOn, today);
  if (date) problems.push({ path: "adoptedOn", code: date.code, details: date.details });
  return problems;
}

/** What a RAD item's rule needs of the RAN item it follows. */
export type FollowedItem = Pick<ActionItem, "level" | "subTaskForce"> & { periodId: number };

/**
 * May a RAD item of a task force follow a RAN item? The RAN item must be of the same period, carried
 * out at the task force's own level, and of the item's sub-task-force. (Unlike {@link mayFollow},
 * the levels are equal: the RAD takes up what the RAN gives its own level.)
 */
export function mayRadFollow(item: Pick<RadItem, "subTaskForce">, followed: FollowedItem, { level, periodId }: { level: Level; periodId: number }): boolean {
  return followed.periodId === periodId && followed.level === level && followed.subTaskForce === item.subTaskForce;
}

/** The key that tells two RAD item codes apart within a plan: the same code in another case is the same. */
export function radCodeKey(code: string): string {
  return code.trim().toLowerCase();
}

/**
 * A RAD item's rules, in the order they are reported: the followed RAN item exists in the plan's
 * period at the task force's level (`RAD_FOLLOWS_INVALID`), with the same sub-task-force
 * (`RAD_SUB_TASK_FORCE_MISMATCH`); the targets and baseline pass {@link checkActionItem} against the
 * period; the code is not used by another item of the plan (`RAD_ITEM_CODE_TAKEN`).
 */
export function checkRadItem(
  item: RadItem,
  {
    followed,
    level,
    period,
    otherCodes,
  }: { followed: FollowedItem | undefined; level: Level; period: Pick<RanPeriod, "firstYear" | "lastYear"> & { id: number }; otherCodes: readonly string[] },
): RadProblem[] {
  const problems: RadProblem[] = [];
  if (!followed || followed.periodId !== period.id || followed.level !== level) problems.push({ path: "followsItemId", code: "RAD_FOLLOWS_INVALID" });
  else if (!mayRadFollow(item, followed, { level, periodId: period.id })) problems.push({ path: "subTaskForce", code: "RAD_SUB_TASK_FORCE_MISMATCH" });
  problems.push(...checkActionItem(item, period).map((p: ItemProblem) => ({ path: p.path, code: p.code as DomainErrorCode })));
  const key = radCodeKey(item.code);
  if (otherCodes.some((c) => radCodeKey(c) === key)) problems.push({ path: "code", code: "RAD_ITEM_CODE_TAKEN", details: { code: item.code } });
  return problems;
}

/** Throws the first problem of a list as a {@link DomainError} with the field it concerns. */
export function assertNoRadProblem(problems: readonly RadProblem[]): void {
  const [first] = problems;
  if (first) throw new DomainError(first.code, { path: first.path, ...first.details });
}
