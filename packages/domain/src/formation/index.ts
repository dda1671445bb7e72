export * from "./instruments.ts";
export * from "./composition.ts";
export * from "./coverage.ts";
export * from "./import.ts";
