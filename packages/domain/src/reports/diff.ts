/**
 * What changed between two versions of a report's content, leaf by leaf: used to show what changed
 * since the last submission, and what a conflicting save would overwrite.
 */
import type { ReportContent } from "./content.ts";

/** One changed leaf: a dotted path (`victims.women`, `budget.lines.0.spent`, `activities.2`) and its values; `undefined` where one side has no such element. */
export type ReportChange = { path: string; before: unknown; after: unknown };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

function walk(before: unknown, after: unknown, path: string, out: ReportChange[]): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) {
      const p = path ? `${path}.${i}` : String(i);
      if (i >= before.length) out.push({ path: p, before: undefined, after: after[i] });
      else if (i >= after.length) out.push({ path: p, before: before[i], after: undefined });
      else walk(before[i], after[i], p, out);
    }
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) walk(before[key], after[key], path ? `${path}.${key}` : key, out);
    return;
  }
  if (before !== after) out.push({ path, before, after });
}

/** The leaves that differ between two contents, in the order of the content's keys; empty when they are the same. */
export function diffReportContent(before: ReportContent, after: ReportContent): ReportChange[] {
  const out: ReportChange[] = [];
  walk(before, after, "", out);
  return out;
}
