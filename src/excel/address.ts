/**
 * A1 addresses as Excel reports them (`Blad1!B3:F20`, `'Kommun ledning'!A1`).
 */
import { cellAddress, columnLetter, parseAddress } from '../engine';

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Removes the sheet part of an address: `'A b'!B3:F20` → `B3:F20`. */
export function stripSheet(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang < 0 ? address : address.slice(bang + 1);
}

/** The last row and column of a sheet (0-based): 1 048 576 rows, 16 384 columns (XFD). */
export const LAST_ROW = 1_048_575;
export const LAST_COL = 16_383;

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Parses `B3:F20` or `B3` (with or without a sheet part and `$`) to a
 * rectangle; also whole columns (`A:F`) and whole rows (`1:3`), as Excel
 * gives the address of a range that spans every row or every column.
 */
export function parseRect(address: string): Rect | undefined {
  const bare = stripSheet(address).replace(/\$/g, '');
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(bare);
  if (cols !== null) {
    const [l, r] = [columnIndex(cols[1] as string), columnIndex(cols[2] as string)];
    return { top: 0, left: Math.min(l, r), bottom: LAST_ROW, right: Math.max(l, r) };
  }
  const rows = /^(\d{1,7}):(\d{1,7})$/.exec(bare);
  if (rows !== null) {
    const [t, b] = [Number(rows[1]) - 1, Number(rows[2]) - 1];
    if (t < 0 || b < 0) return undefined;
    return { top: Math.min(t, b), left: 0, bottom: Math.max(t, b), right: LAST_COL };
  }
  const [a, b] = bare.split(':');
  if (a === undefined) return undefined;
  const start = parseAddress(a);
  const end = b === undefined ? start : parseAddress(b);
  if (start === undefined || end === undefined) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

/** `B3:F20` for a rectangle (`B3` for one cell); whole rows `1:3` and whole columns `A:F`, as Excel writes them. */
export function rectAddress(r: Rect): string {
  if (r.left === 0 && r.right === LAST_COL) return `${r.top + 1}:${r.bottom + 1}`;
  if (r.top === 0 && r.bottom === LAST_ROW) return `${columnLetter(r.left)}:${columnLetter(r.right)}`;
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

export function rectCells(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** The sheet-qualified address Excel shows: quoted when the name is not a plain word. */
export function qualifiedAddress(sheet: string, address: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Z]{1,3}\d+$/i.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${address}`;
}

export { columnLetter };
