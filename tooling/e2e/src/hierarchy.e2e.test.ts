import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, adminSession, callApi, openBrowser, screenshot, startServer, useSession } from "./harness.ts";
import type { Browser, RunningServer } from "./harness.ts";

let server: RunningServer;
let browser: Browser;
let cookie: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), openBrowser()]);
  cookie = await adminSession(server);
  await useSession(browser, server, cookie);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("managing the hierarchy (admin)", () => {
  it("reports an import file's bad rows one by one, and saves nothing", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/admin/import`);
    await page.getByRole("heading", { name: "Impor data pembentukan" }).waitFor();
    await page.getByTestId("import-file").setInputFiles(join(FIXTURES, "formation-errors.csv"));
    const summary = page.getByTestId("import-summary");
    await expect.poll(() => summary.innerText()).toContain("5 baris diperiksa: 1 baik, 4 bermasalah");
    const report = await page.getByTestId("import-report").innerText();
    expect(report).toContain("kode wilayah: Kode wilayah tidak valid");
    expect(report).toContain("kode wilayah: Kode wilayah ini tidak ada pada tanggal tersebut.");
    expect(report).toContain("jenis: Jenis dasar hukum ini tidak sesuai");
    expect(report).toContain("tanggal: Tanggal tidak valid");
    expect(await page.getByRole("button", { name: /^Simpan/ }).count()).toBe(0);
    await screenshot(page, "admin-import-errors-id");
  });

  it("imports the 2018 formation list with progress, all rows at once", async () => {
    const { page } = browser;
    await page.getByRole("button", { name: "Muat berkas lain" }).click();
    await page.getByTestId("import-file").setInputFiles(join(FIXTURES, "formation-2018.csv"));
    await expect.poll(() => page.getByTestId("import-summary").innerText(), { timeout: 30_000 }).toContain("277 baris diperiksa: 277 baik, 0 bermasalah");
    await page.getByRole("button", { name: "Simpan 277 baris" }).click();
    await expect.poll(() => page.getByTestId("import-done").innerText()).toContain("Tersimpan: 277 dasar hukum baru");
    await screenshot(page, "admin-import-done-id");
  });

  it("reproduces 32 provinces and 195 regencies/cities on 2018-03-22 on the coverage page, 245 by the end of 2019", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/admin/coverage?at=2018-03-22`);
    await expect.poll(() => page.getByTestId("coverage-provinces").innerText()).toContain("32 dari 34");
    expect(await page.getByTestId("coverage-regencies").innerText()).toContain("195 dari 514");
    expect(await page.getByTestId("cartogram").locator("[data-province]").count()).toBe(34);
    await screenshot(page, "admin-coverage-2018-id");
    await page.getByTestId("at-date").fill("2019-12-31");
    await expect.poll(() => page.getByTestId("coverage-regencies").innerText()).toContain("245 dari 514");
    await page.getByText("EN", { exact: true }).click();
    await expect.poll(() => page.getByTestId("coverage-regencies").innerText()).toContain("245 of 514");
    await page.getByTestId("at-date").fill("2018-03-22");
    await expect.poll(() => page.getByTestId("coverage-provinces").innerText()).toContain("32 of 34");
    await page.getByText("ID", { exact: true }).click();
    await page.getByRole("button", { name: "Hari ini" }).click();
    await expect.poll(() => page.getByTestId("cartogram").locator("[data-province]").count()).toBe(38);
    await screenshot(page, "admin-coverage-today-id");
  });

  it("shows Kab. Merauke's task force as 91.01 under Papua on 2021-12-31 and as 93.01 under Papua Selatan today, same id", async () => {
    const { page } = browser;
    const { data: merauke } = await callApi<{ id: number }>(server, "hierarchy.byRegion", { code: "93.01" }, cookie);
    await page.goto(`${server.url}/admin/task-forces/${merauke.id}?at=2021-12-31`);
    await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Kabupaten Merauke" }).waitFor();
    await expect.poll(() => page.locator("main").innerText()).toContain("91.01");
    const before = await page.locator("main").innerText();
    expect(before).toContain("Gugus Tugas PP-TPPO Provinsi Papua\n");
    expect(before).not.toContain("Papua Selatan\n");
    await screenshot(page, "admin-merauke-2021-id");
    await page.getByRole("button", { name: "Hari ini" }).click();
    await expect.poll(() => page.locator("main").innerText()).toContain("Gugus Tugas PP-TPPO Provinsi Papua Selatan");
    expect(page.url()).toBe(`${server.url}/admin/task-forces/${merauke.id}`);
    const history = await page.getByTestId("region-history").innerText();
    expect(history).toMatch(/91\.01\s+Kabupaten Merauke · sejak awal pencatatan · sampai 2022-07-24/);
    expect(history).toMatch(/93\.01\s+Kabupaten Merauke · sejak 2022-07-25/);
    expect(history).toContain("UU 14/2022");
    await screenshot(page, "admin-merauke-today-id");
  });

  it("edits a task force's formation and composition, refusing an overlapping seat holder", async () => {
    const { page } = browser;
    const { data: bekasi } = await callApi<{ id: number }>(server, "hierarchy.byRegion", { code: "32.75" }, cookie);
    await page.goto(`${server.url}/admin/task-forces/${bekasi.id}`);
    await page.getByRole("button", { name: "Tambah pemegang jabatan" }).click();
    const dialog = page.getByRole("dialog");
    const fillHolder = async (from: string, to: string | null) => {
      await dialog.getByRole("combobox", { name: "Jabatan dalam gugus tugas" }).click();
      await page.getByRole("option", { name: "Ketua Harian" }).click();
      await dialog.getByRole("textbox", { name: "Jabatan di instansi" }).fill("Kepala DP3A");
      await dialog.getByRole("textbox", { name: "Instansi", exact: true }).fill("DP3A Kota Bekasi");
      await dialog.getByRole("combobox", { name: "Jenis pemangku kepentingan" }).click();
      await page.getByRole("option", { name: "Pemda/OPD" }).click();
      await dialog.getByRole("textbox", { name: "Sejak" }).fill(from);
      if (to) await dialog.getByRole("textbox", { name: "Sampai" }).fill(to);
      await dialog.getByRole("button", { name: "Simpan" }).click();
    };
    await fillHolder("2021-01-01", "2023-08-09");
    await expect.poll(() => page.getByTestId("memberships-table").innerText()).toContain("Kepala DP3A");
    await page.getByRole("button", { name: "Tambah pemegang jabatan" }).click();
    await fillHolder("2023-08-01", null);
    await expect.poll(() => dialog.innerText()).toContain("Jabatan ini sudah dipegang orang lain");
    await screenshot(page, "admin-seat-overlap-id");
    await page.keyboard.press("Escape");
    // The form holds typed input: closing it asks first, and the input is discarded on purpose.
    await page.getByRole("button", { name: "Buang isian" }).click();
    // Who held the daily chair on 2022-01-01? The holding recorded above; today the seat is vacant.
    expect(await page.getByTestId("seats").innerText()).toMatch(/Ketua Harian\s+kosong/);
    await page.goto(`${server.url}/admin/task-forces/${bekasi.id}?at=2022-01-01`);
    await expect.poll(() => page.getByTestId("seats").innerText()).toMatch(/Ketua Harian\s+Kepala DP3A, DP3A Kota Bekasi/);
    await screenshot(page, "admin-task-force-profile-2022-id");
  });

  it("records a future split on the restructuring page, next to the 2022 Papua laws", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/admin/restructuring`);
    await expect.poll(() => page.getByTestId("successions-table").innerText()).toContain("UU 29/2022");
    await page.getByRole("textbox", { name: "Tanggal berlaku" }).fill("2027-07-01");
    await page.getByRole("textbox", { name: "Dasar hukum" }).fill("UU 1/2027");
    await page.getByRole("textbox", { name: "Kode wilayah asal" }).fill("91");
    await page.getByRole("textbox", { name: "Kode wilayah baru" }).fill("97");
    await page.getByRole("textbox", { name: "Nama wilayah baru" }).fill("Papua Utara");
    await page.getByRole("textbox", { name: "Kabupaten/kota yang pindah" }).fill("91.05 97.01");
    await page.getByRole("button", { name: "Catat perubahan" }).click();
    await expect.poll(() => page.locator("main").innerText()).toContain("Perubahan tercatat: 2 suksesi.");
    await expect.poll(() => page.getByTestId("successions-table").innerText()).toMatch(/2027-07-01\s+Pemekaran\s+91 · Papua\s+97 · Papua Utara/);
    await screenshot(page, "admin-restructuring-id");
    // Recording it again is refused: the code is taken now.
    await page.getByRole("textbox", { name: "Tanggal berlaku" }).fill("2027-07-01");
    await page.getByRole("textbox", { name: "Dasar hukum" }).fill("UU 1/2027");
    await page.getByRole("textbox", { name: "Kode wilayah asal" }).fill("91");
    await page.getByRole("textbox", { name: "Kode wilayah baru" }).fill("97");
    await page.getByRole("textbox", { name: "Nama wilayah baru" }).fill("Papua Utara");
    await page.getByRole("button", { name: "Catat perubahan" }).click();
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "Kode wilayah" }).innerText()).toContain("Kode wilayah ini sedang atau pernah dipakai");
  });
});
