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
export { GENERIC_INTERNAL_MESSAGE } from "./errors.ts";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
