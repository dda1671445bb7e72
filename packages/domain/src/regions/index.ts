export * from "./codes.ts";
export * from "./catalogue.ts";
export * from "./time-zones.ts";
