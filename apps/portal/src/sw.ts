/// <reference lib="webworker" />
/**
 * The portal's service worker (built by vite-plugin-pwa, injectManifest, to /portal/sw.js, scope
 * /portal/). It keeps the app's shell — index.html and every built script and stylesheet — so that a
 * user who lost the link can still open an already-visited report and keep typing; the typed draft
 * itself lives in IndexedDB (packages/ui/src/reports/draftStore.ts), not here.
 *
 * - Pages: the network first (SHELL_NETWORK_TIMEOUT_MS), else the cached index.html.
 * - Scripts and stylesheets: from the precache, refreshed when a new build's worker installs.
 * - /trpc: untouched, except the answers of auth.me, reports.list and reports.get* (POSTs, as the client sends every
 *   call but the cacheable reference queries, whose GETs the browser's own HTTP cache revalidates):
 *   the network first (API_NETWORK_TIMEOUT_MS), then the answer last kept for the same
 *   request. Kept answers are forgotten on sign-in, sign-out, a password change and a 401.
 */
import { API_CACHE, API_NETWORK_TIMEOUT_MS, SHELL_NETWORK_TIMEOUT_MS, isOfflineReadableRequest, isSessionChange } from "@gugus/ui/offline";
import { clientsClaim } from "workbox-core";
import type { RouteHandlerCallbackOptions } from "workbox-core";
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string; revision: string | null })[] };

const SHELL = `${import.meta.env.BASE_URL}index.html`;

void self.skipWaiting();
clientsClaim();

// Before any route: a change of who is signed in forgets the kept answers (the request itself goes on untouched).
self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (url.origin === self.location.origin && event.request.method === "POST" && isSessionChange(url.pathname)) {
    event.waitUntil(caches.delete(API_CACHE));
  }
});

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

/** The network's answer, or undefined when it failed or took longer than `ms`. */
function withTimeout(answer: Promise<Response>, ms: number): Promise<Response | undefined> {
  return Promise.race([answer.catch(() => undefined), new Promise<undefined>((resolve) => setTimeout(resolve, ms))]);
}

registerRoute(
  new NavigationRoute(
    async ({ request }: RouteHandlerCallbackOptions) => {
      const network = fetch(request);
      const answer = await withTimeout(network, SHELL_NETWORK_TIMEOUT_MS);
      if (answer) return answer;
      const shell = await matchPrecache(SHELL);
      return shell ?? network;
    },
    { allowlist: [new RegExp(`^${import.meta.env.BASE_URL}`)] },
  ),
);

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Cache Storage keeps GETs only: a POST's answer is kept under its URL and a digest of its body. */
async function cacheKeyOf(request: Request): Promise<Request> {
  const body = await request.clone().text();
  const url = new URL(request.url);
  url.searchParams.set("sw-body", await sha256(body));
  return new Request(url.href, { method: "GET" });
}

registerRoute(
  ({ url, request }) => url.origin === self.location.origin && request.method === "POST" && isOfflineReadableRequest(url.pathname),
  async ({ request, event }: RouteHandlerCallbackOptions) => {
    const key = await cacheKeyOf(request);
    const network = fetch(request).then(async (response) => {
      const cache = await caches.open(API_CACHE);
      // 200 only: a batch with a failed call answers 207 or the error's status.
      if (response.status === 200) await cache.put(key, response.clone());
      else if (response.status === 401) await caches.delete(API_CACHE);
      return response;
    });
    // Let a slow answer still refresh the kept one after the page was served from it.
    if (event instanceof ExtendableEvent) event.waitUntil(network.then(() => undefined, () => undefined));
    const answer = await withTimeout(network, API_NETWORK_TIMEOUT_MS);
    if (answer) return answer;
    const kept = await caches.open(API_CACHE).then((cache) => cache.match(key));
    return kept ?? network;
  },
  "POST",
);
