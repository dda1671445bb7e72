/**
 * Cross-site request forgery guard for /trpc (ASVS 3.5): a request a browser sends on another
 * site's behalf is refused before tRPC sees it.
 *  - POST must be `application/json` (an HTML form cannot send that without a preflight) and carry
 *    the `x-gugus-client` header (which cross-site pages cannot set without a CORS grant; none is given).
 *  - When the browser says where the request comes from (`Origin`, `Sec-Fetch-Site`), it must be
 *    this server's own origin.
 *  - A GET that carries a cookie must carry the client header too. The apps send the cacheable queries
 *    as GET (so browsers can revalidate them), and a GET is what other pages can make a browser send
 *    with its cookies (a link, an image, a script, a no-cors fetch): SameSite=Lax still sends the
 *    cookie on a top-level link from another site and on anything from a sibling subdomain, and a
 *    browser too old to send `Sec-Fetch-Site` would not be stopped by the check above. None of those
 *    can add a header, and a fetch that does needs a CORS preflight, which is never granted. A GET
 *    never writes: tRPC refuses mutations over GET (405).
 */
export const CLIENT_HEADER = "x-gugus-client";

export type RequestFacts = {
  method: string;
  /** Lower-case header names. */
  headers: Record<string, string | string[] | undefined>;
  /** The origin this server is reached at, e.g. `http://127.0.0.1:3000`. */
  ownOrigin: string;
};

export type Refusal = { status: 403 | 415; messageKey: "FORBIDDEN" | "UNSUPPORTED_MEDIA_TYPE"; reason: string };

const header = (h: RequestFacts["headers"], name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Null when the request may go on; otherwise why not. */
export function checkApiRequest({ method, headers, ownOrigin }: RequestFacts): Refusal | null {
  const site = header(headers, "sec-fetch-site");
  if (site !== undefined && site !== "same-origin" && site !== "none") {
    return { status: 403, messageKey: "FORBIDDEN", reason: `sec-fetch-site ${site}` };
  }
  const origin = header(headers, "origin");
  if (origin !== undefined && origin !== ownOrigin) return { status: 403, messageKey: "FORBIDDEN", reason: "foreign origin" };
  if ((method === "GET" || method === "HEAD") && header(headers, "cookie") !== undefined && !header(headers, CLIENT_HEADER)) {
    return { status: 403, messageKey: "FORBIDDEN", reason: `GET with a cookie, missing ${CLIENT_HEADER}` };
  }
  if (method === "POST") {
    const type = (header(headers, "content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/json") return { status: 415, messageKey: "UNSUPPORTED_MEDIA_TYPE", reason: `content-type ${type || "missing"}` };
    if (!header(headers, CLIENT_HEADER)) return { status: 403, messageKey: "FORBIDDEN", reason: `missing ${CLIENT_HEADER}` };
  }
  return null;
}
