/** Action items as files: checking and importing a matrix (CSV or XLSX), exporting a period's plan. */
import { insertActionItem, listActionItems, setFollows } from "@gugus/db";
import { DomainError, ImportFileNameSchema, PeriodNumberSchema, readActionItemTable } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { audit, inTransaction } from "../../audit.ts";
import { itemsFileName, writeItemsWorkbook } from "../../export/items-workbook.ts";
import { ITEMS_IMPORT_SHEETS } from "../../export/list-labels.ts";
import { readTable } from "../../import/parse-file.ts";
import { todayOf } from "../../clock.ts";
import { signedInProcedure } from "../../trpc.ts";
import { getPeriod } from "./shared.ts";

const ItemFileSchema = z.object({ number: PeriodNumberSchema, fileName: ImportFileNameSchema, contentBase64: z.string().max(1_000_000) }).strict();

export const itemFilesRouter = {
  /** Reads an action-item matrix (CSV or XLSX, sent as base64) and checks every row; writes nothing. */
  checkItemsFile: signedInProcedure.input(ItemFileSchema).mutation(async ({ ctx, input }) => {
    const period = getPeriod(ctx.db, input.number);
    const table = await readTable(input.fileName, Buffer.from(input.contentBase64, "base64"), { preferSheets: ITEMS_IMPORT_SHEETS });
    const { columns, rows } = readActionItemTable(table, period, listActionItems(ctx.db, { periodId: period.id }));
    return { columns, rows: rows.map((r) => ({ row: r.row, code: r.code, problems: r.problems, ok: r.item !== null })) };
  }),

  /**
   * Imports an action-item matrix all or nothing: any column or row problem writes nothing. The file
   * is read first; the rows are then checked again inside the write transaction, against the period
   * and its items as they are at that moment.
   */
  importItems: signedInProcedure.input(ItemFileSchema).mutation(async ({ ctx, input }) => {
    const table = await readTable(input.fileName, Buffer.from(input.contentBase64, "base64"), { preferSheets: ITEMS_IMPORT_SHEETS });
    return inTransaction(ctx, (tx) => {
      const period = getPeriod(tx.db, input.number);
      const existing = listActionItems(tx.db, { periodId: period.id });
      const { columns, rows } = readActionItemTable(table, period, existing);
      if (columns.length > 0) throw new DomainError(columns[0]!.code, { column: columns[0]!.column });
      if (rows.length === 0) throw new DomainError("IMPORT_FILE_INVALID", { reason: "empty" });
      const bad = rows.filter((r) => r.item === null);
      if (bad.length > 0) throw new DomainError("IMPORT_HAS_ERRORS", { rows: bad.length, first: bad[0]!.row });
      const now = ctx.now().getTime();
      const ids = new Map(existing.map((i) => [i.code.toLowerCase(), i.id]));
      for (const r of rows) {
        const id = insertActionItem(tx.db, period.id, r.item!, now);
        if (id === undefined) throw new DomainError("ITEM_CODE_TAKEN", { code: r.code });
        ids.set(r.code.toLowerCase(), id);
      }
      for (const r of rows) if (r.follows !== null) setFollows(tx.db, ids.get(r.code.toLowerCase())!, ids.get(r.follows.toLowerCase())!);
      audit(
        tx,
        {
          action: "ran.import",
          outcome: "success",
          targetType: "ran_period",
          targetId: input.number,
          details: { file: input.fileName.slice(0, 100), items: rows.length, codes: rows.map((r) => r.code).join(", ").slice(0, 1000) },
        },
      );
      return { inserted: rows.length };
    });
  }),

  /**
   * The period's plan as an XLSX file (base64) in the reader's language: a labelled sheet opening with
   * the plan, its period, the date and "Seluruh Indonesia", then the "Impor" sheet in the layout the
   * import reads back.
   */
  exportItems: signedInProcedure
    .input(z.object({ number: PeriodNumberSchema, language: z.enum(["id", "en"]).default("id") }).strict())
    .query(async ({ ctx, input }) => {
      const period = getPeriod(ctx.db, input.number);
      const bytes = await writeItemsWorkbook(period, listActionItems(ctx.db, { periodId: period.id }), { language: input.language, today: todayOf(ctx), now: ctx.now() });
      return { fileName: itemsFileName(period), contentBase64: Buffer.from(bytes).toString("base64") };
    }),
} satisfies TRPCRouterRecord;
