/**
 * The JSON Schema of every public zod schema, for tools written in other languages: zod's own
 * conversion (`z.toJSONSchema`) of what each schema accepts as input, one file per schema in
 * `schemas/`, and `schemas/index.json` naming the entry point that exports each one.
 *
 * A JSON Schema carries the shape, the lengths, the patterns and the allowed values. Rules written
 * as code (an NIK or a phone number in free text, a date that is not in the calendar, a period
 * that overlaps another) are checked by the domain alone: data that passes a JSON Schema may still
 * be refused with a domain error code.
 */
import { z } from "zod";
import { listPublicSchemas } from "./entry-points.ts";

export const SCHEMAS_DIR = new URL("../schemas/", import.meta.url);

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** File name → file text, for every file `schemas/` must hold. */
export async function buildJsonSchemas(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const index: Record<string, { file: string; import: string }> = {};
  for (const { name, schema, specifier } of await listPublicSchemas()) {
    const file = `${name}.json`;
    const converted = z.toJSONSchema(schema, { io: "input", unrepresentable: "throw" });
    files.set(file, json({ ...converted, title: converted.title ?? name.replace(/Schema$/, "") }));
    index[name] = { file, import: specifier };
  }
  files.set("index.json", json(index));
  return files;
}
