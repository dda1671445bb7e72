import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listRegions } from "../regions/catalogue.ts";
import { NATIONAL_PLACE, isWithin, parentPlaceOf, placeOf } from "./levels.ts";
import type { TaskForcePlace } from "./levels.ts";
import { NATIONAL_KEY, TreeBuildError, ancestorKeys, buildTaskForceTree, countByLevel, countRegenciesByProvince, parseTaskForceQuery } from "./tree.ts";

const tree = buildTaskForceTree(listRegions());
const nodeKeys = [...tree.nodes.keys()];
const anyNode = fc.constantFrom(...nodeKeys).map((k) => tree.nodes.get(k)!);
const placeOfNode = (n: { level: TaskForcePlace["level"]; regionCode: string | null }): TaskForcePlace => ({
  level: n.level,
  regionCode: n.regionCode,
});

describe("the task-force tree of today's regions", () => {
  it("has 553 task forces: 1 national, 38 provinces, 514 regencies/cities", () => {
    expect(tree.nodes.size).toBe(553);
    expect(countByLevel(tree)).toEqual({ national: 1, province: 38, regency: 514 });
    expect(tree.root.childKeys).toHaveLength(38);
  });

  it("puts Kota Bekasi under Jawa Barat under the national task force", () => {
    expect(ancestorKeys(tree, "32.75")).toEqual(["32.75", "32", NATIONAL_KEY]);
  });

  it("property: every regency's parent is its province, every province's parent the nation", () => {
    fc.assert(
      fc.property(anyNode, (node) => {
        if (node.level === "national") return node.parentKey === null;
        if (node.level === "province") return node.parentKey === NATIONAL_KEY;
        return node.parentKey === node.regionCode!.slice(0, 2) && tree.nodes.get(node.parentKey)?.level === "province";
      }),
    );
  });

  it("property: no cycles — every path up reaches the root in at most three steps", () => {
    fc.assert(
      fc.property(anyNode, (node) => {
        const path = ancestorKeys(tree, node.key);
        return path.length <= 3 && path.at(-1) === NATIONAL_KEY && new Set(path).size === path.length;
      }),
    );
  });

  it("property: children and parents agree both ways", () => {
    fc.assert(
      fc.property(anyNode, (node) =>
        node.childKeys.every((c) => tree.nodes.get(c)?.parentKey === node.key) &&
        (node.parentKey === null || tree.nodes.get(node.parentKey)!.childKeys.includes(node.key)),
      ),
    );
  });

  it("property: for random region lists the tree has 1 + provinces + regencies nodes", () => {
    const provinces = fc.uniqueArray(fc.integer({ min: 11, max: 99 }), { maxLength: 40 });
    fc.assert(
      fc.property(provinces, fc.infiniteStream(fc.integer({ min: 1, max: 69 })), (ps, ks) => {
        const regions = ps.flatMap((p) => {
          const codes = new Set([...ks.take(3)].map((k) => `${p}.${String(k).padStart(2, "0")}`));
          return [{ code: String(p), name: `P${p}` }, ...[...codes].map((code) => ({ code, name: code }))];
        });
        const t = buildTaskForceTree(regions);
        return t.nodes.size === 1 + regions.length && t.root.childKeys.length === ps.length;
      }),
    );
  });

  it("builds from an unsorted list: a city before its province, children in code order", () => {
    const t = buildTaskForceTree([
      { code: "32.75", name: "Kota Bekasi" },
      { code: "33", name: "Jawa Tengah" },
      { code: "32.16", name: "Kabupaten Bekasi" },
      { code: "32", name: "Jawa Barat" },
    ]);
    expect(t.root.childKeys).toEqual(["32", "33"]);
    expect(t.nodes.get("32")?.childKeys).toEqual(["32.16", "32.75"]);
    expect(t.nodes.get("32.75")).toEqual({ key: "32.75", level: "regency", regionCode: "32.75", regionName: "Kota Bekasi", parentKey: "32", childKeys: [] });
    expect(t.nodes.get("33")).toEqual({ key: "33", level: "province", regionCode: "33", regionName: "Jawa Tengah", parentKey: NATIONAL_KEY, childKeys: [] });
    expect(t.root).toMatchObject({ key: NATIONAL_KEY, level: "national", regionCode: null, regionName: null, parentKey: null });
  });

  it("gives no ancestors for a key not in the tree, and refuses a hand-made tree whose parents loop", () => {
    expect(ancestorKeys(tree, "99.99")).toEqual([]);
    const a = { key: "a", level: "province" as const, regionCode: "11", regionName: "A", parentKey: "b", childKeys: [] };
    const b = { ...a, key: "b", parentKey: "a" };
    const looped = { root: a, nodes: new Map([["a", a], ["b", b]]) };
    expect(() => ancestorKeys(looped, "a")).toThrow(TreeBuildError);
    expect(() => ancestorKeys(looped, "a")).toThrow("the tree has a cycle");
  });

  it("names what is wrong: a malformed code even when its province is listed, a repeated code, a missing province", () => {
    expect(() => buildTaskForceTree([{ code: "32", name: "Jawa Barat" }, { code: "3275", name: "x" }])).toThrow("malformed region code 3275");
    expect(() => buildTaskForceTree([{ code: "32", name: "a" }, { code: "32", name: "b" }])).toThrow("region 32 is listed twice");
    expect(() => buildTaskForceTree([{ code: "32.75", name: "Kota Bekasi" }])).toThrow("region 32.75 has no province 32 in the list");
    expect(() => buildTaskForceTree([{ code: "32.75", name: "Kota Bekasi" }])).toThrowError(expect.objectContaining({ name: "TreeBuildError" }));
  });

  it("refuses a regency whose province is missing, a duplicate and a malformed code", () => {
    expect(() => buildTaskForceTree([{ code: "32.75", name: "Kota Bekasi" }])).toThrow(TreeBuildError);
    expect(() => buildTaskForceTree([{ code: "32", name: "a" }, { code: "32", name: "b" }])).toThrow(TreeBuildError);
    expect(() => buildTaskForceTree([{ code: "3275", name: "x" }])).toThrow(TreeBuildError);
  });
});

describe("parentPlaceOf", () => {
  it("gives a regency or city its province", () => {
    expect(parentPlaceOf(placeOf("32.75"))).toEqual({ level: "province", regionCode: "32" });
    expect(parentPlaceOf(placeOf("91.01"))).toEqual({ level: "province", regionCode: "91" });
  });

  it("gives a province the national task force", () => {
    expect(parentPlaceOf(placeOf("32"))).toBe(NATIONAL_PLACE);
  });

  it("gives the national task force no parent, even when handed a stray region code", () => {
    expect(parentPlaceOf(NATIONAL_PLACE)).toBeNull();
    expect(parentPlaceOf({ level: "national", regionCode: "32" })).toBeNull();
  });

  it("gives no parent to a regional place that has lost its region code", () => {
    expect(parentPlaceOf({ level: "regency", regionCode: null })).toBeNull();
  });

  it("property: every task force but the nation has the tree's parent as its parent", () => {
    fc.assert(
      fc.property(anyNode, (node) => {
        const parent = parentPlaceOf(placeOfNode(node));
        if (node.parentKey === null) return parent === null;
        const expected = tree.nodes.get(node.parentKey)!;
        return parent !== null && parent.level === expected.level && parent.regionCode === expected.regionCode;
      }),
    );
  });
});

describe("placeOf", () => {
  it("places a province at province level and a regency or city at regency level, the nation at none", () => {
    expect(placeOf("32")).toEqual({ level: "province", regionCode: "32" });
    expect(placeOf("32.75")).toEqual({ level: "regency", regionCode: "32.75" });
    expect(placeOf(null)).toEqual(NATIONAL_PLACE);
  });

  it("refuses a malformed code with REGION_CODE_MALFORMED", () => {
    expect(() => placeOf("3275")).toThrowError(expect.objectContaining({ code: "REGION_CODE_MALFORMED" }));
  });
});

describe("countRegenciesByProvince and parseTaskForceQuery at their edges", () => {
  it("leaves out a province without a region, and counts no regency without a parent", () => {
    const entries = [
      { id: 2, level: "province" as const, regionCode: null, regionName: null, kind: null, parentId: 1 },
      { id: 3, level: "province" as const, regionCode: "32", regionName: null, kind: null, parentId: 1 },
      { id: 4, level: "regency" as const, regionCode: "32.75", regionName: "Kota Bekasi", kind: "kota" as const, parentId: 3 },
    ];
    expect(countRegenciesByProvince(entries)).toEqual([{ id: 3, regionCode: "32", regionName: "32", regencies: 1, kabupaten: 0, kota: 1 }]);
  });

  it("reads a code only when the whole text is digits and dots: 'kota 32' and '32 kota' are words", () => {
    expect(parseTaskForceQuery("kota 32")).toEqual({ words: ["kota", "32"], codePrefix: null });
    expect(parseTaskForceQuery("32 kota")).toEqual({ words: ["32", "kota"], codePrefix: null });
  });
});

describe("isWithin (the scope rule)", () => {
  const jabar = placeOf("32");
  const bekasi = placeOf("32.75");
  const bandung = placeOf("32.73");
  const jateng = placeOf("33");
  const semarang = placeOf("33.74");

  it("puts every task force within the national one", () => {
    for (const p of [NATIONAL_PLACE, jabar, bekasi, semarang]) expect(isWithin(p, NATIONAL_PLACE)).toBe(true);
  });

  it("puts a province's own regencies within it, not another province's", () => {
    expect(isWithin(bekasi, jabar)).toBe(true);
    expect(isWithin(semarang, jabar)).toBe(false);
    expect(isWithin(jateng, jabar)).toBe(false);
  });

  it("keeps the nation out of a province, and out of a regional place without a code", () => {
    expect(isWithin(NATIONAL_PLACE, jabar)).toBe(false);
    expect(isWithin(NATIONAL_PLACE, { level: "regency", regionCode: null })).toBe(false);
  });

  it("keeps a regency to itself: not its sibling, not its province, not the nation", () => {
    expect(isWithin(bekasi, bekasi)).toBe(true);
    expect(isWithin(bandung, bekasi)).toBe(false);
    expect(isWithin(jabar, bekasi)).toBe(false);
    expect(isWithin(NATIONAL_PLACE, bekasi)).toBe(false);
  });

  it("does not confuse province 3 prefixes: 32 does not contain 3.2x lookalikes like 33.2", () => {
    expect(isWithin(placeOf("33.20"), jabar)).toBe(false);
  });

  const anyPlace = anyNode.map(placeOfNode);
  it("property: reflexive, antisymmetric and transitive (a partial order)", () => {
    fc.assert(
      fc.property(anyPlace, anyPlace, anyPlace, (a, b, c) => {
        const reflexive = isWithin(a, a);
        const antisymmetric = !(isWithin(a, b) && isWithin(b, a)) || a.regionCode === b.regionCode;
        const transitive = !(isWithin(a, b) && isWithin(b, c)) || isWithin(a, c);
        return reflexive && antisymmetric && transitive;
      }),
    );
  });

  it("property: a task force is within its parent and agrees with the tree's ancestors", () => {
    fc.assert(
      fc.property(anyNode, anyNode, (a, b) => {
        const parent = parentPlaceOf(placeOfNode(a));
        const parentOk = parent === null || isWithin(placeOfNode(a), parent);
        return parentOk && isWithin(placeOfNode(a), placeOfNode(b)) === ancestorKeys(tree, a.key).includes(b.key);
      }),
    );
  });
});
