export * from "./roles.ts";
export * from "./passwords.ts";
export * from "./accounts.ts";
export * from "./sessions.ts";
export * from "./throttle.ts";
// Second factor
export * from "./mfa.ts";
export * from "./audit.ts";
// Accounts at scale
export * from "./bulk.ts";
