/**
 * Backing up and restoring the database file (`pnpm cli backup`, `pnpm cli restore`).
 *
 * A backup is SQLite's online backup of the live file, taken while the server serves (its writes go
 * on; the copy is one consistent snapshot), checked with `PRAGMA integrity_check`, turned into one
 * self-contained file (rollback journal, no -wal beside it) readable by its owner only.
 *
 * A restore puts such a file in place of the database while no server runs: it refuses a file that
 * fails the integrity check or whose migration level (drizzle's `__drizzle_migrations`) is not the
 * one of the committed migrations, and keeps the replaced file aside.
 */
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { MIGRATIONS_FOLDER, openDatabase } from "@gugus/db";
import type { SqliteConnection } from "@gugus/db";
import { acquireDatabaseLock } from "./database-lock.ts";

/** A refusal the CLI reports as it is (exit code 1). */
export class BackupError extends Error {
  override name = "BackupError";
}

export type Migration = { tag: string; hash: string; createdAt: number };

/** The committed migrations, hashed as drizzle's migrator hashes them (sha256 of the SQL file). */
export function listCommittedMigrations(folder: string = MIGRATIONS_FOLDER): Migration[] {
  const journal = JSON.parse(readFileSync(join(folder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string; when: number }[] };
  return journal.entries.map((entry) => ({
    tag: entry.tag,
    createdAt: entry.when,
    hash: createHash("sha256").update(readFileSync(join(folder, `${entry.tag}.sql`)).toString()).digest("hex"),
  }));
}

/** The migrations a database says it has applied, oldest first (none when it has no migrations table). */
export function listAppliedMigrations(sqlite: SqliteConnection): { hash: string; createdAt: number }[] {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").pluck().get();
  if (table === undefined) return [];
  const rows = sqlite.prepare("SELECT hash, created_at AS createdAt FROM __drizzle_migrations ORDER BY created_at, id").all() as { hash: string; createdAt: number | string }[];
  return rows.map((row) => ({ hash: row.hash, createdAt: Number(row.createdAt) }));
}

export type MigrationLevel =
  | { matches: true; applied: number }
  | { matches: false; applied: number; committed: number; reason: string };

/** Whether a database has exactly the committed migrations applied, in order. */
export function checkMigrationLevel(sqlite: SqliteConnection, committed: Migration[] = listCommittedMigrations()): MigrationLevel {
  const applied = listAppliedMigrations(sqlite);
  const counts = { applied: applied.length, committed: committed.length };
  const firstDifferent = applied.findIndex((m, i) => committed[i]?.hash !== m.hash);
  if (firstDifferent >= 0) {
    const known = committed[firstDifferent];
    return {
      matches: false,
      ...counts,
      reason: known
        ? `its migration ${firstDifferent + 1} is not the committed ${known.tag}`
        : `it has ${applied.length} migrations, newer than the ${committed.length} this version knows`,
    };
  }
  if (applied.length < committed.length) {
    return { matches: false, ...counts, reason: `it has ${applied.length} of the ${committed.length} committed migrations (an older version made it)` };
  }
  return { matches: true, applied: applied.length };
}

/** Rows per table (SQLite's own tables left out): what a backup and its restore must agree on. */
export function countRows(sqlite: SqliteConnection): Record<string, number> {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((name) => [name, Number(sqlite.prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get())]));
}

/** SQLite's full self-check: "ok", or the problems it lists. */
export function checkIntegrity(sqlite: SqliteConnection): string {
  const rows = sqlite.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join("; ");
}

export type FileInspection = {
  integrity: string;
  migrations: MigrationLevel;
  rows: Record<string, number>;
};

/**
 * Opens a database file that is no live database (a fresh copy), runs the integrity check, reads its
 * migration level and row counts, and leaves it as one self-contained file (rollback journal). A
 * file that is not a SQLite database is a BackupError.
 */
function inspectCopy(path: string, { copyOf }: { copyOf: string }): FileInspection {
  let handle;
  try {
    handle = openDatabase({ path, migrate: false });
  } catch (error) {
    throw new BackupError(`${copyOf} is not a usable SQLite database (${(error as Error).message})`);
  }
  try {
    const integrity = checkIntegrity(handle.sqlite);
    if (integrity !== "ok") return { integrity, migrations: { matches: false, applied: 0, committed: 0, reason: "not read" }, rows: {} };
    const inspection = { integrity, migrations: checkMigrationLevel(handle.sqlite), rows: countRows(handle.sqlite) };
    handle.sqlite.pragma("journal_mode = DELETE");
    return inspection;
  } catch (error) {
    // A damaged page can make the check itself fail ("database disk image is malformed").
    return { integrity: (error as Error).message, migrations: { matches: false, applied: 0, committed: 0, reason: "not read" }, rows: {} };
  } finally {
    handle.close();
  }
}

function refuseMemory(databasePath: string): void {
  if (databasePath === ":memory:") throw new BackupError("DATABASE_PATH is :memory:: there is no file to back up or restore");
}

const totalRows = (rows: Record<string, number>) => Object.values(rows).reduce((a, b) => a + b, 0);

export type BackupResult = { file: string; inspection: FileInspection; totalRows: number };

/**
 * Copies the live database to a new file `to` while the server may keep writing, checks the copy,
 * and leaves it readable by its owner only. Refuses to overwrite an existing file.
 */
export async function backupDatabase({ databasePath, to }: { databasePath: string; to: string }): Promise<BackupResult> {
  refuseMemory(databasePath);
  const file = resolve(to);
  if (!existsSync(databasePath)) throw new BackupError(`there is no database at ${databasePath}`);
  if (existsSync(file)) throw new BackupError(`${file} exists already: choose a new file name`);
  if (!existsSync(dirname(file))) throw new BackupError(`the folder ${dirname(file)} does not exist`);
  const partial = `${file}.partial`;
  // Created owner-only before SQLite writes into it, so the copy is never readable by others.
  writeFileSync(partial, "", { mode: 0o600 });
  chmodSync(partial, 0o600);
  try {
    const source = openDatabase({ path: databasePath, migrate: false });
    try {
      // All pages in one step: one read transaction, so the server's writes meanwhile (another
      // connection) cannot make SQLite restart the copy again and again.
      await source.sqlite.backup(partial, { progress: () => 0x7fffffff });
    } finally {
      source.close();
    }
    const inspection = inspectCopy(partial, { copyOf: databasePath });
    if (inspection.integrity !== "ok") throw new BackupError(`the copy failed its integrity check: ${inspection.integrity}`);
    renameSync(partial, file);
    chmodSync(file, 0o600);
    return { file, inspection, totalRows: totalRows(inspection.rows) };
  } finally {
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) rmSync(leftover, { force: true });
  }
}

export type RestoreResult = { inspection: FileInspection; totalRows: number; keptAside: string | null };

/**
 * Replaces the database with a backup file while no server runs. Refuses a corrupt file or one at
 * another migration level (nothing is changed then); the replaced file (and its -wal) is renamed to
 * `<database>.before-restore-<instant>`.
 */
export function restoreDatabase({ databasePath, from, now = new Date() }: { databasePath: string; from: string; now?: Date }): RestoreResult {
  refuseMemory(databasePath);
  const source = resolve(from);
  if (!existsSync(source)) throw new BackupError(`there is no file at ${source}`);
  if (source === resolve(databasePath)) throw new BackupError("the backup file is the database itself");
  const lock = acquireDatabaseLock(databasePath, { purpose: "restore", now });
  const incoming = `${databasePath}.restoring`;
  try {
    copyFileSync(source, incoming);
    chmodSync(incoming, 0o600);
    const inspection = inspectCopy(incoming, { copyOf: source });
    if (inspection.integrity !== "ok") throw new BackupError(`${source} failed its integrity check: ${inspection.integrity}`);
    if (!inspection.migrations.matches) throw new BackupError(`${source} is at another migration level: ${inspection.migrations.reason}`);
    let keptAside: string | null = null;
    if (existsSync(databasePath)) {
      keptAside = `${databasePath}.before-restore-${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "")}`;
      renameSync(databasePath, keptAside);
      for (const suffix of ["-wal", "-shm"]) {
        if (existsSync(`${databasePath}${suffix}`)) renameSync(`${databasePath}${suffix}`, `${keptAside}${suffix}`);
      }
    }
    renameSync(incoming, databasePath);
    return { inspection, totalRows: totalRows(inspection.rows), keptAside };
  } finally {
    for (const leftover of [incoming, `${incoming}-journal`, `${incoming}-wal`, `${incoming}-shm`]) rmSync(leftover, { force: true });
    lock.release();
  }
}
