/**
 * The performance evaluation in the browser, on the synthetic demonstration data (`pnpm cli demo`):
 * the central admin's national dashboard, one province's spread of its regencies/cities, one
 * regency's scorecard in the portal, in both languages and on a phone; and the national XLSX the
 * dashboard downloads holds no count from 1 to 4 (small counts are written "<5").
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminSession, callApi, createAccount, openBrowser, screenshot, startServer, useSession } from "./harness.ts";
import type { Browser, RunningServer } from "./harness.ts";

let server: RunningServer;
let browser: Browser;
let adminCookie: string;
let regencyCookie: string;
/** Jawa Barat and its Kabupaten Bandung: both have an approved 2025 report in the demonstration data (seed 20260101). */
const PROVINCE = "32";
const REGENCY = "32.04";
const YEAR = 2025;
let provinceId: number;
let regencyId: number;

type Scorecard = { score: { total: number | null; rated: boolean }; contributions: Record<string, { points: number }> };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), openBrowser()]);
  adminCookie = await adminSession(server);
  provinceId = (await callApi<{ id: number }>(server, "hierarchy.byRegion", { code: PROVINCE }, adminCookie)).data.id;
  regencyId = (await callApi<{ id: number }>(server, "hierarchy.byRegion", { code: REGENCY }, adminCookie)).data.id;
  const account = { email: "dewi@bandungkab.go.id", name: "Dewi Anggraini", position: "Kabid Perlindungan Anak", region: REGENCY, role: "regional_admin", password: "kinerja kabupaten bandung" };
  const otp = await createAccount(server, adminCookie, account);
  const { cookie } = await callApi(server, "auth.signIn", { email: account.email, password: otp });
  await callApi(server, "auth.changePassword", { currentPassword: otp, newPassword: account.password }, cookie);
  regencyCookie = cookie!;
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signInBrowserAs(cookie: string): Promise<void> {
  await browser.context.clearCookies();
  await useSession(browser, server, cookie);
}

describe("the performance evaluation on demonstration data", () => {
  it("the national dashboard shows every block, says the data is synthetic, and passes axe in both languages", async () => {
    const { page } = browser;
    await signInBrowserAs(adminCookie);
    await page.goto(`${server.url}/admin/evaluation?year=${YEAR}`);
    await page.getByRole("heading", { name: "Evaluasi kinerja gugus tugas" }).waitFor();
    await page.getByText("Data sintetis — hanya untuk demonstrasi").first().waitFor();
    for (const block of ["Cakupan", "Tingkat pelaporan", "Komitmen anggaran", "Sebaran skor", "Peringkat", "Angka kasus dan layanan"]) {
      await page.getByRole("heading", { name: block, exact: true }).first().waitFor();
    }
    // Small counts are hidden on screen as in files.
    await expect.poll(() => page.getByText("<5").count()).toBeGreaterThan(0);
    await screenshot(page, "evaluation-national-id");
  });

  it("the national XLSX holds no count from 1 to 4 and labels its headers in the reader's language", async () => {
    const { page } = browser;
    await signInBrowserAs(adminCookie);
    await page.goto(`${server.url}/admin/evaluation?year=${YEAR}`);
    await page.getByRole("heading", { name: "Evaluasi kinerja gugus tugas" }).waitFor();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: /XLSX/ }).first().click();
    const file = await (await download).path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const counts = workbook.worksheets.find((s) => /jumlah|angka/i.test(s.name));
    expect(counts, `a counts sheet among ${workbook.worksheets.map((s) => s.name).join(", ")}`).toBeDefined();
    let small = 0;
    let suppressed = 0;
    let numbers = 0;
    counts!.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "number") {
          numbers++;
          if (cell.value >= 1 && cell.value <= 4) small++;
        }
        if (cell.value === "<5") suppressed++;
      }),
    );
    // Headed in the reader's language (the dashboard is in Indonesian): a title with the year, labels not codes.
    const texts: string[] = [];
    counts!.eachRow((row, n) => {
      if (n <= 6) row.eachCell((cell) => void (typeof cell.value === "string" && texts.push(cell.value)));
    });
    expect(texts, texts.join(" · ")).toContainEqual(expect.stringContaining(String(YEAR)));
    expect(texts, texts.join(" · ")).toContainEqual(expect.stringMatching(/^Korban: perempuan dewasa$/));
    expect(texts.some((x) => x.includes("victims."))).toBe(false);
    expect(numbers).toBeGreaterThan(0);
    expect(suppressed).toBeGreaterThan(0);
    expect(small).toBe(0);
  });

  it("one province's page shows the spread of its regencies and cities, with their rank bands", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/admin/evaluation/provinces/${provinceId}?year=${YEAR}`);
    await page.getByRole("heading", { name: /Evaluasi .*Jawa Barat/ }).waitFor();
    await page.getByRole("heading", { name: /Sebaran/ }).first().waitFor();
    await page.getByText("Kabupaten Bandung").first().waitFor();
    await screenshot(page, "evaluation-province-id");
  });

  it("a regency sees its own scorecard in the portal, parts and weights adding up to its total, on a phone too", async () => {
    const { page } = browser;
    const { data: card } = await callApi<Scorecard>(server, "evaluation.scorecard", { taskForceId: regencyId, year: YEAR }, regencyCookie);
    expect(card.score.rated).toBe(true);
    const sum = Object.values(card.contributions).reduce((s, c) => s + c.points, 0);
    expect(sum).toBeCloseTo(card.score.total!, 6);

    await signInBrowserAs(regencyCookie);
    await page.goto(`${server.url}/portal/task-forces/${regencyId}/evaluation?year=${YEAR}`);
    await page.getByRole("heading", { name: "Apa yang akan menaikkan skor" }).waitFor();
    await page.getByText("Data sintetis — hanya untuk demonstrasi").first().waitFor();
    await screenshot(page, "evaluation-scorecard-id");

    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      await page.getByRole("heading", { name: "Apa yang akan menaikkan skor" }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await screenshot(page, "evaluation-scorecard-phone-id");
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("a regency cannot open another task force's scorecard: it answers as not found", async () => {
    const other = (await callApi<{ id: number }>(server, "hierarchy.byRegion", { code: "32.75" }, adminCookie)).data.id;
    const res = await fetch(`${server.url}/trpc/evaluation.scorecard`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-gugus-client": "web", cookie: regencyCookie },
      body: JSON.stringify({ taskForceId: other, year: YEAR }),
    });
    expect(res.status).toBe(404);
  });
});
