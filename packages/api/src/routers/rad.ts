/**
 * Regional action plans (RAD): a province's or regency's/city's own plan for the RAN period in
 * force, its adopting instrument and its items, each following a RAN item of the task force's
 * level. Read by the task force and those above it; changed at the task force itself (and by a
 * central admin), only while the period is the current one.
 */
import {
  deleteRadItem,
  ensureRadPlan,
  findActionItem,
  findRadItem,
  findRadPlan,
  findRadPlanById,
  insertRadItem,
  insertRadPlan,
  listActionItems,
  listRadItems,
  listRadOverview,
  listRanPeriods,
  updateRadItem,
  updateRadPlan,
} from "@gugus/db";
import type { RadItemRow, RadPlanRow, RanPeriodRow, TaskForceRow } from "@gugus/db";
import {
  DomainError,
  IsoDateSchema,
  PeriodNumberSchema,
  RadItemSchema,
  RadPlanInstrumentSchema,
  TaskForceIdSchema,
  VersionSchema,
  assertNoRadProblem,
  assertRadLevel,
  assertRadPeriodOpen,
  checkProfileManagement,
  checkRadInstrument,
  checkRadItem,
  currentPeriod,
  isRadPeriodOpen,
  radInstrumentTypesFor,
  timeZoneOf,
  toRoman,
} from "@gugus/domain";
import type { RadItem } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../audit.ts";
import { scopeOf, todayOf } from "../clock.ts";
import type { Context, SignedInUser } from "../context.ts";
import { radFileName, writeRadWorkbook } from "../export/rad-workbook.ts";
import { getTargetTaskForce } from "../scope.ts";
import { signedInProcedure } from "../trpc.ts";
import { getManageableTaskForce } from "./profile/shared.ts";

type Ctx = Context & { user: SignedInUser };

const ItemIdSchema = z.number({ error: "RAD_ITEM_NOT_FOUND" }).int({ error: "RAD_ITEM_NOT_FOUND" }).positive({ error: "RAD_ITEM_NOT_FOUND" });

/** Today where the task force is. */
const localToday = (ctx: Ctx, tf: TaskForceRow) => todayOf(ctx, tf.regionCode);

/** The period a plan is read for: the one asked for, else the one containing today (undefined: none). */
function periodFor(ctx: Ctx, tf: TaskForceRow, number: number | undefined): RanPeriodRow | undefined {
  const periods = listRanPeriods(ctx.db);
  if (number === undefined) return currentPeriod(periods, localToday(ctx, tf));
  const period = periods.find((p) => p.number === number);
  if (!period) throw new DomainError("PERIOD_NOT_FOUND", { number });
  return period;
}

/** The period whose RAD may change today: the current one, adopted; `RAD_PERIOD_CLOSED` otherwise. */
function openPeriod(ctx: Ctx, tf: TaskForceRow): RanPeriodRow {
  const today = localToday(ctx, tf);
  const period = currentPeriod(listRanPeriods(ctx.db), today);
  if (!period) throw new DomainError("RAD_PERIOD_CLOSED");
  assertRadPeriodOpen(period, today);
  return period;
}

/** The call's task force if the caller may change its RAD: a province or regency, its own (or any, for a central admin). */
function getWritableTaskForce(ctx: Ctx): TaskForceRow {
  const tf = getManageableTaskForce(ctx);
  assertRadLevel(tf.level);
  return tf;
}

/** The item named by the input, within the call's task force's plan for the open period; `RAD_ITEM_NOT_FOUND` / `RAD_PERIOD_CLOSED` otherwise. */
function getOwnItem(ctx: Ctx, tf: TaskForceRow, id: number): { item: RadItemRow; plan: RadPlanRow; period: RanPeriodRow } {
  const item = findRadItem(ctx.db, id);
  const plan = item ? findRadPlanById(ctx.db, item.planId) : undefined;
  if (!item || !plan || plan.taskForceId !== tf.id) throw new DomainError("RAD_ITEM_NOT_FOUND");
  const period = listRanPeriods(ctx.db).find((p) => p.id === plan.periodId)!;
  assertRadPeriodOpen(period, localToday(ctx, tf));
  return { item, plan, period };
}

/** An item's rules against the plan's period and the plan's other items; the first problem is thrown. */
function assertItemValid(ctx: Ctx, { tf, period, item, planId, exceptId }: { tf: TaskForceRow; period: RanPeriodRow; item: RadItem; planId: number | null; exceptId?: number }) {
  const followed = findActionItem(ctx.db, item.followsItemId);
  const otherCodes = planId === null ? [] : listRadItems(ctx.db, planId).filter((i) => i.id !== exceptId).map((i) => i.code);
  assertNoRadProblem(checkRadItem(item, { followed, level: tf.level, period, otherCodes }));
}

/** What the audit log keeps of an item: its code, the RAN item it follows, unit and targets ("2026:5, 2027:8"). */
function itemSummary(item: Pick<RadItemRow, "code" | "followsItemId" | "subTaskForce" | "unit" | "targetMode" | "targets">): Record<string, string | number> {
  return { code: item.code, followsItemId: item.followsItemId, subTaskForce: item.subTaskForce, unit: item.unit, targetMode: item.targetMode, targets: item.targets.map((t) => `${t.year}:${t.value}`).join(", ") };
}

/** The instrument's fields that changed, as `field.before` / `field.after` pairs (a first record: before all null). */
function instrumentChanges(before: RadPlanRow["instrument"], after: RadPlanRow["instrument"]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const key of ["type", "number", "adoptedOn", "documentRef"] as const) {
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (a !== b) Object.assign(out, { [`${key}.before`]: a, [`${key}.after`]: b });
  }
  return out;
}

const toPlan = (plan: RadPlanRow | undefined) => (plan ? { id: plan.id, version: plan.version, instrument: plan.instrument } : null);
const toItem = (i: RadItemRow) => ({ ...i });

function periodRef(p: RanPeriodRow) {
  return { number: p.number, numeral: toRoman(p.number), firstYear: p.firstYear, lastYear: p.lastYear, status: p.status, instrument: p.instrument, adoptedOn: p.adoptedOn };
}

function taskForceName(tf: Pick<TaskForceRow, "level" | "regionName" | "regionCode">, language: "id" | "en"): string {
  const name = tf.regionName ?? tf.regionCode ?? "";
  if (tf.level === "province") return language === "id" ? `GT Provinsi ${name}` : `${name} Province task force`;
  return language === "id" ? `GT ${name}` : `${name} task force`;
}

const PlanInput = z.object({ taskForceId: TaskForceIdSchema, periodNumber: PeriodNumberSchema.optional() }).strict();

export const radRouter = {
  /**
   * A task force's RAD for a period (default: the one in force): its instrument, items with targets,
   * the RAN items it may follow (its level's, of that period) and whether the caller may change it now.
   */
  plan: signedInProcedure.input(PlanInput).query(({ ctx, input }) => {
    const tf = getTargetTaskForce(ctx);
    assertRadLevel(tf.level);
    const period = periodFor(ctx, tf, input.periodNumber);
    const periods = listRanPeriods(ctx.db).map(periodRef);
    const base = {
      taskForce: { id: tf.id, regionName: tf.regionName, level: tf.level, regionCode: tf.regionCode, kind: tf.kind, parentId: tf.parentId, zone: timeZoneOf(tf.regionCode).abbreviation },
      periods,
      instrumentTypes: radInstrumentTypesFor(tf.level, tf.kind),
    };
    if (!period) return { ...base, period: null, open: false, editable: false, plan: null, items: [], followable: [] };
    const plan = findRadPlan(ctx.db, { taskForceId: tf.id, periodId: period.id });
    const open = isRadPeriodOpen(period, localToday(ctx, tf));
    const mayManage = checkProfileManagement(ctx.user.actor, { taskForceId: tf.id, place: { level: tf.level, regionCode: tf.regionCode } }) === "ok";
    return {
      ...base,
      period: periodRef(period),
      open,
      editable: open && mayManage,
      plan: toPlan(plan),
      items: plan ? listRadItems(ctx.db, plan.id).map(toItem) : [],
      followable: listActionItems(ctx.db, { periodId: period.id, level: tf.level }).map((i) => ({
        id: i.id,
        code: i.code,
        subTaskForce: i.subTaskForce,
        programme: i.programme,
        activity: i.activity,
        indicator: i.indicator,
        unit: i.unit,
        targetMode: i.targetMode,
        targets: i.targets,
      })),
    };
  }),

  /** Records (or corrects) the instrument that adopted the task force's RAD for the period in force, from the version read (null: no plan yet). */
  savePlan: signedInProcedure
    .input(z.object({ taskForceId: TaskForceIdSchema, version: VersionSchema.nullable(), instrument: RadPlanInstrumentSchema }).strict())
    .mutation(({ ctx, input }) => {
      const tf = getWritableTaskForce(ctx);
      return inTransaction(ctx, (tx) => {
        const period = openPeriod(tx, tf);
        assertNoRadProblem(checkRadInstrument(input.instrument, { level: tf.level, kind: tf.kind, period, today: localToday(tx, tf) }));
        const before = findRadPlan(tx.db, { taskForceId: tf.id, periodId: period.id });
        const now = ctx.now().getTime();
        if (input.version === null) {
          if (before || insertRadPlan(tx.db, { taskForceId: tf.id, periodId: period.id, instrument: input.instrument, now }) === undefined) throw new DomainError("STALE_VERSION");
        } else if (!before || !updateRadPlan(tx.db, { id: before.id, version: input.version, instrument: input.instrument, now })) {
          throw new DomainError("STALE_VERSION");
        }
        const after = findRadPlan(tx.db, { taskForceId: tf.id, periodId: period.id })!;
        audit(tx, {
          action: "rad.plan_save",
          outcome: "success",
          targetType: "task_force",
          targetId: tf.id,
          details: { period: period.number, planId: after.id, ...instrumentChanges(before?.instrument ?? null, after.instrument) },
        });
        return toPlan(after)!;
      });
    }),

  /** Adds an item to the task force's RAD for the period in force (a draft plan is started if there is none). */
  createItem: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema, item: RadItemSchema }).strict()).mutation(({ ctx, input }) => {
    const tf = getWritableTaskForce(ctx);
    const id = inTransaction(ctx, (tx) => {
      const period = openPeriod(tx, tf);
      const existing = findRadPlan(tx.db, { taskForceId: tf.id, periodId: period.id });
      assertItemValid(tx, { tf, period, item: input.item, planId: existing?.id ?? null });
      const plan = existing ?? ensureRadPlan(tx.db, { taskForceId: tf.id, periodId: period.id, now: ctx.now().getTime() });
      const created = insertRadItem(tx.db, { planId: plan.id, item: input.item, now: ctx.now().getTime() });
      if (created === undefined) throw new DomainError("RAD_ITEM_CODE_TAKEN", { code: input.item.code });
      audit(tx, { action: "rad.item_create", outcome: "success", targetType: "task_force", targetId: tf.id, details: { period: period.number, itemId: created, ...itemSummary(input.item) } });
      return created;
    });
    return toItem(findRadItem(ctx.db, id)!);
  }),

  /** Changes an item of the task force's RAD, from the version read. */
  updateItem: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema, id: ItemIdSchema, version: VersionSchema, item: RadItemSchema }).strict()).mutation(({ ctx, input }) => {
    const tf = getWritableTaskForce(ctx);
    inTransaction(ctx, (tx) => {
      const { item: before, plan, period } = getOwnItem(tx, tf, input.id);
      assertItemValid(tx, { tf, period, item: input.item, planId: plan.id, exceptId: before.id });
      let ok: boolean;
      try {
        ok = updateRadItem(tx.db, { id: before.id, version: input.version, item: input.item, now: ctx.now().getTime() });
      } catch (error) {
        if (error instanceof Error && /UNIQUE/.test(error.message)) throw new DomainError("RAD_ITEM_CODE_TAKEN", { code: input.item.code });
        throw error;
      }
      if (!ok) throw new DomainError("STALE_VERSION");
      const after = findRadItem(tx.db, before.id)!;
      const changes: Record<string, string | number> = {};
      for (const [key, a] of Object.entries(itemSummary(before))) {
        const b = itemSummary(after)[key]!;
        if (a !== b) Object.assign(changes, { [`${key}.before`]: a, [`${key}.after`]: b });
      }
      for (const key of ["programme", "activity", "indicator", "leadAgency"] as const) {
        if (before[key] !== after[key]) Object.assign(changes, { [`${key}.before`]: before[key].slice(0, 200), [`${key}.after`]: after[key].slice(0, 200) });
      }
      audit(tx, { action: "rad.item_update", outcome: "success", targetType: "task_force", targetId: tf.id, details: { period: period.number, itemId: before.id, code: before.code, ...changes } });
    });
    return toItem(findRadItem(ctx.db, input.id)!);
  }),

  /** Removes an item of the task force's RAD, from the version read. */
  deleteItem: signedInProcedure.input(z.object({ taskForceId: TaskForceIdSchema, id: ItemIdSchema, version: VersionSchema }).strict()).mutation(({ ctx, input }) => {
    const tf = getWritableTaskForce(ctx);
    inTransaction(ctx, (tx) => {
      const { item: before, period } = getOwnItem(tx, tf, input.id);
      if (!deleteRadItem(tx.db, { id: before.id, version: input.version })) throw new DomainError("STALE_VERSION");
      audit(tx, {
        action: "rad.item_delete",
        outcome: "success",
        targetType: "task_force",
        targetId: tf.id,
        details: { period: period.number, itemId: before.id, ...itemSummary(before), indicator: before.indicator.slice(0, 200) },
      });
    });
    return { ok: true as const };
  }),

  /**
   * Which provinces and regencies/cities of the caller's scope have a RAD for the period in force on
   * `at` (default today): adopted or a draft, and how many items.
   */
  overview: signedInProcedure.input(z.object({ at: IsoDateSchema.optional() }).strict().default({})).query(({ ctx, input }) => {
    const at = input.at ?? todayOf(ctx);
    const period = currentPeriod(listRanPeriods(ctx.db), at);
    if (!period) return { at, period: null, rows: [] };
    const rows = listRadOverview(ctx.db, { periodId: period.id, at, within: scopeOf(ctx) });
    return { at, period: periodRef(period), rows };
  }),

  /** The task force's RAD for the period in force (or the one named) as an XLSX list in the reader's language. */
  exportXlsx: signedInProcedure
    .input(z.object({ taskForceId: TaskForceIdSchema, periodNumber: PeriodNumberSchema.optional(), language: z.enum(["id", "en"]).default("id") }).strict())
    .query(async ({ ctx, input }) => {
      const tf = getTargetTaskForce(ctx);
      assertRadLevel(tf.level);
      const period = periodFor(ctx, tf, input.periodNumber);
      if (!period) throw new DomainError("RAD_PLAN_NOT_FOUND");
      const plan = findRadPlan(ctx.db, { taskForceId: tf.id, periodId: period.id });
      const zone = timeZoneOf(tf.regionCode);
      const local = new Date(ctx.now().getTime() + zone.utcOffsetHours * 3600_000).toISOString();
      const data = {
        taskForceName: taskForceName(tf, input.language),
        regionCode: tf.regionCode ?? "",
        period,
        instrument: plan?.instrument ?? null,
        items: plan ? listRadItems(ctx.db, plan.id) : [],
        made: { date: local.slice(0, 10), time: local.slice(11, 16).replace(":", "."), zone: zone.abbreviation },
      };
      const bytes = await writeRadWorkbook(data, input.language);
      return { fileName: radFileName(data), contentBase64: Buffer.from(bytes).toString("base64") };
    }),
} satisfies TRPCRouterRecord;
