/**
 * The package's entry points as a developer imports them, read from the `exports` map of
 * package.json: the specifier (`@gugus/domain/regions`), the TypeScript source the workspace reads,
 * and the compiled file a developer outside gets. Shared by the schema generator and the tests that
 * keep the README, the JSON Schemas and the tarball honest.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { z } from "zod";

export const packageDir = fileURLToPath(new URL("../", import.meta.url));

export type PackageJson = {
  name: string;
  version: string;
  exports: Record<string, string>;
  publishConfig: { exports: Record<string, string | { types: string; default: string }> };
  dependencies: Record<string, string>;
  files: string[];
};

export function readPackageJson(): PackageJson {
  return JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as PackageJson;
}

export type EntryPoint = {
  /** What a developer writes after `from`: `@gugus/domain/regions`. */
  specifier: string;
  /** The key in `exports`: `./regions`. */
  subpath: string;
  /** The TypeScript source, relative to the package: `./src/regions/index.ts`. */
  source: string;
};

/** Every code entry point (the `exports` keys that point at TypeScript source), in package.json order. */
export function listEntryPoints(pkg: PackageJson = readPackageJson()): EntryPoint[] {
  return Object.entries(pkg.exports)
    .filter(([, target]) => target.startsWith("./src/") && target.endsWith(".ts"))
    .map(([subpath, source]) => ({
      specifier: subpath === "." ? pkg.name : `${pkg.name}/${subpath.slice(2)}`,
      subpath,
      source,
    }));
}

/** The runtime exports of an entry point, read from its TypeScript source. */
export async function importEntryPoint(entry: EntryPoint): Promise<Record<string, unknown>> {
  return (await import(pathToFileURL(packageDir + entry.source.slice(2)).href)) as Record<string, unknown>;
}

export type PublicSchema = { name: string; schema: z.ZodType; specifier: string };

/**
 * Every zod schema a developer can import, once each, with the narrowest entry point that exports it
 * (`RegionCodeSchema` → `@gugus/domain/regions`; a schema only the root exports keeps the root).
 */
export async function listPublicSchemas(): Promise<PublicSchema[]> {
  const pkg = readPackageJson();
  const found = new Map<string, PublicSchema>();
  for (const entry of listEntryPoints(pkg)) {
    const module = await importEntryPoint(entry);
    for (const [name, value] of Object.entries(module)) {
      if (!(value instanceof z.ZodType)) continue;
      const known = found.get(name);
      if (known === undefined || known.specifier === pkg.name) {
        found.set(name, { name, schema: value, specifier: entry.specifier });
      }
    }
  }
  return [...found.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
