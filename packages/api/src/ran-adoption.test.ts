import { afterEach, describe, expect, it } from "vitest";
import { callerSignedInAt, failureOf, fixtureFactory } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture;
const fresh = () => (fx = factory.fresh());
afterEach(() => fx?.close());

const dump = () => ["ran_periods", "period_coordinators", "audit_log"].map((t) => JSON.stringify(fx.handle.sqlite.prepare(`SELECT * FROM ${t}`).raw().all())).join("|");
const admin = () => fx.callerAs("centralAdmin");
const settings = { reportingCycle: "annual", dueDays: 31, expiryDays: 60 } as const;

describe("adoption dates (fixture today: 2026-11-28)", () => {
  it("refuses adopting V (2030–2034) dated 1999-01-01, naming the earliest date, writing nothing", async () => {
    fresh();
    await admin().ran.createPeriod({ number: 5, firstYear: 2030, lastYear: 2034 });
    const before = dump();
    expect(await failureOf(admin().ran.adoptPeriod({ number: 5, version: 1, instrument: "Perpres 1/2030", adoptedOn: "1999-01-01" }))).toMatchObject({
      code: "BAD_REQUEST",
      messageKey: "ADOPTION_TOO_EARLY",
      details: { earliest: "2028-01-01" },
    });
    expect(dump()).toBe(before);
  });

  it("refuses adopting IV with a date a month ahead, and a day ahead; accepts today", async () => {
    fresh();
    const before = dump();
    expect((await failureOf(admin().ran.adoptPeriod({ number: 4, version: 1, instrument: "Perpres 1/2026", adoptedOn: "2026-12-28" }))).messageKey).toBe("DATE_IN_FUTURE");
    expect((await failureOf(admin().ran.adoptPeriod({ number: 4, version: 1, instrument: "Perpres 1/2026", adoptedOn: "2026-11-29" }))).messageKey).toBe("DATE_IN_FUTURE");
    expect(dump()).toBe(before);
    expect(await admin().ran.adoptPeriod({ number: 4, version: 1, instrument: "Perpres 1/2026", adoptedOn: "2026-11-28" })).toMatchObject({ status: "adopted", adoptedOn: "2026-11-28" });
  });

  it("takes today in Jakarta: at 23:59 WIB on 28 November the 29th is ahead; at 00:00 WIB it is today (still the 28th in UTC)", async () => {
    fresh();
    const adopt = (now: Date) => callerSignedInAt(fx.handle, fx.userIds.centralAdmin, now).ran.adoptPeriod({ number: 4, version: 1, instrument: "Perpres 1/2026", adoptedOn: "2026-11-29" });
    expect((await failureOf(adopt(new Date("2026-11-28T16:59:59Z")))).messageKey).toBe("DATE_IN_FUTURE");
    expect(await adopt(new Date("2026-11-28T17:00:00Z"))).toMatchObject({ status: "adopted", adoptedOn: "2026-11-29" });
  });

  it("refuses an instrument holding a phone number", async () => {
    fresh();
    expect((await failureOf(admin().ran.adoptPeriod({ number: 4, version: 1, instrument: "Perpres 1/2026 HP 0812-3456-7890", adoptedOn: "2026-02-01" }))).messageKey).toBe("PERSONAL_DATA_IN_TEXT");
  });
});

describe("an adopted period's years", () => {
  it("refuses changing II's years (adopted) through updatePeriod, writing nothing", async () => {
    fresh();
    const before = dump();
    expect(await failureOf(admin().ran.updatePeriod({ number: 2, version: 1, firstYear: 2015, lastYear: 2018, ...settings }))).toMatchObject({ code: "CONFLICT", messageKey: "PERIOD_YEARS_ADOPTED" });
    expect(dump()).toBe(before);
  });

  it("still lets an adopted period's reporting settings change", async () => {
    fresh();
    expect(await admin().ran.updatePeriod({ number: 2, version: 1, firstYear: 2015, lastYear: 2019, reportingCycle: "semester", dueDays: 15, expiryDays: 30 })).toMatchObject({ reportingCycle: "semester", version: 2 });
  });
});

describe("coordinators' agencies", () => {
  it("refuses 'Dinas Sosial HP 0812-3456-7890' as a membership's agency is refused, writing nothing", async () => {
    fresh();
    const before = dump();
    expect(await failureOf(admin().ran.setCoordinators({ number: 3, version: 1, coordinators: [{ subTaskForce: "social_rehab", agency: "Dinas Sosial HP 0812-3456-7890" }] }))).toMatchObject({
      code: "BAD_REQUEST",
      messageKey: "PERSONAL_DATA_IN_TEXT",
    });
    expect(dump()).toBe(before);
  });
});

const audits = (action: string) => fx.handle.sqlite.prepare("SELECT details FROM audit_log WHERE action = ?").pluck().all(action).map((d) => JSON.parse(String(d)) as Record<string, unknown>);
const reason = "Tanggal penetapan salah ketik di sistem";
const III = { number: 3, instrument: "Perpres 19/2023", adoptedOn: "2023-02-22", firstYear: 2020, lastYear: 2024 };

describe("correcting an adoption", () => {
  it("corrects III's date and instrument with a reason, moving its version on, and audits the reason with what changed", async () => {
    fresh();
    const corrected = await admin().ran.correctAdoption({ ...III, version: 1, instrument: "Perpres 19 Tahun 2023", adoptedOn: "2023-02-23", reason });
    expect(corrected).toMatchObject({ status: "adopted", instrument: "Perpres 19 Tahun 2023", adoptedOn: "2023-02-23", version: 2 });
    expect(audits("ran.adoption_correct")).toEqual([
      { reason, "instrument.before": "Perpres 19/2023", "instrument.after": "Perpres 19 Tahun 2023", "adoptedOn.before": "2023-02-22", "adoptedOn.after": "2023-02-23" },
    ]);
  });

  it("changes an adopted period's years, which only a correction can", async () => {
    fresh();
    const corrected = await admin().ran.correctAdoption({ number: 2, version: 1, instrument: "Permenko PMK 2/2016", adoptedOn: "2016-03-01", firstYear: 2015, lastYear: 2018, reason });
    expect(corrected).toMatchObject({ firstYear: 2015, lastYear: 2018, adoptedOn: "2016-03-01" });
    expect((await admin().ran.periods()).gaps).toEqual([{ fromYear: 2019, toYear: 2019, afterNumber: 2, beforeNumber: 3 }]);
  });

  it.each([
    ["a draft (IV)", { ...III, number: 4, firstYear: 2025, lastYear: 2029, adoptedOn: "2026-01-05" }, "CONFLICT", "PERIOD_NOT_ADOPTED"],
    ["a stale version", { ...III, version: 2, adoptedOn: "2023-02-23" }, "CONFLICT", "STALE_VERSION"],
    ["nothing changed", III, "BAD_REQUEST", "ADOPTION_UNCHANGED"],
    ["a date a month ahead", { ...III, adoptedOn: "2026-12-28" }, "BAD_REQUEST", "DATE_IN_FUTURE"],
    ["1999-01-01", { ...III, adoptedOn: "1999-01-01" }, "BAD_REQUEST", "ADOPTION_TOO_EARLY"],
    ["a date after the period ended", { ...III, adoptedOn: "2025-01-01" }, "BAD_REQUEST", "ADOPTION_AFTER_PERIOD"],
    ["a date the corrected years no longer allow", { ...III, number: 2, instrument: "Permenko PMK 2/2016", firstYear: 2015, lastYear: 2019, adoptedOn: "2012-12-31" }, "BAD_REQUEST", "ADOPTION_TOO_EARLY"],
    ["years overlapping IV", { ...III, lastYear: 2025 }, "CONFLICT", "PERIOD_OVERLAP"],
    ["years leaving out targets", { ...III, lastYear: 2023 }, "CONFLICT", "PERIOD_SHRINKS_PAST_TARGETS"],
    ["inverted years", { ...III, firstYear: 2024, lastYear: 2020 }, "BAD_REQUEST", "PERIOD_YEARS_INVERTED"],
    ["a reason under ten characters", { ...III, adoptedOn: "2023-02-23", reason: "salah" }, "BAD_REQUEST", "REASON_INVALID"],
    ["a phone number in the reason", { ...III, adoptedOn: "2023-02-23", reason: "Kata Pak Budi 0812-3456-7890" }, "BAD_REQUEST", "PERSONAL_DATA_IN_TEXT"],
    ["a phone number in the instrument", { ...III, instrument: "Perpres 0812-3456-7890" }, "BAD_REQUEST", "PERSONAL_DATA_IN_TEXT"],
  ])("refuses %s, writing nothing", async (_label, input, code, key) => {
    fresh();
    const before = dump();
    expect(await failureOf(admin().ran.correctAdoption({ version: 1, reason, ...input }))).toMatchObject({ code, messageKey: key });
    expect(dump()).toBe(before);
  });

  it("is refused to a central viewer, who may read periods but not manage them", async () => {
    fresh();
    const before = dump();
    expect((await failureOf(fx.callerAs("centralViewer").ran.correctAdoption({ ...III, version: 1, adoptedOn: "2023-02-23", reason }))).code).toBe("FORBIDDEN");
    expect(dump().split("|").slice(0, 2)).toEqual(before.split("|").slice(0, 2));
  });
});

describe("withdrawing an adoption", () => {
  it("makes III a draft again with a reason kept in the audit log beside the instrument withdrawn; its years are then editable", async () => {
    fresh();
    const withdrawn = await admin().ran.withdrawAdoption({ number: 3, version: 1, reason });
    expect(withdrawn).toMatchObject({ status: "draft", instrument: null, adoptedOn: null, adoptedLate: false, version: 2 });
    expect(audits("ran.adoption_withdraw")).toEqual([{ reason, instrument: "Perpres 19/2023", adoptedOn: "2023-02-22" }]);
    expect(await admin().ran.updatePeriod({ number: 3, version: 2, firstYear: 2020, lastYear: 2024, reportingCycle: "semester", dueDays: 31, expiryDays: 60 })).toMatchObject({ reportingCycle: "semester" });
    expect(await admin().ran.adoptPeriod({ number: 3, version: 3, instrument: "Perpres 19/2023", adoptedOn: "2023-02-22" })).toMatchObject({ status: "adopted" });
  });

  it.each([
    ["a draft (IV)", { number: 4, version: 1, reason }, "CONFLICT", "PERIOD_NOT_ADOPTED"],
    ["a stale version", { number: 3, version: 2, reason }, "CONFLICT", "STALE_VERSION"],
    ["no reason", { number: 3, version: 1, reason: "" }, "BAD_REQUEST", "FIELD_REQUIRED"],
    ["an unknown period", { number: 9, version: 1, reason }, "NOT_FOUND", "PERIOD_NOT_FOUND"],
  ])("refuses %s, writing nothing", async (_label, input, code, key) => {
    fresh();
    const before = dump();
    expect(await failureOf(admin().ran.withdrawAdoption(input))).toMatchObject({ code, messageKey: key });
    expect(dump()).toBe(before);
  });
});

describe("a change and its audit row commit together", () => {
  const failAudit = () => fx.handle.sqlite.exec("CREATE TRIGGER audit_fails BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
  const data = () => dump().split("|").slice(0, 2).join("|");

  it.each([
    ["correcting an adoption", () => admin().ran.correctAdoption({ ...III, version: 1, adoptedOn: "2023-02-23", reason })],
    ["withdrawing an adoption", () => admin().ran.withdrawAdoption({ number: 3, version: 1, reason })],
    ["adopting", () => admin().ran.adoptPeriod({ number: 4, version: 1, instrument: "Perpres 1/2026", adoptedOn: "2026-02-01" })],
    ["changing settings", () => admin().ran.updatePeriod({ number: 4, version: 1, firstYear: 2025, lastYear: 2029, ...settings, dueDays: 10 })],
    ["setting coordinators", () => admin().ran.setCoordinators({ number: 3, version: 1, coordinators: [{ subTaskForce: "prevention", agency: "Polri" }] })],
    ["creating a period", () => admin().ran.createPeriod({ number: 5, firstYear: 2030, lastYear: 2034 })],
  ])("%s writes nothing when its audit row cannot be written", async (_label, call) => {
    fresh();
    const before = data();
    failAudit();
    await expect(call()).rejects.toThrow();
    expect(data()).toBe(before);
  });
});
