import { describe, expect, it } from "vitest";
import { buildTaskForceTree, countByLevel, countRegenciesByProvince, parseTaskForceQuery } from "./tree.ts";
import type { TaskForceEntry } from "./tree.ts";

const entries: TaskForceEntry[] = [
  { id: 1, level: "national", regionCode: null, regionName: null, kind: null, parentId: null },
  { id: 2, level: "province", regionCode: "33", regionName: "Jawa Tengah", kind: null, parentId: 1 },
  { id: 3, level: "province", regionCode: "32", regionName: "Jawa Barat", kind: null, parentId: 1 },
  { id: 4, level: "regency", regionCode: "32.75", regionName: "Kota Bekasi", kind: "kota", parentId: 3 },
  { id: 5, level: "regency", regionCode: "32.16", regionName: "Kabupaten Bekasi", kind: "kabupaten", parentId: 3 },
  { id: 6, level: "regency", regionCode: "32.01", regionName: "Kabupaten Bogor", kind: "kabupaten", parentId: 3 },
];

describe("countByLevel", () => {
  it("counts a list of task forces per level", () => {
    expect(countByLevel(entries)).toEqual({ national: 1, province: 2, regency: 3 });
  });
  it("gives every level, zero when the list has none of it", () => {
    expect(countByLevel([])).toEqual({ national: 0, province: 0, regency: 0 });
    expect(countByLevel(entries.filter((e) => e.level === "regency"))).toEqual({ national: 0, province: 0, regency: 3 });
  });
  it("counts a tree's nodes the same way as the list they stand for", () => {
    const tree = buildTaskForceTree([
      { code: "32", name: "Jawa Barat" },
      { code: "33", name: "Jawa Tengah" },
      { code: "32.75", name: "Kota Bekasi" },
      { code: "32.16", name: "Kabupaten Bekasi" },
      { code: "32.01", name: "Kabupaten Bogor" },
    ]);
    expect(countByLevel(tree)).toEqual(countByLevel(entries));
  });
});

describe("countRegenciesByProvince", () => {
  it("counts each province's regencies and cities apart, in the list's order", () => {
    expect(countRegenciesByProvince(entries)).toEqual([
      { id: 2, regionCode: "33", regionName: "Jawa Tengah", regencies: 0, kabupaten: 0, kota: 0 },
      { id: 3, regionCode: "32", regionName: "Jawa Barat", regencies: 3, kabupaten: 2, kota: 1 },
    ]);
  });
  it("lists no province for a list of regencies alone", () => {
    expect(countRegenciesByProvince(entries.slice(3))).toEqual([]);
  });
});

describe("parseTaskForceQuery", () => {
  it("reads digits with a dot as a code prefix", () => {
    expect(parseTaskForceQuery("32.7")).toEqual({ words: [], codePrefix: "32.7" });
  });
  it("reads three or four bare digits as a province code and the rest", () => {
    expect(parseTaskForceQuery("3275")).toEqual({ words: [], codePrefix: "32.75" });
    expect(parseTaskForceQuery("327")).toEqual({ words: [], codePrefix: "32.7" });
    expect(parseTaskForceQuery("32")).toEqual({ words: [], codePrefix: "32" });
    expect(parseTaskForceQuery("32750")).toEqual({ words: [], codePrefix: "32750" });
  });
  it("reads anything else as lower-cased name words", () => {
    expect(parseTaskForceQuery(" Kota  BEKASI ")).toEqual({ words: ["kota", "bekasi"], codePrefix: null });
  });
  it("finds neither words nor a code in a NUL, so the search matches nothing", () => {
    expect(parseTaskForceQuery("\u0000")).toEqual({ words: [], codePrefix: null });
  });
  it("reads a code behind control characters as the code", () => {
    expect(parseTaskForceQuery("\u000032.75\u0000")).toEqual({ words: [], codePrefix: "32.75" });
  });
});
