import { REFERENCE_RAN_PERIODS, currentPeriod, localDateOf, toRoman, yearInPeriod, yearOf } from "@gugus/domain";
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

describe("portal", () => {
  it("answers /healthz", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
  });

  it("picks a task force and shows its profile, parent and today's period line", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/portal/`);
    await page.getByRole("heading", { name: "Pilih gugus tugas" }).waitFor();
    await screenshot(page, "portal-picker-id");
    await page.getByLabel("Provinsi").selectOption({ label: "32 · Jawa Barat" });
    await expect.poll(() => page.getByLabel("Kabupaten/Kota").isEnabled()).toBe(true);
    await page.getByLabel("Kabupaten/Kota").selectOption({ label: "32.75 · Kota Bekasi" });
    await page.getByRole("button", { name: "Buka profil" }).click();
    await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Kota Bekasi" }).waitFor();
    const main = await page.locator("main").innerText();
    expect(main).toContain("Gugus Tugas PP-TPPO Provinsi Jawa Barat");
    expect(main).toContain("WIB (UTC+7)");

    const today = localDateOf(new Date(), "Asia/Jakarta");
    const period = currentPeriod(REFERENCE_RAN_PERIODS, today);
    const line = page.getByTestId("period-line");
    await line.waitFor();
    if (period) {
      const at = yearInPeriod(period, yearOf(today));
      expect(await line.innerText()).toContain(`Periode ${toRoman(period.number)}, tahun ke-${at.index} dari ${at.of}`);
    } else {
      expect(await line.innerText()).toContain("Tidak ada periode RAN");
    }
    await screenshot(page, "portal-profile-today-id");
  });

  it("shows 'Periode II, tahun ke-4 dari 5' for a date in 2018, and the English line after switching", async () => {
    const { page } = browser;
    await page.goto(`${page.url().split("?")[0]}?date=2018-03-22`);
    const line = page.getByTestId("period-line");
    await expect.poll(() => line.innerText()).toContain("Periode II, tahun ke-4 dari 5");
    expect(await line.innerText()).toContain("2015–2019");
    await screenshot(page, "portal-profile-2018-id");
    await page.getByText("EN", { exact: true }).click();
    await expect.poll(() => line.innerText()).toContain("Period II, year 4 of 5");
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Kota Bekasi Task Force");
    await screenshot(page, "portal-profile-2018-en");
  });

  it("changes the date with the date field and says when no period covers it", async () => {
    const { page } = browser;
    await page.getByLabel("On date").fill("2005-06-01");
    await expect.poll(() => page.getByTestId("period-line").innerText()).toBe("No RAN period covers 2005");
    await page.getByLabel("On date").fill("2021-01-15");
    await expect.poll(() => page.getByTestId("period-line").innerText()).toContain("Period III, year 2 of 5");
  });

  it("works on a phone-sized screen", async () => {
    const { page, errors } = browser;
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${server.url}/portal/`);
    await page.getByRole("heading", { name: "Choose a task force" }).waitFor();
    await screenshot(page, "portal-picker-en-phone");
    expect(errors).toEqual([]);
  });
});
