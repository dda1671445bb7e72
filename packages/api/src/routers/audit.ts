import { listAuditActions, listAuditActors, listReadableAudit } from "@gugus/db";
import type { ListAuditOptions, ReadableAuditRow } from "@gugus/db";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, IsoDateSchema, assertAuditDateRange, auditChangesOf, checkAuditDateRange, todayAt } from "@gugus/domain";
import type { AuditValue } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { auditFileName, writeAuditWorkbook } from "../export/audit-workbook.ts";
import type { AuditTarget, ReadableAuditEntry } from "../export/audit-workbook.ts";
import { signedInProcedure } from "../trpc.ts";

/** The filters of the log: action, outcome, account and a range of dates (WIB, inclusive) whose end may not come before its start. */
const FiltersSchema = z
  .object({
    action: z.enum(AUDIT_ACTIONS).optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    actorUserId: z.number().int().positive().optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
  })
  .strict();
type Filters = z.infer<typeof FiltersSchema>;

const rangeRefined = <T extends { from?: string | undefined; to?: string | undefined }>(value: T, ctx: z.RefinementCtx) => {
  const problem = checkAuditDateRange(value);
  if (problem) ctx.addIssue({ code: "custom", path: ["to"], message: problem });
};

/** The national day's bounds: the log's dates are read in WIB, as the screen shows its times. */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
const dayStart = (date: string) => Date.parse(`${date}T00:00:00Z`) - WIB_OFFSET_MS;
const dayEnd = (date: string) => Date.parse(`${date}T23:59:59.999Z`) - WIB_OFFSET_MS;

function queryOf(f: Filters): Omit<ListAuditOptions, "limit"> {
  assertAuditDateRange(f);
  return {
    ...(f.action ? { action: f.action } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    ...(f.actorUserId === undefined ? {} : { actorUserId: f.actorUserId }),
    ...(f.from ? { from: dayStart(f.from) } : {}),
    ...(f.to ? { to: dayEnd(f.to) } : {}),
  };
}

const asNumber = (v: AuditValue | undefined) => (typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : null);

/** What an entry is about, from its target and the labels SQL found (or the facts it keeps, when the record is gone). */
function targetOf(r: ReadableAuditRow, details: Record<string, AuditValue> | null): AuditTarget | null {
  const id = r.targetId ?? "";
  switch (r.targetType) {
    case null:
      return null;
    case "task_force":
      return { type: "task_force", taskForce: r.targetTaskForce, id };
    case "user":
      return { type: "user", name: r.targetUserName, id };
    case "report": {
      const periodKey = r.targetPeriodKey ?? (typeof details?.periodKey === "string" ? details.periodKey : null);
      return { type: "report", taskForce: r.targetTaskForce, periodKey, id };
    }
    case "ran_period":
      // Evaluation entries name the period by its id and keep its number in their details.
      return { type: "ran_period", number: r.action.startsWith("evaluation.") ? asNumber(details?.periodNumber) : asNumber(id) };
    case "action_item":
      return { type: "action_item", code: typeof details?.code === "string" ? details.code : r.targetItemCode, id };
    case "region":
      return { type: "region", code: id, name: r.targetRegionName };
    default:
      return { type: "other", kind: r.targetType, text: id };
  }
}

function toReadable(r: ReadableAuditRow): ReadableAuditEntry {
  const details = r.details ? (JSON.parse(r.details) as Record<string, AuditValue>) : null;
  return {
    id: r.id,
    at: r.at,
    action: r.action,
    outcome: r.outcome,
    ip: r.ip,
    actorUserId: r.actorUserId,
    actorLabel: r.actorLabel,
    targetType: r.targetType,
    targetId: r.targetId,
    actor: { id: r.actorUserId, name: r.actorName, label: r.actorLabel },
    target: targetOf(r, details),
    changes: auditChangesOf(r.action, details),
    details,
  };
}

/** The most entries one file holds (newest first). */
const EXPORT_LIMIT = 10_000;

export const auditRouter = {
  /**
   * The security audit log, newest first, each entry readable: its actor's name, its target's label
   * and the before → after of its labelled fields. Filtered by action, outcome, account and dates
   * (WIB, inclusive; an end before the start is DATE_RANGE_INVERTED); page with `cursor` (the
   * `nextCursor` of the previous page).
   */
  list: signedInProcedure
    .input(
      FiltersSchema.extend({
        cursor: z.number().int().positive().nullish(),
        /** Sent by infinite-query clients; only forward paging exists. */
        direction: z.enum(["forward", "backward"]).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
        .strict()
        .superRefine(rangeRefined),
    )
    .query(({ ctx, input }) => {
      const { cursor, limit, direction: _direction, ...filters } = input;
      const rows = listReadableAudit(ctx.db, { ...queryOf(filters), ...(cursor ? { beforeId: cursor } : {}), limit: limit + 1 });
      const page = rows.slice(0, limit);
      return { rows: page.map(toReadable), nextCursor: rows.length > limit ? page.at(-1)!.id : null };
    }),

  /** The actions recorded so far, for the filter. */
  actions: signedInProcedure.query(({ ctx }) => listAuditActions(ctx.db) as (typeof AUDIT_ACTIONS)[number][]),

  /** The accounts that appear as actors, by name, for the filter. */
  actors: signedInProcedure.query(({ ctx }) => listAuditActors(ctx.db)),

  /**
   * The filtered entries (at most 10,000, newest first) as an XLSX file in the reader's language, as
   * the screen shows them: sentence, actor, time with its zone, outcome and the changes as text.
   */
  exportXlsx: signedInProcedure
    .input(z.object({ filters: FiltersSchema.superRefine(rangeRefined), language: z.enum(["id", "en"]) }).strict())
    .query(async ({ ctx, input }) => {
      const rows = listReadableAudit(ctx.db, { ...queryOf(input.filters), limit: EXPORT_LIMIT });
      const now = ctx.now();
      const file = await writeAuditWorkbook({ entries: rows.map(toReadable), from: input.filters.from ?? null, to: input.filters.to ?? null, language: input.language, now: now.getTime() });
      return { fileName: auditFileName(input.language, todayAt(now)), contentBase64: Buffer.from(file).toString("base64") };
    }),
} satisfies TRPCRouterRecord;
