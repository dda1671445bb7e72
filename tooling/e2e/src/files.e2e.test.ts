/**
 * Files people circulate, and finding things as people remember them: the admin downloads the
 * task-force list through the hierarchy page's button and reads it back (title block, labels in the
 * reader's language); a search by a former code answers its successor with the change explained,
 * and the search text stays in the address across a reload.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminSession, openBrowser, screenshot, startServer, useSession } from "./harness.ts";
import type { Browser, RunningServer } from "./harness.ts";

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), openBrowser()]);
  await useSession(browser, server, await adminSession(server));
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Waits for the hierarchy page's heading, saying what the page shows instead when it does not come. */
async function hierarchyHeading(name: string): Promise<void> {
  try {
    await browser.page.getByRole("heading", { name }).waitFor({ timeout: 20_000 });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${browser.page.url()}\n${(await browser.page.innerText("body")).slice(0, 600)}\n${browser.errors.join("\n")}`, { cause: error });
  }
}

async function downloadedWorkbook(click: () => Promise<void>): Promise<ExcelJS.Workbook> {
  const download = browser.page.waitForEvent("download");
  await click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await (await download).path());
  return workbook;
}

describe("list files and former codes", () => {
  it("downloads the task-force list from the hierarchy page and reads it back in both languages", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/admin/?at=2026-01-01`);
    await hierarchyHeading("Hierarki gugus tugas");
    const id = await downloadedWorkbook(() => page.getByTestId("hierarchy-xlsx").click());
    const sheet = id.worksheets[0]!;
    expect([1, 2, 3].map((r) => sheet.getCell(r, 1).value)).toEqual(["Daftar gugus tugas", "Keadaan per 1 Januari 2026", "Seluruh Indonesia"]);
    expect(sheet.getCell(4, 1).value).toMatch(/^Dibuat .+ WIB$/);
    expect(sheet.getCell(6, 1).value).toBe("Provinsi");
    expect(sheet.getCell(6, 5).value).toBe("Status pembentukan");
    expect(sheet.rowCount).toBe(6 + 553);

    await page.getByText("EN", { exact: true }).click();
    await hierarchyHeading("Task-force hierarchy");
    const en = await downloadedWorkbook(() => page.getByTestId("hierarchy-xlsx").click());
    const s = en.worksheets[0]!;
    expect([1, 2, 3].map((r) => s.getCell(r, 1).value)).toEqual(["Task force list", "As of 1 January 2026", "All of Indonesia"]);
    expect(s.getCell(6, 3).value).toBe("Level");
    const levels = new Set<unknown>();
    s.eachRow((row, n) => void (n > 6 && levels.add(row.getCell(3).value)));
    expect([...levels].sort()).toEqual(["National", "Province", "Regency/City"]);
    await page.getByText("ID", { exact: true }).click();
  });

  it("answers a former code with its successor and the change, and keeps the search in the address", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/admin/`);
    await hierarchyHeading("Hierarki gugus tugas");
    await page.getByRole("searchbox", { name: "Cari wilayah" }).fill("91.01");
    const note = page.getByTestId("former-note").first();
    await expect.poll(() => note.innerText(), { timeout: 15_000 }).toContain("Papua Selatan");
    expect(await note.innerText()).toContain("UU 14/2022");
    expect(await note.innerText()).toContain("2022-07-25");
    await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("91.01");
    await screenshot(page, "admin-hierarchy-former-code-id");

    await page.reload();
    await page.getByTestId("former-note").first().waitFor();
    expect(await page.getByRole("searchbox", { name: "Cari wilayah" }).inputValue()).toBe("91.01");
    const successor = page.getByTestId("search-results").getByRole("link", { name: "Kabupaten Merauke" });
    await successor.click();
    await expect.poll(() => page.url()).toMatch(/\/admin\/task-forces\/\d+/);
  });
});
