import { healthRouter } from "./routers/health.ts";
import { hierarchyRouter } from "./routers/hierarchy.ts";
import { ranRouter } from "./routers/ran.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  health: healthRouter,
  hierarchy: hierarchyRouter,
  ran: ranRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process (tests, the CLI) with a context built by `createContextInner`. */
export const createCaller = createCallerFactory(appRouter);
