/** A report to write as files in tests: a city's, with blanks, zeros, formula-looking text and an approval history. */
import { ReportContentSchema } from "@gugus/domain";
import type { ReportFileData } from "./report-labels.ts";

export function reportFileFixture(overrides: Partial<ReportFileData> = {}): ReportFileData {
  const content = ReportContentSchema.parse({
    activities: [
      { subTaskForce: "prevention", what: "Sosialisasi pencegahan TPPO di 12 kelurahan", date: "2025-03-14", actionItemId: 1 },
      { subTaskForce: "law_enforcement", what: '=HYPERLINK("http://example.test","klik")', date: null, actionItemId: null },
    ],
    realisations: [
      { actionItemId: 1, value: 5, note: "@catatan" },
      { actionItemId: 2, value: null },
    ],
    victims: { total: 12, women: 5, girls: null, men: 4, boys: 0, exploitation: { forced_labour: 7 }, domestic: 3, abroad: [{ country: "MY", count: 9 }] },
    lawEnforcement: { casesReported: 4, suspects: 6, prosecutions: 2, convictions: null },
    coordination: { meetings: 0 },
    budget: {
      lines: [
        { source: "APBD", allocated: 100_000_000, spent: null },
        { source: "APBN", allocated: 50_000_000, spent: null, note: "+ dana hibah" },
      ],
      dedicatedLine: true,
      regionTotalBudget: null,
    },
    narrative: { obstacles: "-Keterbatasan anggaran dan rumah aman.", recommendations: undefined },
  });
  return {
    taskForce: { name: "Gugus Tugas PP-TPPO Kota Bekasi", level: "regency", regionCode: "32.75", zone: "WIB" },
    period: { periodKey: "2025", year: 2025, dueDate: "2026-01-31" },
    status: "approved",
    content,
    items: [
      { id: 1, code: "I.1.1", subTaskForce: "prevention", activity: "Sosialisasi pencegahan", indicator: "Kelurahan yang disosialisasi", unit: "regions", yearTarget: 10 },
      { id: 2, code: "V.2.1", subTaskForce: "law_enforcement", activity: "Pelatihan penyidik", indicator: "Penyidik terlatih", unit: "people", yearTarget: null },
    ],
    events: [
      { action: "create", actorName: "Admin Bekasi", localTime: "2026-01-10 09:00 WIB", reason: null },
      { action: "submit", actorName: "Admin Bekasi", localTime: "2026-01-20 10:15 WIB", reason: null },
      { action: "return", actorName: "Admin Jawa Barat", localTime: "2026-01-22 14:00 WIB", reason: "=Lengkapi data korban" },
      { action: "submit", actorName: "Admin Bekasi", localTime: "2026-01-25 08:30 WIB", reason: null },
      { action: "approve", actorName: "Admin Jawa Barat", localTime: "2026-01-28 16:45 WIB", reason: null },
    ],
    asOf: "2026-02-01 10:00 WIB",
    ...overrides,
  };
}
