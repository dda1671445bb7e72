import { afterEach, describe, expect, it } from "vitest";
import { FIXED_NOW, callerSignedInAt, failureOf as failure, fixtureFactory } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture;
const fresh = () => (fx = factory.fresh());
afterEach(() => fx?.close());

const count = (sql: string) => fx.handle.sqlite.prepare(sql).pluck().get() as number;
const toJabar = { titleId: "Rapat koordinasi Jawa Barat", titleEn: "West Java coordination meeting", bodyId: "Rapat diadakan di Bandung\npada 10 Desember.", bodyEn: "The meeting is in Bandung\non 10 December.", provinceCode: "32" };
const toAll = { titleId: "Pembaruan Gugus", titleEn: "Gugus update", bodyId: "Fitur baru tersedia.", bodyEn: "A new feature is available.", provinceCode: null };
/** A member of Kota Semarang (Jawa Tengah), signed in afresh. */
const semarang = () => callerSignedInAt(fx.handle, fx.targetUserIds.otherProvinceRegency, FIXED_NOW);
/** Another member of Kota Bekasi (Jawa Barat), signed in afresh. */
const otherBekasi = () => callerSignedInAt(fx.handle, fx.targetUserIds.regency, FIXED_NOW);

describe("publishing an announcement", () => {
  it("lets a central admin publish one to a province, audited, kept in both languages with its paragraphs", async () => {
    fresh();
    const created = await fx.callerAs("centralAdmin").announcements.create({ ...toJabar, showUntil: "2026-12-31" });
    expect(created).toMatchObject({ title: { id: toJabar.titleId, en: toJabar.titleEn }, body: { id: toJabar.bodyId, en: toJabar.bodyEn }, provinceCode: "32", showUntil: "2026-12-31", publishedAt: FIXED_NOW.toISOString() });
    const row = fx.handle.sqlite.prepare("SELECT action, target_type, target_id, details FROM audit_log WHERE action = 'announcement.create'").get() as { target_type: string; target_id: number; details: string };
    expect(row).toMatchObject({ target_type: "announcement", target_id: String(created.id) });
    expect(JSON.parse(row.details)).toMatchObject({ provinceCode: "32", titleEn: toJabar.titleEn });
    const [listed] = await fx.callerAs("centralAdmin").announcements.list();
    expect(listed).toMatchObject({ id: created.id, provinceName: "Jawa Barat", state: "shown", readCount: 0, createdBy: "Test centralAdmin" });
  });

  it("refuses a missing English text, a regency as audience, a past last day and a phone number, writing nothing", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const before = count("SELECT count(*) FROM audit_log");
    expect(await failure(admin.announcements.create({ ...toJabar, bodyEn: "" }))).toMatchObject({ code: "BAD_REQUEST", issues: [{ path: "bodyEn", messageKey: "FIELD_REQUIRED" }] });
    expect(await failure(admin.announcements.create({ ...toJabar, provinceCode: "32.75" }))).toMatchObject({ code: "BAD_REQUEST", issues: [{ path: "provinceCode", messageKey: "ANNOUNCEMENT_AUDIENCE_INVALID" }] });
    expect(await failure(admin.announcements.create({ ...toJabar, showUntil: "2026-11-27" }))).toMatchObject({ code: "BAD_REQUEST", messageKey: "ANNOUNCEMENT_SHOW_UNTIL_PAST" });
    expect(await failure(admin.announcements.create({ ...toJabar, bodyId: "Hubungi 0812 3456 7890" }))).toMatchObject({ code: "BAD_REQUEST", issues: [{ path: "bodyId", messageKey: "PERSONAL_DATA_IN_TEXT" }] });
    expect(await failure(admin.announcements.create({ ...toJabar, titleId: "x".repeat(121) }))).toMatchObject({ issues: [{ path: "titleId", messageKey: "ANNOUNCEMENT_TITLE_INVALID" }] });
    expect(count("SELECT count(*) FROM announcements")).toBe(0);
    expect(count("SELECT count(*) FROM audit_log")).toBe(before);
  });

  it("takes today (WIB) as a last day", async () => {
    fresh();
    expect((await fx.callerAs("centralAdmin").announcements.create({ ...toAll, showUntil: "2026-11-28" })).showUntil).toBe("2026-11-28");
  });

  it("refuses a central viewer and a province admin, writing nothing", async () => {
    fresh();
    for (const actor of ["centralViewer", "provinceAdmin", "regencyMember"] as const) {
      expect(await failure(fx.callerAs(actor).announcements.create(toAll))).toMatchObject({ code: "FORBIDDEN" });
      expect(await failure(fx.callerAs(actor).announcements.list())).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(count("SELECT count(*) FROM announcements")).toBe(0);
  });
});

describe("who sees an announcement", () => {
  it("shows one to Jawa Barat to the province and Kota Bekasi, never to Jawa Tengah's nor the nation's accounts", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const jabar = await admin.announcements.create(toJabar);
    const all = await admin.announcements.create(toAll);
    const ids = async (caller: ReturnType<Fixture["callerAs"]>) => (await caller.announcements.mine()).items.map((i) => i.id);
    expect(await ids(fx.callerAs("regencyMember"))).toEqual([all.id, jabar.id]);
    expect(await ids(fx.callerAs("provinceMember"))).toEqual([all.id, jabar.id]);
    const jateng = semarang();
    expect(await ids(jateng)).toEqual([all.id]);
    expect(await ids(fx.callerAs("centralViewer"))).toEqual([all.id]);
    // Another province's announcement cannot be marked read either: it looks like none.
    expect(await failure(jateng.announcements.markRead({ id: jabar.id }))).toMatchObject({ code: "NOT_FOUND", messageKey: "ANNOUNCEMENT_NOT_FOUND" });
    expect(count("SELECT count(*) FROM announcement_reads")).toBe(0);
  });

  it("stops showing one after its last day", async () => {
    fresh();
    const a = await fx.callerAs("centralAdmin").announcements.create({ ...toAll, showUntil: "2026-11-30" });
    const at = (instant: string) => callerSignedInAt(fx.handle, fx.userIds.regencyMember, new Date(instant));
    expect((await at("2026-11-30T16:59:00Z").announcements.mine()).items.map((i) => i.id)).toEqual([a.id]);
    // 1 December 00:00 WIB.
    expect((await at("2026-11-30T17:00:00Z").announcements.mine()).items).toEqual([]);
  });
});

describe("read state", () => {
  it("is kept per account: one member's mark leaves another's unread, and the list counts the reads", async () => {
    fresh();
    const a = await fx.callerAs("centralAdmin").announcements.create(toJabar);
    const member = fx.callerAs("regencyMember");
    expect(await member.announcements.mine()).toMatchObject({ unread: 1, items: [{ id: a.id, read: false }] });
    await member.announcements.markRead({ id: a.id });
    await member.announcements.markRead({ id: a.id });
    expect(await member.announcements.mine()).toMatchObject({ unread: 0, items: [{ id: a.id, read: true }] });
    expect(await otherBekasi().announcements.mine()).toMatchObject({ unread: 1, items: [{ id: a.id, read: false }] });
    expect((await fx.callerAs("centralAdmin").announcements.list())[0]!.readCount).toBe(1);
  });

  it("refuses an unknown id or a malformed one", async () => {
    fresh();
    expect(await failure(fx.callerAs("regencyMember").announcements.markRead({ id: 999 }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(fx.callerAs("regencyMember").announcements.markRead({ id: -1 }))).toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("withdrawing", () => {
  it("takes an announcement away from everyone, audited; a second withdrawal finds none", async () => {
    fresh();
    const admin = fx.callerAs("centralAdmin");
    const a = await admin.announcements.create(toAll);
    await fx.callerAs("regencyMember").announcements.markRead({ id: a.id });
    expect(await admin.announcements.withdraw({ id: a.id })).toEqual({ ok: true });
    expect((await fx.callerAs("provinceMember").announcements.mine()).items).toEqual([]);
    expect(await failure(fx.callerAs("provinceMember").announcements.markRead({ id: a.id }))).toMatchObject({ code: "NOT_FOUND" });
    const [listed] = await admin.announcements.list();
    expect(listed).toMatchObject({ state: "withdrawn", readCount: 1, withdrawnAt: FIXED_NOW.toISOString() });
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'announcement.withdraw' AND target_id = '" + a.id + "'")).toBe(1);
    expect(await failure(admin.announcements.withdraw({ id: a.id }))).toMatchObject({ code: "NOT_FOUND", messageKey: "ANNOUNCEMENT_NOT_FOUND" });
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'announcement.withdraw'")).toBe(1);
  });

  it("is refused to a province admin, leaving the announcement shown", async () => {
    fresh();
    const a = await fx.callerAs("centralAdmin").announcements.create(toAll);
    expect(await failure(fx.callerAs("provinceAdmin").announcements.withdraw({ id: a.id }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await fx.callerAs("provinceMember").announcements.mine()).items).toHaveLength(1);
  });
});
