/**
 * The one form hook over the domain schemas: the values are checked with the same zod schema the
 * server uses (and, given `check`, the rules that need more than the values) as the user types;
 * each field shows its first problem in the user's language; a refusal from the server lands on its
 * field; and the form knows whether it holds typed input not yet saved.
 */
import { useForm } from "@mantine/form";
import type { UseFormReturnType } from "@mantine/form";
import type { TFunction } from "i18next";
import type { FormEvent, ReactNode } from "react";
import { createElement, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorDetailsOf, errorKeyOf, errorMessage, fieldErrors, problemMessage } from "../errors.ts";
import { useUnsavedChanges } from "./unsaved.tsx";
import { hasField, listFieldProblems } from "./problems.ts";
import type { ProblemsOptions } from "./problems.ts";

export type DomainFormOptions<Values, Parsed> = ProblemsOptions<Values, Parsed> & {
  /** The values the form starts with. */
  initialValues: Values;
  /**
   * When to check as the user types: `"all"` — the whole form once any field is touched (rules that
   * span fields, like a period's two years); `"touched"` (the default) — each field once touched.
   */
  live?: "all" | "touched";
  /** Messages of this form's own rules that are no domain code (two password fields that differ), by code. */
  messages?: Readonly<Record<string, string>>;
  /** Ask before typed input is left (default true); false for forms whose input is not worth keeping (signing in). */
  guard?: boolean;
};

export type DomainForm<Values, Parsed> = {
  /** The Mantine form (for `getInputProps`, `values`, `setFieldValue`). */
  form: UseFormReturnType<Values>;
  /** A submit handler that checks everything, then hands the schema's output to `save`. */
  onSubmit: (save: (parsed: Parsed, values: Values) => void) => (event?: FormEvent<HTMLFormElement>) => void;
  /** Puts a refusal from the server on the field it belongs to; true when it did (no alert needed then). */
  showOnField: (error: unknown) => boolean;
  /** Does this refusal from the server belong to a field of this form? */
  isOnField: (error: unknown) => boolean;
  /** Does the form hold typed input that is not saved? */
  isDirty: boolean;
  /** Takes the current values as saved: the form no longer asks before they are left. */
  markSaved: () => void;
};

/** A message worded when it is shown, so a field's error follows a switch of language. */
function Translated({ word }: { word: (t: TFunction) => string }): string {
  const { t } = useTranslation();
  return word(t);
}

/** A field error kept as a way to word it, not as words: it is worded in the language of the moment. */
const inCurrentLanguage = (word: (t: TFunction) => string): ReactNode => createElement(Translated, { word });

/** A form checked with a domain schema; see the module's comment. */
export function useDomainForm<Values extends Record<string, unknown>, Parsed>(options: DomainFormOptions<Values, Parsed>): DomainForm<Values, Parsed> {
  const { t } = useTranslation();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: options.initialValues,
    validate: (values) => Object.fromEntries(Object.entries(listFieldProblems(values, options)).map(([field, p]) => [field, options.messages?.[p.code] ?? inCurrentLanguage((tt) => problemMessage(tt, p.code, p.details))])),
  });
  const [saved, setSaved] = useState(() => JSON.stringify(options.initialValues));
  const snapshot = JSON.stringify(form.values);
  useEffect(() => {
    if (!form.isTouched()) return;
    if (options.live === "all") {
      form.validate();
      return;
    }
    for (const field of Object.keys(form.values)) if (form.isTouched(field)) form.validateField(field);
    // Runs when the values change; `form` and `options` are stable for a form's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot]);
  const isDirty = snapshot !== saved;
  useUnsavedChanges(isDirty && options.guard !== false);
  const fieldOfPath = (path: string) => (options.fieldOfPath ? options.fieldOfPath(path, form.getValues()) : (path.split(".")[0] ?? ""));
  const fieldOfError = (error: unknown): string | undefined => {
    // A refusal that names the path it is about (`targets.1.value`) shows there; else where its rule does.
    const path = errorDetailsOf(error)?.path;
    const field = typeof path === "string" ? fieldOfPath(path) : options.fieldOfRule?.[errorKeyOf(error)];
    return field !== undefined && hasField(form.getValues(), field) ? field : undefined;
  };
  return {
    form,
    onSubmit: (save) =>
      form.onSubmit((values) => {
        const parsed = options.schema.safeParse(options.toInput ? options.toInput(values) : values);
        if (parsed.success) save(parsed.data, values);
      }),
    showOnField: (error) => {
      const field = fieldOfError(error);
      if (field !== undefined) {
        form.setFieldError(field, inCurrentLanguage((tt) => errorMessage(tt, error)));
        return true;
      }
      const byPath = fieldErrors(t, error);
      const onFields = Object.entries(byPath)
        .map(([path]) => [fieldOfPath(path), path] as const)
        .filter(([f]) => hasField(form.getValues(), f));
      for (const [f, path] of onFields) form.setFieldError(f, inCurrentLanguage((tt) => fieldErrors(tt, error)[path] ?? ""));
      return onFields.length > 0;
    },
    isOnField: (error) => fieldOfError(error) !== undefined || Object.keys(fieldErrors(t, error)).some((path) => hasField(form.getValues(), fieldOfPath(path))),
    isDirty: isDirty && options.guard !== false,
    markSaved: () => setSaved(JSON.stringify(form.getValues())),
  };
}

