/**
 * A yearly report from first keystroke to approval, in the browser: a regency/city admin fills its
 * report over two sittings with the link down in between (what was typed survives a reload and is
 * sent once the link is back), acknowledges a warning and submits; its province returns it with a
 * reason; the reporter sees the reason and a notification, fixes the figure and submits again; the
 * province sees what changed and approves; the report is locked; the central reporting rate shows it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { adminSession, callApi, createAccount, openBrowser, screenshot, signInApi, signInThroughUi, startServer, useSession } from "./harness.ts";
import type { Browser, RunningServer } from "./harness.ts";

/** The Cache Storage the portal's worker keeps API answers in (API_CACHE of @gugus/ui/offline). */
const API_CACHE = "gugus-api";

let server: RunningServer;
let browser: Browser;
let adminCookie: string;
let provinceCookie: string;
let reporterCookie: string;
let taskForceId: number;
const PERIOD = String(new Date().getUTCFullYear());
const YEAR = Number(PERIOD);
const ITEM = "PENC-RPT-01";
const REASON = "Putusan bersalah melebihi perkara yang dituntut; mohon periksa kembali data kejaksaan.";

const accounts = {
  reporter: { email: "tri@bekasikota.go.id", name: "Tri Handayani", position: "Kasi Perlindungan Anak", region: "32.75", role: "regional_admin", password: "sore hari di alun alun bekasi" },
  province: { email: "dodi@jabarprov.go.id", name: "Dodi Firmansyah", position: "Kepala DP3AKB Jawa Barat", region: "32", role: "regional_admin", password: "gedung sate di bandung pagi" },
};
const otps: Record<string, string> = {};

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), openBrowser()]);
  adminCookie = await adminSession(server);
  for (const [key, a] of Object.entries(accounts)) otps[key] = await createAccount(server, adminCookie, a);
  // The province signs in over HTTP and chooses its password; its session is put into the browser when it reviews.
  const first = await signInApi(server, accounts.province.email, otps.province!);
  await callApi(server, "auth.changePassword", { currentPassword: otps.province, newPassword: accounts.province.password }, first);
  provinceCookie = first;
  taskForceId = (await callApi<{ id: number }>(server, "hierarchy.byRegion", { code: "32.75" }, adminCookie)).data.id;
  // One action item of the regency/city level with a target this year, in the period that holds this year.
  const { data } = await callApi<{ periods: { number: number; firstYear: number; lastYear: number }[] }>(server, "ran.periods", {}, adminCookie);
  const period = data.periods.find((p) => p.firstYear <= YEAR && YEAR <= p.lastYear)!;
  await callApi(
    server,
    "ran.createItem",
    {
      number: period.number,
      item: {
        subTaskForce: "prevention",
        code: ITEM,
        programme: "Pencegahan TPPO berbasis masyarakat",
        activity: "Sosialisasi pencegahan TPPO di kelurahan",
        indicator: "Jumlah kegiatan sosialisasi",
        unit: "activities",
        targetMode: "per_year",
        targets: [{ year: YEAR, value: 12 }],
        leadAgency: "DP3A",
        level: "regency",
      },
    },
    adminCookie,
  );
});
afterEach(async () => {
  // A failed offline step must not leave the later ones without a link.
  await browser?.context.setOffline(false);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Puts another account's session into the browser (the reporter's is kept to come back to). */
async function actAs(cookie: string) {
  await browser.context.clearCookies();
  await useSession(browser, server, cookie);
}

const formUrl = () => `${server.url}/portal/task-forces/${taskForceId}/reports/${PERIOD}`;
const reviewUrl = () => `${server.url}/portal/reviews/${taskForceId}/${PERIOD}`;

type Report = { report: { status: string; version: number } | null; content: { victims: Record<string, unknown>; lawEnforcement: Record<string, number | null> } };
const serverReport = async () => (await callApi<Report>(server, "reports.get", { taskForceId, periodKey: PERIOD }, reporterCookie)).data;

async function openSection(name: RegExp) {
  const { page } = browser;
  const control = page.getByRole("button", { name });
  if ((await control.getAttribute("aria-expanded")) !== "true") await control.click();
}

async function waitSaved() {
  await expect.poll(() => browser.page.getByTestId("autosave-status").getAttribute("data-phase"), { timeout: 20_000 }).toBe("saved");
}

describe("a yearly report, from first keystroke to approval", () => {
  it("a regency/city admin finds its reports under Laporan, by period, with the deadline in its zone", async () => {
    const { page } = browser;
    await page.goto(`${server.url}/portal/`);
    await signInThroughUi(page, { email: accounts.reporter.email, password: otps.reporter!, newPassword: accounts.reporter.password });
    await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Kota Bekasi" }).waitFor();
    reporterCookie = (await browser.context.cookies()).map((c) => `${c.name}=${c.value}`)[0]!;
    await page.getByRole("link", { name: "Laporan", exact: true }).click();
    await page.getByRole("heading", { name: "Laporan", level: 1 }).waitFor();
    const row = page.locator(`[data-period="${PERIOD}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain(`Tahun ${PERIOD}`);
    expect(await row.innerText()).toContain("24.00 WIB");
    expect(await row.innerText()).toContain("Dibuka");
    await screenshot(page, "portal-reports-list-id");
  });

  it("first sitting: activities, the realisation with its achievement as typed, victims — a blank stays blank", async () => {
    const { page } = browser;
    await page.locator(`[data-period="${PERIOD}"]`).getByRole("link", { name: `Tahun ${PERIOD}`, exact: true }).click();
    await page.getByRole("heading", { name: `Laporan tahun ${PERIOD}` }).waitFor();
    const prevention = page.getByTestId("section-stf-prevention");
    await prevention.getByRole("button", { name: "Tambah kegiatan" }).click();
    await prevention.getByRole("textbox", { name: "Kegiatan yang dilaksanakan" }).fill("Sosialisasi pencegahan TPPO bagi calon pekerja migran di 10 kelurahan");
    await prevention.getByLabel("Tanggal", { exact: true }).fill(`${PERIOD}-03-10`);
    await prevention.getByRole("combobox", { name: "Rencana aksi terkait" }).selectOption({ label: `${ITEM} · Sosialisasi pencegahan TPPO di kelurahan` });
    await prevention.getByRole("textbox", { name: `Realisasi ${ITEM}` }).fill("10");
    await expect.poll(() => prevention.getByTestId("achievement").innerText()).toBe("Capaian: 83,3%");
    await openSection(/^Korban/);
    const victims = page.getByTestId("section-victims");
    await victims.getByRole("textbox", { name: "Jumlah korban", exact: true }).fill("12");
    await victims.getByRole("textbox", { name: "Perempuan dewasa" }).fill("5");
    await victims.getByRole("textbox", { name: "Anak perempuan" }).fill("4");
    await victims.getByRole("textbox", { name: "Anak laki-laki" }).fill("1");
    // A breakdown above the total is an error on the spot, from the domain's own check.
    await victims.getByRole("textbox", { name: "Perempuan dewasa" }).fill("9");
    await expect.poll(() => page.getByTestId("report-errors").innerText()).toContain("melebihi jumlah korban");
    await victims.getByRole("textbox", { name: "Perempuan dewasa" }).fill("5");
    await expect.poll(() => page.getByTestId("report-errors").count()).toBe(0);
    await waitSaved();
    const saved = await serverReport();
    expect(saved.content.victims).toMatchObject({ total: 12, women: 5, girls: 4, boys: 1, men: null });
  });

  it("second sitting, offline: what is typed is kept in the browser, survives a reload, and is sent when the link is back", async () => {
    const { page, context } = browser;
    // As on any later visit, the service worker holds the page (and so keeps the report's answer)
    // before the link drops: on a busy machine its first install can still be under way here.
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state)).toBe("activated");
    // A worker that took the page over late (a busy machine) saw none of its calls: open the report
    // once more, as a later visit does, and go on when the worker has kept the report's answer.
    await page.reload();
    await page.getByRole("heading", { name: `Laporan tahun ${PERIOD}` }).waitFor();
    await expect
      .poll(() => page.evaluate(async (name) => (await (await caches.open(name)).keys()).some((r) => new URL(r.url).pathname.includes("reports.get")), API_CACHE))
      .toBe(true);
    await context.setOffline(true);
    try {
      await openSection(/^Penegakan hukum/);
      const law = page.getByTestId("section-lawEnforcement");
      await law.getByRole("textbox", { name: "Kasus dilaporkan ke kepolisian" }).fill("3");
      await law.getByRole("textbox", { name: "Tersangka" }).fill("4");
      await law.getByRole("textbox", { name: "Perkara dituntut" }).fill("2");
      await law.getByRole("textbox", { name: "Putusan bersalah" }).fill("3");
      const status = page.getByTestId("autosave-status");
      await expect.poll(() => status.getAttribute("data-phase"), { timeout: 15_000 }).toBe("unsent");
      await expect.poll(() => status.innerText()).toContain("4 perubahan belum terkirim");
      expect(await status.innerText()).toContain("Tidak terhubung");
      // A full-page shot paints the fixed header and the sticky bar where the window is: take it from the top.
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, "portal-report-offline-id");
      // The link is still down: the service worker opens the page, the browser's draft fills it.
      await page.reload();
      await page.getByRole("heading", { name: `Laporan tahun ${PERIOD}` }).waitFor();
      await openSection(/^Penegakan hukum/);
      await expect.poll(() => law.getByRole("textbox", { name: "Putusan bersalah" }).inputValue()).toBe("3");
      await openSection(/^Korban/);
      expect(await page.getByTestId("section-victims").getByRole("textbox", { name: "Laki-laki dewasa" }).inputValue()).toBe("");
      expect(await page.getByTestId("section-victims").getByRole("textbox", { name: "Anak perempuan" }).inputValue()).toBe("4");
      await expect.poll(() => status.innerText()).toContain("perubahan belum terkirim");
      expect((await serverReport()).content.lawEnforcement.convictions).toBeNull();
    } finally {
      // Whatever happened above, the link comes back: the later steps must not run offline.
      await context.setOffline(false);
    }
    await waitSaved();
    expect((await serverReport()).content.lawEnforcement).toEqual({ casesReported: 3, suspects: 4, prosecutions: 2, convictions: 3 });
  });

  it("a save over a version someone else saved meanwhile shows their values beside the user's; keeping mine saves over theirs", async () => {
    const { page } = browser;
    // Another sitting of the same task force saves first (a colleague, through the API).
    const before = (await callApi<Report & { content: Record<string, unknown> }>(server, "reports.get", { taskForceId, periodKey: PERIOD }, reporterCookie)).data;
    const theirs = { ...before.content, coordination: { meetings: 6 } };
    await callApi(server, "reports.save", { taskForceId, periodKey: PERIOD, baseVersion: before.report!.version, content: theirs, acknowledged: [] }, reporterCookie);
    await openSection(/^Pencegahan$|^Pencegahan (Kosong|Sebagian|Lengkap)/);
    await page.getByTestId("section-prevention").getByRole("textbox", { name: "Pelatihan diselenggarakan" }).fill("2");
    const conflict = page.getByTestId("report-conflict");
    await conflict.waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId("conflict-table").innerText()).toContain("6");
    expect(await conflict.innerText()).toContain("Tri Handayani");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "portal-report-conflict-id");
    await conflict.getByRole("button", { name: "Pakai isian saya" }).click();
    await waitSaved();
    const after = (await serverReport()).content as unknown as { coordination: { meetings: number | null }; prevention: { trainings: number | null } };
    expect(after.prevention.trainings).toBe(2);
    expect(after.coordination.meetings).toBeNull();
  });

  it("a warning needs its acknowledgement before the report is submitted on time", async () => {
    const { page } = browser;
    await openSection(/^Anggaran/);
    const budget = page.getByTestId("section-budget");
    await budget.getByRole("button", { name: "Tambah baris anggaran" }).click();
    await budget.getByRole("textbox", { name: "Pagu (Rp)" }).fill("250000000");
    await budget.getByRole("textbox", { name: "Realisasi (Rp)" }).fill("212500000");
    await expect.poll(() => budget.innerText()).toContain("= Rp 212.500.000");
    await budget.getByRole("radio", { name: "Ya" }).check();
    await openSection(/^Kendala dan rekomendasi/);
    const narrative = page.getByTestId("section-narrative");
    expect(await narrative.getByTestId("privacy-notice").innerText()).toContain("NIK");
    await narrative.getByRole("textbox", { name: "Kendala" }).fill("Data korban dari kepolisian dan dinas sosial belum dipadankan.");
    const submit = page.getByRole("button", { name: "Kirim laporan" });
    await expect.poll(() => page.getByTestId("report-warnings").innerText()).toContain("Putusan bersalah lebih banyak daripada perkara yang dituntut");
    expect(await submit.isDisabled()).toBe(true);
    await page.getByRole("checkbox", { name: /^Sudah saya periksa/ }).check();
    await waitSaved();
    await expect.poll(() => submit.isDisabled()).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "portal-report-form-id");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "portal-report-form-phone-id");
    await page.setViewportSize({ width: 1280, height: 900 });
    await submit.click();
    await expect.poll(() => page.getByTestId("submitted").innerText()).toBe("Laporan terkirim tepat waktu.");
    await expect.poll(() => page.getByTestId("read-only").innerText()).toContain("sudah dikirim");
    expect((await serverReport()).report?.status).toBe("submitted");
  });

  it("the province returns it with a reason", async () => {
    const { page } = browser;
    await actAs(provinceCookie);
    await page.goto(reviewUrl());
    await page.getByRole("button", { name: "Kembalikan" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox", { name: /^Alasan/ }).fill(REASON);
    await dialog.getByRole("button", { name: "Kembalikan" }).click();
    await page.getByText("Laporan dikembalikan kepada pelapor.").waitFor();
    expect((await serverReport()).report?.status).toBe("returned");
  });

  it("the reporter sees the reason and a notification, fixes the figure and submits again", async () => {
    const { page } = browser;
    await actAs(reporterCookie);
    await page.goto(formUrl());
    await expect.poll(() => page.getByTestId("returned-reason").innerText()).toContain(REASON);
    expect(await page.getByTestId("returned-reason").innerText()).toContain("Dodi Firmansyah");
    await expect.poll(() => page.getByTestId("notification-count").innerText()).toBe("1");
    await page.getByTestId("notification-bell").click();
    await expect.poll(() => page.getByTestId("notification-list").innerText()).toContain(REASON);
    await page.keyboard.press("Escape");
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "portal-report-returned-id");
    await openSection(/^Penegakan hukum/);
    await page.getByTestId("section-lawEnforcement").getByRole("textbox", { name: "Putusan bersalah" }).fill("2");
    await expect.poll(() => page.getByTestId("report-warnings").count()).toBe(0);
    await waitSaved();
    await page.getByRole("button", { name: "Kirim laporan" }).click();
    await expect.poll(() => page.getByTestId("submitted").innerText()).toContain("Laporan terkirim");
  });

  it("the province sees what changed and approves; the report is locked", async () => {
    const { page } = browser;
    await actAs(provinceCookie);
    await page.goto(reviewUrl());
    await expect.poll(() => page.getByTestId("report-changes").innerText()).toContain("Putusan bersalah");
    await page.getByRole("button", { name: "Setujui" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Setujui" }).click();
    await page.getByText("Laporan disetujui.").waitFor();
    expect((await serverReport()).report?.status).toBe("approved");

    await actAs(reporterCookie);
    await page.goto(formUrl());
    await expect.poll(() => page.getByTestId("read-only").innerText()).toContain("disetujui dan dikunci");
    await openSection(/^Penegakan hukum/);
    const convictions = page.getByTestId("section-lawEnforcement").getByRole("textbox", { name: "Putusan bersalah" });
    expect(await convictions.inputValue()).toBe("2");
    expect(await convictions.getAttribute("readonly")).not.toBeNull();
    expect(await page.getByRole("button", { name: "Kirim laporan" }).count()).toBe(0);
    // The server refuses a change as well: nothing is written.
    const { report } = await serverReport();
    await expect(callApi(server, "reports.save", { taskForceId, periodKey: PERIOD, baseVersion: report!.version, content: {}, acknowledged: [] }, reporterCookie)).rejects.toThrow(/REPORT_LOCKED/);
    await page.goto(`${server.url}/portal/task-forces/${taskForceId}/reports`);
    const row = page.locator(`[data-period="${PERIOD}"]`);
    await expect.poll(() => row.innerText()).toMatch(/disetujui/i);
    expect(await row.innerText()).toMatch(/tepat waktu/i);
    // The report as a workbook and as a printable PDF, in the reader's language.
    for (const [kind, ending] of [["XLSX", ".xlsx"], ["PDF", ".pdf"]] as const) {
      const download = page.waitForEvent("download");
      await row.getByRole("button", { name: `Unduh ${kind} laporan Tahun ${PERIOD}` }).click();
      expect((await download).suggestedFilename().endsWith(ending)).toBe(true);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "portal-reports-list-approved-id");
  });

  it("the central reporting rate shows the approved report", async () => {
    const { page } = browser;
    await actAs(adminCookie);
    await page.goto(`${server.url}/admin/reporting-rate`);
    await page.getByTestId("rate-by-level").waitFor();
    await page.getByTestId("rate-period").click();
    await page.getByRole("option", { name: new RegExp(PERIOD) }).click();
    // Kota Bekasi has recorded no formation: it is expected once not-yet-formed task forces count.
    await page.getByTestId("rate-count-unformed").check();
    const { data } = await callApi<{ byLevel: { regency: { submitted: number; approved: number } } }>(server, "reports.rate", { periodKey: PERIOD, countUnformed: true }, adminCookie);
    expect(data.byLevel.regency).toMatchObject({ submitted: 1, approved: 1 });
    await expect.poll(() => page.locator('[data-level="regency"]').innerText()).toMatch(/\b1\b/);
  });
});
