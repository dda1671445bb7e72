/**
 * The authorization matrix: every procedure of the app router × every kind of actor × six target
 * task forces, each answer checked against expectations written here in words (EXPECTED), which
 * also check the policy table itself. A procedure missing from POLICY or EXPECTED fails the run. Writes run on a fresh copy of the database per cell, and a
 * refused write must leave the data exactly as it was.
 */
import { findPeriodByNumber, insertException, insertReport, listTaskForces, updateReportStatus } from "@gugus/db";
// Announcements
import { NATIONAL_INSTRUMENTS, insertAnnouncement } from "@gugus/db";
import type { DatabaseHandle } from "@gugus/db";
import { DEFAULT_EVALUATION_SETTINGS, ROLES, emptyReportContent, hasCapability, isWithin } from "@gugus/domain";
import type { Role, TaskForcePlace } from "@gugus/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, it } from "vitest";
import { POLICY } from "./policy.ts";
import type { ProcedurePath, Rule } from "./policy.ts";
import { appRouter } from "./root.ts";
import { ACTORS, FIXTURE_ITEM, FIXTURE_PASSWORD, TARGETS, TARGET_INSTRUMENT_TYPE, fixtureFactory } from "./test-helpers.ts";
import type { ActorKey, Fixture, TargetKey } from "./test-helpers.ts";
// Regional action plans (RAD)
import { ensureRadPlan, insertActionItem, insertRadItem, updatePeriod } from "@gugus/db";
// Second factor
import { giveSecondFactor } from "./test-helpers.ts";
import { mfaRequiredFor } from "@gugus/domain";

type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST";
type ActorInfo = { key: ActorKey; role: Role; place: TaskForcePlace; taskForceId: number; userId: number };

const factory = await fixtureFactory();
const shared = factory.fresh();
afterAll(shared.close);

const TODAY = "2026-11-28";
const taskForces = listTaskForces(shared.handle.db, { at: TODAY });
const taskForceOf = (region: string | null) => taskForces.find((t) => t.regionCode === region)!;
const placeOfRegion = (region: string | null): TaskForcePlace => {
  const tf = taskForceOf(region);
  return { level: tf.level, regionCode: tf.regionCode };
};
const targetPlace = (target: TargetKey) => placeOfRegion(TARGETS[target]);
const inScope = (actor: ActorInfo, p: { level: TaskForcePlace["level"]; regionCode: string | null }) => isWithin(p, actor.place);
const scopeSize = (actor: ActorInfo) => taskForces.filter((t) => inScope(actor, t)).length;

function actorInfo(key: ActorKey): ActorInfo | null {
  if (key === "anonymous") return null;
  const a = ACTORS[key];
  const tf = taskForceOf(a.region);
  return { key, role: a.role, place: { level: tf.level, regionCode: tf.regionCode }, taskForceId: tf.id, userId: shared.userIds[key] };
}

const targetRole = (target: TargetKey): Role => (target === "national" ? "central_viewer" : "regional_member");

type Case = {
  writes: boolean;
  input?: (target: TargetKey, fx: Fixture) => unknown;
  /** Checks an allowed answer holds nothing outside the actor's scope. */
  verify?: (output: never, actor: ActorInfo, target: TargetKey, fx: Fixture) => void;
};

/*
 * The expectations, stated on their own: who may call each procedure and where, written as the
 * access rules read in words, neither read from POLICY nor computed by the domain's capability or
 * scope rules. Both the table (POLICY with the domain's capabilities) and the server are checked
 * against them, so loosening one policy line, or one capability, fails a test.
 */
type Who = "central admin" | "central viewer" | "regional admin" | "regional member";
const CA = "central admin";
const CV = "central viewer";
const RA = "regional admin";
const RM = "regional member";
const EVERY_ROLE = [CA, CV, RA, RM] as const satisfies readonly Who[];
const WHO_OF_ROLE: Record<Role, Who> = { central_admin: CA, central_viewer: CV, regional_admin: RA, regional_member: RM };

/** Where an actor sits: the nation, a province (Jawa Barat) or a regency/city (Kota Bekasi, in Jawa Barat). */
type Seat = "nation" | "province" | "regency";
const SEAT: Record<Exclude<ActorKey, "anonymous">, Seat> = {
  centralAdmin: "nation",
  centralViewer: "nation",
  provinceAdmin: "province",
  provinceMember: "province",
  regencyAdmin: "regency",
  regencyMember: "regency",
  deactivated: "regency",
  expiredSession: "regency",
};

/**
 * The answer per seat, one word per target, in this order: the nation · Jawa Barat (a province
 * seat's own task force) · Kota Bekasi (a regency seat's own; a province seat's child) · Kabupaten
 * Karawang (a sibling of Kota Bekasi) · Jawa Tengah (another province) · Kota Semarang (a city of
 * another province). `ok` answers, `NF` is NOT_FOUND, `FB` is FORBIDDEN.
 */
type Where = Record<Seat, string>;
const TARGET_ORDER = ["national", "province", "regency", "siblingRegency", "otherProvince", "otherProvinceRegency"] as const satisfies readonly TargetKey[];
/** The same answer wherever the actor sits (national data, one's own account, lists filtered in SQL). */
const ANYWHERE: Where = { nation: "ok ok ok ok ok ok", province: "ok ok ok ok ok ok", regency: "ok ok ok ok ok ok" };
/** One's own task force and, from a province, its regencies/cities; the centre sees everything. */
const OWN_SUBTREE: Where = { nation: "ok ok ok ok ok ok", province: "NF ok ok ok NF NF", regency: "NF NF ok NF NF NF" };
/** Changed at one's own task force only; a province sees its regencies/cities but may not change them. */
const OWN_TASK_FORCE: Where = { nation: "ok ok ok ok ok ok", province: "NF ok FB FB NF NF", regency: "NF NF ok NF NF NF" };
/** Accounts of one's own task force only: a province does not even see its regencies' accounts. */
const OWN_ACCOUNTS: Where = { nation: "ok ok ok ok ok ok", province: "NF ok NF NF NF NF", regency: "NF NF ok NF NF NF" };
/** A task force's own report: written by its own accounts only; a province sees its regencies' reports but does not write them, nor does the centre. */
const OWN_REPORT: Where = { nation: "ok FB FB FB FB FB", province: "NF ok FB FB NF NF", regency: "NF NF ok NF NF NF" };
/** Approved or returned by the reviewing task force only: the centre reviews the provinces and the national report, a province its regencies/cities. */
const REVIEWER: Where = { nation: "ok ok FB FB ok FB", province: "NF FB ok ok NF NF", regency: "NF NF FB NF NF NF" };
/** Reopened by the reviewer or a level above: the centre anything, a province its regencies/cities. */
const REOPENER: Where = { nation: "ok ok ok ok ok ok", province: "NF FB ok ok NF NF", regency: "NF NF FB NF NF NF" };
/** A province's view: asked of a task force one may see that is not a province, a clear BAD_REQUEST (TASK_FORCE_NOT_PROVINCE). */
const PROVINCES_IN_SUBTREE: Where = { nation: "BR ok BR BR ok BR", province: "NF ok BR BR NF NF", regency: "NF NF BR NF NF NF" };
/** Never: the target is another account's (a session to end as one's own). */
const NOWHERE: Where = { nation: "NF NF NF NF NF NF", province: "NF NF NF NF NF NF", regency: "NF NF NF NF NF NF" };
// Accounts at scale
/** A file of accounts saved at one's own task force only (a central admin anywhere); elsewhere its row has a problem, so the file is refused whole. */
const OWN_FILE_ROWS: Where = { nation: "ok ok ok ok ok ok", province: "BR ok BR BR BR BR", regency: "BR BR ok BR BR BR" };
// Regional action plans (RAD)
/** A RAD is read in one's own subtree; the national task force has none (BAD_REQUEST, RAD_NOT_FOR_NATIONAL). */
const RAD_READ: Where = { nation: "BR ok ok ok ok ok", province: "NF ok ok ok NF NF", regency: "NF NF ok NF NF NF" };
/** A RAD is changed at one's own task force (a central admin anywhere but the nation, which has none); a province sees its regencies' but does not change them. */
const RAD_WRITE: Where = { nation: "BR ok ok ok ok ok", province: "NF ok FB FB NF NF", regency: "NF NF ok NF NF NF" };

type Expectation = { who: "anyone" | "signed in" | readonly Who[]; scope: "none" | "list" | "task-force" | "account"; where: Where };

const EXPECTED: Record<ProcedurePath, Expectation> = {
  "auth.signIn": { who: "anyone", scope: "none", where: ANYWHERE },
  "auth.instance": { who: "anyone", scope: "none", where: ANYWHERE },
  "auth.signOut": { who: "signed in", scope: "none", where: ANYWHERE },
  "auth.me": { who: "signed in", scope: "none", where: ANYWHERE },
  "auth.changePassword": { who: "signed in", scope: "none", where: ANYWHERE },
  "health.check": { who: "signed in", scope: "none", where: ANYWHERE },

  "hierarchy.tree": { who: EVERY_ROLE, scope: "list", where: ANYWHERE },
  "hierarchy.byId": { who: EVERY_ROLE, scope: "task-force", where: OWN_SUBTREE },
  "hierarchy.byRegion": { who: EVERY_ROLE, scope: "task-force", where: OWN_SUBTREE },
  "hierarchy.counts": { who: EVERY_ROLE, scope: "list", where: ANYWHERE },
  "hierarchy.search": { who: EVERY_ROLE, scope: "list", where: ANYWHERE },
  "hierarchy.coverage": { who: EVERY_ROLE, scope: "list", where: ANYWHERE },
  // Hierarchy files
  "hierarchy.exportXlsx": { who: EVERY_ROLE, scope: "list", where: ANYWHERE },
  "hierarchy.exportCoverage": { who: EVERY_ROLE, scope: "list", where: ANYWHERE },
  "hierarchy.successions": { who: EVERY_ROLE, scope: "none", where: ANYWHERE },
  "hierarchy.restructure": { who: [CA], scope: "none", where: ANYWHERE },

  "profile.get": { who: EVERY_ROLE, scope: "task-force", where: OWN_SUBTREE },
  "profile.createInstrument": { who: [CA, RA], scope: "task-force", where: OWN_TASK_FORCE },
  "profile.updateInstrument": { who: [CA, RA], scope: "task-force", where: OWN_TASK_FORCE },
  "profile.deleteInstrument": { who: [CA, RA], scope: "task-force", where: OWN_TASK_FORCE },
  "profile.createMembership": { who: [CA, RA], scope: "task-force", where: OWN_TASK_FORCE },
  "profile.updateMembership": { who: [CA, RA], scope: "task-force", where: OWN_TASK_FORCE },
  "profile.deleteMembership": { who: [CA, RA], scope: "task-force", where: OWN_TASK_FORCE },

  "formationImport.parse": { who: [CA], scope: "none", where: ANYWHERE },
  "formationImport.check": { who: [CA], scope: "none", where: ANYWHERE },
  "formationImport.commit": { who: [CA], scope: "none", where: ANYWHERE },

  "ran.periods": { who: EVERY_ROLE, scope: "none", where: ANYWHERE },
  "ran.period": { who: EVERY_ROLE, scope: "none", where: ANYWHERE },
  "ran.periodOfYear": { who: EVERY_ROLE, scope: "none", where: ANYWHERE },
  "ran.atDate": { who: EVERY_ROLE, scope: "none", where: ANYWHERE },
  "ran.plan": { who: EVERY_ROLE, scope: "task-force", where: OWN_SUBTREE },
  "ran.createPeriod": { who: [CA], scope: "none", where: ANYWHERE },
  "ran.updatePeriod": { who: [CA], scope: "none", where: ANYWHERE },
  "ran.adoptPeriod": { who: [CA], scope: "none", where: ANYWHERE },
  "ran.correctAdoption": { who: [CA], scope: "none", where: ANYWHERE },
  "ran.withdrawAdoption": { who: [CA], scope: "none", where: ANYWHERE },
  "ran.deletePeriod": { who: [CA], scope: "none", where: ANYWHERE },
  "ran.setCoordinators": { who: [CA], scope: "none", where: ANYWHERE },
  "ran.createItem": { who: [CA], scope: "none", where: ANYWHERE },
  "ran.updateItem": { who: [CA], scope: "none", where: ANYWHERE },
  "ran.deleteItem": { who: [CA], scope: "none", where: ANYWHERE },
  "ran.checkItemsFile": { who: [CA], scope: "none", where: ANYWHERE },
  "ran.importItems": { who: [CA], scope: "none", where: ANYWHERE },
  "ran.exportItems": { who: EVERY_ROLE, scope: "none", where: ANYWHERE },

  "reports.list": { who: EVERY_ROLE, scope: "task-force", where: OWN_SUBTREE },
  "reports.get": { who: EVERY_ROLE, scope: "task-force", where: OWN_SUBTREE },
  "reports.save": { who: [CA, RA, RM], scope: "task-force", where: OWN_REPORT },
  "reports.submit": { who: [CA, RA], scope: "task-force", where: OWN_REPORT },
  "reports.approve": { who: [CA, RA], scope: "task-force", where: REVIEWER },
  "reports.return": { who: [CA, RA], scope: "task-force", where: REVIEWER },
  "reports.reopen": { who: [CA, RA], scope: "task-force", where: REOPENER },
  "reports.reviewQueue": { who: [CA, RA], scope: "list", where: ANYWHERE },
  "reports.rate": { who: EVERY_ROLE, scope: "list", where: ANYWHERE },
  "reports.exceptions": { who: [CA], scope: "none", where: ANYWHERE },
  "reports.grantException": { who: [CA], scope: "task-force", where: ANYWHERE },
  "reports.revokeException": { who: [CA], scope: "none", where: ANYWHERE },
  "reports.exportXlsx": { who: EVERY_ROLE, scope: "task-force", where: OWN_SUBTREE },
  "reports.exportPdf": { who: EVERY_ROLE, scope: "task-force", where: OWN_SUBTREE },

  "evaluation.years": { who: EVERY_ROLE, scope: "none", where: ANYWHERE },
  "evaluation.settings": { who: EVERY_ROLE, scope: "none", where: ANYWHERE },
  "evaluation.updateSettings": { who: [CA], scope: "none", where: ANYWHERE },
  "evaluation.publish": { who: [CA], scope: "none", where: ANYWHERE },
  "evaluation.overview": { who: EVERY_ROLE, scope: "list", where: ANYWHERE },
  "evaluation.province": { who: EVERY_ROLE, scope: "task-force", where: PROVINCES_IN_SUBTREE },
  "evaluation.scorecard": { who: EVERY_ROLE, scope: "task-force", where: OWN_SUBTREE },
  "evaluation.trends": { who: EVERY_ROLE, scope: "list", where: ANYWHERE },
  "evaluation.exportXlsx": { who: EVERY_ROLE, scope: "list", where: ANYWHERE },
  "evaluation.exportPdf": { who: EVERY_ROLE, scope: "list", where: ANYWHERE },

  "notifications.list": { who: "signed in", scope: "none", where: ANYWHERE },
  "notifications.markRead": { who: "signed in", scope: "none", where: ANYWHERE },

  "accounts.list": { who: [CA, CV, RA], scope: "list", where: ANYWHERE },
  "accounts.get": { who: [CA, CV, RA], scope: "account", where: OWN_ACCOUNTS },
  "accounts.create": { who: [CA, RA], scope: "task-force", where: OWN_TASK_FORCE },
  "accounts.update": { who: [CA, RA], scope: "account", where: OWN_ACCOUNTS },
  "accounts.setActive": { who: [CA, RA], scope: "account", where: OWN_ACCOUNTS },
  "accounts.resetPassword": { who: [CA, RA], scope: "account", where: OWN_ACCOUNTS },
  // Accounts at scale
  "accounts.exportXlsx": { who: [CA, CV, RA], scope: "list", where: ANYWHERE },
  "accounts.firstAdmins": { who: [CA, RA], scope: "task-force", where: PROVINCES_IN_SUBTREE },
  "accountsBulk.check": { who: [CA, RA], scope: "none", where: ANYWHERE },
  "accountsBulk.commit": { who: [CA, RA], scope: "none", where: OWN_FILE_ROWS },
  "accountsBulk.setActive": { who: [CA, RA], scope: "none", where: OWN_ACCOUNTS },
  "accountsBulk.resetPasswords": { who: [CA, RA], scope: "none", where: OWN_ACCOUNTS },

  "sessions.list": { who: [CA], scope: "none", where: ANYWHERE },
  "sessions.end": { who: [CA], scope: "none", where: ANYWHERE },
  "sessions.mine": { who: "signed in", scope: "none", where: ANYWHERE },
  "sessions.endMine": { who: "signed in", scope: "none", where: NOWHERE },
  "sessions.endOthers": { who: "signed in", scope: "none", where: ANYWHERE },

  "audit.list": { who: [CA], scope: "none", where: ANYWHERE },
  "audit.actions": { who: [CA], scope: "none", where: ANYWHERE },
  // Readable audit log
  "audit.actors": { who: [CA], scope: "none", where: ANYWHERE },
  "audit.exportXlsx": { who: [CA], scope: "none", where: ANYWHERE },

  // Regional action plans (RAD)
  "rad.plan": { who: EVERY_ROLE, scope: "task-force", where: RAD_READ },
  "rad.savePlan": { who: [CA, RA], scope: "task-force", where: RAD_WRITE },
  "rad.createItem": { who: [CA, RA], scope: "task-force", where: RAD_WRITE },
  "rad.updateItem": { who: [CA, RA], scope: "task-force", where: RAD_WRITE },
  "rad.deleteItem": { who: [CA, RA], scope: "task-force", where: RAD_WRITE },
  "rad.overview": { who: EVERY_ROLE, scope: "list", where: ANYWHERE },
  "rad.exportXlsx": { who: EVERY_ROLE, scope: "task-force", where: RAD_READ },

  // Announcements
  "announcements.list": { who: [CA], scope: "none", where: ANYWHERE },
  "announcements.create": { who: [CA], scope: "none", where: ANYWHERE },
  "announcements.withdraw": { who: [CA], scope: "none", where: ANYWHERE },
  "announcements.mine": { who: "signed in", scope: "none", where: ANYWHERE },
  "announcements.markRead": { who: "signed in", scope: "none", where: ANYWHERE },
  // Second factor: one's own factor, anywhere; resetting another account's, a central admin's only
  "mfa.status": { who: "signed in", scope: "none", where: ANYWHERE },
  "mfa.beginEnrolment": { who: "signed in", scope: "none", where: ANYWHERE },
  "mfa.confirmEnrolment": { who: "signed in", scope: "none", where: ANYWHERE },
  "mfa.verify": { who: "signed in", scope: "none", where: ANYWHERE },
  "mfa.regenerateRecoveryCodes": { who: "signed in", scope: "none", where: ANYWHERE },
  "mfa.disable": { who: "signed in", scope: "none", where: ANYWHERE },
  "mfa.reset": { who: [CA], scope: "account", where: OWN_ACCOUNTS },
};

const WORD_OUTCOME: Record<string, Outcome> = { ok: "ok", NF: "NOT_FOUND", FB: "FORBIDDEN", BR: "BAD_REQUEST" };

/** The answer the words give for a seat and a target. */
function cell(where: Where, seat: Seat, target: TargetKey): Outcome {
  const words = where[seat].split(" ");
  expect(words).toHaveLength(TARGET_ORDER.length);
  const outcome = WORD_OUTCOME[words[TARGET_ORDER.indexOf(target)]!];
  if (!outcome) throw new Error(`unknown word in ${where[seat]}`);
  return outcome;
}

/** The roles the table (POLICY, through the domain's capabilities) lets call a procedure, in words. */
function whoPolicyAllows(path: ProcedurePath): Expectation["who"] {
  const access = (POLICY as Record<ProcedurePath, Rule>)[path].access;
  if (access === "public") return "anyone";
  if (access === "signed-in") return "signed in";
  return ROLES.filter((role) => hasCapability(role, access)).map((role) => WHO_OF_ROLE[role]);
}

const instrument = (target: TargetKey, number: string) => ({ type: TARGET_INSTRUMENT_TYPE[target], number, issuedOn: "2019-05-01", issuer: "Kepala Daerah" });
const membership = { position: "member", office: "Kepala Seksi", agency: "Polres", stakeholderType: "vertical", validFrom: "2020-01-01" };
const csv = Buffer.from("kode_wilayah,jenis,nomor,tanggal\n32.75,perwali,9/2018,2018-01-05\n").toString("base64");
const itemsCsv = Buffer.from(
  "kode,sub_gugus_tugas,program,kegiatan,indikator,satuan,mode_target,target_2020,penanggung_jawab,tingkat\nIII.6.1,VI,Koordinasi,Rapat koordinasi,Jumlah rapat,kegiatan,per_tahun,4,Bappeda,provinsi\n",
).toString("base64");
const importRows = [{ row: 2, regionCode: "32.75", type: "perwali", number: "9/2018", issuedOn: "2018-01-05" }];
// Accounts at scale: a file of one account at the target task force, with the role that fits there.
const accountsFile = (target: TargetKey) => Buffer.from(`email,nama,jabatan,kode_wilayah,peran\nbulk-${target.toLowerCase()}@gugus.test,Akun Berkas,Staf,${TARGETS[target] ?? ""},${targetRole(target)}\n`).toString("base64");

/** The report period the matrix works on: 2026 (period IV), open for entry on the fixture's date. */
const REPORT_PERIOD = "2026";
/** A report of the target task force in a status, written straight to the fixture's database (submitted by the target's own account). */
function reportAt(fx: Fixture, target: TargetKey, status: "draft" | "submitted" | "approved"): number {
  const db = fx.handle.db;
  const tf = taskForceOf(TARGETS[target]);
  const rp = findPeriodByNumber(db, 4)!;
  const row = insertReport(db, { taskForceId: tf.id, periodId: rp.id, periodKey: REPORT_PERIOD, content: emptyReportContent(), completeness: 0, now: 1, userId: null })!;
  if (status !== "draft") {
    updateReportStatus(db, { id: row.id, version: 1, status: "submitted", now: 2, userId: fx.targetUserIds[target], submittedBy: fx.targetUserIds[target], firstSubmittedAt: 2, lastSubmittedAt: 2, onTime: true });
    if (status === "approved") updateReportStatus(db, { id: row.id, version: 2, status: "approved", now: 3, userId: null, approvedAt: 3 });
  }
  return row.id;
}
const reportVersionOf = (status: "draft" | "submitted" | "approved") => ({ draft: 1, submitted: 2, approved: 3 })[status];
const reason = "Angka korban belum sesuai data dinas";
// Regional action plans (RAD): period IV adopted this year, with a RAN item for provinces and one for regencies/cities.
function radSeed(fx: Fixture, target: TargetKey): { followsItemId: number } {
  const db = fx.handle.db;
  const period = findPeriodByNumber(db, 4)!;
  updatePeriod(db, { id: period.id, version: period.version, changes: { status: "adopted", instrument: "Perpres 1/2026", adoptedOn: "2026-02-01" }, now: 1 });
  const ranItem = (code: string, level: "province" | "regency") => insertActionItem(db, period.id, { ...FIXTURE_ITEM, code, level, targets: [{ year: 2026, value: 4 }], relatedAgencies: [] }, 1)!;
  const province = ranItem("IV.1.1", "province");
  const regency = ranItem("IV.1.2", "regency");
  return { followsItemId: targetPlace(target).level === "regency" ? regency : province };
}
const radItemOf = (followsItemId: number) => ({
  subTaskForce: "prevention",
  code: "RAD.1",
  programme: "Pencegahan di desa",
  activity: "Sosialisasi pencegahan di desa rawan",
  indicator: "Jumlah desa yang disosialisasi",
  unit: "count",
  targetMode: "per_year",
  targets: [{ year: 2026, value: 3 }],
  leadAgency: "DP3A",
  followsItemId,
});
/** A RAD item recorded straight at the target's task force (the national one included, which the procedures then refuse). */
function radItemAt(fx: Fixture, target: TargetKey) {
  const { followsItemId } = radSeed(fx, target);
  const taskForceId = taskForceOf(TARGETS[target]).id;
  const plan = ensureRadPlan(fx.handle.db, { taskForceId, periodId: findPeriodByNumber(fx.handle.db, 4)!.id, now: 1 });
  const id = insertRadItem(fx.handle.db, { planId: plan.id, item: { ...radItemOf(followsItemId), baseline: null, relatedAgencies: [] } as never, now: 1 })!;
  return { taskForceId, id, followsItemId };
}
// Announcements
const announcementIn = (fx: Fixture) =>
  insertAnnouncement(fx.handle.db, { titleId: "Pengumuman", titleEn: "Notice", bodyId: "Isi pengumuman.", bodyEn: "The notice.", provinceCode: null, showUntil: null, createdBy: null, now: 1 });
// Second factor: every fixture account gets a factor with one secret (confirmed or pending); the answer is its code now.
// With `given`, the fixture's sessions have given it (to change the factor, one first signs in with it).
const MATRIX_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
function everyoneHasFactor(fx: Fixture, confirmed: boolean, given = false): string {
  let code = "";
  for (const id of Object.values(fx.userIds)) code = giveSecondFactor(fx.handle, id, { confirmed, secret: MATRIX_SECRET }).codeAt();
  if (given) fx.handle.sqlite.prepare("UPDATE sessions SET mfa_verified_at = created_at WHERE mfa_verified_at IS NULL").run();
  return code;
}

const CASES: Record<ProcedurePath, Case> = {
  "auth.signIn": {
    writes: true,
    input: () => ({ email: "target-regency@gugus.test", password: FIXTURE_PASSWORD }),
    verify: (out: { email: string }) => expect(out.email).toBe("target-regency@gugus.test"),
  },
  // The fixture holds no demonstration data: every caller, signed in or not, is told so.
  "auth.instance": { writes: false, verify: (out: { syntheticData: boolean }) => expect(out).toEqual({ syntheticData: false }) },
  "auth.signOut": { writes: true },
  "auth.me": {
    writes: false,
    verify: (out: { id: number; syntheticData: boolean }, actor) => {
      expect(out.id).toBe(actor.userId);
      expect(out.syntheticData).toBe(false);
    },
  },
  "auth.changePassword": {
    writes: true,
    input: () => ({ currentPassword: FIXTURE_PASSWORD, newPassword: "sebuah kalimat sandi yang baru sekali" }),
  },
  "health.check": { writes: false },
  "hierarchy.tree": {
    writes: false,
    verify: (out: { level: TaskForcePlace["level"]; regionCode: string | null }[], actor) => {
      expect(out.every((t) => inScope(actor, t))).toBe(true);
      expect(out).toHaveLength(scopeSize(actor));
    },
  },
  "hierarchy.byId": {
    writes: false,
    input: (target) => ({ id: taskForceOf(TARGETS[target]).id }),
    verify: (out: { id: number; children: { level: TaskForcePlace["level"]; regionCode: string | null }[] }, actor, target) => {
      expect(out.id).toBe(taskForceOf(TARGETS[target]).id);
      expect(out.children.every((c) => inScope(actor, c))).toBe(true);
    },
  },
  "hierarchy.byRegion": {
    writes: false,
    input: (target) => ({ code: TARGETS[target] }),
    verify: (out: { regionCode: string | null }, _actor, target) => expect(out.regionCode).toBe(TARGETS[target]),
  },
  "hierarchy.counts": {
    writes: false,
    verify: (out: { nationalId: number | null; byLevel: Record<string, number>; byProvince: { regionCode: string }[] }, actor) => {
      expect(Object.values(out.byLevel).reduce((a, b) => a + b, 0)).toBe(scopeSize(actor));
      expect(out.byProvince.every((p) => inScope(actor, placeOfRegion(p.regionCode)))).toBe(true);
      expect(out.nationalId === null).toBe(actor.place.level !== "national");
    },
  },
  "hierarchy.search": {
    writes: false,
    input: (target) => ({ query: taskForceOf(TARGETS[target]).regionName?.split(" ").at(-1) ?? "Jawa", limit: 100 }),
    verify: (out: { level: TaskForcePlace["level"]; regionCode: string | null }[], actor) => expect(out.every((t) => inScope(actor, t))).toBe(true),
  },
  "hierarchy.coverage": {
    writes: false,
    input: () => ({ at: "2026-01-01" }),
    verify: (out: { byProvince: { provinceCode: string }[]; unformed: { regionCode: string | null; level: TaskForcePlace["level"] }[] }, actor) => {
      expect(out.byProvince.every((p) => inScope(actor, placeOfRegion(p.provinceCode)) || actor.place.level === "regency")).toBe(true);
      expect(out.unformed.every((u) => inScope(actor, u))).toBe(true);
    },
  },
  // Hierarchy files
  "hierarchy.exportXlsx": { writes: false, input: () => ({ at: "2026-01-01", language: "en" }), verify: (out: { fileName: string; contentBase64: string }) => expect(out.fileName).toBe("task-forces-2026-01-01.xlsx") },
  "hierarchy.exportCoverage": { writes: false, input: () => ({ at: "2026-01-01" }), verify: (out: { fileName: string; contentBase64: string }) => expect(out.contentBase64.length).toBeGreaterThan(0) },
  "hierarchy.successions": { writes: false },
  "hierarchy.restructure": {
    writes: true,
    input: () => ({ plan: { kind: "rename", effectiveDate: "2030-01-01", legalBasis: "PP 1/2029", code: "32.75", newName: "Kota Bekasi Raya" } }),
  },
  "profile.get": {
    writes: false,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id }),
    // The nation also holds the Perpres the seed records.
    verify: (out: { instruments: unknown[]; memberships: unknown[] }, _actor, target) => {
      expect(out.instruments).toHaveLength(target === "national" ? 1 + NATIONAL_INSTRUMENTS.filter((i) => i.issuedOn !== null).length : 1);
      expect(out.memberships).toHaveLength(1);
    },
  },
  "profile.createInstrument": {
    writes: true,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id, instrument: instrument(target, "2/2019") }),
  },
  "profile.updateInstrument": {
    writes: true,
    input: (target, fx) => ({ id: fx.targetInstrumentIds[target], version: 1, instrument: { ...instrument(target, `1/${target}/2016`), issuedOn: "2016-03-01", revokedOn: "2020-01-01" } }),
  },
  "profile.deleteInstrument": { writes: true, input: (target, fx) => ({ id: fx.targetInstrumentIds[target], version: 1 }) },
  "profile.createMembership": {
    writes: true,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id, membership }),
  },
  "profile.updateMembership": {
    writes: true,
    input: (target, fx) => ({
      id: fx.targetMembershipIds[target],
      version: 1,
      membership: { position: "secretary", office: "Kepala Bidang PPPA", agency: "DP3A", stakeholderType: "pemda_opd", validFrom: "2016-03-01", validTo: "2024-12-31" },
    }),
  },
  "profile.deleteMembership": { writes: true, input: (target, fx) => ({ id: fx.targetMembershipIds[target], version: 1 }) },
  "formationImport.parse": { writes: false, input: () => ({ fileName: "gt.csv", contentBase64: csv }) },
  "formationImport.check": { writes: false, input: () => ({ rows: importRows }) },
  "formationImport.commit": { writes: true, input: () => ({ fileName: "gt.csv", rows: importRows }) },
  "ran.periods": { writes: false },
  "ran.periodOfYear": { writes: false, input: () => ({ year: 2018 }) },
  "ran.atDate": { writes: false, input: () => ({ date: "2018-03-22" }) },
  "ran.period": { writes: false, input: () => ({ number: 3 }), verify: (out: { items: { code: string }[] }) => expect(out.items.map((i) => i.code)).toEqual(["III.1.1"]) },
  "ran.plan": {
    writes: false,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id, number: 3 }),
    // The fixture's only item is carried out by regencies/cities: only their plans list it.
    verify: (out: { items: { code: string }[] }, _a, target) => expect(out.items.length).toBe(targetPlace(target).level === "regency" ? 1 : 0),
  },
  "ran.createPeriod": { writes: true, input: () => ({ number: 5, firstYear: 2030, lastYear: 2034 }) },
  "ran.updatePeriod": { writes: true, input: () => ({ number: 4, version: 1, firstYear: 2025, lastYear: 2029, reportingCycle: "semester", dueDays: 15, expiryDays: 30 }) },
  "ran.adoptPeriod": { writes: true, input: () => ({ number: 4, version: 1, instrument: "Perpres 1/2026", adoptedOn: "2026-02-01" }) },
  "ran.correctAdoption": {
    writes: true,
    input: () => ({ number: 3, version: 1, instrument: "Perpres 19/2023", adoptedOn: "2023-02-23", firstYear: 2020, lastYear: 2024, reason: "Tanggal salah ketik saat penetapan" }),
  },
  "ran.withdrawAdoption": { writes: true, input: () => ({ number: 3, version: 1, reason: "Ditetapkan dengan instrumen yang salah" }) },
  "ran.deletePeriod": { writes: true, input: () => ({ number: 4, version: 1 }) },
  "ran.setCoordinators": { writes: true, input: () => ({ number: 3, version: 1, coordinators: [{ subTaskForce: "prevention", agency: "Kemendikdasmen" }] }) },
  "ran.createItem": { writes: true, input: () => ({ number: 3, item: { ...FIXTURE_ITEM, code: "III.1.2" } }) },
  "ran.updateItem": { writes: true, input: (_t, fx) => ({ id: fx.actionItemId, version: 1, item: { ...FIXTURE_ITEM, indicator: "Jumlah sekolah menengah" } }) },
  "ran.deleteItem": { writes: true, input: (_t, fx) => ({ id: fx.actionItemId, version: 1 }) },
  "ran.checkItemsFile": { writes: false, input: () => ({ number: 3, fileName: "rencana.csv", contentBase64: itemsCsv }) },
  "ran.importItems": { writes: true, input: () => ({ number: 3, fileName: "rencana.csv", contentBase64: itemsCsv }) },
  "ran.exportItems": { writes: false, input: () => ({ number: 3 }) },
  "reports.list": {
    writes: false,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id }),
    verify: (out: { taskForce: { id: number }; periods: { periodKey: string }[] }, _a, target) => {
      expect(out.taskForce.id).toBe(taskForceOf(TARGETS[target]).id);
      expect(out.periods.map((p) => p.periodKey)).toContain(REPORT_PERIOD);
    },
  },
  "reports.get": {
    writes: false,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id, periodKey: REPORT_PERIOD }),
    verify: (out: { report: unknown; period: { entryState: string } }) => {
      expect(out.report).toBeNull();
      expect(out.period.entryState).toBe("open");
    },
  },
  "reports.save": {
    writes: true,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id, periodKey: REPORT_PERIOD, baseVersion: 0, content: { coordination: { meetings: 3 } } }),
    verify: (out: { version: number }) => expect(out.version).toBe(1),
  },
  "reports.submit": {
    writes: true,
    input: (target, fx) => (reportAt(fx, target, "draft"), { taskForceId: taskForceOf(TARGETS[target]).id, periodKey: REPORT_PERIOD, version: 1 }),
    verify: (out: { status: string; onTime: boolean }) => expect(out).toMatchObject({ status: "submitted", onTime: true }),
  },
  "reports.approve": {
    writes: true,
    input: (target, fx) => ({ reportId: reportAt(fx, target, "submitted"), version: reportVersionOf("submitted") }),
    verify: (out: { status: string }) => expect(out.status).toBe("approved"),
  },
  "reports.return": {
    writes: true,
    input: (target, fx) => ({ reportId: reportAt(fx, target, "submitted"), version: reportVersionOf("submitted"), reason }),
    verify: (out: { status: string }) => expect(out.status).toBe("returned"),
  },
  "reports.reopen": {
    writes: true,
    input: (target, fx) => ({ reportId: reportAt(fx, target, "approved"), version: reportVersionOf("approved"), reason }),
    verify: (out: { status: string }) => expect(out.status).toBe("reopened"),
  },
  "reports.reviewQueue": {
    writes: false,
    input: () => ({ periodKey: REPORT_PERIOD }),
    verify: (out: { rows: { taskForce: { level: TaskForcePlace["level"]; regionCode: string | null } }[] }, actor) => {
      expect(out.rows.every((r) => inScope(actor, r.taskForce))).toBe(true);
      if (actor.place.level === "province") expect(out.rows.every((r) => r.taskForce.level === "regency")).toBe(true);
    },
  },
  "reports.rate": {
    writes: false,
    input: () => ({ periodKey: REPORT_PERIOD, countUnformed: true }),
    verify: (out: { overall: { expected: number } }, actor) => expect(out.overall.expected).toBeLessThanOrEqual(scopeSize(actor) + 10),
  },
  "reports.exceptions": { writes: false, input: () => ({}) },
  "reports.grantException": {
    writes: true,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id, periodKey: "2025", until: "2027-06-30", reason: "Banjir memutus jaringan kantor" }),
  },
  "reports.revokeException": {
    writes: true,
    input: (_t, fx) => ({
      id: insertException(fx.handle.db, { taskForceId: taskForceOf(TARGETS.regency).id, periodKey: "2025", until: "2027-06-30", reason: "Banjir memutus jaringan", now: 1, userId: null }),
    }),
  },
  "reports.exportXlsx": {
    writes: false,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id, periodKey: REPORT_PERIOD, language: "en" }),
    verify: (out: { fileName: string; contentBase64: string }) => expect(Buffer.from(out.contentBase64, "base64").subarray(0, 2).toString()).toBe("PK"),
  },
  "reports.exportPdf": {
    writes: false,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id, periodKey: REPORT_PERIOD }),
    verify: (out: { fileName: string; contentBase64: string }) => expect(Buffer.from(out.contentBase64, "base64").subarray(0, 4).toString()).toBe("%PDF"),
  },
  "evaluation.years": {
    writes: false,
    input: () => ({}),
    verify: (out: { years: { year: number }[]; defaultYear: number | null }) => {
      expect(out.years.map((y) => y.year)).toContain(2026);
      expect(out.defaultYear).toBe(2025);
    },
  },
  "evaluation.settings": {
    writes: false,
    input: () => ({ periodId: findPeriodByNumber(shared.handle.db, 4)!.id }),
    verify: (out: { version: number | null; frozen: boolean }) => expect(out).toMatchObject({ version: null, frozen: false }),
  },
  "evaluation.updateSettings": {
    writes: true,
    input: (_t, fx) => ({
      periodId: findPeriodByNumber(fx.handle.db, 4)!.id,
      version: null,
      settings: { ...DEFAULT_EVALUATION_SETTINGS, weights: { readiness: 0.25, commitment: 0.25, delivery: 0.25, discipline: 0.25 } },
    }),
    verify: (out: { version: number }) => expect(out.version).toBe(1),
  },
  "evaluation.publish": { writes: true, input: () => ({ year: 2025 }), verify: (out: { year: number }) => expect(out.year).toBe(2025) },
  "evaluation.overview": {
    writes: false,
    input: () => ({ year: 2026 }),
    verify: (out: { taskForces: { level: TaskForcePlace["level"]; regionCode: string | null }[] }, actor) => {
      expect(out.taskForces.every((t) => inScope(actor, t))).toBe(true);
      expect(out.taskForces).toHaveLength(scopeSize(actor));
    },
  },
  "evaluation.province": {
    writes: false,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id, year: 2026 }),
    verify: (out: { province: { id: number }; regencies: { level: string; provinceCode: string | null }[] }, _a, target) => {
      expect(out.province.id).toBe(taskForceOf(TARGETS[target]).id);
      expect(out.regencies.every((r) => r.level === "regency" && r.provinceCode === TARGETS[target])).toBe(true);
    },
  },
  "evaluation.scorecard": {
    writes: false,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id, year: 2026 }),
    verify: (out: { taskForce: { id: number }; score: { total: number | null } }, _a, target) => {
      expect(out.taskForce.id).toBe(taskForceOf(TARGETS[target]).id);
      // No report in the fixture: not rated, never 0.
      expect(out.score.total).toBeNull();
    },
  },
  "evaluation.trends": { writes: false, input: () => ({}), verify: (out: { years: { year: number }[] }) => expect(out.years.length).toBeGreaterThan(0) },
  "evaluation.exportXlsx": {
    writes: false,
    input: () => ({ year: 2026, language: "en" }),
    verify: (out: { fileName: string; contentBase64: string }) => expect(Buffer.from(out.contentBase64, "base64").subarray(0, 2).toString()).toBe("PK"),
  },
  "evaluation.exportPdf": {
    writes: false,
    input: () => ({ year: 2026, language: "en" }),
    verify: (out: { fileName: string; contentBase64: string }) => expect(Buffer.from(out.contentBase64, "base64").subarray(0, 4).toString()).toBe("%PDF"),
  },
  "notifications.list": { writes: false, verify: (out: { unread: number }) => expect(out.unread).toBeGreaterThanOrEqual(0) },
  "notifications.markRead": { writes: true, input: () => ({ keys: ["n:1"] }) },
  "accounts.list": {
    writes: false,
    input: () => ({ pageSize: 100 }),
    verify: (out: { rows: { taskForce: { id: number } }[]; total: number }, actor) => {
      if (actor.place.level !== "national") expect(out.rows.every((r) => r.taskForce.id === actor.taskForceId)).toBe(true);
      expect(out.total).toBe(out.rows.length);
      expect(out.rows.length).toBeGreaterThan(0);
    },
  },
  "accounts.get": {
    writes: false,
    input: (target, fx) => ({ id: fx.targetUserIds[target] }),
    verify: (out: { id: number }, _a, target, fx) => expect(out.id).toBe(fx.targetUserIds[target]),
  },
  "accounts.create": {
    writes: true,
    input: (target) => ({
      email: `new-${target.toLowerCase()}@gugus.test`,
      name: "Akun Baru",
      position: "Staf",
      taskForceId: taskForceOf(TARGETS[target]).id,
      role: targetRole(target),
    }),
    verify: (out: { oneTimePassword: string }) => expect(out.oneTimePassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/),
  },
  "accounts.update": {
    writes: true,
    input: (target, fx) => ({ id: fx.targetUserIds[target], version: 1, position: "Jabatan baru" }),
  },
  "accounts.setActive": {
    writes: true,
    input: (target, fx) => ({ id: fx.targetUserIds[target], version: 1, active: false }),
  },
  "accounts.resetPassword": {
    writes: true,
    input: (target, fx) => ({ id: fx.targetUserIds[target] }),
  },
  // Accounts at scale
  "accounts.exportXlsx": {
    writes: false,
    input: () => ({ language: "en" }),
    verify: (out: { fileName: string; contentBase64: string }) => expect(Buffer.from(out.contentBase64, "base64").subarray(0, 2).toString()).toBe("PK"),
  },
  "accounts.firstAdmins": {
    writes: false,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id }),
    verify: (out: { province: { regionCode: string }; regencies: { regionCode: string; hasActiveAdmin: boolean }[] }, _a, target) => {
      expect(out.province.regionCode).toBe(TARGETS[target]);
      expect(out.regencies.length).toBeGreaterThan(0);
      expect(out.regencies.every((r) => r.regionCode.startsWith(`${TARGETS[target]}.`))).toBe(true);
    },
  },
  "accountsBulk.check": {
    writes: false,
    input: (target) => ({ fileName: "akun.csv", contentBase64: accountsFile(target) }),
    // A row at a task force the uploader may not give accounts at has its problem; its own is clean.
    verify: (out: { failing: number; total: number }, actor, target) => {
      expect(out.total).toBe(1);
      expect(out.failing).toBe(actor.place.level === "national" || actor.taskForceId === taskForceOf(TARGETS[target]).id ? 0 : 1);
    },
  },
  "accountsBulk.commit": {
    writes: true,
    input: (target) => ({ fileName: "akun.csv", contentBase64: accountsFile(target), language: "en" }),
    verify: (out: { created: unknown[]; file: { contentBase64: string } }) => {
      expect(out.created).toHaveLength(1);
      expect(Buffer.from(out.file.contentBase64, "base64").subarray(0, 2).toString()).toBe("PK");
    },
  },
  "accountsBulk.setActive": {
    writes: true,
    input: (target, fx) => ({ accounts: [{ id: fx.targetUserIds[target], version: 1 }], active: false }),
  },
  "accountsBulk.resetPasswords": {
    writes: true,
    input: (target, fx) => ({ ids: [fx.targetUserIds[target]], language: "id" }),
  },
  "sessions.list": { writes: false, input: () => ({}) },
  "sessions.end": {
    writes: true,
    input: (_t, fx) => ({ sessionId: fx.handle.sqlite.prepare("SELECT id FROM sessions WHERE user_id = ?").pluck().get(fx.userIds.regencyMember) }),
  },
  "sessions.mine": {
    writes: false,
    verify: (out: { current: boolean }[]) => expect(out.map((s) => s.current)).toEqual([true]),
  },
  // Another account's session (the deactivated one's): never one's own, whoever asks.
  "sessions.endMine": {
    writes: true,
    input: (_t, fx) => ({ sessionId: fx.handle.sqlite.prepare("SELECT id FROM sessions WHERE user_id = ?").pluck().get(fx.userIds.deactivated) }),
  },
  "sessions.endOthers": { writes: true, verify: (out: { ended: number }) => expect(out.ended).toBe(0) },
  "audit.list": { writes: false, input: () => ({}) },
  "audit.actions": { writes: false },
  // Readable audit log
  "audit.actors": { writes: false },
  "audit.exportXlsx": { writes: false, input: () => ({ filters: { from: "2026-01-01", to: "2026-12-31" }, language: "id" }) },

  // Regional action plans (RAD)
  "rad.plan": {
    writes: false,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id }),
    verify: (out: { taskForce: { id: number }; editable: boolean }, _a, target) => {
      expect(out.taskForce.id).toBe(taskForceOf(TARGETS[target]).id);
      // Period IV is still a draft in the fixture: nothing can change.
      expect(out.editable).toBe(false);
    },
  },
  "rad.savePlan": {
    writes: true,
    input: (target, fx) => (radSeed(fx, target), { taskForceId: taskForceOf(TARGETS[target]).id, version: null, instrument: { type: target === "national" ? "pergub" : TARGET_INSTRUMENT_TYPE[target], number: "1/2026", adoptedOn: "2026-03-01" } }),
    verify: (out: { version: number }) => expect(out.version).toBe(1),
  },
  "rad.createItem": {
    writes: true,
    input: (target, fx) => ({ taskForceId: taskForceOf(TARGETS[target]).id, item: radItemOf(radSeed(fx, target).followsItemId) }),
    verify: (out: { code: string }) => expect(out.code).toBe("RAD.1"),
  },
  "rad.updateItem": {
    writes: true,
    input: (target, fx) => {
      const { taskForceId, id, followsItemId } = radItemAt(fx, target);
      return { taskForceId, id, version: 1, item: { ...radItemOf(followsItemId), indicator: "Jumlah desa sasaran" } };
    },
    verify: (out: { version: number }) => expect(out.version).toBe(2),
  },
  "rad.deleteItem": {
    writes: true,
    input: (target, fx) => {
      const { taskForceId, id } = radItemAt(fx, target);
      return { taskForceId, id, version: 1 };
    },
  },
  "rad.overview": {
    writes: false,
    input: () => ({ at: "2026-06-01" }),
    verify: (out: { rows: { level: TaskForcePlace["level"]; regionCode: string }[] }, actor) => expect(out.rows.every((r) => r.level !== "national" && inScope(actor, r))).toBe(true),
  },
  "rad.exportXlsx": {
    writes: false,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id, language: "en" }),
    verify: (out: { fileName: string; contentBase64: string }) => expect(Buffer.from(out.contentBase64, "base64").subarray(0, 2).toString()).toBe("PK"),
  },

  // Announcements: one to everyone is published first where the call needs one.
  "announcements.list": { writes: false },
  "announcements.create": { writes: true, input: () => ({ titleId: "Rapat koordinasi", titleEn: "Coordination meeting", bodyId: "Rapat pada 10 Desember.", bodyEn: "Meeting on 10 December.", provinceCode: "32" }) },
  "announcements.withdraw": { writes: true, input: (_target, fx) => ({ id: announcementIn(fx) }) },
  "announcements.mine": { writes: false, verify: (out: { unread: number; items: unknown[] }) => expect(out.unread).toBeLessThanOrEqual(out.items.length) },
  "announcements.markRead": { writes: true, input: (_target, fx) => ({ id: announcementIn(fx) }) },
  // Second factor
  "mfa.status": { writes: false, verify: (out: { required: boolean }, actor) => expect(out.required).toBe(mfaRequiredFor({ role: actor.role, level: actor.place.level })) },
  "mfa.beginEnrolment": {
    writes: true,
    verify: (out: { secret: string; otpauthUri: string; qrSvg: string }) => {
      expect(out.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(out.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
      expect(out.qrSvg).toMatch(/^<svg /);
    },
  },
  "mfa.confirmEnrolment": { writes: true, input: (_target, fx) => ({ code: everyoneHasFactor(fx, false) }), verify: (out: { recoveryCodes: string[] }) => expect(out.recoveryCodes).toHaveLength(10) },
  "mfa.verify": { writes: true, input: (_target, fx) => ({ code: everyoneHasFactor(fx, true) }) },
  "mfa.regenerateRecoveryCodes": { writes: true, input: (_target, fx) => ({ code: everyoneHasFactor(fx, true, true) }), verify: (out: { recoveryCodes: string[] }) => expect(out.recoveryCodes).toHaveLength(10) },
  "mfa.disable": { writes: true, input: (_target, fx) => ({ code: everyoneHasFactor(fx, true, true) }) },
  "mfa.reset": {
    writes: true,
    input: (target, fx) => {
      giveSecondFactor(fx.handle, fx.targetUserIds[target]);
      return { id: fx.targetUserIds[target] };
    },
  },
};

function expected(actorKey: ActorKey, path: ProcedurePath, target: TargetKey): Outcome {
  const { who, where } = EXPECTED[path];
  if (who === "anyone") return "ok";
  if (actorKey === "anonymous" || actorKey === "deactivated" || actorKey === "expiredSession") return "UNAUTHORIZED";
  // Second factor: an account whose role requires one cannot turn it off (a conflict, not a matter of scope).
  if (path === "mfa.disable" && (actorKey === "centralAdmin" || actorKey === "provinceAdmin")) return "CONFLICT" as Outcome;
  if (who !== "signed in" && !who.includes(WHO_OF_ROLE[ACTORS[actorKey].role])) return "FORBIDDEN";
  return cell(where, SEAT[actorKey], target);
}

/**
 * Everything a refused write must leave untouched. The audit log may grow, and the caller's own dead
 * session (deactivated account, expired) is removed when presented: neither is the target's data.
 */
function fingerprint(h: DatabaseHandle, callerId: number | null): string {
  const q = (sql: string, ...params: unknown[]) => JSON.stringify(h.sqlite.prepare(sql).raw().all(...params));
  return [
    q("SELECT * FROM users ORDER BY id"),
    q("SELECT id, user_id, token_hash FROM sessions WHERE user_id IS NOT ? ORDER BY id", callerId),
    q("SELECT * FROM task_forces ORDER BY id"),
    q("SELECT * FROM task_force_regions ORDER BY id"),
    q("SELECT * FROM successions ORDER BY id"),
    q("SELECT * FROM instruments ORDER BY id"),
    q("SELECT * FROM memberships ORDER BY id"),
    q("SELECT * FROM ran_periods ORDER BY id"),
    q("SELECT * FROM period_coordinators ORDER BY period_id, sub_task_force"),
    q("SELECT * FROM action_items ORDER BY id"),
    q("SELECT * FROM action_item_targets ORDER BY item_id, year"),
    q("SELECT * FROM reports ORDER BY id"),
    q("SELECT * FROM report_versions ORDER BY id"),
    q("SELECT * FROM report_events ORDER BY id"),
    q("SELECT * FROM report_exceptions ORDER BY id"),
    q("SELECT * FROM notifications ORDER BY id"),
    q("SELECT * FROM notification_reads ORDER BY user_id, key"),
    q("SELECT * FROM evaluation_settings ORDER BY period_id"),
    q("SELECT * FROM evaluation_publications ORDER BY year"),
    // Regional action plans (RAD)
    q("SELECT * FROM rad_plans ORDER BY id"),
    q("SELECT * FROM rad_items ORDER BY id"),
    q("SELECT * FROM rad_item_targets ORDER BY item_id, year"),
    // Announcements
    q("SELECT * FROM announcements ORDER BY id"),
    q("SELECT * FROM announcement_reads ORDER BY announcement_id, user_id"),
    // Second factor
    q("SELECT * FROM mfa_factors ORDER BY user_id"),
    q("SELECT * FROM recovery_codes ORDER BY id"),
  ].join("|");
}

async function call(fx: Fixture, actor: ActorKey, path: ProcedurePath, input: unknown): Promise<{ outcome: string; output?: unknown }> {
  const caller = fx.callerAs(actor) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  const [group, name] = path.split(".") as [string, string];
  try {
    return { outcome: "ok", output: await caller[group]![name]!(input) };
  } catch (error) {
    if (error instanceof TRPCError) return { outcome: error.code };
    throw error;
  }
}

const ACTOR_KEYS = [...(Object.keys(ACTORS) as ActorKey[]), "anonymous" as const];
const TARGET_KEYS = Object.keys(TARGETS) as TargetKey[];

describe("the policy table", () => {
  it("names every procedure of the app router, and nothing else", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(POLICY).sort()).toEqual(procedures);
    expect(Object.keys(CASES).sort()).toEqual(procedures);
    expect(Object.keys(EXPECTED).sort()).toEqual(procedures);
  });

  it.each(Object.keys(EXPECTED) as ProcedurePath[])("lets exactly the roles the rules name call %s, scoped as they say", (path) => {
    expect(whoPolicyAllows(path)).toEqual(EXPECTED[path].who);
    expect((POLICY as Record<ProcedurePath, Rule>)[path].scope).toBe(EXPECTED[path].scope);
  });

  it("leaves only signing in, and whether the instance holds synthetic data, public", () => {
    expect(Object.entries(POLICY).filter(([, r]) => r.access === "public").map(([p]) => p)).toEqual(["auth.signIn", "auth.instance"]);
  });
});

describe.each(Object.keys(POLICY) as ProcedurePath[])("%s", (path) => {
  const c = CASES[path];
  it.each(ACTOR_KEYS)("as %s, against every target", async (actorKey) => {
    for (const target of TARGET_KEYS) {
      const fx = c.writes ? factory.fresh() : shared;
      const callerId = actorKey === "anonymous" ? null : fx.userIds[actorKey];
      const input = c.input?.(target, fx);
      const before = c.writes ? fingerprint(fx.handle, callerId) : "";
      const want = expected(actorKey, path, target);
      const { outcome, output } = await call(fx, actorKey, path, input);
      expect(outcome, `${actorKey} → ${path} @ ${target}`).toBe(want);
      if (outcome === "ok") {
        const actor = actorInfo(actorKey);
        if (c.verify && actor) c.verify(output as never, actor, target, fx);
      } else {
        expect(output).toBeUndefined();
        if (c.writes) expect(fingerprint(fx.handle, callerId), `${actorKey} → ${path} @ ${target} wrote despite ${outcome}`).toBe(before);
      }
      if (c.writes) fx.close();
    }
  });
});
