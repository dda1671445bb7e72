/**
 * The agency that coordinates each sub-task-force during a RAN period: at most one per
 * sub-task-force (one left out has none). The agency is free text under the one text rule, the same
 * as an agency in a task force's composition, so what is refused there is refused here.
 */
import { z } from "zod";
import { SUB_TASK_FORCES, SubTaskForceCodeSchema } from "../sub-task-forces.ts";
import { textSchema } from "../text.ts";

/** A coordinating agency: 2 to 160 characters, never an NIK or a phone number. */
export const CoordinatorAgencySchema = textSchema("AGENCY_INVALID", { max: 160 });

/** One sub-task-force's coordinator in a period. */
export const PeriodCoordinatorSchema = z.object({ subTaskForce: SubTaskForceCodeSchema, agency: CoordinatorAgencySchema }).strict();
export type PeriodCoordinator = z.infer<typeof PeriodCoordinatorSchema>;

/** A period's coordinators: each sub-task-force at most once (`COORDINATOR_REPEATED`). */
export const PeriodCoordinatorsSchema = z
  .array(PeriodCoordinatorSchema)
  .max(SUB_TASK_FORCES.length)
  .refine((list) => new Set(list.map((c) => c.subTaskForce)).size === list.length, { error: "COORDINATOR_REPEATED" });
