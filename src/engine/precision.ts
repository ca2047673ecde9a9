/**
 * How exactly a cell's figure is known. A typed or pasted constant stands for
 * its value ± half its last shown unit. A formula computes exactly from its
 * inputs, but a formula that adds and subtracts typed, rounded constants
 * (`=SUM(E4:E18)`, `=C5-D5`) is only as exact as they are: its uncertainty is
 * the sum of theirs. Other formulas (× and /, functions other than SUM) are
 * taken as exact.
 */
import { cellAt, columnIndex, type SheetGrid } from './grid';
import { constantHalfUnit, readNumber, TypedHalfUnits } from './numbers';

/** A figure: its value and the half-width of the interval it stands for. */
export interface Figure {
  value: number;
  half: number;
}

/** Deeper chains of formulas are taken as exact (a report's sums nest two or three deep). */
const MAX_DEPTH = 4;
/** Larger ranges are taken as exact rather than walked. */
const MAX_RANGE_CELLS = 5000;

/**
 * A formula that only adds and subtracts references, ranges in SUM, and
 * numbers: no ×, /, comparisons, text, other functions or other sheets.
 */
const REF = String.raw`\$?[A-Z]{1,3}\$?\d+`;
const RANGE = String.raw`${REF}(?::${REF})?`;
const ITEM = String.raw`(?:SUM\(\s*${RANGE}(?:\s*,\s*${RANGE})*\s*\)|${REF}|\d+(?:\.\d+)?)`;
const LINEAR = new RegExp(String.raw`^=[\s(+\-]*${ITEM}(?:[\s()]*[+\-][\s(+\-]*${ITEM})*[\s)]*$`, 'i');
/**
 * The commonest formula in a table's row, one cell added to or subtracted from another (`=C5-D5`), read in one go:
 * the text before, between and after its row numbers, its column letters and its row numbers.
 */
const TWO_REFERENCES = new RegExp(String.raw`^(=\s*\$?([A-Z]{1,3})\$?)(\d+)(\s*[+\-]\s*\$?([A-Z]{1,3})\$?)(\d+)(\s*)$`, 'i');
/** The words between a formula's operators and parentheses (`SUM`, `E4:E18`, `C5`, `100`), and a word that is a reference or a range. */
const OPERATORS = /[^A-Z0-9$:]+/i;
const REFERENCE = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i;

/** The two cells (0-based) a formula of two references adds or subtracts (`=C5-D5`). */
interface CellPair {
  firstRow: number;
  firstCol: number;
  secondRow: number;
  secondCol: number;
}

/** A formula of two references: its cells, and its text around its two row numbers (`=C`, `-D`, ``). */
interface PairFormula extends CellPair {
  before: string;
  between: string;
  after: string;
}

/** A formula of two references (`TWO_REFERENCES`) read, undefined for any other formula. */
function pairFormula(formula: string): PairFormula | undefined {
  const m = TWO_REFERENCES.exec(formula);
  if (m === null) return undefined;
  return {
    firstRow: Number(m[3]) - 1,
    firstCol: columnIndex(m[2] as string),
    secondRow: Number(m[6]) - 1,
    secondCol: columnIndex(m[5] as string),
    before: m[1] as string,
    between: m[4] as string,
    after: m[7] as string,
  };
}

/**
 * True when `formula` is `pair`'s text with each row number one more (`=C5-D5` for `=C4-D4`): the formula of
 * the row below in a column of like formulas, which adds the cells a row further down.
 */
function isRowBelow(pair: PairFormula, formula: string): boolean {
  const first = String(pair.firstRow + 2);
  const second = String(pair.secondRow + 2);
  const between = pair.before.length + first.length;
  const end = between + pair.between.length + second.length;
  return (
    formula.length === end + pair.after.length &&
    formula.startsWith(pair.before) &&
    formula.startsWith(first, pair.before.length) &&
    formula.startsWith(pair.between, between) &&
    formula.startsWith(second, between + pair.between.length) &&
    formula.endsWith(pair.after)
  );
}

/**
 * The half-width of a formula of two references: the sum of its two cells' (`cellHalf` at `depth`);
 * `typed`: what reads each cell's typed number, when a column of such formulas is read.
 */
function pairHalf(sheet: SheetGrid, pair: CellPair, depth: number, typed?: readonly [TypedHalfUnits, TypedHalfUnits]): number {
  return cellHalf(sheet, pair.firstRow, pair.firstCol, depth, typed?.[0]) + cellHalf(sheet, pair.secondRow, pair.secondCol, depth, typed?.[1]);
}

/**
 * The half-width of a formula cell's figure: the sum of the half-widths of
 * the cells it adds up, when it only adds and subtracts; 0 otherwise.
 */
export function formulaHalf(sheet: SheetGrid, formula: string, depth = 0): number {
  if (depth >= MAX_DEPTH) return 0;
  const pair = pairFormula(formula);
  if (pair !== undefined) return pairHalf(sheet, pair, depth + 1);
  if (!LINEAR.test(formula)) return 0;
  let half = 0;
  for (const word of formula.split(OPERATORS)) {
    const m = REFERENCE.exec(word);
    if (m === null) continue;
    const fromRow = Number(m[2]) - 1;
    const fromCol = columnIndex(m[1] as string);
    const toRow = m[4] === undefined ? fromRow : Number(m[4]) - 1;
    const toCol = m[3] === undefined ? fromCol : columnIndex(m[3]);
    if ((Math.abs(toRow - fromRow) + 1) * (Math.abs(toCol - fromCol) + 1) > MAX_RANGE_CELLS) return 0;
    half += rangeHalf(sheet, Math.min(fromRow, toRow), Math.min(fromCol, toCol), Math.max(fromRow, toRow), Math.max(fromCol, toCol), depth);
  }
  return half;
}

/** The sum of the half-widths of the cells of a range (top-left to bottom-right), in a formula at `depth`. */
function rangeHalf(sheet: SheetGrid, top: number, left: number, bottom: number, right: number, depth: number): number {
  let half = 0;
  const typed = new TypedHalfUnits();
  // The formula of two references met last (`=C4-D4`): the formula of the row below it in a column of like
  // formulas (`=C5-D5`) is known by its text, and adds the cells a row further down.
  let above: PairFormula | undefined;
  // The typed numbers such a column of formulas adds, each reference's down its own column.
  const pairTyped = [new TypedHalfUnits(), new TypedHalfUnits()] as const;
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const cell = cellAt(sheet, r, c);
      const formula = cell.formula;
      if (formula !== undefined && depth + 1 < MAX_DEPTH) {
        if (above !== undefined && isRowBelow(above, formula)) {
          above.firstRow++;
          above.secondRow++;
        } else {
          above = pairFormula(formula);
        }
        half += above === undefined ? formulaHalf(sheet, formula, depth + 1) : pairHalf(sheet, above, depth + 2, pairTyped);
        continue;
      }
      half += cellHalf(sheet, r, c, depth + 1, typed);
    }
  }
  return half;
}

/**
 * The half-width of the figure at (row, col): a constant's rounding, a formula's inputs' (0 for anything else);
 * `typed`: what reads a typed number, when cells are read one after another.
 */
function cellHalf(sheet: SheetGrid, row: number, col: number, depth: number, typed?: TypedHalfUnits): number {
  const cell = cellAt(sheet, row, col);
  if (cell.formula !== undefined) return formulaHalf(sheet, cell.formula, depth);
  const v = cell.value;
  if (typeof v === 'number') return !Number.isFinite(v) ? 0 : typed === undefined ? constantHalfUnit(v, cell.numberFormat) : typed.of(v, cell.numberFormat);
  return readNumber(cell)?.halfUnit ?? 0;
}

/** The figure a cell holds, with its precision carried through linear formulas; undefined when it holds no number. */
export function figureAt(sheet: SheetGrid, row: number, col: number): Figure | undefined {
  const cell = cellAt(sheet, row, col);
  const read = readNumber(cell);
  if (read === undefined) return undefined;
  return { value: read.value, half: cell.formula === undefined ? read.halfUnit : formulaHalf(sheet, cell.formula) };
}
