/**
 * Announcements and the national task force as it really is: the nation reads formed from its
 * seeded Perpres; a central admin publishes an announcement to Jawa Barat in both languages; a
 * Kota Bekasi member sees it at the top of the portal in Indonesian and in English (and on a phone),
 * marks it read and it is gone; a Jawa Tengah account never sees it. Both languages pass axe.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminSession, callApi, createAccount, openBrowser, screenshot, signInApi, signInThroughUi, startServer, useSession } from "./harness.ts";
import type { Browser, RunningServer } from "./harness.ts";

let server: RunningServer;
let browser: Browser;
let adminCookie: string;
const bekasi = { email: "wulan@bekasikota.go.id", name: "Wulan Sari", position: "Staf Bidang PPPA", region: "32.75", role: "regional_member", password: "pagi cerah di kota bekasi" };
const semarang = { email: "bayu@semarangkota.go.id", name: "Bayu Pratama", position: "Staf DP3A Kota Semarang", region: "33.74", role: "regional_member", password: "lumpia hangat di simpang lima" };
const otps: Record<string, string> = {};
const TITLE_ID = "Rapat koordinasi GT Provinsi Jawa Barat";
const TITLE_EN = "West Java task force coordination meeting";
const BODY_ID = "Rapat koordinasi diadakan di Bandung pada 10 Desember.\nMohon setiap kabupaten/kota mengirim satu wakil.";
const BODY_EN = "The coordination meeting is in Bandung on 10 December.\nPlease send one delegate from each regency/city.";

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), openBrowser()]);
  adminCookie = await adminSession(server);
  otps.bekasi = await createAccount(server, adminCookie, bekasi);
  otps.semarang = await createAccount(server, adminCookie, semarang);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("the national task force", () => {
  it("reads formed from its seeded Perpres, the one in force marked", async () => {
    const { page } = browser;
    await useSession(browser, server, adminCookie);
    const { data: nation } = await callApi<{ id: number; status: string }>(server, "hierarchy.byRegion", { code: null }, adminCookie);
    expect(nation.status).toBe("formed");
    await page.goto(`${server.url}/admin/task-forces/${nation.id}`);
    const table = page.getByTestId("instruments-table");
    await expect.poll(() => table.innerText()).toContain("49 Tahun 2023");
    expect(await table.innerText()).toMatch(/Perpres\s+Berlaku\s+49 Tahun 2023\s+2023-08-10\s+Presiden Republik Indonesia/i);
  });
});

describe("announcements", () => {
  it("a central admin publishes one to Jawa Barat in both languages", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/admin/announcements`);
    await page.getByRole("heading", { name: "Pengumuman", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Buat pengumuman" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(/^Judul \(Bahasa Indonesia\)/).fill(TITLE_ID);
    await dialog.getByLabel(/^Isi \(Bahasa Indonesia\)/).fill(BODY_ID);
    await dialog.getByLabel(/^Judul \(English\)/).fill(TITLE_EN);
    await dialog.getByLabel(/^Isi \(English\)/).fill("x");
    await dialog.getByRole("combobox", { name: "Ditujukan kepada" }).click();
    await dialog.getByRole("combobox", { name: "Ditujukan kepada" }).fill("Jawa Barat");
    await page.getByRole("option", { name: "32 Jawa Barat" }).click();
    // Too short an English text is refused on its field, in the reader's language, before anything is sent.
    await dialog.getByRole("button", { name: "Terbitkan" }).click();
    await expect.poll(() => dialog.innerText()).toContain("Isi pengumuman 3 sampai 2.000 karakter");
    await screenshot(page, "admin-announcement-form-id");
    await dialog.getByLabel(/^Isi \(English\)/).fill(BODY_EN);
    await dialog.getByRole("button", { name: "Terbitkan" }).click();
    await dialog.waitFor({ state: "detached" });
    const rows = page.getByTestId("announcements-table").locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(1);
    const row = await rows.first().innerText();
    expect(row).toContain(TITLE_ID);
    expect(row).toContain("Gugus tugas Provinsi Jawa Barat dan kabupaten/kotanya");
    expect(row).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB/);
    expect(row).toContain("0 akun");
    await screenshot(page, "admin-announcements-id");
  });

  it("a Kota Bekasi member sees it at the top of the portal in Indonesian and English, on a phone too", async () => {
    const { page, context } = browser;
    await context.clearCookies();
    await page.goto(`${server.url}/portal/`);
    await signInThroughUi(page, { email: bekasi.email, password: otps.bekasi!, newPassword: bekasi.password });
    await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Kota Bekasi" }).waitFor();
    const banner = page.getByTestId("announcement-banner");
    await banner.waitFor();
    expect(await banner.innerText()).toContain(TITLE_ID);
    expect(await banner.innerText()).toContain("Mohon setiap kabupaten/kota mengirim satu wakil.");
    expect(await banner.innerText()).toMatch(/Diterbitkan \d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB/);
    await screenshot(page, "portal-announcement-banner-id");
    await page.getByText("EN", { exact: true }).click();
    await expect.poll(() => banner.innerText()).toContain(TITLE_EN);
    expect(await banner.innerText()).toContain("Please send one delegate from each regency/city.");
    expect(await banner.getByRole("button", { name: `Mark as read: ${TITLE_EN}` }).count()).toBe(1);
    await page.getByText("ID", { exact: true }).click();
    await expect.poll(() => banner.innerText()).toContain(TITLE_ID);
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await screenshot(page, "portal-announcement-banner-phone-id");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("marking it read takes the banner away, on every page; the list keeps it as read", async () => {
    const { page } = browser;
    await page.getByTestId("announcement-banner").getByRole("button", { name: "Tandai sudah dibaca" }).click();
    await page.getByTestId("announcement-banner").waitFor({ state: "detached" });
    await page.getByRole("link", { name: "Pengumuman" }).first().click();
    const item = page.getByTestId("announcement-list").locator("article");
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.first().getAttribute("data-read")).toBe("true");
    expect(await item.first().innerText()).toMatch(/Sudah dibaca/i);
    expect(await page.getByTestId("announcement-banner").count()).toBe(0);
    await screenshot(page, "portal-announcements-id");
    await page.reload();
    await page.getByTestId("announcement-list").waitFor();
    expect(await page.getByTestId("announcement-banner").count()).toBe(0);
    const { data: list } = await callApi<{ readCount: number }[]>(server, "announcements.list", {}, adminCookie);
    expect(list[0]!.readCount).toBe(1);
  });

  it("a Jawa Tengah account never sees it, and cannot mark it read", async () => {
    const first = await signInApi(server, semarang.email, otps.semarang!);
    await callApi(server, "auth.changePassword", { currentPassword: otps.semarang, newPassword: semarang.password }, first);
    const cookie = await signInApi(server, semarang.email, semarang.password);
    const { data } = await callApi<{ unread: number; items: { id: number }[] }>(server, "announcements.mine", {}, cookie);
    expect(data).toEqual({ unread: 0, items: [] });
    const { data: list } = await callApi<{ id: number }[]>(server, "announcements.list", {}, adminCookie);
    await expect(callApi(server, "announcements.markRead", { id: list[0]!.id }, cookie)).rejects.toThrow(/404/);
    const { context, page } = browser;
    await context.clearCookies();
    await useSession(browser, server, cookie);
    await page.goto(`${server.url}/portal/`);
    await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Kota Semarang" }).waitFor();
    await page.getByRole("link", { name: "Pengumuman" }).first().click();
    await expect.poll(() => page.locator("main").innerText()).toContain("Belum ada pengumuman untuk gugus tugas Anda.");
    expect(await page.getByTestId("announcement-banner").count()).toBe(0);
  });
});
