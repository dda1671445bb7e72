import { MantineProvider, Table } from "@mantine/core";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable } from "./DataTable.tsx";
import type { DataTableProps } from "./DataTable.tsx";

const row = createElement(Table.Tr, null, createElement(Table.Td, null, "a"), createElement(Table.Td, null, "b"));
const render = (props: Omit<DataTableProps, "children">) => renderToStaticMarkup(createElement(MantineProvider, null, createElement(DataTable, { ...props, children: row })));
const headers = (html: string) => [...html.matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));

describe("the one table", () => {
  it("names every column, a column of buttons too (for screen readers only)", () => {
    const html = render({ label: "Akun", columns: ["Nama", { label: "Tindakan", hidden: true }] });
    expect(headers(html)).toEqual(["Nama", "Tindakan"]);
  });

  it("refuses a column without a header, even one of spaces", () => {
    expect(() => render({ label: "Akun", columns: ["Nama", ""] })).toThrow(/no header/);
    expect(() => render({ label: "Akun", columns: [{ label: "  " }] })).toThrow(/no header/);
  });

  it("puts a table that may scroll in a named region the keyboard reaches", () => {
    const html = render({ label: "Log audit", columns: ["Waktu"], minWidth: 900 });
    expect(html).toMatch(/<div[^>]*role="region"[^>]*>/);
    const region = /<div[^>]*role="region"[^>]*>/.exec(html)![0];
    expect(region).toContain('tabindex="0"');
    expect(region).toContain('aria-label="Log audit"');
  });

  it("scrolls down past a maximum height, in the same kind of region", () => {
    const region = /<div[^>]*role="region"[^>]*>/.exec(render({ label: "Baris", columns: ["Baris"], maxHeight: 360 }))?.[0];
    expect(region).toContain('tabindex="0"');
  });

  it("adds no tab stop for a table that never scrolls", () => {
    const html = render({ label: "Hasil", columns: ["Kode"] });
    expect(html).not.toContain("tabindex");
    expect(html).not.toContain('role="region"');
  });

  it("keeps the test id on the table itself", () => {
    expect(render({ label: "Sesi", columns: ["Akun"], testId: "sessions-table", minWidth: 760 })).toMatch(/<table[^>]*data-testid="sessions-table"/);
  });
});
