import { describe, expect, it } from "vitest";
import {
  DEBOUNCE_MS,
  MAX_WAIT_MS,
  OFFLINE_RETRY_MS,
  canonicalJson,
  classifySaveError,
  initialAutosaveState,
  phaseOf,
  retryDelay,
  sameDraft,
  stepAutosave,
} from "./autosave.ts";
import type { AutosaveEffect, AutosaveEvent, AutosaveState, DraftBody } from "./autosave.ts";
import { autosaveStatusMessage } from "./autosaveStatus.ts";
import { createI18n } from "../i18n/index.ts";

type Content = { victims: { total: number | null } };
const body = (total: number | null, acknowledged: string[] = []): DraftBody<Content> => ({ content: { victims: { total } }, acknowledged });

/** Runs events in order, collecting every effect. */
function run(state: AutosaveState<Content>, events: AutosaveEvent<Content>[]) {
  const effects: AutosaveEffect<Content>[] = [];
  for (const event of events) {
    const step = stepAutosave(state, event);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

/** A form over server version 3 with nothing stored in the browser. */
function ready(serverVersion = 3, online = true) {
  return run(initialAutosaveState<Content>(serverVersion, online), [{ type: "resume", stored: null, serverVersion, sameAsServer: false, now: 0 }]).state;
}

describe("autosave: typing", () => {
  it("keeps every change in the browser at once, and sends only after a pause in typing", () => {
    const { state, effects } = run(ready(), [
      { type: "edit", body: body(1), now: 1_000 },
      { type: "edit", body: body(12), now: 1_400 },
    ]);
    expect(effects).toEqual([
      { type: "keep", draft: { ...body(1), baseVersion: 3, savedAt: 1_000 } },
      { type: "keep", draft: { ...body(12), baseVersion: 3, savedAt: 1_400 } },
    ]);
    expect(state.dueAt).toBe(1_400 + DEBOUNCE_MS);
    expect(phaseOf(state)).toBe("saving");
  });

  it("sends at most MAX_WAIT_MS after the first unsent change, however long the typing goes on", () => {
    const events: AutosaveEvent<Content>[] = [];
    for (let t = 0; t <= 9_500; t += 500) events.push({ type: "edit", body: body(t), now: 1_000 + t });
    const { state } = run(ready(), events);
    expect(state.dueAt).toBe(1_000 + MAX_WAIT_MS);
  });

  it("sends the latest draft over the version it was typed on", () => {
    const { state, effects } = run(ready(), [
      { type: "edit", body: body(5, ["W@x"]), now: 0 },
      { type: "due", now: DEBOUNCE_MS },
    ]);
    expect(effects.at(-1)).toEqual({ type: "send", payload: { baseVersion: 3, content: { victims: { total: 5 } }, acknowledged: ["W@x"] } });
    expect(phaseOf(state)).toBe("saving");
    expect(state.dueAt).toBeNull();
  });

  it("does not send twice at once: a change during a send waits for its answer", () => {
    const { state, effects } = run(ready(), [
      { type: "edit", body: body(5), now: 0 },
      { type: "due", now: 1_500 },
      { type: "edit", body: body(6), now: 1_600 },
      { type: "due", now: 3_100 },
    ]);
    expect(effects.filter((e) => e.type === "send")).toHaveLength(1);
    expect(state.dueAt).toBeNull();
  });

  it("sends nothing when nothing changed", () => {
    const { effects } = run(ready(), [{ type: "due", now: 5_000 }]);
    expect(effects).toEqual([]);
  });
});

describe("autosave: answers", () => {
  it("forgets the browser's draft once the server has the latest change", () => {
    const { state, effects } = run(ready(), [
      { type: "edit", body: body(5), now: 0 },
      { type: "due", now: 1_500 },
      { type: "ack", version: 4, now: 1_700 },
    ]);
    expect(effects.at(-1)).toEqual({ type: "drop" });
    expect(state).toMatchObject({ baseVersion: 4, draft: null, unsentSince: null, dueAt: null });
    expect(phaseOf(state)).toBe("saved");
  });

  it("keeps a change made during the send over the new version and sends it next", () => {
    const { state, effects } = run(ready(), [
      { type: "edit", body: body(5), now: 0 },
      { type: "due", now: 1_500 },
      { type: "edit", body: body(6), now: 1_600 },
      { type: "ack", version: 4, now: 1_700 },
    ]);
    expect(effects.at(-1)).toEqual({ type: "keep", draft: { ...body(6), baseVersion: 4, savedAt: 1_700 } });
    expect(state.draft).toEqual(body(6));
    expect(state.dueAt).toBe(1_600 + DEBOUNCE_MS);
    const next = run(state, [{ type: "due", now: 3_100 }]);
    expect(next.effects).toEqual([{ type: "send", payload: { baseVersion: 4, ...body(6) } }]);
  });

  it("retries a failed send later and later, and says since when the change is unsent", () => {
    let { state } = run(ready(), [
      { type: "edit", body: body(5), now: 10_000 },
      { type: "due", now: 11_500 },
      { type: "fail", failure: { kind: "network" }, now: 12_000 },
    ]);
    expect(phaseOf(state)).toBe("unsent");
    expect(state).toMatchObject({ reason: "failed", failures: 1, unsentSince: 10_000, dueAt: 12_000 + retryDelay(1) });
    ({ state } = run(state, [
      { type: "due", now: state.dueAt! },
      { type: "fail", failure: { kind: "network" }, now: 15_000 },
    ]));
    expect(state.dueAt).toBe(15_000 + retryDelay(2));
    expect(retryDelay(2)).toBeGreaterThan(retryDelay(1));
    expect(retryDelay(50)).toBe(30_000);
  });

  it("clears the failure count and the reason after a successful retry", () => {
    const { state } = run(ready(), [
      { type: "edit", body: body(5), now: 0 },
      { type: "due", now: 1_500 },
      { type: "fail", failure: { kind: "network" }, now: 2_000 },
      { type: "due", now: 4_000 },
      { type: "ack", version: 4, now: 4_100 },
    ]);
    expect(state).toMatchObject({ failures: 0, reason: null, draft: null });
    expect(phaseOf(state)).toBe("saved");
  });

  it("stops sending on a conflict and keeps the draft to show beside the server's values", () => {
    const { state, effects } = run(ready(), [
      { type: "edit", body: body(5), now: 0 },
      { type: "due", now: 1_500 },
      { type: "fail", failure: { kind: "conflict" }, now: 2_000 },
      { type: "edit", body: body(7), now: 3_000 },
      { type: "due", now: 9_000 },
    ]);
    expect(phaseOf(state)).toBe("conflict");
    expect(state.draft).toEqual(body(7));
    expect(state.dueAt).toBeNull();
    expect(effects.filter((e) => e.type === "send")).toHaveLength(1);
    expect(effects.at(-1)).toEqual({ type: "keep", draft: { ...body(7), baseVersion: 3, savedAt: 3_000 } });
  });

  it("waits for the next change after a refusal, then tries again", () => {
    let { state } = run(ready(), [
      { type: "edit", body: body(5), now: 0 },
      { type: "due", now: 1_500 },
      { type: "fail", failure: { kind: "refused", messageKey: "PERSONAL_DATA_IN_TEXT" }, now: 2_000 },
    ]);
    expect(state).toMatchObject({ reason: "refused", errorKey: "PERSONAL_DATA_IN_TEXT", dueAt: null });
    expect(phaseOf(state)).toBe("unsent");
    ({ state } = run(state, [{ type: "edit", body: body(6), now: 5_000 }]));
    expect(state).toMatchObject({ reason: null, errorKey: null, dueAt: 5_000 + DEBOUNCE_MS });
  });

  it("ignores an answer when no send is under way", () => {
    const before = ready();
    expect(stepAutosave(before, { type: "ack", version: 9, now: 1 }).state).toBe(before);
    expect(stepAutosave(before, { type: "fail", failure: { kind: "conflict" }, now: 1 }).state).toBe(before);
  });
});

describe("autosave: offline", () => {
  it("keeps changes while offline without sending, and sends at once when the link is back", () => {
    let { state, effects } = run(ready(3, false), [
      { type: "edit", body: body(5), now: 0 },
      { type: "due", now: 1_500 },
    ]);
    expect(effects.map((e) => e.type)).toEqual(["keep"]);
    expect(phaseOf(state)).toBe("unsent");
    expect(state.reason).toBe("offline");
    expect(state.dueAt).toBe(1_500 + OFFLINE_RETRY_MS);
    ({ state } = run(state, [{ type: "connectivity", online: true, now: 20_000 }]));
    expect(state.dueAt).toBe(20_000);
    expect(state.reason).toBeNull();
    ({ effects } = run(state, [{ type: "due", now: 20_000 }]));
    expect(effects).toEqual([{ type: "send", payload: { baseVersion: 3, ...body(5) } }]);
  });

  it("skips the retry delay when the link comes back", () => {
    const { state } = run(ready(), [
      { type: "edit", body: body(5), now: 0 },
      { type: "due", now: 1_500 },
      { type: "fail", failure: { kind: "network" }, now: 2_000 },
      { type: "fail", failure: { kind: "network" }, now: 2_000 },
      { type: "connectivity", online: false, now: 2_100 },
      { type: "connectivity", online: true, now: 3_000 },
    ]);
    expect(state.dueAt).toBe(3_000);
  });

  it("does not start sending when the link comes back with nothing unsent", () => {
    const { state } = run(ready(3, false), [{ type: "connectivity", online: true, now: 1 }]);
    expect(state.dueAt).toBeNull();
    expect(phaseOf(state)).toBe("saved");
  });
});

describe("autosave: resuming after a reload", () => {
  const stored = (baseVersion: number) => ({ ...body(9), baseVersion, savedAt: 500 });

  it("resumes a stored draft typed over the server's version and sends it at once", () => {
    const { state } = run(initialAutosaveState<Content>(3), [{ type: "resume", stored: stored(3), serverVersion: 3, sameAsServer: false, now: 1_000 }]);
    expect(state).toMatchObject({ ready: true, draft: body(9), baseVersion: 3, unsentSince: 500, dueAt: 1_000 });
  });

  it("calls a stored draft typed over an older version a conflict, and sends nothing", () => {
    const { state } = run(initialAutosaveState<Content>(4), [
      { type: "resume", stored: stored(3), serverVersion: 4, sameAsServer: false, now: 1_000 },
      { type: "due", now: 1_000 },
    ]);
    expect(phaseOf(state)).toBe("conflict");
    expect(state.draft).toEqual(body(9));
    expect(state.sending).toBeNull();
  });

  it("forgets a stored draft the server already holds", () => {
    const { state, effects } = run(initialAutosaveState<Content>(4), [{ type: "resume", stored: stored(3), serverVersion: 4, sameAsServer: true, now: 1_000 }]);
    expect(effects).toEqual([{ type: "drop" }]);
    expect(phaseOf(state)).toBe("saved");
    expect(state.baseVersion).toBe(4);
  });

  it("sends nothing before the stored draft was looked for, and keeps changes typed meanwhile over the stored one", () => {
    const { state, effects } = run(initialAutosaveState<Content>(3), [
      { type: "edit", body: body(1), now: 0 },
      { type: "due", now: 2_000 },
      { type: "resume", stored: stored(3), serverVersion: 3, sameAsServer: false, now: 2_100 },
    ]);
    expect(effects.some((e) => e.type === "send")).toBe(false);
    expect(state.draft).toEqual(body(1));
    expect(state.dueAt).not.toBeNull();
  });
});

describe("autosave: resolving a conflict", () => {
  const inConflict = () =>
    run(ready(), [
      { type: "edit", body: body(5), now: 0 },
      { type: "due", now: 1_500 },
      { type: "fail", failure: { kind: "conflict" }, now: 2_000 },
    ]).state;

  it("sends the user's values (or a merge) over the server's current version when they keep theirs", () => {
    const { state, effects } = run(inConflict(), [
      { type: "keepMine", serverVersion: 5, body: body(8), now: 3_000 },
      { type: "due", now: 3_000 },
    ]);
    expect(effects).toEqual([
      { type: "keep", draft: { ...body(8), baseVersion: 5, savedAt: 3_000 } },
      { type: "send", payload: { baseVersion: 5, ...body(8) } },
    ]);
    expect(phaseOf(state)).toBe("saving");
  });

  it("forgets the local draft when the user takes the server's values", () => {
    const { state, effects } = run(inConflict(), [{ type: "takeTheirs", serverVersion: 5, now: 3_000 }]);
    expect(effects).toEqual([{ type: "drop" }]);
    expect(state).toMatchObject({ conflict: false, draft: null, baseVersion: 5 });
  });

  it("ends the conflict by itself when the server turns out to hold the same values (an answer lost on the way)", () => {
    const { state, effects } = run(inConflict(), [{ type: "server", version: 4, sameAsDraft: true, now: 3_000 }]);
    expect(effects).toEqual([{ type: "drop" }]);
    expect(phaseOf(state)).toBe("saved");
    expect(state.baseVersion).toBe(4);
  });

  it("follows the server's version when nothing is unsent (after a submission)", () => {
    const { state } = run(ready(), [{ type: "server", version: 6, sameAsDraft: false, now: 1 }]);
    expect(state.baseVersion).toBe(6);
  });

  it("stays in conflict when the server holds other values", () => {
    const { state } = run(inConflict(), [{ type: "server", version: 4, sameAsDraft: false, now: 3_000 }]);
    expect(phaseOf(state)).toBe("conflict");
  });
});

describe("classifySaveError", () => {
  it("calls a stale version a conflict", () => {
    expect(classifySaveError({ data: { code: "CONFLICT", httpStatus: 409, messageKey: "STALE_VERSION" } })).toEqual({ kind: "conflict" });
  });

  it("calls another refusal of the server final (a locked or closed report, bad input)", () => {
    expect(classifySaveError({ data: { code: "CONFLICT", httpStatus: 409, messageKey: "REPORT_LOCKED" } })).toEqual({ kind: "refused", messageKey: "REPORT_LOCKED" });
    expect(classifySaveError({ data: { code: "BAD_REQUEST", httpStatus: 400, messageKey: "PERSONAL_DATA_IN_TEXT" } })).toEqual({ kind: "refused", messageKey: "PERSONAL_DATA_IN_TEXT" });
  });

  it("retries no answer, a server failure, a rate limit and a timeout", () => {
    expect(classifySaveError(new TypeError("Failed to fetch"))).toEqual({ kind: "network" });
    expect(classifySaveError({ data: { httpStatus: 500 } })).toEqual({ kind: "network" });
    expect(classifySaveError({ data: { httpStatus: 429 } })).toEqual({ kind: "network" });
    expect(classifySaveError(null)).toEqual({ kind: "network" });
  });
});

describe("sameDraft", () => {
  it("compares values, not key order, and acknowledgements as a set", () => {
    expect(sameDraft({ content: { a: 1, b: { c: 2, d: null } }, acknowledged: ["x", "y"] }, { content: { b: { d: null, c: 2 }, a: 1 }, acknowledged: ["y", "x"] })).toBe(true);
    expect(sameDraft({ content: { a: 1 }, acknowledged: [] }, { content: { a: 2 }, acknowledged: [] })).toBe(false);
    expect(sameDraft({ content: [1, 2], acknowledged: [] }, { content: [2, 1], acknowledged: [] })).toBe(false);
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });
});

describe("autosaveStatusMessage", () => {
  it("names the seconds a change has been unsent, and why", () => {
    expect(autosaveStatusMessage({ phase: "unsent", reason: "offline", secondsUnsent: 42 })).toEqual({ key: "offline.unsentOffline", values: { count: 42 }, tone: "warn" });
    expect(autosaveStatusMessage({ phase: "unsent", reason: "failed", secondsUnsent: 3 })).toMatchObject({ key: "offline.unsentFailed", values: { count: 3 } });
    expect(autosaveStatusMessage({ phase: "unsent", reason: "refused", secondsUnsent: 3 }).key).toBe("offline.unsentRefused");
    expect(autosaveStatusMessage({ phase: "conflict", reason: null, secondsUnsent: 3 }).key).toBe("offline.conflict");
    expect(autosaveStatusMessage({ phase: "saved", reason: null, secondsUnsent: null }).key).toBe("offline.saved");
  });

  it("words every status in both languages", () => {
    const i18n = { id: createI18n({ id: {}, en: {} }, "id"), en: createI18n({ id: {}, en: {} }, "en") };
    for (const status of [
      { phase: "saved", reason: null },
      { phase: "saving", reason: null },
      { phase: "conflict", reason: null },
      { phase: "unsent", reason: "offline" },
      { phase: "unsent", reason: "failed" },
      { phase: "unsent", reason: "refused" },
    ] as const) {
      const message = autosaveStatusMessage({ ...status, secondsUnsent: 5 });
      for (const lang of ["id", "en"] as const) expect(i18n[lang].exists(message.key, { count: 5 }), `${lang} ${message.key}`).toBe(true);
    }
    expect(i18n.en.t("offline.unsentOffline", { count: 5 })).toContain("5 seconds ago");
  });
});
