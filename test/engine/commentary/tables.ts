/**
 * Follow-up tables built by the tests, in either sign convention and any
 * amount unit, shaped like a förvaltning's RN table: a title, a wrapped
 * header, one row per unit, a blank row and an unlabelled total row.
 */
import { checkWorkbook } from '../../../src/engine/check';
import { draftCommentary, type CommentaryOptions, type CommentaryDrafts } from '../../../src/engine/commentary/draft';
import type { Cell, WorkbookGrid } from '../../../src/engine/grid';
import type { AmountUnit, SignConvention } from '../../../src/engine/table';

/** One unit's figures as the table prints them (in the table's unit and convention). */
export interface PrintedRow {
  code: string;
  name: string;
  previous: number;
  actual: number;
  budget: number;
}

export interface TableShape {
  convention: SignConvention;
  unit: AmountUnit;
  /** Whether the table has an Avv column (else the variance is computed from Utfall and Budget). */
  varianceColumn: boolean;
}

export const SHEET = 'Förvaltning';

/** The favourable variance of a row under a convention: Utfall − Budget with costs negative, Budget − Utfall with costs positive. */
export function favourable(row: Pick<PrintedRow, 'actual' | 'budget'>, convention: SignConvention): number {
  return convention === 'costs-positive' ? row.budget - row.actual : row.actual - row.budget;
}

/** Decimals a table in `unit` prints its amounts with. */
export function printedDecimals(unit: AmountUnit): number {
  return unit === 'mnkr' ? 1 : 0;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** The workbook of one RN table with these rows (columns B Bokslut, C Utfall, D Budget, E Avv when present, then Förändr%). */
export function followUpWorkbook(rows: readonly PrintedRow[], shape: TableShape): WorkbookGrid {
  const decimals = printedDecimals(shape.unit);
  const format = decimals === 0 ? '#,##0' : '#,##0.0';
  const n = (value: number): Cell => ({ value: round(value, decimals), numberFormat: format });
  const unitWord = shape.unit === 'kr' ? 'kr' : shape.unit === 'mnkr' ? 'mnkr' : 'tkr';
  const header = ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', ...(shape.varianceColumn ? ['2021\nAvv Budg o Utf'] : []), 'Förändr%\n2020 o 2021'];
  const cells: (Cell | undefined)[][] = [[{ value: `Förvaltningen (${unitWord})` }], [], header.map((value) => ({ value }))];
  const line = (label: Cell | undefined, r: Omit<PrintedRow, 'code' | 'name'>): (Cell | undefined)[] => {
    const change: Cell = r.previous === 0 ? { value: '#DIVISION/0!', error: 'DIV_BY_ZERO', errorIsText: true } : { value: round((r.actual / r.previous - 1) * 100, 1), numberFormat: '0.0' };
    return [label, n(r.previous), n(r.actual), n(r.budget), ...(shape.varianceColumn ? [n(favourable(r, shape.convention))] : []), change];
  };
  for (const r of rows) cells.push(line({ value: `${r.code.padEnd(6, ' ')}${r.name}` }, r));
  cells.push([]);
  const sum = (f: (r: PrintedRow) => number): number =>
    round(
      rows.reduce((s, r) => s + f(r), 0),
      decimals,
    );
  cells.push(line(undefined, { previous: sum((r) => r.previous), actual: sum((r) => r.actual), budget: sum((r) => r.budget) }));
  return { sheets: [{ name: SHEET, cells }] };
}

/** The drafts of such a workbook, its tables read with the shape's convention and unit (whatever detection says of them). */
export function draftsFor(workbook: WorkbookGrid, shape: TableShape, options: Partial<CommentaryOptions> = {}): CommentaryDrafts {
  const tables = checkWorkbook(workbook).tables.map((t) => ({ ...t, convention: shape.convention, unit: shape.unit }));
  return draftCommentary({ tables }, workbook, options);
}
