/**
 * fast-check arbitraries derived from a procedure's own zod 4 input schema (read from `_zod.def`):
 * values that pass the schema's shape and bounds, near-misses (one past a bound, a wrong type, a
 * missing or unknown key), and words the fixture knows (region codes, dates, e-mails) so that
 * generated inputs also reach the handlers. Strings may carry a marker (`markersIn`) that an error
 * must never give back.
 */
import fc from "fast-check";
import type { Arbitrary } from "fast-check";
import { FIXTURE_PASSWORD } from "./test-helpers.ts";

type Def = {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, Schema>;
  catchall?: Schema;
  element?: Schema;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  options?: Schema[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  defaultValue?: unknown;
  format?: string;
  pattern?: RegExp;
  getter?: () => Schema;
};
type CheckDef = { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; format?: string; pattern?: RegExp };
export type Schema = { _zod: { def: Def } };

/** A marker put into generated strings: an error shape holding one echoes the caller's input. */
const marker = fc.integer({ min: 0, max: 0xffffffff }).map((n) => `Zq${n.toString(16).padStart(8, "0")}Mk`);
const MARKER = /Zq[0-9a-f]{8}Mk/g;

/** Every marker in a value, in its strings and in its keys. */
export function markersIn(value: unknown, found = new Set<string>(), depth = 0): Set<string> {
  if (depth > 50) return found;
  if (typeof value === "string") for (const m of value.matchAll(MARKER)) found.add(m[0]);
  else if (Array.isArray(value)) for (const v of value) markersIn(v, found, depth + 1);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      markersIn(k, found, depth + 1);
      markersIn(v, found, depth + 1);
    }
  }
  return found;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/.source;
const PERIOD_KEY = /^\d{4}(-S[12])?$/.source;

const realDate = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const periodKey = fc.tuple(fc.integer({ min: 2015, max: 2035 }), fc.constantFrom("", "-S1", "-S2")).map(([y, s]) => `${y}${s}`);
const regionCode = fc.oneof(fc.constantFrom("32", "32.75", "32.16", "33", "33.74", "31", "31.71", "99"), fc.stringMatching(/^\d{2}(\.\d{2})?$/));
const emails = fc.constantFrom(
  "centraladmin@gugus.test",
  "regencymember@gugus.test",
  "target-regency@gugus.test",
  "deactivated@gugus.test",
  "CentralAdmin@GUGUS.test ",
);
/** A small file's base64: CSV lines with the import's headers, random text or random bytes. */
const csvCell = fc.oneof(fc.constantFrom("32.75", "perwali", "9/2018", "2018-01-05", "III.6.1", "per_tahun", "provinsi", ""), fc.string({ maxLength: 12 }));
const csvText = fc
  .tuple(
    fc.constantFrom(
      "kode_wilayah,jenis,nomor,tanggal",
      "kode,sub_gugus_tugas,program,kegiatan,indikator,satuan,mode_target,target_2020,penanggung_jawab,tingkat",
      "",
    ),
    fc.array(fc.array(csvCell, { maxLength: 10 }).map((cells) => cells.join(",")), { maxLength: 6 }),
  )
  .map(([head, rows]) => [head, ...rows].join("\n"));
const base64File = fc.oneof(csvText.map((t) => Buffer.from(t).toString("base64")), fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString("base64")));
const fileName = fc.constantFrom("gt.csv", "rencana.xlsx", "a.txt", "../../etc/passwd", "x.CSV");

/** Words of the fixture by field name: without them a random string hardly ever names a region or an account. */
const HINTS: Record<string, Arbitrary<unknown>> = {
  email: emails,
  password: fc.constantFrom(FIXTURE_PASSWORD),
  currentPassword: fc.constantFrom(FIXTURE_PASSWORD),
  code: regionCode,
  regionCode,
  sourceCode: regionCode,
  newCode: regionCode,
  oldCode: regionCode,
  contentBase64: base64File,
  fileName,
  country: fc.constantFrom("MY", "SA", "XX", "my"),
};

type Options = { miss: number; name?: string; depth: number };

function checksOf(def: Def): CheckDef[] {
  return (def.checks ?? []).map((c) => c._zod.def);
}

/** Near-misses of any node: the wrong type, a marker, nothing. */
const wrongType: Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(""),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  marker,
  fc.constant([]),
  fc.constant({}),
  marker.map((m) => ({ [m]: m })),
);

function stringArb(def: Def, o: Options): Arbitrary<unknown> {
  const checks = checksOf(def);
  const min = Math.max(0, ...checks.filter((c) => c.check === "min_length").map((c) => c.minimum ?? 0));
  const max = Math.min(100_000_000, ...checks.filter((c) => c.check === "max_length").map((c) => c.maximum ?? Infinity));
  const pattern = def.pattern ?? checks.find((c) => c.check === "string_format" && c.pattern)?.pattern;
  const hint = o.name === undefined ? undefined : HINTS[o.name];
  const cap = Math.min(max, 60);
  const free = fc.oneof(
    { arbitrary: fc.string({ minLength: Math.min(min, cap), maxLength: Math.max(cap, Math.min(min, cap)) }), weight: 3 },
    { arbitrary: fc.string({ minLength: Math.min(min, cap), maxLength: Math.max(cap, Math.min(min, cap)), unit: "grapheme" }), weight: 1 },
    // A marker inside ordinary words.
    { arbitrary: fc.tuple(fc.constantFrom("", "Dinas ", "  Kota "), marker, fc.constantFrom("", " baru", "-2019")).map((p) => p.join("")), weight: 3 },
  );
  let valid: Arbitrary<unknown>;
  if (pattern?.source === DATE) valid = fc.oneof({ arbitrary: realDate, weight: 4 }, fc.stringMatching(pattern));
  else if (pattern?.source === PERIOD_KEY) valid = fc.oneof({ arbitrary: periodKey, weight: 4 }, fc.stringMatching(pattern));
  else if (def.format === "email") valid = fc.oneof(emails, fc.emailAddress(), marker.map((m) => `${m}@gugus.test`));
  else if (pattern) valid = fc.oneof({ arbitrary: fc.stringMatching(pattern), weight: 3 }, marker);
  else valid = free;
  if (hint) valid = fc.oneof({ arbitrary: hint, weight: 3 }, valid);
  const misses: Arbitrary<unknown>[] = [wrongType, fc.constantFrom(" ", "\u0000", "'; DROP TABLE users; --", "<script>", "\u202e")];
  if (min > 0) misses.push(fc.string({ minLength: min - 1, maxLength: min - 1 }));
  if (Number.isFinite(max) && max <= 1_000_000) misses.push(fc.constant(max + 1).map((n) => "x".repeat(n)));
  return withMisses(valid, misses, o);
}

function numberArb(def: Def, o: Options): Arbitrary<unknown> {
  const checks = checksOf(def);
  const integer = checks.some((c) => c.check === "number_format" && (c.format === "safeint" || c.format === "int32")) || def.format === "safeint";
  let min = -Number.MAX_SAFE_INTEGER;
  let max = Number.MAX_SAFE_INTEGER;
  for (const c of checks) {
    if (c.check === "greater_than" && c.value !== undefined) min = Math.max(min, c.inclusive ? c.value : integer ? c.value + 1 : c.value);
    if (c.check === "less_than" && c.value !== undefined) max = Math.min(max, c.inclusive ? c.value : integer ? c.value - 1 : c.value);
  }
  // Small whole numbers within the bounds; a range holding none (0.1 to 0.9) draws its lower bound.
  const low = Math.ceil(min);
  const high = Math.floor(Math.min(max, Math.max(low, 0) + 40));
  const small = low <= high ? fc.integer({ min: low, max: high }) : fc.constant(min);
  const valid = integer
    ? fc.oneof({ arbitrary: small, weight: 4 }, fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.constantFrom(Math.ceil(min), Math.floor(max)))
    : fc.oneof(small, fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
  const misses: Arbitrary<unknown>[] = [
    wrongType,
    fc.constantFrom(min - 1, max + 1, 0.5, -0, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -1),
    small.map((n) => String(n)),
  ];
  return withMisses(valid, misses, o);
}

function withMisses(valid: Arbitrary<unknown>, misses: Arbitrary<unknown>[], o: Options): Arbitrary<unknown> {
  if (o.miss <= 0) return valid;
  return fc.oneof({ arbitrary: valid, weight: Math.round(1 / o.miss) }, { arbitrary: fc.oneof(...misses), weight: 1 });
}

/** An arbitrary for values of `schema`; with `miss` > 0, each node is a near-miss with about that chance. */
export function arbitraryOf(schema: Schema, options: { miss: number }): Arbitrary<unknown> {
  return build(schema, { ...options, depth: 0 });
}

function build(schema: Schema, o: Options): Arbitrary<unknown> {
  const def = schema._zod.def;
  const inner = (s: Schema, name = o.name) => build(s, { ...o, name, depth: o.depth + 1 });
  switch (def.type) {
    case "string":
      return stringArb(def, o);
    case "number":
      return numberArb(def, o);
    case "boolean":
      return withMisses(fc.boolean(), [wrongType, fc.constantFrom("true", 1, 0)], o);
    case "enum": {
      const values = Object.values(def.entries ?? {});
      return withMisses(fc.constantFrom(...values), [wrongType, fc.constantFrom(...values.map((v) => String(v).toUpperCase()), "__proto__", "constructor")], o);
    }
    case "literal":
      return withMisses(fc.constantFrom(...(def.values ?? [])), [wrongType], o);
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return withMisses(fc.constant(undefined), [wrongType], o);
    case "never":
      return wrongType;
    case "unknown":
    case "any":
      return fc.jsonValue();
    case "optional":
      return fc.oneof(fc.constant(undefined), inner(def.innerType!));
    case "nullable":
      return fc.oneof(fc.constant(null), inner(def.innerType!));
    case "default":
    case "prefault":
      return fc.oneof(fc.constant(undefined), inner(def.innerType!));
    case "readonly":
    case "catch":
    case "nonoptional":
      return inner(def.innerType!);
    case "pipe":
      // The output's rules are stricter (a format): generate for them, the input's type being the same.
      return def.in?._zod.def.type === "string" && def.out?._zod.def.type === "string" ? inner(def.out) : inner(def.in!);
    case "lazy":
      return o.depth > 6 ? wrongType : inner(def.getter!());
    case "union":
      return fc.oneof(...def.options!.map((option) => inner(option)));
    case "array": {
      const checks = checksOf(def);
      const min = Math.max(0, ...checks.filter((c) => c.check === "min_length").map((c) => c.minimum ?? 0));
      const max = Math.min(Infinity, ...checks.filter((c) => c.check === "max_length").map((c) => c.maximum ?? Infinity));
      const element = inner(def.element!);
      const valid = fc.array(element, { minLength: min, maxLength: Math.max(min, Math.min(max, 8)) });
      const misses: Arbitrary<unknown>[] = [wrongType, fc.array(element, { minLength: min + 1, maxLength: Math.max(min + 1, Math.min(max, 4)) }).map((a) => [...a, ...a])];
      if (min > 0) misses.push(fc.constant([]));
      if (Number.isFinite(max) && max <= 2000) misses.push(fc.tuple(element).map(([e]) => Array.from({ length: max + 1 }, () => e)));
      return withMisses(valid, misses, o);
    }
    case "object": {
      const shape = def.shape ?? {};
      const fields = Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, inner(value, key)]));
      const record = fc.record(fields).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
      const keys = Object.keys(shape);
      const misses: Arbitrary<unknown>[] = [
        wrongType,
        fc.tuple(record, marker, fc.jsonValue({ maxDepth: 1 })).map(([r, k, v]) => ({ ...r, [k]: v })),
        fc.tuple(record, fc.constantFrom("__proto__", "constructor", "toString")).map(([r, k]) => JSON.parse(JSON.stringify({ ...r }).replace(/^\{/, `{"${k}":{"polluted":true},`).replace(/,\}$/, "}")) as unknown),
      ];
      if (keys.length > 0) misses.push(fc.tuple(record, fc.constantFrom(...keys)).map(([r, k]) => Object.fromEntries(Object.entries(r).filter(([key]) => key !== k))));
      return withMisses(record, misses, o);
    }
    default:
      return fc.jsonValue();
  }
}
