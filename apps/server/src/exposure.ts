/**
 * Deployment traps the server can see for itself. The Secure flag, the `__Host-` cookie and the
 * per-address sign-in throttle all rest on knowing the client's address and protocol: over plain
 * HTTP beyond this machine, or behind a proxy the server was not told to trust, the cookie goes out
 * without Secure and every client behind the proxy shares one throttle.
 */
import { isIP } from "node:net";

/** Does the address only accept connections from this machine? */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (h === "::1") return true;
  const v4 = h.startsWith("::ffff:") ? h.slice("::ffff:".length) : h;
  return isIP(v4) === 4 && v4.startsWith("127.");
}

const SETUP = 'put a TLS reverse proxy in front, listen on HOST=127.0.0.1 (or the proxy\'s network) and set TRUST_PROXY to the proxy\'s address (README, "Production set-up")';

/** The warning for a server listening beyond loopback with no trusted proxy (it speaks plain HTTP only), or null. */
export function exposureWarning({ host, trustProxy }: { host: string; trustProxy: false | readonly string[] }): string | null {
  if (isLoopbackHost(host) || trustProxy !== false) return null;
  return (
    `listening on ${host} beyond this machine over plain HTTP, with no trusted proxy (TRUST_PROXY unset): ` +
    `the session cookie goes out without Secure and without the __Host- prefix, passwords cross the network in clear, ` +
    `and clients behind any proxy share one sign-in throttle; ${SETUP}`
  );
}

/** The same, framed to stand out on a terminal (stderr). */
export function exposureBanner(warning: string): string {
  const rule = "!".repeat(78);
  return ["", rule, "  WARNING / PERINGATAN: Gugus is exposed without HTTPS", "", `  ${warning}`, rule, ""].join("\n");
}

/** The warning for a request that came through a proxy the server was not told to trust. */
export const UNTRUSTED_PROXY_WARNING = `a request carried X-Forwarded-* or Forwarded headers but TRUST_PROXY is unset: they are ignored, so the cookie is not marked Secure and every client behind the proxy shares one sign-in throttle; ${SETUP}`;
