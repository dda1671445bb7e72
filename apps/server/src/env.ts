/**
 * The server's configuration, read and validated here and nowhere else. Relative paths are taken
 * from the repository root, so `pnpm start` and the CLI agree on where the database lives.
 */
import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The repository root (two levels above apps/server). */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_PATH: z.string().min(1).default("data/gugus.sqlite"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** Email of the central admin created on first start (an empty database). */
  FIRST_ADMIN_EMAIL: z.string().trim().toLowerCase().pipe(z.email()).default("admin@gugus.local"),
  /**
   * Trust X-Forwarded-* from a reverse proxy: "false" (default) or the proxy's addresses/CIDRs,
   * comma-separated. "true" is refused: it would let any client choose its address.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default("false")
    .refine((v) => v !== "true", { message: "give the proxy's addresses (e.g. 127.0.0.1 or 10.0.0.0/8), not true" }),
  /** Most API requests per client address per minute; 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  /** Set by pnpm to the folder `pnpm cli …` was typed in (the CLI itself runs in apps/server). */
  INIT_CWD: z.string().min(1).optional(),
});

export type Env = {
  port: number;
  host: string;
  /** Absolute path of the SQLite file, or `:memory:`. */
  databasePath: string;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  nodeEnv: z.infer<typeof EnvSchema>["NODE_ENV"];
  firstAdminEmail: string;
  trustProxy: false | string[];
  rateLimitPerMinute: number;
  /** Where the user typed the command: the CLI takes file arguments relative to it. */
  workingDirectory: string;
};

function parseTrustProxy(value: string): false | string[] {
  if (value === "false" || value === "") return false;
  return value.split(",").map((s) => s.trim()).filter(Boolean);
}

/** Thrown with every problem found, each naming its variable. */
export class EnvError extends Error {
  override name = "EnvError";
}

/** Reads the configuration from an environment (process.env by default). */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH === ":memory:" || isAbsolute(e.DATABASE_PATH) ? e.DATABASE_PATH : resolve(REPO_ROOT, e.DATABASE_PATH),
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    firstAdminEmail: e.FIRST_ADMIN_EMAIL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    workingDirectory: e.INIT_CWD ?? process.cwd(),
  };
}
