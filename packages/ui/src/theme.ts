import { Badge, createTheme } from "@mantine/core";

/** The Mantine theme both apps share. */
export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  headings: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif' },
  components: {
    // A badge says a status in a word or two: never cut it to "ME…" in a narrow table cell.
    Badge: Badge.extend({ styles: { root: { flexShrink: 0, maxWidth: "none", overflow: "visible" }, label: { overflow: "visible" } } }),
  },
});
