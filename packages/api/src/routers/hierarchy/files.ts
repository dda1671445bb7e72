/**
 * The hierarchy as files people can circulate, in the reader's language: the task forces the caller
 * may see at a date (with their formation status and the instrument in force), and the formation
 * coverage per province with the list of those not formed. Labels, never codes; no report counts.
 */
import { listInstrumentsForList, listTaskForces } from "@gugus/db";
import type { InstrumentListRow, TaskForceRow } from "@gugus/db";
import { IsoDateSchema, countCoverage, formationStatusAt } from "@gugus/domain";
import type { FormationStatus, IsoDate } from "@gugus/domain";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { scopeOf, todayOf } from "../../clock.ts";
import { LIST_FILE_LABELS, generatedAtLabel, scopeLabel } from "../../export/list-labels.ts";
import { buildListWorkbook } from "../../export/list-workbook.ts";
import { signedInProcedure } from "../../trpc.ts";
import type { Context, SignedInUser } from "../../context.ts";

const FileInput = z.object({ at: IsoDateSchema.optional(), language: z.enum(["id", "en"]).default("id") }).strict();

type Ctx = Context & { user: SignedInUser };

/** The caller's task forces at the date, and the words of the scope they make up. */
function scopedRows(ctx: Ctx, at: IsoDate, language: "id" | "en") {
  const rows = listTaskForces(ctx.db, { at, within: scopeOf(ctx) });
  const place = ctx.user.actor.place;
  const own = rows.find((r) => r.level === place.level && r.regionCode === place.regionCode);
  return { rows, scope: scopeLabel({ level: place.level, regionName: own?.regionName ?? null }, language) };
}

/** Each task force's status at the date and the instrument that decides it (none: not formed). */
function formationAt(at: IsoDate, instruments: readonly InstrumentListRow[]): Map<number, { status: FormationStatus; instrument: InstrumentListRow | null }> {
  const byTaskForce = new Map<number, InstrumentListRow[]>();
  for (const i of instruments) byTaskForce.set(i.taskForceId, [...(byTaskForce.get(i.taskForceId) ?? []), i]);
  return new Map([...byTaskForce].map(([id, list]) => [id, formationStatusAt(list, at)]));
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

export const hierarchyFilesRouter = {
  /**
   * The task forces the caller may see at a date as an XLSX file: province, regency/city, level,
   * region code, formation status and the instrument in force (type, number, date set).
   */
  exportXlsx: signedInProcedure.input(FileInput).query(async ({ ctx, input }) => {
    const at = input.at ?? todayOf(ctx);
    const l = LIST_FILE_LABELS[input.language];
    const h = l.hierarchy;
    const { rows, scope } = scopedRows(ctx, at, input.language);
    const formation = formationAt(at, listInstrumentsForList(ctx.db));
    const provinceName = new Map(rows.filter((r) => r.level === "province").map((r) => [r.regionCode, r.regionName]));
    const of = (r: TaskForceRow) => formation.get(r.id) ?? { status: "not_formed" as const, instrument: null };
    const bytes = await buildListWorkbook({
      title: h.title,
      describes: l.asOf(at),
      scope,
      generatedAt: generatedAtLabel(ctx.now(), input.language),
      language: input.language,
      sheets: [
        {
          name: h.sheet,
          rows,
          columns: [
            { header: h.province, width: 30, value: (r: TaskForceRow) => (r.level === "national" ? l.national : r.level === "province" ? r.regionName : (provinceName.get(r.regionCode!.slice(0, 2)) ?? null)) },
            { header: h.regency, width: 34, value: (r: TaskForceRow) => (r.level === "regency" ? r.regionName : null) },
            { header: h.level, width: 16, value: (r: TaskForceRow) => l.level[r.level] },
            { header: h.code, width: 12, value: (r: TaskForceRow) => r.regionCode ?? "" },
            { header: h.status, width: 24, value: (r: TaskForceRow) => l.formationStatus[of(r).status] },
            { header: h.instrumentType, width: 30, value: (r: TaskForceRow) => (of(r).instrument ? l.instrumentType[of(r).instrument!.type] : null) },
            { header: h.instrumentNumber, width: 26, value: (r: TaskForceRow) => of(r).instrument?.number ?? null },
            { header: h.instrumentDate, width: 16, kind: "date", value: (r: TaskForceRow) => of(r).instrument?.issuedOn ?? null },
          ],
        },
      ],
    });
    return { fileName: h.fileName(at), contentBase64: base64(bytes) };
  }),

  /**
   * Formation coverage at a date as an XLSX file: per province, whether its own task force is formed
   * and how many of its regencies/cities are (formed, total, share); then every task force not formed.
   */
  exportCoverage: signedInProcedure.input(FileInput).query(async ({ ctx, input }) => {
    const at = input.at ?? todayOf(ctx);
    const l = LIST_FILE_LABELS[input.language];
    const c = l.coverage;
    const { rows, scope } = scopedRows(ctx, at, input.language);
    const formation = formationAt(at, listInstrumentsForList(ctx.db));
    const statusOf = (id: number) => formation.get(id)?.status ?? "not_formed";
    const coverage = countCoverage(rows.map((r) => ({ taskForceId: r.id, level: r.level, regionCode: r.regionCode, status: statusOf(r.id) })));
    const byCode = new Map(rows.map((r) => [r.regionCode, r]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const share = (formed: number, total: number) => (total === 0 ? null : Math.round((formed / total) * 1000) / 10);
    type Province = (typeof coverage.byProvince)[number];
    type Unformed = (typeof coverage.unformed)[number];
    const bytes = await buildListWorkbook({
      title: c.title,
      describes: l.asOf(at),
      scope,
      generatedAt: generatedAtLabel(ctx.now(), input.language),
      language: input.language,
      sheets: [
        {
          name: c.sheet,
          rows: coverage.byProvince,
          columns: [
            { header: c.province, width: 30, value: (p: Province) => byCode.get(p.provinceCode)?.regionName ?? p.provinceCode },
            { header: c.code, width: 8, value: (p: Province) => p.provinceCode },
            { header: c.provinceFormed, width: 18, value: (p: Province) => (p.provinceFormed ? c.yes : c.no) },
            { header: c.regenciesFormed, width: 18, kind: "number", value: (p: Province) => p.regencies.formed },
            { header: c.regenciesTotal, width: 18, kind: "number", value: (p: Province) => p.regencies.total },
            { header: `${c.rate} (%)`, width: 18, kind: "number", value: (p: Province) => share(p.regencies.formed, p.regencies.total) },
          ],
        },
        {
          name: c.unformedSheet,
          rows: coverage.unformed,
          columns: [
            { header: c.taskForce, width: 36, value: (u: Unformed) => byId.get(u.taskForceId)?.regionName ?? l.national },
            { header: c.level, width: 16, value: (u: Unformed) => l.level[u.level] },
            { header: c.code, width: 10, value: (u: Unformed) => u.regionCode ?? "" },
            { header: c.status, width: 24, value: (u: Unformed) => l.formationStatus[u.status] },
          ],
        },
      ],
    });
    return { fileName: c.fileName(at), contentBase64: base64(bytes) };
  }),
} satisfies TRPCRouterRecord;
