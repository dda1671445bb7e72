/**
 * Every procedure of the app router, fuzzed: inputs generated from its own input schema (values,
 * near-misses, the fixture's words), arbitrary JSON and arbitrary values, each sent as one of the
 * fixture's accounts or as nobody. Whatever comes in: no internal error, an error shape with no
 * stack, no SQL and none of the input, nothing written by a refused call, and a sound database at
 * the end. One fresh database per procedure; successful writes may change it as they go.
 */
import type { DatabaseHandle } from "@gugus/db";
import { hasCapability } from "@gugus/domain";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { formatError } from "./errors.ts";
import { arbitraryOf, markersIn } from "./fuzz-arbitraries.ts";
import type { Schema } from "./fuzz-arbitraries.ts";
import { ruleFor } from "./policy.ts";
import { appRouter } from "./root.ts";
import { ACTORS, fixtureFactory } from "./test-helpers.ts";
import type { ActorKey, Fixture } from "./test-helpers.ts";

declare module "vitest" {
  interface ProvidedContext {
    /** Runs per procedure (vitest.config.ts: 1,000 in CI). */
    fuzzRuns: number;
  }
}

const RUNS = inject("fuzzRuns");
const factory = await fixtureFactory();

type ProcedureDef = { _def: { type: "query" | "mutation"; inputs: Schema[] } };
const PROCEDURES = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);
const ACTOR_KEYS = [...(Object.keys(ACTORS) as (keyof typeof ACTORS)[]), "anonymous" as const];

/**
 * Tables a refused call may still write: the audit log, sign-in throttling, the migrations' and
 * autoincrement's books, and the accounts' version (raised when the caller's dead session is removed).
 */
const NOT_DATA = new Set(["audit_log", "sign_in_attempts", "sessions", "account_version", "sqlite_sequence", "__drizzle_migrations"]);

const dataTables = (h: DatabaseHandle) =>
  (h.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]).filter((t) => !NOT_DATA.has(t));

/** Every data table's content; sessions without their last use and without the caller's own (a dead one is removed when presented). */
function fingerprint(h: DatabaseHandle, callerId: number | null): string {
  const parts = dataTables(h).map((t) => `${t}:${JSON.stringify(h.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().all())}`);
  parts.push(JSON.stringify(h.sqlite.prepare("SELECT id, user_id, token_hash FROM sessions WHERE user_id IS NOT ? ORDER BY id").raw().all(callerId)));
  return parts.join("|");
}

/**
 * A log of every row written to a data table (and to another account's session), kept by temporary
 * triggers on this connection: it is cheap enough to read after every call, where the full
 * fingerprint is compared on a sample. A write rolled back with its transaction leaves no entry.
 */
function writeLog(h: DatabaseHandle) {
  h.sqlite.exec("CREATE TEMP TABLE fuzz_writes (tbl TEXT NOT NULL, user_id INTEGER)");
  for (const table of dataTables(h)) {
    for (const op of ["INSERT", "UPDATE", "DELETE"]) {
      h.sqlite.exec(`CREATE TEMP TRIGGER "fuzz_${table}_${op}" AFTER ${op} ON main."${table}" BEGIN INSERT INTO fuzz_writes VALUES ('${table}', NULL); END`);
    }
  }
  h.sqlite.exec(`CREATE TEMP TRIGGER fuzz_sessions_INSERT AFTER INSERT ON main.sessions BEGIN INSERT INTO fuzz_writes VALUES ('sessions', NEW.user_id); END;
    CREATE TEMP TRIGGER fuzz_sessions_UPDATE AFTER UPDATE ON main.sessions BEGIN INSERT INTO fuzz_writes VALUES ('sessions', OLD.user_id); END;
    CREATE TEMP TRIGGER fuzz_sessions_DELETE AFTER DELETE ON main.sessions BEGIN INSERT INTO fuzz_writes VALUES ('sessions', OLD.user_id); END;`);
  const clear = h.sqlite.prepare("DELETE FROM fuzz_writes");
  const read = h.sqlite.prepare("SELECT DISTINCT tbl FROM fuzz_writes WHERE NOT (tbl = 'sessions' AND user_id IS ?)").pluck();
  return { clear: () => clear.run(), written: (callerId: number | null) => read.all(callerId) as string[] };
}

/** The shape the server sends for an error, through the same formatter. */
function shapeOf(error: TRPCError, path: string) {
  return formatError({ error, shape: { message: error.message, code: TRPC_ERROR_CODES_BY_KEY[error.code], data: { code: error.code, httpStatus: getHTTPStatusCodeFromError(error), path } } });
}

const LEAKS: [string, RegExp][] = [
  ["a stack", /\n\s+at |\bat [\w.<>]+ \(|node_modules|\.ts:\d+|\.js:\d+/],
  ["SQL", /\b(SELECT|INSERT|UPDATE|DELETE|WHERE|PRAGMA)\b|[Ss][Qq][Ll][Ii][Tt][Ee]|constraint failed/],
];

/** Accounts the policy lets in are tried more often, so that handlers see the inputs and not only the guard. */
function actorArb(path: string) {
  const rule = ruleFor(path);
  const allowed = (key: ActorKey) => {
    if (!rule || key === "anonymous" || key === "deactivated" || key === "expiredSession") return rule?.access === "public";
    return rule.access === "public" || rule.access === "signed-in" || hasCapability(ACTORS[key].role, rule.access);
  };
  return fc.oneof(...ACTOR_KEYS.map((key) => ({ arbitrary: fc.constant<ActorKey>(key), weight: allowed(key) ? 4 : 1 })));
}

function inputArb(procedure: ProcedureDef) {
  const [schema] = procedure._def.inputs;
  const json = fc.oneof(fc.jsonValue(), fc.anything(), fc.constant(undefined));
  if (!schema) return json;
  return fc.oneof(
    { arbitrary: arbitraryOf(schema, { miss: 0 }), weight: 4 },
    { arbitrary: arbitraryOf(schema, { miss: 0.05 }), weight: 4 },
    { arbitrary: json, weight: 2 },
  );
}

type Call = (input: unknown) => Promise<unknown>;
function procedureOf(fx: Fixture, actor: ActorKey, path: string): Call {
  const [group, name] = path.split(".") as [string, string];
  const caller = fx.callerAs(actor) as unknown as Record<string, Record<string, Call>>;
  return caller[group]![name]!;
}

describe.each(PROCEDURES)("%s", (path, procedure) => {
  it(`holds for ${RUNS} generated inputs from every kind of account`, async () => {
    const fx = factory.fresh();
    const log = writeLog(fx.handle);
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(actorArb(path), inputArb(procedure), async (actor, input) => {
          const callerId = actor === "anonymous" ? null : fx.userIds[actor];
          const markers = markersIn(input);
          const sampled = run++ % 50 === 0;
          const before = sampled ? fingerprint(fx.handle, callerId) : "";
          log.clear();
          let error: unknown;
          try {
            await procedureOf(fx, actor, path)(input);
            return;
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(TRPCError);
          const trpcError = error as TRPCError;
          const status = getHTTPStatusCodeFromError(trpcError);
          expect(status, `${trpcError.code}: ${String(trpcError.cause?.stack ?? trpcError.stack)}`).toBeLessThan(500);
          const sent = JSON.stringify(shapeOf(trpcError, path));
          for (const [what, pattern] of LEAKS) expect(sent, `the error shows ${what}`).not.toMatch(pattern);
          for (const m of markers) expect(sent, "the error gives the input back").not.toContain(m);
          expect(log.written(callerId), `${actor} → ${path} wrote despite ${trpcError.code}`).toEqual([]);
          if (sampled) expect(fingerprint(fx.handle, callerId), `${actor} → ${path} wrote despite ${trpcError.code}`).toBe(before);
        }),
        { numRuns: RUNS },
      );
      expect(fx.handle.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(fx.handle.sqlite.pragma("foreign_key_check")).toEqual([]);
    } finally {
      fx.close();
    }
  }, 600_000);
});

describe("the fuzz's own checks", () => {
  it("see a write to a data table or to another account's session, and not one rolled back", () => {
    const fx = factory.fresh();
    try {
      const log = writeLog(fx.handle);
      const sqlite = fx.handle.sqlite;
      log.clear();
      sqlite.prepare("UPDATE sessions SET last_seen_at = last_seen_at + 1 WHERE user_id = ?").run(fx.userIds.regencyMember);
      expect(log.written(fx.userIds.regencyMember)).toEqual([]);
      expect(log.written(fx.userIds.centralAdmin)).toEqual(["sessions"]);
      log.clear();
      expect(() =>
        sqlite.transaction(() => {
          sqlite.prepare("UPDATE users SET name = 'x' WHERE id = ?").run(fx.userIds.regencyMember);
          throw new Error("rolled back");
        })(),
      ).toThrow("rolled back");
      expect(log.written(null)).toEqual([]);
      sqlite.prepare("UPDATE reports SET version = version WHERE id = 0").run();
      sqlite.prepare("UPDATE users SET name = name WHERE id = ?").run(fx.userIds.centralViewer);
      expect(log.written(null)).toEqual(["users"]);
    } finally {
      fx.close();
    }
  });

  it("find a stack, SQL and a marker in an error's text", () => {
    const leaks = (text: string) => LEAKS.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
    expect(leaks("Error: boom\n    at handler (/srv/api/src/routers/ran.ts:12:3)")).toEqual(["a stack"]);
    expect(leaks('SqliteError: UNIQUE constraint failed: users.email')).toEqual(["SQL"]);
    expect(leaks("near \"SELECT\": syntax error")).toEqual(["SQL"]);
    expect(leaks(JSON.stringify({ message: "Someone else changed this record.", data: { path: "accounts.update" } }))).toEqual([]);
    expect([...markersIn({ a: ["x Zq0000abcdMk y"], Zq12345678Mk: 1 })].sort()).toEqual(["Zq0000abcdMk", "Zq12345678Mk"]);
  });
});
