/** Hand-made evaluation data for the files' tests: a national overview and a province's view, with counts that hold small cells. */
import { DEFAULT_EVALUATION_SETTINGS, suppressTable } from "@gugus/domain";
import { COUNT_COLUMNS } from "./evaluation-labels.ts";
import type { EvaluationCounts, EvaluationTaskForceRow, NationalFileData, ProvinceFileData } from "./evaluation-labels.ts";

/** Raw counts by row (13 columns), with small ones (1–4) that must never reach a file. */
export const RAW_COUNTS: readonly { key: string; label: string; cells: (number | null)[] }[] = [
  { key: "31", label: "DKI Jakarta", cells: [40, 12, 3, 20, 5, 18, 22, 10, 8, 30, 25, 6, 9] },
  { key: "32", label: "Jawa Barat", cells: [120, 50, 20, 35, 15, 60, 70, 40, 33, 80, 75, 2, 30] },
  { key: "33", label: "Jawa Tengah", cells: [7, 2, 1, 3, 1, 4, 0, null, 0, 5, 6, 0, 1] },
  { key: "94", label: "Papua", cells: [0, 0, 0, 0, 0, null, null, null, null, 0, 0, 0, 0] },
];

/** The raw counts as published: suppressed like the API does. */
export function suppressedCounts(rows = RAW_COUNTS): EvaluationCounts {
  const table = suppressTable({ cells: rows.map((r) => r.cells) });
  return {
    columns: [...COUNT_COLUMNS],
    rows: rows.map((r, i) => ({ key: r.key, label: r.label, cells: table.cells[i]!, total: table.rowTotals[i]! })),
    columnTotals: table.columnTotals,
    grandTotal: table.grandTotal,
  };
}

const parts = (readiness: number | null, commitment: number | null, delivery: number | null, discipline: number | null) => ({ readiness, commitment, delivery, discipline });

export const TASK_FORCES: EvaluationTaskForceRow[] = [
  { id: 1, name: "Nasional", level: "national", regionCode: null, provinceCode: null, total: 71.25, rated: true, provisional: false, status: "approved", parts: parts(75, 60, 80, 70), rank: null, missing: [] },
  { id: 2, name: "Jawa Barat", level: "province", regionCode: "32", provinceCode: "32", total: 82.4, rated: true, provisional: false, status: "approved", parts: parts(100, 70, 80, 85), rank: { rank: 1, best: 1, worst: 2, of: 3 }, missing: [] },
  { id: 3, name: "DKI Jakarta", level: "province", regionCode: "31", provinceCode: "31", total: 64.06, rated: true, provisional: true, status: "submitted", parts: parts(75, 50, 60, 70), rank: { rank: 2, best: 1, worst: 3, of: 3 }, missing: ["readiness.radRecorded"] },
  { id: 4, name: "Papua", level: "province", regionCode: "94", provinceCode: "94", total: null, rated: false, provisional: true, status: null, parts: parts(25, null, null, 0), rank: null, missing: ["readiness.radRecorded", "commitment.budgetAllocated", "delivery.1.2.3", "commitment"] },
  { id: 10, name: "Kota Bekasi", level: "regency", regionCode: "32.75", provinceCode: "32", total: 55.5, rated: true, provisional: false, status: "approved", parts: parts(50, 55, 60, 55), rank: { rank: 12, best: 9, worst: 15, of: 30 }, missing: [] },
  { id: 11, name: "Kabupaten Bogor", level: "regency", regionCode: "32.01", provinceCode: "32", total: 61, rated: true, provisional: false, status: "approved", parts: parts(60, 55, 65, 60), rank: { rank: 8, best: 6, worst: 11, of: 30 }, missing: [] },
  { id: 12, name: "=Kabupaten Uji", level: "regency", regionCode: "32.02", provinceCode: "32", total: null, rated: false, provisional: true, status: "draft", parts: parts(25, null, null, 0), rank: null, missing: ["commitment.shareSpent", "delivery"] },
];

const spread = { median: 58.25, q1: 55.5, q3: 61, min: 55.5, max: 61, rated: 2, notRated: 1 };

export function nationalFixture(): NationalFileData {
  return {
    kind: "national",
    asOfLabel: "2026-02-01 10:00 WIB",
    method: { periodNumber: 3, settings: DEFAULT_EVALUATION_SETTINGS },
    overview: {
      year: 2025,
      periodNumber: 3,
      asOf: "2026-02-01T03:00:00.000Z",
      publishedAt: null,
      weights: DEFAULT_EVALUATION_SETTINGS.weights,
      coverage: { inForce: 7, formed: 6, reported: 5, rated: 4, notRated: 3, provisional: 3 },
      rate: { expected: 6, submitted: 5, onTime: 4, approved: 4, returned: 0, rate: 83.3, onTimeRate: 66.7 },
      budget: {
        reports: 4,
        bySource: [
          { source: "APBN", allocated: 1_500_000_000, spent: 1_200_000_000 },
          { source: "APBD", allocated: 750_000_000, spent: 400_000_000 },
        ],
        allocated: 2_250_000_000,
        spent: 1_600_000_000,
        dedicatedLine: { yes: 3, no: 1, unknown: 3 },
      },
      distribution: Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: (i + 1) * 10, count: [0, 0, 0, 0, 0, 1, 2, 1, 1, 0][i]! })),
      parts: [
        { part: "readiness", median: 75, covered: 7 },
        { part: "commitment", median: 57.5, covered: 5 },
        { part: "delivery", median: 65, covered: 5 },
        { part: "discipline", median: 60, covered: 7 },
      ],
      areas: [
        { subTaskForce: "prevention", median: 70, covered: 5 },
        { subTaskForce: "health_rehab", median: 40, covered: 4 },
        { subTaskForce: "social_rehab", median: 55, covered: 4 },
        { subTaskForce: "legal_norms", median: null, covered: 0 },
        { subTaskForce: "law_enforcement", median: 85, covered: 3 },
        { subTaskForce: "coordination", median: 100, covered: 5 },
      ],
      provinces: [
        { provinceCode: "31", name: "DKI Jakarta", taskForceId: 3, total: 64.06, regencies: { median: null, q1: null, q3: null, min: null, max: null, rated: 0, notRated: 0 }, rate: 100, allocated: 500_000_000, spent: 250_000_000 },
        { provinceCode: "32", name: "Jawa Barat", taskForceId: 2, total: 82.4, regencies: spread, rate: 75, allocated: 1_750_000_000, spent: 1_350_000_000 },
        { provinceCode: "94", name: "Papua", taskForceId: 4, total: null, regencies: { median: null, q1: null, q3: null, min: null, max: null, rated: 0, notRated: 0 }, rate: null, allocated: 0, spent: 0 },
      ],
      taskForces: TASK_FORCES,
      counts: suppressedCounts(),
    },
  };
}

export function provinceFixture(): ProvinceFileData {
  const rows = [
    { key: "2", label: "Jawa Barat", cells: [10, 4, 2, 3, 1, 6, 7, 4, 3, 8, 7, 2, 3] },
    { key: "10", label: "Kota Bekasi", cells: [12, 5, 3, 3, 1, 8, 9, 5, 4, 9, 9, 1, 2] },
    { key: "11", label: "Kabupaten Bogor", cells: [30, 10, 5, 10, 5, 15, 20, 12, 9, 25, 20, 3, 10] },
  ];
  return {
    kind: "province",
    asOfLabel: "2026-02-01 10:00 WIB",
    method: { periodNumber: 3, settings: DEFAULT_EVALUATION_SETTINGS },
    province: {
      year: 2025,
      asOf: "2026-02-01T03:00:00.000Z",
      publishedAt: "2026-03-01T02:00:00.000Z",
      province: { id: 2, name: "Jawa Barat", level: "province", regionCode: "32", provinceCode: "32" },
      own: { total: 82.4, rated: true, provisional: false, rank: { rank: 1, best: 1, worst: 2, of: 3 } },
      spread,
      regencies: TASK_FORCES.filter((t) => t.level === "regency"),
      notReported: [{ id: 13, name: "Kabupaten Garut", level: "regency", regionCode: "32.05", provinceCode: "32" }],
      counts: suppressedCounts(rows),
    },
  };
}
