/**
 * tRPC set-up, in three parts: the instance (with the error formatter), the middlewares (domain
 * errors → tRPC errors; the access guard and the scope guard that apply POLICY to every call), and
 * the two procedure builders the routers use.
 */
import { deleteSession, touchSession } from "@gugus/db";
import { DomainError, hasCapability, isSessionActive, mfaRequiredFor, secondFactorStateOf } from "@gugus/domain";
import { initTRPC } from "@trpc/server";
import { audit } from "./audit.ts";
import { todayOf } from "./clock.ts";
import { sessionCookieName } from "./auth/cookies.ts";
import { sha256 } from "./auth/crypto.ts";
import { forgetKeptSession, lookUpSession } from "./auth/session-memo.ts";
import type { ResolvedSession } from "./auth/session-memo.ts";
import type { Context, SignedInUser } from "./context.ts";
import { formatError, toTrpcError } from "./errors.ts";
import { ruleFor } from "./policy.ts";
import type { Rule } from "./policy.ts";
import { resolveTarget } from "./scope.ts";

// 1. Instance: never in dev mode, so no stack trace is ever sent.
const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter: formatError,
});

// 2a. Domain errors become tRPC errors with the mapped code, wherever they were raised.
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) throw toTrpcError(result.error.cause);
  return result;
});

/** A session is marked as used at most once a minute, so reads stay reads. */
const TOUCH_INTERVAL_MS = 60_000;

/** The signed-in account of a resolved session: made once per kept session (both frozen), so a kept one costs nothing more. */
const signedInUsers = new WeakMap<ResolvedSession, SignedInUser>();
function signedInUserOf(found: ResolvedSession): SignedInUser {
  let user = signedInUsers.get(found);
  if (user === undefined) {
    const u = found.user;
    const factor = found.secondFactor;
    user = Object.freeze({
      ...u,
      sessionId: found.session.id,
      actor: Object.freeze({ role: u.role, taskForceId: u.taskForceId, place: Object.freeze({ level: u.taskForceLevel, regionCode: u.taskForceRegionCode }) }),
      secondFactor: secondFactorStateOf({
        required: mfaRequiredFor({ role: u.role, level: u.taskForceLevel }),
        confirmed: (factor.factor?.confirmedAt ?? null) !== null,
        verified: factor.verifiedAt !== null,
      }),
    });
    signedInUsers.set(found, user);
  }
  return user;
}

/** The account behind the request's session cookie (kept between requests while nothing it came from changed: auth/session-memo.ts); null when there is none or it ended. */
export function resolveSession(ctx: Context): SignedInUser | null {
  if (ctx.sessionMemo.resolved) return ctx.sessionMemo.user;
  const cookie = sessionCookieName(ctx.secure);
  const token = ctx.cookies.get(cookie);
  let user: SignedInUser | null = null;
  if (token && token.length <= 128) {
    const tokenHash = sha256(token);
    const now = ctx.now().getTime();
    const open = (f: ResolvedSession) => f.user.active && isSessionActive(f.session, now);
    const { found, referenceVersion } = lookUpSession(ctx.sqlite, tokenHash, todayOf(ctx), open);
    ctx.sessionMemo.referenceVersion = referenceVersion;
    if (found && open(found)) {
      if (now - found.session.lastSeenAt >= TOUCH_INTERVAL_MS) {
        touchSession(ctx.db, found.session.id, now);
        forgetKeptSession(ctx.sqlite, tokenHash);
      }
      user = signedInUserOf(found);
    } else {
      if (found) deleteSession(ctx.db, found.session.id);
      ctx.cookies.clear(cookie);
    }
  }
  ctx.sessionMemo.resolved = true;
  ctx.sessionMemo.user = user;
  return user;
}

/** Forgets the session read for this request (after signing in or out, or changing the password). */
export function forgetResolvedSession(ctx: Context): void {
  ctx.sessionMemo.resolved = false;
  ctx.sessionMemo.user = null;
  ctx.sessionMemo.referenceVersion = null;
}

/**
 * What holds a signed-in account back from a procedure before its role is looked at: a one-time
 * password still to change, then a second factor still to enrol or to give. Null when nothing does.
 * The guard and the response cache's key (cacheable.ts) both ask this, so no kept answer reaches a
 * session the guard would stop.
 */
export function holdUpOf(user: SignedInUser, rule: Rule): "PASSWORD_CHANGE_REQUIRED" | "MFA_ENROLMENT_REQUIRED" | "MFA_REQUIRED" | null {
  if (user.mustChangePassword && !rule.duringPasswordChange) return "PASSWORD_CHANGE_REQUIRED";
  // The second factor comes after the one-time password is changed, before anything else.
  if (user.secondFactor === "enrol" && !rule.duringSecondFactor) return "MFA_ENROLMENT_REQUIRED";
  if (user.secondFactor === "verify" && !rule.duringSecondFactor) return "MFA_REQUIRED";
  return null;
}

// 2b. The guard: every call is checked against POLICY; anything not listed is refused.
const guard = t.middleware(({ ctx, path, next }) => {
  const rule = ruleFor(path);
  if (!rule) {
    audit(ctx, { action: "access.denied", outcome: "denied", targetType: "procedure", targetId: path, details: { reason: "no_policy" } });
    throw new DomainError("FORBIDDEN");
  }
  if (rule.access === "public") return next();
  const user = resolveSession(ctx);
  if (!user) throw new DomainError("SIGNED_OUT");
  const held = holdUpOf(user, rule);
  if (held) throw new DomainError(held);
  if (rule.access !== "signed-in" && !hasCapability(user.role, rule.access)) {
    audit(ctx, { action: "access.denied", outcome: "denied", actorUserId: user.id, actorLabel: user.email, targetType: "procedure", targetId: path, details: { role: user.role } });
    throw new DomainError("FORBIDDEN");
  }
  return next({ ctx: { user } });
});

// 2c. The scope guard: after the input is validated, the policy line's target is resolved from it
// and checked against the caller's scope (scope.ts); the handler receives it as `ctx.target`.
const scopeGuard = t.middleware(({ ctx, path, input, next }) => {
  const rule = ruleFor(path);
  if (!rule) throw new DomainError("FORBIDDEN");
  if (rule.scope !== "task-force" && rule.scope !== "account") return next();
  if (!ctx.user) throw new DomainError("SIGNED_OUT");
  return next({ ctx: { target: resolveTarget({ ...ctx, user: ctx.user }, rule, input) } });
});

type BuilderMethods = Record<string, (...args: unknown[]) => unknown>;
const CHAINING = ["input", "output", "meta", "use", "concat", "unstable_concat"] as const;
const RESOLVING = ["query", "mutation", "subscription"] as const;

/**
 * The builder with the scope guard placed just before every resolver, whatever was chained before
 * it (`.input()`, `.use()`…): so it sees the validated input, and no procedure can be built without it.
 */
function withScopeGuard<B extends object>(builder: B): B {
  const methods = builder as unknown as BuilderMethods;
  const wrapped = Object.create(builder) as BuilderMethods;
  for (const name of CHAINING) wrapped[name] = (...args) => withScopeGuard(methods[name]!(...args) as object);
  for (const name of RESOLVING) wrapped[name] = (...args) => (methods.use!(scopeGuard) as BuilderMethods)[name]!(...args);
  return wrapped as unknown as B;
}

// 3. Procedures.
export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const base = t.procedure.use(domainErrors).use(guard);

/** A procedure POLICY lists as public (signing in). */
export const publicProcedure = withScopeGuard(base);

/**
 * A procedure for signed-in accounts; `ctx.user` is the account, read from the database for this
 * call, and `ctx.target` what its policy line's scope resolved (read it with `getTargetTaskForce`…).
 */
export const signedInProcedure = withScopeGuard(
  base.use(({ ctx, next }) => {
    if (!ctx.user) throw new DomainError("SIGNED_OUT");
    return next({ ctx: { user: ctx.user } });
  }),
);
