/**
 * The yearly reports, in-process through the real procedures (a fresh context for every call, as
 * a request gets), each against the same rows read or written raw with better-sqlite3:
 *
 *  - saving a full draft (`reports.save`: input parsed, checks and completeness against the year's
 *    items and last year's report, the versioned write and its audit row in one transaction)
 *    against one UPDATE of the same row's JSON with the version check;
 *  - the national reporting rate of one period (`reports.rate` as a central admin) over 553 task
 *    forces × 20 years of reports, against the SELECT listReportsForPeriod makes and the reference
 *    rows the rate needs (task forces, their regions, instruments).
 *
 * The clock is fixed, so the figures do not depend on the day the benchmark runs.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createCaller, createContextInner } from "@gugus/api";
import { createReadCache, findTaskForceByRegion, insertActionItem, insertReport, insertUser, listRanPeriods, listTaskForces } from "@gugus/db";
import type { DatabaseHandle } from "@gugus/db";
import { createTestDatabase } from "@gugus/db/testing";
import type { ReportContentInput, ReportStatus, Role } from "@gugus/domain";
import { benchItems, fullReportContent, seeded } from "./report-content.ts";
import { sha256 } from "./token.ts";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

/** An account of a task force with a session, and a caller for it with a fresh context each time. */
function signedIn(handle: DatabaseHandle, { taskForceId, role, now }: { taskForceId: number; role: Role; now: Date }) {
  const email = `bench-${role}-${taskForceId}@gugus.test`;
  const userId = insertUser(handle.db, { email, name: "Bench", position: "Bench", taskForceId, role, passwordHash: "unused", mustChangePassword: false, passwordExpiresAt: null, now: now.getTime() })!;
  const token = `bench-session-${userId}`;
  // A session whose second factor was given, as a signed-in admin's is.
  handle.sqlite.prepare("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, mfa_verified_at) VALUES (?, ?, ?, ?, ?)").run(sha256(token), userId, now.getTime(), now.getTime(), now.getTime());
  // One read cache for all calls, as the server keeps one across requests (it empties when reference data changes).
  const cache = createReadCache(handle.sqlite);
  const caller = () =>
    createCaller(createContextInner({ db: handle.db, sqlite: handle.sqlite, cache, now: () => now, cookies: { get: () => token, set: () => undefined, clear: () => undefined } }));
  return { userId, caller, token };
}

const timeOnce = async (work: () => unknown) => {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
};

/** The RAN period whose years hold `year`. */
function periodIdOf(handle: DatabaseHandle, year: number): number {
  const p = listRanPeriods(handle.db).find((x) => x.firstYear <= year && year <= x.lastYear);
  if (!p) throw new Error(`no RAN period covers ${year}`);
  return p.id;
}

export type SaveResult = { bytes: number; items: number; product: { p50: number; p99: number }; raw: { p50: number; p99: number } };

/** Saving Kota Bekasi's full 2026 draft, as its regional admin, mid-year; `rounds` saves and as many raw writes, interleaved. */
export async function benchReportSave(rounds = 1000): Promise<SaveResult> {
  const handle = createTestDatabase();
  const now = new Date("2026-06-15T03:00:00Z");
  const tf = findTaskForceByRegion(handle.db, "32.75", "2026-06-15")!;
  const { userId, caller, token } = signedIn(handle, { taskForceId: tf.id, role: "regional_admin", now });
  const sessionHash = sha256(token);
  const periodId = periodIdOf(handle, 2026);
  const items = benchItems(20, [2025, 2026, 2027, 2028, 2029]).map((item) => ({ id: insertActionItem(handle.db, periodId, item, now.getTime())!, target: item.targets[0]!.value }));
  // Last year's report, for the rule that compares a count with last year's.
  insertReport(handle.db, { taskForceId: tf.id, periodId, periodKey: "2025", content: fullReportContent(2025, items, 2025), completeness: 1, now: now.getTime(), userId });

  const content = fullReportContent(2026, items);
  const ref = { taskForceId: tf.id, periodKey: "2026" };
  let version = 0;
  const save = async (c: ReportContentInput) => {
    const r = await caller().reports.save({ ...ref, baseVersion: version, content: c, acknowledged: [] });
    version = r.version;
    return r;
  };
  const first = await save(content);
  if (first.checks.errors.length > 0) throw new Error(`the bench report has errors: ${first.checks.errors.map((e) => e.key).join(", ")}`);
  if (first.completeness.ratio !== 1) throw new Error(`the bench report is not complete (${first.completeness.ratio})`);

  const update = handle.sqlite.prepare(
    "UPDATE reports SET content = ?, acknowledged = ?, completeness = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ? AND version = ?",
  );
  // Every row a save reads — the session and its account, the task force and its region, the report's
  // state, last year's report (parsed, for the checks), the year's action items with their targets — read
  // raw, and the rows it writes — the report, and its audit entry chained to the last one — written raw,
  // in one transaction.
  const readSession = handle.sqlite.prepare("SELECT s.id, s.last_seen_at, u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?");
  const readTaskForce = handle.sqlite.prepare(
    "SELECT tf.*, l.region_code, r.name, r.kind, r.parent_code FROM task_forces tf LEFT JOIN task_force_regions l ON l.task_force_id = tf.id LEFT JOIN regions r ON r.code = l.region_code WHERE tf.id = ?",
  );
  const lastAudit = handle.sqlite.prepare("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
  const insertAudit = handle.sqlite.prepare(
    "INSERT INTO audit_log (id, at, actor_user_id, actor_label, action, outcome, target_type, target_id, ip, details, hash) VALUES (?, ?, ?, ?, 'report.save', 'success', 'report', ?, 'local', ?, ?)",
  );
  const readState = handle.sqlite.prepare("SELECT id, status, version FROM reports WHERE task_force_id = ? AND period_key = ?");
  const readContent = handle.sqlite.prepare("SELECT content FROM reports WHERE task_force_id = ? AND period_key = ?").pluck();
  const readItems = handle.sqlite.prepare(
    "SELECT i.*, t.year, t.value FROM action_items i LEFT JOIN action_item_targets t ON t.item_id = i.id WHERE i.period_id = ? AND i.level = ? ORDER BY i.id, t.year",
  );
  const rawWrite = handle.sqlite.transaction((c: ReportContentInput) => {
    readSession.get(sessionHash);
    readTaskForce.all(tf.id);
    readState.get(tf.id, "2026");
    JSON.parse(readContent.get(tf.id, "2025") as string);
    readItems.all(periodId, "regency");
    const last = lastAudit.get() as { id: number; hash: string | null };
    const details = JSON.stringify({ taskForceId: tf.id, periodKey: "2026", version: version + 1 });
    const entry = [last.id + 1, now.getTime(), userId, "bench", "report.save", "success", "report", String(first.reportId), "local", details];
    insertAudit.run(last.id + 1, now.getTime(), userId, "bench", String(first.reportId), details, createHash("sha256").update(last.hash ?? "").update(JSON.stringify(entry)).digest("hex"));
    if (update.run(JSON.stringify(c), "[]", 1, now.getTime(), userId, first.reportId, version).changes !== 1) throw new Error("raw write lost its version");
    version += 1;
  });
  // Each write changes one count, as typing does between two saves.
  const edited = (i: number): ReportContentInput => ({ ...content, coordination: { meetings: 4 + (i % 9) } });

  for (let i = 0; i < 50; i++) {
    await save(edited(i)); // warm-up
    rawWrite(edited(i));
  }
  const product: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < rounds; i++) {
    product.push(await timeOnce(() => save(edited(i))));
    raw.push(await timeOnce(() => rawWrite(edited(i + 1))));
  }
  const bytes = Buffer.byteLength(JSON.stringify(content));
  handle.close();
  return { bytes, items: items.length, product: { p50: median(product), p99: percentile(product, 99) }, raw: { p50: median(raw), p99: percentile(raw, 99) } };
}

export type RateResult = { reports: number; periodKeys: number; expected: number; rateMs: number; rawMs: number; ratio: number };

/** Statuses of a period's reports once it has closed: mostly approved, some still in review or left in draft. */
const STATUS_MIX: readonly [ReportStatus, number][] = [
  ["approved", 0.62],
  ["submitted", 0.12],
  ["returned", 0.05],
  ["reopened", 0.03],
  ["draft", 0.18],
];

/**
 * The national reporting rate of 2025 over 553 task forces × the 20 years 2009–2028 (11,060 reports,
 * each with a full content), the 2018 formation list imported so the expected set is the formed task
 * forces. Median of `rounds`, alternating with the raw reads.
 */
export async function benchReportRate(rounds = 200): Promise<RateResult> {
  const handle = createTestDatabase();
  const now = new Date("2029-02-10T03:00:00Z");
  const national = findTaskForceByRegion(handle.db, null, "2026-01-01")!;
  const { userId, caller } = signedIn(handle, { taskForceId: national.id, role: "central_admin", now });

  const csv = readFileSync(fileURLToPath(new URL("../../e2e/fixtures/formation-2018.csv", import.meta.url)));
  const { rows: formation } = await caller().formationImport.parse({ fileName: "formation-2018.csv", contentBase64: csv.toString("base64") });
  await caller().formationImport.commit({ fileName: "formation-2018.csv", rows: formation });

  const taskForces = listTaskForces(handle.db, { at: "2025-12-31" });
  if (taskForces.length !== 553) throw new Error(`expected 553 task forces, found ${taskForces.length}`);
  const years = Array.from({ length: 20 }, (_, i) => 2009 + i);
  const random = seeded(20);
  const contents = Array.from({ length: 8 }, (_, i) => JSON.stringify(fullReportContent(2025, [], 100 + i)));
  const insert = handle.sqlite.prepare(`INSERT INTO reports (task_force_id, period_id, period_key, year, status, version, completeness, first_submitted_at, last_submitted_at,
    submitted_by, on_time, approved_at, approved_by, created_at, created_by, updated_at, updated_by, content, acknowledged)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]')`);
  handle.sqlite.transaction(() => {
    for (const year of years) {
      const periodId = periodIdOf(handle, year);
      const due = Date.UTC(year + 1, 0, 31, 17);
      for (const tf of taskForces) {
        let pick = random();
        const status = STATUS_MIX.find(([, share]) => (pick -= share) < 0)?.[0] ?? "draft";
        const submitted = status !== "draft" || random() < 0.1 ? due + Math.round((random() - 0.7) * 40 * 86_400_000) : null;
        const created = due - 200 * 86_400_000;
        insert.run(
          tf.id, periodId, String(year), year, status, 3 + Math.floor(random() * 6), Math.round(random() * 100) / 100, submitted, submitted,
          submitted === null ? null : userId, submitted === null ? null : submitted < due ? 1 : 0,
          status === "approved" ? (submitted ?? due) + 7 * 86_400_000 : null, status === "approved" ? userId : null,
          created, userId, submitted ?? created, userId, contents[Math.floor(random() * contents.length)]!,
        );
      }
    }
  })();
  const reports = handle.sqlite.prepare("SELECT count(*) FROM reports").pluck().get() as number;
  const periodKeys = handle.sqlite.prepare("SELECT count(DISTINCT period_key) FROM reports").pluck().get() as number;

  // What the rate reads: the period's reports (listReportsForPeriod's SELECT, over the task forces in force) and the reference rows.
  const ids = taskForces.map((t) => t.id);
  const rawReports = handle.sqlite
    .prepare(`SELECT rp.id, rp.task_force_id, tf.level, l.region_code, rp.status, rp.first_submitted_at, rp.on_time, rp.completeness, rp.version
      FROM reports rp
      JOIN task_forces tf ON tf.id = rp.task_force_id
      LEFT JOIN task_force_regions l ON l.task_force_id = rp.task_force_id
        AND (l.valid_from IS NULL OR l.valid_from <= min(:end, coalesce(tf.valid_to, :end))) AND (l.valid_to IS NULL OR l.valid_to >= min(:end, coalesce(tf.valid_to, :end)))
      WHERE rp.period_key = :key AND rp.task_force_id IN (SELECT value FROM json_each(:ids))
      ORDER BY rp.task_force_id`)
    .raw();
  const rawReference = ["task_forces", "task_force_regions", "regions", "instruments"].map((t) => handle.sqlite.prepare(`SELECT * FROM ${t}`).raw());
  const rawRead = () => [rawReports.all({ end: "2025-12-31", key: "2025", ids: JSON.stringify(ids) }), ...rawReference.map((s) => s.all())];

  const rate = () => caller().reports.rate({ periodKey: "2025", countUnformed: false });
  const check = await rate();
  if (check.overall === null || check.overall.expected === 0) throw new Error("the rate expects no report");
  if ((rawRead()[0] as unknown[]).length !== 553) throw new Error("the raw read does not find 553 reports");
  for (let i = 0; i < 20; i++) {
    await rate(); // warm-up
    rawRead();
  }
  const rateTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < rounds; i++) {
    rateTimes.push(await timeOnce(rate));
    rawTimes.push(await timeOnce(rawRead));
  }
  handle.close();
  const r = median(rateTimes);
  const w = median(rawTimes);
  return { reports, periodKeys, expected: check.overall.expected, rateMs: r, rawMs: w, ratio: r / w };
}
