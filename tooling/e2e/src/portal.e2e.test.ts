import { REFERENCE_RAN_PERIODS, currentPeriod, localDateOf, toRoman, yearInPeriod, yearOf } from "@gugus/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminSession, callApi, createAccount, openBrowser, screenshot, signInThroughUi, startServer } from "./harness.ts";
import type { Browser, RunningServer } from "./harness.ts";

let server: RunningServer;
let browser: Browser;
let adminCookie: string;
const ADMIN_PASSWORD = "sandi admin pusat yang panjang";
const accounts = {
  regency: { email: "rina@bekasikota.go.id", name: "Rina Wulandari", position: "Staf Bidang PPPA", region: "32.75", role: "regional_member", password: "hujan sore di kota bekasi" },
  province: { email: "dodi@jabarprov.go.id", name: "Dodi Firmansyah", position: "Kepala DP3AKB Jawa Barat", region: "32", role: "regional_admin", password: "gedung sate di bandung pagi" },
  regencyAdmin: { email: "tri@bekasikota.go.id", name: "Tri Handayani", position: "Kasi Perlindungan Anak", region: "32.75", role: "regional_admin", password: "sore hari di alun alun bekasi" },
};
const otps: Record<string, string> = {};

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), openBrowser()]);
  adminCookie = await adminSession(server, ADMIN_PASSWORD);
  for (const [key, a] of Object.entries(accounts)) otps[key] = await createAccount(server, adminCookie, a);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signOut() {
  const { page } = browser;
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: /Keluar|Sign out/ }).click();
  await page.getByRole("heading", { name: /^(Masuk|Sign in)$/ }).waitFor();
}

describe("portal", () => {
  it("answers /healthz without a session, and nothing else", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
    expect((await fetch(`${server.url}/trpc/hierarchy.tree`)).status).toBe(401);
  });

  it("a regency member signs in with its one-time password, chooses its own, and lands on its task force", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/portal/`);
    await page.getByRole("heading", { name: "Masuk" }).waitFor();
    await screenshot(page, "portal-sign-in-id");
    await signInThroughUi(page, { email: accounts.regency.email, password: otps.regency!, newPassword: accounts.regency.password });
    await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Kota Bekasi" }).waitFor();
    const main = await page.locator("main").innerText();
    expect(main).toContain("Gugus Tugas PP-TPPO Provinsi Jawa Barat");
    expect(main).toContain("WIB (UTC+7)");
    // The parent is named, but a regency cannot open its province's page.
    expect(await page.getByRole("link", { name: "Gugus Tugas PP-TPPO Provinsi Jawa Barat" }).count()).toBe(0);
    const today = localDateOf(new Date(), "Asia/Jakarta");
    const period = currentPeriod(REFERENCE_RAN_PERIODS, today);
    const line = page.getByTestId("period-line");
    await line.waitFor();
    if (period) {
      const at = yearInPeriod(period, yearOf(today));
      expect(await line.innerText()).toContain(`Periode ${toRoman(period.number)}, tahun ke-${at.index} dari ${at.of}`);
    }
    await screenshot(page, "portal-regency-profile-id");
  });

  it("shows 'Periode II, tahun ke-4 dari 5' for a date in 2018, and the English line after switching", async () => {
    const { page } = browser;
    await page.goto(`${page.url().split("?")[0]}?at=2018-03-22`);
    const line = page.getByTestId("period-line");
    await expect.poll(() => line.innerText()).toContain("Periode II, tahun ke-4 dari 5");
    expect(await line.innerText()).toContain("2015–2019");
    await screenshot(page, "portal-profile-2018-id");
    await page.getByText("EN", { exact: true }).click();
    await expect.poll(() => line.innerText()).toContain("Period II, year 4 of 5");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Kota Bekasi Task Force");
    await page.getByTestId("at-date").fill("2005-06-01");
    await expect.poll(() => line.innerText()).toBe("No RAN period covers 2005");
    await page.getByText("ID", { exact: true }).click();
  });

  it("answers 'not found' for a task force outside the account's scope", async () => {
    const { page } = browser;
    const { data: jateng } = await callApi<{ id: number }>(server, "hierarchy.byRegion", { code: "33" }, adminCookie);
    await page.goto(`${server.url}/portal/task-forces/${jateng.id}`);
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("Gugus tugas tidak ditemukan.");
    const { data: sibling } = await callApi<{ id: number }>(server, "hierarchy.byRegion", { code: "32.16" }, adminCookie);
    await page.goto(`${server.url}/portal/task-forces/${sibling.id}`);
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("Gugus tugas tidak ditemukan.");
    await screenshot(page, "portal-not-found-id");
    // Members have no accounts page.
    expect(await page.getByRole("link", { name: "Akun" }).count()).toBe(0);
    await signOut();
  });

  it("a regency admin records its task force's formation and composition", async () => {
    const { page } = browser;
    await signInThroughUi(page, { email: accounts.regencyAdmin.email, password: otps.regencyAdmin!, newPassword: accounts.regencyAdmin.password });
    await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Kota Bekasi" }).waitFor();
    await page.getByRole("button", { name: "Tambah dasar hukum" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("combobox", { name: "Jenis" }).click();
    // The dropdown opens with a transition: read its options once they are there.
    await expect.poll(() => page.getByRole("option").allInnerTexts()).toEqual(["Perwali", "SK Wali Kota", "Perda"]);
    await page.getByRole("option", { name: "Perwali" }).click();
    await dialog.getByRole("textbox", { name: "Nomor" }).fill("12 Tahun 2017");
    await dialog.getByRole("textbox", { name: "Tanggal penetapan" }).fill("2030-01-01");
    await dialog.getByRole("textbox", { name: "Ditetapkan oleh" }).fill("Wali Kota Bekasi");
    await dialog.getByRole("button", { name: "Simpan" }).click();
    await expect.poll(() => dialog.innerText()).toContain("Tanggal ini belum tiba.");
    await dialog.getByRole("textbox", { name: "Tanggal penetapan" }).fill("2017-04-10");
    await dialog.getByRole("button", { name: "Simpan" }).click();
    await expect.poll(() => page.getByTestId("instruments-table").innerText()).toContain("12 Tahun 2017");
    await expect.poll(() => page.locator("main [data-status]").first().getAttribute("data-status")).toBe("formed");
    await screenshot(page, "portal-regency-formation-id");
    await signOut();
  });

  it("a province admin sees its province with its 27 regencies/cities, and can open one", async () => {
    const { page } = browser;
    await signInThroughUi(page, { email: accounts.province.email, password: otps.province!, newPassword: accounts.province.password });
    await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Provinsi Jawa Barat" }).waitFor();
    expect(await page.getByTestId("regency-list").getByRole("link").count()).toBe(27);
    await expect.poll(() => page.getByTestId("regency-coverage").innerText()).toBe("1 dari 27 sudah membentuk gugus tugas");
    await screenshot(page, "portal-province-profile-id");
    await page.getByRole("link", { name: "32.75 · Kota Bekasi" }).click();
    await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Kota Bekasi" }).waitFor();
    // From here the province is a link: it is in scope.
    await page.getByRole("link", { name: "Gugus Tugas PP-TPPO Provinsi Jawa Barat" }).waitFor();
  });

  it("a province admin manages its own task force's accounts", async () => {
    const { page } = browser;
    await page.getByRole("link", { name: "Akun" }).first().click();
    const table = page.getByTestId("accounts-table");
    await table.waitFor();
    expect(await table.innerText()).toContain(accounts.province.email);
    expect(await table.innerText()).not.toContain(accounts.regency.email);
    await page.getByRole("button", { name: "Buat akun" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Nama").fill("Maya Sari");
    await dialog.getByLabel("Email").fill("maya@jabarprov.go.id");
    await dialog.getByLabel("Jabatan").fill("Analis Perlindungan Anak");
    await dialog.getByRole("combobox", { name: "Peran" }).click();
    await expect.poll(() => page.getByRole("option").allInnerTexts()).toEqual(["Admin daerah", "Anggota daerah"]);
    await page.getByRole("option", { name: "Anggota daerah" }).click();
    await dialog.getByRole("button", { name: "Buat akun" }).click();
    await dialog.getByTestId("one-time-password").waitFor();
    await screenshot(page, "portal-account-created-id");
    await dialog.getByRole("button", { name: "Selesai" }).click();
    await expect.poll(() => table.innerText()).toContain("maya@jabarprov.go.id");
    await screenshot(page, "portal-accounts-id");
    await signOut();
  });

  it("a central account picks any task force in the portal", async () => {
    const { page, errors } = browser;
    await signInThroughUi(page, { email: server.admin.email, password: ADMIN_PASSWORD });
    await page.getByRole("heading", { name: "Pilih gugus tugas" }).waitFor();
    await screenshot(page, "portal-pick-task-force-id");
    await page.getByLabel("Provinsi").selectOption({ label: "33 · Jawa Tengah" });
    await expect.poll(() => page.getByLabel("Kabupaten/Kota").isEnabled()).toBe(true);
    await page.getByLabel("Kabupaten/Kota").selectOption({ label: "33.74 · Kota Semarang" });
    await page.getByRole("button", { name: "Buka profil" }).click();
    await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Kota Semarang" }).waitFor();
    await page.setViewportSize({ width: 375, height: 740 });
    await screenshot(page, "portal-profile-phone-id");
    // Only the expected refusals reached the console: 401 before sign-in, 404 for out-of-scope pages,
    // 400 for the instrument dated in the future.
    expect(errors.filter((e) => !/status of (400|401|404)/.test(e)), errors.join("\n")).toEqual([]);
  });
});
