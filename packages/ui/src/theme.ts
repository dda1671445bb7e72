import { Badge, DEFAULT_THEME, TableScrollContainer, createTheme } from "@mantine/core";
import type { MantineColorsTuple } from "@mantine/core";

/** Mantine's palette with some shades replaced (index → colour); the other shades stay Mantine's. */
function withShades(name: "gray" | "red" | "green" | "teal" | "yellow" | "orange", shades: Record<number, string>): MantineColorsTuple {
  const base: readonly string[] = DEFAULT_THEME.colors[name] ?? [];
  return base.map((colour, index) => shades[index] ?? colour) as unknown as MantineColorsTuple;
}

/**
 * The Mantine theme both apps share. Every text colour meets WCAG AA (4.5:1) on white and on the light
 * backgrounds it sits on; the browser tests check each screen with axe-core.
 *
 * - Dimmed text (`--mantine-color-dimmed`) and input descriptions are gray 6: Mantine's #868e96 is
 *   3.3:1 on white, #5f666d is 5.8:1 (5.2:1 on gray 1, a striped row).
 * - Error text (`--mantine-color-error`) is red 6: Mantine's #fa5252 is 3.3:1, #d32f2f is 5.0:1; the
 *   darker reds follow it.
 * - Filled buttons and badges, links and outlines use shade 8: indigo 8 is 5.7:1 with white (Mantine's
 *   shade 6 is 4.3:1), and links stay above 4.5:1 on the pale orange of a marked row. The text of a
 *   filled colour is black or white, whichever contrasts (`autoContrast`, switching at the luminance
 *   where both give the same ratio, 0.179): a green badge gets black text, a red button white.
 * - Light badges and alerts write shade 9 on shade 1: green, teal, yellow and orange 9 are darkened
 *   to reach 4.5:1 there (Mantine's yellow is 2.7:1).
 */
export const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  luminanceThreshold: 0.179,
  colors: {
    gray: withShades("gray", { 6: "#5f666d" }),
    red: withShades("red", { 6: "#d32f2f", 7: "#c92a2a", 8: "#b02525", 9: "#962020" }),
    green: withShades("green", { 9: "#237032" }),
    teal: withShades("teal", { 9: "#066649" }),
    yellow: withShades("yellow", { 9: "#a35200" }),
    orange: withShades("orange", { 9: "#a8400b" }),
  },
  defaultRadius: "md",
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif' },
  components: {
    // A badge says a status in a word or two: never cut it to "ME…" in a narrow table cell.
    Badge: Badge.extend({ styles: { root: { flexShrink: 0, maxWidth: "none", overflow: "visible" }, label: { overflow: "visible" } } }),
    // A table wider than the screen scrolls sideways: keyboard users reach it with Tab and scroll
    // it with the arrow keys (WCAG 2.1.1).
    TableScrollContainer: TableScrollContainer.extend({ defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } }),
  },
});
