import { DEFAULT_EVALUATION_SETTINGS, EVALUATION_PARTS, scoreTaskForce } from "@gugus/domain/evaluation";
import type { EvaluationInputs } from "@gugus/domain/evaluation";
import { SUPPRESSED } from "@gugus/domain/suppression";
import { MantineProvider } from "@mantine/core";
import { createElement } from "react";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { createI18n } from "../i18n/index.ts";
import { CountsTable } from "./CountsTable.tsx";
import { Scorecard } from "./Scorecard.tsx";
import type { CountsView, ScorecardView } from "./types.ts";

const render = (element: ReactElement, language: "en" | "id" = "en") =>
  renderToStaticMarkup(createElement(MantineProvider, null, createElement(I18nextProvider, { i18n: createI18n({ id: {}, en: {} }, language) }, element)));
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const inputs = (report: EvaluationInputs["discipline"]["report"], meetings: number | null): EvaluationInputs => ({
  year: 2025,
  readiness: { instrumentInForce: true, coordinators: 4, radRecorded: null, dedicatedBudgetLine: true },
  commitment: { budget: [{ source: "APBD", allocated: 100_000_000, spent: 80_000_000 }], regionTotalBudget: null, meetings },
  delivery: { items: [{ id: 1, code: "IV.K1.1", subTaskForce: "prevention", targetMode: "per_year", targets: [{ year: 2025, value: 10 }], realisations: [{ year: 2025, value: 8 }] }] },
  discipline: { report },
});

function view(score: ReturnType<typeof scoreTaskForce>): ScorecardView {
  const { weights } = DEFAULT_EVALUATION_SETTINGS;
  const contributions = Object.fromEntries(EVALUATION_PARTS.map((p) => [p, { score: score.parts[p].score, weight: weights[p], points: (score.parts[p].score ?? 0) * weights[p] }])) as ScorecardView["contributions"];
  return {
    taskForce: { id: 7, name: "Kota Bekasi", level: "regency", regionCode: "32.75", provinceCode: "32" },
    year: 2025,
    periodNumber: 4,
    asOf: "2026-02-01T03:00:00.000Z",
    publishedAt: null,
    weights,
    score,
    contributions,
    rank: score.rated ? { rank: 12, best: 9, worst: 15, of: 514 } : null,
    raise: [{ part: "readiness", input: "radRecorded", gain: 3.5 }],
    history: [],
    province: null,
    report: { status: "approved", periodKey: "2025" },
  };
}

describe("the scorecard", () => {
  it("shows each part's score × weight = contribution, adding up to the total, and the rank with its band", () => {
    const score = scoreTaskForce(inputs({ status: "approved", onTime: true }, 6), DEFAULT_EVALUATION_SETTINGS);
    expect(score.rated).toBe(true);
    const html = text(render(createElement(Scorecard, { data: view(score) })));
    const sum = EVALUATION_PARTS.reduce((s, p) => s + Number(((score.parts[p].score ?? 0) * DEFAULT_EVALUATION_SETTINGS.weights[p]).toFixed(1)), 0);
    expect(Math.abs(sum - score.total!)).toBeLessThan(0.25);
    expect(html).toContain(`Total score ${score.total!.toFixed(1)}`);
    expect(html).toContain("12th (9th–15th) of 514");
    expect(html).toContain("cannot be called better or worse");
    expect(html).toContain("Regional action plan (RAD) recorded");
    expect(html).not.toContain("Provisional");
  });

  it("reads a missing input as missing, never 0, and a task force without a report as not rated with what is missing", () => {
    // No report: what its content would have fed is missing (as buildEvaluationInputs gives it).
    const none = inputs(null, null);
    const score = scoreTaskForce(
      { ...none, readiness: { ...none.readiness, dedicatedBudgetLine: null }, commitment: { budget: [], regionTotalBudget: null, meetings: null }, delivery: { items: none.delivery.items.map((i) => ({ ...i, realisations: [] })) } },
      DEFAULT_EVALUATION_SETTINGS,
    );
    expect(score.rated).toBe(false);
    const html = text(render(createElement(Scorecard, { data: view(score) }), "id"));
    expect(html).toContain("Tidak dinilai");
    expect(html).toContain("Rapat koordinasi tidak ada");
    expect(html).toContain("Komitmen: Rapat koordinasi");
    expect(html).toContain("Sementara");
    expect(html).toContain("Belum diumumkan");
  });
});

describe("the count table", () => {
  it("shows a small or hidden count as <5 and one not reported as a dash, with the note saying why", () => {
    const counts: CountsView = {
      columns: ["victims.total", "victims.women"],
      rows: [
        { key: "1", label: "Kota Bekasi", cells: [SUPPRESSED, 3], total: SUPPRESSED },
        { key: "2", label: "Kota Bogor", cells: [12, null], total: 12 },
      ],
      columnTotals: [SUPPRESSED, SUPPRESSED],
      grandTotal: 20,
    };
    const html = text(render(createElement(CountsTable, { counts })));
    expect(html).toContain("Kota Bekasi &lt;5 &lt;5 &lt;5");
    expect(html).toContain("Kota Bogor 12 — 12");
    expect(html).toContain("Victims");
    expect(html).toContain("Counts from 1 to 4 show as");
    expect(html).not.toMatch(/\b3\b/);
  });
});
