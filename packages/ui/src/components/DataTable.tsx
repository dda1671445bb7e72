/**
 * The one table of both apps: a caption-less Mantine table whose every column has a real header (a
 * column of buttons is named too, for screen readers only), inside a scroll region that the keyboard
 * reaches (focusable, named) when the table is wider or taller than its place.
 */
import { Box, Table, VisuallyHidden } from "@mantine/core";
import type { TableProps } from "@mantine/core";
import type { ReactNode } from "react";

/** A column's header: its text, or the text with a width, or a header seen only by screen readers (a column of buttons). */
export type DataColumn = string | { label: string; width?: number | string; hidden?: boolean; align?: "right" };

export type DataTableProps = Omit<TableProps, "children"> & {
  /** What the table holds, for the scroll region's name ("Sesi aktif"). */
  label: string;
  columns: readonly DataColumn[];
  /** The width under which the table scrolls sideways instead of squeezing. */
  minWidth?: number;
  /** The height above which the table scrolls down. */
  maxHeight?: number;
  testId?: string;
  /** The rows (`Table.Tr`). */
  children: ReactNode;
  /** A closing row, such as totals (`Table.Tr`). */
  footer?: ReactNode;
};

const labelOf = (column: DataColumn) => (typeof column === "string" ? column : column.label);

export function DataTable({ label, columns, minWidth, maxHeight, testId, children, footer, ...tableProps }: DataTableProps) {
  const empty = columns.find((c) => labelOf(c).trim() === "");
  if (empty !== undefined) throw new Error(`A column of "${label}" has no header.`);
  const table = (
    <Table miw={minWidth} data-testid={testId} {...tableProps}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column, i) => {
            const text = labelOf(column);
            const spec: { width?: number | string; hidden?: boolean; align?: "right" } = typeof column === "string" ? {} : column;
            return (
              <Table.Th key={`${i}-${text}`} w={spec.width} ta={spec.align}>
                {spec.hidden ? <VisuallyHidden>{text}</VisuallyHidden> : text}
              </Table.Th>
            );
          })}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
      {footer !== undefined && <Table.Tfoot>{footer}</Table.Tfoot>}
    </Table>
  );
  if (minWidth === undefined && maxHeight === undefined) return table;
  return (
    <Box role="region" aria-label={label} tabIndex={0} mah={maxHeight} style={{ overflow: "auto" }}>
      {table}
    </Box>
  );
}
