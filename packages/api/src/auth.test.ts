import { findUserById } from "@gugus/db";
import { SESSION_ABSOLUTE_LIFETIME_MS, SESSION_IDLE_TIMEOUT_MS, THROTTLE } from "@gugus/domain";
import { TRPCError } from "@trpc/server";
import { afterEach, describe, expect, it } from "vitest";
import { sessionCookieName } from "./auth/cookies.ts";
import { ARGON2_PARAMS, sha256, verifyPassword } from "./auth/crypto.ts";
import { formatError } from "./errors.ts";
import { FIXED_NOW, FIXTURE_PASSWORD, browserCaller, fixtureFactory } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture;
const fresh = () => (fx = factory.fresh());
afterEach(() => fx?.close());

const COOKIE = sessionCookieName(false);

async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const shape = formatError({ error, shape: { message: error.message, code: 0, data: { code: error.code, httpStatus: 0 } } });
    return { code: error.code, message: shape.message, messageKey: shape.data.messageKey, details: shape.data.details };
  }
  throw new Error("expected a failure");
}

/** A clock the test can move. */
function clock(start = FIXED_NOW.getTime()) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

const auditActions = (f: Fixture) => f.handle.sqlite.prepare("SELECT action || ':' || outcome FROM audit_log ORDER BY id").pluck().all() as string[];

describe("signing in", () => {
  it("sets an HttpOnly session cookie whose SHA-256 alone is stored, and returns the account", async () => {
    fresh();
    const { caller, cookies } = browserCaller(fx.handle);
    const me = await caller.auth.signIn({ email: " Target-Regency@Gugus.Test ", password: FIXTURE_PASSWORD });
    expect(me).toMatchObject({ email: "target-regency@gugus.test", role: "regional_member", taskForce: { regionCode: "32.75" } });
    const token = cookies.get(COOKIE)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes
    const stored = fx.handle.sqlite.prepare("SELECT token_hash FROM sessions WHERE user_id = ?").pluck().all(me.id);
    expect(stored).toEqual([sha256(token)]);
    expect(await caller.auth.me()).toMatchObject({ id: me.id });
    expect(auditActions(fx)).toContain("auth.sign_in:success");
  });

  it("answers an unknown email, a wrong password and a deactivated account the same way", async () => {
    fresh();
    const { caller } = browserCaller(fx.handle);
    const answers = [
      await failure(caller.auth.signIn({ email: "nobody@gugus.test", password: FIXTURE_PASSWORD })),
      await failure(caller.auth.signIn({ email: "target-regency@gugus.test", password: "wrong password here" })),
      await failure(caller.auth.signIn({ email: "deactivated@gugus.test", password: FIXTURE_PASSWORD })),
    ];
    for (const a of answers) expect(a).toEqual({ code: "UNAUTHORIZED", message: answers[0]!.message, messageKey: "SIGN_IN_FAILED", details: {} });
    expect(auditActions(fx).filter((a) => a === "auth.sign_in:failure")).toHaveLength(3);
  });

  it("verifies a dummy hash for an unknown email (same work as a wrong password)", async () => {
    expect(await verifyPassword(undefined, "anything")).toBe(false);
  });

  it("stores argon2id hashes at 19 MiB, 2 passes, 1 lane", () => {
    fresh();
    const hash = fx.handle.sqlite.prepare("SELECT password_hash FROM users LIMIT 1").pluck().get() as string;
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(ARGON2_PARAMS).toMatchObject({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
  });

  it("issues a new token at each sign-in and ends the session the browser carried", async () => {
    fresh();
    const { caller, cookies } = browserCaller(fx.handle);
    await caller.auth.signIn({ email: "target-regency@gugus.test", password: FIXTURE_PASSWORD });
    const first = cookies.get(COOKIE);
    await caller.auth.signIn({ email: "target-regency@gugus.test", password: FIXTURE_PASSWORD });
    expect(cookies.get(COOKIE)).not.toBe(first);
    expect(fx.handle.sqlite.prepare("SELECT count(*) FROM sessions WHERE token_hash = ?").pluck().get(sha256(first!))).toBe(0);
  });

  it("refuses nothing but sign-in without a session", async () => {
    fresh();
    const { caller } = browserCaller(fx.handle);
    expect((await failure(caller.hierarchy.counts())).messageKey).toBe("SIGNED_OUT");
    expect((await failure(caller.health.check())).code).toBe("UNAUTHORIZED");
  });
});

describe("throttling failed sign-ins", () => {
  it("slows an account down at one address after five failures in a row, then lets it try again after the wait", async () => {
    fresh();
    const c = clock();
    const { caller } = browserCaller(fx.handle, { now: c.now });
    const attempt = () => caller.auth.signIn({ email: "target-regency@gugus.test", password: "not the password" });
    for (let i = 0; i < THROTTLE.account.freeFailures; i++) expect((await failure(attempt())).messageKey).toBe("SIGN_IN_FAILED");
    const throttled = await failure(attempt());
    expect(throttled).toMatchObject({ code: "TOO_MANY_REQUESTS", messageKey: "SIGN_IN_THROTTLED" });
    // Even the right password waits: no guessing through the throttle.
    expect((await failure(caller.auth.signIn({ email: "target-regency@gugus.test", password: FIXTURE_PASSWORD }))).code).toBe("TOO_MANY_REQUESTS");
    c.advance(1000);
    await caller.auth.signIn({ email: "target-regency@gugus.test", password: FIXTURE_PASSWORD });
    // A success resets the count.
    expect((await failure(attempt())).messageKey).toBe("SIGN_IN_FAILED");
  });

  it("does not tell the guesser when to try again: the refusal carries no retry time", async () => {
    fresh();
    const { caller } = browserCaller(fx.handle);
    for (let i = 0; i < THROTTLE.account.freeFailures; i++) await failure(caller.auth.signIn({ email: "target-regency@gugus.test", password: "nope nope nope" }));
    const refusal = await failure(caller.auth.signIn({ email: "target-regency@gugus.test", password: "nope nope nope" }));
    expect(refusal).toMatchObject({ messageKey: "SIGN_IN_THROTTLED", details: {} });
    // Nor does the second sign-in in one request.
    expect(JSON.stringify(refusal)).not.toMatch(/retry/i);
  });

  it("doubles the wait with each further failure (no hard lockout)", async () => {
    fresh();
    const c = clock();
    const { caller } = browserCaller(fx.handle, { now: c.now });
    const attempt = () => caller.auth.signIn({ email: "target-province@gugus.test", password: "nope nope nope" });
    for (let i = 0; i < 5; i++) await failure(attempt());
    c.advance(1000);
    await failure(attempt()); // 6th failure: the next wait is 2 s
    c.advance(1999);
    expect((await failure(attempt())).messageKey).toBe("SIGN_IN_THROTTLED");
    c.advance(1);
    expect((await failure(attempt())).messageKey).toBe("SIGN_IN_FAILED");
  });

  it("keeps six wrong guesses from one address from stopping the real user's right password from another", async () => {
    fresh();
    const guesser = browserCaller(fx.handle, { ip: "203.0.113.66" });
    for (let i = 0; i < THROTTLE.account.freeFailures + 1; i++) await failure(guesser.caller.auth.signIn({ email: "target-regency@gugus.test", password: `guess ${i}` }));
    expect((await failure(guesser.caller.auth.signIn({ email: "target-regency@gugus.test", password: "guess again" }))).messageKey).toBe("SIGN_IN_THROTTLED");
    const user = browserCaller(fx.handle, { ip: "198.51.100.20" });
    expect(await user.caller.auth.signIn({ email: "target-regency@gugus.test", password: FIXTURE_PASSWORD })).toMatchObject({ email: "target-regency@gugus.test" });
    // The user's success does not clear the guesser's count at its own address.
    expect((await failure(guesser.caller.auth.signIn({ email: "target-regency@gugus.test", password: FIXTURE_PASSWORD }))).messageKey).toBe("SIGN_IN_THROTTLED");
  });

  it("still caps an account's failures from all addresses together (a guess spread over many addresses)", async () => {
    fresh();
    const c = clock();
    const email = "target-regency@gugus.test";
    // Each address stays within its own allowance; together they reach the account-wide cap.
    for (let i = 0; i < THROTTLE.accountWide.freeFailures; i++) {
      c.advance(1);
      expect((await failure(browserCaller(fx.handle, { ip: `203.0.113.${i}`, now: c.now }).caller.auth.signIn({ email, password: `guess ${i}` }))).messageKey).toBe("SIGN_IN_FAILED");
    }
    const fresher = browserCaller(fx.handle, { ip: "192.0.2.200", now: c.now });
    expect((await failure(fresher.caller.auth.signIn({ email, password: FIXTURE_PASSWORD }))).messageKey).toBe("SIGN_IN_THROTTLED");
    // A wait, not a lockout.
    c.advance(THROTTLE.accountWide.firstDelayMs);
    await fresher.caller.auth.signIn({ email, password: FIXTURE_PASSWORD });
  });

  it("slows an address down across many accounts", async () => {
    fresh();
    const { caller } = browserCaller(fx.handle, { ip: "203.0.113.7" });
    for (let i = 0; i < THROTTLE.address.freeFailures; i++) await failure(caller.auth.signIn({ email: `guess${i}@gugus.test`, password: "x" }));
    expect((await failure(caller.auth.signIn({ email: "target-regency@gugus.test", password: FIXTURE_PASSWORD }))).code).toBe("TOO_MANY_REQUESTS");
    // Another address is not affected.
    const other = browserCaller(fx.handle, { ip: "198.51.100.2" });
    await other.caller.auth.signIn({ email: "target-regency@gugus.test", password: FIXTURE_PASSWORD });
  });
});

describe("sessions", () => {
  it("end after 30 minutes idle, and the row goes", async () => {
    fresh();
    const c = clock();
    const { caller } = browserCaller(fx.handle, { now: c.now });
    const me = await caller.auth.signIn({ email: "target-regency@gugus.test", password: FIXTURE_PASSWORD });
    c.advance(SESSION_IDLE_TIMEOUT_MS - 1000);
    await caller.auth.me();
    c.advance(SESSION_IDLE_TIMEOUT_MS - 1000); // used a minute ago? no: 29 min since last use is fine
    await caller.auth.me();
    c.advance(SESSION_IDLE_TIMEOUT_MS + 1);
    expect((await failure(caller.auth.me())).code).toBe("UNAUTHORIZED");
    expect(fx.handle.sqlite.prepare("SELECT count(*) FROM sessions WHERE user_id = ?").pluck().get(me.id)).toBe(0);
  });

  it("end 12 hours after sign-in even when in use", async () => {
    fresh();
    const c = clock();
    const { caller } = browserCaller(fx.handle, { now: c.now });
    await caller.auth.signIn({ email: "target-regency@gugus.test", password: FIXTURE_PASSWORD });
    for (let used = 0; used < SESSION_ABSOLUTE_LIFETIME_MS - 20 * 60 * 1000; used += 20 * 60 * 1000) {
      c.advance(20 * 60 * 1000);
      await caller.auth.me();
    }
    c.advance(20 * 60 * 1000);
    expect((await failure(caller.auth.me())).code).toBe("UNAUTHORIZED");
  });

  it("sign-out deletes the session and clears the cookie", async () => {
    fresh();
    const { caller, cookies } = browserCaller(fx.handle);
    await caller.auth.signIn({ email: "target-regency@gugus.test", password: FIXTURE_PASSWORD });
    const token = cookies.get(COOKIE)!;
    await caller.auth.signOut();
    expect(cookies.get(COOKIE)).toBeUndefined();
    expect(fx.handle.sqlite.prepare("SELECT count(*) FROM sessions WHERE token_hash = ?").pluck().get(sha256(token))).toBe(0);
    // The old token no longer works, even if replayed.
    cookies.set(COOKIE, token, { maxAgeSeconds: 60 });
    expect((await failure(caller.auth.me())).code).toBe("UNAUTHORIZED");
  });

  it("deactivating an account ends its sessions at once", async () => {
    fresh();
    const user = browserCaller(fx.handle);
    const me = await user.caller.auth.signIn({ email: "target-regency@gugus.test", password: FIXTURE_PASSWORD });
    const admin = fx.callerAs("centralAdmin");
    await admin.accounts.setActive({ id: me.id, version: findUserById(fx.handle.db, me.id, "2026-11-28")!.version, active: false });
    expect((await failure(user.caller.auth.me())).code).toBe("UNAUTHORIZED");
    expect(fx.handle.sqlite.prepare("SELECT count(*) FROM sessions WHERE user_id = ?").pluck().get(me.id)).toBe(0);
  });

  it("a central admin can list and end any session", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const sessions = await admin.sessions.list({ userId: fx.userIds.regencyMember });
    expect(sessions).toHaveLength(1);
    await admin.sessions.end({ sessionId: sessions[0]!.id });
    expect((await failure(fx.callerAs("regencyMember").auth.me())).code).toBe("UNAUTHORIZED");
    expect((await failure(admin.sessions.end({ sessionId: sessions[0]!.id }))).messageKey).toBe("SESSION_NOT_FOUND");
  });
});

describe("one-time passwords", () => {
  it("are shown once, must be changed at first sign-in, and only then open the product", async () => {
    fresh();
    const admin = fx.callerAs("regencyAdmin");
    const created = await admin.accounts.create({
      email: "baru@bekasikota.go.id",
      name: "Rina Wulandari",
      position: "Staf Bidang PPPA",
      taskForceId: (await admin.auth.me()).taskForce.id,
      role: "regional_member",
    });
    expect(created.account).toMatchObject({ mustChangePassword: true, active: true });
    const user = browserCaller(fx.handle);
    const me = await user.caller.auth.signIn({ email: "baru@bekasikota.go.id", password: created.oneTimePassword });
    expect(me.mustChangePassword).toBe(true);
    expect((await failure(user.caller.hierarchy.counts())).messageKey).toBe("PASSWORD_CHANGE_REQUIRED");
    await user.caller.auth.changePassword({ currentPassword: created.oneTimePassword, newPassword: "hujan turun di kota bekasi" });
    expect((await user.caller.auth.me()).mustChangePassword).toBe(false);
    expect((await user.caller.hierarchy.counts()).byLevel).toEqual({ national: 0, province: 0, regency: 1 });
    // Single use: the one-time password no longer signs in.
    expect((await failure(browserCaller(fx.handle).caller.auth.signIn({ email: "baru@bekasikota.go.id", password: created.oneTimePassword }))).messageKey).toBe("SIGN_IN_FAILED");
  });

  it("expire after 72 hours", async () => {
    fresh();
    const created = await fx.callerAs("centralAdmin").accounts.resetPassword({ id: fx.targetUserIds.regency });
    const c = clock(FIXED_NOW.getTime() + 72 * 60 * 60 * 1000);
    const user = browserCaller(fx.handle, { now: c.now });
    expect((await failure(user.caller.auth.signIn({ email: "target-regency@gugus.test", password: created.oneTimePassword }))).messageKey).toBe("INITIAL_PASSWORD_EXPIRED");
  });

  it("reset ends the account's sessions and the old password stops working", async () => {
    fresh();
    await fx.callerAs("centralAdmin").accounts.resetPassword({ id: fx.userIds.regencyMember });
    expect((await failure(fx.callerAs("regencyMember").auth.me())).code).toBe("UNAUTHORIZED");
    expect((await failure(browserCaller(fx.handle).caller.auth.signIn({ email: "regencymember@gugus.test", password: FIXTURE_PASSWORD }))).messageKey).toBe("SIGN_IN_FAILED");
  });
});

describe("changing one's password", () => {
  it.each([
    ["a wrong current password", FIXTURE_PASSWORD + "x", "panjang dan berbeda sekali", "CURRENT_PASSWORD_WRONG"],
    ["a short new one", FIXTURE_PASSWORD, "pendek", "PASSWORD_TOO_SHORT"],
    ["a breached one", FIXTURE_PASSWORD, "password123", "PASSWORD_COMMON"],
    ["one made of the service's words", FIXTURE_PASSWORD, "gugustugas2024", "PASSWORD_CONTEXT"],
    ["the same as now", FIXTURE_PASSWORD, FIXTURE_PASSWORD, "PASSWORD_SAME"],
  ])("refuses %s, changing nothing", async (_label, currentPassword, newPassword, key) => {
    fresh();
    const before = fx.handle.sqlite.prepare("SELECT password_hash FROM users WHERE id = ?").pluck().get(fx.userIds.regencyMember);
    expect((await failure(fx.callerAs("regencyMember").auth.changePassword({ currentPassword, newPassword }))).messageKey).toBe(key);
    expect(fx.handle.sqlite.prepare("SELECT password_hash FROM users WHERE id = ?").pluck().get(fx.userIds.regencyMember)).toBe(before);
  });

  it("asks central admins for 15 characters", async () => {
    fresh();
    expect((await failure(fx.callerAs("centralAdmin").auth.changePassword({ currentPassword: FIXTURE_PASSWORD, newPassword: "fourteen-chars" }))).messageKey).toBe("PASSWORD_TOO_SHORT");
  });

  it("ends the account's other sessions and keeps this one", async () => {
    fresh();
    const other = browserCaller(fx.handle);
    await other.caller.auth.signIn({ email: "regencymember@gugus.test", password: FIXTURE_PASSWORD });
    await fx.callerAs("regencyMember").auth.changePassword({ currentPassword: FIXTURE_PASSWORD, newPassword: "sebuah kalimat sandi baru" });
    expect((await failure(other.caller.auth.me())).code).toBe("UNAUTHORIZED");
    await fx.callerAs("regencyMember").auth.me();
  });
});

describe("throttling holds under pressure", () => {
  it("counts sign-ins made at the same moment: of 12 parallel wrong guesses from one address at most 5 are checked", async () => {
    fresh();
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => failure(browserCaller(fx.handle, { ip: "203.0.113.9" }).caller.auth.signIn({ email: "target-regency@gugus.test", password: `guess ${i}` }))),
    );
    const keys = attempts.map((a) => a.messageKey);
    expect(keys.filter((k) => k === "SIGN_IN_FAILED")).toHaveLength(THROTTLE.account.freeFailures);
    expect(keys.filter((k) => k === "SIGN_IN_THROTTLED")).toHaveLength(12 - THROTTLE.account.freeFailures);
  });

  it("counts parallel guesses from many addresses against the account-wide cap", async () => {
    fresh();
    const n = THROTTLE.accountWide.freeFailures + 7;
    const attempts = await Promise.all(
      Array.from({ length: n }, (_, i) => failure(browserCaller(fx.handle, { ip: `198.18.${Math.floor(i / 200)}.${i % 200}` }).caller.auth.signIn({ email: "target-regency@gugus.test", password: `guess ${i}` }))),
    );
    const keys = attempts.map((a) => a.messageKey);
    expect(keys.filter((k) => k === "SIGN_IN_FAILED")).toHaveLength(THROTTLE.accountWide.freeFailures);
    expect(keys.filter((k) => k === "SIGN_IN_THROTTLED")).toHaveLength(7);
  });

  it("does not let a success from an address wipe its failures against other accounts", async () => {
    fresh();
    const { caller } = browserCaller(fx.handle, { ip: "198.51.100.77" });
    for (let i = 0; i < THROTTLE.address.freeFailures - 1; i++) await failure(caller.auth.signIn({ email: `spray${i}@gugus.test`, password: "x" }));
    await caller.auth.signIn({ email: "target-regency@gugus.test", password: FIXTURE_PASSWORD });
    await failure(caller.auth.signIn({ email: "spray-last@gugus.test", password: "x" }));
    expect((await failure(caller.auth.signIn({ email: "another@gugus.test", password: "x" }))).messageKey).toBe("SIGN_IN_THROTTLED");
  });

  it("throttles guesses at the current password when changing it", async () => {
    fresh();
    const user = fx.callerAs("regencyMember");
    for (let i = 0; i < THROTTLE.account.freeFailures; i++) {
      expect((await failure(user.auth.changePassword({ currentPassword: `wrong ${i}`, newPassword: "sebuah kalimat sandi baru" }))).messageKey).toBe("CURRENT_PASSWORD_WRONG");
    }
    expect((await failure(user.auth.changePassword({ currentPassword: FIXTURE_PASSWORD, newPassword: "sebuah kalimat sandi baru" }))).messageKey).toBe("SIGN_IN_THROTTLED");
  });
});

describe("one-time passwords are single-use", () => {
  it("a second sign-in with the same one-time password is refused", async () => {
    fresh();
    const created = await fx.callerAs("centralAdmin").accounts.resetPassword({ id: fx.targetUserIds.regency });
    await browserCaller(fx.handle).caller.auth.signIn({ email: "target-regency@gugus.test", password: created.oneTimePassword });
    expect((await failure(browserCaller(fx.handle).caller.auth.signIn({ email: "target-regency@gugus.test", password: created.oneTimePassword }))).messageKey).toBe("INITIAL_PASSWORD_EXPIRED");
  });
});

describe("one-time passwords are consumed atomically", () => {
  it("of several parallel sign-ins with the same one-time password exactly one opens a session", async () => {
    fresh();
    const created = await fx.callerAs("centralAdmin").accounts.resetPassword({ id: fx.targetUserIds.regency });
    // Requests start a few ms apart and their hashing ends in any order: each caller's clock is a
    // little behind the previous one, so a sign-in that finishes late but started early is tried.
    const callers = Array.from({ length: 5 }, (_, i) => browserCaller(fx.handle, { ip: `198.51.100.${i + 1}`, now: () => new Date(FIXED_NOW.getTime() - i * 1000) }));
    const outcomes = await Promise.all(
      callers.map(async ({ caller }) => {
        const call = caller.auth.signIn({ email: "target-regency@gugus.test", password: created.oneTimePassword });
        return call.then(
          () => "signed in",
          async () => (await failure(call)).messageKey,
        );
      }),
    );
    expect(outcomes.filter((o) => o === "signed in")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "signed in")).toEqual(Array(4).fill("INITIAL_PASSWORD_EXPIRED"));
    expect(fx.handle.sqlite.prepare("SELECT count(*) FROM sessions WHERE user_id = ?").pluck().get(fx.targetUserIds.regency)).toBe(1);
    expect(auditActions(fx).filter((a) => a === "auth.sign_in:success")).toHaveLength(1);
  });
});

describe("a password change asked of an account keeps its own password usable until then", () => {
  it("an account promoted to central admin may sign in twice with its password before choosing a new one (it is not one-time)", async () => {
    fresh();
    await fx.callerAs("centralAdmin").accounts.update({ id: fx.userIds.centralViewer, version: 1, role: "central_admin" });
    for (let i = 0; i < 2; i++) expect((await browserCaller(fx.handle).caller.auth.signIn({ email: "centralviewer@gugus.test", password: FIXTURE_PASSWORD })).mustChangePassword).toBe(true);
  });
});

describe("promotion to central admin", () => {
  it("asks the promoted account for a new (15-character) password and ends its sessions", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const viewer = fx.callerAs("centralViewer");
    await viewer.auth.me();
    await admin.accounts.update({ id: fx.userIds.centralViewer, version: 1, role: "central_admin" });
    expect((await failure(viewer.auth.me())).code).toBe("UNAUTHORIZED");
    const again = browserCaller(fx.handle);
    expect((await again.caller.auth.signIn({ email: "centralviewer@gugus.test", password: FIXTURE_PASSWORD })).mustChangePassword).toBe(true);
    expect((await failure(again.caller.auth.changePassword({ currentPassword: FIXTURE_PASSWORD, newPassword: "kopi pagi enak" }))).messageKey).toBe("PASSWORD_TOO_SHORT");
  });
});

describe("resets", () => {
  it("a regional admin cannot reset a fellow admin's password", async () => {
    fresh();
    const admin = fx.callerAs("regencyAdmin");
    const created = await admin.accounts.create({ email: "admin2@bekasikota.go.id", name: "Admin Dua", position: "Staf", taskForceId: (await admin.auth.me()).taskForce.id, role: "regional_admin" });
    expect((await failure(admin.accounts.resetPassword({ id: created.account.id }))).code).toBe("FORBIDDEN");
  });
});

describe("error messages", () => {
  it("never pass on tRPC's own text, which may quote the request", () => {
    const error = new TRPCError({ code: "PARSE_ERROR", message: 'Unexpected token in "password": hunter2 is not valid JSON' });
    const shape = formatError({ error, shape: { message: error.message, code: -32700, data: { code: "PARSE_ERROR", httpStatus: 400 } } });
    expect(shape.message).toBe("The input is not valid.");
    expect(JSON.stringify(shape)).not.toContain("hunter2");
  });
});
