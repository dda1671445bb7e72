export * from "./periods.ts";
export * from "./reference.ts";
export * from "./settings.ts";
export * from "./calendar.ts";
export * from "./plan.ts";
export * from "./import.ts";
export * from "./adoption.ts";
export * from "./coordinators.ts";
