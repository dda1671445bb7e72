export * from "./periods.ts";
export * from "./reference.ts";
