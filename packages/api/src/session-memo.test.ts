/**
 * Sessions kept between requests (auth/session-memo.ts): a kept session is the one the database would
 * give, whatever changed since — through the api, by SQL as the CLI writes, inside a transaction
 * rolled back — and the idle timeout and the once-a-minute mark of use still hold.
 */
import { confirmMfaFactor, savePendingMfaFactor } from "@gugus/db";
import { SESSION_IDLE_TIMEOUT_MS } from "@gugus/domain";
import { afterEach, describe, expect, it } from "vitest";
import { lookUpSession } from "./auth/session-memo.ts";
import { sha256 } from "./auth/crypto.ts";
import { FIXED_NOW, failureOf, fixtureFactory } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture;
afterEach(() => fx.close());

const TODAY = "2026-11-28";
const at = (ms: number) => new Date(FIXED_NOW.getTime() + ms);
const always = () => true;
const lookUp = (...args: Parameters<typeof lookUpSession>) => lookUpSession(...args).found;

describe("a kept session", () => {
  it("is taken from memory while nothing changed: the same object, read once", () => {
    fx = factory.fresh();
    const hash = sha256(fx.tokens.regencyMember);
    const first = lookUp(fx.handle.sqlite, hash, TODAY, always);
    expect(first).toBeDefined();
    expect(lookUp(fx.handle.sqlite, hash, TODAY, always)).toBe(first);
    expect(Object.isFrozen(first!.user)).toBe(true);
    // Another day places the task force again.
    expect(lookUp(fx.handle.sqlite, hash, "2026-11-29", always)).not.toBe(first);
  });

  it("goes when its account is deactivated or its role changed by SQL (as the CLI writes), when the factor given in it is taken back, when a factor is confirmed, and when it is ended", async () => {
    fx = factory.fresh();
    const member = fx.callerAs("regencyMember");
    expect(await member.auth.me()).toMatchObject({ role: "regional_member" });
    fx.handle.sqlite.prepare("UPDATE users SET role = 'regional_admin' WHERE id = ?").run(fx.userIds.regencyMember);
    expect(await member.auth.me()).toMatchObject({ role: "regional_admin" });
    fx.handle.sqlite.prepare("UPDATE users SET active = 0 WHERE id = ?").run(fx.userIds.regencyMember);
    expect((await failureOf(member.auth.me())).code).toBe("UNAUTHORIZED");

    const admin = fx.callerAs("centralAdmin");
    expect(await admin.auth.me()).toMatchObject({ secondFactor: "done" });
    fx.handle.sqlite.prepare("UPDATE sessions SET mfa_verified_at = NULL WHERE token_hash = ?").run(sha256(fx.tokens.centralAdmin));
    expect(await admin.auth.me()).toMatchObject({ secondFactor: "enrol" });
    savePendingMfaFactor(fx.handle.db, { userId: fx.userIds.centralAdmin, secret: "sealed", now: FIXED_NOW.getTime() });
    confirmMfaFactor(fx.handle.db, { userId: fx.userIds.centralAdmin, step: 1, now: FIXED_NOW.getTime() });
    expect(await admin.auth.me()).toMatchObject({ secondFactor: "verify" });

    const viewer = fx.callerAs("centralViewer");
    await viewer.auth.me();
    fx.handle.sqlite.prepare("DELETE FROM sessions WHERE token_hash = ?").run(sha256(fx.tokens.centralViewer));
    expect((await failureOf(viewer.auth.me())).code).toBe("UNAUTHORIZED");
  });

  it("is neither kept nor taken inside a transaction: a change rolled back is never served", () => {
    fx = factory.fresh();
    const { sqlite } = fx.handle;
    const hash = sha256(fx.tokens.regencyMember);
    const before = lookUp(sqlite, hash, TODAY, always)!;
    const roll = sqlite.transaction(() => {
      sqlite.prepare("UPDATE users SET role = 'regional_admin' WHERE id = ?").run(fx.userIds.regencyMember);
      const inside = lookUp(sqlite, hash, TODAY, always)!;
      expect(inside.user.role).toBe("regional_admin");
      expect(Object.isFrozen(inside)).toBe(false);
      throw new Error("roll back");
    });
    expect(() => roll()).toThrow("roll back");
    // Another write brings the version to where the rolled-back one had put it: still the truth.
    sqlite.prepare("UPDATE users SET name = name WHERE id = ?").run(fx.userIds.centralViewer);
    const after = lookUp(sqlite, hash, TODAY, always)!;
    expect(after.user.role).toBe("regional_member");
    expect(after).not.toBe(before);
  });

  it("still ends after 30 minutes idle (the row goes), and is marked as used once a minute, not on every request", async () => {
    fx = factory.fresh();
    const { sqlite } = fx.handle;
    sqlite.exec("CREATE TEMP TABLE touches (at INTEGER); CREATE TEMP TRIGGER count_touches AFTER UPDATE OF last_seen_at ON main.sessions BEGIN INSERT INTO touches VALUES (NEW.last_seen_at); END;");
    const touches = () => sqlite.prepare("SELECT at FROM touches").pluck().all() as number[];
    const hash = sha256(fx.tokens.regencyMember);
    const lastSeen = () => sqlite.prepare("SELECT last_seen_at FROM sessions WHERE token_hash = ?").pluck().get(hash) as number;
    const start = lastSeen() - FIXED_NOW.getTime();
    for (const s of [0, 10, 61, 62, 90, 122]) await fx.callerAs("regencyMember", { now: at(start + s * 1000) }).auth.me();
    expect(touches()).toEqual([61, 122].map((s) => FIXED_NOW.getTime() + start + s * 1000));
    const idle = start + 122_000 + SESSION_IDLE_TIMEOUT_MS + 1;
    expect((await failureOf(fx.callerAs("regencyMember", { now: at(idle) }).auth.me())).code).toBe("UNAUTHORIZED");
    expect(sqlite.prepare("SELECT count(*) FROM sessions WHERE token_hash = ?").pluck().get(hash)).toBe(0);
  });

  it("is read again when its last use was moved back (the idle timeout then decides on the row)", async () => {
    fx = factory.fresh();
    const { sqlite } = fx.handle;
    const member = fx.callerAs("regencyMember");
    await member.auth.me();
    sqlite.prepare("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?").run(FIXED_NOW.getTime() - SESSION_IDLE_TIMEOUT_MS - 1, sha256(fx.tokens.regencyMember));
    expect((await failureOf(member.auth.me())).code).toBe("UNAUTHORIZED");
  });
});
