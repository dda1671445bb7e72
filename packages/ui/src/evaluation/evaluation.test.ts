import { describe, expect, it } from "vitest";
import { createI18n } from "../i18n/index.ts";
import { inputLabel, missingLabel } from "./labels.ts";
import { sortRanking } from "./RankingTable.tsx";
import { stackDots } from "./ScoreSpread.tsx";

const NO_OWN_MESSAGES = { id: {}, en: {} };
const row = (name: string, total: number | null, rank: number | null) => ({
  name,
  total,
  rank: rank === null ? null : { rank, best: rank, worst: rank, of: 3 },
  parts: { readiness: total, commitment: null, delivery: total, discipline: total },
});

describe("the ranking's order", () => {
  const rows = [row("Bantul", null, null), row("Sleman", 70, 1), row("Kulon Progo", 55, 2), row("Gunungkidul", 40, 3)];

  it("puts the rated by rank first and the not rated last, whichever the direction", () => {
    expect(sortRanking(rows, "rank", false).map((r) => r.name)).toEqual(["Sleman", "Kulon Progo", "Gunungkidul", "Bantul"]);
    expect(sortRanking(rows, "rank", true).map((r) => r.name)).toEqual(["Gunungkidul", "Kulon Progo", "Sleman", "Bantul"]);
    expect(sortRanking(rows, "total", true).map((r) => r.name)).toEqual(["Sleman", "Kulon Progo", "Gunungkidul", "Bantul"]);
  });

  it("sorts by a part, a part without a score last", () => {
    expect(sortRanking(rows, "commitment", true).map((r) => r.name)).toEqual(["Bantul", "Gunungkidul", "Kulon Progo", "Sleman"]);
    expect(sortRanking(rows, "name", false).map((r) => r.name)).toEqual(["Bantul", "Gunungkidul", "Kulon Progo", "Sleman"]);
  });
});

describe("the strip plot's dots", () => {
  it("never puts two close dots on the same row", () => {
    const dots = stackDots([50, 50.5, 51, 80, 10]);
    expect(dots).toHaveLength(5);
    const byRow = new Map<number, number[]>();
    for (const d of dots) byRow.set(d.row, [...(byRow.get(d.row) ?? []), d.total]);
    for (const totals of byRow.values()) for (let i = 1; i < totals.length; i++) expect((totals[i] ?? 0) - (totals[i - 1] ?? 0)).toBeGreaterThanOrEqual(2.2);
  });
});

describe("the evaluation's labels", () => {
  it("name every input the domain scores, in both languages, and items by their code and title", () => {
    for (const lang of ["id", "en"] as const) {
      const { t } = createI18n(NO_OWN_MESSAGES, lang);
      for (const name of ["instrumentInForce", "coordinators", "radRecorded", "dedicatedBudgetLine", "budgetAllocated", "budgetShare", "shareSpent", "meetings", "submitted", "onTime", "approved"]) {
        expect(inputLabel(t, name)).not.toBe(name);
      }
      expect(inputLabel(t, "P.1.2", new Map([["P.1.2", "Sosialisasi"]]))).toBe("P.1.2 · Sosialisasi");
      expect(inputLabel(t, "P.1.2")).toContain("P.1.2");
    }
    const { t } = createI18n(NO_OWN_MESSAGES, "en");
    expect(missingLabel(t, "readiness.radRecorded")).toBe("Readiness: Regional action plan (RAD) recorded");
    expect(missingLabel(t, "delivery")).toBe("Delivery: no input");
  });
});
