/**
 * Slowing down failed sign-ins (ASVS 6.3.1) without locking anyone out: after a few failures in a
 * row, the next attempt must wait, and the wait doubles with each failure up to a cap. A success
 * resets the count. The same rule applies per account and, with a larger allowance, per client address.
 */
export const THROTTLE = {
  /** Failures counted: those within this window before now. */
  windowMs: 15 * 60 * 1000,
  account: { freeFailures: 5, firstDelayMs: 1000, maxDelayMs: 15 * 60 * 1000 },
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
  if (lastFailureAt === null) return 0;
  return Math.max(0, lastFailureAt + throttleDelayMs(failures, rule) - now);
}
