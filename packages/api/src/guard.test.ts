/**
 * The access guard's deny-by-default: a procedure the policy does not list is refused to everyone,
 * the central admin included, before its handler runs, and the refusal is audited. The real routers
 * all have policy lines (the authorization matrix checks that), so these tests mount procedures of
 * their own beside the guard.
 */
import { listAudit } from "@gugus/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryCookieJar, sessionCookieName } from "./auth/cookies.ts";
import { createContextInner } from "./context.ts";
import { ruleFor } from "./policy.ts";
import { FIXED_NOW, failureOf, setupFixture } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";
import { createCallerFactory, publicProcedure, router, signedInProcedure } from "./trpc.ts";

let fx: Fixture;
beforeAll(async () => {
  fx = await setupFixture();
});
afterAll(() => fx.close());

const ran: string[] = [];
const testRouter = router({
  unlisted: publicProcedure.query(() => {
    ran.push("unlisted");
    return "ran";
  }),
  unlistedSignedIn: signedInProcedure.mutation(() => {
    ran.push("unlistedSignedIn");
    return "ran";
  }),
  // A path the policy lists, as public: the guard lets it through.
  auth: router({
    signIn: publicProcedure.query(() => {
      ran.push("auth.signIn");
      return "ran";
    }),
  }),
});

const callerAs = (token: string | null) =>
  createCallerFactory(testRouter)(() =>
    createContextInner({
      db: fx.handle.db,
      sqlite: fx.handle.sqlite,
      now: () => FIXED_NOW,
      cookies: createMemoryCookieJar(token === null ? {} : { [sessionCookieName(false)]: token }),
      client: { ip: "10.0.0.9", userAgent: "vitest" },
    }),
  );

const deniedForNoPolicy = () => listAudit(fx.handle.db, { action: "access.denied", limit: 100 }).filter((r) => r.details?.includes("no_policy"));

describe("the guard's deny-by-default", () => {
  it("refuses a procedure missing from the policy with FORBIDDEN, to an anonymous caller, without running it", async () => {
    ran.length = 0;
    const before = deniedForNoPolicy().length;
    expect(await failureOf(callerAs(null).unlisted())).toMatchObject({ code: "FORBIDDEN", messageKey: "FORBIDDEN" });
    expect(ran).toEqual([]);
    const rows = deniedForNoPolicy();
    expect(rows).toHaveLength(before + 1);
    expect(rows[0]).toMatchObject({ outcome: "denied", targetType: "procedure", targetId: "unlisted", actorUserId: null, ip: "10.0.0.9" });
  });

  it("refuses it to the central admin too: no role opens a procedure the policy does not name", async () => {
    ran.length = 0;
    expect(await failureOf(callerAs(fx.tokens.centralAdmin).unlistedSignedIn())).toMatchObject({ code: "FORBIDDEN", messageKey: "FORBIDDEN" });
    expect(ran).toEqual([]);
    expect(deniedForNoPolicy()[0]).toMatchObject({ targetId: "unlistedSignedIn" });
  });

  it("lets a procedure through once its path is in the policy (auth.signIn is public)", async () => {
    ran.length = 0;
    expect(await callerAs(null).auth.signIn()).toBe("ran");
    expect(ran).toEqual(["auth.signIn"]);
  });

  it("finds no policy line for names every object inherits (toString, constructor, __proto__)", () => {
    for (const path of ["toString", "constructor", "__proto__", "hasOwnProperty"]) expect(ruleFor(path), path).toBeUndefined();
    expect(ruleFor("auth.signIn")).toEqual({ access: "public", scope: "none" });
  });
});
