import { afterEach, describe, expect, it } from "vitest";
import { createMemoryCookieJar } from "./auth/cookies.ts";
import { createCentralAdmin } from "./bootstrap.ts";
import { createContextInner } from "./context.ts";
import { createCaller } from "./root.ts";
import { totpCodeAt } from "./auth/totp.ts";
import { resetSecondFactorByEmail } from "./mfa-reset.ts";
import { FIXED_NOW, FIXTURE_PASSWORD, browserCaller, failureOf, fixtureFactory, giveSecondFactor } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture;
const fresh = () => (fx = factory.fresh());
afterEach(() => fx?.close());

const STEP_MS = 30_000;

/** A clock the test can move. */
function clock(start = FIXED_NOW.getTime()) {
  let t = start;
  return { now: () => new Date(t), at: () => t, advance: (ms: number) => void (t += ms) };
}

const auditRows = (f: Fixture) => f.handle.sqlite.prepare("SELECT action, outcome, actor_label, target_id, details FROM audit_log ORDER BY id").all() as {
  action: string;
  outcome: string;
  actor_label: string | null;
  target_id: number | null;
  details: string | null;
}[];
const count = (sql: string, ...params: unknown[]) => fx.handle.sqlite.prepare(sql).pluck().get(...params) as number;

/** Signs the fixture's central admin in with the password, as a browser with its own clock. */
async function signInWithPassword(email: string, time = clock()) {
  const browser = browserCaller(fx.handle, { now: time.now });
  const me = await browser.caller.auth.signIn({ email, password: FIXTURE_PASSWORD });
  return { ...browser, me, time };
}

/** Signs in and enrols an authenticator app; returns the secret and the recovery codes. */
async function enrol(email: string, time = clock()) {
  const session = await signInWithPassword(email, time);
  const { secret } = await session.caller.mfa.beginEnrolment();
  const { recoveryCodes } = await session.caller.mfa.confirmEnrolment({ code: totpCodeAt(secret, time.at()) });
  return { ...session, secret, recoveryCodes };
}

describe("signing a central admin in with a second factor", () => {
  it("enrols at the first sign-in, then signs in with a TOTP code computed from the enrolled secret", async () => {
    fresh();
    const time = clock();
    const first = await signInWithPassword("centraladmin@gugus.test", time);
    expect(first.me.secondFactor).toBe("enrol");
    expect((await failureOf(first.caller.hierarchy.tree())).messageKey).toBe("MFA_ENROLMENT_REQUIRED");

    const enrolment = await first.caller.mfa.beginEnrolment();
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.otpauthUri).toBe(`otpauth://totp/Gugus%20PP-TPPO:centraladmin%40gugus.test?secret=${enrolment.secret}&issuer=Gugus%20PP-TPPO`);
    expect(enrolment.qrSvg).toMatch(/^<svg [^>]*viewBox/);
    const { recoveryCodes } = await first.caller.mfa.confirmEnrolment({ code: totpCodeAt(enrolment.secret, time.at()) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect((await first.caller.auth.me()).secondFactor).toBe("done");
    expect((await first.caller.hierarchy.tree()).length).toBeGreaterThan(500);

    time.advance(5 * 60_000);
    const second = await signInWithPassword("centraladmin@gugus.test", time);
    expect(second.me.secondFactor).toBe("verify");
    expect((await failureOf(second.caller.hierarchy.tree())).messageKey).toBe("MFA_REQUIRED");
    await second.caller.mfa.verify({ code: totpCodeAt(enrolment.secret, time.at()) });
    expect((await second.caller.auth.me()).secondFactor).toBe("done");
    expect((await second.caller.hierarchy.tree()).length).toBeGreaterThan(500);
    expect(auditRows(fx).map((r) => `${r.action}:${r.outcome}`)).toEqual(expect.arrayContaining(["mfa.enrol:success", "mfa.verify:success"]));
  });

  it("keeps the secret sealed at rest and never writes a secret or a code to the audit log", async () => {
    fresh();
    const { secret, recoveryCodes } = await enrol("centraladmin@gugus.test");
    const stored = fx.handle.sqlite.prepare("SELECT secret FROM mfa_factors").pluck().get() as string;
    expect(stored).toMatch(/^v1\./);
    expect(stored).not.toContain(secret);
    const hashes = fx.handle.sqlite.prepare("SELECT code_hash FROM recovery_codes").pluck().all() as string[];
    expect(hashes).toHaveLength(10);
    for (const c of recoveryCodes) expect(hashes.some((h) => h.includes(c))).toBe(false);
    const log = JSON.stringify(auditRows(fx));
    expect(log).not.toContain(secret);
    for (const c of recoveryCodes) expect(log).not.toContain(c);
  });

  it("refuses a reused code: the code that verified one session does not verify another", async () => {
    fresh();
    const time = clock();
    const { secret } = await enrol("centraladmin@gugus.test", time);
    time.advance(STEP_MS);
    const code = totpCodeAt(secret, time.at());
    const a = await signInWithPassword("centraladmin@gugus.test", time);
    await a.caller.mfa.verify({ code });
    const b = await signInWithPassword("centraladmin@gugus.test", time);
    const refused = await failureOf(b.caller.mfa.verify({ code }));
    expect(refused).toMatchObject({ code: "BAD_REQUEST", messageKey: "MFA_CODE_INVALID" });
    expect((await b.caller.auth.me()).secondFactor).toBe("verify");
    expect(auditRows(fx).filter((r) => r.action === "mfa.verify" && r.outcome === "failure")).toHaveLength(1);
  });

  it("refuses a code older than the last one accepted, even within the clock's window", async () => {
    fresh();
    const time = clock();
    const { secret } = await enrol("centraladmin@gugus.test", time);
    time.advance(10 * STEP_MS);
    const a = await signInWithPassword("centraladmin@gugus.test", time);
    await a.caller.mfa.verify({ code: totpCodeAt(secret, time.at()) });
    const b = await signInWithPassword("centraladmin@gugus.test", time);
    expect((await failureOf(b.caller.mfa.verify({ code: totpCodeAt(secret, time.at() - STEP_MS) }))).messageKey).toBe("MFA_CODE_INVALID");
    // The next step's code (a phone's clock a little ahead) is still accepted.
    await b.caller.mfa.verify({ code: totpCodeAt(secret, time.at() + STEP_MS) });
  });

  it("refuses a stale code (three steps old) and accepts one a step behind", async () => {
    fresh();
    const time = clock();
    const { secret } = await enrol("centraladmin@gugus.test", time);
    time.advance(20 * STEP_MS);
    const session = await signInWithPassword("centraladmin@gugus.test", time);
    expect((await failureOf(session.caller.mfa.verify({ code: totpCodeAt(secret, time.at() - 3 * STEP_MS) }))).messageKey).toBe("MFA_CODE_INVALID");
    expect((await failureOf(session.caller.mfa.verify({ code: totpCodeAt(secret, time.at() + 2 * STEP_MS) }))).messageKey).toBe("MFA_CODE_INVALID");
    await session.caller.mfa.verify({ code: totpCodeAt(secret, time.at() - STEP_MS) });
  });

  it("lets a recovery code in once and refuses it the second time", async () => {
    fresh();
    const time = clock();
    const { recoveryCodes } = await enrol("centraladmin@gugus.test", time);
    const a = await signInWithPassword("centraladmin@gugus.test", time);
    // Typed with capitals and spaces, as read off a printout.
    await a.caller.mfa.verify({ recoveryCode: recoveryCodes[0]!.toUpperCase().replaceAll("-", " ") });
    expect((await a.caller.auth.me()).secondFactor).toBe("done");
    expect((await a.caller.mfa.status()).recoveryCodesLeft).toBe(9);
    const b = await signInWithPassword("centraladmin@gugus.test", time);
    expect(await failureOf(b.caller.mfa.verify({ recoveryCode: recoveryCodes[0]! }))).toMatchObject({ code: "BAD_REQUEST", messageKey: "RECOVERY_CODE_INVALID" });
    await b.caller.mfa.verify({ recoveryCode: recoveryCodes[1]! });
    const rows = auditRows(fx);
    expect(rows.filter((r) => r.action === "mfa.recovery_used")).toHaveLength(2);
    expect(JSON.parse(rows.filter((r) => r.action === "mfa.recovery_used").at(-1)!.details!)).toEqual({ left: 8 });
  });

  it("does not take another account's recovery code", async () => {
    fresh();
    const time = clock();
    const admin = await enrol("centraladmin@gugus.test", time);
    await enrol("provinceadmin@gugus.test", time);
    const province = await signInWithPassword("provinceadmin@gugus.test", time);
    expect((await failureOf(province.caller.mfa.verify({ recoveryCode: admin.recoveryCodes[0]! }))).messageKey).toBe("RECOVERY_CODE_INVALID");
  });

  it("gives new recovery codes with a code from the app; the old ones stop working", async () => {
    fresh();
    const time = clock();
    const first = await enrol("centraladmin@gugus.test", time);
    time.advance(STEP_MS);
    const { recoveryCodes } = await first.caller.mfa.regenerateRecoveryCodes({ code: totpCodeAt(first.secret, time.at()) });
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes).not.toContain(first.recoveryCodes[0]);
    const again = await signInWithPassword("centraladmin@gugus.test", time);
    expect((await failureOf(again.caller.mfa.verify({ recoveryCode: first.recoveryCodes[0]! }))).messageKey).toBe("RECOVERY_CODE_INVALID");
    await again.caller.mfa.verify({ recoveryCode: recoveryCodes[0]! });
  });
});

describe("the guard before the second factor", () => {
  it("refuses every other procedure, and allows only me, signing out, the password and the factor's own steps", async () => {
    fresh();
    const time = clock();
    const { secret } = await enrol("centraladmin@gugus.test", time);
    const session = await signInWithPassword("centraladmin@gugus.test", time);
    for (const call of [
      () => session.caller.hierarchy.tree(),
      () => session.caller.sessions.mine(),
      () => session.caller.mfa.status(),
      () => session.caller.accounts.list({}),
      () => session.caller.mfa.regenerateRecoveryCodes({ code: "123456" }),
    ]) {
      expect(await failureOf(call())).toMatchObject({ code: "FORBIDDEN", messageKey: "MFA_REQUIRED" });
    }
    // Changing the password needs the factor too, unless it is a one-time password (that comes first).
    expect((await failureOf(session.caller.auth.changePassword({ currentPassword: FIXTURE_PASSWORD, newPassword: "sebuah kalimat sandi yang baru sekali" }))).messageKey).toBe(
      "MFA_REQUIRED",
    );
    expect(await session.caller.auth.me()).toMatchObject({ email: "centraladmin@gugus.test", secondFactor: "verify" });
    time.advance(STEP_MS);
    await session.caller.mfa.verify({ code: totpCodeAt(secret, time.at()) });
    // The fixture's session, the one that enrolled and this one.
    expect(await session.caller.sessions.mine()).toHaveLength(3);
    await session.caller.auth.signOut();
  });

  it("asks a province's regional admin to enrol, and lets a regency's admin and a member go without", async () => {
    fresh();
    const province = await signInWithPassword("provinceadmin@gugus.test");
    expect(province.me.secondFactor).toBe("enrol");
    expect((await failureOf(province.caller.notifications.list()))?.messageKey).toBe("MFA_ENROLMENT_REQUIRED");
    for (const email of ["regencyadmin@gugus.test", "provincemember@gugus.test", "centralviewer@gugus.test"]) {
      const other = await signInWithPassword(email);
      expect(other.me.secondFactor).toBe("not-needed");
      expect((await other.caller.hierarchy.tree()).length).toBeGreaterThan(0);
    }
  });

  it("puts the one-time password first: a new central admin changes it, then enrols", async () => {
    fresh();
    const time = clock();
    const admin = await createCentralAdmin(fx.handle.db, { email: "baru@gugus.test", name: "Admin Baru", now: time.now(), by: "test" });
    const { caller } = browserCaller(fx.handle, { now: time.now });
    const me = await caller.auth.signIn({ email: "baru@gugus.test", password: admin.oneTimePassword });
    expect(me).toMatchObject({ mustChangePassword: true, secondFactor: "enrol" });
    expect((await failureOf(caller.mfa.beginEnrolment())).messageKey).toBe("PASSWORD_CHANGE_REQUIRED");
    await caller.auth.changePassword({ currentPassword: admin.oneTimePassword, newPassword: "sebuah kalimat sandi yang baru sekali" });
    expect((await failureOf(caller.hierarchy.tree())).messageKey).toBe("MFA_ENROLMENT_REQUIRED");
    const { secret } = await caller.mfa.beginEnrolment();
    await caller.mfa.confirmEnrolment({ code: totpCodeAt(secret, time.at()) });
    expect((await caller.hierarchy.tree()).length).toBeGreaterThan(500);
  });

  it("replaces a pending enrolment that was never confirmed: the first secret's code no longer confirms", async () => {
    fresh();
    const time = clock();
    const session = await signInWithPassword("centraladmin@gugus.test", time);
    const first = await session.caller.mfa.beginEnrolment();
    const second = await session.caller.mfa.beginEnrolment();
    expect(second.secret).not.toBe(first.secret);
    expect(count("SELECT count(*) FROM mfa_factors")).toBe(1);
    expect((await failureOf(session.caller.mfa.confirmEnrolment({ code: totpCodeAt(first.secret, time.at()) })))?.messageKey).toBe("MFA_CODE_INVALID");
    await session.caller.mfa.confirmEnrolment({ code: totpCodeAt(second.secret, time.at()) });
    expect((await failureOf(session.caller.mfa.beginEnrolment())).messageKey).toBe("MFA_ALREADY_ENROLLED");
  });

  it("counts wrong codes in the sign-in throttle and ends the session once it refuses", async () => {
    fresh();
    const time = clock();
    await enrol("centraladmin@gugus.test", time);
    const session = await signInWithPassword("centraladmin@gugus.test", time);
    let last = "";
    for (let i = 0; i < 8 && last !== "SIGN_IN_THROTTLED"; i++) {
      time.advance(10);
      last = (await failureOf(session.caller.mfa.verify({ code: "000000" }))).messageKey!;
    }
    expect(last).toBe("SIGN_IN_THROTTLED");
    expect((await failureOf(session.caller.auth.me())).messageKey).toBe("SIGNED_OUT");
    expect(auditRows(fx).some((r) => r.action === "mfa.verify" && r.details?.includes("throttled_session_ended"))).toBe(true);
  });

  it("keeps counting wrong codes across fresh password sign-ins from new addresses, until the account is throttled", async () => {
    fresh();
    const time = clock();
    await enrol("centraladmin@gugus.test", time);
    const answers: string[] = [];
    // Each round: the right password from a new address (a success under the sign-in key), then five wrong codes.
    for (let round = 0; round < 20 && !answers.includes("SIGN_IN_THROTTLED"); round++) {
      const browser = browserCaller(fx.handle, { now: time.now, ip: `10.1.${round}.1` });
      await browser.caller.auth.signIn({ email: "centraladmin@gugus.test", password: FIXTURE_PASSWORD });
      for (let i = 0; i < 5; i++) {
        time.advance(10);
        answers.push(String((await failureOf(browser.caller.mfa.verify({ code: "000000" }))).messageKey));
        if (answers.at(-1) === "SIGN_IN_THROTTLED") break;
      }
    }
    // The account-wide allowance (50 wrong codes in the window) is not reset by the passwords in between.
    expect(answers.filter((a) => a === "MFA_CODE_INVALID")).toHaveLength(50);
    expect(answers.at(-1)).toBe("SIGN_IN_THROTTLED");
  });

  it("refuses a malformed code with a clear error and writes nothing", async () => {
    fresh();
    const session = await signInWithPassword("centraladmin@gugus.test");
    await session.caller.mfa.beginEnrolment();
    const before = count("SELECT count(*) FROM sign_in_attempts") + count("SELECT count(*) FROM audit_log");
    for (const code of ["12345", "abcdef", "1234567"]) {
      expect(await failureOf(session.caller.mfa.confirmEnrolment({ code }))).toMatchObject({ code: "BAD_REQUEST", messageKey: "MFA_CODE_INVALID" });
    }
    expect(count("SELECT count(*) FROM sign_in_attempts") + count("SELECT count(*) FROM audit_log")).toBe(before);
    expect(await failureOf(session.caller.mfa.confirmEnrolment({ code: "123456" }))).toMatchObject({ messageKey: "MFA_CODE_INVALID" });
  });
});

describe("a factor sealed under another key", () => {
  it("asks for a reset with a clear error, instead of failing, when the database was restored without its key", async () => {
    fresh();
    const time = clock();
    await enrol("centraladmin@gugus.test", time);
    // The same database with another server key, as after a restore without gugus.key.
    const cookies = createMemoryCookieJar();
    const otherKey = createCaller(() => createContextInner({ db: fx.handle.db, sqlite: fx.handle.sqlite, now: time.now, cookies, client: { ip: "10.0.0.9", userAgent: "vitest" }, secretKey: Buffer.alloc(32, 9) }));
    await otherKey.auth.signIn({ email: "centraladmin@gugus.test", password: FIXTURE_PASSWORD });
    time.advance(STEP_MS);
    expect(await failureOf(otherKey.mfa.verify({ code: "123456" }))).toMatchObject({ code: "CONFLICT", messageKey: "MFA_FACTOR_UNREADABLE" });
  });
});

describe("resetting a lost device", () => {
  it("lets another central admin remove the factor: its sessions end, it is audited, and the account enrols again", async () => {
    fresh();
    const time = clock();
    const lost = await enrol("centraladmin@gugus.test", time);
    const other = await createCentralAdmin(fx.handle.db, { email: "kedua@gugus.test", name: "Admin Kedua", now: time.now(), by: "test" });
    const { caller } = browserCaller(fx.handle, { now: time.now });
    await caller.auth.signIn({ email: "kedua@gugus.test", password: other.oneTimePassword });
    await caller.auth.changePassword({ currentPassword: other.oneTimePassword, newPassword: "sebuah kalimat sandi yang baru sekali" });
    const mine = await caller.mfa.beginEnrolment();
    await caller.mfa.confirmEnrolment({ code: totpCodeAt(mine.secret, time.at()) });

    const { oneTimePassword } = await caller.mfa.reset({ id: fx.userIds.centralAdmin });
    expect(count("SELECT count(*) FROM mfa_factors WHERE user_id = ?", fx.userIds.centralAdmin)).toBe(0);
    expect(count("SELECT count(*) FROM recovery_codes WHERE user_id = ?", fx.userIds.centralAdmin)).toBe(0);
    expect((await failureOf(lost.caller.auth.me())).messageKey).toBe("SIGNED_OUT");
    const row = auditRows(fx).find((r) => r.action === "mfa.reset")!;
    expect(row).toMatchObject({ outcome: "success", actor_label: "kedua@gugus.test", target_id: String(fx.userIds.centralAdmin) });
    // The fixture's session and the one that enrolled.
    expect(JSON.parse(row.details!)).toEqual({ sessionsEnded: 2, passwordReissued: true });
    expect(row.details).not.toContain(oneTimePassword);

    // The old password no longer opens the account: whoever talked the reset out of an admin cannot enrol an app of its own.
    const withOld = browserCaller(fx.handle, { now: time.now });
    expect((await failureOf(withOld.caller.auth.signIn({ email: "centraladmin@gugus.test", password: FIXTURE_PASSWORD }))).messageKey).toBe("SIGN_IN_FAILED");
    // The one-time password, handed to the owner, leads to a new password, then to enrolment.
    const back = browserCaller(fx.handle, { now: time.now });
    await back.caller.auth.signIn({ email: "centraladmin@gugus.test", password: oneTimePassword });
    expect((await failureOf(back.caller.mfa.beginEnrolment())).messageKey).toBe("PASSWORD_CHANGE_REQUIRED");
    await back.caller.auth.changePassword({ currentPassword: oneTimePassword, newPassword: "kalimat sandi pemilik yang baru" });
    expect((await back.caller.auth.me()).secondFactor).toBe("enrol");
  });

  it("refuses a central admin resetting its own factor, and an account without one", async () => {
    fresh();
    const time = clock();
    const self = await enrol("centraladmin@gugus.test", time);
    expect(await failureOf(self.caller.mfa.reset({ id: fx.userIds.centralAdmin }))).toMatchObject({ code: "FORBIDDEN", messageKey: "MFA_RESET_OWN" });
    expect(await failureOf(self.caller.mfa.reset({ id: fx.userIds.regencyMember }))).toMatchObject({ code: "CONFLICT", messageKey: "MFA_NOT_ENROLLED" });
    expect(count("SELECT count(*) FROM mfa_factors")).toBe(1);
  });

  it("is refused to anyone but a central admin", async () => {
    fresh();
    giveSecondFactor(fx.handle, fx.userIds.regencyMember);
    for (const actor of ["centralViewer", "provinceAdmin", "regencyAdmin"] as const) {
      expect((await failureOf(fx.callerAs(actor).mfa.reset({ id: fx.userIds.regencyMember }))).code).toBe("FORBIDDEN");
    }
    expect(count("SELECT count(*) FROM mfa_factors")).toBe(1);
  });

  it("is done from the command line when no other central admin can, audited as cli", async () => {
    fresh();
    await enrol("centraladmin@gugus.test");
    const done = await resetSecondFactorByEmail(fx.handle.db, { email: "CentralAdmin@gugus.test", now: FIXED_NOW, by: "cli" });
    expect(done.sessionsEnded).toBe(2);
    expect(done.oneTimePassword).toMatch(/^[a-z2-9-]{23}$/);
    expect(count("SELECT count(*) FROM mfa_factors")).toBe(0);
    expect(auditRows(fx).at(-1)).toMatchObject({ action: "mfa.reset", actor_label: "cli", target_id: String(fx.userIds.centralAdmin) });
    expect((await failureOf(browserCaller(fx.handle).caller.auth.signIn({ email: "centraladmin@gugus.test", password: FIXTURE_PASSWORD }))).messageKey).toBe("SIGN_IN_FAILED");
    await expect(resetSecondFactorByEmail(fx.handle.db, { email: "centraladmin@gugus.test", now: FIXED_NOW, by: "cli" })).rejects.toThrow(/MFA_NOT_ENROLLED|no second factor/);
    await expect(resetSecondFactorByEmail(fx.handle.db, { email: "nobody@gugus.test", now: FIXED_NOW, by: "cli" })).rejects.toThrow(/ACCOUNT_NOT_FOUND|No account/);
  });
});

describe("opting in", () => {
  it("lets a regional member enrol, then asks it for a code at each sign-in, until it turns the factor off", async () => {
    fresh();
    const time = clock();
    const member = await signInWithPassword("regencymember@gugus.test", time);
    expect(await member.caller.mfa.status()).toEqual({ required: false, enrolled: false, enrolledAt: null, recoveryCodesLeft: 0 });
    const { secret } = await member.caller.mfa.beginEnrolment();
    await member.caller.mfa.confirmEnrolment({ code: totpCodeAt(secret, time.at()) });
    expect(await member.caller.mfa.status()).toEqual({ required: false, enrolled: true, enrolledAt: time.at(), recoveryCodesLeft: 10 });

    time.advance(STEP_MS);
    const next = await signInWithPassword("regencymember@gugus.test", time);
    expect(next.me.secondFactor).toBe("verify");
    expect((await failureOf(next.caller.notifications.list())).messageKey).toBe("MFA_REQUIRED");
    await next.caller.mfa.verify({ code: totpCodeAt(secret, time.at()) });
    time.advance(STEP_MS);
    expect((await failureOf(next.caller.mfa.disable({ code: "000000" }))).messageKey).toBe("MFA_CODE_INVALID");
    // Another sign-in waiting at the code step when the factor goes: it ends, it is not let in without a code.
    const waiting = await signInWithPassword("regencymember@gugus.test", time);
    expect(waiting.me.secondFactor).toBe("verify");
    await next.caller.mfa.disable({ code: totpCodeAt(secret, time.at()) });
    expect((await next.caller.mfa.status()).enrolled).toBe(false);
    expect((await failureOf(waiting.caller.auth.me())).messageKey).toBe("SIGNED_OUT");
    expect((await signInWithPassword("regencymember@gugus.test", time)).me.secondFactor).toBe("not-needed");
    expect(auditRows(fx).map((r) => r.action)).toEqual(expect.arrayContaining(["mfa.enrol", "mfa.disable"]));
  });

  it("does not let an account whose role requires the factor turn it off", async () => {
    fresh();
    const time = clock();
    const { caller, secret } = await enrol("provinceadmin@gugus.test", time);
    time.advance(STEP_MS);
    expect(await failureOf(caller.mfa.disable({ code: totpCodeAt(secret, time.at()) }))).toMatchObject({ code: "CONFLICT", messageKey: "MFA_CANNOT_DISABLE" });
    expect(count("SELECT count(*) FROM mfa_factors")).toBe(1);
  });
});
