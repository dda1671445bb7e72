/**
 * Demonstration data (`pnpm cli demo`): fills a fresh database — migrated and seeded, holding no
 * report — with clearly labelled synthetic data, from a fixed seed, in one transaction:
 *
 *  - formation over the years: "DEMO" establishment instruments so that task forces form
 *    progressively (about 32 provinces and 195 of 514 regencies/cities by 2018, 245 by 2019, more
 *    later, some never), with compositions whose coordinators bear synthetic names ("Koordinator Demo 12");
 *  - action items titled "[DEMO] …" with yearly targets for every RAN period and level that has none;
 *  - one report per formed task force and reporting period, with realistic gaps: missing reports,
 *    late ones (first submitted after the due date, local time), returned ones, submitted and not yet
 *    reviewed, reopened, mostly approved; the current year's as drafts. Their events and submitted and
 *    approved copies are kept as the workflow keeps them.
 *
 * The same seed (and clock) gives the same rows. A database that holds a report without the demo
 * marker is refused (DEMO_REAL_DATA), and so is a second load (DEMO_ALREADY_LOADED). The marker,
 * `demo_dataset`, makes every screen say "synthetic data"; the load is audited (`demo.load`).
 */
import { appendAudit, listActionItems, listAllInstruments, listRanPeriods, listTaskForces } from "@gugus/db";
import type { Db, SqliteConnection, TaskForceRow } from "@gugus/db";
import {
  DomainError,
  LEVELS,
  SUB_TASK_FORCES,
  checkReport,
  deadlinesIn,
  formationStatusAt,
  instrumentNumberKey,
  isOnTime,
  localTimeLabel,
  reportCompleteness,
  reportingPeriods,
  targetForYear,
  timeZoneOf,
  todayAt,
} from "@gugus/domain";
import type { InstrumentType, IsoDate, ReportContent, ReportStatus, StakeholderType, SubTaskForceCode, TimeZone } from "@gugus/domain";
import { contentBeforeReturn, demoContent } from "./content.ts";
import type { DemoItem, DemoProfile } from "./content.ts";
import { demoItemsFor } from "./items.ts";
import { createRandom } from "./random.ts";
import type { Random } from "./random.ts";

/** The seed `pnpm cli demo` uses unless told otherwise. */
export const DEFAULT_DEMO_SEED = 20260101;

export type DemoOptions = {
  seed?: number;
  /** The first and last year reported (inclusive); years outside every RAN period are left out. */
  firstYear: number;
  lastYear: number;
  /** The clock: years that have not ended get drafts, and nothing happens after it. */
  now: Date;
  /** Who loads it, as the audit log names the actor (default `cli`). */
  actorLabel?: string;
};

export type DemoSummary = {
  seed: number;
  firstYear: number;
  lastYear: number;
  /** Task forces formed (an instrument in force) on 31 December 2018 and at the end, by level. */
  formed2018: { provinces: number; regencies: number };
  formedAtEnd: { provinces: number; regencies: number };
  instruments: number;
  memberships: number;
  actionItems: number;
  reports: number;
  byStatus: Record<ReportStatus, number>;
  /** Reports first submitted after their due date. */
  late: number;
  /** Formed task forces with no report for an ended year. */
  missing: number;
  reportingPeriods: number;
};

type Db1 = { db: Db; sqlite: SqliteConnection };

const DAY = 86_400_000;
const iso = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);
const dateMs = (d: IsoDate) => Date.parse(`${d}T00:00:00Z`);

// ---------------------------------------------------------------------------------------------
// Formation: how many task forces are formed at the end of each year (the article's figures for
// 2018, 2019 and 2023), the others following in a random but seeded order.
// ---------------------------------------------------------------------------------------------

/** Formed provinces (of the 34 before 2022) and regencies/cities at the end of a year. */
const FORMED: readonly [number, number, number][] = [
  [2009, 8, 20],
  [2010, 14, 42],
  [2011, 19, 64],
  [2012, 23, 86],
  [2013, 26, 106],
  [2014, 28, 126],
  [2015, 30, 146],
  [2016, 31, 165],
  [2017, 31, 181],
  [2018, 32, 195],
  [2019, 32, 245],
  [2023, 32, 245],
  [2024, 33, 262],
  [2028, 33, 325],
  [2040, 33, 400],
];

/**
 * The year by which the `rank`-th task force of a level (0-based, in the seeded order) is formed, or
 * null for never. With history before 2009 (a longer demonstration), the years up to 2018 stretch
 * back to the first year, so formation still spreads over the history.
 */
function formationYear(level: "province" | "regency", rank: number, firstYear: number): number | null {
  const column = level === "province" ? 1 : 2;
  const stretch = (year: number) => (firstYear < 2009 && year <= 2018 ? Math.round(firstYear + ((year - 2009) * (2018 - firstYear)) / 9) : year);
  for (let i = 0; i < FORMED.length; i++) {
    const [year, ...counts] = FORMED[i]!;
    const count = counts[column - 1]!;
    if (rank < count) {
      if (i === 0) return stretch(year);
      // Between two anchors the count grows evenly.
      const [before, ...earlier] = FORMED[i - 1]!;
      const from = earlier[column - 1]!;
      const span = year - before;
      return stretch(before + Math.max(1, Math.ceil(((rank - from + 1) * span) / (count - from))));
    }
  }
  return null;
}

const ISSUER: Record<string, string> = { national: "Presiden (data demo)", province: "Gubernur (data demo)", kabupaten: "Bupati (data demo)", kota: "Wali Kota (data demo)" };
const TYPES: Record<string, [InstrumentType, InstrumentType]> = {
  national: ["perpres", "perpres"],
  province: ["pergub", "sk_gubernur"],
  kabupaten: ["perbup", "sk_bupati"],
  kota: ["perwali", "sk_walikota"],
};

type PlannedInstrument = { type: InstrumentType; number: string; issuedOn: IsoDate; issuer: string };
type PlannedMembership = { position: "chair" | "secretary" | "coordinator"; subTaskForce: SubTaskForceCode | null; office: string; agency: string; stakeholderType: StakeholderType; personName: string | null; validFrom: IsoDate };

const COORDINATOR_AGENCY: Record<SubTaskForceCode, [string, StakeholderType, string, StakeholderType]> = {
  prevention: ["Dinas PPPA", "pemda_opd", "Kementerian PPPA", "kl"],
  health_rehab: ["Dinas Kesehatan", "pemda_opd", "Kementerian Kesehatan", "kl"],
  social_rehab: ["Dinas Sosial", "pemda_opd", "Kementerian Sosial", "kl"],
  legal_norms: ["Bagian Hukum Setda", "pemda_opd", "Kementerian Hukum", "kl"],
  law_enforcement: ["Kepolisian Resor", "vertical", "Kepolisian Negara RI", "kl"],
  coordination: ["Bappeda", "pemda_opd", "Kemenko PMK", "kl"],
};

/** A random day of a year, not before `notBefore`. */
function dayIn(year: number, random: Random, notBefore: IsoDate | null = null): IsoDate {
  const start = Math.max(Date.UTC(year, 0, 1), notBefore ? dateMs(notBefore) : 0);
  const end = Date.UTC(year, 11, 31);
  return iso(start >= end ? end : start + Math.floor(random.next() * ((end - start) / DAY + 1)) * DAY);
}

// ---------------------------------------------------------------------------------------------
// A report's course through the workflow.
// ---------------------------------------------------------------------------------------------

type Outcome = "draft" | "submitted" | "returned" | "resubmitted" | "resubmitted_approved" | "approved" | "reopened";
type Step = { action: "create" | "submit" | "return" | "approve" | "reopen"; at: number; reason: string | null };

const RETURN_REASONS = [
  "Mohon periksa kembali jumlah rapat koordinasi dan rincian korban. (Data demo.)",
  "Realisasi anggaran belum sesuai dokumen pelaksanaan; mohon dilengkapi. (Data demo.)",
];
const REOPEN_REASON = "Koreksi data anggaran setelah pemeriksaan inspektorat. (Data demo.)";

const NEXT: Record<Step["action"], ReportStatus> = { create: "draft", submit: "submitted", return: "returned", approve: "approved", reopen: "reopened" };

function outcomeOf(diligence: number, random: Random): Outcome | "missing" {
  if (random.chance(0.03 + 0.17 * (1 - diligence))) return "missing";
  if (random.chance(0.02 + 0.05 * (1 - diligence))) return "draft";
  const u = random.next();
  if (u < 0.05) return "returned";
  if (u < 0.07) return "resubmitted";
  if (u < 0.15) return "resubmitted_approved";
  if (u < 0.23) return "submitted";
  if (u < 0.25) return "reopened";
  return "approved";
}

/** The steps of a report's course, none after `now`, none that needs entry open after entry closed. */
function stepsOf(outcome: Outcome, { startMs, dueAt, closesAt, now, late }: { startMs: number; dueAt: number; closesAt: number; now: number; late: boolean }, random: Random): Step[] {
  const created = startMs + random.int(20, 300) * DAY + random.int(0, 86_399) * 1000;
  const steps: Step[] = [{ action: "create", at: Math.min(created, dueAt - 15 * DAY), reason: null }];
  const add = (action: Step["action"], at: number, reason: string | null = null) => steps.push({ action, at, reason });
  if (outcome === "draft") return steps.filter((s) => s.at <= now);
  const openFor = Math.max(DAY, closesAt - dueAt - 2 * DAY);
  const firstSubmit = late ? dueAt + 3_600_000 + Math.floor(random.next() * openFor) : dueAt - random.int(1, 45) * DAY - random.int(1, 86_399) * 1000;
  add("submit", Math.max(firstSubmit, steps[0]!.at + DAY));
  let last = steps.at(-1)!.at;
  if (outcome === "returned" || outcome === "resubmitted" || outcome === "resubmitted_approved") {
    last += random.int(3, 20) * DAY;
    add("return", last, random.pick(RETURN_REASONS));
    if (outcome !== "returned") {
      last += random.int(2, 14) * DAY;
      // Entry must still be open to submit again; otherwise the report stays returned.
      if (last < closesAt) add("submit", last);
    }
  }
  const resubmitted = steps.at(-1)!.action === "submit";
  if (resubmitted && (outcome === "approved" || outcome === "reopened" || outcome === "resubmitted_approved")) {
    last = steps.at(-1)!.at + random.int(4, 40) * DAY;
    add("approve", last);
    if (outcome === "reopened") add("reopen", last + random.int(15, 90) * DAY, REOPEN_REASON);
  }
  // Nothing after the clock: the course stops where "now" is.
  const upToNow: Step[] = [];
  for (const s of steps) {
    if (s.at > now) break;
    upToNow.push(s);
  }
  return upToNow;
}

// ---------------------------------------------------------------------------------------------
// The load.
// ---------------------------------------------------------------------------------------------

/** Region codes of task forces that form first and report well: the examples the guides and browser tests open. */
const SHOWCASE: readonly string[] = ["32", "32.75", "91.01", "93.01"];

/** What the loader keeps of a task force. */
type DemoTaskForce = TaskForceRow & { zone: TimeZone; profile: DemoProfile; kindKey: "national" | "province" | "kabupaten" | "kota" };

function profileOf(tf: TaskForceRow, random: Random): DemoProfile {
  if (tf.level === "national") return { level: "national", size: 60, diligence: 0.9, budget: 8e9, regionBudget: null, dedicatedLine: true };
  const diligence = tf.level === "province" ? random.between(0.45, 0.98) : random.between(0.2, 0.95);
  if (tf.level === "province") {
    return { level: "province", size: random.between(4, 25), diligence, budget: random.between(4e8, 3e9), regionBudget: random.between(3e12, 3e13), dedicatedLine: random.chance(0.7) };
  }
  const small = random.chance(0.6);
  return {
    level: "regency",
    size: small ? random.between(0.3, 3) : random.between(3, 12),
    diligence,
    budget: random.between(5e7, 6e8),
    regionBudget: random.between(8e11, 4e12),
    dedicatedLine: random.chance(0.3 + 0.4 * diligence),
  };
}

/** A showcased task force reports diligently (most of its reports approved, some gaps still). */
const showcased = (tf: TaskForceRow, p: DemoProfile): DemoProfile => (SHOWCASE.includes(tf.regionCode ?? "") ? { ...p, diligence: Math.max(p.diligence, 0.85) } : p);

/** Loads the demonstration data; see the file's header. Throws DEMO_ALREADY_LOADED or DEMO_REAL_DATA, changing nothing. */
export function loadDemoData(handle: Db1, { seed = DEFAULT_DEMO_SEED, firstYear, lastYear, now, actorLabel = "cli" }: DemoOptions): DemoSummary {
  if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear > lastYear) throw new DomainError("VALIDATION_FAILED", { firstYear, lastYear });
  const { sqlite } = handle;
  const nowMs = now.getTime();
  const today = todayAt(now, null);
  const count = (table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

  return handle.db.transaction(
    (tx) => {
      if (count("demo_dataset") > 0) throw new DomainError("DEMO_ALREADY_LOADED");
      const reports = count("reports");
      if (reports > 0) throw new DomainError("DEMO_REAL_DATA", { reports });

      const root = createRandom(seed);
      const taskForces: DemoTaskForce[] = listTaskForces(tx, { at: today })
        .sort((a, b) => a.id - b.id)
        .map((tf) => ({
          ...tf,
          zone: timeZoneOf(tf.regionCode),
          profile: showcased(tf, profileOf(tf, root.fork(`profile:${tf.id}`))),
          kindKey: tf.level === "national" ? "national" : tf.level === "province" ? "province" : tf.kind === "kota" ? "kota" : "kabupaten",
        }));

      const insertInstrument = sqlite.prepare(`INSERT INTO instruments (task_force_id, type, number, number_key, issued_on, issuer, document_ref, ends_on, revoked_on, created_at, updated_at, version)
        VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, 1)`);
      const insertMembership = sqlite.prepare(`INSERT INTO memberships (task_force_id, position, sub_task_force, office, agency, stakeholder_type, person_name, valid_from, valid_to, created_at, updated_at, version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 1)`);
      const insertItem = sqlite.prepare(`INSERT INTO action_items (period_id, sub_task_force, code, programme, activity, indicator, unit, baseline, target_mode, lead_agency, related_agencies, level, follows_item_id, created_at, updated_at, version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, 1)`);
      const insertTarget = sqlite.prepare("INSERT INTO action_item_targets (item_id, year, value) VALUES (?, ?, ?)");
      const insertReport = sqlite.prepare(`INSERT INTO reports (task_force_id, period_id, period_key, year, status, version, completeness, first_submitted_at, last_submitted_at,
        submitted_by, on_time, approved_at, approved_by, created_at, created_by, updated_at, updated_by, content, acknowledged)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, NULL, ?, NULL, ?, NULL, ?, ?)`);
      const insertVersion = sqlite.prepare("INSERT INTO report_versions (report_id, kind, report_version, content, at, by_user_id) VALUES (?, ?, ?, ?, ?, NULL)");
      const insertEvent = sqlite.prepare("INSERT INTO report_events (report_id, action, from_status, to_status, actor_user_id, at, local_time, reason) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)");

      // --- Formation: instruments and compositions, for task forces that have none yet. ---
      const hasInstruments = new Set(listAllInstruments(tx).map((i) => i.taskForceId));
      const hasMembers = new Set((sqlite.prepare("SELECT DISTINCT task_force_id FROM memberships").pluck().all() as number[]).map(Number));
      const formation = root.fork("formation");
      const ranks = new Map<number, number>();
      for (const level of ["province", "regency"] as const) {
        // The provinces made in 2022 form late (or never): they are ranked after the others.
        const of = taskForces.filter((t) => t.level === level && !(level === "province" && t.validFrom !== null));
        // The task forces the guides and tests show (Jawa Barat, Kota Bekasi, Kabupaten Merauke) form first, so they have a history.
        const shown = of.filter((t) => SHOWCASE.includes(t.regionCode ?? "")).map((t) => t.id);
        [...shown, ...formation.shuffle(of.map((t) => t.id).filter((id) => !shown.includes(id)))].forEach((id, rank) => ranks.set(id, rank));
      }
      let instruments = 0;
      let memberships = 0;
      let coordinatorNumber = 0;
      const history = Math.min(firstYear, 2009);
      for (const tf of taskForces) {
        if (hasInstruments.has(tf.id)) continue;
        const random = formation.fork(`tf:${tf.id}`);
        let year: number | null;
        if (tf.level === "national") year = history - 1;
        else if (tf.level === "province" && tf.validFrom !== null) year = random.chance(0.5) ? Number(tf.validFrom.slice(0, 4)) + random.int(2, 6) : null;
        else year = formationYear(tf.level, ranks.get(tf.id)!, firstYear);
        if (year === null) continue;
        const planned: PlannedInstrument[] = [];
        const [typeA, typeB] = TYPES[tf.kindKey]!;
        const issuer = ISSUER[tf.kindKey]!;
        if (tf.level === "national") {
          planned.push({ type: "perpres", number: `DEMO-69/${year}`, issuedOn: `${year}-12-10`, issuer });
          if (history < 2021) planned.push({ type: "perpres", number: "DEMO-22/2021", issuedOn: "2021-03-05", issuer });
          if (history < 2023) planned.push({ type: "perpres", number: "DEMO-49/2023", issuedOn: "2023-08-14", issuer });
        } else {
          const first = dayIn(year, random, tf.validFrom);
          planned.push({ type: random.chance(0.4) ? typeA : typeB, number: `DEMO-${random.int(1, 250)}/${year}`, issuedOn: first, issuer });
          // A new instrument some years later (membership changed) for about one in four.
          if (random.chance(0.25)) {
            const again = year + random.int(3, 8);
            planned.push({ type: random.chance(0.5) ? typeA : typeB, number: `DEMO-${random.int(251, 500)}/${again}`, issuedOn: dayIn(again, random), issuer });
          }
        }
        const inForce = planned.filter((p) => p.issuedOn <= today);
        for (const p of inForce) {
          insertInstrument.run(tf.id, p.type, p.number, instrumentNumberKey(p.number), p.issuedOn, p.issuer, nowMs, nowMs);
          instruments += 1;
        }
        if (inForce.length === 0 || hasMembers.has(tf.id)) continue;
        // The composition from the first instrument: a chair, a secretary, and coordinators appointed
        // over the following years for some of the six sub-task-forces.
        const from = inForce[0]!.issuedOn;
        const national = tf.level === "national";
        const seats: PlannedMembership[] = [
          { position: "chair", subTaskForce: null, office: national ? "Ketua Gugus Tugas (Menko PMK)" : "Ketua Gugus Tugas", agency: national ? "Kemenko PMK" : "Pemerintah Daerah", stakeholderType: national ? "kl" : "pemda_opd", personName: null, validFrom: from },
          { position: "secretary", subTaskForce: null, office: "Sekretaris Gugus Tugas", agency: national ? "Kementerian PPPA" : "Dinas PPPA", stakeholderType: national ? "kl" : "pemda_opd", personName: null, validFrom: from },
        ];
        for (const stf of SUB_TASK_FORCES) {
          if (!random.chance(national ? 1 : 0.3 + 0.65 * tf.profile.diligence)) continue;
          const [agency, type, nationalAgency, nationalType] = COORDINATOR_AGENCY[stf.code];
          const appointed = iso(Math.min(dateMs(from) + random.int(0, 4 * 365) * DAY, dateMs(today)));
          coordinatorNumber += 1;
          seats.push({
            position: "coordinator",
            subTaskForce: stf.code,
            office: `Koordinator Sub Gugus Tugas ${stf.nameId}`,
            agency: national ? nationalAgency : agency,
            stakeholderType: national ? nationalType : type,
            personName: `Koordinator Demo ${coordinatorNumber}`,
            validFrom: appointed,
          });
        }
        for (const m of seats) {
          insertMembership.run(tf.id, m.position, m.subTaskForce, m.office, m.agency, m.stakeholderType, m.personName, m.validFrom, nowMs, nowMs);
          memberships += 1;
        }
      }

      // --- Action items for every period and level that has none. ---
      const periods = listRanPeriods(tx);
      const itemsRandom = root.fork("items");
      let actionItems = 0;
      for (const p of periods) {
        for (const level of LEVELS) {
          if (listActionItems(tx, { periodId: p.id, level }).length > 0) continue;
          for (const item of demoItemsFor({ periodNumber: p.number, firstYear: p.firstYear, lastYear: p.lastYear, level }, itemsRandom)) {
            const id = Number(
              insertItem.run(p.id, item.subTaskForce, item.code, item.programme, item.activity, item.indicator, item.unit, item.baseline, item.targetMode, item.leadAgency, JSON.stringify(item.relatedAgencies), level, nowMs, nowMs)
                .lastInsertRowid,
            );
            for (const t of item.targets) insertTarget.run(id, t.year, t.value);
            actionItems += 1;
          }
        }
      }
      const itemsOf = new Map<string, DemoItem[]>();
      for (const p of periods) for (const level of LEVELS) itemsOf.set(`${p.id}:${level}`, listActionItems(tx, { periodId: p.id, level }));

      // --- Formation status at each year's end (or today), from every instrument now recorded. ---
      const instrumentsOf = new Map<number, ReturnType<typeof listAllInstruments>>();
      for (const i of listAllInstruments(tx)) instrumentsOf.set(i.taskForceId, [...(instrumentsOf.get(i.taskForceId) ?? []), i]);
      const formedAt = (tf: DemoTaskForce, at: IsoDate) => formationStatusAt(instrumentsOf.get(tf.id) ?? [], at).status === "formed";
      const formedCount = (at: IsoDate) => ({
        provinces: taskForces.filter((t) => t.level === "province" && formedAt(t, at)).length,
        regencies: taskForces.filter((t) => t.level === "regency" && formedAt(t, at)).length,
      });

      // --- Reports. ---
      const byStatus: Record<ReportStatus, number> = { draft: 0, submitted: 0, returned: 0, approved: 0, reopened: 0 };
      let late = 0;
      let missing = 0;
      let reportCount = 0;
      let periodCount = 0;
      const previous = new Map<number, ReportContent>();
      const reportsRandom = root.fork("reports");
      const calendar = periods
        .flatMap((p) => reportingPeriods(p, { reportingCycle: p.reportingCycle, dueDays: p.dueDays, expiryDays: p.expiryDays }).map((rp) => ({ ...rp, periodId: p.id })))
        .filter((rp) => rp.year >= firstYear && rp.year <= lastYear && rp.start <= today)
        .sort((a, b) => a.start.localeCompare(b.start));
      for (const rp of calendar) {
        periodCount += 1;
        const ended = rp.end < today;
        const at = ended ? rp.end : today;
        const startMs = dateMs(rp.start);
        const growth = Math.max(0.3, 1.04 ** (rp.year - 2009));
        for (const tf of taskForces) {
          if ((tf.validFrom !== null && tf.validFrom > rp.end) || !formedAt(tf, at)) {
            previous.delete(tf.id);
            continue;
          }
          const random = reportsRandom.fork(`${rp.key}:${tf.id}`);
          const outcome: Outcome | "missing" = ended ? outcomeOf(tf.profile.diligence, random) : random.chance(0.3 + 0.5 * tf.profile.diligence) ? "draft" : "missing";
          if (outcome === "missing") {
            if (ended) missing += 1;
            previous.delete(tf.id);
            continue;
          }
          const { dueAt, closesAt } = deadlinesIn(rp, tf.zone);
          const isLate = random.chance(0.08 + 0.35 * (1 - tf.profile.diligence));
          const steps = ended
            ? stepsOf(outcome, { startMs, dueAt: dueAt.getTime(), closesAt: closesAt.getTime(), now: nowMs, late: isLate }, random)
            : [{ action: "create" as const, at: Math.min(nowMs, startMs + Math.floor(random.next() * Math.max(1, nowMs - startMs))), reason: null }];
          if (steps.length === 0) {
            previous.delete(tf.id);
            continue;
          }
          const items = (itemsOf.get(`${rp.periodId}:${tf.level}`) ?? []).filter((i) => targetForYear(i, rp.year) !== null);
          const content = demoContent({ profile: tf.profile, year: rp.year, growth, items }, random);
          const checks = checkReport(content, { items, year: rp.year, previous: previous.get(tf.id) ?? null, periodKnown: true });
          if (checks.errors.length > 0) throw new Error(`demo report ${rp.key} of task force ${tf.id} has errors: ${checks.errors.map((e) => e.key).join(", ")}`);
          const acknowledged = JSON.stringify(checks.warnings.map((w) => w.key));
          const completeness = Math.round(reportCompleteness(content, { itemIds: items.map((i) => i.id) }).ratio * 1000) / 1000;
          const json = JSON.stringify(content);
          const returned = steps.some((s) => s.action === "return");
          const firstJson = returned ? JSON.stringify(contentBeforeReturn(content, random)) : json;

          // Replay the course: saves between transitions raise the version as the workflow does.
          let version = 1;
          let status: ReportStatus = "draft";
          let firstSubmittedAt: number | null = null;
          let lastSubmittedAt: number | null = null;
          let approvedAt: number | null = null;
          const events: [string, ReportStatus | null, ReportStatus, number, string | null][] = [];
          const copies: ["submitted" | "approved", number, string, number][] = [];
          let submissions = 0;
          for (const step of steps) {
            if (step.action !== "create") {
              if (step.action === "submit") version += random.int(1, 4); // the saves before it
              version += 1;
            }
            const to = NEXT[step.action];
            events.push([step.action, step.action === "create" ? null : status, to, step.at, step.reason]);
            if (step.action === "submit") {
              submissions += 1;
              firstSubmittedAt ??= step.at;
              lastSubmittedAt = step.at;
              copies.push(["submitted", version, submissions === 1 ? firstJson : json, step.at]);
            }
            if (step.action === "approve") {
              approvedAt = step.at;
              copies.push(["approved", version, json, step.at]);
            }
            status = to;
          }
          if (steps.length === 1) version += random.int(0, 3); // a draft saved a few times
          const onTime = firstSubmittedAt === null ? null : isOnTime(new Date(firstSubmittedAt), rp, tf.zone);
          const createdAt = steps[0]!.at;
          const updatedAt = steps.at(-1)!.at;
          const reportId = Number(
            insertReport.run(
              tf.id, rp.periodId, rp.key, rp.year, status, version, completeness, firstSubmittedAt, lastSubmittedAt,
              onTime === null ? null : onTime ? 1 : 0, approvedAt, createdAt, updatedAt, json, acknowledged,
            ).lastInsertRowid,
          );
          for (const [action, from, to, atMs, reason] of events) insertEvent.run(reportId, action, from, to, atMs, localTimeLabel(new Date(atMs), tf.zone), reason);
          for (const [kind, v, c, atMs] of copies) insertVersion.run(reportId, kind, v, c, atMs);
          byStatus[status] += 1;
          if (onTime === false) late += 1;
          reportCount += 1;
          previous.set(tf.id, content);
        }
      }

      sqlite.prepare("INSERT INTO demo_dataset (id, seed, first_year, last_year, created_at) VALUES (1, ?, ?, ?, ?)").run(seed, firstYear, lastYear, nowMs);
      // Every cache of reference reads (and the "synthetic data" marker read through it) starts again.
      sqlite.prepare("UPDATE reference_version SET version = version + 1 WHERE id = 1").run();
      const summary: DemoSummary = {
        seed,
        firstYear,
        lastYear,
        formed2018: formedCount("2018-12-31"),
        formedAtEnd: formedCount(`${lastYear}-12-31` < today ? `${lastYear}-12-31` : today),
        instruments,
        memberships,
        actionItems,
        reports: reportCount,
        byStatus,
        late,
        missing,
        reportingPeriods: periodCount,
      };
      appendAudit(tx, {
        at: nowMs,
        actorUserId: null,
        actorLabel,
        action: "demo.load",
        outcome: "success",
        targetType: "demo_dataset",
        targetId: 1,
        ip: null,
        details: { seed, firstYear, lastYear, reports: reportCount, instruments, actionItems },
      });
      return summary;
    },
    { behavior: "immediate" },
  );
}

