/**
 * A1 addresses as Excel reports them (`Blad1!B3:F20`, `'Kommun ledning'!A1`).
 */
import { cellAddress, columnLetter, parseAddress } from '../engine/grid';

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

/** Parses `B3:F20` or `B3` (with or without a sheet part and `$`) to a rectangle. */
export function parseRect(address: string): Rect | undefined {
  const [a, b] = stripSheet(address).replace(/\$/g, '').split(':');
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

/** `B3:F20` for a rectangle (`B3` for one cell). */
export function rectAddress(r: Rect): string {
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
