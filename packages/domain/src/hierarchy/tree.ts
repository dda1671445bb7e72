/**
 * The task-force tree built from a list of regions: the national task force at the root, one task
 * force per province under it, one per regency/city under its province. With today's regions that
 * is 1 + 38 + 514 = 553 task forces. Parents come from region codes, never from input.
 */
import type { Region } from "../regions/catalogue.ts";
import { isWellFormedRegionCode } from "../regions/codes.ts";
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

/** Counts of nodes per level. */
export function countByLevel(tree: TaskForceTree): Record<Level, number> {
  const counts: Record<Level, number> = { national: 0, province: 0, regency: 0 };
  for (const node of tree.nodes.values()) counts[node.level] += 1;
  return counts;
}
