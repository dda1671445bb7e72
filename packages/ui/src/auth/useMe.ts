import type { Me } from "@gugus/api";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../trpc.tsx";

export type { Me };

/** The signed-in account (undefined while loading; an UNAUTHORIZED error when signed out). */
export function useMeQuery() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions(undefined, { retry: false, staleTime: 5 * 60_000 }));
}

/** Replaces the cached account (after signing in or changing the password). */
export function useSetMe() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (me: Me | undefined) => {
    if (me) queryClient.setQueryData(trpc.auth.me.queryKey(), me);
    else void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
  };
}

/** The account, once the session gate has let the page through. */
export function useMe(): Me {
  const { data } = useMeQuery();
  if (!data) throw new Error("useMe() outside a signed-in page");
  return data;
}
