/**
 * The authorization matrix: every procedure of the app router × every kind of actor × six target
 * task forces, each answer checked against the policy table and the domain's scope rule. A procedure
 * missing from POLICY fails the run. Writes run on a fresh copy of the database per cell, and a
 * refused write must leave the data exactly as it was.
 */
import { listTaskForces } from "@gugus/db";
import type { DatabaseHandle } from "@gugus/db";
import { canSeeAccount, checkAccountManagement, checkProfileManagement, hasCapability, isWithin, mayActOnAccountWithRole } from "@gugus/domain";
import type { Role, TaskForcePlace } from "@gugus/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, it } from "vitest";
import { POLICY } from "./policy.ts";
import type { ProcedurePath } from "./policy.ts";
import { appRouter } from "./root.ts";
import { ACTORS, FIXTURE_ITEM, FIXTURE_PASSWORD, TARGETS, TARGET_INSTRUMENT_TYPE, fixtureFactory } from "./test-helpers.ts";
import type { ActorKey, Fixture, TargetKey } from "./test-helpers.ts";

type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";
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

/** Regional admins see their own task force's accounts; central roles see all (the domain's rule). */
function accountVisible(actor: ActorInfo, target: TargetKey): boolean {
  return canSeeAccount(actor, { taskForceId: taskForceOf(TARGETS[target]).id });
}

function manageOutcome(actor: ActorInfo, target: TargetKey, role: Role): Outcome {
  const tf = taskForceOf(TARGETS[target]);
  const verdict = checkAccountManagement(actor, { taskForceId: tf.id, place: targetPlace(target), role });
  return verdict === "ok" ? "ok" : verdict === "NOT_FOUND" ? "NOT_FOUND" : "FORBIDDEN";
}

const targetRole = (target: TargetKey): Role => (target === "national" ? "central_viewer" : "regional_member");

type Case = {
  writes: boolean;
  input?: (target: TargetKey, fx: Fixture) => unknown;
  /** The answer for an active, signed-in actor whose role the policy allows. */
  expect: (actor: ActorInfo, target: TargetKey) => Outcome;
  /** Checks an allowed answer holds nothing outside the actor's scope. */
  verify?: (output: never, actor: ActorInfo, target: TargetKey, fx: Fixture) => void;
};

const ok = () => "ok" as const;
const taskForceOutcome = (actor: ActorInfo, target: TargetKey): Outcome => (inScope(actor, targetPlace(target)) ? "ok" : "NOT_FOUND");
const accountOutcome = (actor: ActorInfo, target: TargetKey): Outcome => (accountVisible(actor, target) ? "ok" : "NOT_FOUND");
const manageExisting = (actor: ActorInfo, target: TargetKey): Outcome =>
  accountVisible(actor, target) ? manageOutcome(actor, target, targetRole(target)) : "NOT_FOUND";
const resetOutcome = (actor: ActorInfo, target: TargetKey): Outcome => {
  const manage = manageExisting(actor, target);
  return manage === "ok" && !mayActOnAccountWithRole(actor, targetRole(target)) ? "FORBIDDEN" : manage;
};
const profileOutcome = (actor: ActorInfo, target: TargetKey): Outcome => {
  const verdict = checkProfileManagement(actor, { taskForceId: taskForceOf(TARGETS[target]).id, place: targetPlace(target) });
  return verdict === "ok" ? "ok" : verdict;
};
const instrument = (target: TargetKey, number: string) => ({ type: TARGET_INSTRUMENT_TYPE[target], number, issuedOn: "2019-05-01", issuer: "Kepala Daerah" });
const membership = { position: "member", office: "Kepala Seksi", agency: "Polres", stakeholderType: "vertical", validFrom: "2020-01-01" };
const csv = Buffer.from("kode_wilayah,jenis,nomor,tanggal\n32.75,perwali,9/2018,2018-01-05\n").toString("base64");
const itemsCsv = Buffer.from(
  "kode,sub_gugus_tugas,program,kegiatan,indikator,satuan,mode_target,target_2020,penanggung_jawab,tingkat\nIII.6.1,VI,Koordinasi,Rapat koordinasi,Jumlah rapat,kegiatan,per_tahun,4,Bappeda,provinsi\n",
).toString("base64");
const importRows = [{ row: 2, regionCode: "32.75", type: "perwali", number: "9/2018", issuedOn: "2018-01-05" }];

const CASES: Record<ProcedurePath, Case> = {
  "auth.signIn": {
    writes: true,
    input: () => ({ email: "target-regency@gugus.test", password: FIXTURE_PASSWORD }),
    expect: ok,
    verify: (out: { email: string }) => expect(out.email).toBe("target-regency@gugus.test"),
  },
  "auth.signOut": { writes: true, expect: ok },
  "auth.me": { writes: false, expect: ok, verify: (out: { id: number }, actor) => expect(out.id).toBe(actor.userId) },
  "auth.changePassword": {
    writes: true,
    input: () => ({ currentPassword: FIXTURE_PASSWORD, newPassword: "sebuah kalimat sandi yang baru sekali" }),
    expect: ok,
  },
  "health.check": { writes: false, expect: ok },
  "hierarchy.tree": {
    writes: false,
    expect: ok,
    verify: (out: { level: TaskForcePlace["level"]; regionCode: string | null }[], actor) => {
      expect(out.every((t) => inScope(actor, t))).toBe(true);
      expect(out).toHaveLength(scopeSize(actor));
    },
  },
  "hierarchy.byId": {
    writes: false,
    input: (target) => ({ id: taskForceOf(TARGETS[target]).id }),
    expect: taskForceOutcome,
    verify: (out: { id: number; children: { level: TaskForcePlace["level"]; regionCode: string | null }[] }, actor, target) => {
      expect(out.id).toBe(taskForceOf(TARGETS[target]).id);
      expect(out.children.every((c) => inScope(actor, c))).toBe(true);
    },
  },
  "hierarchy.byRegion": {
    writes: false,
    input: (target) => ({ code: TARGETS[target] }),
    expect: taskForceOutcome,
    verify: (out: { regionCode: string | null }, _actor, target) => expect(out.regionCode).toBe(TARGETS[target]),
  },
  "hierarchy.counts": {
    writes: false,
    expect: ok,
    verify: (out: { nationalId: number | null; byLevel: Record<string, number>; byProvince: { regionCode: string }[] }, actor) => {
      expect(Object.values(out.byLevel).reduce((a, b) => a + b, 0)).toBe(scopeSize(actor));
      expect(out.byProvince.every((p) => inScope(actor, placeOfRegion(p.regionCode)))).toBe(true);
      expect(out.nationalId === null).toBe(actor.place.level !== "national");
    },
  },
  "hierarchy.search": {
    writes: false,
    input: (target) => ({ query: taskForceOf(TARGETS[target]).regionName?.split(" ").at(-1) ?? "Jawa", limit: 100 }),
    expect: ok,
    verify: (out: { level: TaskForcePlace["level"]; regionCode: string | null }[], actor) => expect(out.every((t) => inScope(actor, t))).toBe(true),
  },
  "hierarchy.coverage": {
    writes: false,
    input: () => ({ at: "2026-01-01" }),
    expect: ok,
    verify: (out: { byProvince: { provinceCode: string }[]; unformed: { regionCode: string | null; level: TaskForcePlace["level"] }[] }, actor) => {
      expect(out.byProvince.every((p) => inScope(actor, placeOfRegion(p.provinceCode)) || actor.place.level === "regency")).toBe(true);
      expect(out.unformed.every((u) => inScope(actor, u))).toBe(true);
    },
  },
  "hierarchy.successions": { writes: false, expect: ok },
  "hierarchy.restructure": {
    writes: true,
    input: () => ({ plan: { kind: "rename", effectiveDate: "2030-01-01", legalBasis: "PP 1/2029", code: "32.75", newName: "Kota Bekasi Raya" } }),
    expect: ok,
  },
  "profile.get": {
    writes: false,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id }),
    expect: taskForceOutcome,
    verify: (out: { instruments: unknown[]; memberships: unknown[] }) => {
      expect(out.instruments).toHaveLength(1);
      expect(out.memberships).toHaveLength(1);
    },
  },
  "profile.createInstrument": {
    writes: true,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id, instrument: instrument(target, "2/2019") }),
    expect: profileOutcome,
  },
  "profile.updateInstrument": {
    writes: true,
    input: (target, fx) => ({ id: fx.targetInstrumentIds[target], version: 1, instrument: { ...instrument(target, `1/${target}/2016`), issuedOn: "2016-03-01", revokedOn: "2020-01-01" } }),
    expect: profileOutcome,
  },
  "profile.deleteInstrument": { writes: true, input: (target, fx) => ({ id: fx.targetInstrumentIds[target], version: 1 }), expect: profileOutcome },
  "profile.createMembership": {
    writes: true,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id, membership }),
    expect: profileOutcome,
  },
  "profile.updateMembership": {
    writes: true,
    input: (target, fx) => ({
      id: fx.targetMembershipIds[target],
      version: 1,
      membership: { position: "secretary", office: "Kepala Bidang PPPA", agency: "DP3A", stakeholderType: "pemda_opd", validFrom: "2016-03-01", validTo: "2024-12-31" },
    }),
    expect: profileOutcome,
  },
  "profile.deleteMembership": { writes: true, input: (target, fx) => ({ id: fx.targetMembershipIds[target], version: 1 }), expect: profileOutcome },
  "formationImport.parse": { writes: false, input: () => ({ fileName: "gt.csv", contentBase64: csv }), expect: ok },
  "formationImport.check": { writes: false, input: () => ({ rows: importRows }), expect: ok },
  "formationImport.commit": { writes: true, input: () => ({ fileName: "gt.csv", rows: importRows }), expect: ok },
  "ran.periods": { writes: false, expect: ok },
  "ran.periodOfYear": { writes: false, input: () => ({ year: 2018 }), expect: ok },
  "ran.atDate": { writes: false, input: () => ({ date: "2018-03-22" }), expect: ok },
  "ran.period": { writes: false, input: () => ({ number: 3 }), expect: ok, verify: (out: { items: { code: string }[] }) => expect(out.items.map((i) => i.code)).toEqual(["III.1.1"]) },
  "ran.plan": {
    writes: false,
    input: (target) => ({ taskForceId: taskForceOf(TARGETS[target]).id, number: 3 }),
    expect: taskForceOutcome,
    // The fixture's only item is carried out by regencies/cities: only their plans list it.
    verify: (out: { items: { code: string }[] }, _a, target) => expect(out.items.length).toBe(targetPlace(target).level === "regency" ? 1 : 0),
  },
  "ran.createPeriod": { writes: true, input: () => ({ number: 5, firstYear: 2030, lastYear: 2034 }), expect: ok },
  "ran.updatePeriod": { writes: true, input: () => ({ number: 4, version: 1, firstYear: 2025, lastYear: 2029, reportingCycle: "semester", dueDays: 15, expiryDays: 30 }), expect: ok },
  "ran.adoptPeriod": { writes: true, input: () => ({ number: 4, version: 1, instrument: "Perpres 1/2026", adoptedOn: "2026-02-01" }), expect: ok },
  "ran.correctAdoption": {
    writes: true,
    input: () => ({ number: 3, version: 1, instrument: "Perpres 19/2023", adoptedOn: "2023-02-23", firstYear: 2020, lastYear: 2024, reason: "Tanggal salah ketik saat penetapan" }),
    expect: ok,
  },
  "ran.withdrawAdoption": { writes: true, input: () => ({ number: 3, version: 1, reason: "Ditetapkan dengan instrumen yang salah" }), expect: ok },
  "ran.deletePeriod": { writes: true, input: () => ({ number: 4, version: 1 }), expect: ok },
  "ran.setCoordinators": { writes: true, input: () => ({ number: 3, version: 1, coordinators: [{ subTaskForce: "prevention", agency: "Kemendikdasmen" }] }), expect: ok },
  "ran.createItem": { writes: true, input: () => ({ number: 3, item: { ...FIXTURE_ITEM, code: "III.1.2" } }), expect: ok },
  "ran.updateItem": { writes: true, input: (_t, fx) => ({ id: fx.actionItemId, version: 1, item: { ...FIXTURE_ITEM, indicator: "Jumlah sekolah menengah" } }), expect: ok },
  "ran.deleteItem": { writes: true, input: (_t, fx) => ({ id: fx.actionItemId, version: 1 }), expect: ok },
  "ran.checkItemsFile": { writes: false, input: () => ({ number: 3, fileName: "rencana.csv", contentBase64: itemsCsv }), expect: ok },
  "ran.importItems": { writes: true, input: () => ({ number: 3, fileName: "rencana.csv", contentBase64: itemsCsv }), expect: ok },
  "ran.exportItems": { writes: false, input: () => ({ number: 3 }), expect: ok },
  "accounts.list": {
    writes: false,
    input: () => ({ pageSize: 100 }),
    expect: ok,
    verify: (out: { rows: { taskForce: { id: number } }[]; total: number }, actor) => {
      if (actor.place.level !== "national") expect(out.rows.every((r) => r.taskForce.id === actor.taskForceId)).toBe(true);
      expect(out.total).toBe(out.rows.length);
      expect(out.rows.length).toBeGreaterThan(0);
    },
  },
  "accounts.get": {
    writes: false,
    input: (target, fx) => ({ id: fx.targetUserIds[target] }),
    expect: accountOutcome,
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
    expect: (actor, target) => (inScope(actor, targetPlace(target)) ? manageOutcome(actor, target, targetRole(target)) : "NOT_FOUND"),
    verify: (out: { oneTimePassword: string }) => expect(out.oneTimePassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/),
  },
  "accounts.update": {
    writes: true,
    input: (target, fx) => ({ id: fx.targetUserIds[target], version: 1, position: "Jabatan baru" }),
    expect: manageExisting,
  },
  "accounts.setActive": {
    writes: true,
    input: (target, fx) => ({ id: fx.targetUserIds[target], version: 1, active: false }),
    expect: manageExisting,
  },
  "accounts.resetPassword": {
    writes: true,
    input: (target, fx) => ({ id: fx.targetUserIds[target] }),
    expect: resetOutcome,
  },
  "sessions.list": { writes: false, input: () => ({}), expect: ok },
  "sessions.end": {
    writes: true,
    input: (_t, fx) => ({ sessionId: fx.handle.sqlite.prepare("SELECT id FROM sessions WHERE user_id = ?").pluck().get(fx.userIds.regencyMember) }),
    expect: ok,
  },
  "sessions.mine": {
    writes: false,
    expect: ok,
    verify: (out: { current: boolean }[]) => expect(out.map((s) => s.current)).toEqual([true]),
  },
  // Another account's session (the deactivated one's): never one's own, whoever asks.
  "sessions.endMine": {
    writes: true,
    input: (_t, fx) => ({ sessionId: fx.handle.sqlite.prepare("SELECT id FROM sessions WHERE user_id = ?").pluck().get(fx.userIds.deactivated) }),
    expect: () => "NOT_FOUND",
  },
  "sessions.endOthers": { writes: true, expect: ok, verify: (out: { ended: number }) => expect(out.ended).toBe(0) },
  "audit.list": { writes: false, input: () => ({}), expect: ok },
  "audit.actions": { writes: false, expect: ok },
};

function expected(actorKey: ActorKey, path: ProcedurePath, target: TargetKey): Outcome {
  const rule = POLICY[path];
  const actor = actorInfo(actorKey);
  if (rule.access === "public") return "ok";
  if (!actor || actorKey === "deactivated" || actorKey === "expiredSession") return "UNAUTHORIZED";
  if (rule.access !== "signed-in" && !hasCapability(actor.role, rule.access)) return "FORBIDDEN";
  return CASES[path].expect(actor, target);
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
  });

  it("leaves only signing in public", () => {
    expect(Object.entries(POLICY).filter(([, r]) => r.access === "public").map(([p]) => p)).toEqual(["auth.signIn"]);
  });
});

describe.each(Object.keys(POLICY) as ProcedurePath[])("%s", (path) => {
  const c = CASES[path];
  it.each(ACTOR_KEYS)("as %s, against every target", async (actorKey) => {
    for (const target of TARGET_KEYS) {
      const fx = c.writes ? factory.fresh() : shared;
      const callerId = actorKey === "anonymous" ? null : fx.userIds[actorKey];
      const before = c.writes ? fingerprint(fx.handle, callerId) : "";
      const want = expected(actorKey, path, target);
      const { outcome, output } = await call(fx, actorKey, path, c.input?.(target, fx));
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
