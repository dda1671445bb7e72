/**
 * The autosave state machine of a report form, as a pure function: `stepAutosave(state, event)`
 * gives the next state and the effects to carry out (keep the draft in the browser, forget it,
 * send it). No clock, no timers, no IO: time comes in with each event and the caller runs a timer
 * to `state.dueAt`. `useReportAutosave` drives it in the browser.
 *
 * The rules: every change is kept in the browser at once; it is sent after a pause in typing
 * (DEBOUNCE_MS, at most MAX_WAIT_MS after the first unsent change); a failed send is retried with
 * a growing delay, and at once when the browser comes back online; a stale save (CONFLICT) stops
 * sending and keeps the draft until the user chooses; a refused save waits for the next change.
 */
import type { StoredDraft } from "./draftStore.ts";

export const DEBOUNCE_MS = 1_500;
export const MAX_WAIT_MS = 10_000;
export const RETRY_MIN_MS = 2_000;
export const RETRY_MAX_MS = 30_000;
/** While the browser says it is offline, look again this often (the `online` event may not come). */
export const OFFLINE_RETRY_MS = 30_000;

/** What the user edits: the report content and the warnings they acknowledged. */
export type DraftBody<C> = { content: C; acknowledged: string[] };

/** What one save sends (reports.save without the report's ids). */
export type SavePayload<C> = DraftBody<C> & { baseVersion: number };

export type AutosavePhase = "saved" | "saving" | "unsent" | "conflict";

/** Why a change is not on the server yet. */
export type UnsentReason = "offline" | "failed" | "refused";

export type AutosaveState<C> = {
  /** Whether the stored draft has been looked for (nothing is sent before). */
  ready: boolean;
  /** The server version the local content builds on (0 = no report yet). */
  baseVersion: number;
  /** Local changes the server does not have yet; null when it has everything. */
  draft: DraftBody<C> | null;
  /** Counts local changes, so that an answer can tell whether it covers the latest. */
  revision: number;
  /** The send under way: which revision it carries. */
  sending: { revision: number } | null;
  /** The first local change the server does not have yet (epoch ms). */
  unsentSince: number | null;
  lastEditAt: number | null;
  /** Failed sends in a row. */
  failures: number;
  reason: UnsentReason | null;
  /** The message key of a refused save (errors.<key>). */
  errorKey: string | null;
  /** The server answered that the draft's base version is stale. */
  conflict: boolean;
  online: boolean;
  /** When to send next (epoch ms); null: nothing to send or waiting for the user. */
  dueAt: number | null;
};

export type SaveFailure = { kind: "network" } | { kind: "conflict" } | { kind: "refused"; messageKey: string | null };

export type AutosaveEvent<C> =
  /** The stored draft was looked for. `sameAsServer`: its content equals what the server holds now. */
  | { type: "resume"; stored: StoredDraft<C> | null; serverVersion: number; sameAsServer: boolean; now: number }
  | { type: "edit"; body: DraftBody<C>; now: number }
  /** The timer to `dueAt` fired, or the screen asks to send now (before submitting). */
  | { type: "due"; now: number }
  | { type: "connectivity"; online: boolean; now: number }
  | { type: "ack"; version: number; now: number }
  | { type: "fail"; failure: SaveFailure; now: number }
  /** The screen read the report again. `sameAsDraft`: the server's content equals the local draft. */
  | { type: "server"; version: number; sameAsDraft: boolean; now: number }
  /** In a conflict: send the user's values (or `body`, merged) over the server's current version. */
  | { type: "keepMine"; serverVersion: number; body?: DraftBody<C>; now: number }
  /** In a conflict: give up the local draft for the server's values. */
  | { type: "takeTheirs"; serverVersion: number; now: number };

export type AutosaveEffect<C> = { type: "keep"; draft: StoredDraft<C> } | { type: "drop" } | { type: "send"; payload: SavePayload<C> };

export type AutosaveStep<C> = { state: AutosaveState<C>; effects: AutosaveEffect<C>[] };

export function initialAutosaveState<C>(serverVersion: number, online = true): AutosaveState<C> {
  return {
    ready: false,
    baseVersion: serverVersion,
    draft: null,
    revision: 0,
    sending: null,
    unsentSince: null,
    lastEditAt: null,
    failures: 0,
    reason: null,
    errorKey: null,
    conflict: false,
    online,
    dueAt: null,
  };
}

/** What the screen shows: saved, saving (waiting for a pause or under way), unsent (with why), conflict. */
export function phaseOf(state: AutosaveState<unknown>): AutosavePhase {
  if (state.conflict) return "conflict";
  if (state.draft === null) return state.sending ? "saving" : "saved";
  if (state.sending) return "saving";
  if (state.reason !== null || !state.online) return "unsent";
  return "saving";
}

/** The delay before the n-th retry (n ≥ 1): 2 s, 4 s, 8 s … at most 30 s. */
export function retryDelay(failures: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.max(0, failures - 1));
}

function debouncedDue(state: AutosaveState<unknown>, now: number): number {
  const last = state.lastEditAt ?? now;
  const first = state.unsentSince ?? now;
  return Math.max(now, Math.min(last + DEBOUNCE_MS, first + MAX_WAIT_MS));
}

function kept<C>(draft: DraftBody<C>, baseVersion: number, now: number): AutosaveEffect<C> {
  return { type: "keep", draft: { content: draft.content, acknowledged: draft.acknowledged, baseVersion, savedAt: now } };
}

const DROP = { type: "drop" } as const;

/** Where to send next when nothing blocks sending. */
function nextDue(state: AutosaveState<unknown>, now: number): number | null {
  if (state.draft === null || state.conflict || state.sending || state.reason === "refused") return null;
  if (!state.online) return now + OFFLINE_RETRY_MS;
  if (state.failures > 0) return Math.max(debouncedDue(state, now), state.dueAt ?? now);
  return debouncedDue(state, now);
}

export function stepAutosave<C>(state: AutosaveState<C>, event: AutosaveEvent<C>): AutosaveStep<C> {
  const { now } = event;
  switch (event.type) {
    case "resume": {
      const { stored, serverVersion } = event;
      const base = { ...state, ready: true };
      // Typed here before the stored draft was read: those changes are the newest.
      if (state.draft !== null) {
        const next = { ...base, baseVersion: serverVersion };
        return { state: { ...next, dueAt: nextDue(next, now) }, effects: [kept(state.draft, serverVersion, now)] };
      }
      if (stored === null) return { state: { ...base, baseVersion: serverVersion }, effects: [] };
      if (event.sameAsServer) return { state: { ...base, baseVersion: serverVersion, draft: null }, effects: [DROP] };
      const draft = { content: stored.content, acknowledged: stored.acknowledged };
      const resumed: AutosaveState<C> = { ...base, draft, baseVersion: stored.baseVersion, revision: state.revision + 1, unsentSince: stored.savedAt, lastEditAt: stored.savedAt };
      // Typed over another version than the server's: someone else saved meanwhile.
      if (stored.baseVersion !== serverVersion) return { state: { ...resumed, conflict: true, dueAt: null }, effects: [] };
      return { state: { ...resumed, dueAt: resumed.online ? now : now + OFFLINE_RETRY_MS }, effects: [] };
    }
    case "edit": {
      const next: AutosaveState<C> = {
        ...state,
        draft: event.body,
        revision: state.revision + 1,
        lastEditAt: now,
        unsentSince: state.unsentSince ?? now,
        reason: state.reason === "refused" ? null : state.reason,
        errorKey: state.reason === "refused" ? null : state.errorKey,
      };
      const reason = !next.online && !next.conflict ? "offline" : next.reason;
      const withReason = { ...next, reason };
      return { state: { ...withReason, dueAt: state.ready ? nextDue(withReason, now) : null }, effects: [kept(event.body, state.baseVersion, now)] };
    }
    case "due": {
      if (!state.ready || state.draft === null || state.conflict || state.sending) return { state: { ...state, dueAt: state.draft === null || state.conflict ? null : state.dueAt }, effects: [] };
      if (!state.online) return { state: { ...state, reason: "offline", dueAt: now + OFFLINE_RETRY_MS }, effects: [] };
      const payload: SavePayload<C> = { baseVersion: state.baseVersion, content: state.draft.content, acknowledged: state.draft.acknowledged };
      return { state: { ...state, sending: { revision: state.revision }, dueAt: null }, effects: [{ type: "send", payload }] };
    }
    case "connectivity": {
      const next = { ...state, online: event.online };
      if (!event.online) return { state: { ...next, reason: next.draft && !next.conflict ? (next.reason ?? "offline") : next.reason, dueAt: nextDue(next, now) }, effects: [] };
      // Back online: send now, whatever the retry delay said.
      const back = { ...next, reason: next.reason === "offline" ? null : next.reason };
      const due = nextDue(back, now);
      return { state: { ...back, dueAt: due === null ? null : now }, effects: [] };
    }
    case "ack": {
      if (!state.sending) return { state, effects: [] };
      const covered = state.sending.revision === state.revision;
      const next: AutosaveState<C> = { ...state, sending: null, baseVersion: event.version, failures: 0, reason: null, errorKey: null };
      if (covered) return { state: { ...next, draft: null, unsentSince: null, dueAt: null }, effects: [DROP] };
      // Changed while the save was under way: keep the newer draft over the new version, send it next.
      return { state: { ...next, dueAt: nextDue(next, now) }, effects: [kept(state.draft!, event.version, now)] };
    }
    case "fail": {
      if (!state.sending) return { state, effects: [] };
      const next = { ...state, sending: null };
      const { failure } = event;
      if (failure.kind === "conflict") return { state: { ...next, conflict: true, dueAt: null }, effects: [] };
      if (failure.kind === "refused") return { state: { ...next, reason: "refused", errorKey: failure.messageKey, dueAt: null }, effects: [] };
      const failures = state.failures + 1;
      const failed: AutosaveState<C> = { ...next, failures, reason: next.online ? "failed" : "offline" };
      return { state: { ...failed, dueAt: next.online ? now + retryDelay(failures) : now + OFFLINE_RETRY_MS }, effects: [] };
    }
    case "server": {
      if (state.sending) return { state, effects: [] };
      if (state.draft === null) return { state: { ...state, baseVersion: Math.max(state.baseVersion, event.version) }, effects: [] };
      // The server already holds exactly the draft (an answer lost on the way back): nothing is unsent.
      if (event.sameAsDraft && event.version >= state.baseVersion) {
        return { state: { ...state, draft: null, conflict: false, baseVersion: event.version, unsentSince: null, failures: 0, reason: null, errorKey: null, dueAt: null }, effects: [DROP] };
      }
      return { state, effects: [] };
    }
    case "keepMine": {
      if (!state.conflict) return { state, effects: [] };
      const draft = event.body ?? state.draft;
      if (draft === null) return { state: { ...state, conflict: false, baseVersion: event.serverVersion }, effects: [] };
      const next: AutosaveState<C> = { ...state, conflict: false, draft, baseVersion: event.serverVersion, revision: state.revision + 1, failures: 0, reason: null, errorKey: null, lastEditAt: now };
      return { state: { ...next, dueAt: next.online ? now : now + OFFLINE_RETRY_MS }, effects: [kept(draft, event.serverVersion, now)] };
    }
    case "takeTheirs": {
      if (!state.conflict) return { state, effects: [] };
      return { state: { ...state, conflict: false, draft: null, baseVersion: event.serverVersion, unsentSince: null, failures: 0, reason: null, errorKey: null, dueAt: null }, effects: [DROP] };
    }
  }
}

/**
 * How a failed save counts: a stale version (CONFLICT, STALE_VERSION) is a conflict; any other
 * answer of the server with a 4xx status is a refusal that sending again will not change (locked,
 * closed, invalid, signed out); anything else (no answer, 5xx, 429, a timeout) is worth retrying.
 * Reads a tRPC client error's `data` ({ code, httpStatus, messageKey }) without importing tRPC.
 */
export function classifySaveError(error: unknown): SaveFailure {
  const data = (typeof error === "object" && error !== null ? (error as { data?: unknown }).data : undefined) as
    | { code?: unknown; httpStatus?: unknown; messageKey?: unknown }
    | null
    | undefined;
  const messageKey = typeof data?.messageKey === "string" ? data.messageKey : null;
  if (data?.code === "CONFLICT" && messageKey === "STALE_VERSION") return { kind: "conflict" };
  const status = typeof data?.httpStatus === "number" ? data.httpStatus : undefined;
  if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) return { kind: "refused", messageKey };
  return { kind: "network" };
}

/** JSON with sorted object keys, so that two contents with the same values compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Whether two drafts hold the same values (acknowledgements compared as a set). */
export function sameDraft(a: DraftBody<unknown>, b: DraftBody<unknown>): boolean {
  return canonicalJson(a.content) === canonicalJson(b.content) && canonicalJson([...a.acknowledged].sort()) === canonicalJson([...b.acknowledged].sort());
}
