import { DEFAULT_THEME, isLightColor, luminance, mergeMantineTheme } from "@mantine/core";
import { describe, expect, it } from "vitest";
import { theme } from "./theme.ts";

const full = mergeMantineTheme(DEFAULT_THEME, theme);

/** WCAG 2 contrast ratio of two colours, from Mantine's own relative luminance. */
function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

function shade(colour: string, index: number): string {
  const value = full.colors[colour]?.[index];
  if (!value) throw new Error(`no shade ${index} of ${colour}`);
  return value;
}

const AA = 4.5;
const WHITE = full.white;
/** The colours the screens use for text, badges, buttons and alerts. */
const USED = ["indigo", "red", "green", "teal", "yellow", "orange", "blue", "gray"];
const lightShade = typeof full.primaryShade === "number" ? full.primaryShade : full.primaryShade.light;

describe("text colours of the theme meet WCAG AA (4.5:1)", () => {
  it("dimmed text (gray 6) on white, on gray 0 and on a striped row (gray 1)", () => {
    for (const background of [WHITE, shade("gray", 0), shade("gray", 1)]) expect(contrast(shade("gray", 6), background)).toBeGreaterThanOrEqual(AA);
  });

  it("error text (red 6) on white and on gray 0", () => {
    for (const background of [WHITE, shade("gray", 0)]) expect(contrast(shade("red", 6), background)).toBeGreaterThanOrEqual(AA);
  });

  it("links (the primary colour's shade) on white, on a striped row and on the pale orange of a marked row", () => {
    const link = shade(full.primaryColor, lightShade);
    for (const background of [WHITE, shade("gray", 1), shade("orange", 1)]) expect(contrast(link, background)).toBeGreaterThanOrEqual(AA);
  });

  it.each(USED)("a filled %s button or badge: the text Mantine picks (black or white) on the primary shade", (colour) => {
    const background = shade(colour, lightShade);
    const text = full.autoContrast && isLightColor(background, full.luminanceThreshold) ? full.black : WHITE;
    expect(contrast(text, background)).toBeGreaterThanOrEqual(AA);
  });

  it.each(USED)("a light %s badge or alert: shade 9 on shade 1", (colour) => {
    expect(contrast(shade(colour, 9), shade(colour, 1))).toBeGreaterThanOrEqual(AA);
  });

  it("measures as WCAG does: 21:1 for black on white, 3.3:1 for Mantine's own dimmed grey, 4.3:1 for its indigo button", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast(DEFAULT_THEME.colors.gray[6] ?? "", WHITE)).toBeCloseTo(3.32, 2);
    expect(contrast(WHITE, DEFAULT_THEME.colors.indigo[6] ?? "")).toBeCloseTo(4.32, 2);
  });
});
