import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localDateOf } from "../dates.ts";
import { TIME_ZONES, timeZoneOf, todayAt } from "./time-zones.ts";

describe("todayAt", () => {
  const lateEvening = new Date("2024-06-30T16:30:00Z"); // 23:30 WIB, 00:30 WITA, 01:30 WIT

  it("gives the national date in Jakarta (WIB) when no region is named", () => {
    expect(todayAt(lateEvening)).toBe("2024-06-30");
    expect(todayAt(lateEvening, null)).toBe("2024-06-30");
  });

  it("gives a WITA region the next day half an hour after local midnight", () => {
    expect(todayAt(lateEvening, "73")).toBe("2024-07-01");
  });

  it("gives a WIT regency the next day while Jakarta is still on the last day", () => {
    expect(todayAt(lateEvening, "91.01")).toBe("2024-07-01");
    expect(todayAt(lateEvening, "32.75")).toBe("2024-06-30");
  });

  it("turns the date exactly at local midnight, not a millisecond before", () => {
    expect(todayAt(new Date("2024-06-30T16:59:59.999Z"), "31")).toBe("2024-06-30");
    expect(todayAt(new Date("2024-06-30T17:00:00.000Z"), "31")).toBe("2024-07-01");
  });

  it("refuses a region whose zone cannot be told", () => {
    expect(() => todayAt(lateEvening, "66.01")).toThrow(expect.objectContaining({ code: "REGION_NOT_FOUND" }));
  });

  it("agrees with the IANA zone's calendar at any instant from 1970 to 2200, in each of the three zones", () => {
    const regions = ["31", "73", "91.01"] as const;
    expect(new Set(regions.map((r) => timeZoneOf(r).abbreviation))).toEqual(new Set(Object.keys(TIME_ZONES)));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) }), fc.constantFrom(...regions), (ms, region) => {
        const at = new Date(ms);
        expect(todayAt(at, region)).toBe(localDateOf(at, timeZoneOf(region).iana));
      }),
      { numRuns: 2000 },
    );
  });

  it("stays right when asked in any order around midnight, the second before, the instant of and after it (the last day asked is kept)", () => {
    const regions = ["31", "73", "91.01"] as const;
    const midnight = Date.UTC(2026, 11, 31, 17);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -3 * 3_600_000 - 2, max: 3 * 3_600_000 + 2 }), fc.constantFrom(...regions)), { minLength: 1, maxLength: 40 }), (asks) => {
        for (const [delta, region] of [...asks, [-1, "31"] as const, [0, "31"] as const, [-1, "31"] as const]) {
          const at = new Date(midnight + delta);
          expect(todayAt(at, region)).toBe(localDateOf(at, timeZoneOf(region).iana));
        }
      }),
      { numRuns: 300 },
    );
  });
});
