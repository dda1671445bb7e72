/** Every task force in the caller's scope as choices of a searchable select: "32.75 · Gugus Tugas PP-TPPO Kota Bekasi". */
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { taskForceName } from "../names.ts";
import { useTRPC } from "../trpc.tsx";

export function useTaskForceOptions(enabled = true) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const tree = useQuery(trpc.hierarchy.tree.queryOptions(undefined, { enabled, staleTime: 10 * 60_000 }));
  return useMemo(
    () =>
      (tree.data ?? []).map((tf) => ({
        value: String(tf.id),
        label: tf.regionCode ? `${tf.regionCode} · ${taskForceName(t, tf)}` : taskForceName(t, tf),
        level: tf.level,
      })),
    [tree.data, t],
  );
}
