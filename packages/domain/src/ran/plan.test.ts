import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TIME_ZONES } from "../regions/time-zones.ts";
import { deadlinesIn, endOfLocalDay, isEntryOpen, reportingPeriods } from "./calendar.ts";
import { readActionItemTable, readFigure, itemTableHeader, itemTableRow } from "./import.ts";
import { PeriodAdoptionSchema, PeriodDraftSchema, periodOf, yearsLeftOut } from "./periods.ts";
import { LEVELS } from "../hierarchy/levels.ts";
import { SUB_TASK_FORCE_CODES } from "../sub-task-forces.ts";
import { ActionItemSchema, achievementForYear, achievementRatio, checkActionItem, mayFollow, targetForYear, targetToDate } from "./plan.ts";
import { REFERENCE_RAN_PERIODS } from "./reference.ts";
import { DEFAULT_REPORTING_SETTINGS, ReportingSettingsSchema } from "./settings.ts";
import { PeriodCoordinatorsSchema } from "./coordinators.ts";

const periodII = REFERENCE_RAN_PERIODS[1]!;

describe("the reporting calendar", () => {
  it("gives period II five yearly reports, each due on 31 January and closing 60 days later", () => {
    const rps = reportingPeriods(periodII, DEFAULT_REPORTING_SETTINGS);
    expect(rps.map((r) => [r.key, r.dueDate, r.closesOn])).toEqual([
      ["2015", "2016-01-31", "2016-03-31"],
      ["2016", "2017-01-31", "2017-04-01"],
      ["2017", "2018-01-31", "2018-04-01"],
      ["2018", "2019-01-31", "2019-04-01"],
      ["2019", "2020-01-31", "2020-03-31"],
    ]);
  });

  it("puts period II's due instants at local midnight: WIB 17:00Z, WITA 16:00Z, WIT 15:00Z on the due date", () => {
    const dues = reportingPeriods(periodII, DEFAULT_REPORTING_SETTINGS).map((rp) => ({
      wib: deadlinesIn(rp, TIME_ZONES.WIB).dueAt.toISOString(),
      wita: deadlinesIn(rp, TIME_ZONES.WITA).dueAt.toISOString(),
      wit: deadlinesIn(rp, TIME_ZONES.WIT).dueAt.toISOString(),
    }));
    expect(dues).toEqual([
      { wib: "2016-01-31T17:00:00.000Z", wita: "2016-01-31T16:00:00.000Z", wit: "2016-01-31T15:00:00.000Z" },
      { wib: "2017-01-31T17:00:00.000Z", wita: "2017-01-31T16:00:00.000Z", wit: "2017-01-31T15:00:00.000Z" },
      { wib: "2018-01-31T17:00:00.000Z", wita: "2018-01-31T16:00:00.000Z", wit: "2018-01-31T15:00:00.000Z" },
      { wib: "2019-01-31T17:00:00.000Z", wita: "2019-01-31T16:00:00.000Z", wit: "2019-01-31T15:00:00.000Z" },
      { wib: "2020-01-31T17:00:00.000Z", wita: "2020-01-31T16:00:00.000Z", wit: "2020-01-31T15:00:00.000Z" },
    ]);
  });

  it("at 15:30Z on a due date, entry is still open in WIB but already past the due hour in WIT", () => {
    const rp = reportingPeriods(periodII, { ...DEFAULT_REPORTING_SETTINGS, expiryDays: 0 })[3]!;
    const instant = new Date("2019-01-31T15:30:00Z");
    expect(isEntryOpen(rp, TIME_ZONES.WIB, instant)).toBe(true);
    expect(isEntryOpen(rp, TIME_ZONES.WIT, instant)).toBe(false);
  });

  it("closes entry at the exact instant its closing day ends, not a millisecond later", () => {
    const rp = reportingPeriods(periodII, { ...DEFAULT_REPORTING_SETTINGS, expiryDays: 0 })[3]!; // 2018, closes 2019-01-31
    expect(isEntryOpen(rp, TIME_ZONES.WIB, new Date("2019-01-31T16:59:59.999Z"))).toBe(true);
    expect(isEntryOpen(rp, TIME_ZONES.WIB, new Date("2019-01-31T17:00:00.000Z"))).toBe(false);
    expect(deadlinesIn(rp, TIME_ZONES.WIB).closesAt.toISOString()).toBe("2019-01-31T17:00:00.000Z");
  });

  it("keeps entry open past the due date until the closing day ends, expiry days later", () => {
    const rp = reportingPeriods(periodII, DEFAULT_REPORTING_SETTINGS)[3]!; // 2018: due 2019-01-31, closes 2019-04-01
    expect(deadlinesIn(rp, TIME_ZONES.WIT)).toEqual({ dueAt: new Date("2019-01-31T15:00:00.000Z"), closesAt: new Date("2019-04-01T15:00:00.000Z") });
    expect(isEntryOpen(rp, TIME_ZONES.WIT, new Date("2019-02-15T00:00:00Z"))).toBe(true);
    expect(isEntryOpen(rp, TIME_ZONES.WIT, new Date("2019-04-01T14:59:59.999Z"))).toBe(true);
    expect(isEntryOpen(rp, TIME_ZONES.WIT, new Date("2019-04-01T15:00:00.000Z"))).toBe(false);
  });

  it("opens entry when the reporting year begins at local midnight, not years ahead", () => {
    const rp = reportingPeriods(periodII, DEFAULT_REPORTING_SETTINGS)[3]!; // 2018
    expect(isEntryOpen(rp, TIME_ZONES.WIT, new Date("2010-06-01T00:00:00Z"))).toBe(false);
    expect(isEntryOpen(rp, TIME_ZONES.WIT, new Date("2017-12-31T14:59:59Z"))).toBe(false); // 23:59:59 WIT
    expect(isEntryOpen(rp, TIME_ZONES.WIT, new Date("2017-12-31T15:00:00Z"))).toBe(true); // 00:00 WIT, 1 Jan
    expect(isEntryOpen(rp, TIME_ZONES.WIB, new Date("2017-12-31T15:00:00Z"))).toBe(false); // still 22:00 WIB
  });

  it("crosses a leap day: due 29 days after 31 Jan 2024 is 29 Feb 2024; the day after a leap day ends at 1 Mar local", () => {
    const [rp] = reportingPeriods({ firstYear: 2023, lastYear: 2023 }, { reportingCycle: "annual", dueDays: 60, expiryDays: 0 });
    expect(rp!.dueDate).toBe("2024-02-29");
    expect(endOfLocalDay("2024-02-29", TIME_ZONES.WIB).toISOString()).toBe("2024-02-29T17:00:00.000Z");
    expect(endOfLocalDay("2024-02-28", TIME_ZONES.WIT).toISOString()).toBe("2024-02-28T15:00:00.000Z");
  });

  it("gives a six-year period (I, 2009–2014) six yearly reports, twelve by semester", () => {
    const periodI = REFERENCE_RAN_PERIODS[0]!;
    expect(reportingPeriods(periodI, DEFAULT_REPORTING_SETTINGS)).toHaveLength(6);
    const halves = reportingPeriods(periodI, { ...DEFAULT_REPORTING_SETTINGS, reportingCycle: "semester" });
    expect(halves).toHaveLength(12);
    expect(halves.slice(0, 2).map((h) => [h.key, h.start, h.end, h.dueDate])).toEqual([
      ["2009-S1", "2009-01-01", "2009-06-30", "2009-07-31"],
      ["2009-S2", "2009-07-01", "2009-12-31", "2010-01-31"],
    ]);
  });

  it("has no reporting period in a gap between periods", () => {
    const withGap = [{ number: 1, firstYear: 2009, lastYear: 2014 }, { number: 2, firstYear: 2017, lastYear: 2019 }];
    expect(periodOf(withGap, 2015)).toBeUndefined();
    expect(reportingPeriods(withGap[1]!, DEFAULT_REPORTING_SETTINGS).map((r) => r.year)).toEqual([2017, 2018, 2019]);
  });

  it("property: every due instant is the due date's local midnight, 7/8/9 hours before UTC midnight", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 0, max: 366 }), fc.constantFrom(TIME_ZONES.WIB, TIME_ZONES.WITA, TIME_ZONES.WIT), (year, dueDays, zone) => {
        const [rp] = reportingPeriods({ firstYear: year, lastYear: year }, { reportingCycle: "annual", dueDays, expiryDays: 0 });
        const due = deadlinesIn(rp!, zone).dueAt;
        const nextUtcMidnight = Date.parse(`${rp!.dueDate}T00:00:00Z`) + 86_400_000;
        return nextUtcMidnight - due.getTime() === zone.utcOffsetHours * 3_600_000;
      }),
    );
  });

  it("takes each sub-task-force's coordinator once, and refuses one named twice with COORDINATOR_REPEATED", () => {
    expect(PeriodCoordinatorsSchema.safeParse([{ subTaskForce: "prevention", agency: "KemenPPPA" }, { subTaskForce: "law_enforcement", agency: "Polri" }]).success).toBe(true);
    expect(PeriodCoordinatorsSchema.safeParse([{ subTaskForce: "prevention", agency: "KemenPPPA" }, { subTaskForce: "prevention", agency: "Kemendikdasmen" }]).error?.issues.map((i) => i.message)).toEqual(["COORDINATOR_REPEATED"]);
  });

  it("refuses settings out of range", () => {
    expect(ReportingSettingsSchema.safeParse({ reportingCycle: "monthly", dueDays: 31, expiryDays: 60 }).error?.issues[0]?.message).toBe("REPORTING_CYCLE_INVALID");
    expect(ReportingSettingsSchema.safeParse({ reportingCycle: "annual", dueDays: -1, expiryDays: 60 }).error?.issues[0]?.message).toBe("DUE_DAYS_INVALID");
  });
});

describe("target arithmetic", () => {
  const perYear = { targetMode: "per_year" as const, targets: [{ year: 2015, value: 10 }, { year: 2016, value: 20 }, { year: 2017, value: 30 }] };
  const cumulative = { targetMode: "cumulative" as const, targets: [{ year: 2015, value: 10 }, { year: 2016, value: 25 }, { year: 2017, value: 45 }] };

  it("per-year: the year's target is its own figure; the total to date is the sum", () => {
    expect(targetForYear(perYear, 2016)).toBe(20);
    expect(targetToDate(perYear, 2016)).toBe(30);
  });

  it("cumulative: the year's target is the rise over the year before; the total to date is the figure", () => {
    expect(targetForYear(cumulative, 2015)).toBe(10);
    expect(targetForYear(cumulative, 2016)).toBe(15);
    expect(targetToDate(cumulative, 2016)).toBe(25);
  });

  it("has no target for a year without one, nor before the first", () => {
    expect(targetForYear(perYear, 2019)).toBeNull();
    expect(targetToDate(perYear, 2014)).toBeNull();
  });

  it("measures achievement without capping it, and not against a zero target", () => {
    expect(achievementRatio(20, 25)).toBe(1.25);
    expect(achievementRatio(0, 5)).toBeNull();
    expect(achievementRatio(null, 5)).toBeNull();
  });

  it("adds realisation up for a cumulative indicator, year by year for a per-year one", () => {
    const realised = [{ year: 2015, value: 12 }, { year: 2016, value: 8 }];
    expect(achievementForYear(perYear, 2016, realised)).toBe(0.4);
    expect(achievementForYear(cumulative, 2016, realised)).toBe(20 / 25);
    expect(achievementForYear(perYear, 2017, realised)).toBeNull();
  });

  it("adds up a cumulative indicator's realisations to the year only, never a later year's", () => {
    const realised = [{ year: 2017, value: 100 }, { year: 2015, value: 12 }, { year: 2016, value: 8 }];
    expect(achievementForYear(cumulative, 2016, realised)).toBe(20 / 25);
    expect(achievementForYear(cumulative, 2015, realised)).toBe(12 / 10);
  });

  it("measures a per-year indicator against the year's own realisation, not an earlier one's", () => {
    const realised = [{ year: 2015, value: 5 }, { year: 2016, value: 10 }];
    expect(achievementForYear(perYear, 2016, realised)).toBe(10 / 20);
    expect(achievementForYear(perYear, 2015, realised)).toBe(5 / 10);
  });

  it("is null, in both modes, for a year without its own target or without a realisation reported (unknown, not zero)", () => {
    const targets = [{ year: 2030, value: 10 }, { year: 2031, value: 25 }, { year: 2033, value: 40 }];
    for (const targetMode of ["per_year", "cumulative"] as const) {
      const item = { targetMode, targets } as const;
      expect(achievementForYear(item, 2032, [{ year: 2032, value: 5 }]), `${targetMode}: no target in 2032`).toBeNull();
      expect(achievementForYear(item, 2031, [{ year: 2030, value: 12 }]), `${targetMode}: no 2031 report`).toBeNull();
    }
  });

  it("property: for per-year targets, the sum of yearly targets equals the total to date", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 6 }), (values) => {
        const item = { targetMode: "per_year" as const, targets: values.map((value, i) => ({ year: 2020 + i, value })) };
        const last = 2020 + values.length - 1;
        return targetToDate(item, last) === values.reduce((s, v) => s + v, 0);
      }),
    );
  });

  it("property: for cumulative targets, the yearly rises add back up to the figure", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 6 }), (rises) => {
        let total = 0;
        const item = { targetMode: "cumulative" as const, targets: rises.map((r, i) => ({ year: 2020 + i, value: (total += r) })) };
        const sum = item.targets.reduce((s, t) => s + (targetForYear(item, t.year) ?? 0), 0);
        return sum === total;
      }),
    );
  });
});

describe("action items", () => {
  const item = {
    subTaskForce: "prevention",
    code: "I.1.1",
    programme: "Pencegahan berbasis masyarakat",
    activity: "Pembentukan komunitas peduli TPPO di desa",
    indicator: "Jumlah desa dengan komunitas peduli TPPO",
    unit: "regions",
    baseline: 20,
    targetMode: "cumulative",
    targets: [{ year: 2030, value: 30 }, { year: 2031, value: 45 }],
    leadAgency: "KemenPPPA",
    level: "regency",
  };
  const period = { firstYear: 2030, lastYear: 2034 };

  it("accepts a clean item", () => {
    const parsed = ActionItemSchema.parse(item);
    expect(checkActionItem(parsed, period)).toEqual([]);
  });

  it("refuses a target for a year outside the period, a repeated year, and a negative count", () => {
    const parsed = ActionItemSchema.parse({ ...item, targetMode: "per_year", targets: [{ year: 2029, value: 1 }, { year: 2031, value: 2 }, { year: 2031, value: -3 }] });
    expect(checkActionItem(parsed, period).map((p) => `${p.path}:${p.code}`)).toEqual(["targets.0.year:TARGET_YEAR_OUTSIDE_PERIOD", "targets.2.year:TARGET_YEAR_REPEATED", "targets.2.value:TARGET_NEGATIVE"]);
  });

  it("takes a zero count and exactly 100 percent, both edges of their rules", () => {
    const base = ActionItemSchema.parse({ ...item, targetMode: "per_year", baseline: 0, targets: [] });
    expect(checkActionItem({ ...base, unit: "count", targets: [{ year: 2030, value: 0 }] }, period)).toEqual([]);
    expect(checkActionItem({ ...base, unit: "percent", targets: [{ year: 2030, value: 100 }] }, period)).toEqual([]);
    expect(checkActionItem({ ...base, unit: "percent", targets: [{ year: 2030, value: 100.5 }] }, period)).toEqual([{ path: "targets.0.value", code: "TARGET_PERCENT_OVER_100" }]);
  });

  it("refuses a target after the period as well as before it, and takes its first and last year", () => {
    const base = ActionItemSchema.parse({ ...item, targetMode: "per_year", targets: [] });
    expect(checkActionItem({ ...base, targets: [{ year: 2035, value: 1 }] }, period)).toEqual([{ path: "targets.0.year", code: "TARGET_YEAR_OUTSIDE_PERIOD" }]);
    expect(checkActionItem({ ...base, targets: [{ year: 2030, value: 1 }, { year: 2034, value: 1 }] }, period)).toEqual([]);
  });

  it("checks cumulative targets in year order whatever their order, naming the one that goes down", () => {
    const base = ActionItemSchema.parse({ ...item, targets: [] });
    expect(checkActionItem({ ...base, targets: [{ year: 2032, value: 60 }, { year: 2030, value: 30 }, { year: 2031, value: 45 }] }, period)).toEqual([]);
    expect(checkActionItem({ ...base, targets: [{ year: 2031, value: 25 }, { year: 2030, value: 30 }] }, period)).toEqual([{ path: "targets.0.value", code: "TARGET_CUMULATIVE_DECREASES" }]);
  });

  it("lets cumulative targets stay level from one year to the next", () => {
    const base = ActionItemSchema.parse({ ...item, targets: [] });
    expect(checkActionItem({ ...base, targets: [{ year: 2030, value: 30 }, { year: 2031, value: 30 }] }, period)).toEqual([]);
  });

  it("lets a change in percent go negative, but not a percentage above 100", () => {
    expect(checkActionItem(ActionItemSchema.parse({ ...item, unit: "change_percent", targetMode: "per_year", targets: [{ year: 2030, value: -10 }] }), period)).toEqual([]);
    expect(checkActionItem(ActionItemSchema.parse({ ...item, unit: "percent", targets: [{ year: 2030, value: 120 }] }), period)[0]?.code).toBe("TARGET_PERCENT_OVER_100");
  });

  it("refuses fractions of whole things (people, documents) but takes them in percent and rupiah; a percent baseline above 100", () => {
    const base = ActionItemSchema.parse({ ...item, targetMode: "per_year", baseline: null, targets: [] });
    expect(checkActionItem({ ...base, unit: "people", targets: [{ year: 2030, value: 2.5 }] }, period)).toEqual([{ path: "targets.0.value", code: "TARGET_NOT_WHOLE" }]);
    expect(checkActionItem({ ...base, unit: "documents", baseline: 0.5 }, period)).toEqual([{ path: "baseline", code: "TARGET_NOT_WHOLE" }]);
    expect(checkActionItem({ ...base, unit: "percent", targets: [{ year: 2030, value: 62.5 }] }, period)).toEqual([]);
    expect(checkActionItem({ ...base, unit: "rupiah", targets: [{ year: 2030, value: 1500.5 }] }, period)).toEqual([]);
    expect(checkActionItem({ ...base, unit: "percent", baseline: 120 }, period)).toEqual([{ path: "baseline", code: "TARGET_PERCENT_OVER_100" }]);
  });

  it("refuses cumulative targets that go down", () => {
    expect(checkActionItem(ActionItemSchema.parse({ ...item, targets: [{ year: 2030, value: 30 }, { year: 2031, value: 25 }] }), period)[0]?.code).toBe("TARGET_CUMULATIVE_DECREASES");
  });

  it("refuses a malformed code, an unknown unit and an unknown level", () => {
    const msg = (v: unknown) => ActionItemSchema.safeParse(v).error?.issues.map((i) => i.message);
    expect(msg({ ...item, code: "I 1" })).toEqual(["ITEM_CODE_INVALID"]);
    expect(msg({ ...item, unit: "liters" })).toEqual(["UNIT_INVALID"]);
    expect(ActionItemSchema.safeParse({ ...item, level: "village" }).success).toBe(false);
  });

  it("refuses an NIK or a phone number in its free text, related agencies included", () => {
    const msg = (v: unknown) => ActionItemSchema.safeParse(v).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(msg({ ...item, activity: "Pendampingan korban NIK 3275014501990001" })).toEqual([["activity", "PERSONAL_DATA_IN_TEXT"]]);
    expect(msg({ ...item, relatedAgencies: ["Dinsos", "LSM (HP 081234567890)"] })).toEqual([["relatedAgencies.1", "PERSONAL_DATA_IN_TEXT"]]);
  });
});

describe("period changes", () => {
  it("refuse leaving out years that have targets, and inverted years", () => {
    expect(yearsLeftOut({ firstYear: 2031, lastYear: 2034 }, [2030, 2031, 2030])).toEqual([2030]);
    expect(yearsLeftOut({ firstYear: 2030, lastYear: 2035 }, [2030, 2034])).toEqual([]);
    expect(PeriodDraftSchema.safeParse({ number: 5, firstYear: 2034, lastYear: 2030 }).error?.issues[0]?.message).toBe("PERIOD_YEARS_INVERTED");
  });

  it("refuse a period longer than ten years, a missing number, and adoption without a date", () => {
    expect(PeriodDraftSchema.safeParse({ number: 5, firstYear: 2030, lastYear: 2039 }).success).toBe(true);
    expect(PeriodDraftSchema.safeParse({ number: 5, firstYear: 2030, lastYear: 2040 }).error?.issues[0]).toMatchObject({ path: ["lastYear"], message: "PERIOD_TOO_LONG" });
    expect(PeriodDraftSchema.safeParse({ number: "", firstYear: 2030, lastYear: 2034 }).error?.issues[0]?.message).toBe("PERIOD_NUMBER_INVALID");
    expect(PeriodAdoptionSchema.safeParse({ instrument: "Perpres 1/2031", adoptedOn: "" }).error?.issues.map((i) => i.message)).toEqual(["DATE_REQUIRED"]);
    expect(PeriodAdoptionSchema.safeParse({ instrument: "Perpres 1/2031", adoptedOn: "2031-02-30" }).error?.issues.map((i) => i.message)).toEqual(["DATE_INVALID"]);
  });
});

describe("the action-item matrix", () => {
  const period = { firstYear: 2030, lastYear: 2034 };
  const header = ["Kode", "Sub Gugus Tugas", "Program", "Kegiatan", "Indikator", "Satuan", "Baseline", "Mode Target", "target_2030", "2031", "Penanggung Jawab", "Instansi Terkait", "Tingkat"];

  it("reads words people write: numerals, Indonesian levels and units, decimal commas", () => {
    const { columns, rows } = readActionItemTable([header, ["I.1", "I", "Pencegahan", "Sosialisasi di sekolah", "Anggaran sosialisasi", "rupiah", "1.500,5", "per tahun", "10", "12", "Kemendikdasmen", "KemenPPPA; Kemenag", "Kabupaten/Kota"]], period);
    expect(columns).toEqual([]);
    expect(rows[0]).toMatchObject({
      row: 2,
      problems: [],
      item: { subTaskForce: "prevention", unit: "rupiah", baseline: 1500.5, targetMode: "per_year", level: "regency", relatedAgencies: ["KemenPPPA", "Kemenag"], targets: [{ year: 2030, value: 10 }, { year: 2031, value: 12 }] },
    });
  });

  it("stops at a wrong column, naming it: unknown, missing, or a year outside the period", () => {
    expect(readActionItemTable([[...header, "warna"]], period).columns).toEqual([{ column: "warna", code: "IMPORT_COLUMN_UNKNOWN" }]);
    expect(readActionItemTable([header.filter((h) => h !== "Indikator")], period).columns).toEqual([{ column: "indikator", code: "IMPORT_COLUMN_MISSING" }]);
    expect(readActionItemTable([[...header, "target_2035"]], period).columns).toEqual([{ column: "target_2035", code: "TARGET_YEAR_OUTSIDE_PERIOD" }]);
  });

  it("reports each bad row by field, and a code repeated in the file", () => {
    const good = ["I.1", "I", "Pencegahan", "Sosialisasi", "Jumlah sekolah", "jumlah", "", "per_tahun", "10", "12", "Kemendikdasmen", "", "provinsi"];
    const { rows } = readActionItemTable([header, good, ["I.2", "IX", ...good.slice(2, 8), "x", "-5", ...good.slice(10)], good], period);
    // Fields are named as the file's headers name them.
    expect(rows.map((r) => r.problems.map((p) => `${p.field}:${p.code}`))).toEqual([[], ["target_2030:TARGET_INVALID", "Sub Gugus Tugas:SUB_TASK_FORCE_INVALID"], ["Kode:ITEM_CODE_TAKEN"]]);
    expect(rows.map((r) => r.item === null)).toEqual([false, true, true]);
  });

  it("follows items in the file or already in the period, only upward within a sub-task-force; refuses an unknown or sideways one and a code the period has", () => {
    const h = [...header, "Mengikuti"];
    const row = (code: string, level: string, follows: string, stf = "I") => [code, stf, "Pencegahan", "Sosialisasi", "Jumlah sekolah", "jumlah", "", "per_tahun", "10", "12", "Kemendikdasmen", "", level, follows];
    const existing = [{ code: "N.1", level: "national" as const, subTaskForce: "prevention" as const }];
    const { rows } = readActionItemTable(
      [h, row("P.1", "provinsi", "n.1"), row("K.1", "kabupaten/kota", "P.1"), row("K.2", "kabupaten/kota", "K.1"), row("K.3", "kabupaten/kota", "X.9"), row("K.4", "kabupaten/kota", "N.1", "II"), row("N.1", "pusat", "")],
      period,
      existing,
    );
    expect(rows.map((r) => [r.code, r.follows, r.problems.map((p) => `${p.field}:${p.code}`)])).toEqual([
      ["P.1", "n.1", []],
      ["K.1", "P.1", []],
      ["K.2", "K.1", ["Mengikuti:ITEM_FOLLOWS_INVALID"]],
      ["K.3", "X.9", ["Mengikuti:ITEM_FOLLOWS_INVALID"]],
      ["K.4", "N.1", ["Mengikuti:ITEM_FOLLOWS_INVALID"]],
      ["N.1", null, ["Kode:ITEM_CODE_TAKEN"]],
    ]);
  });

  it("may follow only upward: property over every pair of levels and sub-task-forces", () => {
    fc.assert(
      fc.property(fc.constantFrom(...LEVELS), fc.constantFrom(...LEVELS), fc.constantFrom(...SUB_TASK_FORCE_CODES), fc.constantFrom(...SUB_TASK_FORCE_CODES), (a, b, s, t) => {
        expect(mayFollow({ level: a, subTaskForce: s }, { level: b, subTaskForce: t })).toBe(s === t && LEVELS.indexOf(b) < LEVELS.indexOf(a));
        if (mayFollow({ level: a, subTaskForce: s }, { level: b, subTaskForce: t })) expect(mayFollow({ level: b, subTaskForce: t }, { level: a, subTaskForce: s })).toBe(false);
      }),
    );
  });

  it.each([
    ["1.500", 1500],
    ["1.500.000", 1_500_000],
    ["1.500,5", 1500.5],
    ["1,500,000", 1_500_000],
    ["1,500.5", 1500.5],
    ["1,5", 1.5],
    ["1.5", 1.5],
    ["0.500", 0.5], // a leading 0 is never a thousands group
    ["0,250", 0.25],
    ["-1.500", -1500],
    ["-12", -12],
    ["  40 ", 40],
    ["", null],
    ["-", null],
    ["1.50.0", "invalid"],
    [" 1 500 ", 1500],
    ["01.500", 1.5],
    ["01,500", 1.5],
    ["12.500", 12500],
    ["12,500", 12500],
    ["1.500,25", 1500.25],
    ["1,500.25", 1500.25],
    ["1.500.5", "invalid"],
    ["1,500,5", "invalid"],
    ["1e5", "invalid"],
    ["0x10", "invalid"],
    ["12e3", "invalid"],
    [`1${"0".repeat(400)}`, "invalid"],
    ["sepuluh", "invalid"],
  ])("reads the figure %j as %j (a dot before three digits separates thousands, as Indonesian writes)", (text, value) => {
    expect(readFigure(text)).toBe(value);
  });

  it("names a bad baseline as such, cuts a long header in the report, and refuses fractions of whole things", () => {
    const long = `kolom_${"x".repeat(500)}`;
    expect(readActionItemTable([[...header, long]], period).columns[0]?.column).toHaveLength(61);
    const row = ["I.1", "I", "Pencegahan", "Sosialisasi", "Jumlah orang", "orang", "sepuluh", "per tahun", "2,5", "3", "DP3A", "", "provinsi"];
    expect(readActionItemTable([header, row], period).rows[0]?.problems).toEqual([
      { field: "Baseline", code: "BASELINE_INVALID" },
      { field: "target_2030", code: "TARGET_NOT_WHOLE" },
    ]);
    const fraction = [...row.slice(0, 6), "", ...row.slice(7)];
    expect(readActionItemTable([header, fraction], period).rows[0]?.problems).toEqual([{ field: "target_2030", code: "TARGET_NOT_WHOLE" }]);
  });

  const good = ["I.1", "I", "Pencegahan", "Sosialisasi", "Jumlah sekolah", "jumlah", "", "per_tahun", "10", "12", "Kemendikdasmen", "", "provinsi"];
  const problemsOf = (table: string[][], existing: Parameters<typeof readActionItemTable>[2] = []) => readActionItemTable(table, period, existing).rows.map((r) => r.problems.map((p) => `${p.field}:${p.code}`));

  it("reads headers whatever their case, outer spaces, inner runs of spaces and dashes", () => {
    const messy = header.map((h) => (h === "Penanggung Jawab" ? "  penanggung  -  JAWAB " : h === "Mode Target" ? "Mode-Target" : h));
    const { columns, rows } = readActionItemTable([messy, good], period);
    expect(columns).toEqual([]);
    expect(rows[0]?.item).toMatchObject({ leadAgency: "Kemendikdasmen", targetMode: "per_year" });
  });

  it("takes a year column only when the whole header is the year, with or without target_", () => {
    expect(readActionItemTable([[...header, "xtarget_2032"]], period).columns).toEqual([{ column: "xtarget_2032", code: "IMPORT_COLUMN_UNKNOWN" }]);
    expect(readActionItemTable([[...header, "target_20321"]], period).columns).toEqual([{ column: "target_20321", code: "IMPORT_COLUMN_UNKNOWN" }]);
  });

  it("stops at a target column before the period too, and reports the header trimmed", () => {
    expect(readActionItemTable([[...header, " target_2029 "]], period).columns).toEqual([{ column: "target_2029", code: "TARGET_YEAR_OUTSIDE_PERIOD" }]);
    expect(readActionItemTable([[...header, " warna "]], period).columns).toEqual([{ column: "warna", code: "IMPORT_COLUMN_UNKNOWN" }]);
  });

  it("reads no row when a column is wrong, however many rows follow", () => {
    expect(readActionItemTable([[...header, "warna"], good, good], period).rows).toEqual([]);
  });

  it("says the code column is missing from an empty file", () => {
    expect(readActionItemTable([], period)).toEqual({ columns: [{ column: "kode", code: "IMPORT_COLUMN_MISSING" }], rows: [] });
  });

  it("ignores blank header cells and blank rows, keeping each row's line number in the file", () => {
    const { columns, rows } = readActionItemTable([[...header, "", "  "], good.map(() => " "), [...good.slice(0, 0), "I.2", ...good.slice(1)]], period);
    expect(columns).toEqual([]);
    expect(rows.map((r) => [r.row, r.code])).toEqual([[3, "I.2"]]);
  });

  it("keeps a report's header whole at 60 characters and cuts it at 61", () => {
    const sixty = `kolom_${"x".repeat(54)}`;
    expect(readActionItemTable([[...header, sixty]], period).columns[0]?.column).toBe(sixty);
    expect(readActionItemTable([[...header, `${sixty}y`]], period).columns[0]?.column).toBe(`${sixty}…`);
  });

  it("reads words whatever their case, outer spaces and the spaces around a slash", () => {
    const row = [...good.slice(0, 12), " KABUPATEN / KOTA "];
    expect(readActionItemTable([header, row], period).rows[0]?.item?.level).toBe("regency");
  });

  it("refuses an unknown unit, target mode and level each with its own code", () => {
    const row = [...good.slice(0, 5), "liter", "", "bulanan", ...good.slice(8, 12), "desa"];
    expect(problemsOf([header, row])).toEqual([["Satuan:UNIT_INVALID", "Mode Target:TARGET_MODE_INVALID", "Tingkat:LEVEL_INVALID"]]);
  });

  it("reads a short row's missing cells as empty: required fields are missing, absent targets are no targets", () => {
    expect(problemsOf([header, ["I.9", "I", "Pencegahan", "Sosialisasi", "Jumlah sekolah", "jumlah", "", "per_tahun"]])).toEqual([["Penanggung Jawab:FIELD_REQUIRED", "Tingkat:FIELD_REQUIRED"]]);
  });

  it("sorts the targets by year whatever the order of the year columns", () => {
    const reversed = [...header.slice(0, 8), "2031", "target_2030", ...header.slice(10)];
    expect(readActionItemTable([reversed, good], period).rows[0]?.item?.targets).toEqual([{ year: 2030, value: 12 }, { year: 2031, value: 10 }]);
  });

  it("splits related agencies on ; and new lines, trims them and drops what is shorter than two characters", () => {
    const row = [...good.slice(0, 11), " KemenPPPA ;\nBI; X;", good[12]!];
    expect(readActionItemTable([header, row], period).rows[0]?.item?.relatedAgencies).toEqual(["KemenPPPA", "BI"]);
  });

  it("names a zod refusal without a domain code VALIDATION_FAILED (more than 20 related agencies)", () => {
    const row = [...good.slice(0, 11), Array.from({ length: 21 }, (_, i) => `Instansi ${i + 1}`).join(";"), good[12]!];
    expect(problemsOf([header, row])).toEqual([["Instansi Terkait:VALIDATION_FAILED"]]);
  });

  it("names a rule broken by the baseline as the baseline, not as a target", () => {
    const row = [...good.slice(0, 5), "orang", "2,5", ...good.slice(7)];
    expect(problemsOf([header, row])).toEqual([["Baseline:TARGET_NOT_WHOLE"]]);
  });

  it("names a target problem by the file's own year header (2031)", () => {
    const row = [...good.slice(0, 9), "1,5", ...good.slice(10)];
    expect(problemsOf([header, row])).toEqual([["2031:TARGET_NOT_WHOLE"]]);
  });

  it("trims the followed code, and reads a blank one as following nothing", () => {
    const h = [...header, "Mengikuti"];
    const { rows } = readActionItemTable([h, [...good.slice(0, 12), "pusat", ""], ["K.1", ...good.slice(1, 12), "provinsi", " I.1 "], ["K.2", ...good.slice(1, 12), "provinsi", "   "]], period);
    expect(rows.map((r) => [r.code, r.follows, r.problems])).toEqual([
      ["I.1", null, []],
      ["K.1", "I.1", []],
      ["K.2", null, []],
    ]);
  });

  it("lets no row follow a refused row, and lets a later row take the code of a refused one", () => {
    const h = [...header, "Mengikuti"];
    const refused = [...good.slice(0, 8), "x", ...good.slice(9), ""];
    const follower = ["K.1", ...good.slice(1, 12), "kabupaten/kota", "I.1"];
    expect(problemsOf([h, refused, follower])).toEqual([["target_2030:TARGET_INVALID"], ["Mengikuti:ITEM_FOLLOWS_INVALID"]]);
    expect(problemsOf([h, refused, [...good, ""]])).toEqual([["target_2030:TARGET_INVALID"], []]);
  });

  it("writes the template header: the item columns around one target column per year", () => {
    expect(itemTableHeader({ firstYear: 2030, lastYear: 2031 })).toEqual(["kode", "sub_gugus_tugas", "program", "kegiatan", "indikator", "satuan", "baseline", "mode_target", "target_2030", "target_2031", "penanggung_jawab", "instansi_terkait", "tingkat", "mengikuti"]);
  });

  it("exports rows that import back to the same items", () => {
    const item = ActionItemSchema.parse({ subTaskForce: "law_enforcement", code: "V.2", programme: "Penegakan hukum", activity: "Pelatihan penyidik", indicator: "Jumlah penyidik terlatih", unit: "people", baseline: null, targetMode: "cumulative", targets: [{ year: 2030, value: 100 }, { year: 2034, value: 500 }], leadAgency: "Polri", relatedAgencies: ["Kejaksaan"], level: "national" });
    expect(itemTableRow({ ...item, relatedAgencies: ["Kejaksaan", "KemenPPPA"] }, period, "N.1")).toEqual(["V.2", "law_enforcement", "Penegakan hukum", "Pelatihan penyidik", "Jumlah penyidik terlatih", "people", null, "cumulative", 100, null, null, null, 500, "Polri", "Kejaksaan; KemenPPPA", "national", "N.1"]);
    const table = [itemTableHeader(period), itemTableRow(item, period).map((v) => (v === null ? "" : String(v)))];
    expect(readActionItemTable(table, period).rows[0]?.item).toEqual(item);
  });
});
