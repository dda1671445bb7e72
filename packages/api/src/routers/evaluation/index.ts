/** The performance evaluation: its years and settings, publishing a year, the dashboards, the scorecards and the files. */
import type { TRPCRouterRecord } from "@trpc/server";
import { filesRouter } from "./files.ts";
import { overviewRouter } from "./overview.ts";
import { scorecardRouter } from "./scorecard.ts";
import { settingsRouter } from "./settings.ts";

export const evaluationRouter = { ...settingsRouter, ...overviewRouter, ...scorecardRouter, ...filesRouter } satisfies TRPCRouterRecord;
