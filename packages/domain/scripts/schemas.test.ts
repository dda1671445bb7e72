import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { IsoDateSchema } from "../src/dates.ts";
import { LEVELS } from "../src/hierarchy/index.ts";
import { listPublicSchemas, readPackageJson } from "./entry-points.ts";
import { SCHEMAS_DIR, buildJsonSchemas } from "./json-schemas.ts";

const committed = () =>
  new Map(
    readdirSync(fileURLToPath(SCHEMAS_DIR))
      .filter((file) => file.endsWith(".json"))
      .map((file) => [file, readFileSync(new URL(file, SCHEMAS_DIR), "utf8")] as const),
  );

// Skipped inside a mutation run: comparing the generated files would kill every mutant of a
// schema's bounds without any rule's test noticing it, and hide the tests that are missing.
describe.skipIf(process.env.STRYKER_MUTATOR_WORKER !== undefined)("the JSON Schemas shipped in schemas/", () => {
  it("are what generate:schemas writes today, file for file (else run pnpm --filter @gugus/domain generate:schemas)", async () => {
    const expected = await buildJsonSchemas();
    const actual = committed();
    const files = {
      missing: [...expected.keys()].filter((file) => !actual.has(file)).sort(),
      stale: [...actual.keys()].filter((file) => !expected.has(file)).sort(),
      changed: [...expected].filter(([file, text]) => actual.has(file) && actual.get(file) !== text).map(([file]) => file).sort(),
    };
    expect(files, "schemas/ is out of date: run pnpm --filter @gugus/domain generate:schemas").toEqual({ missing: [], stale: [], changed: [] });
  });

  it("cover every zod schema of every entry point, the ones only the root exports included", async () => {
    const index = JSON.parse(committed().get("index.json") ?? "{}") as Record<string, { import: string }>;
    const schemas = await listPublicSchemas();
    expect(schemas.length).toBeGreaterThan(30);
    expect(Object.keys(index).sort()).toEqual(schemas.map((s) => s.name));
  });

  it("name the narrowest entry point that exports each schema", () => {
    const index = JSON.parse(committed().get("index.json") ?? "{}") as Record<string, { import: string }>;
    expect(index.RegionCodeSchema?.import).toBe("@gugus/domain/regions");
    expect(index.IsoDateSchema?.import).toBe("@gugus/domain/dates");
  });

  it("carry the zod schema's pattern: a date written another way fails both IsoDateSchema and its JSON Schema", () => {
    const schema = JSON.parse(committed().get("IsoDateSchema.json") ?? "{}") as { type: string; pattern: string; title: string };
    expect(schema.type).toBe("string");
    expect(schema.title).toBe("IsoDate");
    const pattern = new RegExp(schema.pattern);
    expect(IsoDateSchema.safeParse("2024-02-29").success).toBe(true);
    expect(pattern.test("2024-02-29")).toBe(true);
    for (const date of ["2024-2-29", "29-02-2024", "2024/02/29", "2024-02-29T00:00"]) {
      expect(IsoDateSchema.safeParse(date).success, date).toBe(false);
      expect(pattern.test(date), date).toBe(false);
    }
  });

  it("carry the allowed values of a list: the levels' enum is LEVELS, in order", () => {
    const schema = JSON.parse(committed().get("LevelSchema.json") ?? "{}") as { enum: string[] };
    expect(schema.enum).toEqual([...LEVELS]);
  });

  it("are shipped: schemas/ is in the package's files and reachable through its exports map", () => {
    const pkg = readPackageJson();
    expect(pkg.files).toContain("schemas");
    expect(pkg.exports["./schemas/*.json"]).toBe("./schemas/*.json");
    expect(pkg.publishConfig.exports["./schemas/*.json"]).toBe("./schemas/*.json");
  });

  it("fail to generate rather than silently widen a schema zod cannot express in JSON Schema", () => {
    expect(() => z.toJSONSchema(z.date(), { io: "input", unrepresentable: "throw" })).toThrow();
  });
});
