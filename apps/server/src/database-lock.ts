/**
 * Who is using a database file: a lock file beside it (`gugus.sqlite.lock`) that the server holds
 * while it runs and a restore holds while it swaps the file. It names the holding process; a lock
 * left by a process that no longer exists (a crash, a kill -9) is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export type LockHolder = { pid: number; purpose: string; since: string };

export type DatabaseLock = {
  path: string;
  /** Removes the lock file; harmless when called twice. */
  release: () => void;
};

/** Thrown when another live process holds the database. */
export class DatabaseInUseError extends Error {
  override name = "DatabaseInUseError";
  constructor(
    readonly databasePath: string,
    readonly holder: LockHolder,
  ) {
    super(
      `${databasePath} is in use by a running ${holder.purpose} (pid ${holder.pid}, since ${holder.since}); stop it first ` +
        `(if none runs, another process has that pid now: delete ${lockFileOf(databasePath)})`,
    );
  }
}

/** The lock file of a database file. */
export function lockFileOf(databasePath: string): string {
  return `${databasePath}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(path, "utf8")) as Partial<LockHolder>;
    return typeof holder.pid === "number" && Number.isInteger(holder.pid) && holder.pid > 0
      ? { pid: holder.pid, purpose: String(holder.purpose ?? "process"), since: String(holder.since ?? "?") }
      : null;
  } catch {
    return null;
  }
}

/** Lock files this process holds now. */
const heldHere = new Set<string>();

/**
 * The live process holding the database, or null when none does (no lock, or a stale one). A lock
 * naming this very process but not held by it was left by an earlier process with the same pid (a
 * container's server is pid 1 at every start).
 */
export function findDatabaseHolder(databasePath: string): LockHolder | null {
  const path = lockFileOf(databasePath);
  const holder = readHolder(path);
  if (!holder) return null;
  if (holder.pid === process.pid) return heldHere.has(path) ? holder : null;
  return isAlive(holder.pid) ? holder : null;
}

/**
 * Takes the database for this process, or throws DatabaseInUseError naming the live holder. The
 * file is created exclusively, so two processes starting together cannot both get it.
 */
export function acquireDatabaseLock(databasePath: string, { purpose, now = new Date() }: { purpose: string; now?: Date }): DatabaseLock {
  const path = lockFileOf(databasePath);
  const holder: LockHolder = { pid: process.pid, purpose, since: now.toISOString() };
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(holder), { flag: "wx", mode: 0o600 });
      heldHere.add(path);
      let held = true;
      return {
        path,
        release: () => {
          if (!held) return;
          held = false;
          heldHere.delete(path);
          if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const current = findDatabaseHolder(databasePath);
      if (current) throw new DatabaseInUseError(databasePath, current);
      rmSync(path, { force: true }); // left by a process that is gone
    }
  }
  throw new DatabaseInUseError(databasePath, readHolder(path) ?? { pid: 0, purpose: "process", since: "?" });
}
