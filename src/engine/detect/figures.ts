/**
 * A table's figures read once for detection's arithmetic: per column, per
 * body row, the figure (value ± half its rounding), an empty cell (0), or
 * nothing usable (text, an error).
 */
import { cellAt, isBlank, type SheetGrid } from '../grid';
import { isMarkerText } from '../numbers';
import { figureAt, type Figure } from '../precision';

/** A cell as detection's arithmetic sees it: a figure, `0` for empty or a dash, or undefined. */
export type Reading = Figure | 0 | undefined;

/** The readings of some columns over the body rows: `readings.get(col)[i]` is row i's. */
export type Readings = ReadonlyMap<number, readonly Reading[]>;

export function readFigures(sheet: SheetGrid, rows: readonly { row: number }[], cols: readonly number[]): Readings {
  const out = new Map<number, Reading[]>();
  for (const col of cols) {
    out.set(
      col,
      rows.map(({ row }) => {
        const cell = cellAt(sheet, row, col);
        if (isBlank(cell) || (typeof cell.value === 'string' && isMarkerText(cell.value))) return 0;
        return figureAt(sheet, row, col);
      }),
    );
  }
  return out;
}

/** A term of a linear identity: a column, added or subtracted. */
export interface Term {
  col: number;
  sign: 1 | -1;
}

/** Floating-point slack: figures that agree to the last shown digit never differ. */
function slack(...xs: number[]): number {
  return Math.max(1, ...xs.map(Math.abs)) * 1e-9;
}

/** True when the figure `result` can be the signed sum of the figures (their rounding intervals meet). */
export function meets(result: Figure, terms: readonly { figure: Figure | 0; sign: 1 | -1 }[]): boolean {
  let value = 0;
  let half = result.half;
  for (const t of terms) {
    if (t.figure === 0) continue;
    value += t.sign * t.figure.value;
    half += t.figure.half;
  }
  return Math.abs(result.value - value) <= half + slack(result.value, value);
}

/** On how many rows (of those where every figure is a number) `result = Σ terms` holds. */
export function agreement(readings: Readings, result: number, terms: readonly Term[], rowIndexes?: readonly number[]): { checked: number; agreeing: number } {
  const res = readings.get(result);
  const cols = terms.map((t) => readings.get(t.col));
  if (res === undefined || cols.some((c) => c === undefined)) return { checked: 0, agreeing: 0 };
  let checked = 0;
  let agreeing = 0;
  const indexes = rowIndexes ?? res.map((_, i) => i);
  for (const i of indexes) {
    const r = res[i];
    if (r === undefined || r === 0) continue;
    const figures = cols.map((c) => (c as readonly Reading[])[i]);
    if (figures.some((f) => f === undefined || f === 0)) continue;
    checked++;
    if (meets(r, terms.map((t, k) => ({ figure: figures[k] as Figure | 0, sign: t.sign })))) agreeing++;
  }
  return { checked, agreeing };
}
