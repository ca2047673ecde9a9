/**
 * The figures of one table row (or of a table's total) read from the grid,
 * each with the cells it came from, so every number in a draft is traceable.
 */
import { cellAt, columnLetter, type Cell, type SheetGrid } from '../grid';
import { readNumber, storedHalfUnit, storedNumber } from '../numbers';
import { MEASURES, tkrFactor, type Measure, type SignConvention, type TableRow, type VarianceTable } from '../table';

/** A cell on a sheet: what the task pane selects and the comments sheet links. */
export interface CellRef {
  sheet: string;
  /** A1 address without `$`. */
  cell: string;
}

/** An amount in tkr (converted from kr for a table in kr) and the cells it was read or computed from. */
export interface Figure {
  tkr: number;
  /** Half the last displayed unit of the source (0 for formula results): the true value lies in tkr ± halfUnit. */
  halfUnit: number;
  cells: CellRef[];
}

/** The figures of one row (or total); a figure the row does not have is undefined. */
export interface RowFigures {
  previous: Figure | undefined;
  actual: Figure | undefined;
  budget: Figure | undefined;
  /**
   * From the Avv column, or computed when that cell holds no number (Utfall −
   * Budget with costs negative, Budget − Utfall with costs positive): either
   * way positive is favourable.
   */
  variance: Figure | undefined;
  /** The Förändr% cell as a percentage (× 100 whatever its storage), when it holds a number. */
  change: Figure | undefined;
  /** True when the Förändr% cell holds an error value (#DIV/0!, …). */
  changeError: boolean;
}

/** A value column of a table: where it is, and its letter for cell addresses. */
interface ColumnAt {
  col: number;
  letter: string;
}

/** The value columns of a table with their letters, read once for all its rows. */
export type TableColumns = Partial<Record<Measure, ColumnAt>>;

/** The value columns of `table` with their letters. */
export function tableColumns(table: VarianceTable): TableColumns {
  const out: TableColumns = {};
  for (const measure of MEASURES) {
    const column = table.columns[measure];
    if (column !== undefined) out[measure] = { col: column.col, letter: columnLetter(column.col) };
  }
  return out;
}

/** The number in a cell and half its last displayed unit, scaled by `k`, citing the cell; undefined when it holds no number. */
function figureIn(cell: Cell, k: number, cited: CellRef): Figure | undefined {
  // Most cells hold their number as a number: read without `readNumber`'s object.
  const stored = storedNumber(cell);
  if (stored !== undefined) return { tkr: stored * k, halfUnit: storedHalfUnit(cell, stored) * k, cells: [cited] };
  const read = readNumber(cell);
  return read === undefined ? undefined : { tkr: read.value * k, halfUnit: read.halfUnit * k, cells: [cited] };
}

/** A Förändr% cell as a percentage (× 100 unless the table or the text already gives one), citing the cell. */
function changeIn(cell: Cell, table: VarianceTable, cited: CellRef): Figure | undefined {
  const stored = storedNumber(cell);
  if (stored !== undefined) {
    const scale = table.changeUnit === 'percent' ? 1 : 100;
    return { tkr: stored * scale, halfUnit: storedHalfUnit(cell, stored) * scale, cells: [cited] };
  }
  const read = readNumber(cell);
  if (read === undefined) return undefined;
  const scale = read.percentText || table.changeUnit === 'percent' ? 1 : 100;
  return { tkr: read.value * scale, halfUnit: read.halfUnit * scale, cells: [cited] };
}

/** The figure in `column` of the row at `row` (`rowText` its number as addresses write it), its amount × `k` (`tkrFactor`). */
function figureAt(sheet: SheetGrid, table: VarianceTable, k: number, column: ColumnAt | undefined, row: number, rowText: string): Figure | undefined {
  if (column === undefined) return undefined;
  const cell = cellAt(sheet, row, column.col);
  if (cell.error !== undefined || cell.value === null) return undefined;
  return figureIn(cell, k, { sheet: table.sheet, cell: column.letter + rowText });
}

/** The favourable variance of `actual` against `budget` under the table's sign convention; cites Utfall then Budget. */
function favourableVariance(actual: Figure, budget: Figure, convention: SignConvention): Figure {
  const tkr = convention === 'costs-positive' ? budget.tkr - actual.tkr : actual.tkr - budget.tkr;
  return { tkr, halfUnit: actual.halfUnit + budget.halfUnit, cells: [...actual.cells, ...budget.cells] };
}

/**
 * An amount as a net cost: positive for a net cost, negative for a net
 * income, whichever convention the table signs its amounts by.
 */
export function netCost(tkr: number, convention: SignConvention): number {
  return convention === 'costs-positive' ? tkr : -tkr;
}

/** The figures of the row at 0-based sheet row `row` of `table`. */
export function rowFigures(sheet: SheetGrid, table: VarianceTable, row: number): RowFigures {
  return rowFiguresIn(sheet, table, tableColumns(table), row);
}

/** The figures of every row of `table`, in the order of `table.rows`. */
export function tableRowFigures(sheet: SheetGrid, table: VarianceTable): RowFigures[] {
  const columns = tableColumns(table);
  return table.rows.map((r) => rowFiguresIn(sheet, table, columns, r.row));
}

/** The figures of the row at 0-based sheet row `row` of `table`, whose columns are `columns` (`tableColumns`). */
export function rowFiguresIn(sheet: SheetGrid, table: VarianceTable, columns: TableColumns, row: number): RowFigures {
  const rowText = String(row + 1);
  const k = tkrFactor(table.unit);
  const previous = figureAt(sheet, table, k, columns.previous, row, rowText);
  const actual = figureAt(sheet, table, k, columns.actual, row, rowText);
  const budget = figureAt(sheet, table, k, columns.budget, row, rowText);
  let variance = figureAt(sheet, table, k, columns.variance, row, rowText);
  if (variance === undefined && actual !== undefined && budget !== undefined) variance = favourableVariance(actual, budget, table.convention);
  const column = columns.change;
  const changeCell = column === undefined ? undefined : cellAt(sheet, row, column.col);
  const change = column === undefined || changeCell === undefined ? undefined : changeIn(changeCell, table, { sheet: table.sheet, cell: column.letter + rowText });
  return { previous, actual, budget, variance, change, changeError: changeCell?.error !== undefined };
}

function sumOf(sheet: SheetGrid, table: VarianceTable, rows: readonly TableRow[], measure: Measure): Figure | undefined {
  const column = tableColumns(table)[measure];
  const k = tkrFactor(table.unit);
  let tkr = 0;
  let halfUnit = 0;
  const cells: CellRef[] = [];
  for (const r of rows) {
    const f = figureAt(sheet, table, k, column, r.row, String(r.row + 1));
    if (f === undefined) continue;
    tkr += f.tkr;
    halfUnit += f.halfUnit;
    cells.push(...f.cells);
  }
  return cells.length === 0 ? undefined : { tkr, halfUnit, cells };
}

/**
 * The figures of the whole table: its total row when it has one, else the sum
 * of its rows (then every summed cell is a source).
 */
export function totalFigures(sheet: SheetGrid, table: VarianceTable): RowFigures {
  if (table.total !== null) return rowFigures(sheet, table, table.total.row);
  const previous = sumOf(sheet, table, table.rows, 'previous');
  const actual = sumOf(sheet, table, table.rows, 'actual');
  const budget = sumOf(sheet, table, table.rows, 'budget');
  let variance = sumOf(sheet, table, table.rows, 'variance');
  if (variance === undefined && actual !== undefined && budget !== undefined) variance = favourableVariance(actual, budget, table.convention);
  return { previous, actual, budget, variance, change: undefined, changeError: false };
}

/** The unit a table belongs to: its title, else its sheet's name. */
export function tableUnit(table: VarianceTable): string {
  return table.title ?? table.sheet;
}
