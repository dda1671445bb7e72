/**
 * The HTTP server: tRPC at /trpc, the admin app at /admin, the portal at /portal, /healthz, and a
 * front page linking to both apps. One process, one SQLite connection.
 *
 * Request hygiene (README.md, "Security in short"): security headers with a strict CSP on every answer; /trpc
 * refuses cross-site requests and non-JSON posts, caps batch size, body size and request rate, and
 * answers `Cache-Control: no-store` — except the cacheable queries (packages/api/src/cacheable.ts),
 * which the apps send as GET and response-cache.ts answers from kept, compressed bytes with a strong
 * ETag and `private, no-cache`; the session cookie is HttpOnly, SameSite=Lax, and Secure with the
 * `__Host-` prefix over HTTPS.
 */
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { constants as zlibConstants } from "node:zlib";
import { fileURLToPath } from "node:url";
import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import { appRouter, createContextInner, readDataVersion } from "@gugus/api";
import type { AppRouter, Context, CookieJar } from "@gugus/api";
import { createReadCache, pingDatabase } from "@gugus/db";
import type { DatabaseHandle } from "@gugus/db";
import type { TRPCError } from "@trpc/server";
import { fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import type { FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import Fastify from "fastify";
import helmet from "helmet";
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";
import { renderFrontPage } from "./front-page.ts";
import { UNTRUSTED_PROXY_WARNING } from "./exposure.ts";
import { handleServerError, refusalOf, sendRefusal } from "./refusals.ts";
import { createQueryCaller } from "./direct-query.ts";
import { createFastPath, createRateCounter, rateKeyOf } from "./fast-path.ts";
import type { FastPath, FastPathCookies } from "./fast-path.ts";
import { checkApiRequest } from "./request-guard.ts";
import { PER_REQUEST_LEVELS, createResponseCache } from "./response-cache.ts";

/** Where the built single-page apps are. */
export const APP_DIST = {
  admin: fileURLToPath(new URL("../../admin/dist/", import.meta.url)),
  portal: fileURLToPath(new URL("../../portal/dist/", import.meta.url)),
} as const;

export const LIMITS = {
  /** Largest request body accepted (bytes). */
  bodyBytes: 1024 * 1024,
  /** Most procedures in one batched tRPC request. */
  batchSize: 10,
} as const;

export type BuildServerOptions = {
  database: DatabaseHandle;
  logger?: FastifyServerOptions["logger"];
  now?: () => Date;
  /** Override where the built apps are (tests). */
  appDist?: Partial<Record<keyof typeof APP_DIST, string>>;
  /** Trust X-Forwarded-* headers from these proxies (fastify's trustProxy). Default: none. */
  trustProxy?: boolean | string[];
  /** Most /trpc requests per client address per minute; 0 turns the limit off. Default 600. */
  rateLimitPerMinute?: number;
  /** The server's secret (secret-key.ts), handed to the api. Absent (tests), one made for the process. */
  secretKey?: Buffer;
  /** Keep the answers of cacheable queries (response-cache.ts). Default on; off, each is computed (ETags and 304s still work). */
  responseCache?: boolean;
  /** Send kept answers ahead of fastify (fast-path.ts). Default on; it only ever opens with the response cache and without a trusted proxy. */
  fastPath?: boolean;
};

/** Logs a request without its query string (tRPC may put inputs there) and without headers. */
const requestSerializer = (req: { method: string; url: string; ip?: string }) => ({
  method: req.method,
  url: req.url.split("?")[0],
  ip: req.ip,
});

const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Mantine sets CSS variables and positions through style attributes.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The session cookie on the HTTP exchange: HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS. */
function cookieJar(req: FastifyRequest, reply: FastifyReply, secure: boolean): CookieJar {
  const options = { path: "/", httpOnly: true, sameSite: "lax" as const, secure };
  return {
    get: (name) => req.cookies[name],
    set: (name, value, { maxAgeSeconds }) => void reply.setCookie(name, value, { ...options, maxAge: maxAgeSeconds }),
    clear: (name) => void reply.clearCookie(name, options),
  };
}

export async function buildServer({
  database,
  logger = false,
  now,
  appDist = {},
  trustProxy = false,
  rateLimitPerMinute = 600,
  secretKey,
  responseCache = true,
  fastPath = true,
}: BuildServerOptions): Promise<FastifyInstance> {
  // Kept answers leave from the HTTP server itself (fast-path.ts), once it is set up below.
  let fast: FastPath | null = null;
  const app = Fastify({
    serverFactory: (handler, fastifyOptions) => {
      const options = fastifyOptions as { keepAliveTimeout?: number; requestTimeout?: number; connectionTimeout?: number; maxRequestsPerSocket?: number };
      const server = createServer((req: IncomingMessage, res: ServerResponse) => {
        if (fast?.handle(req, res)) return;
        handler(req, res);
      });
      // What fastify sets on a server it makes itself.
      server.keepAliveTimeout = options.keepAliveTimeout ?? 72_000;
      server.requestTimeout = options.requestTimeout ?? 0;
      server.setTimeout(options.connectionTimeout ?? 0);
      if ((options.maxRequestsPerSocket ?? 0) > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket!;
      return server;
    },
    logger:
      logger === true ? { serializers: { req: requestSerializer } } : typeof logger === "object" && logger !== null ? { ...logger, serializers: { req: requestSerializer } } : false,
    bodyLimit: LIMITS.bodyBytes,
    routerOptions: { maxParamLength: 5000 },
    trustProxy,
    frameworkErrors: (error, req, reply) => void handleServerError(error, req, reply),
  });
  app.setErrorHandler(handleServerError);

  if (trustProxy === false || (Array.isArray(trustProxy) && trustProxy.length === 0)) {
    // Once per process: a proxy in front that the server does not trust is the commonest deployment trap.
    let warned = false;
    app.addHook("onRequest", (req, _reply, done) => {
      if (!warned && (req.headers["x-forwarded-for"] !== undefined || req.headers["x-forwarded-proto"] !== undefined || req.headers.forwarded !== undefined)) {
        warned = true;
        req.log.warn(UNTRUSTED_PROXY_WARNING);
      }
      done();
    });
  }

  const cache = createReadCache(database.sqlite);

  // Helmet's middleware is made once: with no nonces its headers are the same on every answer
  // (made per request, as @fastify/helmet does, its CSP was parsed again for each one).
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: "no-referrer" },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onRequest", (req, reply, done) => securityHeaders(req.raw, reply.raw, done as (error?: unknown) => void));
  await app.register(fastifyCookie);
  // Answers made per request: br 5 / gzip 6, the levels that cost less than they save on a 3G link (measured in response-cache.ts).
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    brotliOptions: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: PER_REQUEST_LEVELS.br } },
    zlibOptions: { level: PER_REQUEST_LEVELS.gzip },
  });
  // Never log the input: it may carry personal data. Internal errors keep their cause for operators.
  const onProcedureError = ({ error, path, type }: { error: TRPCError; path: string | undefined; type: string }) => {
    if (error.code === "INTERNAL_SERVER_ERROR") {
      app.log.error({ path, type, err: error.cause ?? error }, "procedure failed");
    } else {
      app.log.info({ path, type, code: error.code }, "procedure refused");
    }
  };
  const callQuery = createQueryCaller(appRouter, onProcedureError);
  const responses = createResponseCache({
    readVersion: () => readDataVersion(database),
    compute: (target, ctx) => callQuery(target.path, target.query, ctx),
    enabled: responseCache,
  });
  app.decorate("responseCache", responses);

  // One context per request: the response cache's session check and tRPC's calls share it, so the
  // session is read once.
  const contexts = new WeakMap<FastifyRequest, Context>();
  const makeContext = ({ ip, userAgent, cookies, secure }: { ip: string; userAgent: string | null; cookies: CookieJar; secure: boolean }) =>
    createContextInner({
      db: database.db,
      sqlite: database.sqlite,
      cache,
      ...(now ? { now } : {}),
      client: { ip, userAgent },
      cookies,
      secure,
      ...(secretKey ? { secretKey } : {}),
    });
  const contextOf = (req: FastifyRequest, reply: FastifyReply): Context => {
    const known = contexts.get(req);
    if (known) return known;
    const secure = req.protocol === "https";
    const context = makeContext({ ip: req.ip, userAgent: req.headers["user-agent"] ?? null, cookies: cookieJar(req, reply, secure), secure });
    contexts.set(req, context);
    return context;
  };

  const rateCounter = createRateCounter();
  const trustsProxy = !(trustProxy === false || (Array.isArray(trustProxy) && trustProxy.length === 0));
  const fastPathFor = (): FastPath | null =>
    fastPath && responseCache && !trustsProxy
      ? createFastPath({
          responses,
          contextOf: (req, cookies: FastPathCookies) =>
            makeContext({ ip: req.socket.remoteAddress ?? "", userAgent: req.headers["user-agent"] ?? null, cookies: cookies, secure: false }),
          rateLimit: rateLimitPerMinute > 0 ? { counter: rateCounter, max: rateLimitPerMinute, timeWindow: 60_000 } : null,
          log: app.log,
        })
      : null;

  app.get("/healthz", async (_req, reply) => {
    const ok = pingDatabase(database.sqlite);
    return reply
      .code(ok ? 200 : 503)
      .header("cache-control", "no-store")
      .send({ status: ok ? "ok" : "error", database: ok ? "ok" : "unavailable", time: (now?.() ?? new Date()).toISOString() });
  });

  await app.register(async (api) => {
    if (rateLimitPerMinute > 0) {
      await api.register(fastifyRateLimit, {
        // Not per route: as the first onRequest hook of /trpc, so answers from the response cache
        // (sent from a later hook, before any route hook runs) are counted like every other call.
        global: false,
        max: rateLimitPerMinute,
        // One counter for fastify and the fast path (fast-path.ts), keyed alike.
        store: function SharedCounter() {
          return rateCounter;
        } as unknown as NonNullable<Parameters<typeof fastifyRateLimit>[1]>["store"],
        keyGenerator: (req) => rateKeyOf(req.ip),
        timeWindow: 60_000,
        errorResponseBuilder: (_req, context) => refusalOf(429, { details: { retryAfterSeconds: Math.ceil(context.ttl / 1000) } }),
      });
      api.addHook("onRequest", api.rateLimit());
    }
    api.addHook("onRequest", async (req, reply) => {
      reply.header("cache-control", "no-store");
      const refusal = checkApiRequest({ method: req.method, headers: req.headers, ownOrigin: `${req.protocol}://${req.host}` });
      if (refusal) {
        req.log.warn({ reason: refusal.reason }, "api request refused");
        return sendRefusal(reply, refusalOf(refusal.status, { messageKey: refusal.messageKey }));
      }
      // A GET of a cacheable query: from kept bytes when they are current, else computed and kept (the reply is sent here).
      if (await responses.answer(req, reply, () => contextOf(req, reply))) return reply;
    });
    api.addHook("onSend", async (_req, reply, payload) => {
      // The first answer of a cacheable query teaches the fast path the security headers to send.
      if (fast && !fast.ready() && reply.statusCode === 200 && reply.hasHeader("etag")) fast.learnHeaders(reply.getHeaders());
      return payload;
    });
    await api.register(fastifyTRPCPlugin, {
      prefix: "/trpc",
      trpcOptions: {
        router: appRouter,
        maxBatchSize: LIMITS.batchSize,
        allowMethodOverride: true,
        createContext: ({ req, res }) => contextOf(req, res),
        onError: onProcedureError,
      } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
    });
  });

  fast = fastPathFor();
  app.decorate("fastPath", fast);

  const shells: Record<string, string | null> = {};
  for (const name of ["admin", "portal"] as const) {
    const root = appDist[name] ?? APP_DIST[name];
    const indexFile = join(root, "index.html");
    shells[name] = existsSync(indexFile) ? readFileSync(indexFile, "utf8") : null;
    if (shells[name] === null) {
      app.log.warn({ app: name, root }, "app not built: run `pnpm build` to serve it");
      continue;
    }
    await app.register(fastifyStatic, {
      root,
      prefix: `/${name}/`,
      decorateReply: false,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each script and sheet (at br 11 / gzip 9): sent as they are.
      preCompressed: true,
      setHeaders: (reply, filePath) => {
        reply.header("cache-control", /[\\/]assets[\\/]/.test(filePath) ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }

  // The apps route in the browser: any other GET under /admin/ or /portal/ gets the app's page.
  app.setNotFoundHandler((req, reply) => {
    const match = /^\/(admin|portal)(\/|$)/.exec(req.url);
    if (req.method === "GET" && match) {
      const name = match[1]!;
      if (req.url === `/${name}`) return reply.redirect(`/${name}/`);
      const shell = shells[name];
      if (!/\/assets\//.test(req.url) && shell) {
        return reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(shell);
      }
      if (!shell) {
        return reply.code(503).type("text/plain; charset=utf-8").send(`The ${name} app is not built. Run: pnpm build`);
      }
    }
    return sendRefusal(reply, refusalOf(404));
  });

  app.get("/", (_req, reply) => reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(renderFrontPage()));

  return app;
}
