export * from "./content.ts";
export * from "./workflow.ts";
export * from "./timeliness.ts";
