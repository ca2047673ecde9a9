/**
 * How exactly a cell's figure is known. A typed or pasted constant stands for
 * its value ± half its last shown unit. A formula computes exactly from its
 * inputs, but a formula that adds and subtracts typed, rounded constants
 * (`=SUM(E4:E18)`, `=C5-D5`) is only as exact as they are: its uncertainty is
 * the sum of theirs. Other formulas (× and /, functions other than SUM) are
 * taken as exact.
 */
import { cellAt, parseAddress, type SheetGrid } from './grid';
import { readNumber } from './numbers';

/** A figure: its value and the half-width of the interval it stands for. */
export interface Figure {
  value: number;
  half: number;
}

/** Deeper chains of formulas are taken as exact (a report's sums nest two or three deep). */
const MAX_DEPTH = 4;
/** Larger ranges are taken as exact rather than walked. */
const MAX_RANGE_CELLS = 5000;

/** A formula that only adds and subtracts references, ranges in SUM, and numbers. */
const REF = String.raw`\$?[A-Z]{1,3}\$?\d+`;
const RANGE = String.raw`${REF}(?::${REF})?`;
const ITEM = String.raw`(?:SUM\(\s*${RANGE}(?:\s*,\s*${RANGE})*\s*\)|${REF}|\d+(?:\.\d+)?)`;
const LINEAR = new RegExp(String.raw`^=[\s(+\-]*${ITEM}(?:[\s()]*[+\-][\s(+\-]*${ITEM})*[\s)]*$`, 'i');
const REFERENCE = /\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/gi;

/**
 * The half-width of a formula cell's figure: the sum of the half-widths of
 * the cells it adds up, when it only adds and subtracts; 0 otherwise.
 */
export function formulaHalf(sheet: SheetGrid, formula: string, depth = 0): number {
  if (depth >= MAX_DEPTH || !LINEAR.test(formula)) return 0;
  let half = 0;
  for (const m of formula.matchAll(REFERENCE)) {
    const from = parseAddress(`${m[1]}${m[2]}`);
    const to = m[3] === undefined ? from : parseAddress(`${m[3]}${m[4]}`);
    if (from === undefined || to === undefined) return 0;
    const rows = Math.abs(to.row - from.row) + 1;
    const cols = Math.abs(to.col - from.col) + 1;
    if (rows * cols > MAX_RANGE_CELLS) return 0;
    for (let r = Math.min(from.row, to.row); r <= Math.max(from.row, to.row); r++) {
      for (let c = Math.min(from.col, to.col); c <= Math.max(from.col, to.col); c++) half += cellHalf(sheet, r, c, depth + 1);
    }
  }
  return half;
}

/** The half-width of the figure at (row, col): a constant's rounding, a formula's inputs' (0 for anything else). */
function cellHalf(sheet: SheetGrid, row: number, col: number, depth: number): number {
  const cell = cellAt(sheet, row, col);
  if (cell.formula !== undefined) return formulaHalf(sheet, cell.formula, depth);
  return readNumber(cell)?.halfUnit ?? 0;
}

/** The figure a cell holds, with its precision carried through linear formulas; undefined when it holds no number. */
export function figureAt(sheet: SheetGrid, row: number, col: number): Figure | undefined {
  const cell = cellAt(sheet, row, col);
  const read = readNumber(cell);
  if (read === undefined) return undefined;
  return { value: read.value, half: cell.formula === undefined ? read.halfUnit : formulaHalf(sheet, cell.formula) };
}
