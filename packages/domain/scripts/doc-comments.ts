/**
 * The first sentence of each export's doc comment, read with the TypeScript compiler: what the
 * README test offers as a starting row when an export is missing from the README.
 */
import ts from "typescript";
import { packageDir } from "./entry-points.ts";
import type { EntryPoint } from "./entry-points.ts";

/** Name → the first sentence of its doc comment (empty when it has none), for an entry point's exports. */
export function describeExports(entry: EntryPoint): Map<string, string> {
  const file = packageDir + entry.source.slice(2);
  const program = ts.createProgram([file], {
    allowImportingTsExtensions: true,
    noEmit: true,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  const described = new Map<string, string>();
  if (!module) return described;
  for (const symbol of checker.getExportsOfModule(module)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const doc = ts
      .displayPartsToString(target.getDocumentationComment(checker))
      .replace(/\{@link\s+([^}\s]+)\s*\}/g, "`$1`")
      .replace(/\s+/g, " ")
      .trim();
    described.set(symbol.name, firstSentence(doc));
  }
  return described;
}

/** A text's first sentence: up to the first full stop that ends a sentence (not the one of "e.g."). */
export function firstSentence(text: string): string {
  const end = /(?<!\be\.g|\bi\.e|\betc|\bvs|\bno)\.(?=\s|$)/.exec(text);
  return end ? text.slice(0, end.index + 1) : text;
}
