import { describe, expect, it } from "vitest";
import { ReportContentSchema, emptyReportContent } from "./content.ts";
import { diffReportContent } from "./diff.ts";

describe("diffReportContent", () => {
  it("finds nothing between equal contents", () => {
    expect(diffReportContent(emptyReportContent(), emptyReportContent())).toEqual([]);
  });
  it("names each changed leaf by its dotted path, a blank turned zero included", () => {
    const before = ReportContentSchema.parse({ victims: { women: 2 }, budget: { lines: [{ source: "APBD", allocated: 10, spent: 5 }] } });
    const after = ReportContentSchema.parse({ victims: { women: 3, men: 0 }, budget: { lines: [{ source: "APBD", allocated: 10, spent: 7 }] } });
    expect(diffReportContent(before, after)).toEqual([
      { path: "victims.women", before: 2, after: 3 },
      { path: "victims.men", before: null, after: 0 },
      { path: "budget.lines.0.spent", before: 5, after: 7 },
    ]);
  });
  it("gives an added or removed list element whole, undefined on the side that lacks it", () => {
    const one = { subTaskForce: "prevention", what: "Rapat" } as const;
    const before = ReportContentSchema.parse({ activities: [one, one, one] });
    const after = ReportContentSchema.parse({ activities: [one, { ...one, what: "Pelatihan" }] });
    expect(diffReportContent(before, after)).toEqual([
      { path: "activities.1.what", before: "Rapat", after: "Pelatihan" },
      { path: "activities.2", before: before.activities[2], after: undefined },
    ]);
  });
  it("names a narrative written where there was none", () => {
    expect(diffReportContent(emptyReportContent(), ReportContentSchema.parse({ narrative: { obstacles: "Anggaran" } }))).toEqual([{ path: "narrative.obstacles", before: undefined, after: "Anggaran" }]);
  });
});
