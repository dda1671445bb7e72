import { describe, expect, it } from "vitest";
import { totpCodeAt } from "./auth/totp.ts";
import { CACHEABLE, callerKeyOf, isCacheable } from "./cacheable.ts";
import { createContextInner } from "./context.ts";
import { POLICY } from "./policy.ts";
import { appRouter } from "./root.ts";
import { FIXED_NOW, FIXTURE_PASSWORD, FIXTURE_SECRET_KEY, browserCaller, fixtureFactory } from "./test-helpers.ts";

type ProcedureDef = { _def: { type: string } };
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

describe("the cacheable list", () => {
  it("names only real queries of the router, each once, each with a policy line", () => {
    for (const path of CACHEABLE) {
      expect(procedures[path], path).toBeDefined();
      expect(procedures[path]!._def.type, path).toBe("query");
      expect(Object.hasOwn(POLICY, path), path).toBe(true);
    }
    expect(new Set(CACHEABLE).size).toBe(CACHEABLE.length);
  });

  it("holds no report, account, membership, session or audit read (their tables do not move the data version)", () => {
    expect(CACHEABLE.filter((p) => /^(reports|accounts|sessions|audit|notifications|auth|profile)\./.test(p))).toEqual([]);
  });

  it("tells a cacheable path from any other", () => {
    expect(isCacheable("hierarchy.tree")).toBe(true);
    expect(isCacheable("reports.get")).toBe(false);
    expect(isCacheable("hierarchy.restructure")).toBe(false);
    expect(isCacheable("toString")).toBe(false);
  });
});

describe("the response cache's caller key", () => {
  it("is given to no session the guard would stop: a central admin's password before its factor is enrolled, or before it is given again", async () => {
    const fx = (await fixtureFactory()).fresh();
    try {
      const browser = browserCaller(fx.handle);
      const keyOf = (cookies: typeof browser.cookies) =>
        callerKeyOf(createContextInner({ db: fx.handle.db, sqlite: fx.handle.sqlite, now: () => FIXED_NOW, cookies, secretKey: FIXTURE_SECRET_KEY }), "hierarchy.tree");
      const keyNow = () => keyOf(browser.cookies);
      await browser.caller.auth.signIn({ email: "centraladmin@gugus.test", password: FIXTURE_PASSWORD });
      expect(keyNow()).toBeNull();
      const { secret } = await browser.caller.mfa.beginEnrolment();
      expect(keyNow()).toBeNull();
      await browser.caller.mfa.confirmEnrolment({ code: totpCodeAt(secret, FIXED_NOW.getTime()) });
      expect(keyNow()).toMatch(/^central_admin\|/);

      const again = browserCaller(fx.handle);
      await again.caller.auth.signIn({ email: "centraladmin@gugus.test", password: FIXTURE_PASSWORD });
      expect(keyOf(again.cookies)).toBeNull();
    } finally {
      fx.close();
    }
  });
});
