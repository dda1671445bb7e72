export * from "./announcements.ts";
