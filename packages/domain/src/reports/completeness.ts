/**
 * How complete a report's content is, section by section: "submitted" alone does not mean
 * "complete", so the reporting rate shows this beside it. A blank count is "not reported" and
 * leaves its section incomplete; a zero is a figure and fills it.
 */
import { listReportCounts } from "./checks.ts";
import { REPORT_SECTIONS } from "./content.ts";
import type { ReportContent, ReportSection } from "./content.ts";

export type SectionState = "empty" | "partial" | "complete";
export type SectionCompleteness = { section: ReportSection; state: SectionState; filled: number; total: number };
export type ReportCompleteness = { sections: SectionCompleteness[]; filled: number; total: number; ratio: number };

const hasText = (text: string | undefined) => text !== undefined && text.trim() !== "";

/** What each section has to fill, and how much of it is filled. */
function slotsOf(content: ReportContent, section: ReportSection, itemIds: readonly number[]): boolean[] {
  switch (section) {
    case "activities":
      return [content.activities.length > 0];
    case "realisations": {
      const reported = new Set(content.realisations.filter((r) => r.value !== null).map((r) => r.actionItemId));
      return itemIds.map((id) => reported.has(id));
    }
    case "budget": {
      const b = content.budget;
      return [b.lines.length > 0 && b.lines.every((l) => l.allocated !== null && l.spent !== null), b.dedicatedLine !== null, b.regionTotalBudget !== null];
    }
    case "narrative":
      return [hasText(content.narrative.obstacles), hasText(content.narrative.recommendations)];
    case "victims":
    case "lawEnforcement":
    case "services":
    case "networkScope":
    case "prevention":
    case "coordination":
      return listReportCounts(content)
        .filter((c) => c.path.startsWith(`${section}.`))
        .map((c) => c.value !== null);
  }
}

/**
 * Each section's state — empty, partial or complete (every count reported, every item of
 * `itemIds` given a realisation) — and the share of everything to fill that is filled (0..1). A
 * section with nothing to fill (realisations when the period has no items at this level) is complete.
 */
export function reportCompleteness(content: ReportContent, { itemIds }: { itemIds: readonly number[] }): ReportCompleteness {
  const sections = REPORT_SECTIONS.map((section): SectionCompleteness => {
    const slots = slotsOf(content, section, itemIds);
    const filled = slots.filter(Boolean).length;
    const state: SectionState = filled === slots.length ? "complete" : filled === 0 ? "empty" : "partial";
    return { section, state, filled, total: slots.length };
  });
  const filled = sections.reduce((s, x) => s + x.filled, 0);
  const total = sections.reduce((s, x) => s + x.total, 0);
  return { sections, filled, total, ratio: total === 0 ? 1 : filled / total };
}
