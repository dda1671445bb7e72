import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../trpc.tsx";

/** Signs out and forgets every cached answer (nothing of the session stays in the page). */
export function useSignOut(): () => void {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSettled: () => {
        queryClient.clear();
        void queryClient.refetchQueries();
        window.location.assign(window.location.pathname.split("/").slice(0, 2).join("/") + "/");
      },
    }),
  );
  return () => signOut.mutate();
}
