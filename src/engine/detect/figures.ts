/**
 * A table's figures read once for detection's arithmetic: per column, per
 * body row, the figure's value and the half-width of its rounding, or that
 * the cell is empty (0) or holds nothing usable (text, an error: NaN).
 */
import { cellAt, isBlank, type SheetGrid } from '../grid';
import { halfUnitShown, isMarkerText, MAX_FIGURE, readNumber, shownStoredDecimals } from '../numbers';

/**
 * One column's figures, row by row: `value[i]` (NaN when the cell holds no
 * number), `half[i]` (a typed constant's rounding; a formula's result is
 * exact against its own inputs, which is all detection compares it with),
 * and `blank[i]`: 1 for an empty cell or a dash (its value read as 0), else 0.
 */
export interface ColumnFigures {
  value: Float64Array;
  half: Float64Array;
  blank: Uint8Array;
}

/** The figures of some columns over the body rows, by sheet column. */
export type Readings = ReadonlyMap<number, ColumnFigures>;

/** True when row i of the column holds a number (not empty, not text). */
export function isFigure(c: ColumnFigures, i: number): boolean {
  return c.blank[i] === 0 && !Number.isNaN(c.value[i]);
}

/** The figures of the columns `cols` on the body rows `rows`, by sheet column. */
export function readFigures(sheet: SheetGrid, rows: readonly { row: number }[], cols: readonly number[]): Readings {
  const out = new Map<number, ColumnFigures>();
  for (const col of cols) {
    // Arrays of the body's length from the start: a large table's columns are not copied as they grow.
    const figures: ColumnFigures = { value: new Float64Array(rows.length), half: new Float64Array(rows.length), blank: new Uint8Array(rows.length) };
    // A column's cells share one or two number formats: the decimals are read again only when the format changes.
    let format: string | undefined;
    let decimals = shownStoredDecimals(format);
    for (let i = 0; i < rows.length; i++) {
      const cell = cellAt(sheet, (rows[i] as { row: number }).row, col);
      const v = cell.value;
      let value = Number.NaN;
      let half = 0;
      let blank = 0;
      if (typeof v === 'number' && cell.error === undefined && Number.isFinite(v) && Math.abs(v) <= MAX_FIGURE) {
        value = v;
        if (cell.formula === undefined) {
          if (cell.numberFormat !== format) {
            format = cell.numberFormat;
            decimals = shownStoredDecimals(format);
          }
          half = halfUnitShown(v, decimals);
        }
      } else if (isBlank(cell) || (typeof v === 'string' && isMarkerText(v))) {
        value = 0;
        blank = 1;
      } else {
        const read = readNumber(cell);
        if (read !== undefined) {
          value = read.value;
          half = cell.formula === undefined ? read.halfUnit : 0;
        }
      }
      figures.value[i] = value;
      figures.half[i] = half;
      figures.blank[i] = blank;
    }
    out.set(col, figures);
  }
  return out;
}

/** A term of a linear identity: a column, added or subtracted. */
export interface Term {
  col: number;
  sign: 1 | -1;
}

/** True when `value ± half` and `sum ± sumHalf` meet, with slack for binary floating point (0,1 + 0,2 ≠ 0,3). */
export function meets(value: number, half: number, sum: number, sumHalf: number): boolean {
  return Math.abs(value - sum) <= half + sumHalf + Math.max(1, Math.abs(value), Math.abs(sum)) * 1e-9;
}

/** On how many rows (of those where every figure is a number) `result = Σ terms` holds. */
export function agreement(readings: Readings, result: number, terms: readonly Term[]): { checked: number; agreeing: number } {
  const res = readings.get(result);
  const columns = terms.map((t) => ({ figures: readings.get(t.col), sign: t.sign }));
  let checked = 0;
  let agreeing = 0;
  if (res === undefined || columns.some((c) => c.figures === undefined)) return { checked, agreeing };
  for (let i = 0; i < res.value.length; i++) {
    if (!isFigure(res, i)) continue;
    let sum = 0;
    let half = 0;
    let readable = true;
    for (let k = 0; k < columns.length; k++) {
      const { figures, sign } = columns[k] as (typeof columns)[number];
      const f = figures as ColumnFigures;
      if (!isFigure(f, i)) {
        readable = false;
        break;
      }
      sum += sign * (f.value[i] as number);
      half += f.half[i] as number;
    }
    if (!readable) continue;
    checked++;
    if (meets(res.value[i] as number, res.half[i] as number, sum, half)) agreeing++;
  }
  return { checked, agreeing };
}

/**
 * `agreement` of `result = left − right` (`leftFirst`) and of `result =
 * right − left` (`rightFirst`), read in one pass: both are checked on the
 * same rows, those where all three figures are numbers.
 */
export function differenceAgreement(readings: Readings, result: number, left: number, right: number): { checked: number; leftFirst: number; rightFirst: number } {
  const res = readings.get(result);
  const l = readings.get(left);
  const r = readings.get(right);
  let checked = 0;
  let leftFirst = 0;
  let rightFirst = 0;
  if (res === undefined || l === undefined || r === undefined) return { checked, leftFirst, rightFirst };
  for (let i = 0; i < res.value.length; i++) {
    if (!isFigure(res, i) || !isFigure(l, i) || !isFigure(r, i)) continue;
    checked++;
    const value = res.value[i] as number;
    const half = res.half[i] as number;
    const termsHalf = (l.half[i] as number) + (r.half[i] as number);
    if (meets(value, half, (l.value[i] as number) - (r.value[i] as number), termsHalf)) leftFirst++;
    if (meets(value, half, (r.value[i] as number) - (l.value[i] as number), termsHalf)) rightFirst++;
  }
  return { checked, leftFirst, rightFirst };
}
