/**
 * Writes schemas/*.json, the JSON Schema of every public zod schema (see json-schemas.ts). Run it
 * after adding or changing a schema:
 *
 *   pnpm --filter @gugus/domain generate:schemas
 *
 * `schemas.test.ts` fails when the committed files differ from what this script would write.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { SCHEMAS_DIR, buildJsonSchemas } from "./json-schemas.ts";

const dir = fileURLToPath(SCHEMAS_DIR);
const files = await buildJsonSchemas();
mkdirSync(dir, { recursive: true });
for (const old of readdirSync(dir)) if (old.endsWith(".json") && !files.has(old)) rmSync(new URL(old, SCHEMAS_DIR));
for (const [file, text] of files) writeFileSync(new URL(file, SCHEMAS_DIR), text);
console.log(`wrote ${files.size - 1} JSON Schemas and index.json to ${dir}`);
