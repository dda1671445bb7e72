/**
 * The policy's scope is what is enforced: a procedure whose handler holds no scope code is refused
 * out of scope as soon as its policy line says `task-force` (or `account`), with the record's own
 * NOT_FOUND, and the refusal audited. Built here with the real builder, a real context and a policy
 * line added for the test.
 */
import { findTaskForceByRegion } from "@gugus/db";
import { TaskForceIdSchema } from "@gugus/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createMemoryCookieJar, sessionCookieName } from "./auth/cookies.ts";
import { createContextInner } from "./context.ts";
import { POLICY } from "./policy.ts";
import type { Rule } from "./policy.ts";
import { getTargetAccount, getTargetTaskForce } from "./scope.ts";
import { FIXED_NOW, fixtureFactory } from "./test-helpers.ts";
import type { ActorKey, Fixture } from "./test-helpers.ts";
import { createCallerFactory, router, signedInProcedure } from "./trpc.ts";

const factory = await fixtureFactory();
let fx: Fixture;
afterEach(() => fx?.close());

/** A router the app does not have: its handlers only read what the guard resolved, or nothing at all. */
const probeRouter = router({
  probe: router({
    /** Reads nothing of scope: returns the id it was given. */
    echo: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema }).strict()).query(({ input }) => ({ id: input.taskForceId })),
    /** Writes, with no scope code: counts the calls that reached it. */
    touch: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema }).strict()).mutation(({ input }) => {
      reached.push(input.taskForceId);
      return { ok: true as const };
    }),
    /** Reads the resolved task force. */
    name: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema }).strict()).query(({ ctx }) => ({ name: getTargetTaskForce(ctx).regionName })),
    /** An account target. */
    account: signedInProcedure.input(z.object({ id: z.number().int() }).strict()).query(({ ctx }) => ({ email: getTargetAccount(ctx).email })),
    /** A task-force line but no input at all: nothing names a target, so it is refused. */
    bare: signedInProcedure.query(() => ({ ok: true as const })),
    /** Not in the policy at all. */
    unlisted: signedInProcedure.query(() => ({ ok: true as const })),
  }),
});
const reached: number[] = [];

const LINES: Record<string, Rule> = {
  "probe.echo": { access: "read", scope: "task-force" },
  "probe.touch": { access: "profile.manage", scope: "task-force" },
  "probe.name": { access: "read", scope: "task-force" },
  "probe.account": { access: "accounts.read", scope: "account" },
  "probe.bare": { access: "read", scope: "task-force" },
};
const policy = POLICY as Record<string, Rule>;
beforeAll(() => Object.assign(policy, LINES));
afterAll(() => {
  for (const path of Object.keys(LINES)) delete policy[path];
});

const createProbeCaller = createCallerFactory(probeRouter);
const callerAs = (actor: ActorKey) =>
  createProbeCaller(() =>
    createContextInner({ db: fx.handle.db, sqlite: fx.handle.sqlite, now: () => FIXED_NOW, cookies: createMemoryCookieJar(actor === "anonymous" ? {} : { [sessionCookieName(false)]: fx.tokens[actor] }) }),
  );
const idOf = (code: string | null) => findTaskForceByRegion(fx.handle.db, code, "2026-11-28")!.id;
const denials = () => fx.handle.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'access.denied'").pluck().get() as number;

async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return `${error.code} ${(error.cause as { code?: string } | undefined)?.code ?? ""}`.trim();
  }
}

describe("a new procedure with scope task-force, and no scope code in its handler", () => {
  it("answers a task force within the caller's subtree", async () => {
    fx = factory.fresh();
    expect(await callerAs("provinceMember").probe.echo({ taskForceId: idOf("32.75") })).toEqual({ id: idOf("32.75") });
    expect(await callerAs("provinceMember").probe.name({ taskForceId: idOf("32") })).toEqual({ name: "Jawa Barat" });
  });

  it("refuses one outside it as TASK_FORCE_NOT_FOUND, and audits the refusal", async () => {
    fx = factory.fresh();
    const before = denials();
    expect(await outcome(callerAs("provinceMember").probe.echo({ taskForceId: idOf("33.74") }))).toBe("NOT_FOUND TASK_FORCE_NOT_FOUND");
    expect(await outcome(callerAs("regencyMember").probe.echo({ taskForceId: idOf("32") }))).toBe("NOT_FOUND TASK_FORCE_NOT_FOUND");
    expect(denials()).toBe(before + 2);
  });

  it("answers a task force that does not exist the same way, without a denial to audit", async () => {
    fx = factory.fresh();
    const before = denials();
    expect(await outcome(callerAs("centralAdmin").probe.echo({ taskForceId: 999_999 }))).toBe("NOT_FOUND TASK_FORCE_NOT_FOUND");
    expect(denials()).toBe(before);
  });

  it("never reaches the handler of a write out of scope", async () => {
    fx = factory.fresh();
    reached.length = 0;
    expect(await outcome(callerAs("regencyAdmin").probe.touch({ taskForceId: idOf("32.16") }))).toBe("NOT_FOUND TASK_FORCE_NOT_FOUND");
    expect(reached).toEqual([]);
    expect(await outcome(callerAs("regencyAdmin").probe.touch({ taskForceId: idOf("32.75") }))).toBe("ok");
    expect(reached).toEqual([idOf("32.75")]);
  });

  it("checks the role before the scope, and the input before both scope and handler", async () => {
    fx = factory.fresh();
    expect(await outcome(callerAs("regencyMember").probe.touch({ taskForceId: idOf("32.75") }))).toBe("FORBIDDEN FORBIDDEN");
    expect(await outcome(callerAs("anonymous").probe.echo({ taskForceId: idOf("32.75") }))).toBe("UNAUTHORIZED SIGNED_OUT");
    expect(await outcome(callerAs("regencyMember").probe.echo({ taskForceId: "32.75" } as never))).toBe("BAD_REQUEST");
  });

  it("refuses a task-force line whose procedure takes no input: nothing names the target", async () => {
    fx = factory.fresh();
    expect(await outcome(callerAs("centralAdmin").probe.bare())).toBe("NOT_FOUND TASK_FORCE_NOT_FOUND");
  });

  it("refuses a procedure missing from the policy, whatever the caller", async () => {
    fx = factory.fresh();
    expect(await outcome(callerAs("centralAdmin").probe.unlisted())).toBe("FORBIDDEN FORBIDDEN");
  });
});

describe("a new procedure with scope account", () => {
  it("answers an account the caller may see, and refuses one it may not as ACCOUNT_NOT_FOUND, audited", async () => {
    fx = factory.fresh();
    expect(await callerAs("regencyAdmin").probe.account({ id: fx.targetUserIds.regency })).toEqual({ email: "target-regency@gugus.test" });
    const before = denials();
    expect(await outcome(callerAs("regencyAdmin").probe.account({ id: fx.targetUserIds.siblingRegency }))).toBe("NOT_FOUND ACCOUNT_NOT_FOUND");
    expect(await outcome(callerAs("provinceAdmin").probe.account({ id: fx.targetUserIds.regency }))).toBe("NOT_FOUND ACCOUNT_NOT_FOUND");
    expect(denials()).toBe(before + 2);
    expect(await outcome(callerAs("centralAdmin").probe.account({ id: 999_999 }))).toBe("NOT_FOUND ACCOUNT_NOT_FOUND");
    expect(denials()).toBe(before + 2);
  });
});
