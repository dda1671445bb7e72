import { REFERENCE_RAN_PERIODS, currentPeriod, localDateOf, toRoman } from "@gugus/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBrowser, screenshot, startServer } from "./harness.ts";
import type { Browser, RunningServer } from "./harness.ts";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), openBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("admin app", () => {
  it("lists the 38 provinces with their 514 regencies/cities", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/admin/`);
    await page.getByRole("heading", { name: "Hierarki gugus tugas" }).waitFor();
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
    if (current) {
      expect(await marked.innerText()).toMatch(new RegExp(`Periode ${toRoman(current.number)}\\s+Berjalan`, "i"));
    } else {
      expect(await marked.count()).toBe(0);
    }
    await screenshot(page, "admin-periods-id");
  });

  it("switches to English and keeps the choice", async () => {
    const { page } = browser;
    await page.getByText("EN", { exact: true }).click();
    await page.getByRole("heading", { name: "RAN PP-TPPO periods" }).waitFor();
    expect(await page.getByTestId("period-table").innerText()).toMatch(/Period II\s+2015–2019/);
    await screenshot(page, "admin-periods-en");
    await page.goto(`${server.url}/admin/`);
    await page.getByRole("heading", { name: "Task-force hierarchy" }).waitFor();
    await expect.poll(() => page.getByTestId("totals").textContent()).toBe("1 national · 38 provinces · 514 regencies/cities");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await screenshot(page, "admin-hierarchy-en");
  });

  it("shows a clear message for an unknown task force, and logged no browser errors on the way", async () => {
    const { page, errors } = browser;
    const before = errors.length;
    await page.goto(`${server.url}/admin/task-forces/99999`);
    await page.getByRole("alert").waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("Task force not found.");
    // The 404 of that request is the only console error expected.
    expect(errors.slice(0, before)).toEqual([]);
  });
});
