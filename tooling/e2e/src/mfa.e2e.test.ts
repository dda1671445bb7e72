/**
 * The second factor in the browser: the first central admin changes its one-time password and
 * enrols an authenticator app (QR code and the key as text), keeps its recovery codes (downloaded
 * as .txt), then signs in again with a code and once with a recovery code; a regional member opts
 * in from "Keamanan akun"; a central admin resets another admin's lost device from the accounts
 * list; the sessions pages show their times with the zone. axe runs on every screen, in both
 * languages.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callApi, createAccount, nextTotpCode, openBrowser, rememberTotpSecret, screenshot, signInApi, signInThroughUi, startServer, totpSecretOf } from "./harness.ts";
import type { Browser, RunningServer } from "./harness.ts";

/** The button that closes a one-time password once handed over ("Selesai"). */
const DONE = "Selesai";

let server: RunningServer;
let browser: Browser;
const ADMIN_PASSWORD = "sandi admin pusat yang panjang";
const member = { email: "rina@bekasikota.go.id", name: "Rina Wulandari", position: "Staf Bidang PPPA", region: "32.75", role: "regional_member", password: "hujan sore di kota bekasi" };
const province = { email: "agus@jabarprov.go.id", name: "Agus Setiawan", position: "Kabid Perlindungan Perempuan", region: "32", role: "regional_admin", password: "gedung sate di pagi hari" };
let recoveryCodes: string[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), openBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const codeField = () => browser.page.getByRole("textbox", { name: /^(Kode 6 angka dari aplikasi|6-digit code from the app)/ });

async function signOut() {
  const { page } = browser;
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: /^(Keluar|Sign out)$/ }).click();
  await page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).waitFor();
}

describe("a central admin's second factor", () => {
  it("enrols at the first sign-in, after changing the one-time password, and keeps the recovery codes", async () => {
    const { page, errors } = browser;
    await page.goto(`${server.url}/admin/`);
    await page.getByRole("textbox", { name: "Email", exact: true }).fill(server.admin.email);
    await page.getByRole("textbox", { name: /^(Kata sandi|Password)$/ }).fill(server.admin.oneTimePassword);
    await page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click();
    await page.getByRole("heading", { name: "Ganti kata sandi" }).waitFor();
    await page.getByRole("textbox", { name: "Kata sandi saat ini" }).fill(server.admin.oneTimePassword);
    await page.getByRole("textbox", { name: "Kata sandi baru", exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole("textbox", { name: "Ulangi kata sandi baru" }).fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: "Simpan kata sandi" }).click();

    await page.getByRole("heading", { name: "Pasang aplikasi autentikator" }).waitFor();
    await page.getByRole("img", { name: "Kode QR untuk aplikasi autentikator" }).waitFor();
    await screenshot(page, "admin-mfa-enrol-id");
    const secret = (await page.getByTestId("mfa-secret").innerText()).replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    rememberTotpSecret(server.url, server.admin.email, secret);

    await codeField().fill("12345");
    await page.getByRole("button", { name: "Aktifkan" }).click();
    await page.getByText("Kode salah, sudah dipakai, atau terlalu lama", { exact: false }).waitFor();
    await codeField().fill(await nextTotpCode(server.url, server.admin.email));
    await page.getByRole("button", { name: "Aktifkan" }).click();

    const list = page.getByTestId("recovery-codes");
    await list.waitFor();
    recoveryCodes = (await list.getByRole("listitem").allInnerTexts()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
    for (const c of recoveryCodes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Unduh sebagai .txt" }).click()]);
    expect(file.suggestedFilename()).toBe("kode-pemulihan-gugus.txt");
    const text = readFileSync(await file.path(), "utf8");
    for (const c of recoveryCodes) expect(text).toContain(c);
    expect(await page.getByRole("button", { name: "Lanjutkan" }).isDisabled()).toBe(true);
    await screenshot(page, "admin-mfa-recovery-codes-id");
    await page.getByRole("checkbox", { name: "Saya sudah menyimpannya" }).check();
    await page.getByRole("button", { name: "Lanjutkan" }).click();
    await page.getByTestId("user-menu").waitFor();
    // Only the answers the screens show: signed out at first (401), the wrong code (400).
    expect(errors.filter((e) => !/status of 40[01]/.test(e))).toEqual([]);
  });

  it("signs in again with a code from the app, and once with a recovery code", async () => {
    const { page } = browser;
    await signOut();
    await page.getByRole("textbox", { name: "Email", exact: true }).fill(server.admin.email);
    await page.getByRole("textbox", { name: /^(Kata sandi|Password)$/ }).fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click();
    await page.getByRole("heading", { name: "Masukkan kode verifikasi" }).waitFor();
    await screenshot(page, "admin-mfa-verify-id");
    await codeField().fill(await nextTotpCode(server.url, server.admin.email));
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.getByTestId("user-menu").waitFor();

    await signOut();
    await page.getByRole("textbox", { name: "Email", exact: true }).fill(server.admin.email);
    await page.getByRole("textbox", { name: /^(Kata sandi|Password)$/ }).fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click();
    await page.getByRole("button", { name: "Pakai kode pemulihan" }).click();
    await page.getByRole("textbox", { name: "Kode pemulihan" }).fill(recoveryCodes[0]!.toUpperCase());
    await screenshot(page, "admin-mfa-recovery-id");
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.getByTestId("user-menu").waitFor();

    // The same recovery code does not work twice.
    await signOut();
    await page.getByRole("textbox", { name: "Email", exact: true }).fill(server.admin.email);
    await page.getByRole("textbox", { name: /^(Kata sandi|Password)$/ }).fill(ADMIN_PASSWORD);
    await page.getByRole("button", { name: /^(Masuk|Sign in)$/ }).click();
    await page.getByRole("button", { name: "Pakai kode pemulihan" }).click();
    await page.getByRole("textbox", { name: "Kode pemulihan" }).fill(recoveryCodes[0]!);
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.getByText("Kode pemulihan salah atau sudah dipakai.").waitFor();
    await page.getByRole("button", { name: "Pakai kode dari aplikasi" }).click();
    await codeField().fill(await nextTotpCode(server.url, server.admin.email));
    await page.getByRole("button", { name: "Verifikasi" }).click();
    await page.getByTestId("user-menu").waitFor();
  });

  it("shows the account security section with the recovery codes left, and the sessions with their zone", async () => {
    const { page } = browser;
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Keamanan akun" }).click();
    const dialog = page.getByRole("dialog", { name: "Sesi saya" });
    await dialog.getByRole("heading", { name: "Keamanan akun" }).waitFor();
    await dialog.getByText("Kode pemulihan tersisa: 9 dari 10.").waitFor();
    expect(await dialog.getByTestId("mfa-state").innerText()).toMatch(/^Faktor kedua aktif sejak .+ WIB\.$/);
    expect(await dialog.getByRole("button", { name: "Matikan faktor kedua" }).count()).toBe(0);
    await dialog.getByTestId("my-sessions-table").locator("time").first().waitFor();
    expect(await dialog.getByTestId("my-sessions-table").locator("time").first().innerText()).toMatch(/ WIB$/);
    await screenshot(page, "admin-account-security-id");
    await page.keyboard.press("Escape");

    await page.goto(`${server.url}/admin/sessions`);
    const table = page.getByTestId("sessions-table");
    await table.waitFor();
    const times = await table.locator("time").allInnerTexts();
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(/ WIB$/);
    await screenshot(page, "admin-sessions-id");
  });
});

describe("opting in, and a lost device", () => {
  it("a regional member turns a second factor on from Keamanan akun, and is asked for it at the next sign-in", async () => {
    const { page } = browser;
    const admin = await signInApi(server, server.admin.email, ADMIN_PASSWORD);
    const otp = await createAccount(server, admin, member);
    await browser.context.clearCookies();
    await page.goto(`${server.url}/portal/`);
    await signInThroughUi(page, { email: member.email, password: otp, newPassword: member.password });
    await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Kota Bekasi" }).waitFor();
    await page.getByTestId("user-menu").click();
    await page.getByRole("menuitem", { name: "Keamanan akun" }).click();
    const dialog = page.getByRole("dialog", { name: "Sesi saya" });
    await dialog.getByText("Faktor kedua tidak wajib untuk peran Anda", { exact: false }).waitFor();
    await dialog.getByRole("button", { name: "Aktifkan faktor kedua" }).click();
    const secret = (await dialog.getByTestId("mfa-secret").innerText()).replace(/\s+/g, "");
    rememberTotpSecret(server.url, member.email, secret);
    await screenshot(page, "portal-account-security-enrol-id");
    await dialog.getByRole("textbox", { name: /^Kode 6 angka dari aplikasi/ }).fill(await nextTotpCode(server.url, member.email));
    await dialog.getByRole("button", { name: "Aktifkan" }).click();
    await dialog.getByTestId("recovery-codes").waitFor();
    await dialog.getByRole("checkbox", { name: "Saya sudah menyimpannya" }).check();
    await dialog.getByRole("button", { name: "Lanjutkan" }).click();
    await dialog.getByText("Kode pemulihan tersisa: 10 dari 10.").waitFor();
    await dialog.getByRole("button", { name: "Matikan faktor kedua" }).waitFor();
    await screenshot(page, "portal-account-security-id");
    await page.keyboard.press("Escape");

    await signOut();
    await signInThroughUi(page, { email: member.email, password: member.password });
    await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Kota Bekasi" }).waitFor();
    expect(totpSecretOf(server.url, member.email)).toBe(secret);
  });

  it("a central admin resets a province admin's second factor from the accounts list, after a confirmation", async () => {
    const { page } = browser;
    const admin = await signInApi(server, server.admin.email, ADMIN_PASSWORD);
    const otp = await createAccount(server, admin, province);
    // The province admin signs in, changes its password and enrols (the harness plays its app).
    const own = await signInApi(server, province.email, otp);
    await callApi(server, "auth.changePassword", { currentPassword: otp, newPassword: province.password }, own);
    expect(totpSecretOf(server.url, province.email)).toBeTruthy();
    const before = await callApi<{ enrolled: boolean }>(server, "mfa.status", undefined, own);
    expect(before.data.enrolled).toBe(true);

    await browser.context.clearCookies();
    await page.goto(`${server.url}/admin/accounts`);
    await signInThroughUi(page, { email: server.admin.email, password: ADMIN_PASSWORD });
    await page.getByRole("button", { name: `Tindakan: ${province.name}` }).click();
    await page.getByRole("menuitem", { name: "Atur ulang faktor kedua" }).click();
    const dialog = page.getByRole("dialog", { name: `Atur ulang faktor kedua ${province.name}?` });
    await dialog.waitFor();
    await screenshot(page, "admin-mfa-reset-id");
    await dialog.getByRole("button", { name: "Atur ulang", exact: true }).click();
    await dialog.getByText(`Faktor kedua ${province.name} telah diatur ulang.`).waitFor();
    // A new one-time password, to hand over in person: the old password may be known to whoever asked for the reset.
    const handedOver = (await dialog.getByTestId("one-time-password").textContent())!.trim();
    await screenshot(page, "admin-mfa-reset-done-id");
    await dialog.getByRole("button", { name: DONE }).click();

    // Its sessions ended; the old password opens nothing; with the new one it chooses a password, then enrols again.
    await expect(callApi(server, "auth.me", undefined, own)).rejects.toThrow(/401/);
    await expect(callApi(server, "auth.signIn", { email: province.email, password: province.password })).rejects.toThrow(/SIGN_IN_FAILED|401/);
    const again = await callApi<{ secondFactor: string; mustChangePassword: boolean }>(server, "auth.signIn", { email: province.email, password: handedOver });
    expect(again.data.mustChangePassword).toBe(true);
  });
});
