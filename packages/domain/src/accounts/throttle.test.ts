import { describe, expect, it } from "vitest";
import { THROTTLE, isSignInThrottled, throttleWaitMs } from "./throttle.ts";

const none = { failures: 0, lastFailureAt: null };
const at = 1_000_000;

describe("isSignInThrottled", () => {
  it("lets an attempt through when no rule has failures", () => {
    expect(isSignInThrottled({ accountAtAddress: none, account: none, address: none, now: at })).toBe(false);
  });

  it("refuses at one address after the account's five failures there, without needing the other rules", () => {
    const five = { failures: THROTTLE.account.freeFailures, lastFailureAt: at - 1 };
    expect(isSignInThrottled({ accountAtAddress: five, account: five, address: five, now: at })).toBe(true);
  });

  it("lets the same five failures through when they were made at another address (account-wide they are under the cap)", () => {
    const five = { failures: THROTTLE.account.freeFailures, lastFailureAt: at - 1 };
    expect(isSignInThrottled({ accountAtAddress: none, account: five, address: none, now: at })).toBe(false);
  });

  it("refuses from a fresh address once the account-wide cap is reached", () => {
    const cap = { failures: THROTTLE.accountWide.freeFailures, lastFailureAt: at - 1 };
    expect(isSignInThrottled({ accountAtAddress: none, account: cap, address: none, now: at })).toBe(true);
    expect(isSignInThrottled({ accountAtAddress: none, account: { ...cap, failures: cap.failures - 1 }, address: none, now: at })).toBe(false);
  });

  it("refuses an address that sprayed twenty failures over other accounts", () => {
    const spray = { failures: THROTTLE.address.freeFailures, lastFailureAt: at - 1 };
    expect(isSignInThrottled({ accountAtAddress: none, account: none, address: spray, now: at })).toBe(true);
  });

  it("lets an attempt through again exactly when the first wait has passed", () => {
    const five = { failures: THROTTLE.account.freeFailures, lastFailureAt: at - THROTTLE.account.firstDelayMs };
    expect(isSignInThrottled({ accountAtAddress: five, account: none, address: none, now: at })).toBe(false);
    expect(isSignInThrottled({ accountAtAddress: five, account: none, address: none, now: at - 1 })).toBe(true);
  });

  it("asks for no wait within the allowance even when the last failure is stamped later than now", () => {
    const later = { failures: 1, lastFailureAt: at + 5000 };
    expect(throttleWaitMs({ ...later, now: at, rule: THROTTLE.account })).toBe(0);
    expect(isSignInThrottled({ accountAtAddress: later, account: later, address: later, now: at })).toBe(false);
  });

  it("keeps the account-wide cap looser than one address can reach alone in the window", () => {
    // From one address: the free failures, then one per doubling wait until the window is spent.
    let count = THROTTLE.account.freeFailures;
    for (let spent = 0, wait: number = THROTTLE.account.firstDelayMs; spent + wait <= THROTTLE.windowMs; spent += wait, wait = Math.min(wait * 2, THROTTLE.account.maxDelayMs)) count++;
    expect(count).toBeLessThan(THROTTLE.accountWide.freeFailures);
    expect(THROTTLE.accountWide.freeFailures).toBeGreaterThan(THROTTLE.address.freeFailures);
  });
});
