/**
 * The tRPC client both apps use: batched HTTP to /trpc on the same origin, through TanStack Query.
 * `useTRPC()` gives typed query and mutation options, e.g. `useQuery(trpc.ran.periods.queryOptions())`.
 */
import type { AppRouter } from "@gugus/api";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { TRPCClientError, createTRPCClient, httpBatchLink, splitLink } from "@trpc/client";
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

/** Custom header the server requires on API posts (it refuses cross-site requests without it). */
export const CLIENT_HEADER = { "x-gugus-client": "web" } as const;

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
        // Every call is a JSON POST with the client header: no inputs in URLs or logs, and the
        // server's cross-site guard lets it through. The queries the portal's service worker keeps
        // for offline use (auth.me, reports.get*) travel in batches of their own, so that a batch
        // it may keep never mixes with one it must not.
        splitLink({
          condition: (op) => op.type === "query" && isOfflineReadableProcedure(op.path),
          true: httpBatchLink({ url, maxItems: MAX_BATCH_ITEMS, methodOverride: "POST", headers: () => CLIENT_HEADER }),
          false: httpBatchLink({ url, maxItems: MAX_BATCH_ITEMS, methodOverride: "POST", headers: () => CLIENT_HEADER }),
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
