/** A report as files: an XLSX workbook and a printable PDF, in the reader's language. */
import type { TRPCRouterRecord } from "@trpc/server";

export const filesRouter = {} satisfies TRPCRouterRecord;
