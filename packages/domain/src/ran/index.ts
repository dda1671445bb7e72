export * from "./periods.ts";
export * from "./reference.ts";
export * from "./settings.ts";
export * from "./calendar.ts";
export * from "./plan.ts";
export * from "./import.ts";
