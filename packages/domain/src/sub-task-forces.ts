/**
 * The six sub-task-forces (Sub Gugus Tugas), the same at every level, and the six areas a task
 * force's performance is evaluated on. Which agency coordinates each one is data that changes by
 * period, not part of this list.
 */
import { z } from "zod";
import { requiredOr } from "./errors.ts";
import { SUB_TASK_FORCES } from "./sub-task-force-list.ts";
import type { SubTaskForce, SubTaskForceCode } from "./sub-task-force-list.ts";

export { SUB_TASK_FORCES, getSubTaskForceNames } from "./sub-task-force-list.ts";
export type { SubTaskForce, SubTaskForceCode, SubTaskForceNameLanguage } from "./sub-task-force-list.ts";

export const SUB_TASK_FORCE_CODES = SUB_TASK_FORCES.map((s) => s.code) as [SubTaskForceCode, ...SubTaskForceCode[]];
export const SubTaskForceCodeSchema = z.enum(SUB_TASK_FORCE_CODES, { error: requiredOr("SUB_TASK_FORCE_INVALID") });

/** The sub-task-force with this code. */
export function getSubTaskForce(code: SubTaskForceCode): SubTaskForce {
  return SUB_TASK_FORCES.find((s) => s.code === code)!;
}
