import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminSession, callApi, openBrowser, screenshot, startServer, useSession } from "./harness.ts";
import type { Browser, RunningServer } from "./harness.ts";

let server: RunningServer;
let admin: Browser;
let cookie: string;

beforeAll(async () => {
  [server, admin] = await Promise.all([startServer(), openBrowser()]);
  cookie = await adminSession(server);
  await useSession(admin, server, cookie);
});
afterAll(async () => {
  await admin?.close();
  await server?.stop();
});

type Period = { number: number; status: string; instrument: string | null; adoptedOn: string | null };
const periodIII = async () => (await callApi<{ period: Period }>(server, "ran.period", { number: 3 }, cookie)).data.period;

describe("correcting and withdrawing an adoption", () => {
  it("says which adoption dates are possible, refuses 1999 as the user types, asks before throwing the input away, then saves the correction", async () => {
    const { page } = admin;
    await page.goto(`${server.url}/admin/periods/3?tab=settings`);
    await page.getByRole("button", { name: "Koreksi penetapan" }).click();
    const dialog = page.getByRole("dialog", { name: "Koreksi penetapan Periode III" });
    // The window of possible dates is said beside the field before anything is typed.
    await expect.poll(() => dialog.innerText()).toContain("Antara 2018-01-01 dan 2024-12-31.");
    await dialog.getByRole("textbox", { name: "Alasan" }).fill("Tanggal salah ketik saat pencatatan");
    await dialog.getByRole("textbox", { name: "Tanggal penetapan" }).fill("1999-01-01");
    await expect.poll(() => dialog.innerText()).toContain("Periode paling awal ditetapkan 1 Januari dua tahun sebelum tahun pertamanya. Paling awal: 2018-01-01.");
    await screenshot(page, "admin-adoption-correct-too-early-id");
    await page.keyboard.press("Escape");
    await page.getByText("Buang isian yang belum disimpan?").waitFor();
    await page.getByRole("button", { name: "Lanjutkan mengisi" }).click();
    await dialog.getByRole("textbox", { name: "Tanggal penetapan" }).fill("2023-02-23");
    await expect.poll(() => dialog.innerText()).not.toContain("Paling awal");
    await dialog.getByRole("button", { name: "Simpan koreksi" }).click();
    await page.getByText("Penetapan dikoreksi.").waitFor();
    expect(await periodIII()).toMatchObject({ status: "adopted", adoptedOn: "2023-02-23" });
  });

  it("withdraws the adoption with a reason: III is a draft again", async () => {
    const { page } = admin;
    await page.getByRole("button", { name: "Tarik penetapan" }).click();
    const dialog = page.getByRole("dialog", { name: "Tarik penetapan Periode III" });
    await dialog.getByRole("textbox", { name: "Alasan" }).fill("salah");
    await expect.poll(() => dialog.innerText()).toContain("Tuliskan alasannya dalam 10 sampai 500 karakter.");
    await screenshot(page, "admin-adoption-withdraw-id");
    await dialog.getByRole("textbox", { name: "Alasan" }).fill("Ditetapkan dengan instrumen yang salah");
    await dialog.getByRole("button", { name: "Tarik penetapan" }).click();
    await expect.poll(async () => (await periodIII()).status).toBe("draft");
    expect(await periodIII()).toMatchObject({ instrument: null, adoptedOn: null });
  });
});
