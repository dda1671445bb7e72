import type { Level, RegencyKind } from "@gugus/domain";
import { Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { QueryState } from "../components/QueryState.tsx";
import { useTRPC } from "../trpc.tsx";
import { CompositionPanel } from "./CompositionPanel.tsx";
import { FormationPanel } from "./FormationPanel.tsx";

/** A task force's formation and composition on a date, editable by whoever may change them. */
export function ProfileSections({ taskForce, at }: { taskForce: { id: number; level: Level; kind: RegencyKind | null }; at: string | undefined }) {
  const trpc = useTRPC();
  const profile = useQuery(trpc.profile.get.queryOptions({ taskForceId: taskForce.id, ...(at ? { at } : {}) }));
  return (
    <QueryState query={profile}>
      {(p) => (
        <Stack gap="md">
          <FormationPanel taskForce={taskForce} profile={p} />
          <CompositionPanel taskForceId={taskForce.id} profile={p} />
        </Stack>
      )}
    </QueryState>
  );
}
