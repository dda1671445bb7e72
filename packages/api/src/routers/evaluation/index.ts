/** The performance evaluation: its years and settings, publishing a year, the dashboards and the scorecards. */
import type { TRPCRouterRecord } from "@trpc/server";
import { overviewRouter } from "./overview.ts";
import { scorecardRouter } from "./scorecard.ts";
import { settingsRouter } from "./settings.ts";

export const evaluationRouter = { ...settingsRouter, ...overviewRouter, ...scorecardRouter } satisfies TRPCRouterRecord;
