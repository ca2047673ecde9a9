import { errorCodeFromText } from '../../src/engine/errors';
import type { Cell, SheetGrid } from '../../src/engine/grid';

export type Input = string | number | boolean | null | undefined | Cell;

/** A cell from a literal: numbers and text as typed, error texts as error values, objects as they are. */
export function toCell(v: Input): Cell | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object') return v;
  if (typeof v === 'string') {
    const error = errorCodeFromText(v);
    if (error !== undefined) return { value: v, error };
  }
  return { value: v };
}

/**
 * A sheet from rows of literals, placed with its top-left at (top, left):
 * the way tests lay out odd tables in a few readable lines.
 */
export function sheetFromRows(name: string, rows: Input[][], top = 0, left = 0): SheetGrid {
  const cells: (Cell | undefined)[][] = [];
  rows.forEach((row, r) => {
    const out: (Cell | undefined)[] = [];
    row.forEach((v, c) => {
      out[left + c] = toCell(v);
    });
    cells[top + r] = out;
  });
  return { name, cells };
}

/** Places more rows onto an existing sheet at (top, left). */
export function placeRows(sheet: SheetGrid, rows: Input[][], top: number, left: number): SheetGrid {
  rows.forEach((row, r) => {
    const target = (sheet.cells[top + r] ??= []);
    row.forEach((v, c) => {
      target[left + c] = toCell(v);
    });
  });
  return sheet;
}
