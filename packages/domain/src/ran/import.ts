/**
 * Importing a period's action items from a spreadsheet matrix: one row per item, one column per
 * year's target (`target_2030`, `2030`). Column names are Bahasa Indonesia or English; values may be
 * codes or the words people write (I–VI or the sub-task-force's name, "kabupaten/kota", "kumulatif").
 */
import { LEVELS } from "../hierarchy/levels.ts";
import type { Level } from "../hierarchy/levels.ts";
import { SUB_TASK_FORCES } from "../sub-task-forces.ts";
import { isDomainErrorCode } from "../errors.ts";
import { headerKey, isBlankRow, textSchema } from "../text.ts";
import { ActionItemSchema, UNIT_CODES, checkActionItem, mayFollow } from "./plan.ts";
import type { ActionItem, Unit } from "./plan.ts";

/** The columns an item row has, with the headers recognised for each. */
export const ITEM_COLUMNS = {
  code: ["kode", "code"],
  subTaskForce: ["sub_gugus_tugas", "subgugus", "sub_task_force", "sgt"],
  programme: ["program", "programme"],
  activity: ["kegiatan", "aksi", "activity"],
  indicator: ["indikator", "indicator"],
  unit: ["satuan", "unit"],
  baseline: ["baseline", "data_dasar"],
  targetMode: ["mode_target", "jenis_target", "target_mode"],
  leadAgency: ["penanggung_jawab", "instansi_penanggung_jawab", "lead_agency"],
  relatedAgencies: ["instansi_terkait", "related_agencies"],
  level: ["tingkat", "pelaksana", "level"],
  follows: ["mengikuti", "kode_induk", "follows"],
} as const;
export type ItemColumn = keyof typeof ITEM_COLUMNS;
const REQUIRED: ItemColumn[] = ["code", "subTaskForce", "programme", "activity", "indicator", "unit", "targetMode", "leadAgency", "level"];

/** What a header names: an item column, a year's target, or nothing known. */
export function itemHeaderOf(header: string): { column: ItemColumn } | { year: number } | null {
  const k = headerKey(header);
  const column = (Object.keys(ITEM_COLUMNS) as ItemColumn[]).find((c) => (ITEM_COLUMNS[c] as readonly string[]).includes(k));
  if (column) return { column };
  const year = /^(?:target_)?(\d{4})$/.exec(k)?.[1];
  return year ? { year: Number(year) } : null;
}

const word = (v: string) => v.trim().toLowerCase().replace(/[\s/-]+/g, "_");

/** Short names people write for a sub-task-force, besides its code, numeral and full names. */
const SUB_TASK_FORCE_SHORT: Record<string, string> = {
  pencegahan: "prevention",
  kesehatan: "health_rehab",
  rehabilitasi_kesehatan: "health_rehab",
  sosial: "social_rehab",
  rehabilitasi_sosial: "social_rehab",
  norma_hukum: "legal_norms",
  penegakan_hukum: "law_enforcement",
  koordinasi: "coordination",
};
const SUB_TASK_FORCE_WORDS = new Map<string, string>([
  ...SUB_TASK_FORCES.flatMap((s) => [
    [s.code, s.code],
    [word(s.numeral), s.code],
    [word(s.nameId), s.code],
    [word(s.nameEn), s.code],
  ] as [string, string][]),
  ...Object.entries(SUB_TASK_FORCE_SHORT),
]);
const LEVEL_WORDS: Record<string, Level> = { pusat: "national", nasional: "national", provinsi: "province", kabupaten_kota: "regency", kab_kota: "regency", ...Object.fromEntries(LEVELS.map((l) => [l, l])) };
const MODE_WORDS: Record<string, string> = { per_tahun: "per_year", tahunan: "per_year", kumulatif: "cumulative", per_year: "per_year", cumulative: "cumulative" };
const UNIT_WORDS: Record<string, Unit> = {
  jumlah: "count",
  orang: "people",
  kegiatan: "activities",
  dokumen: "documents",
  wilayah: "regions",
  persen: "percent",
  "%": "percent",
  rupiah: "rupiah",
  perubahan_persen: "change_percent",
  ...Object.fromEntries(UNIT_CODES.map((u) => [u, u])),
};

/**
 * A figure as people type it. Indonesian writes 1.500.000 and 1.500,5; English 1,500,000 and
 * 1,500.5. A dot or comma followed by exactly three digits (in groups) separates thousands — so
 * "1.500" is one thousand five hundred, as an Indonesian reader means it; otherwise the single dot
 * or comma is the decimal mark ("1,5" and "1.5" are both one and a half). A leading 0 is never a
 * thousands group: "0.500" and "0,250" are a half and a quarter.
 */
export function readFigure(value: string): number | null | "invalid" {
  const v = value.trim().replace(/\s/g, "");
  if (v === "" || v === "-") return null;
  let normalized: string;
  if (/^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(v)) normalized = v.replace(/\./g, "").replace(",", ".");
  else if (/^-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(v)) normalized = v.replace(/,/g, "");
  else if (/^-?\d+([.,]\d+)?$/.test(v)) normalized = v.replace(",", ".");
  else return "invalid";
  const n = Number(normalized);
  return Number.isFinite(n) ? n : "invalid";
}

/** Longest column name or code repeated back in a report (a cell can be long; the report stays small). */
const ECHO_MAX = 60;
const echo = (text: string) => (text.length > ECHO_MAX ? `${text.slice(0, ECHO_MAX)}…` : text);

export type ColumnProblem = { column: string; code: "IMPORT_COLUMN_MISSING" | "IMPORT_COLUMN_UNKNOWN" | "TARGET_YEAR_OUTSIDE_PERIOD" };
export type ItemRowResult = {
  row: number;
  code: string;
  item: ActionItem | null;
  /** The code of the item this row follows (in the file or already in the period); null if none. */
  follows: string | null;
  problems: { field: string; code: string }[];
};

/** An item already in the period, as the import needs it: its code clashes, and rows may follow it. */
export type ExistingItem = Pick<ActionItem, "code" | "level" | "subTaskForce">;

/**
 * Reads a table (the header row first) into action items for a period. Column problems stop the
 * whole file (an unknown or missing column, a target column for a year outside the period); row
 * problems are reported per row and field: each field's own rules, a code repeated in the file or
 * already in the period, and a followed item that is neither in the file nor in the period or that
 * may not be followed ({@link mayFollow}).
 */
export function readActionItemTable(
  table: readonly (readonly string[])[],
  period: { firstYear: number; lastYear: number },
  existing: readonly ExistingItem[] = [],
): { columns: ColumnProblem[]; rows: ItemRowResult[] } {
  const [header, ...body] = table;
  if (!header) return { columns: [{ column: "kode", code: "IMPORT_COLUMN_MISSING" }], rows: [] };
  const columns: ColumnProblem[] = [];
  const at = new Map<ItemColumn, number>();
  const years = new Map<number, number>();
  header.forEach((h, i) => {
    if (h.trim() === "") return;
    const what = itemHeaderOf(h);
    if (!what) columns.push({ column: echo(h.trim()), code: "IMPORT_COLUMN_UNKNOWN" });
    else if ("column" in what) at.set(what.column, i);
    else if (what.year < period.firstYear || what.year > period.lastYear) columns.push({ column: echo(h.trim()), code: "TARGET_YEAR_OUTSIDE_PERIOD" });
    else years.set(what.year, i);
  });
  for (const c of REQUIRED) if (!at.has(c)) columns.push({ column: ITEM_COLUMNS[c][0], code: "IMPORT_COLUMN_MISSING" });
  if (columns.length > 0) return { columns, rows: [] };

  const rows: ItemRowResult[] = [];
  body.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    const get = (c: ItemColumn) => (at.has(c) ? (cells[at.get(c)!] ?? "").trim() : "");
    const problems: { field: string; code: string }[] = [];
    const targets: { year: number; value: number }[] = [];
    for (const [year, i] of years) {
      const value = readFigure(cells[i] ?? "");
      if (value === "invalid") problems.push({ field: `target_${year}`, code: "TARGET_INVALID" });
      else if (value !== null) targets.push({ year, value });
    }
    const baseline = readFigure(get("baseline"));
    if (baseline === "invalid") problems.push({ field: "baseline", code: "BASELINE_INVALID" });
    const raw = {
      code: get("code"),
      subTaskForce: SUB_TASK_FORCE_WORDS.get(word(get("subTaskForce"))) ?? get("subTaskForce"),
      programme: get("programme"),
      activity: get("activity"),
      indicator: get("indicator"),
      unit: UNIT_WORDS[word(get("unit"))] ?? get("unit"),
      baseline: baseline === "invalid" ? null : baseline,
      targetMode: MODE_WORDS[word(get("targetMode"))] ?? get("targetMode"),
      targets: targets.sort((a, b) => a.year - b.year),
      leadAgency: get("leadAgency"),
      relatedAgencies: get("relatedAgencies").split(/[;\n]/).map((s) => s.trim()).filter((s) => s.length >= 2),
      level: LEVEL_WORDS[word(get("level"))] ?? get("level"),
    };
    const parsed = ActionItemSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ field: String(issue.path[0] ?? ""), code: isDomainErrorCode(issue.message) ? issue.message : "VALIDATION_FAILED" });
    } else {
      for (const p of checkActionItem(parsed.data, period)) problems.push({ field: p.path.startsWith("targets.") ? `target_${parsed.data.targets[Number(p.path.split(".")[1])]?.year ?? ""}` : p.path, code: p.code });
    }
    const follows = get("follows") === "" ? null : get("follows");
    rows.push({ row: index + 2, code: echo(raw.code), item: parsed.success && problems.length === 0 ? parsed.data : null, follows, problems });
  });
  const inPeriod = new Map(existing.map((e) => [e.code.toLowerCase(), e]));
  const inFile = new Map<string, ExistingItem>();
  for (const r of rows) {
    const k = r.code.toLowerCase();
    if (inFile.has(k) || inPeriod.has(k)) r.problems.push({ field: "code", code: "ITEM_CODE_TAKEN" });
    else if (r.item) inFile.set(k, r.item);
  }
  for (const r of rows) {
    if (r.follows === null || !r.item) continue;
    const followed = inFile.get(r.follows.toLowerCase()) ?? inPeriod.get(r.follows.toLowerCase());
    if (!followed || !mayFollow(r.item, followed)) r.problems.push({ field: "follows", code: "ITEM_FOLLOWS_INVALID" });
  }
  // Name each problem's field as the file's own header says it ("Indikator", "target_2031").
  const headerOf = new Map<string, string>([
    ...[...at].map(([column, i]) => [column, echo((header[i] ?? column).trim())] as [string, string]),
    ...[...years].map(([year, i]) => [`target_${year}`, echo((header[i] ?? `target_${year}`).trim())] as [string, string]),
  ]);
  for (const r of rows) {
    if (r.problems.length > 0) r.item = null;
    for (const p of r.problems) p.field = headerOf.get(p.field) ?? p.field;
  }
  return { columns, rows };
}

/** The header row of an export (and the template for an import) of a period's plan. */
export function itemTableHeader(period: { firstYear: number; lastYear: number }): string[] {
  const years = Array.from({ length: period.lastYear - period.firstYear + 1 }, (_, i) => `target_${period.firstYear + i}`);
  return ["kode", "sub_gugus_tugas", "program", "kegiatan", "indikator", "satuan", "baseline", "mode_target", ...years, "penanggung_jawab", "instansi_terkait", "tingkat", "mengikuti"];
}

/**
 * One item as a row under {@link itemTableHeader} (codes, not words, so the file imports back as it
 * was); `followsCode` is the code of the item it follows.
 */
export function itemTableRow(item: ActionItem, period: { firstYear: number; lastYear: number }, followsCode: string | null = null): (string | number | null)[] {
  const years = Array.from({ length: period.lastYear - period.firstYear + 1 }, (_, i) => period.firstYear + i);
  return [
    item.code,
    item.subTaskForce,
    item.programme,
    item.activity,
    item.indicator,
    item.unit,
    item.baseline,
    item.targetMode,
    ...years.map((y) => item.targets.find((t) => t.year === y)?.value ?? null),
    item.leadAgency,
    item.relatedAgencies.join("; "),
    item.level,
    followsCode,
  ];
}

/** The name of a file sent for import, kept in the audit log: free text under the one text rule, 1 to 200 characters. */
export const ImportFileNameSchema = textSchema("IMPORT_FILE_INVALID", { min: 1, max: 200 });
