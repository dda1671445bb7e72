export { useDomainForm } from "./useDomainForm.ts";
export type { DomainForm, DomainFormOptions } from "./useDomainForm.ts";
export { fieldOfProblem, hasField, listFieldProblems, readDecimalField, readNumberField, writeDecimalField } from "./problems.ts";
export type { FieldProblem, FormProblem, ProblemsOptions } from "./problems.ts";
export { FormModal, useUnsavedChanges } from "./unsaved.tsx";
export { NumberField } from "./NumberField.tsx";
