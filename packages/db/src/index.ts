export * from "./client.ts";
export * from "./seed.ts";
export * from "./read-cache.ts";
export * from "./queries/hierarchy.ts";
export * from "./queries/ran.ts";
export * from "./queries/scope.ts";
export * from "./queries/accounts.ts";
export * from "./queries/security.ts";
export * from "./queries/audit.ts";
export * from "./queries/formation.ts";
export * from "./queries/restructure.ts";
export * as schema from "./schema.ts";
export * from "./queries/reports.ts";
export * from "./queries/notifications.ts";
export * from "./queries/evaluation.ts";
// Regional action plans (RAD)
export * from "./queries/rad.ts";
// Announcements
export * from "./queries/announcements.ts";
// Second factor
export * from "./queries/mfa.ts";
