/**
 * The grid model that every adapter (the Excel add-in, the .xlsx reader, the test hosts) fills and
 * the engine reads. It is deliberately plain data: no methods, no classes, so
 * it can cross a worker boundary or be written to JSON for golden tests.
 *
 * Rows and columns are 0-based and absolute: `cells[0][0]` is A1.
 */

/** Excel's error values by code, independent of the display language. */
export type ErrorCode = 'DIV_BY_ZERO' | 'NA' | 'NAME' | 'NULL' | 'NUM' | 'REF' | 'VALUE' | 'SPILL' | 'CALC' | 'GETTING_DATA' | 'FIELD' | 'BLOCKED' | 'CONNECT' | 'BUSY' | 'UNKNOWN' | 'ERROR';

/** A cell's value as Excel stores it. An error cell has `value` null and `error` set. */
export type CellValue = number | string | boolean | null;

export interface Cell {
  /** The stored value (for a formula: its last calculated result). */
  value: CellValue;
  /** Set when the cell holds an error value (or error text pasted as a value). */
  error?: ErrorCode;
  /** True when `error` was recognised from plain text rather than a real error value. */
  errorIsText?: boolean;
  /** The formula in en-US syntax with the leading `=`, if the cell has one. */
  formula?: string;
  /** The number format code as Excel reports it (en-US syntax, e.g. `0.0%`, `#,##0`). */
  numberFormat?: string;
}

export interface SheetGrid {
  name: string;
  /** Row-major, possibly sparse: a missing row or cell is an empty cell. */
  cells: (Cell | undefined)[][];
  /** Rows and columns hidden in Excel (0-based indexes), if the adapter knows them. */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** Whether the whole sheet is hidden. */
  hidden?: boolean;
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
}

const EMPTY: Cell = { value: null };

/** The cell at (row, col), or an empty cell. Never throws, also outside the grid. */
export function cellAt(sheet: SheetGrid, row: number, col: number): Cell {
  if (row < 0 || col < 0) return EMPTY;
  const r = sheet.cells[row];
  if (r === undefined) return EMPTY;
  return r[col] ?? EMPTY;
}

/** True when the cell has no value, no error and no formula (or only whitespace text). */
export function isBlank(cell: Cell): boolean {
  if (cell.error !== undefined || cell.formula !== undefined) return false;
  const v = cell.value;
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** Number of rows in the grid (the index after the last row that exists). */
export function rowCount(sheet: SheetGrid): number {
  return sheet.cells.length;
}

/** Number of columns in the widest row. */
export function columnCount(sheet: SheetGrid): number {
  let n = 0;
  for (const r of sheet.cells) if (r !== undefined && r.length > n) n = r.length;
  return n;
}

/** Column letters for a 0-based column index: 0 → A, 27 → AB. */
export function columnLetter(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address for 0-based (row, col): (4, 5) → F5. */
export function cellAddress(row: number, col: number): string {
  return columnLetter(col) + String(row + 1);
}

/** Parses an A1 address (no sheet, no `$`) to 0-based (row, col). */
export function parseAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address.trim().toUpperCase());
  if (m === null) return undefined;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1] as string) };
}

/** The 0-based column of column letters (either case): A → 0, AB → 27. */
export function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}
