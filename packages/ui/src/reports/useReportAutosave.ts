/**
 * Autosave of a report form: every change is kept in the browser at once (draftStore), sent to the
 * server after a pause in typing, retried while the link is down, and resumed after a reload. The
 * rules are the pure state machine in autosave.ts; this hook runs its timers and effects.
 *
 *   const autosave = useReportAutosave({ key, serverVersion, server, save });
 *   // initial values: autosave.restored ?? server; on every change: autosave.change({ content, acknowledged })
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { classifySaveError, initialAutosaveState, phaseOf, sameDraft, stepAutosave } from "./autosave.ts";
import type { AutosaveEvent, AutosavePhase, AutosaveState, DraftBody, SavePayload, UnsentReason } from "./autosave.ts";
import { draftKeyString, dropDraft, keepDraft, loadDraft } from "./draftStore.ts";
import type { DraftKey } from "./draftStore.ts";

/** A send with no answer after this long counts as failed (and is retried). */
export const SEND_TIMEOUT_MS = 30_000;

export type SaveReport<C> = (payload: SavePayload<C>, options: { signal: AbortSignal }) => Promise<{ version: number }>;

export type UseReportAutosaveOptions<C> = {
  /** Whose draft of which report. */
  key: DraftKey;
  /** The report's version as the server last said (reports.get; 0 = no report yet). */
  serverVersion: number;
  /** The server's content and acknowledgements (reports.get), to tell a draft it already holds from a conflict. */
  server?: DraftBody<C>;
  /** Sends a draft: reports.save with the report's ids. A stale version must reject with CONFLICT / STALE_VERSION. */
  save: SaveReport<C>;
};

export type AutosaveStatus = {
  phase: AutosavePhase;
  /** Why the changes are unsent (phase "unsent"). */
  reason: UnsentReason | null;
  /** The message key of a refused save: show `errors.<errorKey>`. */
  errorKey: string | null;
  /** Since when a change is unsent (epoch ms), and how many seconds ago that is. */
  unsentSince: number | null;
  secondsUnsent: number | null;
  failures: number;
  /** The browser could not keep the draft (no IndexedDB, storage full): a reload would lose it. */
  notKeptLocally: boolean;
};

export type ReportAutosave<C> = {
  /** The stored draft has been looked for: render the form from here on. */
  ready: boolean;
  /** A draft resumed from this browser: the form's initial values instead of the server's. */
  restored: DraftBody<C> | null;
  status: AutosaveStatus;
  /** The user's values the server refused as stale; show them beside the server's (reload reports.get). */
  conflict: { mine: DraftBody<C>; baseVersion: number } | null;
  /** Call on every change of the form. */
  change: (body: DraftBody<C>) => void;
  /** Sends now and resolves with the saved version (before submitting); rejects when it cannot. */
  flush: () => Promise<number>;
  /** In a conflict: send mine (or a merge) over the server's current version (`serverVersion`). */
  keepMine: (body?: DraftBody<C>) => void;
  /** In a conflict: forget mine; the form then shows the server's values. */
  takeTheirs: () => void;
};

/** Sends left running by a form that closed, per draft key: a form opened again waits for them. */
const closingSends = new Map<string, Promise<void>>();

type Waiter = { resolve: (version: number) => void; reject: (error: Error) => void };

function isOnline(): boolean {
  return typeof navigator === "undefined" ? true : navigator.onLine !== false;
}

export function useReportAutosave<C>({ key, serverVersion, server, save }: UseReportAutosaveOptions<C>): ReportAutosave<C> {
  const keyString = draftKeyString(key);
  const stateRef = useRef<AutosaveState<C>>(initialAutosaveState<C>(serverVersion, isOnline()));
  // What the screen renders: the machine's state of this report (tagged, so another report's never shows).
  const [view, setView] = useState<{ keyString: string; state: AutosaveState<C>; restored: DraftBody<C> | null } | null>(null);
  const [notKeptLocally, setNotKeptLocally] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const latest = useRef({ key, keyString, serverVersion, server, save });
  useLayoutEffect(() => {
    latest.current = { key, keyString, serverVersion, server, save };
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const waiters = useRef<Waiter[]>([]);
  /** The open form's session: answers of sends from a closed one (or another report) are ignored. */
  const session = useRef({ alive: false });

  const dispatch = useCallback(function step(event: AutosaveEvent<C>): void {
    const { state, effects } = stepAutosave(stateRef.current, event);
    stateRef.current = state;
    const draftKey = latest.current.key;
    const current = session.current;
    for (const effect of effects) {
      if (effect.type === "keep") keepDraft(draftKey, effect.draft).then(() => setNotKeptLocally(false), () => setNotKeptLocally(true));
      else if (effect.type === "drop") dropDraft(draftKey).catch(() => {});
      else {
        const abort = new AbortController();
        const timeout = setTimeout(() => abort.abort(), SEND_TIMEOUT_MS);
        latest.current
          .save(effect.payload, { signal: abort.signal })
          .then(
            (answer) => current.alive && step({ type: "ack", version: answer.version, now: Date.now() }),
            (error: unknown) => current.alive && step({ type: "fail", failure: classifySaveError(error), now: Date.now() }),
          )
          .finally(() => clearTimeout(timeout));
      }
    }
    // Whoever waits for a flush learns how it ended.
    if (waiters.current.length > 0) {
      const settled = state.draft === null && !state.sending;
      const stuck = !state.sending && (state.conflict || state.reason !== null);
      if (settled || stuck) {
        const list = waiters.current;
        waiters.current = [];
        for (const w of list) {
          if (settled) w.resolve(state.baseVersion);
          else w.reject(new Error(state.conflict ? "STALE_VERSION" : (state.errorKey ?? "NETWORK")));
        }
      } else if (!state.sending && state.draft !== null && state.dueAt !== null && event.type === "ack") {
        step({ type: "due", now: Date.now() });
        return;
      }
    }
    clearTimeout(timer.current);
    if (state.dueAt !== null) timer.current = setTimeout(() => step({ type: "due", now: Date.now() }), Math.max(0, state.dueAt - Date.now()));
    if (current.alive) {
      const restoredNow = event.type === "resume" && event.stored !== null && !event.sameAsServer && state.draft !== null ? state.draft : undefined;
      const keyNow = latest.current.keyString;
      setView((v) => ({ keyString: keyNow, state, restored: restoredNow ?? (v?.keyString === keyNow ? v.restored : null) }));
      setNow(Date.now());
    }
  }, []);

  // Per report: look for a stored draft, then resume; on leaving, send what is still unsent.
  useEffect(() => {
    const mine = { alive: true };
    session.current = mine;
    stateRef.current = initialAutosaveState<C>(latest.current.serverVersion, isOnline());
    const draftKey = latest.current.key;
    void (async () => {
      await closingSends.get(keyString);
      const stored = await loadDraft<C>(draftKey).catch(() => {
        setNotKeptLocally(true);
        return null;
      });
      if (!mine.alive) return;
      const { server: current, serverVersion: version } = latest.current;
      const sameAsServer = stored !== null && current !== undefined && sameDraft(stored, current);
      dispatch({ type: "resume", stored, serverVersion: version, sameAsServer, now: Date.now() });
    })();
    return () => {
      mine.alive = false;
      clearTimeout(timer.current);
      const state = stateRef.current;
      for (const w of waiters.current.splice(0)) w.reject(new Error("CLOSED"));
      if (!state.ready || state.draft === null || state.conflict || state.sending || !isOnline()) return;
      const payload = { baseVersion: state.baseVersion, ...state.draft };
      const send = latest.current
        .save(payload, { signal: AbortSignal.timeout(SEND_TIMEOUT_MS) })
        .then(
          () => dropDraft(draftKey),
          () => {},
        )
        .finally(() => closingSends.delete(keyString));
      closingSends.set(keyString, send);
    };
  }, [keyString, dispatch]);

  // The server's version and values as the screen last read them.
  const serverJson = server === undefined ? "" : JSON.stringify(server);
  useEffect(() => {
    const state = stateRef.current;
    if (!state.ready) return;
    const current = latest.current.server;
    const sameAsDraft = state.draft !== null && current !== undefined && sameDraft(state.draft, current);
    dispatch({ type: "server", version: serverVersion, sameAsDraft, now: Date.now() });
  }, [serverVersion, serverJson, dispatch]);

  // The link: send at once when it is back.
  useEffect(() => {
    const onChange = () => dispatch({ type: "connectivity", online: isOnline(), now: Date.now() });
    window.addEventListener("online", onChange);
    window.addEventListener("offline", onChange);
    return () => {
      window.removeEventListener("online", onChange);
      window.removeEventListener("offline", onChange);
    };
  }, [dispatch]);

  const shown = view !== null && view.keyString === keyString ? view : null;
  const state = shown?.state ?? initialAutosaveState<C>(serverVersion);
  const restored = shown?.restored ?? null;
  const phase = phaseOf(state);

  // A clock for "unsent for N s", running only while something is unsent.
  useEffect(() => {
    if (phase !== "unsent") return;
    const tick = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(tick);
  }, [phase]);

  const change = useCallback((body: DraftBody<C>) => dispatch({ type: "edit", body, now: Date.now() }), [dispatch]);
  const flush = useCallback(
    () =>
      new Promise<number>((resolve, reject) => {
        const s = stateRef.current;
        if (s.draft === null && !s.sending) return resolve(s.baseVersion);
        if (s.conflict) return reject(new Error("STALE_VERSION"));
        waiters.current.push({ resolve, reject });
        if (!s.sending) dispatch({ type: "due", now: Date.now() });
      }),
    [dispatch],
  );
  const keepMine = useCallback(
    (body?: DraftBody<C>) => dispatch({ type: "keepMine", serverVersion: latest.current.serverVersion, ...(body ? { body } : {}), now: Date.now() }),
    [dispatch],
  );
  const takeTheirs = useCallback(() => {
    setView((v) => (v === null ? v : { ...v, restored: null }));
    dispatch({ type: "takeTheirs", serverVersion: latest.current.serverVersion, now: Date.now() });
  }, [dispatch]);

  const unsentSince = phase === "saved" ? null : state.unsentSince;
  return {
    ready: state.ready,
    restored,
    status: {
      phase,
      reason: phase === "unsent" ? (state.reason ?? "offline") : null,
      errorKey: state.errorKey,
      unsentSince,
      secondsUnsent: unsentSince === null ? null : Math.max(0, Math.floor((now - unsentSince) / 1_000)),
      failures: state.failures,
      notKeptLocally,
    },
    conflict: state.conflict && state.draft ? { mine: state.draft, baseVersion: state.baseVersion } : null,
    change,
    flush,
    keepMine,
    takeTheirs,
  };
}
