import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { FIXTURE_ITEM, callerSignedInAt, failureOf, fixtureFactory } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture;
const fresh = () => (fx = factory.fresh());
afterEach(() => fx?.close());

const count = (table: string) => fx.handle.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const dump = () =>
  ["ran_periods", "action_items", "action_item_targets", "period_coordinators"].map((t) => JSON.stringify(fx.handle.sqlite.prepare(`SELECT * FROM ${t}`).raw().all())).join("|");
const tf = (code: string) => fx.handle.sqlite.prepare("SELECT task_force_id FROM task_force_regions WHERE region_code = ?").pluck().get(code) as number;
const admin = () => fx.callerAs("centralAdmin");
const item = (over: Partial<typeof FIXTURE_ITEM> | Record<string, unknown> = {}) => ({ ...FIXTURE_ITEM, targets: [...FIXTURE_ITEM.targets], relatedAgencies: [...FIXTURE_ITEM.relatedAgencies], ...over });
const csv = (lines: string[]) => Buffer.from(lines.join("\n")).toString("base64");

describe("periods", () => {
  it("the seed holds I–IV; II is 2015–2019; III adopted late (2023); IV a draft; no gaps", async () => {
    fresh();
    const { periods, gaps } = await admin().ran.periods();
    expect(periods.map((p) => [p.numeral, p.firstYear, p.lastYear, p.status, p.adoptedLate])).toEqual([
      ["I", 2009, 2014, "adopted", false],
      ["II", 2015, 2019, "adopted", false],
      ["III", 2020, 2024, "adopted", true],
      ["IV", 2025, 2029, "draft", false],
    ]);
    expect(gaps).toEqual([]);
  });

  it("creates draft period V (2030–2034) and records it in the audit log", async () => {
    fresh();
    const created = await admin().ran.createPeriod({ number: 5, firstYear: 2030, lastYear: 2034 });
    expect(created).toMatchObject({ numeral: "V", status: "draft", length: 5, reportingCycle: "annual", dueDays: 31, expiryDays: 60, version: 1 });
    expect(fx.handle.sqlite.prepare("SELECT action FROM audit_log WHERE action LIKE 'ran.%'").pluck().all()).toEqual(["ran.period_create"]);
  });

  it.each([
    ["an overlap with IV (2029–2033)", { number: 5, firstYear: 2029, lastYear: 2033 }, "CONFLICT", "PERIOD_OVERLAP"],
    ["inverted years (2034–2030)", { number: 5, firstYear: 2034, lastYear: 2030 }, "BAD_REQUEST", "PERIOD_YEARS_INVERTED"],
    ["a number out of year order (II after IV)", { number: 2, firstYear: 2030, lastYear: 2034 }, "CONFLICT", "PERIOD_NUMBER_ORDER"],
    ["a taken number", { number: 4, firstYear: 2040, lastYear: 2044 }, "CONFLICT", "PERIOD_NUMBER_TAKEN"],
    ["a skipped number (IX right after IV)", { number: 9, firstYear: 2030, lastYear: 2034 }, "CONFLICT", "PERIOD_NUMBER_SKIPPED"],
    ["a non-numeric year", { number: 5, firstYear: "2030", lastYear: 2034 }, "BAD_REQUEST", "YEAR_INVALID"],
  ])("refuses %s, writing nothing", async (_label, input, code, key) => {
    fresh();
    const before = dump();
    const f = await failureOf(admin().ran.createPeriod(input as never));
    expect(f).toMatchObject({ code, messageKey: key });
    expect(dump()).toBe(before);
  });

  it("names the clashing periods of an overlap, so the screen can say which", async () => {
    fresh();
    expect((await failureOf(admin().ran.createPeriod({ number: 5, firstYear: 2029, lastYear: 2033 }))).details).toEqual({ first: 4, second: 5 });
  });

  it("reports a gap when V starts after a year left out, and the year in the gap has no period", async () => {
    fresh();
    await admin().ran.createPeriod({ number: 5, firstYear: 2031, lastYear: 2035 });
    expect((await admin().ran.periods()).gaps).toEqual([{ fromYear: 2030, toYear: 2030, afterNumber: 4, beforeNumber: 5 }]);
    expect((await failureOf(admin().ran.periodOfYear({ year: 2030 }))).messageKey).toBe("YEAR_OUTSIDE_PERIODS");
  });

  it("changes years and reporting settings from the version read; a stale version is a conflict", async () => {
    fresh();
    const updated = await admin().ran.updatePeriod({ number: 4, version: 1, firstYear: 2025, lastYear: 2030, reportingCycle: "semester", dueDays: 15, expiryDays: 30 });
    expect(updated).toMatchObject({ lastYear: 2030, reportingCycle: "semester", version: 2 });
    const before = dump();
    expect(await failureOf(admin().ran.updatePeriod({ number: 4, version: 1, firstYear: 2025, lastYear: 2029, reportingCycle: "annual", dueDays: 31, expiryDays: 60 }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "STALE_VERSION",
    });
    expect(dump()).toBe(before);
  });

  it("refuses shrinking III (adopted, so through a correction) past years that hold targets, naming them", async () => {
    fresh();
    const before = dump();
    const f = await failureOf(admin().ran.correctAdoption({ number: 3, version: 1, instrument: "Perpres 19/2023", adoptedOn: "2022-02-22", firstYear: 2020, lastYear: 2022, reason: "Tahun periode salah dicatat" }));
    expect(f).toMatchObject({ code: "CONFLICT", messageKey: "PERIOD_SHRINKS_PAST_TARGETS", details: { years: "2023, 2024" } });
    expect(dump()).toBe(before);
  });

  it("refuses shrinking draft IV past a year that holds a target, naming it", async () => {
    fresh();
    await admin().ran.createItem({ number: 4, item: item({ code: "IV.1.1", targets: [{ year: 2028, value: 1 }] }) });
    const before = dump();
    const f = await failureOf(admin().ran.updatePeriod({ number: 4, version: 1, firstYear: 2025, lastYear: 2027, reportingCycle: "annual", dueDays: 31, expiryDays: 60 }));
    expect(f).toMatchObject({ code: "CONFLICT", messageKey: "PERIOD_SHRINKS_PAST_TARGETS", details: { years: "2028" } });
    expect(dump()).toBe(before);
  });

  it("refuses growing a period into its neighbour", async () => {
    fresh();
    expect((await failureOf(admin().ran.updatePeriod({ number: 4, version: 1, firstYear: 2024, lastYear: 2029, reportingCycle: "annual", dueDays: 31, expiryDays: 60 }))).messageKey).toBe("PERIOD_OVERLAP");
  });

  it("adopts IV with its instrument, even years after its first year; adopting twice is refused", async () => {
    fresh();
    // On 2 March 2027, so that the adoption date has come.
    const later = callerSignedInAt(fx.handle, fx.userIds.centralAdmin, new Date("2027-03-02T03:00:00Z"));
    const admin = () => later;
    const adopted = await admin().ran.adoptPeriod({ number: 4, version: 1, instrument: "Perpres 1 Tahun 2027", adoptedOn: "2027-03-01" });
    expect(adopted).toMatchObject({ status: "adopted", instrument: "Perpres 1 Tahun 2027", adoptedOn: "2027-03-01", adoptedLate: true });
    expect((await failureOf(admin().ran.adoptPeriod({ number: 4, version: 2, instrument: "Perpres 2/2027", adoptedOn: "2027-04-01" }))).messageKey).toBe("PERIOD_ADOPTED");
    expect((await failureOf(admin().ran.adoptPeriod({ number: 5, version: 1, instrument: "x", adoptedOn: "2027-04-01" }))).messageKey).toBe("INSTRUMENT_REQUIRED");
  });

  it("deletes a draft without items, but not an adopted period, one with items, or one between others", async () => {
    fresh();
    expect((await failureOf(admin().ran.deletePeriod({ number: 3, version: 1 }))).messageKey).toBe("PERIOD_ADOPTED");
    await admin().ran.createItem({ number: 4, item: item({ targets: [{ year: 2025, value: 1 }] }) });
    expect((await failureOf(admin().ran.deletePeriod({ number: 4, version: 1 }))).messageKey).toBe("PERIOD_HAS_ITEMS");
    await admin().ran.createPeriod({ number: 5, firstYear: 2030, lastYear: 2034 });
    await admin().ran.createPeriod({ number: 6, firstYear: 2035, lastYear: 2039 });
    // V between IV and VI: deleting it would skip its number, so it stays.
    expect((await failureOf(admin().ran.deletePeriod({ number: 5, version: 1 }))).messageKey).toBe("PERIOD_NUMBER_SKIPPED");
    await admin().ran.deletePeriod({ number: 6, version: 1 });
    await admin().ran.deletePeriod({ number: 5, version: 1 });
    expect((await admin().ran.periods()).periods).toHaveLength(4);
  });

  it("sets one coordinator per sub-task-force, replacing the list, from the period's version read", async () => {
    fresh();
    await admin().ran.setCoordinators({ number: 3, version: 1, coordinators: [{ subTaskForce: "prevention", agency: "Kemendikdasmen" }, { subTaskForce: "law_enforcement", agency: "Polri" }] });
    const list = await admin().ran.setCoordinators({ number: 3, version: 2, coordinators: [{ subTaskForce: "law_enforcement", agency: "Bareskrim Polri" }] });
    expect(list).toEqual([{ subTaskForce: "law_enforcement", agency: "Bareskrim Polri" }]);
    expect((await admin().ran.period({ number: 3 })).coordinators).toEqual(list);
    const before = dump();
    // A second admin still holding version 2 is told, not silently overwritten.
    expect(await failureOf(admin().ran.setCoordinators({ number: 3, version: 2, coordinators: [] }))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(await failureOf(admin().ran.setCoordinators({ number: 3, version: 3, coordinators: [{ subTaskForce: "prevention", agency: "A1" }, { subTaskForce: "prevention", agency: "A2" }] }))).toMatchObject({
      code: "BAD_REQUEST",
      messageKey: "COORDINATOR_REPEATED",
    });
    expect(dump()).toBe(before);
  });

  it("saving unchanged settings writes nothing and records nothing", async () => {
    fresh();
    const audits = () => fx.handle.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = 'ran.period_update'").pluck().get();
    const same = await admin().ran.updatePeriod({ number: 4, version: 1, firstYear: 2025, lastYear: 2029, reportingCycle: "annual", dueDays: 31, expiryDays: 60 });
    expect(same.version).toBe(1);
    expect(audits()).toBe(0);
  });

  it("refuses a period longer than ten years", async () => {
    fresh();
    expect(await failureOf(admin().ran.updatePeriod({ number: 4, version: 1, firstYear: 2025, lastYear: 2035, reportingCycle: "annual", dueDays: 31, expiryDays: 60 }))).toMatchObject({
      code: "BAD_REQUEST",
      issues: [{ path: "lastYear", messageKey: "PERIOD_TOO_LONG" }],
    });
  });

  it("answers an unknown period number with NOT_FOUND", async () => {
    fresh();
    expect(await failureOf(admin().ran.period({ number: 9 }))).toMatchObject({ code: "NOT_FOUND", messageKey: "PERIOD_NOT_FOUND" });
  });
});

describe("the reporting calendar", () => {
  it("pins period II's due dates, each year in WIB, WITA and WIT", async () => {
    fresh();
    const { calendar } = await admin().ran.period({ number: 2 });
    expect(calendar.map((c) => [c.key, c.dueDate, c.deadlines.WIB.dueAt, c.deadlines.WITA.dueAt, c.deadlines.WIT.dueAt, c.closesOn])).toEqual([
      ["2015", "2016-01-31", "2016-01-31T17:00:00.000Z", "2016-01-31T16:00:00.000Z", "2016-01-31T15:00:00.000Z", "2016-03-31"],
      ["2016", "2017-01-31", "2017-01-31T17:00:00.000Z", "2017-01-31T16:00:00.000Z", "2017-01-31T15:00:00.000Z", "2017-04-01"],
      ["2017", "2018-01-31", "2018-01-31T17:00:00.000Z", "2018-01-31T16:00:00.000Z", "2018-01-31T15:00:00.000Z", "2018-04-01"],
      ["2018", "2019-01-31", "2019-01-31T17:00:00.000Z", "2019-01-31T16:00:00.000Z", "2019-01-31T15:00:00.000Z", "2019-04-01"],
      ["2019", "2020-01-31", "2020-01-31T17:00:00.000Z", "2020-01-31T16:00:00.000Z", "2020-01-31T15:00:00.000Z", "2020-03-31"],
    ]);
  });

  it("follows the period's settings: by semester, two reports a year", async () => {
    fresh();
    await admin().ran.updatePeriod({ number: 4, version: 1, firstYear: 2025, lastYear: 2029, reportingCycle: "semester", dueDays: 15, expiryDays: 30 });
    const { calendar } = await admin().ran.period({ number: 4 });
    expect(calendar).toHaveLength(10);
    expect(calendar.slice(0, 2).map((c) => [c.key, c.dueDate, c.closesOn])).toEqual([
      ["2025-S1", "2025-07-15", "2025-08-14"],
      ["2025-S2", "2026-01-15", "2026-02-14"],
    ]);
  });
});

describe("action items", () => {
  it("adds an item with yearly targets and reads it back in the period", async () => {
    fresh();
    const created = await admin().ran.createItem({ number: 3, item: item({ code: "III.5.1", subTaskForce: "law_enforcement", targetMode: "cumulative", targets: [{ year: 2020, value: 5 }, { year: 2024, value: 40 }] }) });
    expect(created).toMatchObject({ code: "III.5.1", version: 1, targets: [{ year: 2020, value: 5 }, { year: 2024, value: 40 }] });
    const { items, targetYears } = await admin().ran.period({ number: 3 });
    expect(items.map((i) => i.code)).toEqual(["III.1.1", "III.5.1"]);
    expect(targetYears).toEqual([2020, 2021, 2022, 2023, 2024]);
  });

  it.each([
    ["a target for a year outside the period", { targets: [{ year: 2025, value: 1 }] }, "TARGET_YEAR_OUTSIDE_PERIOD", "targets.0.year"],
    ["a negative count", { targets: [{ year: 2020, value: -3 }] }, "TARGET_NEGATIVE", "targets.0.value"],
    ["cumulative targets going down", { targetMode: "cumulative", targets: [{ year: 2020, value: 10 }, { year: 2021, value: 8 }] }, "TARGET_CUMULATIVE_DECREASES", "targets.1.value"],
    ["a percentage over 100", { unit: "percent", targets: [{ year: 2020, value: 120 }] }, "TARGET_PERCENT_OVER_100", "targets.0.value"],
    ["two targets for one year", { targets: [{ year: 2020, value: 1 }, { year: 2020, value: 2 }] }, "TARGET_YEAR_REPEATED", "targets.1.year"],
  ])("refuses %s, naming the field, writing nothing", async (_label, over, key, path) => {
    fresh();
    const before = dump();
    const f = await failureOf(admin().ran.createItem({ number: 3, item: item({ code: "III.1.9", ...over }) }));
    expect(f).toMatchObject({ code: "BAD_REQUEST", messageKey: key, details: { path } });
    expect(dump()).toBe(before);
  });

  it("records the item's targets in the audit log", async () => {
    fresh();
    await admin().ran.createItem({ number: 3, item: item({ code: "III.1.9", targets: [{ year: 2020, value: 3 }, { year: 2021, value: 4 }] }) });
    expect(JSON.parse(fx.handle.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'ran.item_create'").pluck().get() as string)).toMatchObject({
      period: 3,
      code: "III.1.9",
      targets: "2020:3, 2021:4",
    });
  });

  it("lets a change in percent go below zero", async () => {
    fresh();
    await admin().ran.createItem({ number: 3, item: item({ code: "III.1.9", unit: "change_percent", targets: [{ year: 2020, value: -5 }] }) });
    expect(count("action_items")).toBe(2);
  });

  it("refuses a code the period already has, whatever its case", async () => {
    fresh();
    const before = dump();
    expect(await failureOf(admin().ran.createItem({ number: 3, item: item({ code: "iii.1.1" }) }))).toMatchObject({ code: "CONFLICT", messageKey: "ITEM_CODE_TAKEN" });
    expect(dump()).toBe(before);
  });

  it("names each invalid field of a form at once", async () => {
    fresh();
    const f = await failureOf(admin().ran.createItem({ number: 3, item: item({ code: "", indicator: "x", unit: "buckets" }) }));
    expect(f.code).toBe("BAD_REQUEST");
    expect(f.issues?.map((i) => [i.path, i.messageKey])).toEqual([
      ["item.code", "ITEM_CODE_INVALID"],
      ["item.indicator", "INDICATOR_INVALID"],
      ["item.unit", "UNIT_INVALID"],
    ]);
  });

  it("links a regency item to the national item it follows; not sideways, not across sub-task-forces, not to itself", async () => {
    fresh();
    const national = await admin().ran.createItem({ number: 3, item: item({ code: "III.1.N", level: "national" }) });
    const followed = await admin().ran.updateItem({ id: fx.actionItemId, version: 1, item: item({ followsItemId: national.id }) });
    expect(followed.followsItemId).toBe(national.id);
    expect((await failureOf(admin().ran.createItem({ number: 3, item: item({ code: "III.1.R", followsItemId: fx.actionItemId }) }))).messageKey).toBe("ITEM_FOLLOWS_INVALID");
    expect((await failureOf(admin().ran.createItem({ number: 3, item: item({ code: "III.2.R", subTaskForce: "health_rehab", followsItemId: national.id }) }))).messageKey).toBe("ITEM_FOLLOWS_INVALID");
    expect((await failureOf(admin().ran.updateItem({ id: national.id, version: 1, item: item({ code: "III.1.N", level: "national", followsItemId: national.id }) }))).messageKey).toBe("ITEM_FOLLOWS_INVALID");
    // Moving the national item down to regency level would strand the item that follows it.
    expect(await failureOf(admin().ran.updateItem({ id: national.id, version: 1, item: item({ code: "III.1.N", level: "regency" }) }))).toMatchObject({ code: "CONFLICT", messageKey: "ITEM_FOLLOWED_BY", details: { code: "III.1.1" } });
    // Deleting it unlinks its follower, whose version moves on; the audit log says which.
    await admin().ran.deleteItem({ id: national.id, version: 1 });
    const [follower] = (await admin().ran.period({ number: 3 })).items;
    expect(follower).toMatchObject({ followsItemId: null, version: 3 });
    expect(JSON.parse(fx.handle.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'ran.item_delete'").pluck().get() as string)).toMatchObject({ code: "III.1.N", unlinked: "III.1.1" });
  });

  it("changes an item from the version read; a stale edit is a conflict and changes nothing", async () => {
    fresh();
    await admin().ran.updateItem({ id: fx.actionItemId, version: 1, item: item({ indicator: "Jumlah SMA/SMK yang disosialisasi" }) });
    const before = dump();
    expect(await failureOf(admin().ran.updateItem({ id: fx.actionItemId, version: 1, item: item({ indicator: "Lain" }) }))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(await failureOf(admin().ran.deleteItem({ id: fx.actionItemId, version: 1 }))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(dump()).toBe(before);
  });

  it("answers an unknown item with NOT_FOUND", async () => {
    fresh();
    expect(await failureOf(admin().ran.deleteItem({ id: 999_999, version: 1 }))).toMatchObject({ code: "NOT_FOUND", messageKey: "ITEM_NOT_FOUND" });
  });
});

describe("a task force's plan", () => {
  it("gives a regency the items of its level with this year's target; a province sees none of them", async () => {
    fresh();
    await admin().ran.createItem({ number: 3, item: item({ code: "III.6.1", subTaskForce: "coordination", level: "province" }) });
    const city = await fx.callerAs("regencyMember").ran.plan({ taskForceId: tf("32.75"), number: 3 });
    // FIXED_NOW is 2026, after period III: its last year (2024) is the year shown.
    expect(city.year).toBe(2024);
    expect(city.items.map((i) => [i.code, i.yearTarget, i.targetToDate])).toEqual([["III.1.1", 30, 100]]);
    const province = await fx.callerAs("provinceMember").ran.plan({ taskForceId: tf("32"), number: 3 });
    expect(province.items.map((i) => i.code)).toEqual(["III.6.1"]);
  });

  it("defaults to the current period (IV in 2026), at the task force's own year", async () => {
    fresh();
    await admin().ran.createItem({ number: 4, item: item({ code: "IV.1.1", targets: [{ year: 2026, value: 7 }] }) });
    const plan = await fx.callerAs("regencyMember").ran.plan({ taskForceId: tf("32.75") });
    expect(plan.period?.numeral).toBe("IV");
    expect(plan.year).toBe(2026);
    expect(plan.items.map((i) => [i.code, i.yearTarget])).toEqual([["IV.1.1", 7]]);
  });

  it("shows a year after every period as no current period", async () => {
    fresh();
    await admin().ran.updatePeriod({ number: 4, version: 1, firstYear: 2025, lastYear: 2025, reportingCycle: "annual", dueDays: 31, expiryDays: 60 });
    const plan = await fx.callerAs("regencyMember").ran.plan({ taskForceId: tf("32.75") });
    expect(plan.period).toBeNull();
    expect(plan.items).toEqual([]);
  });

  it("answers a task force outside the caller's subtree as not found", async () => {
    fresh();
    expect((await failureOf(fx.callerAs("regencyMember").ran.plan({ taskForceId: tf("32.16") }))).code).toBe("NOT_FOUND");
  });
});

describe("import and export", () => {
  const header = "kode,sub_gugus_tugas,program,kegiatan,indikator,satuan,baseline,mode_target,target_2030,target_2031,penanggung_jawab,instansi_terkait,tingkat,mengikuti";
  const good = [
    header,
    "V.1.1,I,Pencegahan,Kampanye nasional,Jumlah kampanye,kegiatan,,per tahun,4,4,KemenPPPA,Kominfo; Kemenag,pusat,",
    "V.1.2,pencegahan,Pencegahan,Sosialisasi desa,Jumlah desa,wilayah,0,kumulatif,10,25,DP3A,,kabupaten/kota,V.1.1",
  ];

  it("checks a file row by row and writes nothing; then imports it whole, links included", async () => {
    fresh();
    await admin().ran.createPeriod({ number: 5, firstYear: 2030, lastYear: 2034 });
    const before = dump();
    const check = await admin().ran.checkItemsFile({ number: 5, fileName: "ran-v.csv", contentBase64: csv(good) });
    expect(check).toEqual({ columns: [], rows: [{ row: 2, code: "V.1.1", problems: [], ok: true }, { row: 3, code: "V.1.2", problems: [], ok: true }] });
    expect(dump()).toBe(before);
    expect(await admin().ran.importItems({ number: 5, fileName: "ran-v.csv", contentBase64: csv(good) })).toEqual({ inserted: 2 });
    const { items } = await admin().ran.period({ number: 5 });
    expect(items.map((i) => [i.code, i.level, i.targets.length])).toEqual([["V.1.1", "national", 2], ["V.1.2", "regency", 2]]);
    expect(items[1]?.followsItemId).toBe(items[0]?.id);
  });

  it("refuses a file with a wrong column, naming it, writing nothing", async () => {
    fresh();
    await admin().ran.createPeriod({ number: 5, firstYear: 2030, lastYear: 2034 });
    const before = dump();
    const bad = [good[0]!.replace("indikator", "indikatorr"), ...good.slice(1)];
    const check = await admin().ran.checkItemsFile({ number: 5, fileName: "x.csv", contentBase64: csv(bad) });
    expect(check.columns).toEqual([{ column: "indikatorr", code: "IMPORT_COLUMN_UNKNOWN" }, { column: "indikator", code: "IMPORT_COLUMN_MISSING" }]);
    expect(await failureOf(admin().ran.importItems({ number: 5, fileName: "x.csv", contentBase64: csv(bad) }))).toMatchObject({ code: "BAD_REQUEST", messageKey: "IMPORT_COLUMN_UNKNOWN", details: { column: "indikatorr" } });
    expect(dump()).toBe(before);
  });

  it("imports nothing when one row is bad (all or nothing), and says which row", async () => {
    fresh();
    await admin().ran.createPeriod({ number: 5, firstYear: 2030, lastYear: 2034 });
    const before = dump();
    const lines = [...good, "V.1.3,I,Pencegahan,Pelatihan,Jumlah orang,orang,,per tahun,-5,3,DP3A,,provinsi,"];
    const check = await admin().ran.checkItemsFile({ number: 5, fileName: "x.csv", contentBase64: csv(lines) });
    expect(check.rows[2]).toEqual({ row: 4, code: "V.1.3", ok: false, problems: [{ field: "target_2030", code: "TARGET_NEGATIVE" }] });
    expect(await failureOf(admin().ran.importItems({ number: 5, fileName: "x.csv", contentBase64: csv(lines) }))).toMatchObject({ messageKey: "IMPORT_HAS_ERRORS", details: { rows: 1, first: 4 } });
    expect(dump()).toBe(before);
  });

  it("refuses rows whose code the period already has", async () => {
    fresh();
    const lines = ["kode,sub_gugus_tugas,program,kegiatan,indikator,satuan,mode_target,target_2020,penanggung_jawab,tingkat", "III.1.1,I,Pencegahan,Sosialisasi,Jumlah sekolah,jumlah,per tahun,3,DP3A,kabupaten/kota"];
    expect((await admin().ran.checkItemsFile({ number: 3, fileName: "x.csv", contentBase64: csv(lines) })).rows[0]?.problems).toEqual([{ field: "kode", code: "ITEM_CODE_TAKEN" }]);
  });

  it("exports a period to XLSX that imports back into another period as the same items", async () => {
    fresh();
    await admin().ran.createPeriod({ number: 5, firstYear: 2030, lastYear: 2034 });
    await admin().ran.importItems({ number: 5, fileName: "ran-v.csv", contentBase64: csv(good) });
    const file = await fx.callerAs("regencyMember").ran.exportItems({ number: 5 });
    expect(file.fileName).toBe("ran-V-2030-2034.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, "base64") as never);
    const sheet = workbook.getWorksheet("Impor")!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(1).value).toBe("kode");

    // Same years, another number: move V's items into a fresh VI by way of the file.
    await admin().ran.updatePeriod({ number: 5, version: 1, firstYear: 2030, lastYear: 2034, reportingCycle: "annual", dueDays: 31, expiryDays: 60 });
    const strip = (items: { id: number; periodId: number; version: number; updatedAt: number; followsItemId: number | null }[]) =>
      items.map(({ id: _i, periodId: _p, version: _v, updatedAt: _u, followsItemId, ...rest }) => ({ ...rest, follows: followsItemId !== null }));
    const original = strip((await admin().ran.period({ number: 5 })).items);
    fx.handle.sqlite.exec("DELETE FROM action_items");
    await admin().ran.importItems({ number: 5, fileName: file.fileName, contentBase64: file.contentBase64 });
    expect(strip((await admin().ran.period({ number: 5 })).items)).toEqual(original);
  });

  it("refuses an XLSX that would unpack past 20 MB before reading it, writing nothing", async () => {
    fresh();
    const bomb = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/worksheets/sheet1.xml": [new Uint8Array(25 * 1024 * 1024), { level: 9 }] });
    expect(bomb.length).toBeLessThan(100_000);
    const contentBase64 = Buffer.from(bomb).toString("base64");
    expect(await failureOf(admin().ran.checkItemsFile({ number: 3, fileName: "bom.xlsx", contentBase64 }))).toMatchObject({ messageKey: "IMPORT_FILE_INVALID", details: { reason: "too_large" } });
    expect(await failureOf(admin().ran.importItems({ number: 3, fileName: "bom.xlsx", contentBase64 }))).toMatchObject({ messageKey: "IMPORT_FILE_INVALID", details: { reason: "too_large" } });
    expect(count("action_items")).toBe(1);
  });

  it("reads Indonesian thousands (1.500) as thousands, and names problems by the file's own headers", async () => {
    fresh();
    await admin().ran.createPeriod({ number: 5, firstYear: 2030, lastYear: 2034 });
    const lines = [
      "Kode;Sub Gugus Tugas;Program;Kegiatan;Indikator;Satuan;Mode Target;2030;Penanggung Jawab;Tingkat",
      "V.2.1;II;Rehabilitasi;Layanan kesehatan korban;Jumlah korban dilayani;orang;per tahun;1.500;Dinkes;provinsi",
      "V.2.2;II;Rehabilitasi;Layanan;Jumlah;orang;setahun sekali;2,5;Dinkes;provinsi",
    ];
    const check = await admin().ran.checkItemsFile({ number: 5, fileName: "ran.csv", contentBase64: csv(lines) });
    expect(check.rows.map((r) => r.problems)).toEqual([[], [{ field: "Mode Target", code: "TARGET_MODE_INVALID" }]]);
    await admin().ran.importItems({ number: 5, fileName: "ran.csv", contentBase64: csv(lines.slice(0, 2)) });
    expect((await admin().ran.period({ number: 5 })).items[0]?.targets).toEqual([{ year: 2030, value: 1500 }]);
  });

  it("refuses a file that is neither CSV nor XLSX", async () => {
    fresh();
    expect((await failureOf(admin().ran.checkItemsFile({ number: 3, fileName: "plan.pdf", contentBase64: "JVBERi0=" }))).messageKey).toBe("IMPORT_FILE_INVALID");
  });
});
