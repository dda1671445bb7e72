export * from "./levels.ts";
export * from "./tree.ts";
export * from "./restructuring.ts";
export * from "./papua-2022.ts";
