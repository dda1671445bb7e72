/**
 * @gugus/api — the tRPC API. The server mounts `appRouter`; the apps import `AppRouter` as a type
 * only; tests call procedures with `createCaller`.
 */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root.ts";

export { appRouter, createCaller } from "./root.ts";
export type { AppRouter } from "./root.ts";
export { createContextInner } from "./context.ts";
export type { Context, ContextOptions, RequestInfo } from "./context.ts";
export type { ApiErrorData, ErrorIssue } from "./errors.ts";
export { formatRefusal, GENERIC_INTERNAL_MESSAGE } from "./errors.ts";
export { createCentralAdmin, ensureFirstAdmin } from "./bootstrap.ts";
export type { CreatedAdmin } from "./bootstrap.ts";
// Second factor
export { resetSecondFactorByEmail } from "./mfa-reset.ts";
export { totpCodeAt } from "./auth/totp.ts";
export { sessionCookieName, SESSION_COOKIE_MAX_AGE_SECONDS } from "./auth/cookies.ts";
export type { CookieJar } from "./auth/cookies.ts";
export { POLICY } from "./policy.ts";
export { CACHEABLE, callerKeyOf, isCacheable, readDataVersion } from "./cacheable.ts";
export type { CacheableProcedure } from "./cacheable.ts";
export { DEFAULT_DEMO_SEED, loadDemoData } from "./demo/index.ts";
export type { DemoOptions, DemoSummary } from "./demo/index.ts";
export type { Me } from "./routers/auth.ts";
export type { Account } from "./routers/accounts.ts";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
