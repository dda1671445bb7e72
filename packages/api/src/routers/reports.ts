/** A task force's yearly reports: entry, review up the hierarchy, the reporting rate and exceptions, and the files. */
import type { TRPCRouterRecord } from "@trpc/server";
import { entryRouter } from "./reports/entry.ts";
import { filesRouter } from "./reports/files.ts";
import { rateRouter } from "./reports/rate.ts";
import { reviewRouter } from "./reports/review.ts";

export const reportsRouter = { ...entryRouter, ...reviewRouter, ...rateRouter, ...filesRouter } satisfies TRPCRouterRecord;
