/**
 * What every browser test needs: the real server started as its own process on a free port with a
 * fresh database file, and headless Chromium (Debian's package) driven by playwright-core.
 */
import { execFileSync, spawn } from "node:child_process";
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateSync } from "otplib";
import { chromium } from "playwright-core";
import type { AxeResults, RunOptions } from "axe-core";
import type { BrowserContext, Page } from "playwright-core";

const SERVER_DIR = fileURLToPath(new URL("../../../apps/server/", import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL("../screenshots/", import.meta.url));

export type RunningServer = {
  url: string;
  databasePath: string;
  /** The central admin the server created on its first start, with the one-time password it printed. */
  admin: { email: string; oneTimePassword: string };
  stop: () => Promise<void>;
};

/**
 * Starts `apps/server/src/main.ts` like `pnpm start` does, on port 0, and waits for its URL. With
 * `demo`, the database is first filled with the synthetic demonstration data (`pnpm cli demo`).
 */
export async function startServer({ demo = false }: { demo?: boolean } = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), "gugus-e2e-"));
  const databasePath = join(dir, "gugus.sqlite");
  if (demo) {
    execFileSync(process.execPath, ["--import", "tsx", "src/cli.ts", "demo"], { cwd: SERVER_DIR, env: { ...process.env, DATABASE_PATH: databasePath }, stdio: "pipe", timeout: 180_000 });
  }
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATABASE_PATH: databasePath, LOG_LEVEL: "warn", NODE_ENV: "production", FIRST_ADMIN_EMAIL: "admin@gugus.test", RATE_LIMIT_PER_MINUTE: "0" },
  });
  let output = "";
  const { url, admin } = await new Promise<Pick<RunningServer, "url" | "admin">>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+)\/admin\//.exec(output)?.[1];
      // Without a terminal the server keeps the one-time password out of its output, in a file.
      const first = /First central admin: (\S+) — one-time password in (\S+)/.exec(output);
      if (url && first) {
        clearTimeout(timer);
        const oneTimePassword = /password: +([a-z2-9-]{23})/.exec(readFileSync(first[2]!, "utf8"))?.[1] ?? "";
        resolve({ url, admin: { email: first[1]!, oneTimePassword } });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    databasePath,
    admin,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, or CHROMIUM_PATH. A missing browser is an error, never a silent skip. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. Install it with \`pnpm browser\` (Debian package chromium) or set CHROMIUM_PATH.`);
  }
  return path;
}

export type Browser = { context: BrowserContext; page: Page; errors: string[]; close: () => Promise<void> };

/** A fresh headless Chromium profile with one page; console errors and failed requests are collected. */
export async function openBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "gugus-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: "id-ID",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The product's two languages (`@gugus/ui/i18n`), as the screen names end. */
type Language = "id" | "en";

/**
 * Checks the screen as it is, in both languages: for each, axe-core looks for accessibility
 * violations and a full-page screenshot is saved under tooling/e2e/screenshots/ (`<screen>-id.png`,
 * `<screen>-en.png`, with axe's findings of every impact beside it in `<screen>-<language>.axe.json`).
 * The screen is then put back in the language it was in. Throws when axe finds a serious or critical
 * violation in either language.
 *
 * `name` ends in the language the screen is shown in (`admin-hierarchy-id`); the name of the other
 * screenshot swaps that ending.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const match = /^(.+)-(id|en)$/.exec(name);
  if (!match) throw new Error(`screenshot name "${name}" must end in -id or -en, the language of the screen`);
  const screen = match[1]!;
  const shown = match[2] as Language;
  const actual = await page.evaluate(() => document.documentElement.lang);
  if (actual !== shown) throw new Error(`screenshot "${name}": the screen is in "${actual}", not "${shown}"`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const failures: string[] = [];
  const other: Language = shown === "id" ? "en" : "id";
  for (const language of [shown, other]) {
    if (language !== shown) await switchLanguage(page, language);
    await settle(page);
    const found = await runAxe(page);
    writeFileSync(join(SCREENSHOT_DIR, `${screen}-${language}.axe.json`), `${JSON.stringify(found, null, 2)}\n`);
    failures.push(...found.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => describeViolation(v, `${screen}-${language}`)));
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${screen}-${language}.png`), fullPage: true });
  }
  await switchLanguage(page, shown);
  await settle(page);
  if (failures.length > 0) throw new Error(`accessibility (axe-core), serious or critical:\n${failures.join("\n")}`);
}

/** axe-core's own build, put into the page by the test browser (DevTools protocol), past the product's CSP. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe's default rules (WCAG 2.x A and AA, best practice), plus one it counts as experimental: a
 * control's accessible name must contain its visible label (WCAG 2.5.3), so speech users can say it.
 */
const AXE_OPTIONS: RunOptions = { resultTypes: ["violations"], rules: { "label-content-name-mismatch": { enabled: true } } };

export type AxeViolation = { id: string; impact: string | null; help: string; helpUrl: string; nodes: { target: string; summary: string }[] };

/** Runs axe-core over the whole document and returns its violations, of every impact. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (options) => {
    const { axe } = globalThis as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } };
    const results = await axe.run(document, options);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(" "), summary: n.failureSummary ?? "" })),
    }));
  }, AXE_OPTIONS);
}

function describeViolation(v: AxeViolation, screen: string): string {
  const nodes = v.nodes.slice(0, 5).map((n) => `    ${n.target}: ${n.summary.replaceAll("\n", " ")}`);
  const more = v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : [];
  return [`  ${screen}: ${v.id} (${v.impact}, ${v.nodes.length} nodes) ${v.help}`, ...nodes, ...more].join("\n");
}

/**
 * Switches the screen's language with its language switch, as a click would (the switch stays
 * usable while a dialog is open). A screen without the switch is reloaded in the other language.
 */
async function switchLanguage(page: Page, language: Language): Promise<void> {
  const clicked = await page.evaluate((language) => {
    const input = document.querySelector<HTMLInputElement>(`[role="radiogroup"]:has(input[value="id"]):has(input[value="en"]) input[type="radio"][value="${language}"]`);
    if (!input) return false;
    if (!input.checked) input.click();
    return true;
  }, language);
  if (!clicked) {
    await page.evaluate((language) => localStorage.setItem("gugus.language", language), language);
    await page.reload();
  }
  await page.waitForFunction((language) => document.documentElement.lang === language, language);
  // A reloaded screen loads its lazy parts again: wait until no loading spinner is left (or give up after 10 s).
  if (!clicked) await page.waitForFunction(() => document.querySelector(".mantine-Loader-root") === null, undefined, { timeout: 10_000 }).catch(() => undefined);
}

/** Waits for the page's finite animations and transitions to end, so axe sees the colours at rest. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    await frame();
    await frame();
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.race([Promise.all(finite.map((a) => a.finished.catch(() => undefined))), new Promise((resolve) => setTimeout(resolve, 2_000))]);
  });
}

const API_HEADERS = { "content-type": "application/json", "x-gugus-client": "web" };

async function rawCall<T>(server: { url: string }, path: string, input: unknown, cookie?: string): Promise<{ data: T; cookie: string | undefined }> {
  const res = await fetch(`${server.url}/trpc/${path}`, { method: "POST", headers: { ...API_HEADERS, ...(cookie ? { cookie } : {}) }, body: JSON.stringify(input ?? {}) });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok || !body.result) throw new Error(`${path}: ${res.status} ${JSON.stringify(body.error)}`);
  return { data: body.result.data, cookie: res.headers.get("set-cookie")?.split(";")[0] ?? cookie };
}

/*
 * The second factor. Central admins and province admins must give a code from an authenticator
 * app after the password; the harness plays the app: it keeps each account's secret (per server)
 * from the enrolment it completes at the first sign-in, and computes codes with otplib. A code
 * works once per 30-second step, so two sign-ins in one step take the next step's code (accepted
 * within the server's window), and a third waits for the step to pass.
 */
const STEP_MS = 30_000;
const totpSecrets = new Map<string, string>();
const lastSteps = new Map<string, number>();
const accountKey = (url: string, email: string) => `${new URL(url).origin}|${email.trim().toLowerCase()}`;

/** The secret the harness keeps for an account of a server (after it enrolled). */
export function totpSecretOf(url: string, email: string): string | undefined {
  return totpSecrets.get(accountKey(url, email));
}

/** Keeps an account's secret, as an app does after scanning the QR code. */
export function rememberTotpSecret(url: string, email: string, secret: string): void {
  const key = accountKey(url, email);
  totpSecrets.set(key, secret.replace(/\s+/g, ""));
  lastSteps.delete(key);
}

/** A code for the account that the server has not seen yet (waiting for the next step when both near ones are spent). */
export async function nextTotpCode(url: string, email: string): Promise<string> {
  const key = accountKey(url, email);
  const secret = totpSecrets.get(key);
  if (!secret) throw new Error(`no authenticator secret kept for ${email}: it has not enrolled through the harness`);
  let step = Math.floor(Date.now() / STEP_MS);
  const last = lastSteps.get(key) ?? -1;
  if (step <= last) step = last + 1;
  // The server takes a code one step ahead of its clock at most.
  while (step > Math.floor(Date.now() / STEP_MS) + 1) await new Promise((resolve) => setTimeout(resolve, 500));
  lastSteps.set(key, step);
  return generateSync({ secret, epoch: step * (STEP_MS / 1000) });
}

type SecondFactorState = "not-needed" | "enrol" | "verify" | "done";

/** Completes the session's second factor over HTTP when it needs one: enrols an app at the first sign-in, else gives a code. */
async function completeSecondFactor(server: { url: string }, cookie: string, me: { email: string; mustChangePassword: boolean; secondFactor: SecondFactorState }): Promise<void> {
  if (me.mustChangePassword) return;
  if (me.secondFactor === "enrol") {
    const { data } = await rawCall<{ secret: string }>(server, "mfa.beginEnrolment", undefined, cookie);
    rememberTotpSecret(server.url, me.email, data.secret);
    await rawCall(server, "mfa.confirmEnrolment", { code: await nextTotpCode(server.url, me.email) }, cookie);
  } else if (me.secondFactor === "verify") {
    await rawCall(server, "mfa.verify", { code: await nextTotpCode(server.url, me.email) }, cookie);
  }
}

/**
 * Calls a procedure over HTTP as the app does (JSON POST); returns the data or throws with the
 * error. Signing in, and changing a one-time password, go on to complete the second factor when
 * the account needs one, so the returned session opens the product as before.
 */
export async function callApi<T>(server: RunningServer, path: string, input: unknown, cookie?: string): Promise<{ data: T; cookie: string | undefined }> {
  const answer = await rawCall<T>(server, path, input, cookie);
  if (path === "auth.signIn" && answer.cookie) {
    await completeSecondFactor(server, answer.cookie, answer.data as { email: string; mustChangePassword: boolean; secondFactor: SecondFactorState });
  } else if (path === "auth.changePassword" && cookie) {
    const { data: me } = await rawCall<{ email: string; mustChangePassword: boolean; secondFactor: SecondFactorState }>(server, "auth.me", undefined, cookie);
    await completeSecondFactor(server, cookie, me);
  }
  return answer;
}

/** Signs in over HTTP (completing the second factor where needed) and returns the session cookie. */
export async function signInApi(server: RunningServer, email: string, password: string): Promise<string> {
  return (await callApi(server, "auth.signIn", { email, password })).cookie!;
}

/** Signs the first admin in over HTTP, choosing a password and enrolling its second factor; returns the session cookie. */
export async function adminSession(server: RunningServer, password = "sandi admin pusat yang panjang"): Promise<string> {
  const first = await callApi(server, "auth.signIn", { email: server.admin.email, password: server.admin.oneTimePassword });
  await callApi(server, "auth.changePassword", { currentPassword: server.admin.oneTimePassword, newPassword: password }, first.cookie);
  return first.cookie!;
}

/** Creates an account through the api and returns its one-time password. */
export async function createAccount(
  server: RunningServer,
  cookie: string,
  account: { email: string; name: string; position: string; region: string | null; role: string },
): Promise<string> {
  const { data: taskForce } = await callApi<{ id: number }>(server, "hierarchy.byRegion", { code: account.region }, cookie);
  const { data } = await callApi<{ oneTimePassword: string }>(
    server,
    "accounts.create",
    { email: account.email, name: account.name, position: account.position, taskForceId: taskForce.id, role: account.role },
    cookie,
  );
  return data.oneTimePassword;
}

const ENROL_HEADING = /^(Pasang aplikasi autentikator|Set up an authenticator app)$/;
const VERIFY_HEADING = /^(Masukkan kode verifikasi|Enter the verification code)$/;
const CODE_FIELD = /^(Kode 6 angka dari aplikasi|6-digit code from the app)/;

/**
 * Signs in through the sign-in screen; with a one-time password, also chooses a new one; then, for
 * an account with a second factor, completes it on its screens as a person with the app would:
 * at the first sign-in it reads the key shown as text, enters the app's code and keeps the
 * recovery codes; later it enters the code.
 */
export async function signInThroughUi(page: Page, { email, password, newPassword }: { email: string; password: string; newPassword?: string }): Promise<void> {
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByRole("textbox", { name: /^(Kata sandi|Password)$/ }).fill(password);
  await page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click();
  if (newPassword) {
    await page.getByRole("heading", { name: /Ganti kata sandi|Change password/ }).waitFor();
    await page.getByRole("textbox", { name: /^(Kata sandi saat ini|Current password)$/ }).fill(password);
    await page.getByRole("textbox", { name: /^(Kata sandi baru|New password)$/ }).fill(newPassword);
    await page.getByRole("textbox", { name: /^(Ulangi kata sandi baru|New password again)$/ }).fill(newPassword);
    await page.getByRole("button", { name: /Simpan kata sandi|Save password/ }).click();
  }
  await completeSecondFactorThroughUi(page, email);
}

/** Waits for where the sign-in led (the product, a refusal, or a second-factor screen) and completes the second factor there. */
export async function completeSecondFactorThroughUi(page: Page, email: string): Promise<void> {
  const enrol = page.getByRole("heading", { name: ENROL_HEADING });
  const verify = page.getByRole("heading", { name: VERIFY_HEADING });
  const signInButton = page.getByRole("button", { name: /^(Masuk|Sign in)$/ });
  let landed: "enrol" | "verify" | "in" | "refused" | "unknown" = "unknown";
  for (const until = Date.now() + 20_000; Date.now() < until; ) {
    if (await enrol.isVisible()) landed = "enrol";
    else if (await verify.isVisible()) landed = "verify";
    else if (await page.getByTestId("user-menu").isVisible()) landed = "in";
    else if ((await signInButton.isVisible()) && (await page.getByRole("alert").count()) > 0) landed = "refused";
    if (landed !== "unknown") break;
    await page.waitForTimeout(150);
  }
  if (landed === "enrol") {
    const secret = (await page.getByTestId("mfa-secret").innerText()).replace(/\s+/g, "");
    rememberTotpSecret(page.url(), email, secret);
    await page.getByRole("textbox", { name: CODE_FIELD }).fill(await nextTotpCode(page.url(), email));
    await page.getByRole("button", { name: /^(Aktifkan|Turn on)$/ }).click();
    await page.getByTestId("recovery-codes").waitFor();
    await page.getByRole("checkbox", { name: /^(Saya sudah menyimpannya|I have kept them)$/ }).check();
    await page.getByRole("button", { name: /^(Lanjutkan|Continue)$/ }).click();
    await enrol.waitFor({ state: "detached" });
  } else if (landed === "verify") {
    await page.getByRole("textbox", { name: CODE_FIELD }).fill(await nextTotpCode(page.url(), email));
    await page.getByRole("button", { name: /^(Verifikasi|Verify)$/ }).click();
    await verify.waitFor({ state: "detached" });
  }
}

/** Puts an api session into the browser, as if it had signed in. */
export async function useSession(browser: Browser, server: RunningServer, cookie: string): Promise<void> {
  const [name, value] = cookie.split("=") as [string, string];
  await browser.context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: "Lax" }]);
}

export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
