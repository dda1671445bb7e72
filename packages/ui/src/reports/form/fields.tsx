/**
 * The report form's fields: a figure that keeps a blank as "not reported" (never 0) and keeps
 * what was typed until it is a number, and the words of a field's problems in the reader's language.
 */
import { Text, TextInput } from "@mantine/core";
import type { TextInputProps } from "@mantine/core";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemMessage } from "../../errors.ts";
import { readDecimalField, writeDecimalField } from "../../forms/problems.ts";
import { localeOf } from "../../i18n/index.ts";
import { dynamicMessage } from "../review/format.ts";
import type { FieldIssue, FormProblems, Patch } from "./model.ts";

/** What every section of the form is given. */
export type FormContextValue = {
  readOnly: boolean;
  change: (patch: Patch) => void;
  problems: FormProblems;
};

const FormContext = createContext<FormContextValue | null>(null);
export const ReportFormProvider = FormContext.Provider;

export function useReportFormContext(): FormContextValue {
  const value = useContext(FormContext);
  if (!value) throw new Error("a report form section outside ReportForm");
  return value;
}

/** The decimal separator the reader types: a comma in Bahasa Indonesia, a point in English. */
export function useDecimalSeparator(): "," | "." {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "." : ",";
}

/** Numbers in a problem's message as the reader writes them. */
function formattedParams(params: Record<string, string | number> | undefined, format: (n: number) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(params ?? {}).map(([k, v]) => [k, typeof v === "number" ? format(v) : v]));
}

/** Words a field's problem: a schema refusal by its error code, a check by `reportChecks.<code>`. */
export function useIssueWords(): (issue: FieldIssue) => string {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const number = new Intl.NumberFormat(localeOf(i18n.language), { maximumFractionDigits: 20 });
    return (issue: FieldIssue) =>
      issue.source === "schema" ? problemMessage(t, issue.code) : dynamicMessage(t, `reportChecks.${issue.code}`, issue.code, formattedParams(issue.params, (n) => number.format(n)));
  }, [t, i18n.language]);
}

/** The first problem of a field, as its error (schema, check error) or its warning. */
export function useFieldIssue(path: string): { error: string | undefined; warning: string | undefined } {
  const { problems } = useReportFormContext();
  const words = useIssueWords();
  const issues = problems.byPath.get(path) ?? [];
  const error = issues.find((i) => i.source !== "warning");
  const warning = issues.find((i) => i.source === "warning");
  return { error: error ? words(error) : undefined, warning: warning ? words(warning) : undefined };
}

/** A warning under a field: in the field's description, so the field stays valid. */
export function WarningText({ children }: { children: ReactNode }) {
  return (
    <Text component="span" size="xs" c="orange.9" fw={500} display="block">
      ⚠ {children}
    </Text>
  );
}

type FigureFieldProps = Omit<TextInputProps, "value" | "onChange" | "error"> & {
  label: string;
  /** The dotted path of the figure in the content, where its problems are found. */
  path: string;
  value: number | null;
  onValue: (value: number | null) => void;
  /** A rupiah amount: its value is shown grouped beneath as typed. */
  amount?: boolean;
};

/**
 * A figure of the report. Blank is null ("not reported"); a number as typed, fractions and
 * negatives included (the checks say what is wrong with them); anything else stays in the field
 * with a message and is not put into the report until it is a number.
 */
export function FigureField({ label, path, value, onValue, amount = false, description, ...props }: FigureFieldProps) {
  const { t, i18n } = useTranslation();
  const { readOnly } = useReportFormContext();
  const separator = useDecimalSeparator();
  const [text, setText] = useState(() => writeDecimalField(value, separator));
  const emitted = useRef<number | null>(value);
  const shownSeparator = useRef(separator);
  // A value from elsewhere (another version taken, a draft resumed) or a switch of language is shown as it is now.
  useEffect(() => {
    if (value !== emitted.current || separator !== shownSeparator.current) {
      emitted.current = value;
      shownSeparator.current = separator;
      setText(writeDecimalField(value, separator));
    }
  }, [value, separator]);
  const typed = readDecimalField(text, separator);
  const unreadable = text.trim() !== "" && typeof typed !== "number";
  const { error, warning } = useFieldIssue(path);
  const onChange = useCallback(
    (next: string) => {
      setText(next);
      const read = readDecimalField(next, separator);
      if (next.trim() === "") {
        emitted.current = null;
        onValue(null);
      } else if (typeof read === "number") {
        emitted.current = read;
        onValue(read);
      }
    },
    [onValue, separator],
  );
  const grouped = amount && typeof typed === "number" && Math.abs(typed) >= 1000 ? t("reports.budget.amount", { value: new Intl.NumberFormat(localeOf(i18n.language), { maximumFractionDigits: 2 }).format(typed) }) : null;
  const below =
    description || grouped || warning ? (
      <>
        {description}
        {grouped && (
          <Text component="span" size="xs" display="block">
            {grouped}
          </Text>
        )}
        {warning && <WarningText>{warning}</WarningText>}
      </>
    ) : undefined;
  return (
    <TextInput
      {...props}
      label={label}
      value={text}
      onChange={(e) => onChange(e.currentTarget.value)}
      readOnly={readOnly}
      inputMode="decimal"
      autoComplete="off"
      placeholder={readOnly ? t("reports.emptyValue") : undefined}
      description={below}
      inputWrapperOrder={["label", "input", "description", "error"]}
      error={unreadable ? t("reports.number.invalid") : error}
      data-path={path}
    />
  );
}

/** The label of a count: `reports.<group>.<key>`. */
export function countLabel(t: TFunction, group: string, key: string): string {
  return dynamicMessage(t, `reports.${group}.${key}`, key);
}
