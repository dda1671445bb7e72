/**
 * One's own sessions from the user menu (ASVS 7.5.2), in the portal and the admin app: the list with
 * this session marked, ending all others, and axe on the screen in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminSession, createAccount, openBrowser, screenshot, signInApi, signInThroughUi, startServer } from "./harness.ts";
import type { Browser, RunningServer } from "./harness.ts";

let server: RunningServer;
let browser: Browser;
let adminCookie: string;
const ADMIN_PASSWORD = "sandi admin pusat yang panjang";
const member = { email: "sari@bekasikota.go.id", name: "Sari Lestari", position: "Staf Bidang PPPA", region: "32.75", role: "regional_member", password: "angin pagi di kali bekasi" };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), openBrowser()]);
  adminCookie = await adminSession(server, ADMIN_PASSWORD);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openMySessions() {
  const { page } = browser;
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: /^(Sesi saya|My sessions)$/ }).click();
  await page.getByRole("dialog", { name: /^(Sesi saya|My sessions)$/ }).waitFor();
  return page.getByTestId("my-sessions-table");
}

describe("my sessions", () => {
  it("a regency member sees its two sessions, this one marked, and ends the other", async () => {
    const { page } = browser;
    const otp = await createAccount(server, adminCookie, member);
    await page.goto(`${server.url}/portal/`);
    await signInThroughUi(page, { email: member.email, password: otp, newPassword: member.password });
    await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Kota Bekasi" }).waitFor();
    await signInApi(server, member.email, member.password);
    const table = await openMySessions();
    await expect.poll(() => table.locator("tbody tr").count()).toBe(2);
    const headers = await table.getByRole("columnheader").allInnerTexts();
    expect(headers.slice(0, 4)).toEqual(["Perangkat", "Alamat IP", "Mulai", "Terakhir aktif"]);
    expect(await table.getByText("Sesi ini", { exact: true }).count()).toBe(1);
    expect(await table.locator("time").first().innerText()).toMatch(/WIB|GMT|UTC/);
    await screenshot(page, "portal-my-sessions-id");
    await page.getByRole("button", { name: "Akhiri semua sesi lain" }).click();
    await page.getByRole("status").filter({ hasText: "Sesi lain yang diakhiri: 1." }).waitFor();
    await expect.poll(() => table.locator("tbody tr").count()).toBe(1);
    expect(await page.getByText("Tidak ada sesi lain yang terbuka.").count()).toBe(1);
    await page.keyboard.press("Escape");
  });

  it("the central admin reaches the same screen from the admin app's user menu, in both languages", async () => {
    const { page } = browser;
    await browser.context.clearCookies();
    await page.goto(`${server.url}/admin/`);
    await signInThroughUi(page, { email: server.admin.email, password: ADMIN_PASSWORD });
    await page.getByTestId("user-menu").waitFor();
    const table = await openMySessions();
    await expect.poll(() => table.locator("tbody tr").count()).toBeGreaterThanOrEqual(2);
    const end = page.getByRole("button", { name: /^Akhiri sesi di / }).first();
    await end.click();
    await page.getByRole("status").filter({ hasText: "Sesi diakhiri." }).waitFor();
    await screenshot(page, "admin-my-sessions-id");
  });
});
