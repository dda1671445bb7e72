#!/usr/bin/env node
// `pnpm browser`: makes sure headless Chromium (Debian's package) is there for the browser tests.
// Uses CHROMIUM_PATH if set; otherwise installs the `chromium` package with apt-get (as root, or via sudo).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const version = () => spawnSync(path, ["--version"], { encoding: "utf8" }).stdout?.trim();

if (existsSync(path)) {
  console.log(`browser: ${version() || path}`);
  process.exit(0);
}
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${path}, which does not exist.`);
  process.exit(1);
}
if (!existsSync("/usr/bin/apt-get")) {
  console.error("Chromium is missing and this machine has no apt-get. Install Chromium and set CHROMIUM_PATH to it.");
  process.exit(1);
}
const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
const run = (args) => {
  const [cmd, ...rest] = asRoot ? args : ["sudo", ...args];
  const result = spawnSync(cmd, rest, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (result.status !== 0) {
    console.error(`failed: ${[cmd, ...rest].join(" ")}`);
    process.exit(1);
  }
};
console.log("browser: installing Debian's chromium package (needed by the browser tests)…");
run(["apt-get", "update", "-qq"]);
run(["apt-get", "install", "-y", "-qq", "chromium"]);
if (!existsSync(path)) {
  console.error(`chromium was installed but ${path} is not there; set CHROMIUM_PATH.`);
  process.exit(1);
}
console.log(`browser: ${version()}`);
