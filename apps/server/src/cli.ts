/**
 * The server's command line: `pnpm cli <command>` from the repository root.
 *   migrate   apply pending migrations to DATABASE_PATH
 *   seed      load the reference data (regions, task forces, RAN periods) where missing
 */
import { openDatabase, seedDatabase } from "@gugus/db";
import { EnvError, readEnv } from "./env.ts";

const USAGE = `usage: pnpm cli <command>

commands:
  migrate   apply pending migrations to the database (DATABASE_PATH)
  seed      load the reference data where missing (idempotent)`;

export function runCli(argv: readonly string[], env = readEnv()): number {
  const command = argv[0] ?? "";
  switch (command) {
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
    process.exitCode = runCli(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : error);
    process.exitCode = 1;
  }
}
