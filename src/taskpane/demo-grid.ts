/**
 * Demo mode's picture of the workbook: the table around the cell the pane
 * selected, with the findings' marks, as rows of display texts. Pure.
 */
import { cellAt, columnLetter, errorTextEnUs, type Finding, formatNumber, type Language, type Severity, SEVERITY_ORDER, type VarianceTable, type WorkbookGrid } from '../engine';
import { displayFormula } from './excel-formula';

export interface GridCell {
  text: string;
  numeric: boolean;
  mark: Severity | null;
  selected: boolean;
  address: string;
}

export interface DemoGrid {
  sheet: string;
  columns: string[];
  rows: { label: number; cells: GridCell[] }[];
}

/** `F5` → row 4, column 5 (0-based); undefined for anything else. */
export function parseAddress(cell: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?([0-9]{1,7})$/.exec(cell.toUpperCase());
  if (m === null) return undefined;
  const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

/** At most this many rows are drawn: the selected cell's neighbourhood in a long table. */
const MAX_ROWS = 16;

/**
 * The grid to draw for a selected cell: its table (header to last row, label
 * to last value column), or a small window around the cell outside a table.
 */
export function demoGrid(workbook: WorkbookGrid, tables: readonly VarianceTable[], findings: readonly Finding[], selected: { sheet: string; cell: string }, lang: Language): DemoGrid | undefined {
  const sheet = workbook.sheets.find((s) => s.name === selected.sheet);
  const at = parseAddress(selected.cell);
  if (sheet === undefined || at === undefined) return undefined;
  const table = tables.find((t) => t.sheet === sheet.name && at.row >= t.top && at.row <= t.bottom && at.col >= t.left && at.col <= t.right);
  const left = table?.left ?? Math.max(0, at.col - 2);
  const right = table?.right ?? at.col + 2;
  let top = table?.top ?? Math.max(0, at.row - 3);
  let bottom = table?.bottom ?? at.row + 3;
  if (bottom - top + 1 > MAX_ROWS) {
    top = Math.max(top, at.row - Math.floor(MAX_ROWS / 2));
    bottom = Math.min(bottom, top + MAX_ROWS - 1);
  }
  const marks = new Map<string, Severity>();
  for (const f of findings) {
    if (f.sheet !== sheet.name) continue;
    const key = `${f.row}:${f.col}`;
    const had = marks.get(key);
    if (had === undefined || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[had]) marks.set(key, f.severity);
  }
  const columns: string[] = [];
  for (let c = left; c <= right; c++) columns.push(columnLetter(c));
  const rows: DemoGrid['rows'] = [];
  for (let r = top; r <= bottom; r++) {
    const cells: GridCell[] = [];
    for (let c = left; c <= right; c++) {
      const cell = cellAt(sheet, r, c);
      const text =
        cell.error !== undefined
          ? displayFormula(errorTextEnUs(cell.error), lang)
          : typeof cell.value === 'number'
            ? formatNumber(cell.value, lang, Number.isInteger(cell.value) ? 0 : 1)
            : cell.value === null
              ? ''
              : String(cell.value);
      cells.push({ text, numeric: typeof cell.value === 'number', mark: marks.get(`${r}:${c}`) ?? null, selected: r === at.row && c === at.col, address: `${columnLetter(c)}${r + 1}` });
    }
    rows.push({ label: r + 1, cells });
  }
  return { sheet: sheet.name, columns, rows };
}
