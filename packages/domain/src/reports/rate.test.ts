import { describe, expect, it } from "vitest";
import { reportingRate } from "./rate.ts";
import type { ExpectedReport, RateReport } from "./rate.ts";

const tf = (taskForceId: number, level: ExpectedReport["level"], provinceCode: string | null): ExpectedReport => ({ taskForceId, level, provinceCode });
const expected = [tf(1, "national", null), tf(32, "province", "32"), tf(3275, "regency", "32"), tf(3276, "regency", "32"), tf(33, "province", "33")];
const report = (e: ExpectedReport, status: RateReport["status"], onTime: boolean | null = true, completeness: number | null = 1): RateReport => ({
  ...e,
  status,
  firstSubmittedAt: status === "draft" ? null : new Date("2026-01-20T00:00:00Z"),
  onTime: status === "draft" ? null : onTime,
  completeness,
});

describe("reportingRate", () => {
  it("counts a report as submitted in every status but draft, and on time, approved and returned by status", () => {
    const rate = reportingRate(expected, [report(expected[0]!, "approved"), report(expected[1]!, "returned", false, 0.5), report(expected[2]!, "reopened"), report(expected[3]!, "draft"), report(expected[4]!, "submitted", false)]);
    expect(rate.overall).toMatchObject({ expected: 5, submitted: 4, onTime: 2, approved: 1, returned: 1, unexpected: 0, anomaly: false });
    expect(rate.overall.percent).toEqual({ submitted: 80, onTime: 40, approved: 20 });
    expect(rate.overall.completeness).toBeCloseTo((1 + 0.5 + 1 + 1) / 4);
  });
  it("shows a rate above 100% uncapped and flags it, when reports come from task forces not expected", () => {
    const formedOnly = [expected[2]!];
    const rate = reportingRate(formedOnly, [report(expected[2]!, "submitted"), report(expected[3]!, "submitted")]);
    expect(rate.byLevel.regency.percent.submitted).toBe(200);
    expect(rate.byLevel.regency).toMatchObject({ expected: 1, submitted: 2, unexpected: 1, anomaly: true });
    expect(rate.overall.anomaly).toBe(true);
  });
  it("gives no percentage (null, not 0 nor 100) where nothing is expected", () => {
    const rate = reportingRate([], []);
    expect(rate.overall.percent).toEqual({ submitted: null, onTime: null, approved: null });
    expect(rate.overall.anomaly).toBe(false);
    expect(rate.overall.completeness).toBeNull();
    expect(rate.byProvince).toEqual([]);
  });
  it("splits by level and by province in code order, the national task force in no province", () => {
    const rate = reportingRate(expected, [report(expected[4]!, "submitted"), report(expected[2]!, "submitted")]);
    expect(rate.byLevel.national).toMatchObject({ expected: 1, submitted: 0 });
    expect(rate.byLevel.province).toMatchObject({ expected: 2, submitted: 1 });
    expect(rate.byProvince.map((p) => [p.provinceCode, p.expected, p.submitted])).toEqual([
      ["32", 3, 1],
      ["33", 1, 1],
    ]);
  });
  it("leaves a draft's completeness out of the mean, and a report without completeness too", () => {
    const rate = reportingRate(expected, [report(expected[1]!, "draft", null, 0.1), report(expected[2]!, "submitted", true, null), report(expected[3]!, "submitted", true, 0.4)]);
    expect(rate.overall.completeness).toBeCloseTo(0.4);
  });
});
