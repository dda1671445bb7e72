/** Who reviews a report: the task force at the reviewer's place, and the task forces a caller reviews. */
import { findTaskForceByRegion, listChildTaskForces } from "@gugus/db";
import type { TaskForceRow } from "@gugus/db";
import type { IsoDate, TaskForcePlace } from "@gugus/domain";
import { todayOf } from "../../clock.ts";
import type { Context } from "../../context.ts";

/** The task force at a report's reviewer place (`reviewerPlaceOf`), as it stands today. */
export function reviewerTaskForceOf(ctx: Pick<Context, "db" | "now">, place: TaskForcePlace): TaskForceRow | undefined {
  return findTaskForceByRegion(ctx.db, place.regionCode, todayOf(ctx));
}

/**
 * The task forces whose reports the caller's task force reviews, as they stood on a date: a province's
 * regencies/cities; for the national task force, the provinces and its own report (approved by another
 * central admin); none for a regency/city.
 */
export function reviewedTaskForces(ctx: Pick<Context, "db">, own: TaskForceRow, at: IsoDate): TaskForceRow[] {
  if (own.level === "regency") return [];
  const children = listChildTaskForces(ctx.db, own, at);
  return own.level === "national" ? [own, ...children] : children;
}
