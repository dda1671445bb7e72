/** The session cookie, and the small cookie interface the api needs from its host. */
import { SESSION_ABSOLUTE_LIFETIME_MS } from "@gugus/domain";

export type CookieOptions = { maxAgeSeconds: number };

/** What the api can do with cookies; the server implements it on the HTTP reply, tests in memory. */
export type CookieJar = {
  get(name: string): string | undefined;
  set(name: string, value: string, options: CookieOptions): void;
  clear(name: string): void;
};

/**
 * The session cookie's name: `__Host-` prefixed when served over HTTPS (the browser then insists on
 * Secure, Path=/ and no Domain), plain over HTTP (local use).
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? "__Host-gugus_sid" : "gugus_sid";
}

export const SESSION_COOKIE_MAX_AGE_SECONDS = Math.floor(SESSION_ABSOLUTE_LIFETIME_MS / 1000);

/** A cookie jar in memory, for tests and in-process callers. */
export function createMemoryCookieJar(initial: Record<string, string> = {}): CookieJar & { values: Map<string, string> } {
  const values = new Map(Object.entries(initial));
  return {
    values,
    get: (name) => values.get(name),
    set: (name, value) => void values.set(name, value),
    clear: (name) => void values.delete(name),
  };
}
