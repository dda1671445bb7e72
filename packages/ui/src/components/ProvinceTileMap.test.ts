import { listProvinces } from "@gugus/domain/regions";
import { MantineProvider } from "@mantine/core";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { createI18n } from "../i18n/index.ts";
import { PROVINCE_ABBREVIATIONS, PROVINCE_TILES, ProvinceTileMap, binOf } from "./ProvinceTileMap.tsx";

const codes = listProvinces().map((p) => p.code);

describe("the province tile map", () => {
  it("has one tile for each of the 38 provinces of the catalogue, the 2022 Papua provinces included", () => {
    expect(codes).toHaveLength(38);
    expect(Object.keys(PROVINCE_TILES).sort()).toEqual([...codes].sort());
    expect(Object.keys(PROVINCE_ABBREVIATIONS).sort()).toEqual([...codes].sort());
    for (const papua of ["93", "94", "95", "96"]) expect(PROVINCE_TILES[papua]).toBeDefined();
  });

  it("puts no two provinces on the same tile", () => {
    const cells = Object.values(PROVINCE_TILES).map(([c, r]) => `${c},${r}`);
    expect(new Set(cells).size).toBe(cells.length);
  });

  it("runs roughly west to east: each island group lies on average east of the one before", () => {
    // A province code's first digit runs by island group west to east: 1 Sumatra, 3 Java, 5 Nusa Tenggara, 6 Kalimantan, 7 Sulawesi, 8 Maluku, 9 Papua.
    const meanColumn = (digit: string) => {
      const cols = Object.entries(PROVINCE_TILES).filter(([code]) => code.startsWith(digit)).map(([, [c]]) => c);
      return cols.reduce((a, b) => a + b, 0) / cols.length;
    };
    const order = ["1", "3", "6", "7", "8", "9"].map(meanColumn);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(Math.min(...Object.values(PROVINCE_TILES).map(([c]) => c))).toBe(PROVINCE_TILES["11"]![0]);
    expect(Math.max(...Object.values(PROVINCE_TILES).map(([c]) => c))).toBe(PROVINCE_TILES["91"]![0]);
  });

  it("colours a rate by quarters, never caps it, and marks above 100% as an anomaly", () => {
    expect(binOf(null)).toBe("none");
    expect(binOf(0)).toBe("low");
    expect(binOf(24.9)).toBe("low");
    expect(binOf(25)).toBe("mid");
    expect(binOf(50)).toBe("high");
    expect(binOf(75)).toBe("top");
    expect(binOf(100)).toBe("top");
    expect(binOf(100.1)).toBe("over");
    expect(binOf(250)).toBe("over");
  });

  it("labels every tile with its province and value, in the reader's language", () => {
    const i18n = createI18n({ id: {}, en: {} }, "en");
    const html = renderToStaticMarkup(
      createElement(I18nextProvider, { i18n }, createElement(MantineProvider, null, createElement(ProvinceTileMap, { values: [{ code: "32", value: 80 }, { code: "94", value: 120 }], metric: "Submitted", format: (v: number | null) => (v === null ? "—" : `${v}%`) }))),
    );
    expect(html).toContain("Jawa Barat: 80%");
    expect(html).toContain("Papua Tengah: 120%, above 100%, an anomaly");
    expect(html).toContain("Aceh: none expected");
    expect(html).toContain('aria-label="Province tile map: Submitted"');
    expect(html.match(/<li[^>]*data-code=/g)).toHaveLength(38);
  });
});
