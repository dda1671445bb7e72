/**
 * tRPC set-up, in three parts: the instance (with the error formatter), the middleware that turns
 * domain errors into tRPC errors, and the procedures the routers build on.
 */
import { DomainError } from "@gugus/domain";
import { initTRPC } from "@trpc/server";
import type { Context } from "./context.ts";
import { formatError, toTrpcError } from "./errors.ts";

// 1. Instance: never in dev mode, so no stack trace is ever sent.
const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter: formatError,
});

// 2. Domain errors become tRPC errors with the mapped code, whoever raised them.
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTrpcError(result.error.cause);
  return result;
});

// 3. Procedures.
export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/** A procedure anyone may call. */
export const publicProcedure = t.procedure.use(domainErrors);
