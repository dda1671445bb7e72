/**
 * Every text a person can type goes through the one text rule: this test walks every zod schema the
 * domain exports, finds each field that takes a string (through objects, arrays, unions, optional,
 * nullable, default and pipe), and checks that it refuses an NIK with PERSONAL_DATA_IN_TEXT. A field
 * that is not free text is named in ALLOWED with the reason; an entry the walk no longer meets fails.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as domain from "./index.ts";

type TextField = { path: string; schema: z.ZodType };
type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers that hold one schema and take the same input. */
const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);
/** Types that take no string. */
const NOT_TEXT = new Set(["number", "int", "bigint", "boolean", "enum", "literal", "null", "undefined", "date", "nan", "never", "void"]);

/** Does the schema, as a field, take a string as typed (a string, or a pipe or wrapper around one)? */
function takesText(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (def.type === "string") return true;
  if (WRAPPERS.has(def.type)) return takesText(def.innerType as z.ZodType);
  if (def.type === "pipe") return takesText(def.in as z.ZodType);
  return false;
}

/** Every field under `schema` that takes a string, by its path. Throws on a kind of schema it cannot look into. */
function listTextFields(schema: z.ZodType, path: string, out: TextField[] = []): TextField[] {
  if (takesText(schema)) {
    out.push({ path, schema });
    return out;
  }
  const def = defOf(schema);
  if (NOT_TEXT.has(def.type)) return out;
  if (WRAPPERS.has(def.type)) return listTextFields(def.innerType as z.ZodType, path, out);
  switch (def.type) {
    case "object":
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) listTextFields(field, `${path}.${key}`, out);
      return out;
    case "array":
      return listTextFields(def.element as z.ZodType, `${path}[]`, out);
    case "union":
      (def.options as z.ZodType[]).forEach((option, i) => listTextFields(option, `${path}|${i}`, out));
      return out;
    case "intersection":
      listTextFields(def.left as z.ZodType, path, out);
      return listTextFields(def.right as z.ZodType, path, out);
    case "tuple":
      (def.items as z.ZodType[]).forEach((item, i) => listTextFields(item, `${path}[${i}]`, out));
      return out;
    case "record":
      listTextFields(def.keyType as z.ZodType, `${path}{key}`, out);
      return listTextFields(def.valueType as z.ZodType, `${path}{}`, out);
    case "pipe":
      listTextFields(def.in as z.ZodType, path, out);
      return listTextFields(def.out as z.ZodType, path, out);
    default:
      throw new Error(`${path}: cannot look into a zod "${def.type}" schema; teach listTextFields`);
  }
}

/** Is the schema one of these, or one of these made optional, nullable or defaulted? */
function isOneOf(schema: z.ZodType, these: readonly z.ZodType[]): boolean {
  if (these.includes(schema)) return true;
  const def = defOf(schema);
  return WRAPPERS.has(def.type) && isOneOf(def.innerType as z.ZodType, these);
}

/** Strings that are not free text, wherever a schema uses them: each has its own closed form. */
const NOT_FREE_TEXT: readonly { schema: z.ZodType; why: string }[] = [
  { schema: domain.IsoDateSchema, why: "a date, YYYY-MM-DD" },
  { schema: domain.AdoptionDateSchema, why: "a date, YYYY-MM-DD (required)" },
  { schema: domain.RegionCodeSchema, why: "a region code, PP or PP.KK" },
  { schema: domain.ItemCodeSchema, why: "an action item's code, a closed pattern" },
  { schema: domain.EmailSchema, why: "an email address: the account's sign-in, stored as such" },
  { schema: domain.SignInPasswordSchema, why: "a password: hashed, never stored or shown as text" },
  { schema: domain.SearchQuerySchema, why: "a search: never stored, and finds nothing a text rule kept out" },
  { schema: domain.OptionalSearchQuerySchema, why: "a filter: never stored, and finds nothing a text rule kept out" },
  { schema: domain.CountryCodeSchema, why: "a country's ISO code, two capital letters" },
  { schema: domain.PeriodKeySchema, why: "a reporting period's key, 2025 or 2025-S1" },
  { schema: domain.TotpCodeSchema, why: "a second-factor code, six digits, checked and never stored" },
  { schema: domain.RecoveryCodeSchema, why: "a recovery code of a closed alphabet, kept only as a hash" },
  { schema: domain.AnnouncementAudienceSchema, why: "a province's code, two digits, or none" },
];

/** Fields by path that take a string without the text rule, and why that is safe. */
const ALLOWED_PATHS: Record<string, string> = {
  "ImportRowSchema.regionCode": "a raw spreadsheet cell; checkImportRowFields reads it as a region code",
  "ImportRowSchema.type": "a raw spreadsheet cell; checkImportRowFields reads it as an instrument type",
  "ImportRowSchema.number": "a raw spreadsheet cell; checkImportRowFields puts it through the text rule (tested below)",
  "ImportRowSchema.issuedOn": "a raw spreadsheet cell; checkImportRowFields reads it as a date",
  "ImportRowSchema.issuer": "a raw spreadsheet cell; checkImportRowFields puts it through the text rule (tested below)",
};

const PROBE = "NIK 3275010101010001";

const exportedSchemas = Object.entries(domain as Record<string, unknown>).flatMap(([name, value]): [string, z.ZodType][] => (value instanceof z.ZodType ? [[name, value]] : []));
const allTextFields = exportedSchemas.flatMap(([name, schema]) => listTextFields(schema, name));
const isAllowed = (f: TextField) => f.path in ALLOWED_PATHS || isOneOf(f.schema, NOT_FREE_TEXT.map((n) => n.schema));
const refuses = (schema: z.ZodType, text: string) => schema.safeParse(text).error?.issues.some((i) => i.message === "PERSONAL_DATA_IN_TEXT") ?? false;

describe("every free-text field of the domain's schemas goes through the text rule", () => {
  it("finds the text fields of the exported schemas, in objects, arrays, unions and wrappers", () => {
    expect(exportedSchemas.length).toBeGreaterThan(30);
    const paths = allTextFields.map((f) => f.path);
    for (const path of ["PersonNameSchema", "MembershipSchema.office", "MembershipSchema.personName", "InstrumentSchema.documentRef", "RanPeriodSchema.instrument", "RestructurePlanSchema|0.legalBasis", "RestructurePlanSchema|3.newName", "ActionItemSchema.relatedAgencies[]"]) {
      expect(paths, path).toContain(path);
    }
  });

  it(`refuses "${PROBE}" with PERSONAL_DATA_IN_TEXT in every field not named as free of it`, () => {
    const skipping = allTextFields.filter((f) => !isAllowed(f) && !refuses(f.schema, PROBE)).map((f) => f.path);
    expect(skipping).toEqual([]);
  });

  it("refuses a grouped NIK and a phone number in full-width digits in every such field too", () => {
    const probes = ["NIK 3275-0101-0101-0001", "HP (０８１２) ３４５６-７８９０"];
    const skipping = allTextFields.filter((f) => !isAllowed(f)).flatMap((f) => probes.filter((p) => !refuses(f.schema, p)).map((p) => `${f.path}: ${p}`));
    expect(skipping).toEqual([]);
  });

  it("names no field as free of the rule that the walk does not meet, nor any free-text schema", () => {
    const paths = new Set(allTextFields.map((f) => f.path));
    expect(Object.keys(ALLOWED_PATHS).filter((p) => !paths.has(p))).toEqual([]);
    const met = NOT_FREE_TEXT.filter((n) => !allTextFields.some((f) => isOneOf(f.schema, [n.schema])));
    expect(met.map((n) => n.why)).toEqual([]);
    expect(NOT_FREE_TEXT.filter((n) => refuses(n.schema, PROBE)).map((n) => n.why)).toEqual([]);
  });

  it("reports a field that skips the rule, in a made-up schema: a plain string, one inside an array of a union, a nullable one", () => {
    const made = z.object({
      ok: domain.textSchema("VALIDATION_FAILED", { max: 100 }),
      note: z.string().max(100),
      list: z.array(z.union([z.object({ memo: z.string() }), z.number()])),
      maybe: z.string().nullable().default(null),
    });
    const fields = listTextFields(made, "Made");
    expect(fields.map((f) => f.path)).toEqual(["Made.ok", "Made.note", "Made.list[]|0.memo", "Made.maybe"]);
    expect(fields.filter((f) => !refuses(f.schema, PROBE)).map((f) => f.path)).toEqual(["Made.note", "Made.list[]|0.memo", "Made.maybe"]);
  });

  it("stops at a kind of schema it cannot look into, instead of passing it by", () => {
    expect(() => listTextFields(z.map(z.string(), z.string()), "Made")).toThrow(/cannot look into a zod "map"/);
  });
});

describe("the formation import's raw cells meet the text rule when a row is checked", () => {
  const row = { row: 2, regionCode: "32.75", type: "perwali", number: "9/2019", issuedOn: "2019-05-01", issuer: "Wali Kota" };
  it("refuses a row whose number or issuer holds an NIK or a phone number", () => {
    expect(domain.checkImportRowFields(row).value).not.toBeNull();
    expect(domain.checkImportRowFields({ ...row, number: "9/2019 NIK 3275-0101-0101-0001" }).value).toBeNull();
    expect(domain.checkImportRowFields({ ...row, issuer: "Wali Kota, HP (0812) 3456-7890" }).value).toBeNull();
  });
  it("names the reason on the row: PERSONAL_DATA_IN_TEXT for an identifier, the field's own code for a blank or too long cell", () => {
    const keys = (r: Partial<typeof row>) => domain.checkImportRowFields({ ...row, ...r }).issues.map((i) => `${i.field}:${i.messageKey}`);
    expect(keys({ number: "9/2019 NIK 3275-0101-0101-0001" })).toEqual(["number:PERSONAL_DATA_IN_TEXT"]);
    expect(keys({ issuer: "Wali Kota, HP (0812) 3456-7890" })).toEqual(["issuer:PERSONAL_DATA_IN_TEXT"]);
    expect(keys({ number: " " })).toEqual(["number:INSTRUMENT_NUMBER_INVALID"]);
    expect(keys({ issuer: "W".repeat(161) })).toEqual(["issuer:INSTRUMENT_ISSUER_INVALID"]);
  });
});
