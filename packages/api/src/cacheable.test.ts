import { describe, expect, it } from "vitest";
import { CACHEABLE, isCacheable } from "./cacheable.ts";
import { POLICY } from "./policy.ts";
import { appRouter } from "./root.ts";

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
