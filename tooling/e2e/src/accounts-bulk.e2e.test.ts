/**
 * Accounts at scale: a central admin uploads a file of 40 accounts, the check reports exactly its two
 * bad rows (an unknown region code, a formula in a cell), a corrected file saves all 40, and the
 * one-time passwords come once as an XLSX file (read back here). One of them, Jawa Barat's new
 * province admin, signs in, chooses its password and creates the first admins of two of its
 * regencies/cities in the portal; the refusals (a regency that has its admin, another province's
 * city, a member or a central role) are asked through the API. Both languages, a phone width, axe.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminSession, callApi, openBrowser, runAxe, screenshot, signInApi, signInThroughUi, startServer, useSession } from "./harness.ts";
import type { Browser, RunningServer } from "./harness.ts";

let server: RunningServer;
let browser: Browser;
let adminCookie: string;
const dir = mkdtempSync(join(tmpdir(), "gugus-accounts-"));
const PROVINCE_ADMIN = { email: "rina.permata@jabarprov.go.id", password: "hujan sore di gedung sate bandung" };

const NAMES = ["Rina Permata", "Agus Salim", "Budi Santoso", "Citra Lestari", "Dewi Anggraini", "Eko Prasetyo", "Fitri Handayani", "Gilang Ramadhan", "Hana Pertiwi", "Indra Wijaya"];
/** Where the 39 accounts after the province admin sit, with a role that fits (no regional admin at Kabupaten Bogor or Kota Bandung: they get their first admins later). */
const PLACES: [string, string][] = [
  ["32", "Anggota daerah"],
  ["32.03", "regional_member"],
  ["32.04", "regional_admin"],
  ["32.05", "regional_member"],
  ["3206", "regional_member"],
  ["32.73", "regional_member"],
  ["32.75", "regional_admin"],
  ["33", "regional_admin"],
  ["33.74", "regional_member"],
  ["35", "regional_member"],
  ["35.78", "regional_admin"],
  ["51.71", "regional_member"],
  ["91", "regional_admin"],
  ["", "central_viewer"],
  ["00", "Peninjau pusat"],
  ["nasional", "central_viewer"],
];
type Row = [string, string, string, string, string];
function accounts(): Row[] {
  const rows: Row[] = [[PROVINCE_ADMIN.email, "Rina Permata", "Kepala Bidang PPPA, DP3AKB Provinsi Jawa Barat", "32", "Admin daerah"]];
  for (let i = 1; i < 40; i++) {
    const [region, role] = PLACES[i % PLACES.length]!;
    rows.push([`akun${String(i).padStart(2, "0")}@contoh.go.id`, `${NAMES[i % NAMES.length]!} ${i}`, "Staf Bidang Perlindungan Anak", region, role]);
  }
  return rows;
}
const csv = (rows: Row[]) => ["email,nama,jabatan,kode_wilayah,peran", ...rows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(","))].join("\n") + "\n";

/** The rows under the header row of a downloaded workbook's first sheet. */
async function tableOf(path: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1).map((v) => (typeof v === "string" || typeof v === "number" ? String(v) : ""))));
  const header = rows.findIndex((r) => r[0] === "Email");
  return { title: rows[0]![0], header: rows[header]!, body: rows.slice(header + 1).filter((r) => r[0] !== "") };
}

const seriousAxe = async () => (await runAxe(browser.page)).filter((v) => v.impact === "serious" || v.impact === "critical");

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), openBrowser()]);
  adminCookie = await adminSession(server);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

let passwords: Map<string, string>;

describe("a file of accounts", () => {
  it("reports exactly the two bad rows of a file of 40", async () => {
    const { page } = browser;
    await useSession(browser, server, adminCookie);
    await page.goto(`${server.url}/admin/accounts`);
    await page.getByRole("link", { name: "Unggah berkas akun" }).click();
    await page.getByRole("heading", { name: "Unggah berkas akun", level: 1 }).waitFor();
    const rows = accounts();
    const bad = rows.map((r) => [...r] as Row);
    bad[11]![3] = "32.99";
    bad[29]![1] = '=HYPERLINK("http://contoh.test","klik")';
    writeFileSync(join(dir, "akun-salah.csv"), csv(bad));
    writeFileSync(join(dir, "akun.csv"), csv(rows));
    await page.getByTestId("accounts-file").setInputFiles(join(dir, "akun-salah.csv"));
    const summary = page.getByTestId("accounts-check-summary");
    await expect.poll(() => summary.innerText()).toContain("40 baris diperiksa: 38 benar, 2 bermasalah.");
    const report = page.getByTestId("accounts-check-report").locator("tbody tr");
    expect(await report.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-row")))).toEqual(["13", "31"]);
    expect(await report.nth(0).innerText()).toContain("Kode wilayah: Tidak ada wilayah dengan kode ini.");
    expect(await report.nth(1).innerText()).toContain("Nama: Sel berisi rumus");
    expect(await page.getByTestId("accounts-commit").count()).toBe(0);
    expect(await seriousAxe()).toEqual([]);
    await screenshot(page, "admin-accounts-import-check-id");
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await screenshot(page, "admin-accounts-import-check-phone-id");
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("saves the corrected file whole and offers its one-time passwords once, as a file", async () => {
    const { page } = browser;
    await page.getByTestId("accounts-file").setInputFiles(join(dir, "akun.csv"));
    await expect.poll(() => page.getByTestId("accounts-check-summary").innerText()).toContain("40 baris diperiksa: 40 benar, 0 bermasalah.");
    await page.getByRole("button", { name: "Buat 40 akun" }).click();
    await expect.poll(() => page.getByTestId("accounts-import-done").innerText()).toContain("40 akun dibuat.");
    expect(await page.getByTestId("passwords-file").innerText()).toContain("tidak akan ditampilkan lagi");
    await screenshot(page, "admin-accounts-import-done-id");
    const download = page.waitForEvent("download");
    await page.getByTestId("passwords-download").click();
    const file = await (await download).path();
    // Offered once: the button is gone, and the screen says so.
    await expect.poll(() => page.getByTestId("passwords-download").count()).toBe(0);
    expect(await page.getByTestId("passwords-file").innerText()).toContain("Berkas sudah diunduh. Berkas ini tidak akan ditampilkan lagi.");
    const { title, header, body } = await tableOf(file);
    expect(title).toBe("Sandi sekali pakai akun baru");
    expect(header).toEqual(["Email", "Nama", "Gugus tugas", "Sandi sekali pakai", "Berlaku sampai"]);
    expect(body).toHaveLength(40);
    expect(body[0]!.slice(0, 3)).toEqual([PROVINCE_ADMIN.email, "Rina Permata", "Gugus Tugas PP-TPPO Provinsi Jawa Barat"]);
    for (const r of body) {
      expect(r[3]).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
      expect(r[4]).toMatch(/ (WIB|WITA|WIT)$/);
    }
    passwords = new Map(body.map((r) => [r[0]!, r[3]!]));
  });

  it("lists them, and gives two chosen accounts new one-time passwords at once", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/admin/accounts`);
    await page.getByLabel("Cari nama atau email").fill("akun0");
    const table = page.getByTestId("accounts-table");
    await expect.poll(() => table.locator("tbody tr").count()).toBe(9);
    await page.getByRole("checkbox", { name: /^Pilih Agus Salim 1$/ }).check();
    await page.getByRole("checkbox", { name: /^Pilih Budi Santoso 2$/ }).check();
    await expect.poll(() => page.getByTestId("accounts-selection").innerText()).toContain("2 akun dipilih");
    await screenshot(page, "admin-accounts-selected-id");
    await page.getByRole("button", { name: "Buat sandi sekali pakai baru" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ya, lanjutkan" }).click();
    const download = page.waitForEvent("download");
    await page.getByTestId("passwords-download").click();
    const { title, body } = await tableOf(await (await download).path());
    expect(title).toBe("Sandi sekali pakai baru");
    expect(body.map((r) => r[0])).toEqual(["akun01@contoh.go.id", "akun02@contoh.go.id"]);
    await page.getByRole("dialog").getByRole("button", { name: "Selesai" }).click();
  });
});

describe("a province admin from the file", () => {
  it("signs in with its one-time password, chooses its own, and creates the first admins of two of its regencies/cities", async () => {
    const { page, context } = browser;
    await context.clearCookies();
    await page.goto(`${server.url}/portal/`);
    await signInThroughUi(page, { email: PROVINCE_ADMIN.email, password: passwords.get(PROVINCE_ADMIN.email)!, newPassword: PROVINCE_ADMIN.password });
    await page.getByRole("link", { name: "Akun" }).first().click();
    await page.getByRole("heading", { name: "Admin pertama kabupaten/kota" }).waitFor();
    const table = page.getByTestId("first-admins-table");
    await expect.poll(() => table.locator("tbody tr").count()).toBe(27);
    // Kabupaten Bandung and Kota Bekasi got their admins from the file.
    expect(await table.locator('[data-region="32.04"]').textContent()).toContain("Sudah ada");
    expect(await table.locator('[data-region="32.75"]').textContent()).toContain("Sudah ada");
    for (const [code, name, email] of [
      ["32.01", "Kabupaten Bogor", "admin@bogorkab.go.id"],
      ["32.73", "Kota Bandung", "admin@bandung.go.id"],
    ] as const) {
      await page.getByRole("button", { name: `Buat admin pertama ${name}` }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Nama").fill(`Admin ${name}`);
      await dialog.getByLabel("Email").fill(email);
      await dialog.getByLabel("Jabatan").fill(`Kepala Bidang PPPA ${name}`);
      if (code === "32.01") await screenshot(page, "portal-first-admin-form-id");
      await dialog.getByRole("button", { name: "Buat admin pertama" }).click();
      await dialog.getByTestId("one-time-password").waitFor();
      expect(await dialog.getByTestId("one-time-password").innerText()).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
      await dialog.getByRole("button", { name: "Selesai" }).click();
      await dialog.waitFor({ state: "detached" });
      await expect.poll(() => table.locator(`[data-region="${code}"]`).textContent()).toContain("Sudah ada");
    }
    // The province still does not see its regencies' accounts in its list.
    expect(await page.getByTestId("accounts-table").innerText()).not.toContain("admin@bogorkab.go.id");
    expect(await seriousAxe()).toEqual([]);
    await screenshot(page, "portal-first-admins-id");
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await screenshot(page, "portal-first-admins-phone-id");
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it("is refused, through the API, a regency with its admin, another province's city, a member and a central role", async () => {
    const cookie = await signInApi(server, PROVINCE_ADMIN.email, PROVINCE_ADMIN.password);
    const idOf = async (code: string) => (await callApi<{ id: number }>(server, "hierarchy.byRegion", { code }, cookie)).data.id;
    const create = async (code: string, role: string, email: string) => {
      try {
        // Another province's city is named by its id (the central admin can read it; the province cannot).
        const taskForceId = code === "33.74" ? (await callApi<{ id: number }>(server, "hierarchy.byRegion", { code }, adminCookie)).data.id : await idOf(code);
        await callApi(server, "accounts.create", { email, name: "Admin Kedua", position: "Staf", taskForceId, role }, cookie);
        return "created";
      } catch (error) {
        return /"messageKey":"(\w+)"/.exec(String(error))?.[1] ?? String(error);
      }
    };
    expect(await create("32.01", "regional_admin", "kedua@bogorkab.go.id")).toBe("REGENCY_HAS_ADMIN");
    expect(await create("32.02", "regional_member", "anggota@sukabumikab.go.id")).toBe("FORBIDDEN");
    expect(await create("32.02", "central_admin", "pusat@sukabumikab.go.id")).toBe("ROLE_LEVEL_MISMATCH");
    expect(await create("33.74", "regional_admin", "admin@semarangkota.go.id")).toBe("TASK_FORCE_NOT_FOUND");
    await expect(idOf("33.74")).rejects.toThrow(/TASK_FORCE_NOT_FOUND/);
    const { data: firstAdmins } = await callApi<{ regencies: { regionCode: string; hasActiveAdmin: boolean }[] }>(server, "accounts.firstAdmins", { taskForceId: await idOf("32") }, cookie);
    expect(firstAdmins.regencies.filter((r) => r.hasActiveAdmin).map((r) => r.regionCode)).toEqual(["32.01", "32.04", "32.73", "32.75"]);
  });
});
