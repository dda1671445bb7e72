/**
 * The report form's model: changing one leaf of the content without touching the rest, and the
 * problems of each field from the domain's own rules — the content schema (what may be saved at
 * all) and `checkReport` (what blocks submitting, what needs a second look). No rule is restated
 * here; this module only says where each problem shows.
 */
import { ReportContentSchema, checkReport } from "@gugus/domain/reports";
import type { ReportCheckContext, ReportChecks, ReportContent, ReportProblem } from "@gugus/domain/reports";
import type { ReportItem } from "./api.ts";

/** A change of the content: a function of the content before it. */
export type Patch = (content: ReportContent) => ReportContent;

type Path = readonly (string | number)[];

/** A copy of `node` with the leaf at `path` replaced (arrays stay arrays). */
export function setAt<T>(node: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(node)) {
    const copy = [...node];
    copy[Number(head)] = setAt(copy[Number(head)], rest, value);
    return copy as T;
  }
  const record = (node ?? {}) as Record<string, unknown>;
  return { ...record, [head]: setAt(record[head], rest, value) } as T;
}

/** The patch that sets one leaf, by its dotted path (`victims.women`, `budget.lines.0.spent`). */
export function setField(path: string, value: unknown): Patch {
  const segments = path.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return (content) => setAt(content, segments, value);
}

/** A problem shown on a field: a schema refusal (`errors.<code>`) or a check (`reportChecks.<code>`). */
export type FieldIssue = { source: "schema" | "error" | "warning"; code: string; params?: Record<string, string | number>; key?: string };

export type FormProblems = {
  /** Refusals of the content schema: the draft cannot be saved until they are fixed. */
  schema: FieldIssue[];
  /** The checks: errors block submitting, warnings need an acknowledgement. */
  checks: ReportChecks;
  /** Every issue by the path of the field it shows on. */
  byPath: Map<string, FieldIssue[]>;
};

/** The checks' context as the server builds it: the year's items with their targets, and last year's report. */
export function checkContextOf(view: { items: readonly ReportItem[]; period: { year: number }; previousContent: ReportContent | null }): ReportCheckContext {
  return { items: view.items, year: view.period.year, previous: view.previousContent, periodKnown: true };
}

const EMPTY_CHECKS: ReportChecks = { errors: [], warnings: [] };

/**
 * Every problem of a draft: the schema's refusals and, once the schema passes, the checks — the
 * same ones the server runs, with the same context. Without last year's report in the context, its
 * warnings come from the server's last answer.
 */
export function problemsOf(content: ReportContent, context: ReportCheckContext, serverChecks: ReportChecks = EMPTY_CHECKS): FormProblems {
  const parsed = ReportContentSchema.safeParse(content);
  const schema: FieldIssue[] = parsed.success ? [] : parsed.error.issues.map((issue) => ({ source: "schema", code: issue.message, key: issue.path.map(String).join(".") }));
  const checks = parsed.success ? checkReport(parsed.data, context) : EMPTY_CHECKS;
  const local = new Set([...checks.errors, ...checks.warnings].map((p) => p.key));
  const fromServer = (list: readonly ReportProblem[]) => (context.previous === null ? list.filter((p) => p.code === "TEN_TIMES_LAST_YEAR" && !local.has(p.key)) : []);
  const merged: ReportChecks = { errors: checks.errors, warnings: [...checks.warnings, ...fromServer(serverChecks.warnings)] };
  const byPath = new Map<string, FieldIssue[]>();
  const add = (path: string, issue: FieldIssue) => byPath.set(path, [...(byPath.get(path) ?? []), issue]);
  for (const issue of schema) add(issue.key ?? "", issue);
  for (const p of merged.errors) add(p.path, { source: "error", code: p.code, key: p.key, ...(p.params ? { params: p.params } : {}) });
  for (const p of merged.warnings) add(p.path, { source: "warning", code: p.code, key: p.key, ...(p.params ? { params: p.params } : {}) });
  return { schema, checks: merged, byPath };
}
