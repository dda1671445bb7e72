/** Formation status of every task force at a date, from all instruments read in one query. */
import { listAllInstruments } from "@gugus/db";
import { formationStatusAt } from "@gugus/domain";
import type { FormationStatus, IsoDate } from "@gugus/domain";
import type { Context } from "./context.ts";

/** The formation status of each task force on a date (absent: not formed). Cached until reference data changes. */
export function statusesAt(ctx: Pick<Context, "db" | "cache">, at: IsoDate): Map<number, FormationStatus> {
  return ctx.cache.get(`statuses:${at}`, () => {
    const byTaskForce = new Map<number, ReturnType<typeof listAllInstruments>>();
    for (const i of listAllInstruments(ctx.db)) byTaskForce.set(i.taskForceId, [...(byTaskForce.get(i.taskForceId) ?? []), i]);
    const statuses = new Map<number, FormationStatus>();
    for (const [id, list] of byTaskForce) statuses.set(id, formationStatusAt(list, at).status);
    return statuses;
  });
}
