/**
 * The scope rule of @gugus/domain (`isWithin`) written as SQL, so lists are filtered in the
 * database: the national task force sees all; a province its own row and its regencies/cities
 * (codes `PP.%`); a regency/city only itself. A test checks it agrees with `isWithin` for every pair.
 */
import type { TaskForcePlace } from "@gugus/domain";
import { eq, like, or, sql } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import { taskForces } from "../schema.ts";

/** A condition on `task_forces` keeping the task forces within `scope`. */
export function withinScope(scope: TaskForcePlace): SQL {
  if (scope.level === "national" || scope.regionCode === null) return sql`1 = 1`;
  if (scope.level === "province") {
    return or(eq(taskForces.regionCode, scope.regionCode), like(taskForces.regionCode, `${scope.regionCode}.%`))!;
  }
  return eq(taskForces.regionCode, scope.regionCode);
}
