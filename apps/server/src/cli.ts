/**
 * The server's command line: `pnpm cli <command>` from the repository root.
 *   migrate        apply pending migrations to DATABASE_PATH
 *   seed           load the reference data (regions, task forces, RAN periods) where missing
 *   create-admin   create a central admin with a one-time password: --email <email> [--name <name>]
 *   backup         copy the live database (the server may keep running) to a new, checked file: --to <file>
 *   restore        replace the database with a backup file, with the server stopped: restore <file>
 *   audit-verify   walk the audit log's hash chain: "ok, N entries" or the first broken link (exit 1)
 *   demo           fill a fresh database with synthetic demonstration data (fixed seed): [--seed N]
 *   mfa-reset      remove an account's second factor (a lost device) when no other central admin can: mfa-reset <email>
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_DEMO_SEED, createCentralAdmin, loadDemoData, resetSecondFactorByEmail } from "@gugus/api";
import type { DemoSummary } from "@gugus/api";
import { listRanPeriods, openDatabase, seedDatabase, verifyAuditChain } from "@gugus/db";
import type { AuditVerification, DatabaseHandle } from "@gugus/db";
import { DomainError, todayAt } from "@gugus/domain";
import { ZodError } from "zod";
import { BackupError, backupDatabase, restoreDatabase } from "./backup.ts";
import type { FileInspection } from "./backup.ts";
import { firstAdminBanner } from "./banner.ts";
import { DatabaseInUseError, acquireDatabaseLock } from "./database-lock.ts";
import type { DatabaseLock } from "./database-lock.ts";
import { EnvError, readEnv } from "./env.ts";

const USAGE = `usage: pnpm cli <command>

commands:
  migrate        apply pending migrations to the database (DATABASE_PATH)
  seed           load the reference data where missing (idempotent)
  create-admin   create a central admin with a one-time password
                 --email <email>  (required)   --name <name>  (default "Administrator Pusat")
  backup         copy the live database to a new file, checked, owner-only; the server may keep running
                 --to <file>  (required; must not exist yet)
  restore <file> replace the database with a backup, with the server stopped; the file must pass
                 the integrity check and be at this version's migration level; the old file is kept aside
  audit-verify   check the audit log's hash chain from the first entry: prints "ok, N entries" and the
                 last hash (keep it elsewhere to notice a cut-off tail), or the first broken link (exit 1)
  demo           fill a fresh database with SYNTHETIC demonstration data, with the server stopped: task
                 forces forming over the years, action items, and reports from the first RAN period's
                 first year to last year (this year's as drafts), with missing, late and returned ones;
                 every screen then says "synthetic data". Refused once a real report exists, or twice
                 --seed <n>  (default ${DEFAULT_DEMO_SEED}; the same seed gives the same data)
  mfa-reset <email>
                 remove the account's second factor (authenticator app and recovery codes), end its
                 sessions and print a new one-time password, for a lost device when no other central
                 admin can; with it the owner chooses a password and sets up an app again. Audited
                 with "cli" as the actor`;

/** What `demo` says it loaded, ending with the warning that none of it is real. */
export function describeDemo(s: DemoSummary, databasePath: string): string {
  const statuses = Object.entries(s.byStatus)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${n} ${status}`)
    .join(", ");
  return [
    `loaded demonstration data into ${databasePath} (seed ${s.seed}, ${s.firstYear}–${s.lastYear}):`,
    `  ${s.instruments} establishment instruments (formed by 2018: ${s.formed2018.provinces} provinces, ${s.formed2018.regencies} regencies/cities; by ${s.lastYear}: ${s.formedAtEnd.provinces} and ${s.formedAtEnd.regencies})`,
    `  ${s.memberships} positions, ${s.actionItems} action items`,
    `  ${s.reports} reports over ${s.reportingPeriods} reporting periods: ${statuses}; ${s.late} late, ${s.missing} missing`,
    "",
    "WARNING: this is SYNTHETIC data for demonstration only — not real figures of any task force.",
    "Every screen says so. Do not load it into a database meant for real reports.",
  ].join("\n");
}

const describe = (i: FileInspection) =>
  `${Object.keys(i.rows).length} tables, integrity ${i.integrity}, ${i.migrations.applied} migrations${i.migrations.matches ? "" : ` (${i.migrations.reason})`}`;

/** One line for an operator: the chain holds, or where it breaks. */
export function describeAuditVerification(v: AuditVerification): string {
  if (v.ok) return `ok, ${v.entries} entries${v.lastHash ? `; last hash ${v.lastHash}` : ""}`;
  const follows = v.previousId === null ? "match its own content" : `follow from entry ${v.previousId} before it and its own content`;
  const what = v.reason === "hash_missing" ? "has no hash (written around the log's writer)" : `does not ${follows} (an entry was changed, removed or inserted)`;
  return `broken at entry ${v.brokenAt}: it ${what}; the ${v.entries} entries before it are sound`;
}

/** Files the backup and restore write (the copy, SQLite's journals) are created owner-only. */
async function withPrivateFiles<T>(run: () => Promise<T> | T): Promise<T> {
  let previous: number | undefined;
  try {
    previous = process.umask(0o077);
  } catch {
    // Worker threads cannot change the mask; the copies are still chmod-ed to 0600.
  }
  try {
    return await run();
  } finally {
    if (previous !== undefined) process.umask(previous);
  }
}

/** Runs a backup or restore, reporting a refusal as one line and exit code 1. */
async function refusable(run: () => Promise<void> | void): Promise<number> {
  try {
    await withPrivateFiles(run);
    return 0;
  } catch (error) {
    if (error instanceof BackupError || error instanceof DatabaseInUseError) {
      console.error(`refused: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/**
 * `demo`: holds the database's lock while loading (refused while the server runs on the file, as a
 * restore is), migrates and seeds it if needed, then loads the demonstration data up to this year.
 */
function loadDemo(databasePath: string, seed: number): number {
  const refused = (error: Error) => {
    console.error(`refused: ${error.message}`);
    return 1;
  };
  let lock: DatabaseLock;
  try {
    lock = acquireDatabaseLock(databasePath, { purpose: "demo" });
  } catch (error) {
    if (error instanceof DatabaseInUseError) return refused(error);
    throw error;
  }
  let db: DatabaseHandle | undefined;
  try {
    db = openDatabase({ path: databasePath });
    seedDatabase(db.db);
    const now = new Date();
    const firstYear = Math.min(...listRanPeriods(db.db).map((p) => p.firstYear));
    const summary = loadDemoData(db, { seed, firstYear, lastYear: Number(todayAt(now, null).slice(0, 4)), now });
    console.log(describeDemo(summary, databasePath));
    return 0;
  } catch (error) {
    if (error instanceof DomainError) return refused(error);
    throw error;
  } finally {
    db?.close();
    lock.release();
  }
}

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
    // Second factor
    case "mfa-reset": {
      const email = argv[1];
      if (!email) {
        console.error(`mfa-reset needs an email\n\n${USAGE}`);
        return 2;
      }
      const db = openDatabase({ path: env.databasePath });
      try {
        const { sessionsEnded, oneTimePassword, expiresAt } = await resetSecondFactorByEmail(db.db, { email, now: new Date(), by: "cli" });
        console.log(
          `second factor of ${email.trim().toLowerCase()} removed; ${sessionsEnded} session(s) ended.\n` +
            `one-time password (hand it to the owner in person; valid until ${new Date(expiresAt).toISOString()}): ${oneTimePassword}\n` +
            "With it the owner chooses a new password, then sets up an authenticator app again.",
        );
        return 0;
      } catch (error) {
        if (error instanceof DomainError || error instanceof ZodError) {
          console.error(error instanceof DomainError ? error.message : "The email is not valid.");
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
    case "backup": {
      const { values } = parseArgs({ args: argv.slice(1), options: { to: { type: "string" } }, strict: true });
      if (!values.to) {
        console.error(`backup needs --to <file>\n\n${USAGE}`);
        return 2;
      }
      const to = resolve(env.workingDirectory, values.to);
      return refusable(async () => {
        const done = await backupDatabase({ databasePath: env.databasePath, to });
        console.log(`backed up ${env.databasePath} to ${done.file}: ${done.totalRows} rows in ${describe(done.inspection)}; readable by its owner only`);
      });
    }
    case "restore": {
      const { positionals } = parseArgs({ args: argv.slice(1), options: {}, allowPositionals: true, strict: true });
      if (positionals.length !== 1) {
        console.error(`restore needs one backup file\n\n${USAGE}`);
        return 2;
      }
      const from = resolve(env.workingDirectory, positionals[0]!);
      return refusable(() => {
        const done = restoreDatabase({ databasePath: env.databasePath, from });
        console.log(`restored ${from} into ${env.databasePath}: ${done.totalRows} rows in ${describe(done.inspection)}`);
        console.log(done.keptAside ? `the previous database is kept at ${done.keptAside}` : "there was no database before");
      });
    }
    case "audit-verify": {
      const db = openDatabase({ path: env.databasePath });
      try {
        const verification = verifyAuditChain(db.db);
        if (verification.ok) {
          console.log(describeAuditVerification(verification));
          return 0;
        }
        console.error(describeAuditVerification(verification));
        return 1;
      } finally {
        db.close();
      }
    }
    case "demo": {
      const { values } = parseArgs({ args: argv.slice(1), options: { seed: { type: "string" } }, strict: true });
      const seed = values.seed === undefined ? DEFAULT_DEMO_SEED : Number(values.seed);
      if (!/^\d{1,10}$/.test(values.seed ?? "0") || !Number.isSafeInteger(seed) || seed > 0xffffffff) {
        console.error(`demo needs --seed to be a whole number from 0 to ${0xffffffff}\n\n${USAGE}`);
        return 2;
      }
      return loadDemo(env.databasePath, seed);
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
