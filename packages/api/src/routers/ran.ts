import {
  countActionItems,
  deleteActionItem,
  deletePeriod,
  findActionItem,
  findPeriodByNumber,
  insertActionItem,
  insertPeriod,
  listActionItems,
  listFollowers,
  listCoordinators,
  listRanPeriods,
  listTargetYears,
  replaceCoordinators,
  setFollows,
  updateActionItem,
  updatePeriod,
} from "@gugus/db";
import type { ActionItemRow, Db, PeriodChanges, RanPeriodRow } from "@gugus/db";
import {
  ActionItemSchema,
  DomainError,
  IsoDateSchema,
  MAX_PERIOD_NUMBER,
  PeriodAdoptionSchema,
  PeriodDraftSchema,
  ReportingSettingsSchema,
  SubTaskForceCodeSchema,
  TIME_ZONES,
  TaskForceIdSchema,
  VersionSchema,
  YearSchema,
  assertPeriodsValid,
  checkActionItem,
  checkSpan,
  checkPeriods,
  currentPeriod,
  deadlinesIn,
  getPeriodOf,
  isAdoptedLate,
  itemTableHeader,
  itemTableRow,
  localDateOf,
  mayFollow,
  periodLength,
  readActionItemTable,
  reportingPeriods,
  targetForYear,
  targetToDate,
  timeZoneOf,
  toRoman,
  yearInPeriod,
  yearOf,
  yearsLeftOut,
} from "@gugus/domain";
import type { ActionItem } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import ExcelJS from "exceljs";
import { z } from "zod";
import { audit } from "../audit.ts";
import { readTable } from "../import/parse-file.ts";
import { visibleTaskForce } from "../scope.ts";
import { signedInProcedure } from "../trpc.ts";

function toPeriod(row: RanPeriodRow) {
  return {
    number: row.number,
    numeral: toRoman(row.number),
    firstYear: row.firstYear,
    lastYear: row.lastYear,
    length: periodLength(row),
    status: row.status,
    instrument: row.instrument,
    adoptedOn: row.adoptedOn,
    adoptedLate: isAdoptedLate(row),
    reportingCycle: row.reportingCycle,
    dueDays: row.dueDays,
    expiryDays: row.expiryDays,
    version: row.version,
  };
}
export type Period = ReturnType<typeof toPeriod>;

const PeriodNumberSchema = z.number({ error: "PERIOD_NOT_FOUND" }).int().min(1).max(MAX_PERIOD_NUMBER);

function getPeriod(db: Db, number: number): RanPeriodRow {
  const row = findPeriodByNumber(db, number);
  if (!row) throw new DomainError("PERIOD_NOT_FOUND", { number });
  return row;
}

/** The set of periods with one replaced (or added) must keep the rules: no overlap, numbers in year order. */
function assertSetValid(db: Db, changed: { number: number; firstYear: number; lastYear: number }) {
  assertPeriodsValid([...listRanPeriods(db).filter((p) => p.number !== changed.number), changed]);
}

/**
 * An item's rules against its period; the first problem is thrown with the field it concerns. The
 * item it follows must be in the same period and may be followed; on a change, the items already
 * following it must still be allowed to.
 */
function assertItemValid(db: Db, period: RanPeriodRow, item: ActionItem, selfId?: number) {
  const [problem] = checkActionItem(item, period);
  if (problem) throw new DomainError(problem.code as "TARGET_NEGATIVE", { path: problem.path });
  if (item.followsItemId !== null) {
    const followed = findActionItem(db, item.followsItemId);
    if (!followed || followed.periodId !== period.id || !mayFollow(item, followed)) throw new DomainError("ITEM_FOLLOWS_INVALID", { path: "followsItemId" });
  }
  if (selfId !== undefined) {
    const stranded = listFollowers(db, selfId).find((f) => !mayFollow(f, item));
    if (stranded) throw new DomainError("ITEM_FOLLOWED_BY", { code: stranded.code });
  }
}

const publicItem = (i: ActionItemRow) => i;

/** Fields that changed between two versions of a record, for the audit log. */
function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const key of Object.keys(after)) {
    const a = JSON.stringify(before[key] ?? null);
    const b = JSON.stringify(after[key] ?? null);
    if (a !== b && key !== "version" && key !== "updatedAt") {
      out[`${key}.before`] = a.length > 200 ? `${a.slice(0, 200)}…` : a;
      out[`${key}.after`] = b.length > 200 ? `${b.slice(0, 200)}…` : b;
    }
  }
  return out;
}

/** What the audit log keeps of an item: its code, level, unit and targets ("2030:10, 2031:12"). */
function itemSummary(item: Pick<ActionItem, "code" | "level" | "unit" | "targetMode" | "targets">): Record<string, string> {
  return { code: item.code, level: item.level, unit: item.unit, targetMode: item.targetMode, targets: item.targets.map((t) => `${t.year}:${t.value}`).join(", ") };
}

const ZONES = { WIB: TIME_ZONES.WIB, WITA: TIME_ZONES.WITA, WIT: TIME_ZONES.WIT };

/** The reporting calendar of a period: each reporting period's due date and the due and closing instants in each zone. */
function calendarOf(row: RanPeriodRow) {
  return reportingPeriods(row, { reportingCycle: row.reportingCycle, dueDays: row.dueDays, expiryDays: row.expiryDays }).map((rp) => ({
    ...rp,
    deadlines: Object.fromEntries(
      Object.entries(ZONES).map(([name, zone]) => {
        const d = deadlinesIn(rp, zone);
        return [name, { dueAt: d.dueAt.toISOString(), closesAt: d.closesAt.toISOString() }];
      }),
    ) as Record<keyof typeof ZONES, { dueAt: string; closesAt: string }>,
  }));
}

const ItemFileSchema = z.object({ number: PeriodNumberSchema, fileName: z.string().trim().min(1).max(200), contentBase64: z.string().max(1_000_000) }).strict();

async function readItemsFile(db: Db, input: z.infer<typeof ItemFileSchema>) {
  const period = getPeriod(db, input.number);
  const table = await readTable(input.fileName, Buffer.from(input.contentBase64, "base64"));
  const existing = listActionItems(db, { periodId: period.id });
  return { period, existing, ...readActionItemTable(table, period, existing) };
}

export const ranRouter = {
  /** All periods in year order, the gaps between them, and which one holds today's date (WIB). */
  periods: signedInProcedure.query(({ ctx }) => {
    const rows = listRanPeriods(ctx.db);
    const today = localDateOf(ctx.now(), timeZoneOf(null).iana);
    return {
      periods: rows.map(toPeriod),
      gaps: checkPeriods(rows).gaps,
      today,
      currentNumber: currentPeriod(rows, today)?.number ?? null,
    };
  }),

  /** One period with its settings, coordinators, action items and reporting calendar. */
  period: signedInProcedure.input(z.object({ number: PeriodNumberSchema }).strict()).query(({ ctx, input }) => {
    const row = getPeriod(ctx.db, input.number);
    return {
      period: toPeriod(row),
      coordinators: listCoordinators(ctx.db, row.id),
      items: listActionItems(ctx.db, { periodId: row.id }).map(publicItem),
      calendar: calendarOf(row),
      targetYears: listTargetYears(ctx.db, row.id).sort(),
    };
  }),

  /** The period containing a year and the year's place in it ("year 4 of 5"). */
  periodOfYear: signedInProcedure.input(z.object({ year: YearSchema }).strict()).query(({ ctx, input }) => {
    const period = getPeriodOf(listRanPeriods(ctx.db), input.year);
    return { period: toPeriod(period), position: yearInPeriod(period, input.year) };
  }),

  /** The period in force on a date, and where the date's year stands in it; null in a gap. */
  atDate: signedInProcedure.input(z.object({ date: IsoDateSchema }).strict()).query(({ ctx, input }) => {
    const period = currentPeriod(listRanPeriods(ctx.db), input.date);
    return period ? { period: toPeriod(period), position: yearInPeriod(period, yearOf(input.date)) } : null;
  }),

  /**
   * What a task force works against: a period (the current one by default) and the action items of
   * its level, each with its target for the year (the task force's current year, or the period's
   * first or last year when today lies outside it), grouped by sub-task-force on the screen.
   */
  plan: signedInProcedure
    .input(z.object({ taskForceId: TaskForceIdSchema, number: PeriodNumberSchema.optional() }).strict())
    .query(({ ctx, input }) => {
      const tf = visibleTaskForce(ctx, input.taskForceId);
      const today = localDateOf(ctx.now(), timeZoneOf(tf.regionCode).iana);
      const periods = listRanPeriods(ctx.db);
      const row = input.number === undefined ? currentPeriod(periods, today) : periods.find((p) => p.number === input.number);
      if (!row) return { period: null, year: null, items: [], periods: periods.map(toPeriod) };
      const year = Math.min(row.lastYear, Math.max(row.firstYear, yearOf(today)));
      const all = listActionItems(ctx.db, { periodId: row.id });
      const codeOf = new Map(all.map((i) => [i.id, i.code]));
      const items = all
        .filter((i) => i.level === tf.level)
        .map((i) => ({
          ...i,
          followsCode: i.followsItemId === null ? null : (codeOf.get(i.followsItemId) ?? null),
          yearTarget: targetForYear(i, year),
          targetToDate: targetToDate(i, year),
        }));
      return { period: toPeriod(row), year, items, periods: periods.map(toPeriod) };
    }),

  /** Creates a draft period. The set must keep its rules: no overlap, numbers in year order. */
  createPeriod: signedInProcedure.input(PeriodDraftSchema).mutation(({ ctx, input }) => {
    ctx.db.transaction((tx) => {
      assertSetValid(tx, input);
      const id = insertPeriod(tx, input, ctx.now().getTime());
      if (id === undefined) throw new DomainError("PERIOD_NUMBER_TAKEN", { number: input.number });
      audit(ctx, { action: "ran.period_create", outcome: "success", targetType: "ran_period", targetId: input.number, details: { periodId: id, firstYear: input.firstYear, lastYear: input.lastYear } });
    });
    return toPeriod(getPeriod(ctx.db, input.number));
  }),

  /**
   * Changes a period's years or reporting settings, from the version read. Years cannot overlap
   * another period, break the number order, or leave out a year that already has targets.
   */
  updatePeriod: signedInProcedure
    .input(
      z
        .object({ number: PeriodNumberSchema, version: VersionSchema, firstYear: YearSchema, lastYear: YearSchema })
        .extend(ReportingSettingsSchema.shape)
        .strict()
        .superRefine((p, rctx) => checkSpan(p, rctx)),
    )
    .mutation(({ ctx, input }) => {
      const changes: PeriodChanges = { firstYear: input.firstYear, lastYear: input.lastYear, reportingCycle: input.reportingCycle, dueDays: input.dueDays, expiryDays: input.expiryDays };
      ctx.db.transaction((tx) => {
        const before = getPeriod(tx, input.number);
        if (before.version !== input.version) throw new DomainError("STALE_VERSION");
        const changed = diff(before, changes);
        // Saving what is already stored changes nothing and records nothing.
        if (Object.keys(changed).length === 0) return;
        assertSetValid(tx, input);
        const left = yearsLeftOut(input, listTargetYears(tx, before.id));
        if (left.length > 0) throw new DomainError("PERIOD_SHRINKS_PAST_TARGETS", { years: left.join(", ") });
        if (!updatePeriod(tx, { id: before.id, version: input.version, changes, now: ctx.now().getTime() })) throw new DomainError("STALE_VERSION");
        audit(ctx, { action: "ran.period_update", outcome: "success", targetType: "ran_period", targetId: input.number, details: changed });
      });
      return toPeriod(getPeriod(ctx.db, input.number));
    }),

  /** Adopts a draft period: the instrument and its date (which may come years after the first year). */
  adoptPeriod: signedInProcedure
    .input(z.object({ number: PeriodNumberSchema, version: VersionSchema }).extend(PeriodAdoptionSchema.shape).strict())
    .mutation(({ ctx, input }) => {
      ctx.db.transaction((tx) => {
        const before = getPeriod(tx, input.number);
        if (before.status === "adopted") throw new DomainError("PERIOD_ADOPTED");
        if (!updatePeriod(tx, { id: before.id, version: input.version, changes: { status: "adopted", instrument: input.instrument, adoptedOn: input.adoptedOn }, now: ctx.now().getTime() })) {
          throw new DomainError("STALE_VERSION");
        }
        audit(ctx, { action: "ran.period_adopt", outcome: "success", targetType: "ran_period", targetId: input.number, details: { instrument: input.instrument, adoptedOn: input.adoptedOn } });
      });
      return toPeriod(getPeriod(ctx.db, input.number));
    }),

  /** Deletes a draft period without action items (one created by mistake). */
  deletePeriod: signedInProcedure.input(z.object({ number: PeriodNumberSchema, version: VersionSchema }).strict()).mutation(({ ctx, input }) => {
    ctx.db.transaction((tx) => {
      const before = getPeriod(tx, input.number);
      if (before.status === "adopted") throw new DomainError("PERIOD_ADOPTED");
      if (countActionItems(tx, before.id) > 0) throw new DomainError("PERIOD_HAS_ITEMS");
      if (!deletePeriod(tx, { id: before.id, version: input.version })) throw new DomainError("STALE_VERSION");
      // Only the last draft can go: deleting one between others would skip its number.
      assertPeriodsValid(listRanPeriods(tx));
      audit(ctx, { action: "ran.period_delete", outcome: "success", targetType: "ran_period", targetId: input.number, details: { firstYear: before.firstYear, lastYear: before.lastYear } });
    });
    return { ok: true as const };
  }),

  /**
   * Sets which agency coordinates each sub-task-force during the period (a sub-task-force left out
   * has none), from the period's version read: the period's version moves on, so two admins editing
   * at once cannot overwrite each other unseen.
   */
  setCoordinators: signedInProcedure
    .input(
      z
        .object({
          number: PeriodNumberSchema,
          version: VersionSchema,
          coordinators: z
            .array(z.object({ subTaskForce: SubTaskForceCodeSchema, agency: z.string({ error: "AGENCY_INVALID" }).trim().min(2, { error: "AGENCY_INVALID" }).max(160, { error: "AGENCY_INVALID" }) }).strict())
            .max(6)
            .refine((list) => new Set(list.map((c) => c.subTaskForce)).size === list.length, { error: "COORDINATOR_REPEATED" }),
        })
        .strict(),
    )
    .mutation(({ ctx, input }) => {
      return ctx.db.transaction((tx) => {
        const period = getPeriod(tx, input.number);
        const before = listCoordinators(tx, period.id);
        if (!updatePeriod(tx, { id: period.id, version: input.version, changes: {}, now: ctx.now().getTime() })) throw new DomainError("STALE_VERSION");
        replaceCoordinators(tx, period.id, input.coordinators);
        audit(ctx, { action: "ran.coordinators", outcome: "success", targetType: "ran_period", targetId: input.number, details: diff({ coordinators: before }, { coordinators: input.coordinators }) });
        return listCoordinators(tx, period.id);
      });
    }),

  /** Adds an action item with its yearly targets. */
  createItem: signedInProcedure.input(z.object({ number: PeriodNumberSchema, item: ActionItemSchema }).strict()).mutation(({ ctx, input }) => {
    const id = ctx.db.transaction((tx) => {
      // The period is read in the same transaction as the write: its years cannot change in between.
      const period = getPeriod(tx, input.number);
      assertItemValid(tx, period, input.item);
      const created = insertActionItem(tx, period.id, input.item, ctx.now().getTime());
      if (created === undefined) throw new DomainError("ITEM_CODE_TAKEN", { code: input.item.code });
      audit(ctx, { action: "ran.item_create", outcome: "success", targetType: "action_item", targetId: created, details: { period: input.number, ...itemSummary(input.item) } });
      return created;
    });
    return findActionItem(ctx.db, id)!;
  }),

  /** Changes an action item, from the version read. */
  updateItem: signedInProcedure.input(z.object({ id: z.number().int().positive(), version: VersionSchema, item: ActionItemSchema }).strict()).mutation(({ ctx, input }) => {
    const id = ctx.db.transaction((tx) => {
      const before = findActionItem(tx, input.id);
      if (!before) throw new DomainError("ITEM_NOT_FOUND");
      const period = listRanPeriods(tx).find((p) => p.id === before.periodId)!;
      assertItemValid(tx, period, input.item, before.id);
      let ok: boolean;
      try {
        ok = updateActionItem(tx, { id: before.id, version: input.version, item: input.item, now: ctx.now().getTime() });
      } catch (error) {
        if (error instanceof Error && /UNIQUE/.test(error.message)) throw new DomainError("ITEM_CODE_TAKEN", { code: input.item.code });
        throw error;
      }
      if (!ok) throw new DomainError("STALE_VERSION");
      audit(ctx, { action: "ran.item_update", outcome: "success", targetType: "action_item", targetId: before.id, details: { period: period.number, code: before.code, ...diff(before, findActionItem(tx, before.id)!) } });
      return before.id;
    });
    return findActionItem(ctx.db, id)!;
  }),

  /** Deletes an action item (items following it stop pointing at it). */
  deleteItem: signedInProcedure.input(z.object({ id: z.number().int().positive(), version: VersionSchema }).strict()).mutation(({ ctx, input }) => {
    ctx.db.transaction((tx) => {
      const before = findActionItem(tx, input.id);
      if (!before) throw new DomainError("ITEM_NOT_FOUND");
      const followers = listFollowers(tx, before.id).map((f) => f.code);
      if (!deleteActionItem(tx, input)) throw new DomainError("STALE_VERSION");
      audit(ctx, {
        action: "ran.item_delete",
        outcome: "success",
        targetType: "action_item",
        targetId: before.id,
        details: { ...itemSummary(before), indicator: before.indicator.slice(0, 200), unlinked: followers.join(", ").slice(0, 500) },
      });
    });
    return { ok: true as const };
  }),

  /** Reads an action-item matrix (CSV or XLSX, sent as base64) and checks every row; writes nothing. */
  checkItemsFile: signedInProcedure.input(ItemFileSchema).mutation(async ({ ctx, input }) => {
    const { columns, rows } = await readItemsFile(ctx.db, input);
    return { columns, rows: rows.map((r) => ({ row: r.row, code: r.code, problems: r.problems, ok: r.item !== null })) };
  }),

  /**
   * Imports an action-item matrix all or nothing: any column or row problem writes nothing. The file
   * is read first; the rows are then checked again inside the write transaction, against the period
   * and its items as they are at that moment.
   */
  importItems: signedInProcedure.input(ItemFileSchema).mutation(async ({ ctx, input }) => {
    const table = await readTable(input.fileName, Buffer.from(input.contentBase64, "base64"));
    return ctx.db.transaction((tx) => {
      const period = getPeriod(tx, input.number);
      const existing = listActionItems(tx, { periodId: period.id });
      const { columns, rows } = readActionItemTable(table, period, existing);
      if (columns.length > 0) throw new DomainError(columns[0]!.code, { column: columns[0]!.column });
      if (rows.length === 0) throw new DomainError("IMPORT_FILE_INVALID", { reason: "empty" });
      const bad = rows.filter((r) => r.item === null);
      if (bad.length > 0) throw new DomainError("IMPORT_HAS_ERRORS", { rows: bad.length, first: bad[0]!.row });
      const now = ctx.now().getTime();
      const ids = new Map(existing.map((i) => [i.code.toLowerCase(), i.id]));
      for (const r of rows) {
        const id = insertActionItem(tx, period.id, r.item!, now);
        if (id === undefined) throw new DomainError("ITEM_CODE_TAKEN", { code: r.code });
        ids.set(r.code.toLowerCase(), id);
      }
      for (const r of rows) if (r.follows !== null) setFollows(tx, ids.get(r.code.toLowerCase())!, ids.get(r.follows.toLowerCase())!);
      audit(ctx, {
        action: "ran.import",
        outcome: "success",
        targetType: "ran_period",
        targetId: input.number,
        details: { file: input.fileName.slice(0, 100), items: rows.length, codes: rows.map((r) => r.code).join(", ").slice(0, 1000) },
      });
      return { inserted: rows.length };
    });
  }),

  /** The period's plan as an XLSX file (base64), in the layout the import reads back. */
  exportItems: signedInProcedure.input(z.object({ number: PeriodNumberSchema }).strict()).query(async ({ ctx, input }) => {
    const period = getPeriod(ctx.db, input.number);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = "Gugus";
    const sheet = workbook.addWorksheet(`RAN ${toRoman(period.number)}`);
    sheet.addRow(itemTableHeader(period));
    sheet.getRow(1).font = { bold: true };
    const items = listActionItems(ctx.db, { periodId: period.id });
    const codeOf = new Map(items.map((i) => [i.id, i.code]));
    for (const item of items) sheet.addRow(itemTableRow(item, period, item.followsItemId === null ? null : (codeOf.get(item.followsItemId) ?? null)));
    sheet.columns.forEach((c) => {
      c.width = 18;
    });
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return { fileName: `ran-${toRoman(period.number)}-${period.firstYear}-${period.lastYear}.xlsx`, contentBase64: buffer.toString("base64") };
  }),
} satisfies TRPCRouterRecord;
