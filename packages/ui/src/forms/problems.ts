/**
 * From a domain schema's answer to one problem per form field: the one translation of zod issues
 * into field errors that every form uses. Pure, so the rules of the mapping are tested on their own.
 */
import type { z } from "zod";

/** What a field says is wrong: a domain error code and, for some rules, its facts. */
export type FieldProblem = { code: string; details?: Record<string, string | number | boolean | null> };

/** A rule beyond the schema (other records, stored years) broken by the values, and where it shows. */
export type FormProblem = FieldProblem & { field?: string };

export type ProblemsOptions<Values, Parsed> = {
  /** The domain schema the form's values must pass. */
  schema: z.ZodType<Parsed>;
  /** The schema's input made from the form's values ("" → null, text → number), when they differ. */
  toInput?: (values: Values) => unknown;
  /** Rules that need more than the values, checked once the schema passes: the first broken, or all of them. */
  check?: (parsed: Parsed, values: Values) => FormProblem | readonly FormProblem[] | undefined;
  /** The field each error code belongs to (for the rules of `check` and for the server's answers). */
  fieldOfRule?: Readonly<Record<string, string>>;
  /** The field a schema issue's path belongs to; by default its first segment ("targets.1" → "targets"). */
  fieldOfPath?: (path: string, values: Values) => string;
  /** The field that shows a problem whose own field is not in this form. */
  fallbackField?: string;
};

/** Does the form have a field at this dotted path ("targets.y2031")? */
export function hasField(values: object, path: string): boolean {
  let node: unknown = values;
  for (const segment of path.split(".")) {
    if (typeof node !== "object" || node === null || !(segment in node)) return false;
    node = (node as Record<string, unknown>)[segment];
  }
  return path !== "";
}

/** The field a rule's problem shows on: its own (from `check` or `fieldOfRule`) if the form has it, else the fallback. */
export function fieldOfProblem<Values extends object>(problem: FormProblem, values: Values, options: Pick<ProblemsOptions<Values, unknown>, "fieldOfRule" | "fallbackField">): string | undefined {
  const field = problem.field ?? options.fieldOfRule?.[problem.code];
  if (field !== undefined && hasField(values, field)) return field;
  return options.fallbackField;
}

/**
 * Checks a form's values with a domain schema, then with the rules beyond it, and returns the first
 * problem of each field (a field says one thing at a time), or an empty object when all is well.
 */
export function listFieldProblems<Values extends object, Parsed>(values: Values, options: ProblemsOptions<Values, Parsed>): Record<string, FieldProblem> {
  const parsed = options.schema.safeParse(options.toInput ? options.toInput(values) : values);
  const problems: Record<string, FieldProblem> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join(".");
      const field = options.fieldOfPath ? options.fieldOfPath(path, values) : (path.split(".")[0] ?? "");
      const target = hasField(values, field) ? field : fieldOfProblem({ code: issue.message }, values, options);
      if (target !== undefined && !(target in problems)) problems[target] = { code: issue.message };
    }
    return problems;
  }
  const found = options.check?.(parsed.data, values);
  for (const problem of found === undefined ? [] : "code" in found ? [found] : found) {
    const field = fieldOfProblem(problem, values, options);
    if (field !== undefined && !(field in problems)) problems[field] = problem.details ? { code: problem.code, details: problem.details } : { code: problem.code };
  }
  return problems;
}

/**
 * What a number field holds: the number typed, or the text itself when it is not a plain number, so
 * the schema refuses it with its own message instead of the field quietly changing it ("1e9" is not
 * 19, "-2030" is not 2030). An empty field holds "" (the schema's "required").
 */
export function readNumberField(text: string): number | string {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * What a decimal field holds: the number typed with the language's decimal separator ("1,5" in
 * Bahasa Indonesia, "1.5" in English), or the text itself when it is anything else — a thousands
 * separator, an exponent, the other language's separator — for the schema to refuse.
 */
export function readDecimalField(text: string, decimalSeparator: "," | "."): number | string {
  const trimmed = text.trim();
  const pattern = decimalSeparator === "," ? /^-?\d+(,\d+)?$/ : /^-?\d+(\.\d+)?$/;
  return pattern.test(trimmed) ? Number(trimmed.replace(",", ".")) : trimmed;
}

/** A stored number as it is typed in a decimal field of the language ("1,5" for 1.5 in Bahasa Indonesia). */
export function writeDecimalField(value: number | null | undefined, decimalSeparator: "," | "."): string {
  return value === null || value === undefined ? "" : String(value).replace(".", decimalSeparator);
}
