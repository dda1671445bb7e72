import { findTaskForce, findTaskForceIdByRegion, insertInstrument, listAllInstruments, listInstruments } from "@gugus/db";
import type { Db } from "@gugus/db";
import { DEFAULT_ISSUER, DomainError, IMPORT_MAX_ROWS, ImportRowSchema, checkImportRowFields, instrumentFits, localDateOf, timeZoneOf } from "@gugus/domain";
import type { ImportIssue, ImportRow, Instrument } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit } from "../audit.ts";
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
 * date, the type must fit the task force, the date must not lie ahead, and an instrument may not
 * appear twice (in the file, or with other details in the database).
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
    if (!instrumentFits(value.type, tf.level, tf.kind)) result.issues.push({ field: "type", messageKey: "INSTRUMENT_TYPE_MISMATCH" });
    if (value.issuedOn > localDateOf(now, timeZoneOf(tf.regionCode).iana)) result.issues.push({ field: "issuedOn", messageKey: "DATE_IN_FUTURE" });
    const key = `${tf.id}|${value.type}|${value.number.toLowerCase()}`;
    if (seen.has(key)) result.issues.push({ field: "number", messageKey: "IMPORT_ROW_REPEATED" });
    seen.set(key, row.row);
    const existing = recorded(tf.id).find((i) => i.type === value.type && i.number.toLowerCase() === value.number.toLowerCase());
    if (existing) {
      if (existing.issuedOn === value.issuedOn) result.alreadyPresent = true;
      else result.issues.push({ field: "number", messageKey: "INSTRUMENT_DUPLICATE" });
    }
    result.instrument = { type: value.type, number: value.number, issuedOn: value.issuedOn, issuer: value.issuer ?? DEFAULT_ISSUER[value.type], documentRef: null, endsOn: null, revokedOn: null };
    return result;
  });
}

const publicResult = ({ instrument: _instrument, ...r }: Checked): RowResult => r;

const RowsSchema = z.array(ImportRowSchema).min(1).max(IMPORT_MAX_ROWS);

export const formationImportRouter = {
  /** Reads a CSV or XLSX file (sent as base64) into rows; nothing is checked or written yet. */
  parse: signedInProcedure
    .input(z.object({ fileName: z.string().trim().min(1).max(200), contentBase64: z.string().max(1_000_000) }).strict())
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
  commit: signedInProcedure.input(z.object({ fileName: z.string().trim().min(1).max(200), rows: RowsSchema }).strict()).mutation(({ ctx, input }) => {
    const now = ctx.now();
    const result = ctx.db.transaction((tx) => {
      const checked = checkRows(tx, input.rows, now);
      const failing = checked.filter((c) => c.issues.length > 0);
      if (failing.length > 0) throw new DomainError("IMPORT_HAS_ERRORS", { rows: failing.length, first: failing[0]!.row });
      let inserted = 0;
      for (const c of checked) {
        if (c.alreadyPresent || !c.instrument || c.taskForceId === null) continue;
        if (insertInstrument(tx, c.taskForceId, c.instrument, now.getTime()) === undefined) throw new DomainError("INSTRUMENT_DUPLICATE", { row: c.row });
        inserted += 1;
      }
      return { inserted, alreadyPresent: checked.filter((c) => c.alreadyPresent).length, instruments: listAllInstruments(tx).length };
    });
    audit(ctx, { action: "formation.import", outcome: "success", targetType: "file", targetId: input.fileName.slice(0, 100), details: { rows: input.rows.length, inserted: result.inserted, alreadyPresent: result.alreadyPresent } });
    return { inserted: result.inserted, alreadyPresent: result.alreadyPresent };
  }),
} satisfies TRPCRouterRecord;
