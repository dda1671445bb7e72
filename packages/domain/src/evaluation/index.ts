export * from "./settings.ts";
export * from "./score.ts";
export * from "./ranking.ts";
export * from "./summary.ts";
