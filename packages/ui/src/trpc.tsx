/**
 * The tRPC client both apps use: batched HTTP to /trpc on the same origin, through TanStack Query.
 * `useTRPC()` gives typed query and mutation options, e.g. `useQuery(trpc.ran.periods.queryOptions())`.
 */
import type { AppRouter } from "@gugus/api";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { TRPCClientError, createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState } from "react";
import type { ReactNode } from "react";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Most procedures sent in one batched request; the server refuses more. */
export const MAX_BATCH_ITEMS = 10;

function isClientError(error: unknown): boolean {
  const status = error instanceof TRPCClientError ? (error.data as { httpStatus?: number } | undefined)?.httpStatus : undefined;
  return status !== undefined && status >= 400 && status < 500;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // A refused request (4xx) will be refused again: retry only network and server failures.
        retry: (failureCount, error) => !isClientError(error) && failureCount < 2,
      },
    },
  });
}

/** Provides TanStack Query and the tRPC client to the app below it. */
export function ApiProvider({ children, url = "/trpc" }: { children: ReactNode; url?: string }) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url, maxItems: MAX_BATCH_ITEMS })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
