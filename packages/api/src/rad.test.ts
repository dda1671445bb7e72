import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { FIXTURE_ITEM, failureOf, fixtureFactory } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();
let fx: Fixture;
afterEach(() => fx?.close());

const tf = (code: string | null) =>
  fx.handle.sqlite
    .prepare(code === null ? "SELECT id FROM task_forces WHERE level = 'national'" : "SELECT task_force_id FROM task_force_regions WHERE region_code = ?")
    .pluck()
    .get(...(code === null ? [] : [code])) as number;

/** Everything a refused write must leave as it was. */
const dump = () =>
  ["rad_plans", "rad_items", "rad_item_targets"].map((t) => JSON.stringify(fx.handle.sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1`).raw().all())).join("|");
const auditCount = (action: string) => fx.handle.sqlite.prepare("SELECT count(*) FROM audit_log WHERE action = ?").pluck().get(action) as number;

const ranItem = (code: string, level: "national" | "province" | "regency", subTaskForce = "prevention") => ({
  ...FIXTURE_ITEM,
  code,
  level,
  subTaskForce,
  targets: [2025, 2026, 2027, 2028, 2029].map((year) => ({ year, value: 10 })),
  relatedAgencies: [],
});

type Seeded = { national: number; province: number; provinceLaw: number; regency: number; oldProvince: number };

/** Period IV (2025–2029) adopted this year with items at each level, and a province item of period III. */
async function seed(): Promise<Seeded> {
  fx = factory.fresh();
  const admin = fx.callerAs("centralAdmin");
  await admin.ran.adoptPeriod({ number: 4, version: 1, instrument: "Perpres 1/2026", adoptedOn: "2026-02-01" });
  const created = async (number: number, item: ReturnType<typeof ranItem>) => (await admin.ran.createItem({ number, item: item as never })).id;
  return {
    national: await created(4, ranItem("IV.1.1", "national")),
    province: await created(4, ranItem("IV.1.2", "province")),
    provinceLaw: await created(4, ranItem("IV.5.1", "province", "law_enforcement")),
    regency: await created(4, ranItem("IV.1.3", "regency")),
    oldProvince: await created(3, { ...ranItem("III.1.2", "province"), targets: [{ year: 2024, value: 1 }] }),
  };
}

const radItem = (followsItemId: number, over: Record<string, unknown> = {}) => ({
  subTaskForce: "prevention",
  code: "RAD-JB.1",
  programme: "Pencegahan di desa",
  activity: "Sosialisasi pencegahan TPPO di desa rawan",
  indicator: "Jumlah desa yang disosialisasi",
  unit: "count",
  baseline: 2,
  targetMode: "per_year",
  targets: [
    { year: 2026, value: 5 },
    { year: 2027, value: 8 },
  ],
  leadAgency: "DP3A Provinsi Jawa Barat",
  relatedAgencies: ["Dinas Sosial"],
  followsItemId,
  ...over,
});
const pergub = { type: "pergub", number: "12 Tahun 2026", adoptedOn: "2026-03-02", documentRef: "https://jdih.jabarprov.go.id/pergub-12-2026" } as const;

describe("a province records its RAD", () => {
  it("records the Pergub and an item following a province-level RAN item, audited; the province reads it back", async () => {
    const ids = await seed();
    const jabar = tf("32");
    const admin = fx.callerAs("provinceAdmin");
    const plan = await admin.rad.savePlan({ taskForceId: jabar, version: null, instrument: pergub });
    expect(plan).toMatchObject({ version: 1, instrument: { type: "pergub", adoptedOn: "2026-03-02" } });
    const item = await admin.rad.createItem({ taskForceId: jabar, item: radItem(ids.province) as never });
    expect(item).toMatchObject({ code: "RAD-JB.1", followedCode: "IV.1.2", targets: [{ year: 2026, value: 5 }, { year: 2027, value: 8 }] });
    const read = await fx.callerAs("provinceMember").rad.plan({ taskForceId: jabar });
    expect(read).toMatchObject({ period: { number: 4 }, open: true, editable: false, plan: { instrument: { number: "12 Tahun 2026" } } });
    expect(read.items.map((i) => i.code)).toEqual(["RAD-JB.1"]);
    // Only the province-level items of period IV may be followed.
    expect(read.followable.map((i) => i.code)).toEqual(["IV.1.2", "IV.5.1"]);
    expect(read.instrumentTypes).toEqual(["pergub", "sk_gubernur", "perda"]);
    expect(auditCount("rad.plan_save")).toBe(1);
    expect(auditCount("rad.item_create")).toBe(1);
  });

  it("starts a draft plan with the first item, then records its instrument from the plan's version", async () => {
    const ids = await seed();
    const jabar = tf("32");
    const admin = fx.callerAs("provinceAdmin");
    await admin.rad.createItem({ taskForceId: jabar, item: radItem(ids.province) as never });
    const draft = await admin.rad.plan({ taskForceId: jabar });
    expect(draft.plan).toMatchObject({ version: 1, instrument: null });
    expect(await admin.rad.savePlan({ taskForceId: jabar, version: 1, instrument: pergub })).toMatchObject({ version: 2 });
  });

  it("changes and removes an item from the version read", async () => {
    const ids = await seed();
    const jabar = tf("32");
    const admin = fx.callerAs("provinceAdmin");
    const item = await admin.rad.createItem({ taskForceId: jabar, item: radItem(ids.province) as never });
    const changed = await admin.rad.updateItem({ taskForceId: jabar, id: item.id, version: 1, item: radItem(ids.province, { indicator: "Jumlah desa sasaran" }) as never });
    expect(changed).toMatchObject({ version: 2, indicator: "Jumlah desa sasaran" });
    expect(await admin.rad.deleteItem({ taskForceId: jabar, id: item.id, version: 2 })).toEqual({ ok: true });
    expect((await admin.rad.plan({ taskForceId: jabar })).items).toEqual([]);
    expect(auditCount("rad.item_update")).toBe(1);
    expect(auditCount("rad.item_delete")).toBe(1);
  });

  it("lets a city follow a regency-level item, with a Perwali", async () => {
    const ids = await seed();
    const bekasi = tf("32.75");
    const admin = fx.callerAs("regencyAdmin");
    await admin.rad.savePlan({ taskForceId: bekasi, version: null, instrument: { ...pergub, type: "perwali", documentRef: null } });
    expect(await admin.rad.createItem({ taskForceId: bekasi, item: radItem(ids.regency) as never })).toMatchObject({ followedCode: "IV.1.3" });
  });
});

describe("bad input writes nothing", () => {
  const cases: [string, (ids: Seeded) => Record<string, unknown>, string, string][] = [
    ["an item following a national-level RAN item", (ids) => radItem(ids.national), "BAD_REQUEST", "RAD_FOLLOWS_INVALID"],
    ["an item following a regency-level RAN item (not the province's level)", (ids) => radItem(ids.regency), "BAD_REQUEST", "RAD_FOLLOWS_INVALID"],
    ["an item following another period's item", (ids) => radItem(ids.oldProvince), "BAD_REQUEST", "RAD_FOLLOWS_INVALID"],
    ["an item following no item that exists", () => radItem(999_999), "BAD_REQUEST", "RAD_FOLLOWS_INVALID"],
    ["a wrong sub-task-force for the followed item", (ids) => radItem(ids.provinceLaw), "BAD_REQUEST", "RAD_SUB_TASK_FORCE_MISMATCH"],
    ["a target outside the period", (ids) => radItem(ids.province, { targets: [{ year: 2030, value: 3 }] }), "BAD_REQUEST", "TARGET_YEAR_OUTSIDE_PERIOD"],
    ["an item following nothing", (ids) => ({ ...radItem(ids.province), followsItemId: undefined }), "BAD_REQUEST", "RAD_FOLLOWS_REQUIRED"],
    ["a level (RAD items take their task force's)", (ids) => radItem(ids.province, { level: "province" }), "BAD_REQUEST", "VALIDATION_FAILED"],
  ];
  it.each(cases)("refuses %s", async (_name, item, code, key) => {
    const ids = await seed();
    const before = dump();
    const failure = await failureOf(fx.callerAs("provinceAdmin").rad.createItem({ taskForceId: tf("32"), item: item(ids) as never }));
    expect(failure.code).toBe(code);
    if (key !== "VALIDATION_FAILED") expect(failure.messageKey).toBe(key);
    expect(dump()).toBe(before);
  });

  it("refuses a code the plan already has, in another case", async () => {
    const ids = await seed();
    const admin = fx.callerAs("provinceAdmin");
    await admin.rad.createItem({ taskForceId: tf("32"), item: radItem(ids.province) as never });
    const before = dump();
    expect(await failureOf(admin.rad.createItem({ taskForceId: tf("32"), item: radItem(ids.province, { code: "rad-jb.1" }) as never }))).toMatchObject({ code: "CONFLICT", messageKey: "RAD_ITEM_CODE_TAKEN" });
    expect(dump()).toBe(before);
  });

  it("refuses a stale version of an item and of the plan: CONFLICT", async () => {
    const ids = await seed();
    const jabar = tf("32");
    const admin = fx.callerAs("provinceAdmin");
    const item = await admin.rad.createItem({ taskForceId: jabar, item: radItem(ids.province) as never });
    await admin.rad.updateItem({ taskForceId: jabar, id: item.id, version: 1, item: radItem(ids.province, { baseline: 3 }) as never });
    await admin.rad.savePlan({ taskForceId: jabar, version: 1, instrument: pergub });
    const before = dump();
    expect(await failureOf(admin.rad.updateItem({ taskForceId: jabar, id: item.id, version: 1, item: radItem(ids.province) as never }))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(await failureOf(admin.rad.deleteItem({ taskForceId: jabar, id: item.id, version: 1 }))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(await failureOf(admin.rad.savePlan({ taskForceId: jabar, version: 1, instrument: pergub }))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(await failureOf(admin.rad.savePlan({ taskForceId: jabar, version: null, instrument: pergub }))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(dump()).toBe(before);
  });

  it("refuses the national task force: RAD_NOT_FOR_NATIONAL", async () => {
    const ids = await seed();
    const admin = fx.callerAs("centralAdmin");
    const before = dump();
    expect(await failureOf(admin.rad.savePlan({ taskForceId: tf(null), version: null, instrument: { ...pergub, type: "perpres" } }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await failureOf(admin.rad.savePlan({ taskForceId: tf(null), version: null, instrument: pergub }))).toMatchObject({ code: "BAD_REQUEST", messageKey: "RAD_NOT_FOR_NATIONAL" });
    expect(await failureOf(admin.rad.createItem({ taskForceId: tf(null), item: radItem(ids.national) as never }))).toMatchObject({ code: "BAD_REQUEST", messageKey: "RAD_NOT_FOR_NATIONAL" });
    expect(await failureOf(admin.rad.plan({ taskForceId: tf(null) }))).toMatchObject({ code: "BAD_REQUEST", messageKey: "RAD_NOT_FOR_NATIONAL" });
    expect(dump()).toBe(before);
  });

  it("answers another province's task force as not found, and a regency of its own as forbidden", async () => {
    const ids = await seed();
    const admin = fx.callerAs("provinceAdmin");
    const before = dump();
    expect(await failureOf(admin.rad.createItem({ taskForceId: tf("33"), item: radItem(ids.province) as never }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(admin.rad.plan({ taskForceId: tf("33") }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(admin.rad.savePlan({ taskForceId: tf("32.75"), version: null, instrument: { ...pergub, type: "perwali" } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(dump()).toBe(before);
  });

  it("answers another task force's item as not found, even to a central admin naming the wrong task force", async () => {
    const ids = await seed();
    const item = await fx.callerAs("provinceAdmin").rad.createItem({ taskForceId: tf("32"), item: radItem(ids.province) as never });
    const before = dump();
    expect(await failureOf(fx.callerAs("centralAdmin").rad.deleteItem({ taskForceId: tf("33"), id: item.id, version: 1 }))).toMatchObject({ code: "NOT_FOUND", messageKey: "RAD_ITEM_NOT_FOUND" });
    expect(dump()).toBe(before);
  });

  it.each([
    ["a Perbup for a province", { ...pergub, type: "perbup" }, "INSTRUMENT_TYPE_MISMATCH"],
    ["an adoption date after today", { ...pergub, adoptedOn: "2026-11-29" }, "DATE_IN_FUTURE"],
    ["a document reference that is not an http(s) link", { ...pergub, documentRef: "javascript:alert(1)" }, "DOCUMENT_REF_INVALID"],
  ])("refuses an instrument with %s", async (_name, instrument, key) => {
    await seed();
    const before = dump();
    expect(await failureOf(fx.callerAs("provinceAdmin").rad.savePlan({ taskForceId: tf("32"), version: null, instrument: instrument as never }))).toMatchObject({ code: "BAD_REQUEST", messageKey: key });
    expect(dump()).toBe(before);
  });

  it("keeps an earlier period's RAD read-only, and refuses while the current period is a draft: RAD_PERIOD_CLOSED", async () => {
    fx = factory.fresh();
    // Period IV is still a draft in the fixture: nothing can be recorded yet.
    const before = dump();
    expect(await failureOf(fx.callerAs("provinceAdmin").rad.savePlan({ taskForceId: tf("32"), version: null, instrument: pergub }))).toMatchObject({ code: "CONFLICT", messageKey: "RAD_PERIOD_CLOSED" });
    expect(dump()).toBe(before);
    const old = await fx.callerAs("provinceAdmin").rad.plan({ taskForceId: tf("32"), periodNumber: 3 });
    expect(old).toMatchObject({ period: { number: 3 }, open: false, editable: false, plan: null });
  });
});

describe("the overview and the file", () => {
  it("shows a province its own and its regencies' RADs, the centre every province and regency", async () => {
    const ids = await seed();
    await fx.callerAs("provinceAdmin").rad.savePlan({ taskForceId: tf("32"), version: null, instrument: pergub });
    await fx.callerAs("provinceAdmin").rad.createItem({ taskForceId: tf("32"), item: radItem(ids.province) as never });
    const mine = await fx.callerAs("provinceMember").rad.overview({});
    expect(mine.period).toMatchObject({ number: 4 });
    expect(mine.rows.every((r) => r.regionCode === "32" || r.regionCode.startsWith("32."))).toBe(true);
    expect(mine.rows.find((r) => r.regionCode === "32")).toMatchObject({ hasPlan: true, adoptedOn: "2026-03-02", itemCount: 1 });
    expect(mine.rows.find((r) => r.regionCode === "32.75")).toMatchObject({ hasPlan: false, itemCount: 0 });
    const all = await fx.callerAs("centralViewer").rad.overview({});
    expect(all.rows.some((r) => r.regionCode === "33")).toBe(true);
    expect(all.rows.some((r) => r.level === ("national" as never))).toBe(false);
  });

  it("writes the RAD as an XLSX with its title, labels and the followed RAN item's code", async () => {
    const ids = await seed();
    await fx.callerAs("provinceAdmin").rad.savePlan({ taskForceId: tf("32"), version: null, instrument: pergub });
    await fx.callerAs("provinceAdmin").rad.createItem({ taskForceId: tf("32"), item: radItem(ids.province, { activity: "=HYPERLINK(\"x\") sosialisasi" }) as never });
    for (const language of ["id", "en"] as const) {
      const file = await fx.callerAs("centralViewer").rad.exportXlsx({ taskForceId: tf("32"), language });
      expect(file.fileName).toBe("rad-32-IV.xlsx");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(file.contentBase64, "base64") as never);
      const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
      expect(text).toContain(language === "id" ? "Rencana Aksi Daerah (RAD)" : "Regional Action Plan (RAD)");
      expect(text).toContain(language === "id" ? "GT Provinsi Jawa Barat" : "Jawa Barat Province task force");
      expect(text).toContain(language === "id" ? "Mengikuti rencana aksi RAN" : "Follows RAN action item");
      expect(text).toContain("IV.1.2");
      expect(text).toContain(language === "id" ? "I. Pencegahan" : "I. Prevention");
      // A formula-like text stays text.
      expect(text).not.toContain('"formula"');
    }
  });
});

describe("the evaluation's RAD input", () => {
  const radInput = async (taskForceId: number) => {
    const card = await fx.callerAs("centralViewer").evaluation.scorecard({ taskForceId, year: 2026 });
    return card.score.parts.readiness.inputs.find((i) => i.name === "radRecorded");
  };

  it("counts a RAD adopted for the year's period by the year's end, a draft or none as a known no, and none at the nation", async () => {
    const ids = await seed();
    const jabar = tf("32");
    const bekasi = tf("32.75");
    await fx.callerAs("provinceAdmin").rad.createItem({ taskForceId: jabar, item: radItem(ids.province) as never });
    // A draft plan is no adopted RAD.
    expect(await radInput(jabar)).toMatchObject({ value: false, points: 0, max: 25, missing: false });
    await fx.callerAs("provinceAdmin").rad.savePlan({ taskForceId: jabar, version: 1, instrument: pergub });
    expect(await radInput(jabar)).toMatchObject({ value: true, points: 25, max: 25, missing: false });
    expect(await radInput(bekasi)).toMatchObject({ value: false, points: 0 });
    expect(await radInput(tf(null))).toMatchObject({ missing: true });
  });
});

describe("a RAN item that RAD items follow", () => {
  it("is neither deleted nor moved to another level or sub-task-force: ITEM_FOLLOWED_BY, nothing written", async () => {
    const ids = await seed();
    await fx.callerAs("provinceAdmin").rad.createItem({ taskForceId: tf("32"), item: radItem(ids.province) as never });
    const admin = fx.callerAs("centralAdmin");
    const before = JSON.stringify(fx.handle.sqlite.prepare("SELECT * FROM action_items ORDER BY id").raw().all());
    expect(await failureOf(admin.ran.deleteItem({ id: ids.province, version: 1 }))).toMatchObject({ code: "CONFLICT", messageKey: "ITEM_FOLLOWED_BY" });
    expect(await failureOf(admin.ran.updateItem({ id: ids.province, version: 1, item: { ...ranItem("IV.1.2", "regency"), followsItemId: null } as never }))).toMatchObject({ code: "CONFLICT", messageKey: "ITEM_FOLLOWED_BY" });
    expect(JSON.stringify(fx.handle.sqlite.prepare("SELECT * FROM action_items ORDER BY id").raw().all())).toBe(before);
    // Its wording may still change.
    expect(await admin.ran.updateItem({ id: ids.province, version: 1, item: { ...ranItem("IV.1.2", "province"), indicator: "Jumlah desa sasaran", followsItemId: null } as never })).toMatchObject({ version: 2 });
  });
});

describe("the yearly report", () => {
  it("answers the year's RAD items beside the RAN items, and lists each under its RAN item in the XLSX and PDF", async () => {
    const ids = await seed();
    const jabar = tf("32");
    await fx.callerAs("provinceAdmin").rad.createItem({ taskForceId: jabar, item: radItem(ids.province) as never });
    const report = await fx.callerAs("provinceMember").reports.get({ taskForceId: jabar, periodKey: "2026" });
    expect(report.items.map((i) => i.code)).toEqual(["IV.1.2", "IV.5.1"]);
    expect(report.radItems).toEqual([expect.objectContaining({ code: "RAD-JB.1", followsItemId: ids.province, yearTarget: 5 })]);
    // The national task force has no RAD; the answer keeps its shape.
    expect((await fx.callerAs("centralAdmin").reports.get({ taskForceId: tf(null), periodKey: "2026" })).radItems).toEqual([]);
    const file = await fx.callerAs("provinceMember").reports.exportXlsx({ taskForceId: jabar, periodKey: "2026", language: "id" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.contentBase64, "base64") as never);
    const rows = wb.worksheets.flatMap((s) => (s.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.filter((c) => c !== undefined && c !== null).map(String)));
    const ran = rows.findIndex((r) => r.includes("IV.1.2"));
    expect(ran).toBeGreaterThanOrEqual(0);
    expect(rows[ran + 1]).toEqual(expect.arrayContaining(["↳ RAD RAD-JB.1", "Sosialisasi pencegahan TPPO di desa rawan", "5"]));
    const pdf = await fx.callerAs("provinceMember").reports.exportPdf({ taskForceId: jabar, periodKey: "2026" });
    expect(Buffer.from(pdf.contentBase64, "base64").subarray(0, 4).toString()).toBe("%PDF");
  });
});
