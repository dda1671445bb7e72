/** Form behaviour both apps share. */
import type { UseFormReturnType } from "@mantine/form";
import { useEffect } from "react";

/**
 * Checks a form as the user types, including rules that span fields (a period's two years, a
 * cumulative target against the year before): after every change, the whole form is checked — or,
 * given `paths`, each of those fields the user has already touched, so untouched fields stay quiet.
 */
export function useLiveValidation<Values extends Record<string, unknown>>(form: UseFormReturnType<Values>, paths?: readonly string[]): void {
  const snapshot = JSON.stringify(form.getValues());
  useEffect(() => {
    if (!paths) {
      if (form.isTouched()) form.validate();
      return;
    }
    for (const path of paths) if (form.isTouched(path)) form.validateField(path);
    // Runs when the values change; `form` and `paths` are stable for a form's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot]);
}
