/**
 * The tRPC client both apps use: batched HTTP to /trpc on the same origin, through TanStack Query.
 * `useTRPC()` gives typed query and mutation options, e.g. `useQuery(trpc.ran.periods.queryOptions())`.
 */
import type { AppRouter, CacheableProcedure } from "@gugus/api";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { TRPCClientError, createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
import type { ReactNode } from "react";
import { isOfflineReadableProcedure } from "./reports/offlineRoutes.ts";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Most procedures sent in one batched request; the server refuses more. */
export const MAX_BATCH_ITEMS = 10;

/** The HTTP status of an API error, if it came from the server. */
export function httpStatusOf(error: unknown): number | undefined {
  return error instanceof TRPCClientError ? (error.data as { httpStatus?: number } | undefined)?.httpStatus : undefined;
}

function isClientError(error: unknown): boolean {
  const status = httpStatusOf(error);
  return status !== undefined && status >= 400 && status < 500;
}

/** Custom header the server requires on API posts and on GETs with the cookie (it refuses cross-site requests without it). */
export const CLIENT_HEADER = { "x-gugus-client": "web" } as const;

/**
 * The queries the server answers from its response cache (CACHEABLE in packages/api/src/cacheable.ts,
 * where they are declared; the apps import the api as types only, so this is its mirror, and the
 * compiler holds it to exactly that list). They go as GET, one per request, so that the browser keeps
 * each answer with its ETag and asks "has it changed?" (`If-None-Match`) instead of fetching it again.
 */
const CACHEABLE_QUERIES = {
  "hierarchy.tree": true,
  "hierarchy.byId": true,
  "hierarchy.byRegion": true,
  "hierarchy.counts": true,
  "hierarchy.search": true,
  "hierarchy.coverage": true,
  "hierarchy.successions": true,
  "ran.periods": true,
  "ran.period": true,
  "ran.periodOfYear": true,
  "ran.atDate": true,
  "ran.plan": true,
} as const satisfies Record<CacheableProcedure, true>;

/** Whether the client sends a query as a revalidatable GET. */
export function isCacheableQuery(path: string): boolean {
  return Object.hasOwn(CACHEABLE_QUERIES, path);
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // A session that ended (401) anywhere sends the whole app back to the sign-in screen: the
    // account query is asked again, fails, and the session gate shows the sign-in form.
    queryCache: new QueryCache({
      onError: (error, query) => {
        const isAccountQuery = JSON.stringify(query.queryKey[0]) === JSON.stringify(["auth", "me"]);
        if (httpStatusOf(error) === 401 && !isAccountQuery) void client.invalidateQueries({ queryKey: [["auth", "me"]] });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // A refused request (4xx) will be refused again: retry only network and server failures.
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
      },
    },
  });
  return client;
}

/** Provides TanStack Query and the tRPC client to the app below it. */
export function ApiProvider({ children, url = "/trpc" }: { children: ReactNode; url?: string }) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        // Every call carries the client header, so the server's cross-site guard lets it through.
        // The cacheable reference queries go as GET, unbatched, for the browser's cache to
        // revalidate (their small inputs in the URL; the server's logs drop query strings).
        // Everything else is a JSON POST: no inputs in URLs. The queries the portal's service
        // worker keeps for offline use (auth.me, reports.get*) travel in batches of their own, so
        // that a batch it may keep never mixes with one it must not.
        splitLink({
          condition: (op) => op.type === "query" && isCacheableQuery(op.path),
          true: httpLink({ url, headers: () => CLIENT_HEADER }),
          false: splitLink({
            condition: (op) => op.type === "query" && isOfflineReadableProcedure(op.path),
            true: httpBatchLink({ url, maxItems: MAX_BATCH_ITEMS, methodOverride: "POST", headers: () => CLIENT_HEADER }),
            false: httpBatchLink({ url, maxItems: MAX_BATCH_ITEMS, methodOverride: "POST", headers: () => CLIENT_HEADER }),
          }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
