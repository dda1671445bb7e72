/**
 * The three levels of the task-force network: one national task force (GT PP-TPPO Pusat), one per
 * province, one per regency/city. A regional task force exists for its region whether or not it has
 * been formed; its status says which.
 */
import { z } from "zod";
import { regionLevelOf } from "../regions/codes.ts";
import { requiredOr } from "../errors.ts";

export const LEVELS = ["national", "province", "regency"] as const;
export type Level = (typeof LEVELS)[number];
export const LevelSchema = z.enum(LEVELS, { error: requiredOr("LEVEL_INVALID") });

/** A task force's own id: a positive whole number, stable across changes to its region's code. */
export const TaskForceIdSchema = z
  .number({ error: requiredOr("TASK_FORCE_ID_INVALID") })
  .int({ error: "TASK_FORCE_ID_INVALID" })
  .positive({ error: "TASK_FORCE_ID_INVALID" })
  .max(2 ** 31 - 1, { error: "TASK_FORCE_ID_INVALID" });

/** Where a task force sits: its level and its region's code (null for the national task force). */
export type TaskForcePlace = { level: Level; regionCode: string | null };

/** The national task force's place (frozen: it is shared). */
export const NATIONAL_PLACE: Readonly<TaskForcePlace> = Object.freeze({ level: "national", regionCode: null });

/** The place of the task force of a region (`null` for the national one), a new object each call. Throws on a malformed code. */
export function placeOf(regionCode: string | null): TaskForcePlace {
  return regionCode === null ? { level: "national", regionCode: null } : { level: regionLevelOf(regionCode), regionCode };
}

/**
 * Is task force `a` inside the subtree of task force `b` (b itself included)? The national task
 * force contains everyone; a province contains itself and its regencies/cities; a regency/city only
 * itself. This is the scope rule for access: a user of `b` may see `a` exactly when this holds.
 */
export function isWithin(a: TaskForcePlace, b: TaskForcePlace): boolean {
  switch (b.level) {
    case "national":
      return true;
    case "province":
      return a.regionCode !== null && (a.regionCode === b.regionCode || a.regionCode.startsWith(`${b.regionCode}.`));
    case "regency":
      return a.regionCode !== null && a.regionCode === b.regionCode;
  }
}

/** The place of the task force a task force answers to: a regency's province, a province's nation; null for the nation. */
export function parentPlaceOf(place: TaskForcePlace): TaskForcePlace | null {
  if (place.level === "national" || place.regionCode === null) return null;
  if (place.level === "province") return NATIONAL_PLACE;
  return { level: "province", regionCode: place.regionCode.slice(0, 2) };
}
