/** Formation coverage of the caller's scope on a date. */
import { listTaskForces } from "@gugus/db";
import { IsoDateSchema, countCoverage } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { scopeOf, todayOf } from "../../clock.ts";
import { statusesAt } from "../../formation-status.ts";
import { signedInProcedure } from "../../trpc.ts";

export const coverageRouter = {
  /**
   * Coverage on a date in the caller's scope: formed task forces per level and per province (with
   * names), and the list of those not formed. Counted in one pass over the task forces and all
   * instruments.
   */
  coverage: signedInProcedure.input(z.object({ at: IsoDateSchema.optional() }).strict().default({})).query(({ ctx, input }) => {
    const at = input.at ?? todayOf(ctx);
    const statuses = statusesAt(ctx, at);
    const rows = listTaskForces(ctx.db, { at, within: scopeOf(ctx) });
    const coverage = countCoverage(rows.map((r) => ({ taskForceId: r.id, level: r.level, regionCode: r.regionCode, status: statuses.get(r.id) ?? "not_formed" })));
    const names = new Map(rows.map((r) => [r.regionCode, { name: r.regionName, id: r.id }]));
    return {
      at,
      ...coverage,
      byProvince: coverage.byProvince.map((p) => ({ ...p, provinceName: names.get(p.provinceCode)?.name ?? null, taskForceId: names.get(p.provinceCode)?.id ?? null })),
      unformed: coverage.unformed.map((u) => ({ ...u, regionName: names.get(u.regionCode)?.name ?? null })),
    };
  }),
} satisfies TRPCRouterRecord;
