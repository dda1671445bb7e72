/**
 * A property over the report workflow through the API: random sequences of save, submit, approve,
 * return and reopen by the regency's admin (the reporter) and its province's admin (the reviewer),
 * with and without reasons, from the right version or a wrong one. After every step:
 * - the call succeeds exactly when a model of the workflow says it may;
 * - a refused call leaves the report tables as they were;
 * - the report is never approved unless a submission came after its last return or reopen.
 */
import { findTaskForceByRegion } from "@gugus/db";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { failureOf, fixtureFactory } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture | undefined;
afterEach(() => fx?.close());

const PERIOD = "2025";
const NOW = new Date("2026-01-15T03:00:00Z");
const REPORT_TABLES = ["reports", "report_versions", "report_events", "notifications"];

type Who = "regencyAdmin" | "provinceAdmin";
/** How far the version sent is from the stored one (0: right). */
type Off = 0 | -1 | 1;
type Step =
  | { kind: "save"; who: Who; off: Off; value: number }
  | { kind: "submit"; who: Who; off: Off }
  | { kind: "approve"; who: Who; off: Off }
  | { kind: "return" | "reopen"; who: Who; off: Off; reason: string | undefined };

/** Mostly the right account for the step, sometimes the other one. */
const reporter = fc.constantFrom<Who>("regencyAdmin", "regencyAdmin", "regencyAdmin", "regencyAdmin", "provinceAdmin");
const reviewer = fc.constantFrom<Who>("provinceAdmin", "provinceAdmin", "provinceAdmin", "provinceAdmin", "regencyAdmin");
/** Mostly the right version, sometimes one behind or ahead. */
const off = fc.constantFrom<Off>(0, 0, 0, 0, 0, 0, -1, 1);
const step: fc.Arbitrary<Step> = fc.oneof(
  // A negative count saves, but its report may not be submitted.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("save" as const), who: reporter, off, value: fc.oneof({ weight: 9, arbitrary: fc.nat(50) }, { weight: 1, arbitrary: fc.constant(-1) }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("submit" as const), who: reporter, off }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("approve" as const), who: reviewer, off }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom("return" as const, "reopen" as const),
      who: reviewer,
      off,
      reason: fc.oneof({ weight: 4, arbitrary: fc.constant("Data korban belum lengkap") }, { weight: 1, arbitrary: fc.constantFrom(undefined, "ok") }),
    }),
  },
);

type Status = "draft" | "submitted" | "returned" | "approved" | "reopened";
type Model = { id: number | null; version: number; status: Status | null; hasErrors: boolean };

/** Would the workflow let this step through, from the model's state? */
function allowed(m: Model, s: Step): boolean {
  const rightVersion = s.off === 0;
  const editable = m.status === null || m.status === "draft" || m.status === "returned" || m.status === "reopened";
  switch (s.kind) {
    case "save":
      return s.who === "regencyAdmin" && editable && (m.status === null ? s.off === 0 : rightVersion);
    case "submit":
      return s.who === "regencyAdmin" && m.status !== null && editable && rightVersion && !m.hasErrors;
    case "approve":
      return s.who === "provinceAdmin" && m.status === "submitted" && rightVersion;
    case "return":
      return s.who === "provinceAdmin" && m.status === "submitted" && rightVersion && (s.reason?.length ?? 0) >= 5;
    case "reopen":
      return s.who === "provinceAdmin" && m.status === "approved" && rightVersion && (s.reason?.length ?? 0) >= 5;
  }
}

const reg = "regencyAdmin" as const;
const prov = "provinceAdmin" as const;
const good = "Data korban belum lengkap";
const ROUND: Step[] = [
  { kind: "save", who: reg, off: 0, value: 3 },
  { kind: "submit", who: reg, off: 0 },
  { kind: "approve", who: prov, off: -1 },
  { kind: "approve", who: prov, off: 0 },
  { kind: "save", who: reg, off: 0, value: 4 },
  { kind: "reopen", who: prov, off: 0, reason: "ok" },
  { kind: "reopen", who: prov, off: 0, reason: good },
  { kind: "approve", who: prov, off: 0 },
  { kind: "save", who: reg, off: 0, value: -1 },
  { kind: "submit", who: reg, off: 0 },
  { kind: "save", who: reg, off: 0, value: 5 },
  { kind: "submit", who: reg, off: 0 },
  { kind: "return", who: prov, off: 0, reason: undefined },
  { kind: "return", who: prov, off: 0, reason: good },
  { kind: "approve", who: prov, off: 0 },
  { kind: "submit", who: reg, off: 1 },
  { kind: "submit", who: reg, off: 0 },
  { kind: "approve", who: prov, off: 0 },
];

describe("the report workflow through the API", () => {
  it("a call succeeds exactly when the workflow allows it, a refused call writes nothing, and no approval comes without a submission after the last return or reopen", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 24, size: "max" }), async (steps) => {
        fx?.close();
        const f = (fx = factory.fresh());
        const sqlite = f.handle.sqlite;
        const taskForceId = findTaskForceByRegion(f.handle.db, "32.75", "2026-01-15")!.id;
        const fingerprint = () => REPORT_TABLES.map((t) => JSON.stringify(sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1`).raw().all())).join("|");
        const callers = { regencyAdmin: f.callerAs("regencyAdmin", { now: NOW }), provinceAdmin: f.callerAs("provinceAdmin", { now: NOW }) };
        const model: Model = { id: null, version: 0, status: null, hasErrors: false };

        for (const s of steps) {
          // A wrong version below 1 is sent one above instead (review steps take versions from 1).
          const version = model.version + s.off < 1 && s.kind !== "save" ? model.version + 1 : model.version + s.off;
          const reports = callers[s.who].reports;
          const call = (): Promise<{ version: number; status?: Status; reportId?: number }> => {
            switch (s.kind) {
              case "save":
                return reports.save({ taskForceId, periodKey: PERIOD, baseVersion: version, content: { coordination: { meetings: s.value } }, acknowledged: [] });
              case "submit":
                return reports.submit({ taskForceId, periodKey: PERIOD, version, acknowledged: [] });
              case "approve":
                return reports.approve({ reportId: model.id ?? 999_999, version });
              case "return":
              case "reopen":
                return reports[s.kind]({ reportId: model.id ?? 999_999, version, reason: s.reason as string });
            }
          };
          const expected = allowed(model, s);
          const before = fingerprint();
          if (expected) {
            const out = await call();
            model.version = out.version;
            if (s.kind === "save") {
              model.id = out.reportId!;
              model.status ??= "draft";
              model.hasErrors = s.value < 0;
            } else {
              model.status = out.status!;
            }
            expect(fingerprint()).not.toBe(before);
          } else {
            const failure = await failureOf(call());
            expect(failure.code, `${JSON.stringify(s)} from ${JSON.stringify(model)}`).not.toBe("INTERNAL_SERVER_ERROR");
            expect(fingerprint(), `refused ${JSON.stringify(s)} wrote nothing`).toBe(before);
          }

          // The stored report agrees with the model, and an approval always follows a submission since the last return or reopen.
          const row = sqlite.prepare("SELECT id, status, version FROM reports").get() as { id: number; status: Status; version: number } | undefined;
          expect(row ? { status: row.status, version: row.version } : null).toEqual(model.status === null ? null : { status: model.status, version: model.version });
          if (row?.status === "approved") {
            const actions = sqlite.prepare("SELECT action FROM report_events WHERE report_id = ? ORDER BY id").pluck().all(row.id) as string[];
            const lastApprove = actions.lastIndexOf("approve");
            const lastStep = actions.slice(0, lastApprove).findLast((a) => a === "submit" || a === "return" || a === "reopen");
            expect(lastStep).toBe("submit");
          }
        }
      }),
      {
        numRuns: 50,
        // One full round is always tried besides the random ones: submitted, approved, reopened, returned, approved again.
        examples: [[ROUND]],
      },
    );
  }, 120_000);
});
