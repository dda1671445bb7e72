export * from "./client.ts";
export * from "./seed.ts";
export * from "./read-cache.ts";
export * from "./queries/hierarchy.ts";
export * from "./queries/ran.ts";
export * from "./queries/scope.ts";
export * from "./queries/accounts.ts";
export * from "./queries/security.ts";
export * as schema from "./schema.ts";
