import { describe, expect, it } from "vitest";
import { reportingPeriods } from "../ran/calendar.ts";
import { TIME_ZONES } from "../regions/time-zones.ts";
import { ExceptionInputSchema, PeriodKeySchema, checkExceptionUntil, entryState, isOnTime, localTimeLabel } from "./timeliness.ts";

// 2025, reported yearly: due 2026-01-31, entry closes 60 days later.
const [rp] = reportingPeriods({ firstYear: 2025, lastYear: 2025 }, { reportingCycle: "annual", dueDays: 31, expiryDays: 60 });
const { WIB, WIT } = TIME_ZONES;

describe("isOnTime", () => {
  it("takes a Papua (WIT) report submitted at 23:30 local on its due date as on time", () => {
    const at = new Date("2026-01-31T14:30:00Z");
    expect(localTimeLabel(at, WIT)).toBe("2026-01-31 23:30 WIT");
    expect(isOnTime(at, rp!, WIT)).toBe(true);
  });
  it("takes a Papua (WIT) report submitted at 00:30 local the next day as late", () => {
    const at = new Date("2026-01-31T15:30:00Z");
    expect(localTimeLabel(at, WIT)).toBe("2026-02-01 00:30 WIT");
    expect(isOnTime(at, rp!, WIT)).toBe(false);
  });
  it("takes a Jakarta (WIB) report submitted at 23:30 WIB on its due date as on time, though that instant is late in Papua", () => {
    const at = new Date("2026-01-31T16:30:00Z");
    expect(localTimeLabel(at, WIB)).toBe("2026-01-31 23:30 WIB");
    expect(isOnTime(at, rp!, WIB)).toBe(true);
    expect(isOnTime(at, rp!, WIT)).toBe(false);
  });
  it("takes local midnight itself as late", () => {
    expect(isOnTime(new Date("2026-01-31T17:00:00Z"), rp!, WIB)).toBe(false);
    expect(isOnTime(new Date("2026-01-31T16:59:59.999Z"), rp!, WIB)).toBe(true);
  });
});

describe("entryState", () => {
  const closesAtWib = new Date(`${rp!.closesOn}T17:00:00Z`); // local midnight at the end of closesOn, WIB
  it("is not open before the period begins at local midnight", () => {
    expect(entryState(rp!, WIB, new Date("2024-12-31T16:59:00Z"), null)).toBe("not_open");
    expect(entryState(rp!, WIB, new Date("2024-12-31T17:00:00Z"), null)).toBe("open");
  });
  it("is open until the end of the closing day, and closed after it without an exception", () => {
    expect(entryState(rp!, WIB, new Date(closesAtWib.getTime() - 1), null)).toBe("open");
    expect(entryState(rp!, WIB, closesAtWib, null)).toBe("closed");
  });
  it("stays open after closesOn while an exception is in force, and ends at local midnight of its until date", () => {
    const exception = { until: "2026-04-10" };
    expect(entryState(rp!, WIB, closesAtWib, exception)).toBe("exception");
    expect(entryState(rp!, WIB, new Date("2026-04-10T16:59:00Z"), exception)).toBe("exception");
    expect(entryState(rp!, WIB, new Date("2026-04-10T17:00:00Z"), exception)).toBe("closed");
    expect(entryState(rp!, WIT, new Date("2026-04-10T15:00:00Z"), exception)).toBe("closed");
  });
  it("says open, not exception, while entry is open anyway", () => {
    expect(entryState(rp!, WIB, new Date("2026-01-15T00:00:00Z"), { until: "2026-04-10" })).toBe("open");
  });
  it("gives nothing to an exception that ended before the period closed", () => {
    expect(entryState(rp!, WIB, closesAtWib, { until: "2026-01-01" })).toBe("closed");
  });
});

describe("exceptions", () => {
  it("refuses an until date on or before the closing day, or already past", () => {
    const now = new Date("2026-04-05T00:00:00Z");
    expect(checkExceptionUntil(rp!.closesOn, rp!, WIB, now)).toBe("EXCEPTION_UNTIL_INVALID");
    expect(checkExceptionUntil("2026-04-04", rp!, WIB, now)).toBe("EXCEPTION_UNTIL_INVALID");
    expect(checkExceptionUntil("2026-04-05", rp!, WIB, now)).toBeNull();
  });
  it("takes a task force, a period key, a date and a reason", () => {
    const ok = { taskForceId: 5, periodKey: "2025-S2", until: "2026-04-10", reason: "Banjir di kantor sekretariat" };
    expect(ExceptionInputSchema.parse(ok)).toEqual(ok);
    expect(ExceptionInputSchema.safeParse({ ...ok, reason: "" }).error?.issues[0]?.message).toBe("REASON_REQUIRED");
    expect(ExceptionInputSchema.safeParse({ ...ok, until: "2026-02-30" }).error?.issues[0]?.message).toBe("DATE_INVALID");
  });
  it("reads a period key as a year or a half year", () => {
    for (const key of ["2025", "2025-S1", "2025-S2"]) expect(PeriodKeySchema.safeParse(key).success).toBe(true);
    for (const key of ["25", "2025-S3", "2025-s1", "2025 "]) expect(PeriodKeySchema.safeParse(key).error?.issues[0]?.message).toBe("REPORT_PERIOD_NOT_FOUND");
  });
});
