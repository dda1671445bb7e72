/**
 * Registers the portal's service worker (src/sw.ts, built to /portal/sw.js) in production builds
 * only: in development Vite serves modules the worker does not know.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  const base = import.meta.env.BASE_URL;
  window.addEventListener("load", () => {
    // A browser that refuses (private mode, an insecure origin) runs the app without offline support.
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch(() => {});
  });
}
