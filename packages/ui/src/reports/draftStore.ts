/**
 * Unsent report drafts, kept in the browser's IndexedDB (through idb-keyval) so that nothing typed
 * is lost when the link drops or the page reloads. One draft per (account, task force, period):
 * another account signing in on the same browser never resumes someone else's draft.
 */
import { createStore, del, get, keys, set } from "idb-keyval";
import type { UseStore } from "idb-keyval";

/** Which report a draft belongs to, and whose it is. */
export type DraftKey = { accountId: number; taskForceId: number; periodKey: string };

/** What the browser keeps of an unsent draft. `baseVersion` is the server version it was typed over (0 = none yet). */
export type StoredDraft<C = unknown> = {
  content: C;
  acknowledged: string[];
  baseVersion: number;
  /** When it was last kept (epoch ms). */
  savedAt: number;
};

let store: UseStore | undefined;

/** The named store, opened on first use (never at import, so a page without IndexedDB still loads). */
function draftsStore(): UseStore {
  store ??= createStore("gugus", "drafts");
  return store;
}

function idbKey(key: DraftKey): [number, number, string] {
  return [key.accountId, key.taskForceId, key.periodKey];
}

/** The same draft key as one string (for React effect dependencies and logs). */
export function draftKeyString(key: DraftKey): string {
  return `${key.accountId}:${key.taskForceId}:${key.periodKey}`;
}

function isStoredDraft(value: unknown): value is StoredDraft {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return "content" in v && Array.isArray(v.acknowledged) && typeof v.baseVersion === "number" && typeof v.savedAt === "number";
}

/** The unsent draft of a report on this browser, or null. */
export async function loadDraft<C = unknown>(key: DraftKey): Promise<StoredDraft<C> | null> {
  const value: unknown = await get(idbKey(key), draftsStore());
  return isStoredDraft(value) ? (value as StoredDraft<C>) : null;
}

/** Keeps (replaces) the unsent draft of a report. */
export async function keepDraft<C>(key: DraftKey, draft: StoredDraft<C>): Promise<void> {
  await set(idbKey(key), draft, draftsStore());
}

/** Forgets the draft of a report (the server has it). */
export async function dropDraft(key: DraftKey): Promise<void> {
  await del(idbKey(key), draftsStore());
}

/** The reports of an account that have an unsent draft on this browser (for a "not sent yet" mark in lists). */
export async function listDraftKeys(accountId: number): Promise<DraftKey[]> {
  const all = await keys(draftsStore());
  return all.flatMap((k) =>
    Array.isArray(k) && k.length === 3 && k[0] === accountId && typeof k[1] === "number" && typeof k[2] === "string"
      ? [{ accountId, taskForceId: k[1], periodKey: k[2] }]
      : [],
  );
}
