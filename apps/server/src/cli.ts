/**
 * The server's command line: `pnpm cli <command>` from the repository root.
 *   migrate        apply pending migrations to DATABASE_PATH
 *   seed           load the reference data (regions, task forces, RAN periods) where missing
 *   create-admin   create a central admin with a one-time password: --email <email> [--name <name>]
 */
import { parseArgs } from "node:util";
import { createCentralAdmin } from "@gugus/api";
import { openDatabase, seedDatabase } from "@gugus/db";
import { DomainError } from "@gugus/domain";
import { ZodError } from "zod";
import { firstAdminBanner } from "./banner.ts";
import { EnvError, readEnv } from "./env.ts";

const USAGE = `usage: pnpm cli <command>

commands:
  migrate        apply pending migrations to the database (DATABASE_PATH)
  seed           load the reference data where missing (idempotent)
  create-admin   create a central admin with a one-time password
                 --email <email>  (required)   --name <name>  (default "Administrator Pusat")`;

export async function runCli(argv: readonly string[], env = readEnv()): Promise<number> {
  const command = argv[0] ?? "";
  switch (command) {
    case "create-admin": {
      const { values } = parseArgs({ args: argv.slice(1), options: { email: { type: "string" }, name: { type: "string" } }, strict: true });
      if (!values.email) {
        console.error(`create-admin needs --email\n\n${USAGE}`);
        return 2;
      }
      const db = openDatabase({ path: env.databasePath });
      try {
        seedDatabase(db.db);
        const admin = await createCentralAdmin(db.db, { email: values.email, name: values.name ?? "Administrator Pusat", now: new Date(), by: "cli" });
        console.log(firstAdminBanner(admin));
        return 0;
      } catch (error) {
        if (error instanceof DomainError || error instanceof ZodError) {
          console.error(error instanceof DomainError ? error.message : "The email or name is not valid.");
          return 1;
        }
        throw error;
      } finally {
        db.close();
      }
    }
    case "migrate": {
      const db = openDatabase({ path: env.databasePath });
      db.close();
      console.log(`migrated ${env.databasePath}`);
      return 0;
    }
    case "seed": {
      const db = openDatabase({ path: env.databasePath });
      try {
        const added = seedDatabase(db.db);
        console.log(`seeded ${env.databasePath}: added ${added.regions} regions, ${added.taskForces} task forces, ${added.periods} RAN periods`);
      } finally {
        db.close();
      }
      return 0;
    }
    default:
      console.error(command ? `unknown command: ${command}\n\n${USAGE}` : USAGE);
      return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = await runCli(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
