/**
 * Which API answers the portal's service worker keeps for offline use, shared by the worker and the
 * tRPC client (which sends those queries in batches of their own, so that a batch's URL names only
 * them). Only what an already-visited report needs to open without a link: the signed-in account,
 * the task force's list of reports, and the report itself. Everything else under /trpc goes to the network untouched.
 */

/** The Cache Storage name of the kept answers (forgotten on sign-in, sign-out and a 401). */
export const API_CACHE = "gugus-api";

/** How long the worker waits for the network before answering from what it kept (ms). */
export const API_NETWORK_TIMEOUT_MS = 4_000;

/** How long the worker waits for the network before opening the app from its cached page (ms). */
export const SHELL_NETWORK_TIMEOUT_MS = 3_000;

/** A procedure whose answer may be kept: auth.me, reports.list, and reports.get and its kin (reports.get*). */
export function isOfflineReadableProcedure(path: string): boolean {
  return path === "auth.me" || path === "reports.list" || path.startsWith("reports.get");
}

/** The procedures a /trpc URL path names ("/trpc/auth.me,reports.get" → both), or null for another path. */
export function proceduresOf(pathname: string): string[] | null {
  const match = /^\/trpc\/([^/]+)$/.exec(pathname);
  if (!match) return null;
  return decodeURIComponent(match[1]!).split(",");
}

/** Whether a /trpc request's answer may be kept: every procedure of its batch is offline-readable. */
export function isOfflineReadableRequest(pathname: string): boolean {
  const procedures = proceduresOf(pathname);
  return procedures !== null && procedures.length > 0 && procedures.every(isOfflineReadableProcedure);
}

/** A request that changes who is signed in: the kept answers are forgotten before it goes out. */
export function isSessionChange(pathname: string): boolean {
  const procedures = proceduresOf(pathname);
  return procedures !== null && procedures.some((p) => p === "auth.signIn" || p === "auth.signOut" || p === "auth.changePassword");
}
