import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, seedDatabase } from "@gugus/db";
import { afterAll, describe, expect, it } from "vitest";
import { BackupError, backupDatabase, checkIntegrity, checkMigrationLevel, countRows, listCommittedMigrations, restoreDatabase } from "./backup.ts";
import { runCli } from "./cli.ts";
import { DatabaseInUseError, acquireDatabaseLock, lockFileOf } from "./database-lock.ts";
import { runCliProcess } from "./cli-process.test-util.ts";
import { readEnv } from "./env.ts";
import { enrolSecondFactor, signIn, trpcPost } from "./http-helpers.test-util.ts";
import { startServer } from "./start.ts";

const tmp = mkdtempSync(join(tmpdir(), "gugus-backup-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (args: string[], databasePath: string) => runCliProcess(args, { databasePath, workingDirectory: tmp });

/** Reads a database file's row counts and integrity, and closes it again. */
function inspect(path: string): { rows: Record<string, number>; integrity: string } {
  const handle = openDatabase({ path, migrate: false });
  try {
    return { rows: countRows(handle.sqlite), integrity: checkIntegrity(handle.sqlite) };
  } finally {
    handle.close();
  }
}

async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A seeded database file in a folder of its own. */
function seededDatabase(name: string): string {
  const dir = mkdtempSync(join(tmp, `${name}-`));
  const path = join(dir, "gugus.sqlite");
  const handle = openDatabase({ path });
  seedDatabase(handle.db);
  handle.close();
  return path;
}

/** Edits a copy of a good backup with raw SQL (what a file from another version would hold). */
async function alteredBackup(name: string, sql: string): Promise<string> {
  const file = join(tmp, `${name}.sqlite`);
  await backupDatabase({ databasePath: seededDatabase(name), to: file });
  const handle = openDatabase({ path: file, migrate: false });
  handle.sqlite.exec(sql);
  handle.sqlite.pragma("journal_mode = DELETE");
  handle.close();
  return file;
}

const filesIn = (path: string) => readdirSync(join(path, "..")).sort();

describe("backup while the server serves, restore while it is stopped", () => {
  it("a backup taken under write load restores to exactly its rows, integrity ok; the old file is kept aside", async () => {
    const dir = mkdtempSync(join(tmp, "live-"));
    const databasePath = join(dir, "gugus.sqlite");
    const backupFile = join(dir, "backup.sqlite");
    const running = await startServer(readEnv({ DATABASE_PATH: databasePath, PORT: "0", LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "0" }));
    let writes = 0;
    let writesWhenBackupEnded = 0;
    try {
      const first = running.firstAdmin!;
      const cookie = await signIn(running.url, first.account.email, first.oneTimePassword);
      const changed = await trpcPost(running.url, "auth.changePassword", { currentPassword: first.oneTimePassword, newPassword: "sandi admin yang panjang sekali" }, cookie);
      expect(changed.status).toBe(200);
      await enrolSecondFactor(running.url, cookie);
      const bekasi = (await (await fetch(`${running.url}/trpc/hierarchy.byRegion?input=${encodeURIComponent('{"code":"32.75"}')}`, { headers: { cookie, "x-gugus-client": "web" } })).json()) as { result: { data: { id: number } } };
      let stop = false;
      const writer = async (n: number) => {
        for (let i = 0; !stop; i++) {
          const res = await trpcPost(
            running.url,
            "accounts.create",
            { email: `beban-${n}-${i}@gugus.test`, name: "Petugas Uji", position: "Staf Sekretariat", taskForceId: bekasi.result.data.id, role: "regional_member" },
            cookie,
          );
          expect(res.status, await res.text()).toBe(200);
          writes++;
        }
      };
      const load = Promise.all([writer(0), writer(1)]);
      try {
        await until(() => writes >= 3, "the first writes");
        const writesBefore = writes;
        const backup = await cli(["backup", "--to", "live-backup.sqlite"], databasePath);
        writesWhenBackupEnded = writes;
        expect(backup.stderr).toBe("");
        expect(backup.code).toBe(0);
        expect(backup.stdout).toMatch(/integrity ok/);
        expect(writesWhenBackupEnded, "the server kept writing while the backup ran").toBeGreaterThan(writesBefore);
        // --to is taken from where the command was typed (INIT_CWD, here the temporary folder).
        copyFileSync(join(tmp, "live-backup.sqlite"), backupFile);
        rmSync(join(tmp, "live-backup.sqlite"));

        const refused = await cli(["restore", backupFile], databasePath);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/in use by a running server \(pid \d+/);
        await until(() => writes >= writesWhenBackupEnded + 2, "writes after the backup");
      } finally {
        stop = true;
        await load;
      }
    } finally {
      await running.stop();
    }
    expect(existsSync(lockFileOf(databasePath)), "the stopped server released the database").toBe(false);

    const live = inspect(databasePath);
    const backedUp = inspect(backupFile);
    expect(backedUp.integrity).toBe("ok");
    expect(backedUp.rows.task_forces).toBe(553);
    expect(backedUp.rows.users!, "the backup holds the accounts written before it").toBeGreaterThanOrEqual(1 + 3);
    expect(live.rows.users!, "writes went on after the backup").toBeGreaterThan(backedUp.rows.users!);

    const restored = await cli(["restore", backupFile], databasePath);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    const after = inspect(databasePath);
    expect(after.integrity).toBe("ok");
    expect(after.rows).toEqual(backedUp.rows);
    const aside = filesIn(databasePath).find((f) => f.startsWith("gugus.sqlite.before-restore-"));
    expect(restored.stdout).toContain(`kept at ${join(dir, aside!)}`);
    expect(inspect(join(dir, aside!)).rows).toEqual(live.rows);

    // The restored database starts and answers as before.
    const again = await startServer(readEnv({ DATABASE_PATH: databasePath, PORT: "0", LOG_LEVEL: "silent" }));
    await again.stop();
    expect(inspect(databasePath).rows).toEqual(backedUp.rows);
  });

  it("leaves the backup readable by its owner only", async () => {
    const file = join(tmp, "private.sqlite");
    await backupDatabase({ databasePath: seededDatabase("private"), to: file });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(filesIn(file).filter((f) => f.startsWith("private.sqlite")), "one self-contained file, no journal beside it").toEqual(["private.sqlite"]);
  });

  it("refuses to overwrite an existing file, to back up a database that is not there, and :memory:", async () => {
    const databasePath = seededDatabase("overwrite");
    const file = join(tmp, "taken.sqlite");
    writeFileSync(file, "someone's file");
    await expect(backupDatabase({ databasePath, to: file })).rejects.toThrow(/exists already/);
    expect(readFileSync(file, "utf8")).toBe("someone's file");
    await expect(backupDatabase({ databasePath: join(tmp, "nowhere.sqlite"), to: join(tmp, "b.sqlite") })).rejects.toThrow(/no database at/);
    expect(existsSync(join(tmp, "nowhere.sqlite"))).toBe(false);
    await expect(backupDatabase({ databasePath: ":memory:", to: join(tmp, "m.sqlite") })).rejects.toThrow(BackupError);
    await expect(backupDatabase({ databasePath, to: join(tmp, "no-such-folder", "b.sqlite") })).rejects.toThrow(/does not exist/);
  });
});

describe("restore refuses a file it cannot trust, and changes nothing then", () => {
  const target = () => {
    const databasePath = seededDatabase("target");
    return { databasePath, before: readFileSync(databasePath), files: filesIn(databasePath) };
  };
  const expectUntouched = ({ databasePath, before, files }: ReturnType<typeof target>) => {
    expect(readFileSync(databasePath).equals(before)).toBe(true);
    expect(filesIn(databasePath)).toEqual(files);
  };

  it("refuses a file that is not a SQLite database", () => {
    const t = target();
    const junk = join(tmp, "junk.sqlite");
    writeFileSync(junk, Buffer.alloc(8192, 7));
    expect(() => restoreDatabase({ databasePath: t.databasePath, from: junk })).toThrow(/is not a usable SQLite database/);
    expectUntouched(t);
  });

  it("refuses a file whose pages are damaged (integrity check)", async () => {
    const t = target();
    const file = join(tmp, "damaged.sqlite");
    await backupDatabase({ databasePath: seededDatabase("damaged"), to: file });
    const pageSize = 4096;
    const fd = openSync(file, "r+");
    // Scribble over the headers of a few b-tree pages, leaving the file's own header readable.
    for (const page of [3, 5, 8, 13, 21]) writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (page - 1) * pageSize);
    closeSync(fd);
    expect(() => restoreDatabase({ databasePath: t.databasePath, from: file })).toThrow(/failed its integrity check/);
    expectUntouched(t);
  });

  it("refuses a file an older version made (fewer migrations)", async () => {
    const t = target();
    const older = await alteredBackup("older", "DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)");
    expect(() => restoreDatabase({ databasePath: t.databasePath, from: older })).toThrow(/another migration level: .*older version/);
    expectUntouched(t);
  });

  it("refuses a file a newer version made (a migration this version does not know)", async () => {
    const t = target();
    const newer = await alteredBackup("newer", "INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('f00d', 9999999999999)");
    expect(() => restoreDatabase({ databasePath: t.databasePath, from: newer })).toThrow(/another migration level: .*newer than/);
    expectUntouched(t);
  });

  it("refuses a file whose migration history differs from the committed one", async () => {
    const t = target();
    const other = await alteredBackup("other", "UPDATE __drizzle_migrations SET hash = 'beef' WHERE created_at = (SELECT min(created_at) FROM __drizzle_migrations)");
    expect(() => restoreDatabase({ databasePath: t.databasePath, from: other })).toThrow(/its migration 1 is not the committed/);
    expectUntouched(t);
  });

  it("refuses while another live process holds the database, and takes over a lock its dead holder left", async () => {
    const t = target();
    const file = join(tmp, "good.sqlite");
    await backupDatabase({ databasePath: seededDatabase("good"), to: file });
    const held = acquireDatabaseLock(t.databasePath, { purpose: "server" });
    try {
      expect(() => restoreDatabase({ databasePath: t.databasePath, from: file })).toThrow(DatabaseInUseError);
    } finally {
      held.release();
    }
    expectUntouched(t);
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    writeFileSync(lockFileOf(t.databasePath), JSON.stringify({ pid: gone, purpose: "server", since: "2026-01-01T00:00:00.000Z" }));
    expect(restoreDatabase({ databasePath: t.databasePath, from: file }).keptAside).toMatch(/before-restore-/);
    expect(existsSync(lockFileOf(t.databasePath))).toBe(false);
  });

  it("takes over a lock that names this process's pid but that this process does not hold (a container restarted as pid 1)", async () => {
    const t = target();
    const file = join(tmp, "good-again.sqlite");
    await backupDatabase({ databasePath: seededDatabase("good-again"), to: file });
    writeFileSync(lockFileOf(t.databasePath), JSON.stringify({ pid: process.pid, purpose: "server", since: "2026-01-01T00:00:00.000Z" }));
    expect(restoreDatabase({ databasePath: t.databasePath, from: file }).keptAside).toMatch(/before-restore-/);
  });

  it("refuses a second server on a database a running server holds", async () => {
    const databasePath = join(mkdtempSync(join(tmp, "twice-")), "gugus.sqlite");
    const env = readEnv({ DATABASE_PATH: databasePath, PORT: "0", LOG_LEVEL: "silent" });
    const first = await startServer(env);
    try {
      await expect(startServer(env)).rejects.toThrow(DatabaseInUseError);
    } finally {
      await first.stop();
    }
  });
});

describe("the migration level", () => {
  it("a freshly migrated database is at the committed level, hashed as drizzle hashes it", () => {
    const handle = openDatabase({ path: ":memory:" });
    expect(checkMigrationLevel(handle.sqlite)).toEqual({ matches: true, applied: listCommittedMigrations().length });
    handle.close();
  });

  it("an empty database has no migrations: an older level", () => {
    const handle = openDatabase({ path: ":memory:", migrate: false });
    expect(checkMigrationLevel(handle.sqlite)).toMatchObject({ matches: false, applied: 0 });
    handle.close();
  });
});

describe("the backup and restore commands", () => {
  it("backup needs --to and restore one file (usage, exit 2); a refusal is one line and exit 1", async () => {
    const env = readEnv({ DATABASE_PATH: seededDatabase("cli"), INIT_CWD: tmp });
    const lines: string[] = [];
    const error = console.error;
    console.error = (msg: string) => lines.push(msg);
    try {
      expect(await runCli(["backup"], env)).toBe(2);
      expect(await runCli(["restore"], env)).toBe(2);
      expect(await runCli(["restore", "a.sqlite", "b.sqlite"], env)).toBe(2);
      expect(await runCli(["restore", "missing.sqlite"], env)).toBe(1);
    } finally {
      console.error = error;
    }
    expect(lines[0]).toContain("backup needs --to");
    expect(lines.at(-1)).toBe(`refused: there is no file at ${join(tmp, "missing.sqlite")}`);
  });
});
