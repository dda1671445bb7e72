import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readIdnAreaData } from "../../scripts/idn-area-data.ts";
import { DomainError } from "../errors.ts";
import {
  IDN_AREA_DATA_VERSION,
  findRegion,
  getRegion,
  listProvinces,
  listRegencies,
  listRegions,
} from "./catalogue.ts";
import {
  RegionCodeSchema,
  isWellFormedRegionCode,
  normalizeRegionCode,
  parentRegionCodeOf,
  parseRegionCode,
  provinceCodeOf,
  regencyKindOf,
  regionLevelOf,
} from "./codes.ts";
import { TIME_ZONES, timeZoneOf } from "./time-zones.ts";

describe("the compiled region list", () => {
  it("is exactly the data of the pinned idn-area-data package (regenerate after an upgrade)", () => {
    const source = readIdnAreaData();
    expect(IDN_AREA_DATA_VERSION).toBe(source.version);
    expect(listProvinces().map((p) => [p.code, p.name])).toEqual(source.provinces);
    expect(listRegencies().map((r) => [r.code, r.name])).toEqual(source.regencies);
  });

  it("holds 38 provinces and 514 regencies/cities: 416 kabupaten and 98 kota", () => {
    expect(listProvinces()).toHaveLength(38);
    expect(listRegencies()).toHaveLength(514);
    expect(listRegencies().filter((r) => r.kind === "kabupaten")).toHaveLength(416);
    expect(listRegencies().filter((r) => r.kind === "kota")).toHaveLength(98);
    expect(listRegions()).toHaveLength(552);
  });

  it("reads the kind from the code and the names agree (Kabupaten … for 01–69, Kota … for 71–99)", () => {
    for (const r of listRegencies()) {
      expect(r.name.startsWith(r.kind === "kota" ? "Kota " : "Kabupaten ")).toBe(true);
    }
  });

  it("finds Kota Bekasi (32.75) and Kabupaten Bekasi (32.16) in Jawa Barat (32)", () => {
    expect(getRegion("32.75")).toMatchObject({ name: "Kota Bekasi", kind: "kota", provinceCode: "32", level: "regency" });
    expect(getRegion("32.16")).toMatchObject({ name: "Kabupaten Bekasi", kind: "kabupaten", provinceCode: "32" });
    expect(getRegion("32")).toMatchObject({ name: "Jawa Barat", level: "province", kind: null, provinceCode: "32" });
  });

  it("lists the regencies of one province only", () => {
    const papuaSelatan = listRegencies("93");
    expect(papuaSelatan.map((r) => r.code)).toEqual(["93.01", "93.02", "93.03", "93.04"]);
  });

  it("answers undefined for a well-formed unknown code, REGION_NOT_FOUND from getRegion", () => {
    expect(findRegion("97")).toBeUndefined();
    expect(() => getRegion("32.98")).toThrowError(expect.objectContaining({ code: "REGION_NOT_FOUND", details: { code: "32.98" } }));
  });
});

describe("region codes", () => {
  it.each(["11", "32", "96", "32.75", "32.01", "32.69", "32.71", "32.99"])("accepts the well-formed code %s", (code) => {
    expect(isWellFormedRegionCode(code)).toBe(true);
    expect(RegionCodeSchema.safeParse(code).success).toBe(true);
  });

  it.each([
    ["", "empty"],
    ["3", "one digit"],
    ["032", "three digits"],
    ["01", "province starting with 0"],
    ["32.7", "one regency digit"],
    ["32.00", "regency 00"],
    ["32.70", "regency 70 (between the two ranges)"],
    ["3275", "no dot"],
    ["32.75.01", "a district code"],
    [" 32", "a leading space"],
    ["32-75", "a dash"],
    ["３２", "full-width digits"],
  ])("rejects %j (%s) with REGION_CODE_MALFORMED", (code) => {
    expect(isWellFormedRegionCode(code)).toBe(false);
    const parsed = RegionCodeSchema.safeParse(code);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("REGION_CODE_MALFORMED");
    expect(() => parseRegionCode(code)).toThrowError(DomainError);
  });

  it("rejects a non-string with REGION_CODE_MALFORMED", () => {
    expect(RegionCodeSchema.safeParse(32).error?.issues[0]?.message).toBe("REGION_CODE_MALFORMED");
  });

  it("normalizes what people type: spaces, and four digits without the dot", () => {
    expect(normalizeRegionCode(" 3275 ")).toBe("32.75");
    expect(normalizeRegionCode("32 . 75")).toBe("32.75");
    expect(normalizeRegionCode("32")).toBe("32");
    expect(normalizeRegionCode("3270")).toBeNull();
    expect(normalizeRegionCode("Bekasi")).toBeNull();
    expect(normalizeRegionCode("3 2 7 5")).toBe("32.75");
    expect(normalizeRegionCode("32750")).toBeNull();
    expect(normalizeRegionCode("x3275")).toBeNull();
  });

  it("derives level, province, parent and kind from the code alone", () => {
    expect(regionLevelOf("32")).toBe("province");
    expect(regionLevelOf("32.75")).toBe("regency");
    expect(provinceCodeOf("32.75")).toBe("32");
    expect(provinceCodeOf("32")).toBe("32");
    expect(parentRegionCodeOf("32.75")).toBe("32");
    expect(parentRegionCodeOf("32")).toBeNull();
    expect(regencyKindOf("32.16")).toBe("kabupaten");
    expect(regencyKindOf("32.71")).toBe("kota");
    expect(regencyKindOf("32")).toBeNull();
  });

  it("property: every well-formed regency code's parent is a well-formed province code that prefixes it", () => {
    const regencyCode = fc
      .tuple(fc.integer({ min: 10, max: 99 }), fc.oneof(fc.integer({ min: 1, max: 69 }), fc.integer({ min: 71, max: 99 })))
      .map(([p, k]) => `${p}.${String(k).padStart(2, "0")}`);
    fc.assert(
      fc.property(regencyCode, (code) => {
        const parent = parentRegionCodeOf(code);
        return parent !== null && isWellFormedRegionCode(parent) && code.startsWith(`${parent}.`) && regencyKindOf(code) !== null;
      }),
    );
  });

  it("property: arbitrary strings never crash the validator, and accepted ones parse", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), (s) => {
        const ok = isWellFormedRegionCode(s);
        return ok === RegionCodeSchema.safeParse(s).success;
      }),
    );
  });
});

describe("time zones", () => {
  it("gives WIB to Java and Sumatra, WITA to Bali and Sulawesi, WIT to Maluku and Papua", () => {
    expect(timeZoneOf("32.75")).toBe(TIME_ZONES.WIB);
    expect(timeZoneOf("11")).toBe(TIME_ZONES.WIB);
    expect(timeZoneOf("51")).toBe(TIME_ZONES.WITA);
    expect(timeZoneOf("73.71")).toBe(TIME_ZONES.WITA);
    expect(timeZoneOf("81")).toBe(TIME_ZONES.WIT);
    expect(timeZoneOf("93.01")).toBe(TIME_ZONES.WIT);
  });

  it("puts West and Central Kalimantan in WIB but South, East and North Kalimantan in WITA", () => {
    expect(["61", "62", "63", "64", "65"].map((c) => timeZoneOf(c).abbreviation)).toEqual(["WIB", "WIB", "WITA", "WITA", "WITA"]);
  });

  it("gives the national task force (null) Jakarta's WIB", () => {
    expect(timeZoneOf(null).iana).toBe("Asia/Jakarta");
  });

  it("knows every listed region's zone", () => {
    for (const r of listRegions()) expect(() => timeZoneOf(r.code)).not.toThrow();
  });

  it("places a province created later by its island group: a new 97 in Papua is WIT, a new 14-something WIB", () => {
    expect(timeZoneOf("97.01").abbreviation).toBe("WIT");
    expect(timeZoneOf("19").abbreviation).toBe("WIB");
  });

  it("refuses a new Kalimantan code (two zones there) with REGION_NOT_FOUND", () => {
    expect(() => timeZoneOf("66")).toThrowError(expect.objectContaining({ code: "REGION_NOT_FOUND", details: { code: "66" } }));
  });
});
