/**
 * One's own sessions (ASVS 7.5.2): every signed-in account lists its open sessions and ends any of
 * its others, one or all; it never sees or ends another account's.
 */
import { insertSession } from "@gugus/db";
import { afterEach, describe, expect, it } from "vitest";
import { sha256 } from "./auth/crypto.ts";
import { FIXED_NOW, failureOf, fixtureFactory } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture;
afterEach(() => fx.close());

const now = FIXED_NOW.getTime();
const openSession = (userId: number, token: string, { startedAgo = 0, ua = "Firefox on Linux" }: { startedAgo?: number; ua?: string } = {}) =>
  insertSession(fx.handle.db, { tokenHash: sha256(token), userId, now: now - startedAgo, ip: "10.1.2.3", userAgent: ua });
const sessionCount = (userId: number) => fx.handle.sqlite.prepare("SELECT count(*) FROM sessions WHERE user_id = ?").pluck().get(userId) as number;
const auditRows = (action: string) => fx.handle.sqlite.prepare("SELECT actor_user_id, target_id, details FROM audit_log WHERE action = ?").all(action) as { actor_user_id: number; target_id: string; details: string }[];

describe("sessions.mine", () => {
  it("lists only the caller's own open sessions, this one marked, with device, address and times", async () => {
    fx = factory.fresh();
    const other = openSession(fx.userIds.regencyMember, "member-phone", { startedAgo: 60_000 });
    openSession(fx.userIds.regencyAdmin, "admin-laptop");
    const rows = await fx.callerAs("regencyMember").sessions.mine();
    expect(rows.map((r) => r.id).sort()).toEqual([other, rows.find((r) => r.current)!.id].sort());
    expect(rows.filter((r) => r.current)).toHaveLength(1);
    const phone = rows.find((r) => r.id === other)!;
    expect(phone).toEqual({ id: other, current: false, createdAt: now - 60_000, lastSeenAt: now - 60_000, expiresAt: now - 60_000 + 30 * 60_000, ip: "10.1.2.3", userAgent: "Firefox on Linux" });
    expect(Object.keys(phone)).not.toContain("userId");
  });

  it("puts this session first, even when others were used more recently", async () => {
    fx = factory.fresh();
    openSession(fx.userIds.regencyMember, "member-phone", { startedAgo: -1_000 });
    openSession(fx.userIds.regencyMember, "member-tablet", { startedAgo: -2_000 });
    const rows = await fx.callerAs("regencyMember").sessions.mine();
    expect(rows.map((r) => r.current)).toEqual([true, false, false]);
  });

  it("leaves out a session past its lifetime", async () => {
    fx = factory.fresh();
    openSession(fx.userIds.regencyMember, "stale", { startedAgo: 13 * 60 * 60 * 1000 });
    const rows = await fx.callerAs("regencyMember").sessions.mine();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.current).toBe(true);
  });

  it("refuses any input it does not know", async () => {
    fx = factory.fresh();
    expect((await failureOf(fx.callerAs("regencyMember").sessions.mine({ userId: fx.userIds.centralAdmin } as never))).code).toBe("BAD_REQUEST");
  });
});

describe("sessions.endMine", () => {
  it("ends one of the caller's other sessions, audited", async () => {
    fx = factory.fresh();
    const other = openSession(fx.userIds.regencyMember, "member-phone");
    await expect(fx.callerAs("regencyMember").sessions.endMine({ sessionId: other })).resolves.toEqual({ ok: true });
    expect(sessionCount(fx.userIds.regencyMember)).toBe(1);
    const [row] = auditRows("session.end");
    expect(row).toMatchObject({ actor_user_id: fx.userIds.regencyMember, target_id: String(fx.userIds.regencyMember) });
    expect(JSON.parse(row!.details)).toMatchObject({ sessionId: other });
  });

  it("answers NOT_FOUND for another account's session, and ends nothing", async () => {
    fx = factory.fresh();
    const admins = openSession(fx.userIds.regencyAdmin, "admin-laptop");
    const failure = await failureOf(fx.callerAs("regencyMember").sessions.endMine({ sessionId: admins }));
    expect(failure).toMatchObject({ code: "NOT_FOUND", messageKey: "SESSION_NOT_FOUND" });
    expect(sessionCount(fx.userIds.regencyAdmin)).toBe(2);
    expect(auditRows("session.end")).toHaveLength(0);
  });

  it("answers the same NOT_FOUND for a central admin's session asked by a central viewer, and for no session at all", async () => {
    fx = factory.fresh();
    const admins = openSession(fx.userIds.centralAdmin, "central-laptop");
    const viewer = fx.callerAs("centralViewer");
    expect(await failureOf(viewer.sessions.endMine({ sessionId: admins }))).toEqual(await failureOf(viewer.sessions.endMine({ sessionId: 999_999 })));
    expect(sessionCount(fx.userIds.centralAdmin)).toBe(2);
  });

  it("does not end the session making the call (signing out does)", async () => {
    fx = factory.fresh();
    const [current] = await fx.callerAs("regencyMember").sessions.mine();
    expect((await failureOf(fx.callerAs("regencyMember").sessions.endMine({ sessionId: current!.id }))).messageKey).toBe("SESSION_NOT_FOUND");
    expect(sessionCount(fx.userIds.regencyMember)).toBe(1);
  });

  it("refuses a session id that is not a positive whole number, ending nothing", async () => {
    fx = factory.fresh();
    for (const sessionId of [0, -1, 1.5, "1"]) {
      expect((await failureOf(fx.callerAs("regencyMember").sessions.endMine({ sessionId } as never))).code).toBe("BAD_REQUEST");
    }
    expect(fx.handle.sqlite.prepare("SELECT count(*) FROM sessions").pluck().get()).toBe(8);
  });
});

describe("sessions.endOthers", () => {
  it("ends all the caller's other sessions and keeps this one and other accounts'", async () => {
    fx = factory.fresh();
    openSession(fx.userIds.provinceAdmin, "a");
    openSession(fx.userIds.provinceAdmin, "b");
    openSession(fx.userIds.provinceMember, "c");
    await expect(fx.callerAs("provinceAdmin").sessions.endOthers()).resolves.toEqual({ ended: 2 });
    expect(sessionCount(fx.userIds.provinceAdmin)).toBe(1);
    expect(sessionCount(fx.userIds.provinceMember)).toBe(2);
    expect(await fx.callerAs("provinceAdmin").sessions.mine()).toHaveLength(1);
    expect(auditRows("session.end")).toHaveLength(1);
  });

  it("ends nothing, and says so, when there is no other session", async () => {
    fx = factory.fresh();
    await expect(fx.callerAs("centralViewer").sessions.endOthers()).resolves.toEqual({ ended: 0 });
    expect(sessionCount(fx.userIds.centralViewer)).toBe(1);
  });
});
