/**
 * Session lifetimes (ASVS 7.3): a session ends after 30 minutes without use or 12 hours after sign-in,
 * whichever comes first. Initial and reset passwords are single-use and expire after 72 hours.
 */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const SESSION_ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const INITIAL_PASSWORD_LIFETIME_MS = 72 * 60 * 60 * 1000;

export type SessionTimes = { createdAt: number; lastSeenAt: number };

/** Is a session still usable at `now` (epoch ms)? */
export function isSessionActive(session: SessionTimes, now: number): boolean {
  return now - session.lastSeenAt < SESSION_IDLE_TIMEOUT_MS && now - session.createdAt < SESSION_ABSOLUTE_LIFETIME_MS;
}

/** When the session ends if unused from now on (epoch ms). */
export function sessionExpiresAt(session: SessionTimes): number {
  return Math.min(session.lastSeenAt + SESSION_IDLE_TIMEOUT_MS, session.createdAt + SESSION_ABSOLUTE_LIFETIME_MS);
}
