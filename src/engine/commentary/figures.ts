/**
 * The figures of one table row (or of a table's total) read from the grid,
 * each with the cells it came from, so every number in a draft is traceable.
 */
import { cellAddress, cellAt, type SheetGrid } from '../grid';
import { readNumber } from '../numbers';
import { tkrFactor, type Measure, type SignConvention, type TableRow, type VarianceTable } from '../table';

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

export interface RowFigures {
  previous?: Figure;
  actual?: Figure;
  budget?: Figure;
  /**
   * From the Avv column, or computed when that cell holds no number (Utfall −
   * Budget with costs negative, Budget − Utfall with costs positive): either
   * way positive is favourable.
   */
  variance?: Figure;
  /** The Förändr% cell as a percentage (× 100 whatever its storage), when it holds a number. */
  change?: Figure;
  /** True when the Förändr% cell holds an error value (#DIV/0!, …). */
  changeError: boolean;
}

function figureAt(sheet: SheetGrid, table: VarianceTable, row: number, measure: Measure): Figure | undefined {
  const col = table.columns[measure];
  if (col === undefined) return undefined;
  const n = readNumber(cellAt(sheet, row, col.col));
  if (n === undefined) return undefined;
  const k = tkrFactor(table.unit);
  return { tkr: n.value * k, halfUnit: n.halfUnit * k, cells: [{ sheet: table.sheet, cell: cellAddress(row, col.col) }] };
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
  const previous = figureAt(sheet, table, row, 'previous');
  const actual = figureAt(sheet, table, row, 'actual');
  const budget = figureAt(sheet, table, row, 'budget');
  let variance = figureAt(sheet, table, row, 'variance');
  if (variance === undefined && actual !== undefined && budget !== undefined) variance = favourableVariance(actual, budget, table.convention);
  const change = table.columns.change;
  const changeCell = change === undefined ? undefined : cellAt(sheet, row, change.col);
  const changeError = changeCell?.error !== undefined;
  const out: RowFigures = { changeError };
  const pct = changeCell === undefined ? undefined : readNumber(changeCell);
  if (change !== undefined && pct !== undefined) {
    const scale = pct.percentText || table.changeUnit === 'percent' ? 1 : 100;
    out.change = { tkr: pct.value * scale, halfUnit: pct.halfUnit * scale, cells: [{ sheet: table.sheet, cell: cellAddress(row, change.col) }] };
  }
  if (previous !== undefined) out.previous = previous;
  if (actual !== undefined) out.actual = actual;
  if (budget !== undefined) out.budget = budget;
  if (variance !== undefined) out.variance = variance;
  return out;
}

function sumOf(sheet: SheetGrid, table: VarianceTable, rows: readonly TableRow[], measure: Measure): Figure | undefined {
  let tkr = 0;
  let halfUnit = 0;
  const cells: CellRef[] = [];
  for (const r of rows) {
    const f = figureAt(sheet, table, r.row, measure);
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
  const out: RowFigures = { changeError: false };
  const previous = sumOf(sheet, table, table.rows, 'previous');
  const actual = sumOf(sheet, table, table.rows, 'actual');
  const budget = sumOf(sheet, table, table.rows, 'budget');
  let variance = sumOf(sheet, table, table.rows, 'variance');
  if (variance === undefined && actual !== undefined && budget !== undefined) variance = favourableVariance(actual, budget, table.convention);
  if (previous !== undefined) out.previous = previous;
  if (actual !== undefined) out.actual = actual;
  if (budget !== undefined) out.budget = budget;
  if (variance !== undefined) out.variance = variance;
  return out;
}

/** The unit a table belongs to: its title, else its sheet's name. */
export function tableUnit(table: VarianceTable): string {
  return table.title ?? table.sheet;
}
