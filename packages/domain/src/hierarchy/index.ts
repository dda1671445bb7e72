export * from "./levels.ts";
export * from "./tree.ts";
