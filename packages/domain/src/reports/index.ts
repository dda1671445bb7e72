export * from "./content.ts";
export * from "./workflow.ts";
export * from "./timeliness.ts";
export * from "./checks.ts";
export * from "./completeness.ts";
export * from "./rate.ts";
export * from "./diff.ts";
