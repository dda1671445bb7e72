/**
 * Slowing down failed sign-ins (ASVS 6.3.1) without locking anyone out: after a few failures in a
 * row, the next attempt must wait, and the wait doubles with each failure up to a cap. A success
 * resets the count. Three rules apply at once:
 *
 * - `account`: one account tried from one client address. Strict (5 free failures), so a guesser
 *   at one address is slowed at once — but only there: the real user, from another address, is not.
 * - `accountWide`: one account from every address together. Looser (50 free failures in the
 *   window, more than one address can reach under its own rules), so a guess spread over many
 *   addresses is still bounded, while keeping someone out takes many addresses.
 * - `address`: one address across every account (20 free failures), against spraying.
 *
 * A refusal says only that the caller must wait, never until when: the exact instant would tell a
 * guesser when to send its next guess.
 */
export const THROTTLE = {
  /** Failures counted: those within this window before now. */
  windowMs: 15 * 60 * 1000,
  /** One account, from one client address. */
  account: { freeFailures: 5, firstDelayMs: 1000, maxDelayMs: 15 * 60 * 1000 },
  /** One account, from all addresses together. */
  accountWide: { freeFailures: 50, firstDelayMs: 1000, maxDelayMs: 15 * 60 * 1000 },
  /** One client address, against all accounts together. */
  address: { freeFailures: 20, firstDelayMs: 1000, maxDelayMs: 15 * 60 * 1000 },
} as const;

export type ThrottleRule = { freeFailures: number; firstDelayMs: number; maxDelayMs: number };

/** The wait after `failures` consecutive failures: none within the allowance, then 1 s, 2 s, 4 s… up to the cap. */
export function throttleDelayMs(failures: number, rule: ThrottleRule): number {
  if (failures < rule.freeFailures) return 0;
  const doublings = failures - rule.freeFailures;
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** Math.min(doublings, 30));
}

/**
 * How long the caller must still wait (ms) given the failures and the time of the last one; 0 when
 * an attempt may be made now.
 */
export function throttleWaitMs({ failures, lastFailureAt, now, rule }: { failures: number; lastFailureAt: number | null; now: number; rule: ThrottleRule }): number {
  const delay = throttleDelayMs(failures, rule);
  // Within the allowance there is no wait, even when the last failure is stamped after `now`
  // (requests whose clocks were read in a different order than they were written).
  if (lastFailureAt === null || delay === 0) return 0;
  return Math.max(0, lastFailureAt + delay - now);
}

/** Recent failures under one throttle key, as counted by the database. */
export type FailureCount = { failures: number; lastFailureAt: number | null };

/**
 * Must a sign-in wait? True when any of the three rules ({@link THROTTLE}) asks for a wait at `now`.
 * Deliberately a yes/no: how long is not told to the caller.
 */
export function isSignInThrottled({ accountAtAddress, account, address, now }: { accountAtAddress: FailureCount; account: FailureCount; address: FailureCount; now: number }): boolean {
  return (
    throttleWaitMs({ ...accountAtAddress, now, rule: THROTTLE.account }) > 0 ||
    throttleWaitMs({ ...account, now, rule: THROTTLE.accountWide }) > 0 ||
    throttleWaitMs({ ...address, now, rule: THROTTLE.address }) > 0
  );
}
