/**
 * The fast path: a GET of a cacheable query whose answer is kept (response-cache.ts) is sent by the
 * HTTP server itself, ahead of fastify, from the kept bytes — with the same checks and the same
 * headers as fastify would send, in the same order of refusal:
 *
 *   1. only a plain GET of `/trpc/<cacheable>?input=…` on a server that trusts no proxy, without
 *      forwarding headers (those go through fastify, which logs the untrusted-proxy warning) and
 *      without asking for a stream (`asksForStream`: tRPC answers those);
 *   2. the request guard (request-guard.ts), unchanged: anything it would refuse goes to fastify,
 *      which refuses it and logs why;
 *   3. the caller's key from the live session (`callerKeyOf`: the guard's session, password-change,
 *      second-factor and capability rules); no key, or a session check that would touch the cookie,
 *      goes to fastify;
 *   4. a kept, current entry for that key (the cache's own version check first, on the reference
 *      version read with the session); none goes to fastify, which computes the answer
 *      (direct-query.ts) and keeps it;
 *   5. the rate limit, counted in the same counter as fastify's (`createRateCounter`, given to
 *      @fastify/rate-limit as its store): a request over the limit goes to fastify, which answers 429.
 *
 * Every request is counted once: a hit here, anything else by fastify's rate-limit hook. Security
 * headers are those fastify sent on an earlier answer of this kind (helmet's are the same on every
 * answer); until one was sent, everything goes to fastify. So the fast path changes how fast an
 * answer comes, never what it is: fast-path.test.ts compares both, header by header.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import fastifyCookie from "@fastify/cookie";
import { callerKeyOf } from "@gugus/api";
import type { Context } from "@gugus/api";
import type { FastifyBaseLogger } from "fastify";
import { checkApiRequest } from "./request-guard.ts";
import { CACHEABLE_CACHE_CONTROL, asksForStream, cacheableProcedureOf } from "./response-cache.ts";
import type { ResponseCache } from "./response-cache.ts";

/** The rate limit's counting, shared by fastify's hook and the fast path. */
export type RateCounter = {
  /** Counts one request of a client; answers how many it made in the window and how long the window lasts yet (ms). */
  incr(key: string, callback: (error: null, result: { current: number; ttl: number }) => void, timeWindow: number): void;
  /** @fastify/rate-limit asks a store for a child per route; one counter serves them all. */
  child(): RateCounter;
};

/**
 * A fixed-window counter per client, as @fastify/rate-limit's own local store counts (the window
 * starts at a client's first request and lasts `timeWindow`), holding at most `maxClients`
 * (the oldest forgotten first).
 */
export function createRateCounter({ maxClients = 5000 }: { maxClients?: number } = {}): RateCounter {
  const windows = new Map<string, { count: number; startedAt: number }>();
  const counter: RateCounter = {
    incr(key, callback, timeWindow) {
      const now = Date.now();
      let w = windows.get(key);
      if (!w || w.startedAt + timeWindow <= now) {
        w = { count: 0, startedAt: now };
      }
      w.count++;
      windows.delete(key);
      windows.set(key, w);
      if (windows.size > maxClients) windows.delete(windows.keys().next().value!);
      callback(null, { current: w.count, ttl: timeWindow - (now - w.startedAt) });
    },
    child: () => counter,
  };
  return counter;
}

/**
 * The rate limit's key of a client address: the address itself, or for IPv6 its /64 network (one
 * household or phone line, which can change the rest at will). IPv4-mapped IPv6 counts as IPv4.
 */
export function rateKeyOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(":")) return ip;
  const [head = "", tail = ""] = ip.toLowerCase().split("%")[0]!.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = ip.includes("::") ? (tail === "" ? [] : tail.split(":")) : [];
  const groups = ip.includes("::") ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => String(parseInt(g || "0", 16).toString(16)))
    .join(":")}::/64`;
}

/** Headers fastify sets per answer, which the fast path sets itself; all others (helmet's) are copied. */
const OWN_HEADERS = new Set(["cache-control", "vary", "etag", "content-type", "content-encoding", "content-length", "set-cookie", "date", "connection", "keep-alive", "transfer-encoding"]);
const isOwnHeader = (name: string) => OWN_HEADERS.has(name) || name.startsWith("x-ratelimit-") || name === "retry-after";

export type FastPathOptions = {
  responses: ResponseCache;
  /** Builds the request's context as fastify's path does (same database, clock, key), from the raw request. */
  contextOf: (req: IncomingMessage, cookies: FastPathCookies) => Context;
  /** Null when the rate limit is off. */
  rateLimit: { counter: RateCounter; max: number; timeWindow: number } | null;
  log: FastifyBaseLogger;
};

/** The request's cookies for the context; a set or clear (a session ended) sends the request to fastify instead. */
export type FastPathCookies = { get(name: string): string | undefined; set(): void; clear(): void; written: boolean };

export type FastPath = {
  /** Sends the answer and returns true, or returns false having sent nothing (fastify then handles the request). */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Records the security headers of an answer fastify sent for a cacheable query (the first one opens the fast path). */
  learnHeaders(headers: Record<string, string | number | string[] | undefined>): void;
  /** Whether the fast path is open (it has learnt the headers). */
  ready(): boolean;
  /** Answers it sent (tests, bench). */
  answered(): number;
};

/** One cookie of a Cookie header, read exactly as @fastify/cookie reads it for tRPC (the same parser). */
function cookieFrom(header: string | undefined, name: string): string | undefined {
  return header ? fastifyCookie.parse(header)[name] : undefined;
}

const INFO_LEVELS = new Set(["trace", "debug", "info"]);

const FORWARDING = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "forwarded"] as const;

export function createFastPath({ responses, contextOf, rateLimit, log }: FastPathOptions): FastPath {
  /** The security headers as name, value, name, value… (what `writeHead` takes without building an object). */
  let security: (string | number)[] | null = null;
  let answered = 0;
  // One cookie jar, filled for each request: `handle` runs to its end before the next request starts.
  const cookies: FastPathCookies & { header: string | undefined } = {
    header: undefined,
    written: false,
    get(name) {
      return cookieFrom(this.header, name);
    },
    set() {
      this.written = true;
    },
    clear() {
      this.written = true;
    },
  };

  return {
    ready: () => security !== null,
    answered: () => answered,

    learnHeaders(headers) {
      if (security !== null) return;
      security = Object.entries(headers).flatMap(([name, value]) => (value === undefined || isOwnHeader(name.toLowerCase()) ? [] : Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, value]));
    },

    handle(req, res) {
      if (security === null || req.method !== "GET" || req.url === undefined || !req.url.startsWith("/trpc/") || asksForStream(req.headers)) return false;
      const target = cacheableProcedureOf(req.url);
      if (!target) return false;
      const { headers } = req;
      for (const name of FORWARDING) if (headers[name] !== undefined) return false;
      const ip = req.socket.remoteAddress;
      if (ip === undefined || headers.host === undefined) return false;
      if (checkApiRequest({ method: "GET", headers, ownOrigin: `http://${headers.host}` }) !== null) return false;

      cookies.header = headers.cookie;
      cookies.written = false;
      const started = performance.now();
      const ctx = contextOf(req, cookies);
      const caller = callerKeyOf(ctx, target.path);
      if (caller === null || cookies.written) return false;
      // The reference version was read with the session, in the same read.
      const version = ctx.sessionMemo.referenceVersion ?? undefined;
      const answer = responses.kept({ target, caller, acceptEncoding: headers["accept-encoding"], ifNoneMatch: headers["if-none-match"], version });
      if (!answer) return false;

      const out = security.slice();
      if (rateLimit) {
        let counted = { current: 0, ttl: 0 };
        rateLimit.counter.incr(rateKeyOf(ip), (_e, result) => void (counted = result), rateLimit.timeWindow);
        if (counted.current > rateLimit.max) return false;
        out.push("x-ratelimit-limit", rateLimit.max, "x-ratelimit-remaining", Math.max(0, rateLimit.max - counted.current), "x-ratelimit-reset", Math.ceil(counted.ttl / 1000));
      }
      out.push("cache-control", CACHEABLE_CACHE_CONTROL, "vary", "accept-encoding", "etag", answer.etag);
      if (answer.status === 200) out.push("content-type", "application/json", "content-encoding", answer.encoding);
      out.push("content-length", answer.body.length);
      res.writeHead(answer.status, out as string[]);
      res.end(answer.body);
      answered++;
      if (INFO_LEVELS.has(log.level)) {
        log.info({ req: { method: "GET", url: req.url.split("?")[0], ip }, res: { statusCode: answer.status }, responseTime: performance.now() - started }, "request completed");
      }
      return true;
    },
  };
}
