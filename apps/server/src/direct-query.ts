/**
 * A single GET of a cacheable query (response-cache.ts), called without tRPC's fetch adapter.
 *
 * The adapter turns every request into a fetch `Request` (headers copied, two abort signals joined)
 * and its answer into a `Response` whose body is read back as a stream: for a query already parsed
 * by `cacheableProcedureOf`, that was more than half of what the stack spends per request. Here the
 * procedure is called with tRPC's own public pieces, in the order its `resolveResponse` uses them for
 * one query: `callTRPCProcedure` (the same middlewares: the guard, the scope guard, the domain errors
 * and their audit rows), then `getTRPCErrorFromUnknown`, the `onError` hook, `getTRPCErrorShape` (the
 * router's error formatter), `getHTTPStatusCode` and `transformTRPCResponse`. So the status and the
 * body are tRPC's, byte for byte; direct-query.test.ts compares both paths for answers and refusals.
 * Batches, mutations, POSTs, streaming asks (`trpc-accept`, `accept: application/jsonl`, which tRPC
 * refuses unbatched) and anything `cacheableProcedureOf` does not take still go through tRPC. No
 * cacheable query reads the abort signal, so none is passed.
 */
import type { AppRouter, Context } from "@gugus/api";
import { callTRPCProcedure, getTRPCErrorFromUnknown, getTRPCErrorShape, transformTRPCResponse } from "@trpc/server";
import type { TRPCError } from "@trpc/server";
import { getHTTPStatusCode } from "@trpc/server/http";
import type { TRPCResponse } from "@trpc/server/rpc";

/** What tRPC would answer: its status and its JSON body. */
export type QueryAnswer = { status: number; body: string };

/** The router's `onError` (the server logs refusals and failures with it, never the input). */
export type QueryErrorHandler = (opts: { error: TRPCError; path: string; type: "query"; input: unknown; ctx: Context | undefined; req: undefined }) => void;

/**
 * Calls the query at `path` with `query` (its input as JSON, "" for none) in `ctx`, and answers as
 * tRPC's HTTP adapter would for a single GET.
 */
export function createQueryCaller(router: AppRouter, onError: QueryErrorHandler): (path: string, query: string, ctx: Context) => Promise<QueryAnswer> {
  const config = router._def._config;
  return async (path, query, ctx) => {
    // As tRPC reads a GET's input: parsed once, on first need, and through the router's transformer.
    let read = false;
    let input: unknown = undefined;
    const getRawInput = () => {
      if (!read) {
        input = query === "" ? undefined : (config.transformer.input.deserialize(JSON.parse(query)) as unknown);
        read = true;
      }
      return Promise.resolve(input);
    };
    const refusal = (cause: unknown): QueryAnswer => {
      const error = getTRPCErrorFromUnknown(cause);
      onError({ error, path, type: "query", input, ctx, req: undefined });
      const answer: TRPCResponse = { error: getTRPCErrorShape({ config, error, type: "query", path, input, ctx }) };
      return { status: getHTTPStatusCode([answer]), body: JSON.stringify(transformTRPCResponse(config, answer)) };
    };
    let data: unknown;
    try {
      data = await callTRPCProcedure({ router, path, getRawInput, ctx, type: "query", signal: undefined, batchIndex: 0 });
    } catch (cause) {
      return refusal(cause);
    }
    const answer: TRPCResponse = { result: { data } };
    try {
      return { status: getHTTPStatusCode([answer]), body: JSON.stringify(transformTRPCResponse(config, answer)) };
    } catch (cause) {
      // An answer that cannot be written as JSON: an internal error, as tRPC makes it.
      return refusal(cause);
    }
  };
}
