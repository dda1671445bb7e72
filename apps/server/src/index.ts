export { buildServer, LIMITS } from "./app.ts";
export { readEnv } from "./env.ts";
export type { Env } from "./env.ts";
export { startServer } from "./start.ts";
