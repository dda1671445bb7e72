/**
 * The error shape never names the caller's input: an unknown key, however long or oddly named,
 * is refused with the generic validation message and no trace of the key in what is sent.
 */
import { afterAll, describe, expect, it } from "vitest";
import { failureOf, setupFixture } from "./test-helpers.ts";

const fx = await setupFixture();
afterAll(fx.close);

const LONG_KEY = `k${"x".repeat(400)}`;

async function sentFor(input: unknown) {
  const failure = await failureOf(fx.callerAs("centralAdmin").sessions.list(input as never));
  return { failure, text: JSON.stringify(failure) };
}

describe("a validation error names no input", () => {
  it("refuses an unknown key of 400 characters without echoing any of it", async () => {
    const { failure, text } = await sentFor({ [LONG_KEY]: 1 });
    expect(failure.code).toBe("BAD_REQUEST");
    expect(failure.messageKey).toBe("VALIDATION_FAILED");
    expect(text).not.toContain("xxxxxxxx");
    expect(failure.issues?.every((i) => i.message === failure.message)).toBe(true);
  });

  it("refuses a __proto__ key without naming it", async () => {
    const { failure, text } = await sentFor(JSON.parse('{"__proto__": {"polluted": true}, "limit": 5}'));
    expect(failure.code).toBe("BAD_REQUEST");
    expect(text).not.toContain("__proto__");
    expect(text).not.toContain("polluted");
  });

  it("refuses a value of the wrong type without quoting the value", async () => {
    const { failure, text } = await sentFor({ limit: "secret-typed-value" });
    expect(failure.code).toBe("BAD_REQUEST");
    expect(text).not.toContain("secret-typed-value");
    expect(failure.issues?.map((i) => i.path)).toEqual(["limit"]);
  });

  it("keeps a path made of the schema's own field names and indices", async () => {
    const { failure } = await sentFor({ userId: -1 });
    expect(failure.issues?.map((i) => i.path)).toEqual(["userId"]);
  });
});
