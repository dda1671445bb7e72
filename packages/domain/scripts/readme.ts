/**
 * Reads the README the way its tests check it: the export tables, one section per entry point, and
 * the example, whose comments say what each line prints.
 */
import { readFileSync } from "node:fs";

export function readReadme(): string {
  return readFileSync(new URL("../README.md", import.meta.url), "utf8");
}

/**
 * The names each entry point's section lists, by specifier: a section is a `### \`specifier\``
 * heading up to the next heading of level 2 or 3, and its names are the backticked words in the
 * first cell of its table rows.
 */
export function readExportTables(readme: string): Map<string, string[]> {
  const sections = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of readme.split("\n")) {
    const heading = /^(#{2,3}) (.*)$/.exec(line);
    if (heading) {
      const specifier = heading[1] === "###" ? /^`([^`]+)`$/.exec(heading[2]!.trim())?.[1] : undefined;
      current = specifier === undefined ? null : [];
      if (specifier !== undefined && current) sections.set(specifier, current);
      continue;
    }
    if (current === null || !line.startsWith("|")) continue;
    const firstCell = line.split("|")[1] ?? "";
    for (const [, name] of firstCell.matchAll(/`([^`]+)`/g)) current.push(name!);
  }
  return sections;
}

/** The README's first `js` code block: the example. */
export function readExample(readme: string): string {
  const block = /^```js\n([\s\S]*?)^```$/m.exec(readme);
  if (!block) throw new Error("README.md has no ```js example block");
  return block[1]!;
}

/**
 * What the example prints, line by line: the comment after each `console.log(…)` line, up to an
 * explanation set off by " — ".
 */
export function expectedOutput(example: string): string[] {
  return example
    .split("\n")
    .filter((line) => line.includes("console.log("))
    .map((line) => {
      const comment = /\/\/ (.*)$/.exec(line)?.[1];
      if (comment === undefined) throw new Error(`the example's line has no comment saying what it prints: ${line.trim()}`);
      return comment.split(" — ")[0]!.trim();
    });
}
