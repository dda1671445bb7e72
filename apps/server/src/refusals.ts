/**
 * Refusals the server makes itself, before or beside tRPC — its request guard and rate limit,
 * fastify's URL and body limits, addresses it does not have — in the API's one error shape
 * (`formatRefusal` of @gugus/api), and never with the caller's URL, path or body in them.
 */
import { formatRefusal } from "@gugus/api";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";

/** The HTTP statuses fastify and its plugins refuse with, as the API's error codes. */
const CODE_OF_STATUS: Partial<Record<number, TRPC_ERROR_CODE_KEY>> = {
  400: "BAD_REQUEST",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  405: "METHOD_NOT_SUPPORTED",
  413: "PAYLOAD_TOO_LARGE",
  // A URL longer than the router takes: too large, like a body.
  414: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
  429: "TOO_MANY_REQUESTS",
};

/** A refusal raised inside a hook or plugin, sent as it is by the error handler. */
export class Refusal extends Error {
  override name = "Refusal";
  constructor(
    readonly statusCode: number,
    readonly body: ReturnType<typeof formatRefusal>,
  ) {
    super(body.error.message);
  }
}

/** The refusal for an HTTP status (an unexpected one is an internal error, 500). */
export function refusalOf(status: number, { messageKey, details }: { messageKey?: string; details?: Record<string, number> } = {}): Refusal {
  const code = CODE_OF_STATUS[status];
  if (!code) return new Refusal(500, formatRefusal({ code: "INTERNAL_SERVER_ERROR", httpStatus: 500 }));
  return new Refusal(status, formatRefusal({ code, httpStatus: status, ...(messageKey ? { messageKey } : {}), ...(details ? { details } : {}) }));
}

export function sendRefusal(reply: FastifyReply, refusal: Refusal): FastifyReply {
  return reply.code(refusal.statusCode).type("application/json; charset=utf-8").send(refusal.body);
}

/**
 * fastify's error handler and `frameworkErrors`: its own errors (malformed or over-long URLs, a body
 * over the limit or not JSON) in the API's shape. Logged with fastify's code only — its messages
 * quote the URL.
 */
export function handleServerError(error: FastifyError | Refusal, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof Refusal) return sendRefusal(reply, error);
  const status = error.statusCode ?? 500;
  const refusal = refusalOf(status);
  if (refusal.statusCode === 500) req.log.error({ err: error }, "request failed");
  else req.log.info({ code: error.code, status }, "request refused");
  return sendRefusal(reply, refusal);
}
