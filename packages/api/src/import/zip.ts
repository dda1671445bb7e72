/**
 * Reading a zip (an XLSX file) the way a spreadsheet reader reads it — from the central directory —
 * with every size bounded before it is unpacked. The local headers are read only to find where each
 * entry's data starts, and must agree with the central directory.
 */
import { DomainError } from "@gugus/domain";
import { promisify } from "node:util";
import { inflateRaw as inflateRawCallback } from "node:zlib";

const inflateRaw = promisify(inflateRawCallback);

export type ZipLimits = {
  /** The most all entries together may unpack to. */
  maxUnpackedBytes: number;
  /** The most entries the central directory may list. */
  maxEntries: number;
};

type Entry = { name: string; method: number; compressedSize: number; size: number; localStart: number; dataStart: number };

const invalid = (reason: "unreadable" | "too_large", details: Record<string, unknown> = {}) => new DomainError("IMPORT_FILE_INVALID", { reason, ...details });
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;

/** A zip's entries as its central directory lists them, checked; unpack one with {@link ZipFile.read}. */
export type ZipFile = { read: (name: string) => Promise<Uint8Array | undefined> };

/**
 * Opens a zip, refusing (IMPORT_FILE_INVALID) one whose central directory lists more than
 * `maxEntries` entries, a name twice, entries whose data overlap, an entry whose local header
 * disagrees with its central record, encrypted or ZIP64 entries, or sizes that add up past
 * `maxUnpackedBytes`. An entry that unpacks to more than it declares is refused while unpacking, at
 * the first byte past its declared size.
 */
export function openZip(content: Uint8Array, limits: ZipLimits): ZipFile {
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const eocd = findEndOfCentralDirectory(content, view);
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0 || u16(eocd + 8) !== u16(eocd + 10)) throw invalid("unreadable");
  const count = u16(eocd + 10);
  const directorySize = u32(eocd + 12);
  const directoryStart = u32(eocd + 16);
  if (count === 0xffff || directoryStart === 0xffffffff) throw invalid("unreadable");
  if (count > limits.maxEntries) throw invalid("too_large", { entries: count, max: limits.maxEntries });
  // The directory ends where its end record starts: nothing hidden between (no ZIP64, no gap).
  if (directoryStart + directorySize !== eocd) throw invalid("unreadable");

  // First the central directory alone (what a reader would unpack), then each local header against it.
  const records: { name: string; nameBytes: Uint8Array; flags: number; method: number; crc: number; compressedSize: number; size: number; local: number }[] = [];
  const seen = new Set<string>();
  let declared = 0;
  let at = directoryStart;
  const decoder = new TextDecoder("utf-8", { fatal: false });
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || u32(at) !== CENTRAL) throw invalid("unreadable");
    const flags = u16(at + 8);
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    if (next > eocd) throw invalid("unreadable");
    if (flags & 0x1 || (method !== 0 && method !== 8) || u16(at + 34) !== 0) throw invalid("unreadable");
    if (compressedSize === 0xffffffff || size === 0xffffffff) throw invalid("unreadable");
    declared += size;
    if (declared > limits.maxUnpackedBytes) throw invalid("too_large");
    const nameBytes = content.subarray(at + 46, at + 46 + nameLength);
    const name = decoder.decode(nameBytes);
    const key = name.replace(/^\/+/, "").toLowerCase();
    if (seen.has(key)) throw invalid("unreadable");
    seen.add(key);

    records.push({ name, nameBytes, flags, method, crc, compressedSize, size, local: u32(at + 42) });
    at = next;
  }
  if (at !== eocd) throw invalid("unreadable");

  const entries: Entry[] = [];
  for (const { name, nameBytes, flags, method, crc, compressedSize, size, local } of records) {
    const nameLength = nameBytes.length;
    if (local + 30 > directoryStart || u32(local) !== LOCAL) throw invalid("unreadable");
    const localFlags = u16(local + 6);
    if (u16(local + 8) !== method || u16(local + 26) !== nameLength || (localFlags & 0x8) !== (flags & 0x8)) throw invalid("unreadable");
    if (!(flags & 0x8) && (u32(local + 14) !== crc || u32(local + 18) !== compressedSize || u32(local + 22) !== size)) throw invalid("unreadable");
    const localName = content.subarray(local + 30, local + 30 + nameLength);
    if (!localName.every((b, j) => b === nameBytes[j])) throw invalid("unreadable");
    const dataStart = local + 30 + nameLength + u16(local + 28);
    if (dataStart + compressedSize > directoryStart) throw invalid("unreadable");
    if (method === 0 && compressedSize !== size) throw invalid("unreadable");

    entries.push({ name, method, compressedSize, size, localStart: local, dataStart });
  }

  // No two entries may share bytes: each byte of data is unpacked once at most.
  const byStart = entries
    .map((e) => ({ start: e.localStart, end: e.dataStart + e.compressedSize }))
    .sort((a, b) => a.start - b.start);
  for (let i = 1; i < byStart.length; i++) if (byStart[i]!.start < byStart[i - 1]!.end) throw invalid("unreadable");

  const byName = new Map(entries.map((e) => [e.name.replace(/^\/+/, "").toLowerCase(), e]));
  return {
    read: async (name) => {
      const entry = byName.get(name.toLowerCase());
      return entry ? await unpack(content.subarray(entry.dataStart, entry.dataStart + entry.compressedSize), entry) : undefined;
    },
  };
}

function findEndOfCentralDirectory(content: Uint8Array, view: DataView): number {
  const last = content.length - EOCD_SIZE;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD && at + EOCD_SIZE + view.getUint16(at + 20, true) === content.length) return at;
  }
  throw invalid("unreadable");
}

/**
 * Unpacks one entry off the event loop (zlib's thread pool), refusing it at the first byte past its
 * declared size (zlib stops there) and when it unpacks to less.
 */
async function unpack(data: Uint8Array, entry: Entry): Promise<Uint8Array> {
  if (entry.method === 0) return data.slice();
  let out: Buffer;
  try {
    out = await inflateRaw(data, { maxOutputLength: Math.max(entry.size, 1) });
  } catch (error) {
    throw invalid((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "too_large" : "unreadable");
  }
  if (out.length !== entry.size) throw invalid("unreadable");
  return out;
}
