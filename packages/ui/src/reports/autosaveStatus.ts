/** Which message says the autosave's status (keys in i18n/offline.ts). */
import type { AutosaveStatus } from "./useReportAutosave.ts";

export type StatusMessage = { key: `offline.${string}`; values?: { count: number }; tone: "ok" | "busy" | "warn" | "alert" };

export function autosaveStatusMessage(status: Pick<AutosaveStatus, "phase" | "reason" | "secondsUnsent">): StatusMessage {
  const count = status.secondsUnsent ?? 0;
  switch (status.phase) {
    case "saved":
      return { key: "offline.saved", tone: "ok" };
    case "saving":
      return { key: "offline.saving", tone: "busy" };
    case "conflict":
      return { key: "offline.conflict", tone: "alert" };
    case "unsent":
      if (status.reason === "refused") return { key: "offline.unsentRefused", tone: "alert" };
      if (status.reason === "failed") return { key: "offline.unsentFailed", values: { count }, tone: "warn" };
      return { key: "offline.unsentOffline", values: { count }, tone: "warn" };
  }
}
