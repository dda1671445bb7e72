/**
 * The audit log as a person reads it: a central admin changes who holds Kota Bekasi's chair through
 * the API, opens the audit page and reads the change as a sentence with before → after and a time
 * in WIB; the filters live in the address and refuse an inverted range with its message; the XLSX
 * file holds the same sentence. Both languages with axe, and a phone.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminSession, callApi, openBrowser, screenshot, startServer, useSession } from "./harness.ts";
import type { Browser, RunningServer } from "./harness.ts";

let server: RunningServer;
let browser: Browser;
let cookie: string;

const SENTENCE_ID = /^.+ mengubah ketua Gugus Tugas PP-TPPO Kota Bekasi dari Ani Lestari menjadi Dedi Kurniawan$/;
const SENTENCE_EN = /^.+ changed the chair of Kota Bekasi Task Force from Ani Lestari to Dedi Kurniawan$/;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), openBrowser()]);
  cookie = await adminSession(server);
  const { data: bekasi } = await callApi<{ id: number }>(server, "hierarchy.byRegion", { code: "32.75" }, cookie);
  const seat = { position: "chair", subTaskForce: null, office: "Wali Kota Bekasi", agency: "Pemerintah Kota Bekasi", stakeholderType: "pemda_opd", validFrom: "2026-01-02", validTo: null };
  const { data: created } = await callApi<{ id: number; version: number }>(server, "profile.createMembership", { taskForceId: bekasi.id, membership: { ...seat, personName: "Ani Lestari" } }, cookie);
  await callApi(server, "profile.updateMembership", { id: created.id, version: created.version, membership: { ...seat, personName: "Dedi Kurniawan" } }, cookie);
  await useSession(browser, server, cookie);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const firstSentence = () => browser.page.getByTestId("audit-sentence").first().innerText();

describe("the audit log in words", () => {
  it("shows the change as a sentence with before → after, the actor and a time in WIB", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/admin/audit`);
    await page.getByRole("heading", { name: "Log audit" }).waitFor();
    await expect.poll(firstSentence).toMatch(SENTENCE_ID);
    const row = page.getByTestId("audit-table").locator("tbody > tr").first();
    expect(await row.locator("time").innerText()).toMatch(/^\d{1,2} \S+ \d{4} \d{2}\.\d{2} WIB$/);
    const changes = row.getByTestId("audit-changes");
    expect(await changes.getByRole("columnheader").allInnerTexts()).toEqual(["Isian", "Sebelum", "Sesudah"]);
    expect(await changes.locator("tbody tr").first().locator("td").allInnerTexts()).toEqual(["Nama orang", "Ani Lestari", "Dedi Kurniawan"]);
    expect(await row.innerText()).toMatch(/berhasil/i);
    // The creation before it reads as the chair recorded, its fields as new values.
    expect(await page.getByTestId("audit-sentence").nth(1).innerText()).toMatch(/mencatat ketua Gugus Tugas PP-TPPO Kota Bekasi$/);
    await screenshot(page, "admin-audit-readable-id");
    await page.getByText("EN", { exact: true }).click();
    await expect.poll(firstSentence).toMatch(SENTENCE_EN);
    expect(await row.locator("time").innerText()).toMatch(/^\d{1,2} \S+ \d{4} \d{2}:\d{2} WIB$/);
    await page.setViewportSize({ width: 375, height: 740 });
    await screenshot(page, "admin-audit-readable-phone-en");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByText("ID", { exact: true }).click();
    await expect.poll(firstSentence).toMatch(SENTENCE_ID);
  });

  it("keeps the filters in the address, and refuses a range whose end comes before its start", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/admin/audit?action=membership.update`);
    await expect.poll(() => page.getByTestId("audit-sentence").count()).toBe(1);
    expect(await firstSentence()).toMatch(SENTENCE_ID);
    await page.getByTestId("audit-from").fill("2026-12-01");
    await page.getByTestId("audit-to").fill("2026-11-01");
    await page.getByText("Tanggal akhir rentang tidak boleh sebelum tanggal awalnya.").waitFor();
    expect(await page.getByTestId("audit-table").count()).toBe(0);
    expect(await page.getByTestId("audit-xlsx").isDisabled()).toBe(true);
    expect(page.url()).toContain("from=2026-12-01");
    expect(page.url()).toContain("to=2026-11-01");
    await screenshot(page, "admin-audit-range-id");
    // The server refuses it too, with the same code.
    await expect(callApi(server, "audit.list", { from: "2026-12-01", to: "2026-11-01" }, cookie)).rejects.toThrow(/DATE_RANGE_INVERTED/);
    await page.reload();
    await page.getByText("Tanggal akhir rentang tidak boleh sebelum tanggal awalnya.").waitFor();
    await page.getByRole("button", { name: "Hapus saringan" }).click();
    await expect.poll(() => page.getByTestId("audit-sentence").count()).toBeGreaterThan(1);
    expect(new URL(page.url()).search).toBe("");
  });

  it("downloads the filtered log as an XLSX file holding the same sentence, in both languages", async () => {
    const { page } = browser;
    for (const [language, title, sentence] of [
      ["id", "Log audit", SENTENCE_ID],
      ["en", "Audit log", SENTENCE_EN],
    ] as const) {
      await page.goto(`${server.url}/admin/audit?action=membership.update`);
      if (language === "en") await page.getByText("EN", { exact: true }).click();
      await expect.poll(firstSentence).toMatch(sentence);
      const shown = await firstSentence();
      const download = page.waitForEvent("download");
      await page.getByTestId("audit-xlsx").click();
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(await (await download).path());
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getCell("A1").text).toBe(title);
      expect(sheet.getCell("A3").text).toBe(language === "id" ? "Seluruh Indonesia" : "All of Indonesia");
      const cells = (sheet.getRow(7).values as unknown[]).map(String);
      expect(cells).toContain(shown);
      expect(cells.some((c) => /WIB$/.test(c))).toBe(true);
      expect(cells.join(" ")).toContain("Ani Lestari → Dedi Kurniawan");
      if (language === "en") await page.getByText("ID", { exact: true }).click();
    }
  });
});
