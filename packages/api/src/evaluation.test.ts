/**
 * The evaluation through the API on the fixture's database, with every input made through the real
 * procedures: action items (ran.createItem), instruments and coordinators (profile), reports saved,
 * submitted and approved (reports.*). Three named task forces are scored BY HAND here, from their
 * raw inputs and period IV's weights, and compared with evaluation.scorecard.
 *
 * The year is 2025 (period IV, annual: due 2026-01-31, entry closes 2026-04-01). Reports are made
 * on 2026-01-15 (on time) unless a test says otherwise; the evaluation is read on the fixture's
 * date, 2026-11-28, when 2025 has ended and 2026 has not.
 */
import { findPeriodByNumber, findTaskForceByRegion, insertUser } from "@gugus/db";
import { DEFAULT_EVALUATION_SETTINGS, EVALUATION_PARTS, isSmallCount, isSuppressed } from "@gugus/domain";
import type { PublishedCount, Role, SubTaskForceCode } from "@gugus/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { createReadCache } from "@gugus/db";
import { createMemoryCookieJar, sessionCookieName } from "./auth/cookies.ts";
import { createContextInner } from "./context.ts";
import { createCaller } from "./root.ts";
import { FIXED_NOW, callerSignedInAt, failureOf, fixtureFactory } from "./test-helpers.ts";
import type { Fixture } from "./test-helpers.ts";

const factory = await fixtureFactory();

const YEAR = 2025;
const OPEN = new Date("2026-01-15T03:00:00Z");
/** After the due date (31 January, local time) and before entry closes: a late submission. */
const LATE = new Date("2026-02-15T03:00:00Z");

type Caller = ReturnType<Fixture["callerAs"]>;
type Content = Parameters<Caller["reports"]["save"]>[0]["content"];

/** The weights of period IV (the defaults: no row yet). */
const W = DEFAULT_EVALUATION_SETTINGS.weights; // readiness 0.2, commitment 0.25, delivery 0.4, discipline 0.15

let fx: Fixture;
const tfId = (code: string | null) => findTaskForceByRegion(fx.handle.db, code, "2026-01-15")!.id;
let accounts = 0;
/** A new account at a task force, signed in afresh at an instant. */
function account(code: string | null, role: Role = "regional_admin") {
  const taskForceId = tfId(code);
  const id = insertUser(fx.handle.db, {
    email: `eval-${++accounts}@gugus.test`,
    name: `Penilai ${accounts}`,
    position: "Staf",
    taskForceId,
    role,
    passwordHash: "not-used",
    mustChangePassword: false,
    passwordExpiresAt: null,
    now: FIXED_NOW.getTime(),
  })!;
  const callers = new Map<number, ReturnType<typeof callerSignedInAt>>();
  return (now: Date = OPEN) => {
    if (!callers.has(now.getTime())) callers.set(now.getTime(), callerSignedInAt(fx.handle, id, now));
    return callers.get(now.getTime())!;
  };
}

const central = () => fx.callerAs("centralAdmin");
const item = (code: string, subTaskForce: string, level: "regency" | "province", targetMode: "per_year" | "cumulative", target: number, later?: number) => ({
  subTaskForce,
  code,
  programme: "Program uji",
  activity: "Kegiatan uji",
  indicator: "Jumlah kegiatan",
  unit: "count",
  baseline: null,
  targetMode,
  targets: later === undefined ? [{ year: YEAR, value: target }] : [{ year: YEAR, value: target }, { year: YEAR + 1, value: later }],
  leadAgency: "DP3A",
  relatedAgencies: [],
  level,
  followsItemId: null,
});
const ids: Record<string, number> = {};

async function coordinators(code: string, subTaskForces: SubTaskForceCode[]) {
  for (const subTaskForce of subTaskForces)
    await central().profile.createMembership({
      taskForceId: tfId(code),
      membership: { position: "coordinator", subTaskForce, office: `Kepala Dinas ${subTaskForce}`, agency: "Pemda", stakeholderType: "pemda_opd", validFrom: "2024-01-01" },
    });
}

/** Saves and submits a task force's report (2025 unless told) at an instant; returns the report's id and version. */
async function submit(by: ReturnType<typeof account>, code: string, content: Content, now: Date = OPEN, periodKey = String(YEAR)) {
  const saved = await by(now).reports.save({ taskForceId: tfId(code), periodKey, baseVersion: 0, content, acknowledged: [] });
  // Warnings (a figure far from last year's, say) are acknowledged, as a reporter would.
  const acknowledged = (await by(now).reports.get({ taskForceId: tfId(code), periodKey })).checks.warnings.map((w) => w.key);
  const submitted = await by(now).reports.submit({ taskForceId: tfId(code), periodKey, version: saved.version, acknowledged });
  return { reportId: saved.reportId, version: submitted.version };
}

const SIX: SubTaskForceCode[] = ["prevention", "health_rehab", "social_rehab", "legal_norms", "law_enforcement", "coordination"];

/** Builds the year: items, records, and the three reports. Returns a snapshot to test from. */
async function buildYear() {
  fx = factory.fresh();
  // Regency/city items of period IV with a 2025 target, and province items.
  // The cumulative item has a figure to reach by 2025 (12) and by 2026 (20).
  for (const [code, stf, level, mode, target, later] of [
    ["IV.1.1", "prevention", "regency", "per_year", 10, undefined],
    ["IV.5.1", "law_enforcement", "regency", "per_year", 4, undefined],
    ["IV.6.2", "coordination", "regency", "cumulative", 12, 20],
    ["IV.6.1", "coordination", "province", "per_year", 4, undefined],
    ["IV.2.1", "health_rehab", "province", "per_year", 10, undefined],
  ] as const) {
    await central().ran.createItem({ number: 4, item: item(code, stf, level, mode, target, later) as never });
  }
  for (const i of (await central().ran.period({ number: 4 })).items) ids[i.code] = i.id;

  // Records: Merauke's instrument (Bekasi and Jawa Barat have the fixture's, from 2016); coordinators.
  await central().profile.createInstrument({ taskForceId: tfId("93.01"), instrument: { type: "perbup", number: "7/2023", issuedOn: "2023-01-01", issuer: "Bupati Merauke" } });
  await coordinators("32.75", SIX); // all six
  await coordinators("93.01", SIX.slice(0, 3)); // three of six
  await coordinators("32", SIX.slice(0, 4)); // four of six

  // Kota Bekasi: on time, approved by its province.
  const bekasi = await submit(account("32.75"), "32.75", {
    realisations: [
      { actionItemId: ids["IV.1.1"]!, value: 8 },
      { actionItemId: ids["IV.5.1"]!, value: 6 },
      { actionItemId: ids["IV.6.2"]!, value: 9 },
    ],
    victims: { total: 12, women: 3, girls: 2, men: 5, boys: 2 },
    lawEnforcement: { casesReported: 4, suspects: 6, prosecutions: 3, convictions: 2 },
    coordination: { meetings: 6 },
    budget: { lines: [{ source: "APBD", allocated: 500_000_000, spent: 400_000_000 }], dedicatedLine: true, regionTotalBudget: 6_000_000_000_000 },
  });
  await fx.callerAs("provinceAdmin", { now: OPEN }).reports.approve({ reportId: bekasi.reportId, version: bekasi.version });

  // Kabupaten Merauke: late, not approved (provisional); one item not reported.
  await submit(
    account("93.01"),
    "93.01",
    {
      realisations: [
        { actionItemId: ids["IV.1.1"]!, value: 10 },
        { actionItemId: ids["IV.5.1"]!, value: 1 },
        { actionItemId: ids["IV.6.2"]!, value: null },
      ],
      victims: { total: 20, women: 8, girls: 4, men: 6, boys: 2 },
      coordination: { meetings: 2 },
      budget: { lines: [{ source: "APBD", allocated: 0, spent: 0 }], dedicatedLine: false, regionTotalBudget: null },
    },
    LATE,
  );

  // Provinsi Jawa Barat: on time, approved by a central admin; its dedicated line not reported.
  const jabar = await submit(account("32"), "32", {
    realisations: [
      { actionItemId: ids["IV.6.1"]!, value: 4 },
      { actionItemId: ids["IV.2.1"]!, value: 5 },
    ],
    victims: { total: 40, women: 15, girls: 10, men: 9, boys: 6 },
    coordination: { meetings: 4 },
    budget: { lines: [{ source: "APBD", allocated: 21_000_000_000, spent: 16_000_000_000 }], dedicatedLine: null, regionTotalBudget: 35_000_000_000_000 },
  });
  await central().reports.approve({ reportId: jabar.reportId, version: jabar.version });
}

const scorecard = (code: string, by: Caller = central()) => by.evaluation.scorecard({ taskForceId: tfId(code), year: YEAR });

beforeAll(buildYear, 60_000);

/** The sum of each part's contribution (weight × score) on a scorecard. */
const sumOfContributions = (card: Awaited<ReturnType<typeof scorecard>>) => EVALUATION_PARTS.reduce((s, p) => s + card.contributions[p].points, 0);

describe("three task forces scored by hand", () => {
  it("Kota Bekasi (32.75): every part and the total from its raw inputs", async () => {
    const card = await scorecard("32.75");
    // Readiness: instrument 25 + six coordinators 25 + dedicated line 25; no RAD adopted in Gugus (a known no, 0 of 25): 75 of 100 → 75.
    const readiness = (100 * (25 + 25 + 25 + 0)) / 100;
    // Commitment: Rp 0.5 bn of Rp 6,000 bn = 0.00833% of the budget, 0.0833 of the 0.1% that earns 40 → 3.33;
    // 400 of 500 spent → 0.8 × 30 = 24; 6 meetings (4 earn all) → 30. Of 100.
    const commitment = 40 * (500_000_000 / 6_000_000_000_000 / 0.001) + 30 * (400 / 500) + 30;
    // Delivery: 8 of 10 → 80; 6 of 4 → 100 (capped at the target); cumulative 9 of 12 → 75. The mean.
    const delivery = (80 + 100 + 75) / 3;
    // Discipline: submitted 40, on time 30, approved 30.
    const discipline = 100;
    const total = W.readiness * readiness + W.commitment * commitment + W.delivery * delivery + W.discipline * discipline;
    expect(card.score.parts.readiness.score).toBeCloseTo(readiness, 9);
    expect(card.score.parts.commitment.score).toBeCloseTo(commitment, 9);
    expect(card.score.parts.delivery.score).toBeCloseTo(delivery, 9);
    expect(card.score.parts.discipline.score).toBeCloseTo(discipline, 9);
    expect(total).toBeCloseTo(78.333, 3);
    expect(card.score.total).toBeCloseTo(total, 9);
    expect(card.score).toMatchObject({ rated: true, provisional: false, missing: [] });
    expect(sumOfContributions(card)).toBeCloseTo(card.score.total!, 9);
    expect(card.report).toEqual({ status: "approved", periodKey: "2025" });
    expect(card.rank).toMatchObject({ rank: 1, of: 2 });
  });

  it("Kabupaten Merauke (93.01): a late report not yet approved is scored, provisionally", async () => {
    const card = await scorecard("93.01");
    // Readiness: instrument 25 + 3 of 6 coordinators 12.5 + no dedicated line 0 + no RAD adopted 0: 37.5 of 100 → 37.5.
    const readiness = (100 * (25 + 12.5 + 0 + 0)) / 100;
    // Commitment: no region budget, Rp 0 allocated → 0 of 40; 0 of 0 spent → 0 of 30; 2 meetings → 15 of 30.
    const commitment = 0 + 0 + 30 * (2 / 4);
    // Delivery: 10 of 10 → 100; 1 of 4 → 25; the cumulative item not reported (missing, no input). The mean of two.
    const delivery = (100 + 25) / 2;
    // Discipline: submitted 40, late 0, not approved 0.
    const discipline = 40;
    const total = W.readiness * readiness + W.commitment * commitment + W.delivery * delivery + W.discipline * discipline;
    expect(total).toBeCloseTo(42.25, 9);
    expect(card.score.parts.readiness.score).toBeCloseTo(readiness, 9);
    expect(card.score.parts.commitment.score).toBeCloseTo(commitment, 9);
    expect(card.score.parts.delivery.score).toBeCloseTo(delivery, 9);
    expect(card.score.parts.discipline.score).toBeCloseTo(discipline, 9);
    expect(card.score.total).toBeCloseTo(total, 9);
    // 1 of 13 inputs missing (under 20%): rated; provisional, its report not yet approved.
    expect(card.score).toMatchObject({ rated: true, provisional: true, missing: ["delivery.IV.6.2"] });
    expect(sumOfContributions(card)).toBeCloseTo(card.score.total!, 9);
    expect(card.taskForce).toMatchObject({ regionCode: "93.01", provinceCode: "93", level: "regency" });
    expect(card.rank).toMatchObject({ rank: 2, of: 2 });
  });

  it("Provinsi Jawa Barat (32): its own items, four coordinators, its line not reported", async () => {
    const card = await scorecard("32");
    // Readiness: instrument 25 + 4 of 6 coordinators 16.67 + no RAD adopted 0; the dedicated line missing: 41.67 of 75 → 55.56.
    const readiness = (100 * (25 + 25 * (4 / 6) + 0)) / 75;
    // Commitment: Rp 21 bn of Rp 35,000 bn = 0.06%, 0.6 of 0.1% → 24; 16 of 21 spent → 22.86; 4 meetings → 30.
    const commitment = 40 * (21 / 35_000 / 0.001) + 30 * (16 / 21) + 30;
    // Delivery (province items): 4 of 4 → 100; 5 of 10 → 50.
    const delivery = (100 + 50) / 2;
    const discipline = 100;
    const total = W.readiness * readiness + W.commitment * commitment + W.delivery * delivery + W.discipline * discipline;
    expect(total).toBeCloseTo(75.325, 3);
    expect(card.score.parts.readiness.score).toBeCloseTo(readiness, 9);
    expect(card.score.parts.commitment.score).toBeCloseTo(commitment, 9);
    expect(card.score.parts.delivery.score).toBeCloseTo(delivery, 9);
    expect(card.score.total).toBeCloseTo(total, 9);
    // 1 of 12 inputs missing: rated.
    expect(card.score).toMatchObject({ rated: true, provisional: false, missing: ["readiness.dedicatedBudgetLine"] });
    expect(sumOfContributions(card)).toBeCloseTo(card.score.total!, 9);
    expect(card.rank).toMatchObject({ rank: 1, best: 1, worst: 1, of: 1 });
    // A province has no province median beside it.
    expect(card.province).toBeNull();
  });

  it("shows a regency its province's median only when enough are rated there (one is not)", async () => {
    const card = await scorecard("32.75");
    expect(card.province).toEqual({ median: null, q1: null, q3: null, rated: 1, hidden: "too_few" });
  });

  it("lists what would raise the total most, largest gain first", async () => {
    const card = await scorecard("93.01");
    expect(card.raise.length).toBeGreaterThan(0);
    expect(card.raise.length).toBeLessThanOrEqual(5);
    expect(card.raise.map((r) => r.gain)).toEqual([...card.raise.map((r) => r.gain)].sort((a, b) => b - a));
    // Its weakest item (1 of 4 → 25) in the heaviest part: filling it lifts delivery from 62.5 to 100, × 0.4 = 15 points.
    expect(card.raise[0]).toMatchObject({ part: "delivery", input: "IV.5.1" });
    expect(card.raise[0]!.gain).toBeCloseTo(W.delivery * (100 - 62.5), 9);
  });

  it("keeps a history of every begun year, a year without a report not rated", async () => {
    const card = await scorecard("32.75");
    const years = card.history.map((h) => h.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(card.history.find((h) => h.year === YEAR)!.total).toBeCloseTo(card.score.total!, 9);
    expect(card.history.find((h) => h.year === 2026)).toMatchObject({ total: null, rated: false });
  });
});

describe("a task force without a report", () => {
  it("is not rated (total null), never 0: discipline is a real 0, the parts its report feeds are missing", async () => {
    const card = await scorecard("32.16");
    expect(card.score.total).toBeNull();
    expect(card.score.rated).toBe(false);
    expect(card.score.parts.discipline.score).toBe(0);
    expect(card.score.parts.commitment.score).toBeNull();
    expect(card.rank).toBeNull();
    expect(card.report.status).toBeNull();
    const overview = await central().evaluation.overview({ year: YEAR });
    const karawang = overview.taskForces.find((t) => t.regionCode === "32.16")!;
    expect(karawang).toMatchObject({ total: null, rated: false, rank: null, status: null });
    expect(overview.distribution.reduce((s, b) => s + b.count, 0)).toBe(overview.coverage.rated);
  });
});

describe("changing a draft period's weights", () => {
  it("changes totals, not inputs; a stale version is a CONFLICT", async () => {
    const before = await scorecard("32.75");
    const periodId = findPeriodByNumber(fx.handle.db, 4)!.id;
    const even = { readiness: 0.25, commitment: 0.25, delivery: 0.25, discipline: 0.25 };
    expect(await central().evaluation.updateSettings({ periodId, version: null, settings: { ...DEFAULT_EVALUATION_SETTINGS, weights: even } })).toEqual({ version: 1 });
    const after = await scorecard("32.75");
    for (const part of EVALUATION_PARTS) expect(after.score.parts[part]).toEqual(before.score.parts[part]);
    const byHand = EVALUATION_PARTS.reduce((s, p) => s + 0.25 * before.score.parts[p].score!, 0);
    expect(after.score.total).toBeCloseTo(byHand, 9);
    expect(after.score.total).not.toBeCloseTo(before.score.total!, 3);
    expect(after.weights).toEqual(even);
    expect(sumOfContributions(after)).toBeCloseTo(after.score.total!, 9);
    // Someone else's change in between: the version read is stale.
    expect(await failureOf(central().evaluation.updateSettings({ periodId, version: null, settings: DEFAULT_EVALUATION_SETTINGS }))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(await failureOf(central().evaluation.updateSettings({ periodId, version: 7, settings: DEFAULT_EVALUATION_SETTINGS }))).toMatchObject({ code: "CONFLICT", messageKey: "STALE_VERSION" });
    expect(await central().evaluation.updateSettings({ periodId, version: 1, settings: DEFAULT_EVALUATION_SETTINGS })).toEqual({ version: 2 });
    expect((await scorecard("32.75")).score.total).toBeCloseTo(before.score.total!, 9);
    const read = await central().evaluation.settings({ periodId });
    expect(read).toMatchObject({ periodNumber: 4, version: 2, frozen: false, publishedYears: [] });
  });

  it("refuses weights that do not add up to 1, writing nothing", async () => {
    const periodId = findPeriodByNumber(fx.handle.db, 4)!.id;
    const before = (await central().evaluation.settings({ periodId })).version;
    const bad = { ...DEFAULT_EVALUATION_SETTINGS, weights: { readiness: 0.5, commitment: 0.5, delivery: 0.5, discipline: 0 } };
    expect(await failureOf(central().evaluation.updateSettings({ periodId, version: before, settings: bad }))).toMatchObject({ code: "BAD_REQUEST" });
    expect((await central().evaluation.settings({ periodId })).version).toBe(before);
  });
});

describe("publishing a year", () => {
  it("needs the year to have ended and to be in a period; happens once; freezes the period's settings", async () => {
    const periodId = findPeriodByNumber(fx.handle.db, 4)!.id;
    expect(await failureOf(central().evaluation.publish({ year: 2026 }))).toMatchObject({ code: "CONFLICT", messageKey: "EVALUATION_YEAR_NOT_ENDED" });
    expect(await failureOf(central().evaluation.publish({ year: 1990 }))).toMatchObject({ code: "NOT_FOUND", messageKey: "EVALUATION_YEAR_NOT_FOUND" });
    const published = await central().evaluation.publish({ year: YEAR });
    expect(published).toEqual({ year: YEAR, publishedAt: FIXED_NOW.toISOString() });
    expect(await failureOf(central().evaluation.publish({ year: YEAR }))).toMatchObject({ code: "CONFLICT", messageKey: "EVALUATION_ALREADY_PUBLISHED" });
    const settings = await central().evaluation.settings({ periodId });
    expect(settings).toMatchObject({ frozen: true, publishedYears: [YEAR] });
    expect(await failureOf(central().evaluation.updateSettings({ periodId, version: settings.version, settings: DEFAULT_EVALUATION_SETTINGS }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "EVALUATION_SETTINGS_FROZEN",
    });
    expect((await central().evaluation.settings({ periodId })).version).toBe(settings.version);
    const years = await central().evaluation.years({});
    expect(years.years.find((y) => y.year === YEAR)).toMatchObject({ ended: true, publishedAt: FIXED_NOW.toISOString(), periodNumber: 4 });
    expect(years.years.find((y) => y.year === 2026)).toMatchObject({ ended: false, publishedAt: null });
    expect((await scorecard("32.75")).publishedAt).toBe(FIXED_NOW.toISOString());
  });

  it("leaves a regional admin out: FORBIDDEN, nothing written", async () => {
    expect(await failureOf(fx.callerAs("provinceAdmin").evaluation.publish({ year: 2024 }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await central().evaluation.years({})).years.find((y) => y.year === 2024)!.publishedAt).toBeNull();
  });
});

/** Every row and column of a published count table: no 1–4 visible, and none with exactly one hidden figure beside a visible total. */
function expectSafe(counts: { rows: { cells: PublishedCount[]; total: PublishedCount }[]; columnTotals: PublishedCount[]; grandTotal: PublishedCount }) {
  const figures = [...counts.rows.flatMap((r) => [...r.cells, r.total]), ...counts.columnTotals, counts.grandTotal];
  for (const f of figures) if (typeof f === "number") expect(isSmallCount(f)).toBe(false);
  const lines = [
    ...counts.rows.map((r) => [...r.cells, r.total]),
    [...counts.columnTotals, counts.grandTotal],
    ...counts.columnTotals.map((t, c) => [...counts.rows.map((r) => r.cells[c]!), t]),
    [...counts.rows.map((r) => r.total), counts.grandTotal],
  ];
  // A line (cells and their total) with exactly one hidden figure would give it back by subtraction.
  for (const line of lines) expect(line.filter((f) => isSuppressed(f)).length).not.toBe(1);
}

describe("count tables", () => {
  it("national: one row per province, counts of submitted reports only, nothing 1–4 shown, nothing hidden recoverable", async () => {
    const overview = await central().evaluation.overview({ year: YEAR });
    expect(overview.counts.columns).toHaveLength(13);
    const jabar = overview.counts.rows.find((r) => r.key === "32")!;
    expect(jabar.label).toBe("Jawa Barat");
    // Jawa Barat's own 40 victims and Bekasi's 12: 52.
    expect(jabar.cells[0]).toBe(52);
    expect(overview.counts.rows.find((r) => r.key === "93")!.cells[0]).toBe(20);
    expectSafe(overview.counts);
    // Bekasi's 3 women and Merauke's 8 are not hidden one by one: Jawa Barat's 18 shows; small cells elsewhere are.
    const all = overview.counts.rows.flatMap((r) => r.cells);
    expect(all.some((c) => isSuppressed(c))).toBe(true);
  });

  it("a province's table: its own task force and its regencies/cities, suppressed the same way", async () => {
    const view = await fx.callerAs("provinceAdmin").evaluation.province({ taskForceId: tfId("32"), year: YEAR });
    const bekasi = view.counts.rows.find((r) => r.key === String(tfId("32.75")))!;
    expect(isSuppressed(bekasi.cells[1]!)).toBe(true); // 3 women
    expect(bekasi.cells[0]).toBe(12);
    expectSafe(view.counts);
  });
});

describe("overview", () => {
  it("covers the caller's subtree with national ranks, and says how many it covers", async () => {
    const overview = await central().evaluation.overview({ year: YEAR });
    expect(overview).toMatchObject({ year: YEAR, periodNumber: 4, asOf: FIXED_NOW.toISOString() });
    expect(overview.coverage).toMatchObject({ reported: 3, rated: 3, provisional: 1 });
    expect(overview.coverage.inForce).toBe(overview.taskForces.length);
    expect(overview.rate).toMatchObject({ submitted: 3, onTime: 2, approved: 2 });
    expect(overview.budget).toMatchObject({ reports: 3, allocated: 21_500_000_000, spent: 16_400_000_000, dedicatedLine: { yes: 1, no: 1 } });
    expect(overview.budget.bySource.find((s) => s.source === "APBD")).toEqual({ source: "APBD", allocated: 21_500_000_000, spent: 16_400_000_000 });
    expect(overview.parts.find((p) => p.part === "delivery")!.covered).toBe(3);
    const jabar = overview.provinces.find((p) => p.provinceCode === "32")!;
    expect(jabar.total).toBeCloseTo((await scorecard("32")).score.total!, 9);
    expect(jabar.regencies).toMatchObject({ rated: 1 });
  });

  it("a province sees its own subtree only, its regencies with their national rank bands", async () => {
    const overview = await fx.callerAs("provinceMember").evaluation.overview({ year: YEAR });
    expect(overview.taskForces.every((t) => t.provinceCode === "32")).toBe(true);
    expect(overview.taskForces.find((t) => t.regionCode === "32.75")!.rank).toMatchObject({ rank: 1, of: 2 });
    expect(overview.counts.rows.map((r) => r.key)).toEqual(["32"]);
  });
});

describe("province scope", () => {
  it("a province sees its regencies/cities only, by rank, and who has not reported", async () => {
    const view = await fx.callerAs("provinceAdmin").evaluation.province({ taskForceId: tfId("32"), year: YEAR });
    expect(view.province).toMatchObject({ regionCode: "32", level: "province" });
    expect(view.regencies.every((r) => r.provinceCode === "32" && r.level === "regency")).toBe(true);
    expect(view.regencies[0]).toMatchObject({ regionCode: "32.75", rank: { rank: 1 } });
    expect(view.notReported.map((t) => t.regionCode)).toContain("32.16");
    expect(view.notReported.map((t) => t.regionCode)).not.toContain("32.75");
    expect(view.spread).toMatchObject({ rated: 1 });
    expect(view.own.rank).toMatchObject({ rank: 1, of: 1 });
  });

  it("refuses another province as not found, and a regency as not a province", async () => {
    expect(await failureOf(fx.callerAs("provinceAdmin").evaluation.province({ taskForceId: tfId("33"), year: YEAR }))).toMatchObject({ code: "NOT_FOUND", messageKey: "TASK_FORCE_NOT_FOUND" });
    expect(await failureOf(fx.callerAs("provinceAdmin").evaluation.province({ taskForceId: tfId("32.75"), year: YEAR }))).toMatchObject({ code: "BAD_REQUEST", messageKey: "TASK_FORCE_NOT_PROVINCE" });
  });

  it("a regency cannot ask another task force's scorecard: not found", async () => {
    const regency = fx.callerAs("regencyAdmin");
    expect((await scorecard("32.75", regency)).taskForce.regionCode).toBe("32.75");
    expect(await failureOf(scorecard("32.16", regency))).toMatchObject({ code: "NOT_FOUND", messageKey: "TASK_FORCE_NOT_FOUND" });
    expect(await failureOf(scorecard("93.01", regency))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failureOf(scorecard("32", regency))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("a year outside every begun period is EVALUATION_YEAR_NOT_FOUND", async () => {
    expect(await failureOf(central().evaluation.overview({ year: 2040 }))).toMatchObject({ code: "NOT_FOUND", messageKey: "EVALUATION_YEAR_NOT_FOUND" });
  });
});

describe("trends", () => {
  it("lists every begun year oldest first, 2025 with its three rated", async () => {
    const trends = await central().evaluation.trends({});
    const years = trends.years.map((y) => y.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(trends.years.find((y) => y.year === YEAR)).toMatchObject({ rated: 3, periodNumber: 4, allocated: 21_500_000_000 });
    const regency = await fx.callerAs("regencyMember").evaluation.trends({});
    expect(regency.years.find((y) => y.year === YEAR)).toMatchObject({ rated: 1, notRated: 0 });
  });
});

describe("the read cache", () => {
  it("never answers older than the rows: a report submitted between two calls sharing one cache shows in the second", async () => {
    const cache = createReadCache(fx.handle.sqlite);
    const shared = () =>
      createCaller(() =>
        createContextInner({ db: fx.handle.db, sqlite: fx.handle.sqlite, cache, now: () => FIXED_NOW, cookies: createMemoryCookieJar({ [sessionCookieName(false)]: fx.tokens.centralAdmin }) }),
      );
    const before = await shared().evaluation.overview({ year: YEAR });
    expect(await shared().evaluation.overview({ year: YEAR })).toEqual({ ...before, asOf: before.asOf });
    await submit(account("32.16"), "32.16", { coordination: { meetings: 1 } });
    const after = await shared().evaluation.overview({ year: YEAR });
    expect(after.coverage.reported).toBe(before.coverage.reported + 1);
    expect(after.taskForces.find((t) => t.regionCode === "32.16")!.status).toBe("submitted");
  });
});

describe("a cumulative item the next year", () => {
  it("adds the earlier years' realisations of the same period: 9 in 2025 and 6 in 2026 reach 15 of the 20 due by 2026", async () => {
    // 2026 has not ended: it is evaluated as of today, the report submitted before its due date.
    await submit(account("32.75"), "32.75", { realisations: [{ actionItemId: ids["IV.6.2"]!, value: 6 }], coordination: { meetings: 1 } }, FIXED_NOW, "2026");
    const card = await central().evaluation.scorecard({ taskForceId: tfId("32.75"), year: 2026 });
    // The only item with a 2026 target: (9 + 6) / 20 = 0.75 → 75 (6 / 20 alone would be 30).
    expect(card.score.parts.delivery.score).toBeCloseTo(75, 9);
    expect(card.score.parts.delivery.inputs).toEqual([expect.objectContaining({ name: "IV.6.2", value: 0.75, missing: false })]);
    expect(card.report.status).toBe("submitted");
  });
});
