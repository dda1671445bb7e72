import { accountsRouter } from "./routers/accounts.ts";
import { auditRouter } from "./routers/audit.ts";
import { formationImportRouter } from "./routers/formation-import.ts";
import { authRouter } from "./routers/auth.ts";
import { evaluationRouter } from "./routers/evaluation/index.ts";
import { healthRouter } from "./routers/health.ts";
import { hierarchyRouter } from "./routers/hierarchy.ts";
import { profileRouter } from "./routers/profile.ts";
import { notificationsRouter } from "./routers/notifications.ts";
import { ranRouter } from "./routers/ran.ts";
import { reportsRouter } from "./routers/reports.ts";
import { sessionsRouter } from "./routers/sessions.ts";
// Accounts at scale
import { accountsBulkRouter } from "./routers/accounts-bulk.ts";
// Regional action plans (RAD)
import { radRouter } from "./routers/rad.ts";
// Announcements
import { announcementsRouter } from "./routers/announcements.ts";
// Second factor
import { mfaRouter } from "./routers/mfa.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  auth: authRouter,
  health: healthRouter,
  hierarchy: hierarchyRouter,
  profile: profileRouter,
  formationImport: formationImportRouter,
  ran: ranRouter,
  reports: reportsRouter,
  evaluation: evaluationRouter,
  notifications: notificationsRouter,
  accounts: accountsRouter,
  sessions: sessionsRouter,
  audit: auditRouter,
  // Accounts at scale
  accountsBulk: accountsBulkRouter,
  // Regional action plans (RAD)
  rad: radRouter,
  // Second factor
  mfa: mfaRouter,
  // Announcements
  announcements: announcementsRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process (tests, the CLI) with a context built by `createContextInner`. */
export const createCaller = createCallerFactory(appRouter);
