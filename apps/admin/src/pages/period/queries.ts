/** What a save on a period page makes stale: only the queries that show what it changed. */
import type { useTRPC } from "@gugus/ui";
import type { QueryClient } from "@tanstack/react-query";

type Trpc = ReturnType<typeof useTRPC>;

/** A period's own record changed (years, settings, adoption, coordinators): its page and the list of periods. */
export async function invalidatePeriod(queryClient: QueryClient, trpc: Trpc, number: number): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.ran.period.queryKey({ number }) }), queryClient.invalidateQueries({ queryKey: trpc.ran.periods.queryKey() })]);
}

/** A period's action items changed: its page only (the list of periods does not show them). */
export async function invalidatePeriodItems(queryClient: QueryClient, trpc: Trpc, number: number): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: trpc.ran.period.queryKey({ number }) });
}
