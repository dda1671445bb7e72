/** Reading back which cells of a written XLSX file carry the `quotePrefix` style (exceljs does not read it). */
import { strFromU8, unzipSync } from "fflate";

/** A text a spreadsheet would take for a formula (a carriage return reads back as a line break). */
export const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Every quoted cell as `sheet number!address` ("1!A8"), sheets numbered from 1 in workbook order. */
export function quotedCellsOf(bytes: Uint8Array): Set<string> {
  const files = unzipSync(bytes);
  const styles = strFromU8(files["xl/styles.xml"]!);
  const cellXfs = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(styles)?.[0] ?? "";
  const quoted = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => m[0].includes('quotePrefix="1"'));
  const out = new Set<string>();
  for (let n = 1; files[`xl/worksheets/sheet${n}.xml`] !== undefined; n++) {
    for (const m of strFromU8(files[`xl/worksheets/sheet${n}.xml`]!).matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g)) {
      if (quoted[Number(m[2] ?? 0)] === true) out.add(`${n}!${m[1]}`);
    }
  }
  return out;
}

/** The cells holding text that begins a formula but are not quoted (none, in a file written safely). */
export function unquotedFormulaTexts(bytes: Uint8Array, workbook: { worksheets: { eachRow: (f: (row: { eachCell: (g: (cell: { value: unknown; address: string }) => void) => void }) => void) => void }[] }): string[] {
  const quoted = quotedCellsOf(bytes);
  const out: string[] = [];
  workbook.worksheets.forEach((sheet, i) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string" && FORMULA_START.test(cell.value) && !quoted.has(`${i + 1}!${cell.address}`)) out.push(`${i + 1}!${cell.address} ${cell.value}`);
      }),
    ),
  );
  return out;
}
