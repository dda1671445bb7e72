import { findTaskForce, findTaskForceIdByRegion, insertInstrument, listInstruments } from "@gugus/db";
import type { Db } from "@gugus/db";
import { DEFAULT_ISSUER, DomainError, IMPORT_MAX_ROWS, ImportFileNameSchema, ImportRowSchema, checkImportRowFields, checkInstrumentForTaskForce, instrumentKey, matchRecordedInstrument, todayAt } from "@gugus/domain";
import type { ImportIssue, ImportRow, Instrument } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../audit.ts";
import { parseFormationFile } from "../import/parse-file.ts";
import { signedInProcedure } from "../trpc.ts";

export type RowResult = {
  row: number;
  /** The task force the row belongs to, when found. */
  taskForceId: number | null;
  regionName: string | null;
  issues: ImportIssue[];
  /** The same instrument is already recorded: the row changes nothing. */
  alreadyPresent: boolean;
};

type Checked = RowResult & { instrument: Instrument | null };

/**
 * Checks each row against the rules and the database: the region must exist on the instrument's
 * date, then the domain's instrument rules (`checkInstrumentForTaskForce`, as manual entry applies
 * them), and an instrument — told apart by `instrumentKey` — may not appear twice in the file, nor
 * with another date in the database (with the same date it is already present).
 */
function checkRows(db: Db, rows: readonly ImportRow[], now: Date): Checked[] {
  const seen = new Map<string, number>();
  // One read of a task force's instruments however many rows name it.
  const instrumentsOf = new Map<number, ReturnType<typeof listInstruments>>();
  const recorded = (taskForceId: number) => {
    let list = instrumentsOf.get(taskForceId);
    if (!list) instrumentsOf.set(taskForceId, (list = listInstruments(db, taskForceId)));
    return list;
  };
  return rows.map((row) => {
    const { issues, value } = checkImportRowFields(row);
    const result: Checked = { row: row.row, taskForceId: null, regionName: null, issues: [...issues], alreadyPresent: false, instrument: null };
    if (!value) return result;
    const id = findTaskForceIdByRegion(db, value.regionCode);
    const tf = id === undefined ? undefined : findTaskForce(db, id, value.issuedOn);
    if (!tf || tf.regionCode !== value.regionCode) {
      result.issues.push({ field: "regionCode", messageKey: "REGION_NOT_AT_DATE" });
      return result;
    }
    result.taskForceId = tf.id;
    result.regionName = tf.regionName;
    for (const p of checkInstrumentForTaskForce(value, { level: tf.level, kind: tf.kind, today: todayAt(now, tf.regionCode), existedOnIssueDate: true })) {
      result.issues.push({ field: p.field === "type" ? "type" : "issuedOn", messageKey: p.code });
    }
    const key = `${tf.id}|${instrumentKey(value)}`;
    if (seen.has(key)) result.issues.push({ field: "number", messageKey: "IMPORT_ROW_REPEATED" });
    seen.set(key, row.row);
    const match = matchRecordedInstrument(value, recorded(tf.id));
    if (match.verdict === "already_present") result.alreadyPresent = true;
    else if (match.verdict === "duplicate") result.issues.push({ field: "number", messageKey: "INSTRUMENT_DUPLICATE" });
    result.instrument = { type: value.type, number: value.number, issuedOn: value.issuedOn, issuer: value.issuer ?? DEFAULT_ISSUER[value.type], documentRef: null, endsOn: null, revokedOn: null };
    return result;
  });
}

const publicResult = ({ instrument: _instrument, ...r }: Checked): RowResult => r;

const RowsSchema = z.array(ImportRowSchema).min(1).max(IMPORT_MAX_ROWS);

export const formationImportRouter = {
  /** Reads a CSV or XLSX file (sent as base64) into rows; nothing is checked or written yet. */
  parse: signedInProcedure
    .input(z.object({ fileName: ImportFileNameSchema, contentBase64: z.string().max(1_000_000) }).strict())
    .mutation(async ({ input }) => {
      const rows = await parseFormationFile(input.fileName, Buffer.from(input.contentBase64, "base64"));
      if (rows.length === 0) throw new DomainError("IMPORT_FILE_INVALID", { reason: "no_rows" });
      return { rows };
    }),

  /** Checks rows (a part of the file at a time, for a progress bar); writes nothing. */
  check: signedInProcedure.input(z.object({ rows: RowsSchema }).strict()).mutation(({ ctx, input }) => checkRows(ctx.db, input.rows, ctx.now()).map(publicResult)),

  /**
   * Writes the whole file in one transaction, all or nothing: when any row has a problem nothing is
   * written and the answer is IMPORT_HAS_ERRORS. Rows already present are left as they are.
   */
  commit: signedInProcedure.input(z.object({ fileName: ImportFileNameSchema, rows: RowsSchema }).strict()).mutation(({ ctx, input }) => {
    const now = ctx.now();
    return inTransaction(ctx, (tx) => {
      const checked = checkRows(tx.db, input.rows, now);
      const failing = checked.filter((c) => c.issues.length > 0);
      if (failing.length > 0) throw new DomainError("IMPORT_HAS_ERRORS", { rows: failing.length, first: failing[0]!.row });
      let inserted = 0;
      for (const c of checked) {
        if (c.alreadyPresent || !c.instrument || c.taskForceId === null) continue;
        if (insertInstrument(tx.db, c.taskForceId, c.instrument, now.getTime()) === undefined) throw new DomainError("INSTRUMENT_DUPLICATE", { row: c.row });
        inserted += 1;
      }
      const alreadyPresent = checked.filter((c) => c.alreadyPresent).length;
      audit(tx, { action: "formation.import", outcome: "success", targetType: "file", targetId: input.fileName.slice(0, 100), details: { rows: input.rows.length, inserted, alreadyPresent } });
      return { inserted, alreadyPresent };
    });
  }),
} satisfies TRPCRouterRecord;
