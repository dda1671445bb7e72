import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { failureOf, fixtureFactory } from "../test-helpers.ts";
import type { Fixture } from "../test-helpers.ts";
import { DomainError } from "@gugus/domain";
import { readTable, XLSX_MAX_COLUMNS, XLSX_MAX_UNPACKED_BYTES } from "./parse-file.ts";

// A zip written byte by byte, so that a test can make its central directory say what it likes.
type Stored = { name: string; bytes: Uint8Array; size: number; crc: number };
type Listing = { name: string; of: number; size?: number; localSize?: number; descriptor?: boolean };

const u16 = (n: number) => Buffer.from([n & 0xff, (n >>> 8) & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

const stored = (name: string, content: string | Uint8Array): Stored => {
  const raw = typeof content === "string" ? Buffer.from(content) : Buffer.from(content);
  return { name, bytes: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
};

/**
 * Local headers and deflated data for each stored entry, then one central record per listing, each
 * pointing at the local header of the entry it names by index (several may point at the same one).
 */
function craftZip(entries: Stored[], listings: Listing[]): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (const [i, e] of entries.entries()) {
    const name = Buffer.from(e.name);
    const listing = listings.find((l) => l.of === i);
    const localSize = listing?.localSize ?? e.size;
    // With a data descriptor (flag 8) the local header leaves crc and sizes 0; they follow the data.
    const header = listing?.descriptor
      ? Buffer.concat([u32(0x04034b50), u16(20), u16(8), u16(8), u16(0), u16(0), u32(0), u32(0), u32(0), u16(name.length), u16(0), name])
      : Buffer.concat([u32(0x04034b50), u16(20), u16(0), u16(8), u16(0), u16(0), u32(e.crc), u32(e.bytes.length), u32(localSize), u16(name.length), u16(0), name]);
    const descriptor = listing?.descriptor ? Buffer.concat([u32(0x08074b50), u32(e.crc), u32(e.bytes.length), u32(e.size)]) : Buffer.alloc(0);
    offsets.push(at);
    parts.push(header, Buffer.from(e.bytes), descriptor);
    at += header.length + e.bytes.length + descriptor.length;
  }
  const central: Buffer[] = listings.map((l) => {
    const e = entries[l.of]!;
    const name = Buffer.from(l.name);
    return Buffer.concat([
      u32(0x02014b50), u16(20), u16(20), u16(l.descriptor ? 8 : 0), u16(8), u16(0), u16(0), u32(e.crc), u32(e.bytes.length), u32(l.size ?? e.size),
      u16(name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(offsets[l.of]!), name,
    ]);
  });
  const directory = Buffer.concat(central);
  const end = Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(listings.length), u16(listings.length), u32(directory.length), u32(at), u16(0)]);
  return Buffer.concat([...parts, directory, end]);
}

const sheetXml = (rows: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

/** The entries a workbook needs (content types, workbook, its relationships, one sheet). */
const workbookEntries = (sheet: string): Stored[] => [
  stored("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
  stored("_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
  stored("xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="GT" sheetId="1" r:id="rId1"/></sheets></workbook>`),
  stored("xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
  stored("xl/worksheets/sheet1.xml", sheet),
];
const listEach = (entries: Stored[]): Listing[] => entries.map((e, i) => ({ name: e.name, of: i }));
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER_ROW = `<row r="1">${inline("A1", "kode")}${inline("B1", "jenis")}</row>`;

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; details?: Record<string, unknown> };
  }
  throw new Error("expected the file to be refused");
};

describe("reading a zip as its central directory lists it", () => {
  // 6 MB of zeros deflates to a few KB; five listings of it unpack to 30 MB, past the 20 MB cap.
  const hidden = stored("xl/media/image1.png", new Uint8Array(6 * 1024 * 1024));

  it("reads a plain crafted workbook (so the refusals below are about the bounds, not the builder)", async () => {
    const entries = workbookEntries(sheetXml(`${HEADER_ROW}<row r="2">${inline("A2", "32.73")}${inline("B2", "perwali")}</row>`));
    expect(await readTable("gt.xlsx", craftZip(entries, listEach(entries)))).toEqual([["kode", "jenis"], ["32.73", "perwali"]]);
  });

  it("refuses one hidden entry listed five times under five names, whose sizes add up past the cap", async () => {
    const entries = [...workbookEntries(sheetXml(HEADER_ROW)), hidden];
    const listings = [...listEach(entries).slice(0, -1), ...[1, 2, 3, 4, 5].map((n) => ({ name: `xl/media/image${n}.png`, of: entries.length - 1 }))];
    const file = craftZip(entries, listings);
    expect(file.length).toBeLessThan(50_000);
    expect(5 * hidden.size).toBeGreaterThan(XLSX_MAX_UNPACKED_BYTES);
    expect(await refusal(readTable("gt.xlsx", file))).toMatchObject({ code: "IMPORT_FILE_INVALID", details: { reason: "too_large" } });
  });

  it("refuses two listings of the same data even when their sizes fit under the cap (overlapping entries)", async () => {
    const small = stored("xl/media/image1.png", new Uint8Array(1024 * 1024));
    const entries = [...workbookEntries(sheetXml(HEADER_ROW)), small];
    const listings = [...listEach(entries), { name: "xl/media/image2.png", of: entries.length - 1 }];
    expect(await refusal(readTable("gt.xlsx", craftZip(entries, listings)))).toMatchObject({ code: "IMPORT_FILE_INVALID", details: { reason: "unreadable" } });
  });

  it("refuses a name listed twice", async () => {
    const entries = [...workbookEntries(sheetXml(HEADER_ROW)), stored("xl/media/image1.png", "a"), stored("xl/media/image1.png", "b")];
    expect(await refusal(readTable("gt.xlsx", craftZip(entries, listEach(entries))))).toMatchObject({ details: { reason: "unreadable" } });
  });

  it("refuses an entry whose central record declares a smaller size than its local header", async () => {
    const entries = [...workbookEntries(sheetXml(HEADER_ROW)), hidden];
    const listings = listEach(entries).map((l, i) => (i === entries.length - 1 ? { ...l, size: 10 } : l));
    expect(await refusal(readTable("gt.xlsx", craftZip(entries, listings)))).toMatchObject({ details: { reason: "unreadable" } });
  });

  it("stops unpacking a sheet at the first byte past the size both headers declare", async () => {
    const entries = workbookEntries(sheetXml(`${HEADER_ROW}${"<row/>".repeat(100_000)}`));
    const sheet = entries.length - 1;
    const listings = listEach(entries).map((l, i) => (i === sheet ? { ...l, size: 1000, localSize: 1000 } : l));
    expect(await refusal(readTable("gt.xlsx", craftZip(entries, listings)))).toMatchObject({ details: { reason: "too_large" } });
  });

  it("reads entries written with data descriptors (sizes only in the central directory), as Java's zip writers do", async () => {
    const entries = workbookEntries(sheetXml(`${HEADER_ROW}<row r="2">${inline("A2", "32.73")}</row>`));
    const listings = listEach(entries).map((l) => ({ ...l, descriptor: true }));
    expect(await readTable("gt.xlsx", craftZip(entries, listings))).toEqual([["kode", "jenis"], ["32.73"]]);
  });

  it("answers any damaged workbook with a table or IMPORT_FILE_INVALID, never another error", async () => {
    const entries = [...workbookEntries(sheetXml(`${HEADER_ROW}<row r="2">${inline("A2", "32.73")}</row>`)), stored("xl/sharedStrings.xml", "<sst><si><t>a</t></si></sst>")];
    const file = craftZip(entries, listEach(entries));
    const damage = fc.array(fc.tuple(fc.nat({ max: file.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(damage, fc.nat({ max: file.length }), async (changes, keep) => {
        const copy = Buffer.from(file.subarray(0, Math.max(keep, file.length - 40)));
        for (const [at, byte] of changes) if (at < copy.length) copy[at] = byte;
        try {
          expect(Array.isArray(await readTable("gt.xlsx", copy))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe("IMPORT_FILE_INVALID");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a file that is not a zip, or one cut short", async () => {
    const entries = workbookEntries(sheetXml(HEADER_ROW));
    const file = craftZip(entries, listEach(entries));
    expect(await refusal(readTable("gt.xlsx", Buffer.from("kode,jenis\n")))).toMatchObject({ details: { reason: "unreadable" } });
    expect(await refusal(readTable("gt.xlsx", file.subarray(0, file.length - 30)))).toMatchObject({ details: { reason: "unreadable" } });
  });
});

describe("reading back what a spreadsheet writer wrote", () => {
  const text = fc.string({ unit: fc.constantFrom("a", "Z", "7", " ", "<", ">", "&", '"', "'", "é", "中", "😀", ".", "/", "\n"), maxLength: 12 });
  const day = fc.integer({ min: -30_000, max: 40_000 }).map((d) => new Date(Date.UTC(2000, 0, 1) + d * 86_400_000));
  const cell = fc.oneof(text, fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), day);

  it("reads any table of text, numbers and dates written by exceljs as the same text (numbers as JavaScript writes them, dates as YYYY-MM-DD)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), async (rows) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet("GT");
        for (const row of rows) sheet.addRow(row);
        const file = Buffer.from(await workbook.xlsx.writeBuffer());
        // Whether a writer keeps an empty cell at a row's end, or an empty last row, is its own choice: compare without them.
        const trimmed = (table: (string | number | Date)[][]) => {
          const out = table.map((row) => {
            const cells = row.map((c) => (typeof c === "number" ? String(c) : c instanceof Date ? c.toISOString().slice(0, 10) : c));
            while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
            return cells;
          });
          while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
          return out;
        };
        expect(trimmed(await readTable("gt.xlsx", file))).toEqual(trimmed(rows));
      }),
      { numRuns: 40 },
    );
  });
});

describe("bounding the work on a sheet before it is done", () => {
  const columnLetters = (n: number) => {
    let s = "";
    for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
    return s;
  };

  it("refuses one cell in column XFD on each of 1,900 rows at the first such cell, without building the table", async () => {
    const rows = Array.from({ length: 1900 }, (_, i) => `<row r="${i + 2}"><c r="XFD${i + 2}"><v>1</v></c></row>`).join("");
    const entries = workbookEntries(sheetXml(HEADER_ROW + rows));
    const file = craftZip(entries, listEach(entries));
    expect(file.length).toBeLessThan(20_000);
    expect(await refusal(readTable("gt.xlsx", file))).toMatchObject({ code: "IMPORT_FILE_INVALID", details: { reason: "too_many_columns", max: XLSX_MAX_COLUMNS } });
  });

  it("refuses a cell one column past the cap, and reads one at the cap", async () => {
    const at = (n: number) => workbookEntries(sheetXml(`<row r="1">${inline(`${columnLetters(n)}1`, "x")}</row>`));
    expect(await refusal(readTable("gt.xlsx", craftZip(at(XLSX_MAX_COLUMNS + 1), listEach(at(1)))))).toMatchObject({ details: { reason: "too_many_columns" } });
    const table = await readTable("gt.xlsx", craftZip(at(XLSX_MAX_COLUMNS), listEach(at(1))));
    expect(table[0]).toHaveLength(XLSX_MAX_COLUMNS);
    expect(table[0]![XLSX_MAX_COLUMNS - 1]).toBe("x");
  });

  it("refuses a row numbered past the header and 2,000 rows (an empty row at 1,048,576), and cells without references past the cap", async () => {
    const far = workbookEntries(sheetXml(`${HEADER_ROW}<row r="1048576"/>`));
    expect(await refusal(readTable("gt.xlsx", craftZip(far, listEach(far))))).toMatchObject({ details: { reason: "too_many_rows", max: 2000 } });
    const wide = workbookEntries(sheetXml(`<row>${"<c/>".repeat(XLSX_MAX_COLUMNS + 1)}</row>`));
    expect(await refusal(readTable("gt.xlsx", craftZip(wide, listEach(wide))))).toMatchObject({ details: { reason: "too_many_columns" } });
  });

  it("refuses rows or cells out of order, which would overwrite earlier ones", async () => {
    const rows = workbookEntries(sheetXml(`<row r="2"/><row r="1"/>`));
    expect(await refusal(readTable("gt.xlsx", craftZip(rows, listEach(rows))))).toMatchObject({ details: { reason: "unreadable" } });
    const cells = workbookEntries(sheetXml(`<row r="1">${inline("B1", "b")}${inline("A1", "a")}</row>`));
    expect(await refusal(readTable("gt.xlsx", craftZip(cells, listEach(cells))))).toMatchObject({ details: { reason: "unreadable" } });
  });

  it("reads shared strings, numbers, booleans, dates by style, inline strings, entities and gaps as the import expects", async () => {
    const sheet = sheetXml(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>` +
        `<row r="3"><c r="A3"><v>1.5</v></c><c r="B3" t="b"><v>1</v></c><c r="C3" s="1"><v>42156</v></c><c r="D3" t="inlineStr"><is><t>a &amp; b</t></is></c><c r="E3" t="e"><v>#N/A</v></c><c r="F3" t="str"><f>A1</f><v>kode</v></c></row>`,
    );
    const entries = [
      ...workbookEntries(sheet),
      stored("xl/sharedStrings.xml", `<sst><si><t>kode</t></si><si><r><t>Ta</t></r><r><t>nggal</t></r><rPh><t>x</t></rPh></si></sst>`),
      stored("xl/styles.xml", `<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`),
    ];
    expect(await readTable("gt.xlsx", craftZip(entries, listEach(entries)))).toEqual([["kode", "", "Tanggal"], [], ["1.5", "true", "2015-06-01", "a & b", "", "kode"]]);
  });

  it("reads past column ranges, merged ranges and validations over the whole sheet without doing their work", async () => {
    const sheet = `<worksheet><cols><col min="1" max="1000000000" width="9"/></cols><sheetData>${HEADER_ROW}</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations></worksheet>`;
    const entries = workbookEntries(sheet);
    expect(await readTable("gt.xlsx", craftZip(entries, listEach(entries)))).toEqual([["kode", "jenis"]]);
  });

  it("reads dates in the 1904 date system, and a sheet whose elements carry a namespace prefix", async () => {
    const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" s="1"><x:v>40694</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
    const entries = workbookEntries(sheet).map((e) =>
      e.name === "xl/workbook.xml"
        ? stored(e.name, `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="GT" sheetId="1" r:id="rId1"/></sheets></workbook>`)
        : e,
    );
    entries.push(stored("xl/styles.xml", `<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`));
    expect(await readTable("gt.xlsx", craftZip(entries, listEach(entries)))).toEqual([["2015-06-01", "x"]]);
  });

  it("keeps answering other requests while the largest allowed sheet is read (2,001 rows × 256 columns)", { timeout: 60_000 }, async () => {
    const cells = (r: number) => Array.from({ length: XLSX_MAX_COLUMNS }, (_, c) => `<c r="${columnLetters(c + 1)}${r}"><v>${c}</v></c>`).join("");
    const sheet = sheetXml(Array.from({ length: 2001 }, (_, i) => `<row r="${i + 1}">${cells(i + 1)}</row>`).join(""));
    const entries = workbookEntries(sheet);
    const file = craftZip(entries, listEach(entries));
    expect(sheet.length).toBeGreaterThan(10 * 1024 * 1024);

    const server = createServer((_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
    try {
      await fetch(url); // warm the client up, outside the measurement
      const delay = monitorEventLoopDelay({ resolution: 5 });
      delay.enable();
      const started = performance.now();
      let done = false;
      const reading = readTable("gt.xlsx", file).then((table) => {
        done = true;
        return table;
      });
      const answers: boolean[] = [];
      for (let i = 0; i < 3; i++) answers.push(await fetch(url).then(async (r) => (await r.text()) === "ok" && !done));
      const table = await reading;
      const elapsed = performance.now() - started;
      delay.disable();

      expect(table).toHaveLength(2001);
      expect(table[2000]![XLSX_MAX_COLUMNS - 1]).toBe(String(XLSX_MAX_COLUMNS - 1));
      // Three requests in a row were answered while the sheet was still being read …
      expect(answers).toEqual([true, true, true]);
      // … and no single stretch of reading held the event loop for more than a quarter of the read.
      expect(delay.max / 1e6).toBeLessThan(elapsed / 4);
    } finally {
      server.close();
    }
  });
});

describe("the imports refuse an over-large listing or an over-wide sheet, writing nothing", () => {
  let fx: Fixture | undefined;
  afterEach(() => fx?.close());
  const base64 = (file: Buffer) => file.toString("base64");
  const formationRow = `<row r="1">${inline("A1", "region_code")}${inline("B1", "type")}${inline("C1", "number")}${inline("D1", "date")}</row><row r="2">${inline("A2", "32.73")}${inline("B2", "perwali")}${inline("C2", "5/2017")}${inline("D2", "2017-02-01")}</row>`;

  it("formationImport.parse refuses a workbook listing one hidden 6 MB entry five times (and reads it listed once)", async () => {
    fx = (await fixtureFactory()).fresh();
    const admin = fx.callerAs("centralAdmin");
    const hidden = stored("xl/media/image1.png", new Uint8Array(6 * 1024 * 1024));
    const entries = [...workbookEntries(sheetXml(formationRow)), hidden];
    const once = craftZip(entries, listEach(entries));
    expect((await admin.formationImport.parse({ fileName: "gt.xlsx", contentBase64: base64(once) })).rows).toHaveLength(1);
    const listings = [...listEach(entries).slice(0, -1), ...[1, 2, 3, 4, 5].map((n) => ({ name: `xl/media/image${n}.png`, of: entries.length - 1 }))];
    expect(await failureOf(admin.formationImport.parse({ fileName: "gt.xlsx", contentBase64: base64(craftZip(entries, listings)) }))).toMatchObject({ messageKey: "IMPORT_FILE_INVALID", details: { reason: "too_large" } });
  });

  it("ran.checkItemsFile and ran.importItems refuse a cell in column XFD on 1,900 rows, and no item is written", async () => {
    fx = (await fixtureFactory()).fresh();
    const admin = fx.callerAs("centralAdmin");
    const items = () => fx!.handle.sqlite.prepare("SELECT count(*) FROM action_items").pluck().get() as number;
    const before = items();
    const rows = Array.from({ length: 1900 }, (_, i) => `<row r="${i + 2}"><c r="XFD${i + 2}"><v>1</v></c></row>`).join("");
    const entries = workbookEntries(sheetXml(`<row r="1">${inline("A1", "kode")}</row>${rows}`));
    const contentBase64 = base64(craftZip(entries, listEach(entries)));
    // Each call starts only when the previous one is settled: a second promise started early would reject unobserved.
    for (const call of [() => admin.ran.checkItemsFile({ number: 3, fileName: "ran.xlsx", contentBase64 }), () => admin.ran.importItems({ number: 3, fileName: "ran.xlsx", contentBase64 })]) {
      expect(await failureOf(call())).toMatchObject({ messageKey: "IMPORT_FILE_INVALID", details: { reason: "too_many_columns", max: XLSX_MAX_COLUMNS } });
    }
    expect(items()).toBe(before);
  });
});
