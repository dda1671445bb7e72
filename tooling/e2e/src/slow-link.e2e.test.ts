/**
 * Both apps on a slow link: Chromium's network emulation (CDP `Network.emulateNetworkConditions`) with
 * the figures of DevTools' "Fast 3G" preset — 562.5 ms latency, 1.44 Mbit/s down (180,000 B/s),
 * 675 kbit/s up (84,375 B/s), as Chromium and puppeteer define it (1.6 Mbit/s × 0.9, 750 kbit/s × 0.9,
 * 150 ms × 3.75). Checks that each app, visited again, shows its first meaningful screen within 5 s
 * (the first visit's time is printed: it downloads the whole app), and that the second visit to the
 * admin's hierarchy page fetches its reference data as 304 revalidations — under 5 KB on the wire for
 * the tree's answers (hierarchy.*), headers included (CDP's encodedDataLength).
 */
import type { CDPSession } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminSession, callApi, createAccount, openBrowser, screenshot, signInApi, startServer, useSession } from "./harness.ts";
import type { Browser, RunningServer } from "./harness.ts";

const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 } as const;
const USABLE_WITHIN_MS = 5_000;
const SECOND_VISIT_TREE_BYTES = 5 * 1024;

let server: RunningServer;
let browser: Browser;
let cdp: CDPSession;
let adminCookie: string;

/** One response: its URL, the status on the wire (a revalidated answer shows 304 here, 200 to the page), and its bytes on the wire. */
type Transfer = { url: string; status: number; bytes: number };

/** Every response the page receives from now on, with the bytes it took on the wire. */
function recordTransfers(session: CDPSession): { list: Transfer[]; stop: () => void } {
  const urls = new Map<string, string>();
  const wireStatus = new Map<string, number>();
  const list: Transfer[] = [];
  const onResponse = (e: { requestId: string; response: { url: string; status: number } }) => {
    urls.set(e.requestId, e.response.url);
    if (!wireStatus.has(e.requestId)) wireStatus.set(e.requestId, e.response.status);
  };
  const onExtra = (e: { requestId: string; statusCode: number }) => void wireStatus.set(e.requestId, e.statusCode);
  const onFinished = (e: { requestId: string; encodedDataLength: number }) => {
    const url = urls.get(e.requestId);
    if (url) list.push({ url, status: wireStatus.get(e.requestId) ?? 0, bytes: e.encodedDataLength });
  };
  session.on("Network.responseReceived", onResponse);
  session.on("Network.responseReceivedExtraInfo", onExtra);
  session.on("Network.loadingFinished", onFinished);
  return {
    list,
    stop: () => {
      session.off("Network.responseReceived", onResponse);
      session.off("Network.responseReceivedExtraInfo", onExtra);
      session.off("Network.loadingFinished", onFinished);
    },
  };
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), openBrowser()]);
  adminCookie = await adminSession(server);
  cdp = await browser.context.newCDPSession(browser.page);
  await cdp.send("Network.enable");
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("on a slow link (Fast 3G)", () => {
  it("opens the admin's hierarchy within 5 s, and a second visit revalidates the tree's answers in under 5 KB", async () => {
    const { page } = browser;
    await useSession(browser, server, adminCookie);
    await cdp.send("Network.emulateNetworkConditions", FAST_3G);
    try {
      const first = recordTransfers(cdp);
      let started = Date.now();
      await page.goto(`${server.url}/admin/`);
      await page.getByTestId("totals").waitFor();
      await page.getByTestId("province-table").locator("tbody tr").first().waitFor();
      const firstMs = Date.now() - started;
      await page.waitForLoadState("networkidle");
      first.stop();
      const firstTree = first.list.filter((t) => /\/trpc\/hierarchy\./.test(t.url));
      expect(firstTree.length).toBeGreaterThan(0);

      const second = recordTransfers(cdp);
      started = Date.now();
      await page.goto(`${server.url}/admin/`);
      await page.getByTestId("totals").waitFor();
      await page.getByTestId("province-table").locator("tbody tr").first().waitFor();
      const secondMs = Date.now() - started;
      await page.waitForLoadState("networkidle");
      second.stop();
      const tree = second.list.filter((t) => /\/trpc\/hierarchy\./.test(t.url));
      const treeBytes = tree.reduce((sum, t) => sum + t.bytes, 0);
      const firstTreeBytes = firstTree.reduce((sum, t) => sum + t.bytes, 0);
      const total = (list: Transfer[]) => list.reduce((sum, t) => sum + t.bytes, 0);
      console.log(
        `admin on Fast 3G: first visit ${firstMs} ms (${total(first.list)} B, tree answers ${firstTreeBytes} B); second visit ${secondMs} ms (${total(second.list)} B, tree answers ${treeBytes} B: ${tree.map((t) => `${new URL(t.url).pathname} ${t.status} ${t.bytes} B`).join(", ")})`,
      );
      expect(tree.length).toBeGreaterThan(0);
      expect(tree.every((t) => t.status === 304)).toBe(true);
      expect(treeBytes).toBeLessThan(SECOND_VISIT_TREE_BYTES);
      // A returning user (the app's scripts kept, immutable): usable within 5 s. The first visit's
      // time is printed above; it downloads the whole app (about 330 KB) and is not held to 5 s here.
      expect(secondMs).toBeLessThan(USABLE_WITHIN_MS);
    } finally {
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    }
    await screenshot(page, "admin-hierarchy-slow-link-id");
  }, 60_000);

  it("opens a regency's portal within 5 s", async () => {
    const { page } = browser;
    const password = "kata sandi portal yang panjang";
    const otp = await createAccount(server, adminCookie, { email: "lambat@bekasikota.go.id", name: "Pengguna Lambat", position: "Staf", region: "32.75", role: "regional_admin" });
    const first = await signInApi(server, "lambat@bekasikota.go.id", otp);
    await callApi(server, "auth.changePassword", { currentPassword: otp, newPassword: password }, first);
    await browser.context.clearCookies();
    await useSession(browser, server, first);
    await cdp.send("Network.emulateNetworkConditions", FAST_3G);
    try {
      const visit = async () => {
        const started = Date.now();
        await page.goto(`${server.url}/portal/`);
        await page.getByRole("heading", { name: "Gugus Tugas PP-TPPO Kota Bekasi" }).waitFor();
        const ms = Date.now() - started;
        await page.waitForLoadState("networkidle");
        return ms;
      };
      const firstMs = await visit();
      const secondMs = await visit();
      console.log(`portal on Fast 3G: first visit ${firstMs} ms, second visit ${secondMs} ms`);
      expect(secondMs).toBeLessThan(USABLE_WITHIN_MS);
    } finally {
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    }
  }, 60_000);
});
