/**
 * The response cache for cacheable queries (packages/api/src/cacheable.ts), sent as GET by the apps:
 * an unchanged answer is sent from bytes already serialised and compressed, and a browser that has
 * it already is told so (ETag, `If-None-Match` → 304, no body).
 *
 * Why nothing stale is served: an entry is kept under (procedure, input, caller, today's dates)
 * for one value of `reference_version`, which triggers raise in the same transaction as every write
 * to the tables those answers read, whichever process wrote. Every request reads the version first;
 * when it has moved, the whole cache is dropped. An answer is kept only if the version did not move
 * while it was computed. The caller part of the key is read from the live session on every request
 * (callerKeyOf: the same session check, password-change rule and capability as the guard); a call that
 * would be refused finds no key and is called through tRPC's guard (direct-query.ts), which refuses
 * and audits it, uncached.
 *
 * Compression that pays (measured on this machine, 2 cores, load about 1; a 3G link of 400 kbit/s
 * moves 50 bytes a millisecond — `tooling/bench`, see README "Caching"):
 *
 *   hierarchy.tree, 76,119 B (1,522 ms on the link)   a report draft answer, 13,138 B (263 ms)
 *   br 1   7,702 B   0.20 ms                             1,904 B  0.04 ms
 *   br 4   6,736 B   0.69 ms                             1,657 B  0.12 ms
 *   br 5   6,251 B   1.30 ms                             1,599 B  0.16 ms
 *   br 9   6,199 B  11.6  ms                             1,583 B  3.9  ms
 *   br 11  5,028 B  124   ms                             1,418 B  34   ms
 *   gz 1   8,506 B   0.19 ms                             1,859 B  0.08 ms
 *   gz 6   7,569 B   0.56 ms                             1,747 B  0.14 ms
 *   gz 9   6,948 B   2.79 ms                             1,710 B  0.15 ms
 *
 * An answer compressed per request uses br 5 / gzip 6: the step from br 4 to 5 costs 0.6 ms and saves
 * 485 B (10 ms on the link); beyond 5 each step costs more CPU than the link time it saves, until 11,
 * which costs 124 ms to save 24 ms. A kept answer asked again is compressed once more, at br 11 and
 * gzip 9, off the event loop (zlib's thread pool), one at a time: until then the br 5 / gzip 6 bytes
 * serve. The cache holds at most 5,000 entries and 64 MiB (keys counted); a request with any query
 * parameter but `input`, or a query string over 2 KB, is answered and never kept.
 */
import { createHash } from "node:crypto";
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from "node:zlib";
import { callerKeyOf, isCacheable } from "@gugus/api";
import type { CacheableProcedure, Context } from "@gugus/api";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { QueryAnswer } from "./direct-query.ts";

/** Compression of an answer made for one request: worth it on a 3G link (see above). */
export const PER_REQUEST_LEVELS = { br: 5, gzip: 6 } as const;
/** Compression of a kept answer, done once, in the background. */
export const KEPT_LEVELS = { br: 11, gzip: 9 } as const;

/** Reference data: the browser may keep it but must ask (`If-None-Match`) before each use. */
export const CACHEABLE_CACHE_CONTROL = "private, no-cache";

type Encoding = "br" | "gzip" | "identity";

type Entry = {
  /** The content hash (base64url), the part of the ETag before the encoding. */
  hash: string;
  identity: Buffer;
  /** Made on first need (a kept entry: then kept too), each at the levels in `levels`. */
  br?: Buffer;
  gzip?: Buffer;
  /** The br and gzip levels the bytes were made at (the ETag names them: each representation its own tag). */
  levels: { br: number; gzip: number };
  /** The data version the answer was computed at. */
  version: number;
  /** Answers sent from it; the slow compression is spent only on an entry asked again. */
  hits: number;
};

const brotliParams = (quality: number, size: number) => ({ params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: size } });

/** The encoding an `Accept-Encoding` header asks for first among br, gzip and none. */
export function pickEncoding(accept: string | string[] | undefined): Encoding {
  if (accept === undefined) return "identity";
  if (typeof accept !== "string" || accept.length > 256) return parseEncoding(accept);
  // Browsers send one of a handful of values: each is read once.
  let encoding = encodings.get(accept);
  if (encoding === undefined) {
    encoding = parseEncoding(accept);
    if (encodings.size >= 100) encodings.clear();
    encodings.set(accept, encoding);
  }
  return encoding;
}

const encodings = new Map<string, Encoding>();

function parseEncoding(accept: string | string[] | undefined): Encoding {
  const header = (Array.isArray(accept) ? accept.join(",") : (accept ?? "")).toLowerCase();
  const accepted = (name: string) => header.split(",").some((part) => {
    const [coding, ...params] = part.trim().split(";");
    return coding!.trim() === name && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
  if (accepted("br")) return "br";
  if (accepted("gzip")) return "gzip";
  return "identity";
}

const etagOf = (entry: Pick<Entry, "hash" | "levels">, encoding: Encoding) =>
  encoding === "identity" ? `"${entry.hash}"` : `"${entry.hash}.${encoding === "br" ? `br${entry.levels.br}` : `gz${entry.levels.gzip}`}"`;

/**
 * Whether `If-None-Match` names the content the entry holds: the tag's hash part, whichever encoding
 * the browser kept it in (each decodes to the same bytes).
 */
function matches(ifNoneMatch: string | string[] | undefined, hash: string, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  // What a browser sends back: the one tag it was given.
  if (ifNoneMatch === etag) return true;
  const header = Array.isArray(ifNoneMatch) ? ifNoneMatch.join(",") : ifNoneMatch;
  return header.split(",").some((tag) => {
    const t = tag.trim().replace(/^W\//, "");
    return t === "*" || t === `"${hash}"` || t.startsWith(`"${hash}.`);
  });
}

function makeEntry(identity: Buffer, version: number): Entry {
  return { hash: createHash("sha256").update(identity).digest("base64url").slice(0, 32), identity, levels: { ...PER_REQUEST_LEVELS }, version, hits: 0 };
}

/** The entry's bytes in an encoding, compressed now (at the entry's levels) when not made yet. */
function bytesOf(entry: Entry, encoding: Encoding): Buffer {
  if (encoding === "identity") return entry.identity;
  if (encoding === "br") return (entry.br ??= brotliCompressSync(entry.identity, brotliParams(entry.levels.br, entry.identity.length)));
  return (entry.gzip ??= gzipSync(entry.identity, { level: entry.levels.gzip }));
}

export type ResponseCacheOptions = {
  /** Reads `reference_version` (readDataVersion of @gugus/api, on the server's connection). */
  readVersion: () => number;
  /** Computes an answer that is not kept: tRPC's status and body for the query (direct-query.ts). */
  compute: (target: { path: CacheableProcedure; query: string }, ctx: Context) => Promise<QueryAnswer>;
  /** Keep answers (default). Off, answers still carry an ETag and get their 304s, but each is computed (the bench's "cold"). */
  enabled?: boolean;
  /** Most bytes kept (all three encodings and the keys counted). Default 64 MiB. */
  maxBytes?: number;
  /** Most entries kept, whatever their size. Default 5,000. */
  maxEntries?: number;
  /** Compress kept answers once more at br 11 / gzip 9 in the background (default on). */
  recompress?: boolean;
};

export type ResponseCache = {
  /**
   * For a GET of one cacheable query: answers it (returns true, reply sent) from the cache, or
   * computes it (`compute`), keeps a plain success and sends it with its ETag, compressed; a refusal
   * is sent as tRPC makes it, `no-store`. Any other request (not a GET of one cacheable query, or a
   * streaming ask): false, untouched, and tRPC's adapter answers it.
   */
  answer(req: FastifyRequest, reply: FastifyReply, context: () => Context): boolean | Promise<true>;
  /**
   * The fast path's lookup (fast-path.ts): the answer from a kept entry for a cacheable GET and its
   * caller's key — after the same version check as {@link ResponseCache.answer} — or undefined when
   * nothing current is kept (the request then goes through fastify, which computes and keeps it).
   */
  kept(request: {
    target: { path: CacheableProcedure; query: string };
    caller: string;
    acceptEncoding: string | string[] | undefined;
    ifNoneMatch: string | string[] | undefined;
    /** The data version the caller read just now (with the session), if it did: saves a read. */
    version?: number | undefined;
  }): KeptAnswer | undefined;
  /** Entries and bytes kept (tests, bench). */
  stats(): { entries: number; bytes: number; version: number | undefined; hits: number };
  /** Forgets every entry. */
  clear(): void;
};

/** What a kept entry answers: 304 (no body) or 200 with its bytes in one encoding, under its ETag. */
export type KeptAnswer = { status: 200 | 304; etag: string; encoding: Encoding; body: Buffer };

const EMPTY = Buffer.alloc(0);

/** Longest query string a kept answer may be keyed by: longer ones are answered, never kept. */
export const MAX_CACHED_QUERY_LENGTH = 2048;

/**
 * The procedure of a single (unbatched) tRPC GET, from its URL, with its input as canonical JSON
 * (the key: two spellings of one input share an entry); null when the request is not one to keep —
 * another procedure, a batch, any parameter but `input` (tRPC would ignore it, so it could only
 * multiply entries), a query string over MAX_CACHED_QUERY_LENGTH, or an input that is not JSON.
 */
export function cacheableProcedureOf(url: string): { path: CacheableProcedure; query: string } | null {
  const known = targets.get(url);
  if (known) return known;
  const target = parseCacheableProcedure(url);
  if (target) {
    // The apps ask the same few URLs again and again: their parse is kept (at most MAX_TARGETS, oldest out).
    if (targets.size >= MAX_TARGETS) targets.delete(targets.keys().next().value!);
    targets.set(url, Object.freeze(target));
  }
  return target;
}

const MAX_TARGETS = 1000;
const targets = new Map<string, { path: CacheableProcedure; query: string }>();

function parseCacheableProcedure(url: string): { path: CacheableProcedure; query: string } | null {
  const match = /^\/trpc\/([A-Za-z.]+)(?:\?(.*))?$/.exec(url);
  if (!match) return null;
  const path = match[1]!;
  const raw = match[2] ?? "";
  if (!isCacheable(path) || raw.length > MAX_CACHED_QUERY_LENGTH) return null;
  const params = new URLSearchParams(raw);
  const names = [...params.keys()];
  if (names.some((name) => name !== "input") || names.length > 1) return null;
  const input = params.get("input");
  if (input === null) return { path, query: "" };
  try {
    return { path, query: JSON.stringify(JSON.parse(input)) };
  } catch {
    return null;
  }
}

/**
 * Whether a request asks for tRPC's streamed answers (`trpc-accept`, or `application/jsonl` among
 * `accept`): tRPC decides those (it refuses them unbatched), so neither the cache nor the direct
 * call takes them.
 */
export function asksForStream(headers: { "trpc-accept"?: string | string[] | undefined; accept?: string | string[] | undefined }): boolean {
  if (headers["trpc-accept"] !== undefined) return true;
  const accept = headers.accept;
  if (accept === undefined) return false;
  return (Array.isArray(accept) ? accept.join(",") : accept).includes("application/jsonl");
}

const keyOf = (target: { path: string; query: string }, caller: string) => `${target.path}\n${target.query}\n${caller}`;

export function createResponseCache({ readVersion, compute, enabled = true, maxBytes = 64 * 1024 * 1024, maxEntries = 5000, recompress = true }: ResponseCacheOptions): ResponseCache {
  const entries = new Map<string, Entry>();
  let version: number | undefined;
  let bytes = 0;
  let hits = 0;
  /** One slow compression at a time: many new entries at once cannot take zlib's thread pool. */
  let recompressing = false;

  const sizeOf = (e: Entry) => e.identity.length + (e.br?.length ?? 0) + (e.gzip?.length ?? 0);

  function drop(key: string) {
    const e = entries.get(key);
    if (e) {
      bytes -= sizeOf(e) + key.length;
      entries.delete(key);
    }
  }

  function keep(key: string, entry: Entry) {
    drop(key);
    entries.set(key, entry);
    bytes += sizeOf(entry) + key.length;
    // Oldest first out (a hit moves its entry to the end).
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes && entries.size <= maxEntries) break;
      drop(oldest);
    }
  }

  /** The current data version (read now, or `seen` when the caller has just read it); the cache empties when it moved. */
  function observe(seen?: number): number {
    const now = seen ?? readVersion();
    if (now !== version) {
      entries.clear();
      bytes = 0;
      version = now;
    }
    return now;
  }

  /** Compresses a kept entry asked again once more at the kept levels, when no other is being compressed. */
  function recompressLater(key: string, entry: Entry) {
    if (!recompress || recompressing || entry.hits < 1 || entry.levels.br === KEPT_LEVELS.br) return;
    recompressing = true;
    const size = entry.identity.length;
    brotliCompress(entry.identity, brotliParams(KEPT_LEVELS.br, size), (brError, br) => {
      gzip(entry.identity, { level: KEPT_LEVELS.gzip }, (gzError, gz) => {
        recompressing = false;
        // Only into the same entry of the same version: a newer answer or version wins.
        if (brError || gzError || entries.get(key) !== entry || version !== entry.version) return;
        keep(key, { ...entry, br, gzip: gz, levels: { ...KEPT_LEVELS } });
      });
    });
  }

  /** What to send for an entry: 304 when the browser holds it, else its bytes in the asked encoding (made now if need be). */
  function serve(entry: Entry, key: string | undefined, acceptEncoding: string | string[] | undefined, ifNoneMatch: string | string[] | undefined): KeptAnswer {
    const encoding = pickEncoding(acceptEncoding);
    const etag = etagOf(entry, encoding);
    if (matches(ifNoneMatch, entry.hash, etag)) return { status: 304, etag, encoding, body: EMPTY };
    const before = key === undefined ? 0 : sizeOf(entry);
    const body = bytesOf(entry, encoding);
    // Bytes made now for a kept entry count against the limit.
    if (key !== undefined && entries.get(key) === entry) bytes += sizeOf(entry) - before;
    return { status: 200, etag, encoding, body };
  }

  function send(req: FastifyRequest, reply: FastifyReply, entry: Entry, key?: string): Buffer | string {
    const answer = serve(entry, key, req.headers["accept-encoding"], req.headers["if-none-match"]);
    reply.header("cache-control", CACHEABLE_CACHE_CONTROL).header("vary", "accept-encoding").header("etag", answer.etag);
    if (answer.status === 304) {
      reply.code(304);
      return "";
    }
    reply.code(200).header("content-type", "application/json");
    reply.header("content-encoding", answer.encoding);
    // @fastify/compress would still deflate or zstd an "identity" answer for a client offering only
    // those, under the identity tag: this answer is sent as it is, whatever else the client offers.
    if (answer.encoding === "identity") req.headers["x-no-compression"] = "1";
    return answer.body;
  }

  /** The kept entry for a key, counted as a hit (and moved to the end of the eviction order). */
  function takeHit(key: string): Entry | undefined {
    const hit = enabled ? entries.get(key) : undefined;
    if (!hit) return undefined;
    hits++;
    hit.hits++;
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }

  /** A query not answered from the cache: computed now, kept when it may be, and sent. */
  async function computeAndSend(req: FastifyRequest, reply: FastifyReply, target: { path: CacheableProcedure; query: string }, ctx: Context, key: string | null, version: number): Promise<true> {
    const computed = await compute(target, ctx);
    // Only a plain success of a caller with a key is kept and tagged; anything else keeps `no-store`.
    if (computed.status !== 200 || key === null) {
      // tRPC's headers for it (its adapter's stream body also gets @fastify/compress's Vary).
      reply.code(computed.status).header("content-type", "application/json").header("vary", "trpc-accept, accept, accept-encoding");
      void reply.send(Buffer.from(computed.body));
      return true;
    }
    const entry = makeEntry(Buffer.from(computed.body), version);
    // Kept only when no write moved the version while the answer was computed.
    if (enabled && observe() === version) keep(key, entry);
    void reply.send(send(req, reply, entry, key));
    return true;
  }

  return {
    answer(req, reply, context) {
      if (req.method !== "GET" || asksForStream(req.headers)) return false;
      const target = cacheableProcedureOf(req.url);
      if (!target) return false;
      const ctx = context();
      const caller = callerKeyOf(ctx, target.path);
      // The session's read brought the data version with it (one read for both, as on the fast path).
      const current = observe(ctx.sessionMemo.referenceVersion ?? undefined);
      const key = caller === null ? null : keyOf(target, caller);
      const hit = key === null ? undefined : takeHit(key);
      if (hit) {
        void reply.send(send(req, reply, hit, key!));
        recompressLater(key!, hit);
        return true;
      }
      return computeAndSend(req, reply, target, ctx, key, current);
    },

    kept({ target, caller, acceptEncoding, ifNoneMatch, version }) {
      observe(version);
      const key = keyOf(target, caller);
      const hit = takeHit(key);
      if (!hit) return undefined;
      const answer = serve(hit, key, acceptEncoding, ifNoneMatch);
      recompressLater(key, hit);
      return answer;
    },

    stats: () => ({ entries: entries.size, bytes, version, hits }),
    clear() {
      entries.clear();
      bytes = 0;
    },
  };
}
