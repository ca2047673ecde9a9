/**
 * Where "Infoga diagram" puts a table's chart on the table's own sheet: to
 * the right of the table, one blank column after the last column the table
 * uses, a two-column block of the chart's figures (the chart reads them),
 * one blank column, then the chart, as tall as the table and at least
 * `CHART_MIN_ROWS` rows by `CHART_COLUMNS` columns:
 *
 * ```
 *  table … │ gap │ Post   Belopp │ gap │ chart (8 columns) │
 * ```
 *
 * There is room only when every cell of that area is empty (no value,
 * formula or error; a cell of only spaces is the user's and counts as
 * taken), none of its columns is hidden, it fits within Excel's sheet
 * (`SHEET_ROWS` × `SHEET_COLUMNS`), and it leaves alone the free room beside
 * every table further down the sheet, so that the charts of stacked tables
 * (an RN table above a kontogrupp table) never cover one another: a chart is
 * a drawing over the cells, which the grid does not show, so a short table's
 * chart, reaching below its table, must not take the room the table below
 * needs for its own. Charts and pictures the user placed are not in the grid
 * either; the adapter looks for them before it writes (see `src/excel/chart.ts`).
 * Below the table is not used: tables are stacked there, and a chart beside
 * the table above may reach down into it.
 *
 * Written by hand: a search over a plain grid, which no library does.
 */
import { cellAt, type Cell, type SheetGrid } from '../grid';
import type { VarianceTable } from '../table';

/** Excel's sheet size: rows 1 … 1 048 576, columns A … XFD. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;
/** The chart's least size in cells, about a screen's worth of a bar per row. */
export const CHART_MIN_ROWS = 15;
export const CHART_COLUMNS = 8;

/** A block of cells, 0-based, both ends included. */
export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The planned room beside a table: the figures' block and the chart's cells. */
export interface RoomBesideTable {
  /** Two columns (label, amount), one row per category and a header row. */
  figures: CellArea;
  /** The cells the chart covers. */
  chart: CellArea;
}

interface Layout extends RoomBesideTable {
  /** Everything the layout needs empty: the blank columns, the figures and the chart. */
  whole: CellArea;
}

/** Empty in Excel's sense: no value, no formula, no error (`''` is what Excel reads from an empty cell). */
export function isEmptyCell(cell: Cell): boolean {
  return cell.formula === undefined && cell.error === undefined && (cell.value === null || cell.value === '');
}

function isEmptyArea(sheet: SheetGrid, area: CellArea): boolean {
  for (let row = area.top; row <= area.bottom; row++) {
    for (let col = area.left; col <= area.right; col++) if (!isEmptyCell(cellAt(sheet, row, col))) return false;
  }
  return true;
}

function overlaps(a: CellArea, b: CellArea): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function extentOf(table: VarianceTable): CellArea {
  return { top: table.top, left: table.left, bottom: table.bottom, right: table.right };
}

/** The table's last used column: its last value column, and the columns right after it that hold something in the table's rows (a Kommentar column). */
export function lastUsedColumn(sheet: SheetGrid, table: VarianceTable): number {
  let right = table.right;
  for (;;) {
    const next = right + 1;
    let used = false;
    for (let row = table.top; row <= table.bottom && !used; row++) used = !isEmptyCell(cellAt(sheet, row, next));
    if (!used) return right;
    right = next;
  }
}

/** The layout beside a table for `figureRows` rows of figures, whatever the cells hold; undefined past the sheet's edge. */
function layoutBeside(sheet: SheetGrid, table: VarianceTable, figureRows: number): Layout | undefined {
  const gap = lastUsedColumn(sheet, table) + 1;
  const figures: CellArea = { top: table.top, left: gap + 1, bottom: table.top + figureRows - 1, right: gap + 2 };
  const height = Math.max(CHART_MIN_ROWS, table.bottom - table.top + 1, figureRows);
  const chart: CellArea = { top: table.top, left: figures.right + 2, bottom: table.top + height - 1, right: figures.right + 1 + CHART_COLUMNS };
  if (chart.right >= SHEET_COLUMNS || chart.bottom >= SHEET_ROWS) return undefined;
  return { figures, chart, whole: { top: table.top, left: gap, bottom: Math.max(figures.bottom, chart.bottom), right: chart.right } };
}

/**
 * The room beside `table` on `sheet` for a figure block of `figureRows` rows
 * (header, Budget and one per row), or undefined when there is none (the
 * chart then goes on a sheet of its own). `tables` are the detected tables of
 * the workbook; those on the same sheet keep their own room and cells.
 */
export function findRoomBesideTable(sheet: SheetGrid, table: VarianceTable, figureRows: number, tables: readonly VarianceTable[]): RoomBesideTable | undefined {
  const layout = layoutBeside(sheet, table, figureRows);
  if (layout === undefined || !isEmptyArea(sheet, layout.whole)) return undefined;
  // Hidden columns there would hide the figures or squeeze the chart.
  if ((sheet.hiddenColumns ?? []).some((c) => c >= layout.whole.left && c <= layout.whole.right)) return undefined;
  const own = extentOf(table);
  for (const other of tables) {
    if (other.sheet !== table.sheet || other.id === table.id) continue;
    if (overlaps(layout.whole, extentOf(other))) return undefined;
    // A table further down keeps its own room (planned for the most figures it can have: header, Budget, every row)
    // when that room is free: a chart starts at its table's top and reaches down, so of two stacked tables
    // only the upper one's chart can run into the other's room, never the lower one's.
    if (other.top <= table.top) continue;
    const room = layoutBeside(sheet, other, other.rows.length + 2);
    if (room !== undefined && !overlaps(room.whole, own) && isEmptyArea(sheet, room.whole) && overlaps(layout.whole, room.whole)) return undefined;
  }
  return { figures: layout.figures, chart: layout.chart };
}
