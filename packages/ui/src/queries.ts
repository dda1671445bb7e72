/**
 * What a save makes stale, per kind of change: only the queries that show what it changed are
 * refreshed (those on screen refetch, the others are fetched again when next shown). Every change
 * writes an audit row, so the audit log is among them.
 */
import type { QueryClient } from "@tanstack/react-query";
import type { useTRPC } from "./trpc.tsx";

type Trpc = ReturnType<typeof useTRPC>;

/** A task force's formation changed (an instrument): its profile, and whatever shows formation status (hierarchy, coverage). */
export async function invalidateFormation(queryClient: QueryClient, trpc: Trpc, taskForceId: number): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: trpc.profile.get.queryKey({ taskForceId }) }),
    queryClient.invalidateQueries(trpc.hierarchy.pathFilter()),
    queryClient.invalidateQueries(trpc.audit.pathFilter()),
  ]);
}

/** Formation data of many task forces changed at once (an import): every profile, and whatever shows formation status. */
export async function invalidateAllFormation(queryClient: QueryClient, trpc: Trpc): Promise<void> {
  await Promise.all([queryClient.invalidateQueries(trpc.profile.pathFilter()), queryClient.invalidateQueries(trpc.hierarchy.pathFilter()), queryClient.invalidateQueries(trpc.audit.pathFilter())]);
}

/** A task force's composition changed (a seat holder): its profile only. */
export async function invalidateComposition(queryClient: QueryClient, trpc: Trpc, taskForceId: number): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.profile.get.queryKey({ taskForceId }) }), queryClient.invalidateQueries(trpc.audit.pathFilter())]);
}

/** Accounts changed: the list of accounts (and sessions, which end when an account is deactivated or reset). */
export async function invalidateAccounts(queryClient: QueryClient, trpc: Trpc): Promise<void> {
  await Promise.all([queryClient.invalidateQueries({ queryKey: trpc.accounts.list.queryKey() }), queryClient.invalidateQueries(trpc.sessions.pathFilter()), queryClient.invalidateQueries(trpc.audit.pathFilter())]);
}
