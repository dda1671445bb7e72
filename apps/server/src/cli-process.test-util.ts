/** Runs `pnpm cli …` in a process of its own, as an operator would, against one database file. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const SERVER_DIR = fileURLToPath(new URL("..", import.meta.url));

export type CliRun = { code: number | null; stdout: string; stderr: string };

/** `workingDirectory` stands for where `pnpm cli` was typed (relative paths are taken from there). */
export function runCliProcess(args: string[], { databasePath, workingDirectory }: { databasePath: string; workingDirectory: string }): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], { cwd: SERVER_DIR, env: { DATABASE_PATH: databasePath, INIT_CWD: workingDirectory } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}
