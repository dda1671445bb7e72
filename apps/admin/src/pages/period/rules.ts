/** The period forms' shared knowledge: where each period rule shows, and the rules beyond a period's own schema. */
import { checkPeriods, problemDetails, yearsLeftOut } from "@gugus/domain/ran";
import type { FormProblem } from "@gugus/ui";

/** Which field of a period form each rule belongs to, for the form's own checks and the server's answers. */
export const FIELD_OF_PERIOD_RULE: Readonly<Record<string, "number" | "firstYear" | "lastYear">> = {
  PERIOD_NUMBER_TAKEN: "number",
  PERIOD_NUMBER_ORDER: "number",
  PERIOD_NUMBER_SKIPPED: "number",
  PERIOD_OVERLAP: "firstYear",
  PERIOD_SHRINKS_PAST_TARGETS: "firstYear",
  YEAR_INVALID: "firstYear",
  PERIOD_YEARS_INVERTED: "lastYear",
  PERIOD_TOO_LONG: "lastYear",
};

type Span = { number: number; firstYear: number; lastYear: number };

/**
 * The first rule a period's years break among the other periods: its number taken, an overlap,
 * numbers out of year order or skipped; and, given the years that hold targets, leaving one out.
 */
export function checkPeriodSpan(others: readonly Span[], span: Span, targetYears: readonly number[] = []): FormProblem | undefined {
  if (others.some((p) => p.number === span.number)) return { code: "PERIOD_NUMBER_TAKEN", details: { number: span.number } };
  const [problem] = checkPeriods([...others, span]).problems;
  if (problem) return { code: problem.code, details: problemDetails(problem) };
  const left = yearsLeftOut(span, targetYears);
  return left.length > 0 ? { code: "PERIOD_SHRINKS_PAST_TARGETS", details: { years: left.join(", ") } } : undefined;
}
