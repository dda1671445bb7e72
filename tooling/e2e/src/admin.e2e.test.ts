import { REFERENCE_RAN_PERIODS, currentPeriod, localDateOf, toRoman } from "@gugus/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, openBrowser, screenshot, signInApi, signInThroughUi, startServer } from "./harness.ts";
// Second factor
import { completeSecondFactorThroughUi } from "./harness.ts";
import type { Browser, RunningServer } from "./harness.ts";

let server: RunningServer;
let browser: Browser;
const ADMIN_PASSWORD = "rapat koordinasi setiap hari senin";

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), openBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("admin app", () => {
  it("shows the sign-in screen without a session, and refuses a wrong password clearly", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/admin/`);
    await page.getByRole("heading", { name: "Masuk" }).waitFor();
    await screenshot(page, "admin-sign-in-id");
    await page.getByText("EN", { exact: true }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByText("ID", { exact: true }).click();
    await signInThroughUi(page, { email: server.admin.email, password: "bukan sandinya" });
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("Email atau kata sandi salah");
    await screenshot(page, "admin-sign-in-refused-id");
  });

  it("lets the first admin in with the printed one-time password, after choosing a new one", async () => {
    const { page } = browser;
    await page.reload();
    await page.getByRole("textbox", { name: "Email", exact: true }).fill(server.admin.email);
    await page.getByRole("textbox", { name: "Kata sandi", exact: true }).fill(server.admin.oneTimePassword);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByRole("heading", { name: "Ganti kata sandi" }).waitFor();
    await page.getByRole("textbox", { name: "Kata sandi saat ini" }).fill(server.admin.oneTimePassword);
    await page.getByRole("textbox", { name: "Kata sandi baru", exact: true }).fill("terlalu pendek");
    await page.getByRole("textbox", { name: "Ulangi kata sandi baru" }).fill("terlalu pendek");
    await page.getByRole("button", { name: "Simpan kata sandi" }).click();
    await expect.poll(() => page.locator("main, body").first().innerText()).toContain("Kata sandi terlalu pendek");
    await screenshot(page, "admin-forced-password-change-id");
    await page.getByRole("textbox", { name: "Kata sandi baru", exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole("textbox", { name: "Ulangi kata sandi baru" }).fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Simpan kata sandi" }).click();
    // Second factor: a central admin enrols its authenticator app next (the harness plays the app).
    await completeSecondFactorThroughUi(page, server.admin.email);
    await page.getByRole("heading", { name: "Hierarki gugus tugas" }).waitFor();
    expect(await page.getByTestId("user-menu").innerText()).toContain("Administrator Pusat");
  });

  it("lists the 38 provinces with their 514 regencies/cities", async () => {
    const { page } = browser;
    const rows = page.getByTestId("province-table").locator("tbody tr");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(38);
    await expect.poll(() => page.getByTestId("totals").textContent()).toBe("1 pusat · 38 provinsi · 514 kabupaten/kota");
    const footer = await page.getByTestId("province-table").locator("tfoot").innerText();
    expect(footer).toMatch(/416\s+98\s+514/);
    expect(await rows.filter({ hasText: "Jawa Barat" }).innerText()).toMatch(/32\s+Jawa Barat\s+18\s+9\s+27/);
    await screenshot(page, "admin-hierarchy-id");
  });

  it("finds Kota Bekasi 32.75 and Kabupaten Bekasi 32.16 when searching 'Bekasi'", async () => {
    const { page } = browser;
    await page.getByLabel("Cari wilayah").fill("Bekasi");
    const results = page.getByTestId("search-results").locator("tbody tr");
    await expect.poll(() => results.count()).toBe(2);
    const texts = await results.allInnerTexts();
    expect(texts[0]).toMatch(/32\.16\s+Kabupaten Bekasi/);
    expect(texts[1]).toMatch(/32\.75\s+Kota Bekasi/);
    await screenshot(page, "admin-search-bekasi-id");
  });

  it("opens a task force's page: level, region, parent, time zone", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Kota Bekasi" }).click();
    await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Kota Bekasi" }).waitFor();
    const body = await page.locator("main").innerText();
    expect(body).toContain("32.75");
    expect(body).toContain("Gugus Tugas PP-TPPO Provinsi Jawa Barat");
    expect(body).toContain("WIB (UTC+7)");
    expect(body).toContain("Belum dibentuk");
    await screenshot(page, "admin-task-force-id");
    await page.getByRole("link", { name: "Gugus Tugas PP-TPPO Provinsi Jawa Barat" }).click();
    await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Provinsi Jawa Barat" }).waitFor();
    expect(await page.getByTestId("children-table").locator("tbody tr").count()).toBe(27);
    await screenshot(page, "admin-province-id");
  });

  it("shows periods I–IV with the current one marked", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Periode RAN" }).first().click();
    const rows = page.getByTestId("period-table").locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(4);
    const texts = await rows.allInnerTexts();
    expect(texts[1]).toMatch(/Periode II\s+2015–2019/);
    expect(texts[2]).toMatch(/Ditetapkan terlambat/i);
    const current = currentPeriod(REFERENCE_RAN_PERIODS, localDateOf(new Date(), "Asia/Jakarta"));
    const marked = page.getByTestId("period-table").locator("tr[data-current]");
    if (current) expect(await marked.innerText()).toMatch(new RegExp(`Periode ${toRoman(current.number)}\\s+Berjalan`, "i"));
    else expect(await marked.count()).toBe(0);
    await screenshot(page, "admin-periods-id");
  });

  it("creates a regional admin for Kota Bekasi and shows its one-time password once", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Akun" }).first().click();
    await page.getByRole("heading", { name: "Akun" }).waitFor();
    await page.getByRole("button", { name: "Buat akun" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Nama").fill("Siti Aminah");
    await dialog.getByLabel("Email").fill("siti.aminah@bekasikota.go.id");
    await dialog.getByLabel("Jabatan").fill("Kepala Bidang PPPA, DP3A Kota Bekasi");
    await dialog.getByRole("combobox", { name: "Gugus tugas" }).fill("32.75");
    await page.getByRole("option", { name: /32\.75 · Gugus Tugas PP-TPPO Kota Bekasi/ }).click();
    await dialog.getByRole("combobox", { name: "Peran" }).click();
    await page.getByRole("option", { name: "Admin daerah" }).click();
    await dialog.getByRole("button", { name: "Buat akun" }).click();
    const otp = dialog.getByTestId("one-time-password");
    await otp.waitFor();
    expect(await otp.innerText()).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    await screenshot(page, "admin-account-created-id");
    await dialog.getByRole("button", { name: "Selesai" }).click();
    await expect.poll(() => page.getByTestId("accounts-table").innerText()).toContain("siti.aminah@bekasikota.go.id");
    await screenshot(page, "admin-accounts-id");
  });

  it("refuses a duplicate email with a clear message", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Buat akun" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Nama").fill("Orang Lain");
    await dialog.getByLabel("Email").fill("SITI.AMINAH@bekasikota.go.id");
    await dialog.getByLabel("Jabatan").fill("Staf");
    await dialog.getByRole("combobox", { name: "Gugus tugas" }).fill("32.75");
    await page.getByRole("option", { name: /32\.75 · / }).click();
    await dialog.getByRole("combobox", { name: "Peran" }).click();
    await page.getByRole("option", { name: "Anggota daerah" }).click();
    await dialog.getByRole("button", { name: "Buat akun" }).click();
    await expect.poll(() => dialog.innerText()).toContain("Sudah ada akun dengan email ini.");
    await page.keyboard.press("Escape");
    // The form holds typed input: closing it asks first, and the input is discarded on purpose.
    await page.getByRole("button", { name: "Buang isian" }).click();
  });

  it("shows the audit log with who did what, and the open sessions", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Log audit" }).first().click();
    const table = page.getByTestId("audit-table");
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain("membuat akun");
    expect(text).toContain("admin@gugus.test");
    expect(text).toMatch(/Percobaan masuk sebagai .+ gagal/);
    await screenshot(page, "admin-audit-id");
    // On a phone the table scrolls sideways, and a keyboard must reach it.
    await page.setViewportSize({ width: 375, height: 740 });
    await screenshot(page, "admin-audit-phone-id");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("link", { name: "Sesi" }).first().click();
    await expect.poll(() => page.getByTestId("sessions-table").innerText()).toMatch(/Sesi ini/i);
    await screenshot(page, "admin-sessions-id");
  });

  it("switches to English and keeps the choice", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Periode RAN" }).first().click();
    await page.getByText("EN", { exact: true }).click();
    await page.getByRole("heading", { name: "RAN PP-TPPO periods" }).waitFor();
    expect(await page.getByTestId("period-table").innerText()).toMatch(/Period II\s+2015–2019/);
    await page.goto(`${server.url}/admin/`);
    await page.getByRole("heading", { name: "Task-force hierarchy" }).waitFor();
    await expect.poll(() => page.getByTestId("totals").textContent()).toBe("1 national · 38 provinces · 514 regencies/cities");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("link", { name: "Accounts" }).first().click();
    await page.getByTestId("accounts-table").waitFor();
  });

  it("shows a clear message for an unknown task force", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/admin/task-forces/99999`);
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("Task force not found.");
    await screenshot(page, "admin-task-force-not-found-en");
  });

  it("says so when the date in the address is not a date, and shows today", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/admin/coverage?at=garbage`);
    await page.getByText("The date in the address is not valid; showing today.").waitFor();
    expect(await page.getByTestId("at-date").inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await screenshot(page, "admin-coverage-bad-date-en");
  });

  it("signs out back to the sign-in screen, and the old session no longer opens anything", async () => {
    const { page, context } = browser;
    await page.goto(`${server.url}/admin/`);
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    const cookies = await context.cookies(server.url);
    expect(cookies.find((c) => c.name === "gugus_sid")).toBeUndefined();
  });

  it("tells a regional account to use the portal instead", async () => {
    const { page } = browser;
    // The admin chose its password through the screens above.
    const session = await signInApi(server, server.admin.email, ADMIN_PASSWORD);
    const otp = await createAccount(server, session, { email: "anggota@jatengprov.go.id", name: "Budi Santoso", position: "Staf DP3AP2KB", region: "33", role: "regional_member" });
    await signInThroughUi(page, { email: "anggota@jatengprov.go.id", password: otp, newPassword: "kopi pagi di semarang lama" });
    await page.getByRole("heading", { name: "An app for the central secretariat" }).waitFor();
    await screenshot(page, "admin-wrong-app-en");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
  });
});
