/**
 * A regional action plan (RAD) in the browser: with period IV adopted and RAN items at each level,
 * Jawa Barat's regional admin records the Pergub that adopted its RAD and an item following a
 * province-level RAN item (only those are offered); the province's page shows it, on a phone too;
 * its yearly report lists the item under the RAN item it follows; the central admin sees Jawa Barat
 * adopted on /rad and reads its RAD from the task force's page. Both languages with axe.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminSession, callApi, createAccount, openBrowser, screenshot, signInThroughUi, startServer, useSession } from "./harness.ts";
import type { Browser, RunningServer } from "./harness.ts";

let server: RunningServer;
let browser: Browser;
let adminCookie: string;
let otp: string;
let jabarId: number;
const YEAR = new Date().getUTCFullYear();
const PROVINCE_ITEM = "IV.PENC.P1";
const REGENCY_ITEM = "IV.PENC.K1";
const NATIONAL_ITEM = "IV.PENC.N1";
const RAD_ITEM = "RAD-JB.1.1";
const admin = { email: "rina@jabarprov.go.id", name: "Rina Kartika", position: "Kabid PPPA Jawa Barat", region: "32", role: "regional_admin", password: "angklung di saung udjo sore" };

const ranItem = (code: string, level: string) => ({
  subTaskForce: "prevention",
  code,
  programme: "Pencegahan TPPO berbasis desa",
  activity: `Sosialisasi pencegahan TPPO (${level})`,
  indicator: "Jumlah desa yang disosialisasi",
  unit: "count",
  targetMode: "per_year",
  targets: [{ year: YEAR, value: 20 }],
  leadAgency: "Kementerian PPPA",
  level,
});

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), openBrowser()]);
  adminCookie = await adminSession(server);
  otp = await createAccount(server, adminCookie, admin);
  jabarId = (await callApi<{ id: number }>(server, "hierarchy.byRegion", { code: "32" }, adminCookie)).data.id;
  // The period holding this year, adopted, with one prevention item for each level.
  const { data } = await callApi<{ periods: { number: number; firstYear: number; lastYear: number; status: string; version: number }[] }>(server, "ran.periods", {}, adminCookie);
  const period = data.periods.find((p) => p.firstYear <= YEAR && YEAR <= p.lastYear)!;
  if (period.status !== "adopted") await callApi(server, "ran.adoptPeriod", { number: period.number, version: period.version, instrument: "Perpres 1/2025", adoptedOn: `${period.firstYear}-03-01` }, adminCookie);
  for (const [code, level] of [
    [NATIONAL_ITEM, "national"],
    [PROVINCE_ITEM, "province"],
    [REGENCY_ITEM, "regency"],
  ] as const) {
    await callApi(server, "ran.createItem", { number: period.number, item: ranItem(code, level) }, adminCookie);
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("a province's regional action plan", () => {
  it("Jawa Barat's admin records the Pergub and an item following a province-level RAN item", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/portal/`);
    await signInThroughUi(page, { email: admin.email, password: otp, newPassword: admin.password });
    await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Provinsi Jawa Barat" }).waitFor();
    await page.getByRole("link", { name: "RAD", exact: true }).click();
    await page.getByRole("heading", { name: "Rencana aksi daerah (RAD)", level: 1 }).waitFor();
    expect(await page.getByText("RAD belum ditetapkan (draf).").count()).toBe(1);

    // The adopting instrument: a link that is no http(s) link is refused on the field.
    await page.getByRole("textbox", { name: "Nomor" }).fill("12 Tahun 2025");
    await page.getByLabel("Tanggal penetapan").fill(`${YEAR}-02-10`);
    await page.getByRole("textbox", { name: "Tautan dokumen (JDIH)" }).fill("javascript:alert(1)");
    await page.getByTestId("rad-save-instrument").click();
    await page.getByText("Rujukan dokumen berupa tautan http(s)", { exact: false }).waitFor();
    await page.getByRole("textbox", { name: "Tautan dokumen (JDIH)" }).fill("https://jdih.jabarprov.go.id/pergub-12-2025");
    await page.getByTestId("rad-save-instrument").click();
    await page.getByTestId("rad-instrument").waitFor();
    expect(await page.getByTestId("rad-instrument").innerText()).toContain("Pergub");

    // An item: only the province-level RAN item is offered; its sub-task-force comes with it.
    await page.getByTestId("rad-add-item").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("combobox", { name: "Rencana aksi RAN yang diikuti" }).click();
    expect(await page.getByRole("option").allInnerTexts()).toEqual([`${PROVINCE_ITEM} · Sosialisasi pencegahan TPPO (province)`]);
    await page.getByRole("option", { name: new RegExp(PROVINCE_ITEM) }).click();
    expect(await dialog.getByTestId("rad-sub-task-force").innerText()).toContain("Pencegahan");
    await dialog.getByRole("textbox", { name: "Kode" }).fill(RAD_ITEM);
    await dialog.getByRole("textbox", { name: "Program" }).fill("Desa bebas TPPO");
    await dialog.getByRole("textbox", { name: "Kegiatan" }).fill("Sosialisasi pencegahan TPPO di desa kantong pekerja migran");
    await dialog.getByRole("textbox", { name: "Indikator" }).fill("Jumlah desa kantong pekerja migran yang disosialisasi");
    await dialog.getByRole("textbox", { name: `Target tahun ${YEAR}` }).fill("1,5");
    await dialog.getByRole("textbox", { name: "Penanggung jawab" }).fill("DP3AKB Provinsi Jawa Barat");
    await dialog.getByTestId("rad-save-item").click();
    // A fraction in a count is refused by the domain's rule before anything is sent.
    await dialog.getByText("tidak boleh pecahan", { exact: false }).waitFor();
    await dialog.getByRole("textbox", { name: `Target tahun ${YEAR}` }).fill("15");
    await dialog.getByTestId("rad-save-item").click();
    await page.getByTestId(`rad-item-${RAD_ITEM}`).waitFor();
    expect(await page.getByTestId(`rad-item-${RAD_ITEM}`).innerText()).toContain(`Mengikuti ${PROVINCE_ITEM}`);
    expect(await page.getByTestId(`rad-item-${RAD_ITEM}`).innerText()).toContain("15");
    await page.getByTestId("rad-regencies").waitFor();
    await screenshot(page, "portal-rad-id");
  });

  it("shows the province its RAD on a phone, read back from the server", async () => {
    const { page } = browser;
    await page.reload();
    await page.getByTestId(`rad-item-${RAD_ITEM}`).waitFor();
    const plan = await page.evaluate(() => document.body.innerText);
    expect(plan).toContain("Ditetapkan dengan Pergub 12 Tahun 2025");
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await screenshot(page, "portal-rad-phone-id");
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("lists the RAD item under the RAN item it follows in the province's yearly report", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/portal/task-forces/${jabarId}/reports/${YEAR}`);
    await page.getByRole("heading", { name: `Laporan tahun ${YEAR}` }).waitFor();
    const row = page.getByTestId(`realisation-${PROVINCE_ITEM}`);
    await row.getByTestId(`rad-under-${RAD_ITEM}`).waitFor();
    expect(await row.getByTestId("rad-under").innerText()).toContain(`Target ${YEAR}: 15 Jumlah`);
    await screenshot(page, "portal-report-rad-id");
  });

  it("shows the central admin Jawa Barat's RAD adopted on /rad, and its items on the task force's RAD page", async () => {
    const { page } = browser;
    await browser.context.clearCookies();
    await useSession(browser, server, adminCookie);
    await page.goto(`${server.url}/admin/rad`);
    await page.getByRole("heading", { name: "RAD provinsi dan kabupaten/kota" }).waitFor();
    const row = page.getByTestId("rad-row-32");
    await row.waitFor();
    expect(await row.innerText()).toMatch(/ditetapkan 10 feb \d{4}\s+1$/i);
    // Filtering by province keeps Jawa Barat and its regencies/cities.
    await page.getByTestId("rad-province-filter").click();
    await page.getByRole("option", { name: "32 · Jawa Barat" }).click();
    await expect.poll(() => page.getByTestId("rad-row-33").count()).toBe(0);
    expect(await page.getByTestId("rad-row-32.75").count()).toBe(1);
    await screenshot(page, "admin-rad-overview-id");
    await page.goto(`${server.url}/admin/task-forces/${jabarId}`);
    await page.getByTestId("task-force-rad").click();
    await page.getByTestId(`rad-item-${RAD_ITEM}`).waitFor();
    expect(await page.getByTestId("rad-instrument").innerText()).toContain("12 Tahun 2025");
    expect(await page.getByTestId("rad-add-item").count()).toBe(0);
    await screenshot(page, "admin-rad-task-force-id");
  });
});
