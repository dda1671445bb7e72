import { describe, expect, it } from "vitest";
import { describeExports } from "./doc-comments.ts";
import { importEntryPoint, listEntryPoints, readPackageJson } from "./entry-points.ts";
import type { EntryPoint } from "./entry-points.ts";
import { expectedOutput, readExample, readExportTables, readReadme } from "./readme.ts";

const entries = listEntryPoints();
const root = entries.find((e) => e.subpath === ".")!;
const subpaths = entries.filter((e) => e !== root);
const tables = readExportTables(readReadme());

async function exportsOf(entry: EntryPoint): Promise<string[]> {
  return Object.keys(await importEntryPoint(entry)).sort();
}

/** What the README's section for an entry point must list: all it exports; for the root, what no other entry point does. */
async function expectedNames(entry: EntryPoint): Promise<string[]> {
  const names = await exportsOf(entry);
  if (entry !== root) return names;
  const elsewhere = new Set((await Promise.all(subpaths.map(exportsOf))).flat());
  return names.filter((name) => !elsewhere.has(name));
}

/** Rows to paste for missing exports, from their doc comments, so the failure says what to write. */
function draftRows(entry: EntryPoint, missing: string[]): string {
  const docs = describeExports(entry);
  return missing.map((name) => `| \`${name}\` | ${docs.get(name) || "(no doc comment)"} |`).join("\n");
}

describe("the README's export tables", () => {
  it("have a section for every entry point of package.json, and none for an entry point that does not exist", () => {
    expect([...tables.keys()].sort()).toEqual(entries.map((e) => e.specifier).sort());
  });

  it.each(entries.map((e) => [e.specifier, e] as const))("list every runtime export of %s", async (_specifier, entry) => {
    const listed = new Set(tables.get(entry.specifier) ?? []);
    const missing = (await expectedNames(entry)).filter((name) => !listed.has(name));
    // The doc comments are read (with the compiler, slowly) only to say what to write.
    const hint = missing.length === 0 ? "" : `add to README.md under ### \`${entry.specifier}\`:\n${draftRows(entry, missing)}\n`;
    expect(missing, hint).toEqual([]);
  });

  it.each(entries.map((e) => [e.specifier, e] as const))("name nothing %s does not export", async (_specifier, entry) => {
    const exported = new Set(await exportsOf(entry));
    const stale = (tables.get(entry.specifier) ?? []).filter((name) => !exported.has(name));
    expect(stale, `README.md lists under ${entry.specifier} what it no longer exports`).toEqual([]);
  });

  it("list each export once per section", () => {
    for (const [specifier, names] of tables) {
      expect(names.filter((name, i) => names.indexOf(name) !== i), specifier).toEqual([]);
    }
  });

  it("leave nothing the root exports unlisted: each of its exports is in its own section or in that of an entry point that exports it", async () => {
    const listed = new Set([...tables.values()].flat());
    const unlisted = (await exportsOf(root)).filter((name) => !listed.has(name));
    expect(unlisted).toEqual([]);
  });
});

describe("the README's example", () => {
  const example = readExample(readReadme());

  it("imports only names the package exports", async () => {
    const imported = /import\s*\{([^}]*)\}\s*from\s*"@gugus\/domain"/.exec(example)?.[1] ?? "";
    const names = imported.split(",").map((n) => n.trim()).filter(Boolean);
    expect(names.length).toBeGreaterThan(10);
    const exported = new Set(await exportsOf(root));
    expect(names.filter((n) => !exported.has(n))).toEqual([]);
  });

  it("says what every printing line prints, the part after ' — ' being an explanation", () => {
    const expected = expectedOutput(example);
    expect(expected.length).toBe(example.split("console.log(").length - 1);
    expect(expected).toContain("Kota Bekasi");
    expect(expected).toContain("2026-02-01");
    expect(() => expectedOutput('console.log(1);\n')).toThrow(/no comment/);
  });

  it("is plain JavaScript for node, installed from the tarball: the package name is the one in package.json", () => {
    expect(example).toContain(`from "${readPackageJson().name}"`);
    expect(example).not.toMatch(/\bas const\b|!\.|: (string|number)\b/);
  });
});
