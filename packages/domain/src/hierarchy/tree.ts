/**
 * The task-force tree built from a list of regions: the national task force at the root, one task
 * force per province under it, one per regency/city under its province. With today's regions that
 * is 1 + 38 + 514 = 553 task forces. Parents come from region codes, never from input.
 */
import type { Region } from "../regions/catalogue.ts";
import { isWellFormedRegionCode } from "../regions/codes.ts";
import type { RegencyKind } from "../regions/codes.ts";
import { normalizeText, searchWordsOf } from "../text.ts";
import type { Level } from "./levels.ts";

/** Key of the national task force's node; the other nodes are keyed by their region code. */
export const NATIONAL_KEY = "national";

export type TaskForceNode = {
  /** {@link NATIONAL_KEY} or the region code. */
  key: string;
  level: Level;
  regionCode: string | null;
  regionName: string | null;
  parentKey: string | null;
  childKeys: string[];
};

export type TaskForceTree = {
  root: TaskForceNode;
  nodes: ReadonlyMap<string, TaskForceNode>;
};

/** Thrown when a region list cannot form a tree (a duplicate, a malformed code, an orphan regency). */
export class TreeBuildError extends Error {
  override name = "TreeBuildError";
}

/**
 * Builds the tree. Throws {@link TreeBuildError} when a code is malformed or repeated, or a
 * regency/city's province is not in the list.
 */
export function buildTaskForceTree(regions: readonly Pick<Region, "code" | "name">[]): TaskForceTree {
  const root: TaskForceNode = {
    key: NATIONAL_KEY,
    level: "national",
    regionCode: null,
    regionName: null,
    parentKey: null,
    childKeys: [],
  };
  const nodes = new Map<string, TaskForceNode>([[NATIONAL_KEY, root]]);
  const sorted = [...regions].sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
  for (const region of sorted) {
    if (!isWellFormedRegionCode(region.code)) throw new TreeBuildError(`malformed region code ${region.code}`);
    if (nodes.has(region.code)) throw new TreeBuildError(`region ${region.code} is listed twice`);
    const isProvince = region.code.length === 2;
    const parentKey = isProvince ? NATIONAL_KEY : region.code.slice(0, 2);
    const parent = nodes.get(parentKey);
    if (!parent) throw new TreeBuildError(`region ${region.code} has no province ${parentKey} in the list`);
    const node: TaskForceNode = {
      key: region.code,
      level: isProvince ? "province" : "regency",
      regionCode: region.code,
      regionName: region.name,
      parentKey,
      childKeys: [],
    };
    nodes.set(node.key, node);
    parent.childKeys.push(node.key);
  }
  return { root, nodes };
}

/** The keys from a node up to the root, the node first. */
export function ancestorKeys(tree: TaskForceTree, key: string): string[] {
  const path: string[] = [];
  let current = tree.nodes.get(key);
  while (current) {
    if (path.length > tree.nodes.size) throw new TreeBuildError("the tree has a cycle");
    path.push(current.key);
    current = current.parentKey === null ? undefined : tree.nodes.get(current.parentKey);
  }
  return path;
}

/**
 * Counts per level: of a tree's nodes, or of any list of task forces (e.g. those in a caller's
 * scope on a date). Every level is present, zero when none.
 */
export function countByLevel(source: TaskForceTree | Iterable<{ level: Level }>): Record<Level, number> {
  const counts: Record<Level, number> = { national: 0, province: 0, regency: 0 };
  const items = "nodes" in source && "root" in source ? source.nodes.values() : source;
  for (const node of items) counts[node.level] += 1;
  return counts;
}

/** A task force as a list of them gives it: its id, level, region and parent's id. */
export type TaskForceEntry = { id: number; level: Level; regionCode: string | null; regionName: string | null; kind: RegencyKind | null; parentId: number | null };

/** A province and how many regencies and cities answer to it. */
export type ProvinceCount = { id: number; regionCode: string; regionName: string; regencies: number; kabupaten: number; kota: number };

/**
 * Per province of the list, in the list's order: how many regencies/cities of the list answer to
 * it, kabupaten and kota apart. A province without a region (none in a list of one date) is left out.
 */
export function countRegenciesByProvince(entries: readonly TaskForceEntry[]): ProvinceCount[] {
  const children = new Map<number, TaskForceEntry[]>();
  for (const e of entries) if (e.level === "regency" && e.parentId !== null) children.set(e.parentId, [...(children.get(e.parentId) ?? []), e]);
  return entries
    .filter((p) => p.level === "province" && p.regionCode !== null)
    .map((p) => {
      const list = children.get(p.id) ?? [];
      return {
        id: p.id,
        regionCode: p.regionCode!,
        regionName: p.regionName ?? p.regionCode!,
        regencies: list.length,
        kabupaten: list.filter((c) => c.kind === "kabupaten").length,
        kota: list.filter((c) => c.kind === "kota").length,
      };
    });
}

/** A task-force search read from a text: name words, or a region code prefix. */
export type TaskForceQuery = { words: string[]; codePrefix: string | null };

/**
 * Reads a search text as a region code prefix (`32.7`; `3275` and `327` read as `32.75` and `32.7`)
 * or as name words (`kota bekasi`, at most six). Control characters read as spaces, so a text of
 * them alone has neither words nor a code, and matches nothing.
 */
export function parseTaskForceQuery(query: string): TaskForceQuery {
  const text = normalizeText(query).trim();
  if (/^\d[\d.]*$/.test(text)) {
    return { words: [], codePrefix: /^\d{3,4}$/.test(text) ? `${text.slice(0, 2)}.${text.slice(2)}` : text };
  }
  return { words: searchWordsOf(text), codePrefix: null };
}
