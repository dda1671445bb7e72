/**
 * The RAN area, one file per part: periods (and their coordinators), adoption, action items, item
 * files (import and export) and a task force's plan. The parts are spread into one record, so the
 * paths stay flat: `ran.periods`, `ran.createItem`, `ran.correctAdoption` …
 */
import type { TRPCRouterRecord } from "@trpc/server";
import { adoptionRouter } from "./ran/adoption.ts";
import { itemFilesRouter } from "./ran/item-files.ts";
import { itemsRouter } from "./ran/items.ts";
import { periodsRouter } from "./ran/periods.ts";
import { planRouter } from "./ran/plan.ts";

export type { Period } from "./ran/shared.ts";

export const ranRouter = {
  ...periodsRouter,
  ...adoptionRouter,
  ...planRouter,
  ...itemsRouter,
  ...itemFilesRouter,
} satisfies TRPCRouterRecord;
