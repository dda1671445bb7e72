import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, adminSession, callApi, createAccount, openBrowser, screenshot, signInThroughUi, startServer, useSession } from "./harness.ts";
import type { Browser, RunningServer } from "./harness.ts";

let server: RunningServer;
let admin: Browser;
let regional: Browser;
let cookie: string;
const regencyUser = { email: "sari@bekasikota.go.id", name: "Sari Puspita", position: "Staf Bidang PPPA", region: "32.75", role: "regional_member", password: "pagi cerah di kali bekasi" };
let regencyOtp: string;

beforeAll(async () => {
  [server, admin, regional] = await Promise.all([startServer(), openBrowser(), openBrowser()]);
  cookie = await adminSession(server);
  await useSession(admin, server, cookie);
  regencyOtp = await createAccount(server, cookie, regencyUser);
});
afterAll(async () => {
  await admin?.close();
  await regional?.close();
  await server?.stop();
});

describe("RAN periods and action plans", () => {
  it("shows the seeded periods: II is 2015–2019, III's adoption came late, no gaps", async () => {
    const { page } = admin;
    await page.goto(`${server.url}/admin/periods`);
    const table = page.getByTestId("period-table");
    await expect.poll(() => table.locator("tbody tr").count()).toBe(4);
    const rows = await table.locator("tbody tr").allInnerTexts();
    // Badges are shown in capitals.
    expect(rows[1]).toMatch(/^Periode II\s+2015–2019\s+5 tahun\s+Ditetapkan/i);
    expect(rows[2]).toMatch(/^Periode III\s+2020–2024/);
    expect(rows[2]).toMatch(/2023-02-22\s+Ditetapkan terlambat/i);
    expect(rows[3]).toMatch(/^Periode IV\s+Berjalan\s+2025–2029\s+5 tahun\s+Rancangan/i);
    expect(await page.getByText("Tidak ada celah antarperiode.").count()).toBe(1);
    await screenshot(page, "admin-periods-timeline-id");
  });

  it("creates draft period V: an overlapping range is refused as the user types, the fixed one is saved", async () => {
    const { page } = admin;
    await page.getByRole("button", { name: "Buat periode rancangan" }).click();
    const form = page.getByTestId("create-period");
    const first = form.getByRole("textbox", { name: "Tahun awal" });
    const last = form.getByRole("textbox", { name: "Tahun akhir" });
    expect(await form.getByRole("textbox", { name: "Nomor periode" }).inputValue()).toBe("5");
    await first.fill("2029");
    await last.fill("2033");
    await expect.poll(() => form.innerText()).toContain("Periode RAN tidak boleh tumpang tindih. Periode IV dan V akan tumpang tindih.");
    await screenshot(page, "admin-period-overlap-id");
    await form.getByRole("button", { name: "Buat rancangan" }).click();
    expect(await page.getByTestId("period-table").locator("tbody tr").count()).toBe(4);
    await first.fill("2030");
    await last.fill("2034");
    await expect.poll(() => form.innerText()).not.toContain("Periode IV dan V");
    await form.getByRole("button", { name: "Buat rancangan" }).click();
    await page.getByText("Periode V (2030–2034) dibuat sebagai rancangan.").waitFor();
    await expect.poll(() => page.getByTestId("period-table").locator("tbody tr").count()).toBe(5);
    await screenshot(page, "admin-period-created-id");
  });

  it("adds a regency-level action item with yearly targets, refusing a negative count as the user types", async () => {
    const { page } = admin;
    await page.getByRole("link", { name: "Periode V" }).click();
    await page.getByRole("heading", { name: "Periode V" }).waitFor();
    await page.getByRole("button", { name: "Tambah rencana aksi" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: "Kode" }).fill("V.1.1");
    await dialog.getByRole("textbox", { name: "Program" }).fill("Pencegahan TPPO di satuan pendidikan");
    await dialog.getByRole("textbox", { name: "Kegiatan" }).fill("Sosialisasi pencegahan TPPO di SMA/SMK");
    await dialog.getByRole("textbox", { name: "Indikator" }).fill("Jumlah SMA/SMK yang disosialisasi");
    await dialog.getByRole("textbox", { name: "Penanggung jawab" }).fill("Dinas Pendidikan");
    const targets = [10, 12, 14, 16, 18];
    for (const [i, value] of targets.entries()) await dialog.getByLabel(`Target ${2030 + i}`).fill(String(value));
    await dialog.getByLabel("Target 2031").fill("-12");
    await expect.poll(() => dialog.innerText()).toContain("Satuan ini tidak boleh bernilai negatif.");
    await screenshot(page, "admin-item-negative-id");
    await dialog.getByLabel("Target 2031").fill("12");
    await expect.poll(() => dialog.innerText()).not.toContain("negatif");
    expect(await dialog.innerText()).toContain("Jumlah periode: 70");
    await dialog.getByRole("button", { name: "Simpan" }).click();
    await dialog.waitFor({ state: "detached" });
    const row = page.getByTestId("item-V.1.1");
    await expect.poll(() => row.innerText()).toMatch(/Kabupaten\/Kota/i);
    expect((await row.innerText()).replace(/\s+/g, " ")).toContain("10 12 14 16 18");
    await screenshot(page, "admin-period-v-items-id");
  });

  it("imports action items: a wrong column is named and nothing saved; a good file saves every row", async () => {
    const { page } = admin;
    await page.getByRole("button", { name: "Impor dari berkas" }).click();
    const dialog = page.getByRole("dialog");
    const choose = async (file: string) => {
      const chooser = page.waitForEvent("filechooser");
      await dialog.getByRole("button", { name: "Pilih berkas CSV atau XLSX" }).click();
      await (await chooser).setFiles(join(FIXTURES, file));
    };
    await choose("ran-v-wrong.csv");
    const review = dialog.getByTestId("import-review");
    await expect.poll(() => review.innerText()).toContain("Kolom berkas tidak sesuai");
    const text = await review.innerText();
    expect(text).toContain("Kolom ini tidak dikenal. Kolom: warna.");
    expect(text).toContain("Tahun target berada di luar periode.");
    expect(text).toContain("Kolom yang diperlukan tidak ada. Kolom: mode_target.");
    await screenshot(page, "admin-items-import-wrong-id");
    await choose("ran-v-items.csv");
    await expect.poll(() => review.innerText()).toContain("3 baris siap, 0 bermasalah.");
    await dialog.getByRole("button", { name: "Simpan 3 rencana aksi" }).click();
    await dialog.getByText("3 rencana aksi disimpan.").waitFor();
    await dialog.getByRole("button", { name: "Tutup" }).click();
    await expect.poll(() => page.getByTestId("item-V.6.1").count()).toBe(1);
    expect(await page.getByTestId("items-law_enforcement").innerText()).toContain("V.5.1");
    await screenshot(page, "admin-period-v-imported-id");
  });

  it("keeps period V's years from leaving out a year with targets; records its coordinators", async () => {
    const { page } = admin;
    await page.getByRole("tab", { name: "Pengaturan" }).click();
    await page.getByRole("textbox", { name: "Tahun akhir" }).fill("2033");
    await expect.poll(() => page.locator("main").innerText()).toContain("Tahun yang punya target: 2034.");
    await page.getByRole("textbox", { name: "Tahun akhir" }).fill("2034");
    await expect.poll(() => page.locator("main").innerText()).not.toContain("Tahun yang punya target");
    await page.getByRole("textbox", { name: "I. Pencegahan dan Partisipasi Anak" }).fill("Kemendikdasmen");
    await page.getByRole("button", { name: "Simpan koordinator" }).click();
    await page.getByText("Koordinator disimpan.").waitFor();
    await screenshot(page, "admin-period-v-settings-id");
    await page.getByRole("tab", { name: "Rencana aksi" }).click();
    await expect.poll(() => page.getByTestId("items-prevention").innerText()).toContain("Koordinator: Kemendikdasmen");
  });

  it("gives period II's reporting calendar: due 31 January, at local midnight in WIB, WITA and WIT", async () => {
    const { page } = admin;
    await page.goto(`${server.url}/admin/periods/2?tab=calendar`);
    const table = page.getByTestId("reporting-calendar");
    await expect.poll(() => table.locator("tbody tr").count()).toBe(5);
    const first = (await table.locator("tbody tr").first().innerText()).replace(/\s+/g, " ");
    expect(first).toContain(
      "2015 2015-01-01 – 2015-12-31 2016-01-31 pukul 24.00 WIB = 17:00 UTC pukul 24.00 WITA = 16:00 UTC pukul 24.00 WIT = 15:00 UTC 2016-03-31 24.00 waktu setempat",
    );
    await page.getByText("EN", { exact: true }).click();
    await page.getByRole("tab", { name: "Reporting calendar" }).waitFor();
    await screenshot(page, "admin-period-ii-calendar-en");
    await page.getByText("ID", { exact: true }).click();
  });

  it("shows the regency user the items of its level in period V, with the year's target; not the province's", async () => {
    const { page } = regional;
    await page.goto(`${server.url}/portal/`);
    await signInThroughUi(page, { email: regencyUser.email, password: regencyOtp, newPassword: regencyUser.password });
    await page.getByRole("link", { name: "Rencana aksi" }).first().click();
    await page.getByRole("heading", { name: "Rencana aksi" }).waitFor();
    // 2026 lies in period IV, which has no items yet.
    await page.getByTestId("plan-empty").waitFor();
    await page.getByRole("combobox", { name: "Periode" }).click();
    await page.getByRole("option", { name: "Periode V (2030–2034, rancangan)" }).click();
    const item = page.getByTestId("plan-item-V.1.1");
    await item.waitFor();
    expect(await item.innerText()).toContain("Sosialisasi pencegahan TPPO di SMA/SMK");
    expect(await item.getByTestId("year-target").innerText()).toBe("10");
    expect(await page.getByTestId("plan-year").innerText()).toContain("Tahun 2026 di luar periode ini; ditampilkan target tahun 2030.");
    expect(await page.getByTestId("plan-item-V.6.1").count()).toBe(1);
    // Province-level items (V.4.1, V.5.1) are not the regency's to carry out.
    expect(await page.getByTestId("plan-item-V.4.1").count()).toBe(0);
    expect(await page.getByTestId("plan-item-V.5.1").count()).toBe(0);
    await screenshot(page, "portal-plan-v-id");
    await page.getByText("EN", { exact: true }).click();
    await expect.poll(() => page.getByTestId("plan-year").innerText()).toContain("2026 lies outside this period; targets for 2030 are shown.");
    await page.getByText("ID", { exact: true }).click();
  });

  it("refuses the same changes from a regional account at the API, leaving the plan as it was", async () => {
    const regionalCookie = (await regional.context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const res = await fetch(`${server.url}/trpc/ran.createPeriod`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-gugus-client": "web", cookie: regionalCookie },
      body: JSON.stringify({ number: 6, firstYear: 2035, lastYear: 2039 }),
    });
    expect(res.status).toBe(403);
    const { data } = await callApi<{ periods: unknown[] }>(server, "ran.periods", {}, cookie);
    expect(data.periods).toHaveLength(5);
  });
});
