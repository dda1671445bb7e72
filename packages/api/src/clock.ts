/**
 * "Today" from a procedure's clock: the domain's `todayAt`, with the context's `now`. The national
 * date (Jakarta, WIB) for the whole system; a task force's own date where its deadlines fall.
 */
import type { Scope } from "@gugus/db";
import { todayAt } from "@gugus/domain";
import type { IsoDate } from "@gugus/domain";
import type { Context, SignedInUser } from "./context.ts";

/** Today's national date (WIB), or today where a region is (`todayAt`). */
export function todayOf(ctx: Pick<Context, "now">, regionCode: string | null = null): IsoDate {
  return todayAt(ctx.now(), regionCode);
}

/** The signed-in account's subtree as it stands today. */
export function scopeOf(ctx: Pick<Context, "now"> & { user: SignedInUser }): Scope {
  return { place: ctx.user.actor.place, today: todayOf(ctx) };
}
