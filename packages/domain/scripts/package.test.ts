/**
 * @gugus/domain as a developer outside the workspace meets it: `pnpm pack`, `npm install` of the
 * tarball in a fresh project under the system's temporary directory, then plain `node` (and `tsc`
 * for the types) in that project. Skipped inside a mutation run: packing is not a rule of the domain.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importEntryPoint, listEntryPoints, packageDir, readPackageJson } from "./entry-points.ts";
import type { PackageJson } from "./entry-points.ts";
import { SCHEMAS_DIR } from "./json-schemas.ts";
import { expectedOutput, readExample, readReadme } from "./readme.ts";

const entries = listEntryPoints();
const workspaceRoot = join(packageDir, "..", "..");

/** The environment without what pnpm sets for its own scripts, so npm and node run as they would for anyone. */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key)));

let dir = "";
let project = "";
let unpacked = "";

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, env: cleanEnv, encoding: "utf8", timeout: 120_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

describe.skipIf(process.env.STRYKER_MUTATOR_WORKER !== undefined)("the packed @gugus/domain, installed outside the workspace", () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "gugus-domain-package-"));
    // `pack` runs `prepack`, which builds dist/ from the source as it is now.
    execFileSync("pnpm", ["pack", "--pack-destination", dir], { cwd: packageDir, stdio: "pipe", timeout: 120_000 });
    const tarball = readdirSync(dir).find((file) => file.endsWith(".tgz"));
    if (!tarball) throw new Error(`pnpm pack wrote no tarball into ${dir}`);
    unpacked = join(dir, "unpacked");
    mkdirSync(unpacked);
    run("tar", ["-xzf", join(dir, tarball), "-C", unpacked], dir);
    project = join(dir, "project");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "domain-consumer", private: true, type: "module" }));
    run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", join(dir, tarball)], project);
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("is installed in a project outside the workspace", () => {
    expect(relative(workspaceRoot, project).startsWith("..")).toBe(true);
    expect(existsSync(join(project, "node_modules", "@gugus", "domain", "package.json"))).toBe(true);
  });

  it("names zod at a real version in the tarball's package.json, not a catalog or workspace reference", () => {
    const packed = JSON.parse(readFileSync(join(unpacked, "package", "package.json"), "utf8")) as PackageJson;
    expect(Object.keys(packed.dependencies)).toEqual(["zod"]);
    expect(packed.dependencies.zod).toMatch(/^\^?\d+\.\d+\.\d+$/);
    expect(JSON.stringify(packed)).not.toMatch(/"(catalog|workspace):/);
    const installedZod = JSON.parse(readFileSync(join(project, "node_modules", "zod", "package.json"), "utf8")) as { version: string };
    expect(installedZod.version).toBe((packed.dependencies.zod ?? "").replace(/^\^/, ""));
  });

  it("points every entry point at compiled JavaScript and declarations the tarball holds, and ships no TypeScript source", () => {
    const packed = JSON.parse(readFileSync(join(unpacked, "package", "package.json"), "utf8")) as { exports: PackageJson["publishConfig"]["exports"] };
    expect(Object.keys(packed.exports)).toEqual(Object.keys(readPackageJson().exports));
    for (const entry of entries) {
      const target = packed.exports[entry.subpath];
      expect(target, entry.specifier).toEqual({
        types: entry.source.replace(/^\.\/src\//, "./dist/").replace(/\.ts$/, ".d.ts"),
        default: entry.source.replace(/^\.\/src\//, "./dist/").replace(/\.ts$/, ".js"),
      });
      if (typeof target === "string" || target === undefined) continue;
      expect(existsSync(join(unpacked, "package", target.types)), target.types).toBe(true);
      expect(existsSync(join(unpacked, "package", target.default)), target.default).toBe(true);
    }
    expect(existsSync(join(unpacked, "package", "src"))).toBe(false);
    expect(readdirSync(join(unpacked, "package", "dist"), { recursive: true }).filter((f) => String(f).endsWith(".test.js"))).toEqual([]);
  });

  it("runs the README's example with plain node and prints what its comments say", () => {
    const example = readExample(readReadme());
    writeFileSync(join(project, "example.mjs"), example);
    const printed = run(process.execPath, ["example.mjs"], project).trimEnd().split("\n");
    expect(printed).toEqual(expectedOutput(example));
  }, 60_000);

  it("exports under plain node, from every entry point, exactly what the workspace's source exports", async () => {
    const script = `const out = {};\nfor (const s of ${JSON.stringify(entries.map((e) => e.specifier))}) out[s] = Object.keys(await import(s)).sort();\nconsole.log(JSON.stringify(out));\n`;
    writeFileSync(join(project, "exports.mjs"), script);
    const installed = JSON.parse(run(process.execPath, ["exports.mjs"], project)) as Record<string, string[]>;
    for (const entry of entries) {
      expect(installed[entry.specifier], entry.specifier).toEqual(Object.keys(await importEntryPoint(entry)).sort());
    }
  }, 60_000);

  it("ships every committed JSON Schema, importable by the path the README gives", () => {
    const committed = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith(".json")).sort();
    expect(readdirSync(join(unpacked, "package", "schemas")).sort()).toEqual(committed);
    writeFileSync(
      join(project, "schema.mjs"),
      `import schema from "@gugus/domain/schemas/PeriodDraftSchema.json" with { type: "json" };\nconsole.log(schema.title, schema.required.join(","));\n`,
    );
    expect(run(process.execPath, ["schema.mjs"], project).trim()).toBe("PeriodDraft number,firstYear,lastYear");
  }, 60_000);

  it("gives a TypeScript project outside (module nodenext) the declared type of every runtime export of every entry point", async () => {
    // Naming each export makes an unresolved re-export inside the declarations an error here, so
    // the (slow) check of every .d.ts can be skipped.
    const imports: string[] = [];
    for (const [i, entry] of entries.entries()) {
      const names = Object.keys(await importEntryPoint(entry)).map((name) => `${name} as e${i}_${name}`);
      imports.push(`import { ${names.join(", ")} } from "${entry.specifier}";`);
    }
    writeFileSync(
      join(project, "consumer.mts"),
      `${imports.join("\n")}
import { getRegion, RegionCodeSchema } from "@gugus/domain";
import type { Region } from "@gugus/domain/regions";
import type { RanPeriod } from "@gugus/domain/ran";
const region: Region = getRegion("32.75");
const code: string = RegionCodeSchema.parse(region.code);
const period: Pick<RanPeriod, "firstYear"> = { firstYear: 2030 };
// @ts-expect-error: a region's name is a string, so the declarations are not \`any\`
const wrong: number = region.name;
console.log(code, period, wrong);
`,
    );
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    const args = ["--noEmit", "--strict", "--skipLibCheck", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2023", "consumer.mts"];
    run(process.execPath, [tsc, ...args], project);
  }, 120_000);
});
