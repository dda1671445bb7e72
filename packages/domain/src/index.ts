/**
 * @gugus/domain — the rules of Indonesia's anti-trafficking task-force network (Gugus Tugas
 * PP-TPPO), with no IO: regions and their codes, the task-force hierarchy, time zones, the six
 * sub-task-forces, the RAN periods, accounts (roles, scope, password and session rules), the yearly reports (content, checks, workflow,
 * timeliness, reporting rate), the performance evaluation (scores, ranks with bands) and small-count
 * suppression. Import the whole package or a named entry point (`@gugus/domain/regions`, `/hierarchy`,
 * `/ran`, `/ran/numerals`, `/sub-task-forces`, `/accounts`, `/formation`, `/reports`, `/evaluation`,
 * `/suppression`, `/privacy`, `/dates`, `/errors`).
 */
export * from "./errors.ts";
export * from "./dates.ts";
export * from "./regions/index.ts";
export * from "./hierarchy/index.ts";
export * from "./sub-task-forces.ts";
export * from "./ran/index.ts";
export * from "./accounts/index.ts";
export * from "./formation/index.ts";
export * from "./privacy.ts";
export * from "./text.ts";
export * from "./reports/index.ts";
export * from "./evaluation/index.ts";
export * from "./suppression.ts";
// Announcements
export * from "./announcements/index.ts";
