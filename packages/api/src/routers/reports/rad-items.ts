/** The RAD items a yearly report lists under the RAN items they follow: the task force's plan for the year's period, with the year's target. */
import { listRadItemsForYear } from "@gugus/db";
import type { TaskForceRow } from "@gugus/db";
import type { Context } from "../../context.ts";
import type { RanReportingPeriod } from "./shared.ts";

export function radItemsOfYear(ctx: Pick<Context, "db">, tf: Pick<TaskForceRow, "id" | "level">, rp: Pick<RanReportingPeriod, "periodId" | "year">) {
  if (tf.level === "national") return [];
  return listRadItemsForYear(ctx.db, { taskForceId: tf.id, periodId: rp.periodId, year: rp.year }).map((i) => ({
    id: i.id,
    code: i.code,
    followsItemId: i.followsItemId,
    subTaskForce: i.subTaskForce,
    activity: i.activity,
    indicator: i.indicator,
    unit: i.unit,
    yearTarget: i.yearTarget,
  }));
}
