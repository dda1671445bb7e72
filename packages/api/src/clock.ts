/** "Today" for the whole system is the date in Jakarta (WIB); task forces' own deadlines use their zone. */
import type { Scope } from "@gugus/db";
import { localDateOf, timeZoneOf } from "@gugus/domain";
import type { IsoDate } from "@gugus/domain";
import type { Context, SignedInUser } from "./context.ts";

export function todayOf(ctx: Pick<Context, "now">): IsoDate {
  return localDateOf(ctx.now(), timeZoneOf(null).iana);
}

/** The signed-in account's subtree as it stands today. */
export function scopeOf(ctx: Pick<Context, "now"> & { user: SignedInUser }): Scope {
  return { place: ctx.user.actor.place, today: todayOf(ctx) };
}
