import { describe, expect, it } from "vitest";
import {
  ADOPTION_LEAD_YEARS,
  AdoptionCorrectionSchema,
  AdoptionWithdrawalSchema,
  adoptionWindow,
  assertAdopted,
  assertAdoptionDate,
  assertDraft,
  assertYearsEditable,
  checkAdoptionDate,
  planYear,
} from "./adoption.ts";
import { PeriodCoordinatorsSchema } from "./coordinators.ts";
import { PeriodAdoptionSchema } from "./periods.ts";

const V = { firstYear: 2030, lastYear: 2034 };
const III = { firstYear: 2020, lastYear: 2024 };
const codeOf = (period: { firstYear: number; lastYear: number }, date: string, today: string) => checkAdoptionDate(period, date, today)?.code ?? null;
const messages = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe("adoptionWindow", () => {
  it("opens on 1 January two years before the first year and closes at the end of the last year when today is later", () => {
    expect(ADOPTION_LEAD_YEARS).toBe(2);
    expect(adoptionWindow(III, "2026-11-28")).toEqual({ earliest: "2018-01-01", latest: "2024-12-31" });
  });

  it("closes on today while the period still runs", () => {
    expect(adoptionWindow(III, "2023-02-22")).toEqual({ earliest: "2018-01-01", latest: "2023-02-22" });
  });

  it("closes before it opens when today comes before the window (no date fits yet)", () => {
    const w = adoptionWindow(V, "2026-11-28");
    expect(w).toEqual({ earliest: "2028-01-01", latest: "2026-11-28" });
    expect(w.latest < w.earliest).toBe(true);
  });
});

describe("checkAdoptionDate", () => {
  const today = "2026-11-28";

  it("accepts period III's own adoption (2023-02-22, three years into the period)", () => {
    expect(checkAdoptionDate(III, "2023-02-22", today)).toBeNull();
  });

  it("refuses a date a day after today, accepts today itself", () => {
    expect(checkAdoptionDate({ firstYear: 2025, lastYear: 2029 }, "2026-11-29", today)).toEqual({ code: "DATE_IN_FUTURE", details: { latest: today } });
    expect(codeOf({ firstYear: 2025, lastYear: 2029 }, today, today)).toBeNull();
  });

  it("refuses a date a month ahead", () => {
    expect(codeOf({ firstYear: 2025, lastYear: 2029 }, "2026-12-28", today)).toBe("DATE_IN_FUTURE");
  });

  it("refuses 1999-01-01 for a period 2030–2034 as too early, naming the earliest date", () => {
    expect(checkAdoptionDate(V, "1999-01-01", today)).toEqual({ code: "ADOPTION_TOO_EARLY", details: { earliest: "2028-01-01" } });
  });

  it("refuses 31 December three years before the first year, accepts 1 January two years before", () => {
    expect(codeOf(V, "2027-12-31", "2031-01-01")).toBe("ADOPTION_TOO_EARLY");
    expect(codeOf(V, "2028-01-01", "2031-01-01")).toBeNull();
  });

  it("accepts 31 December of the last year, refuses 1 January after it", () => {
    expect(codeOf(III, "2024-12-31", today)).toBeNull();
    expect(checkAdoptionDate(III, "2025-01-01", today)).toEqual({ code: "ADOPTION_AFTER_PERIOD", details: { latest: "2024-12-31" } });
  });

  it("says the date is in the future before it says too early, when both hold", () => {
    expect(codeOf({ firstYear: 2040, lastYear: 2044 }, "2030-01-01", today)).toBe("DATE_IN_FUTURE");
  });

  it("refuses every date when today comes before the window", () => {
    expect(codeOf(V, today, today)).toBe("ADOPTION_TOO_EARLY");
  });

  it("is thrown as a domain error with its bound by assertAdoptionDate", () => {
    expect(() => assertAdoptionDate(V, "1999-01-01", "2031-01-01")).toThrow(expect.objectContaining({ code: "ADOPTION_TOO_EARLY", details: { earliest: "2028-01-01" } }));
    expect(() => assertAdoptionDate(III, "2023-02-22", today)).not.toThrow();
  });
});

describe("PeriodAdoptionSchema", () => {
  it("takes the instrument through the one text rule: a phone number in it is refused", () => {
    expect(messages(PeriodAdoptionSchema.safeParse({ instrument: "Perpres 1/2031 HP 0812-3456-7890", adoptedOn: "2031-01-02" }))).toEqual(["PERSONAL_DATA_IN_TEXT"]);
  });

  it("trims the instrument, says FIELD_REQUIRED when empty and INSTRUMENT_REQUIRED when one character or over 200", () => {
    expect(PeriodAdoptionSchema.parse({ instrument: "  Perpres 19/2023 ", adoptedOn: "2023-02-22" }).instrument).toBe("Perpres 19/2023");
    expect(messages(PeriodAdoptionSchema.safeParse({ instrument: "", adoptedOn: "2023-02-22" }))).toEqual(["FIELD_REQUIRED"]);
    expect(messages(PeriodAdoptionSchema.safeParse({ instrument: "x", adoptedOn: "2023-02-22" }))).toEqual(["INSTRUMENT_REQUIRED"]);
    expect(PeriodAdoptionSchema.safeParse({ instrument: "x".repeat(200), adoptedOn: "2023-02-22" }).success).toBe(true);
    expect(messages(PeriodAdoptionSchema.safeParse({ instrument: "x".repeat(201), adoptedOn: "2023-02-22" }))).toEqual(["INSTRUMENT_REQUIRED"]);
  });
});

describe("AdoptionCorrectionSchema", () => {
  const correction = { instrument: "Perpres 19/2023", adoptedOn: "2023-02-22", firstYear: 2020, lastYear: 2024, reason: "Tanggal salah ketik saat penetapan" };

  it("needs a reason of ten characters at least, at most 500, under the text rule", () => {
    expect(AdoptionCorrectionSchema.safeParse(correction).success).toBe(true);
    expect(messages(AdoptionCorrectionSchema.safeParse({ ...correction, reason: "123456789" }))).toEqual(["REASON_INVALID"]);
    expect(AdoptionCorrectionSchema.safeParse({ ...correction, reason: "1234567890" }).success).toBe(true);
    expect(AdoptionCorrectionSchema.safeParse({ ...correction, reason: "x".repeat(500) }).success).toBe(true);
    expect(messages(AdoptionCorrectionSchema.safeParse({ ...correction, reason: "x".repeat(501) }))).toEqual(["REASON_INVALID"]);
    expect(messages(AdoptionCorrectionSchema.safeParse({ ...correction, reason: "" }))).toEqual(["FIELD_REQUIRED"]);
    expect(messages(AdoptionCorrectionSchema.safeParse({ ...correction, reason: "hubungi 081234567890 untuk info" }))).toEqual(["PERSONAL_DATA_IN_TEXT"]);
  });

  it("keeps the span's own rules: inverted years and more than ten years are refused on lastYear", () => {
    expect(AdoptionCorrectionSchema.safeParse({ ...correction, firstYear: 2025, lastYear: 2024 }).error?.issues).toEqual([expect.objectContaining({ path: ["lastYear"], message: "PERIOD_YEARS_INVERTED" })]);
    expect(messages(AdoptionCorrectionSchema.safeParse({ ...correction, lastYear: 2030 }))).toEqual(["PERIOD_TOO_LONG"]);
  });

  it("a withdrawal needs only the reason", () => {
    expect(AdoptionWithdrawalSchema.safeParse({ reason: "Ditetapkan untuk periode yang salah" }).success).toBe(true);
    expect(messages(AdoptionWithdrawalSchema.safeParse({ reason: "salah" }))).toEqual(["REASON_INVALID"]);
    expect(AdoptionWithdrawalSchema.safeParse({ reason: "Ditetapkan untuk periode yang salah", extra: 1 }).success).toBe(false);
  });
});

describe("status rules", () => {
  const adopted = { status: "adopted" as const, ...III };
  const draft = { status: "draft" as const, ...V };

  it("an adopted period's years stay as they are, either year; its settings alone may change", () => {
    expect(() => assertYearsEditable(adopted, { firstYear: 2020, lastYear: 2025 })).toThrow(expect.objectContaining({ code: "PERIOD_YEARS_ADOPTED" }));
    expect(() => assertYearsEditable(adopted, { firstYear: 2019, lastYear: 2024 })).toThrow(expect.objectContaining({ code: "PERIOD_YEARS_ADOPTED" }));
    expect(() => assertYearsEditable(adopted, III)).not.toThrow();
  });

  it("a draft's years may change", () => {
    expect(() => assertYearsEditable(draft, { firstYear: 2031, lastYear: 2035 })).not.toThrow();
  });

  it("correcting or withdrawing needs an adoption; adopting needs a draft", () => {
    expect(() => assertAdopted(draft)).toThrow(expect.objectContaining({ code: "PERIOD_NOT_ADOPTED" }));
    expect(() => assertAdopted(adopted)).not.toThrow();
    expect(() => assertDraft(adopted)).toThrow(expect.objectContaining({ code: "PERIOD_ADOPTED" }));
    expect(() => assertDraft(draft)).not.toThrow();
  });
});

describe("planYear", () => {
  it("is today's year inside the period, the first year before it, the last year after it", () => {
    expect(planYear(V, "2032-07-01")).toBe(2032);
    expect(planYear(V, "2029-12-31")).toBe(2030);
    expect(planYear(V, "2030-01-01")).toBe(2030);
    expect(planYear(V, "2034-12-31")).toBe(2034);
    expect(planYear(V, "2035-01-01")).toBe(2034);
  });
});

describe("PeriodCoordinatorsSchema", () => {
  it("refuses a phone number in an agency, as a composition's agency does", () => {
    expect(messages(PeriodCoordinatorsSchema.safeParse([{ subTaskForce: "prevention", agency: "Dinas Sosial HP 0812-3456-7890" }]))).toEqual(["PERSONAL_DATA_IN_TEXT"]);
  });

  it("trims agencies and takes 2 to 160 characters", () => {
    expect(PeriodCoordinatorsSchema.parse([{ subTaskForce: "prevention", agency: "  Polri " }])).toEqual([{ subTaskForce: "prevention", agency: "Polri" }]);
    expect(messages(PeriodCoordinatorsSchema.safeParse([{ subTaskForce: "prevention", agency: "P" }]))).toEqual(["AGENCY_INVALID"]);
    expect(PeriodCoordinatorsSchema.safeParse([{ subTaskForce: "prevention", agency: "x".repeat(160) }]).success).toBe(true);
    expect(messages(PeriodCoordinatorsSchema.safeParse([{ subTaskForce: "prevention", agency: "x".repeat(161) }]))).toEqual(["AGENCY_INVALID"]);
  });

  it("refuses a sub-task-force named twice", () => {
    expect(messages(PeriodCoordinatorsSchema.safeParse([{ subTaskForce: "prevention", agency: "A1" }, { subTaskForce: "prevention", agency: "A2" }]))).toEqual(["COORDINATOR_REPEATED"]);
  });
});
