/**
 * Fixes as data: the cell edits that repair #DIV/0! in a table's change-%
 * column. Adapters apply them and can reverse them (`before` is kept).
 */
import type { CheckResult } from './check';
import type { CellContent, CellEdit } from './finding';
import { cellAddress, cellAt, type Cell, type SheetGrid, type WorkbookGrid } from './grid';
import { readNumber } from './numbers';
import type { TableRow, VarianceTable } from './table';

export interface FixOptions {
  /** What a change % that means nothing shows: `''` (empty), `–`, `e.j.` or any text. */
  marker: string;
  /** Also give sign-flip rows the marker, since their % misleads. */
  meaningless: boolean;
}

export const DEFAULT_FIX_OPTIONS: FixOptions = { marker: '', meaningless: false };

/** The markers economists use for "not meaningful"; the task pane offers these. */
export const MARKERS: readonly string[] = ['', '–', 'e.j.'];

/** An A1 reference that a formula divides by: `/B5`, `/ $B$5`. */
const DIVISOR = /\/\s*(\$?[A-Z]{1,3}\$?\d{1,7})(?![\d(A-Z!])/g;

/** Formula text literal for a marker: `""`, `"–"`, `"e.j."` (quotes doubled). */
function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The guarded form of a change-% formula: `=(C5/B5-1)*100` →
 * `=IF(B5=0,"",(C5/B5-1)*100)`. Every cell reference the formula divides by is
 * tested; with `signFlip`, a sign change between base and actual is tested
 * too. Returns undefined when the formula divides by something that is not a
 * plain reference (then no safe guard can be written) or is already guarded.
 */
export function guardChangeFormula(formula: string, marker: string, signFlip?: { base: string; actual: string }): string | undefined {
  const body = formula.startsWith('=') ? formula.slice(1) : formula;
  if (/^\s*IF(ERROR)?\s*\(/i.test(body)) return undefined;
  const divisors = [...new Set([...body.matchAll(DIVISOR)].map((m) => m[1] as string))];
  if (divisors.length === 0) return undefined;
  // A division by anything but a plain reference (a function, a parenthesis) cannot be guarded by a reference test.
  const allDivisions = (body.match(/\/\s*[^\s]/g) ?? []).length;
  if (allDivisions !== [...body.matchAll(DIVISOR)].length) return undefined;
  const tests = divisors.map((d) => `${d}=0`);
  if (signFlip !== undefined) tests.push(`${signFlip.base}*${signFlip.actual}<0`);
  const condition = tests.length === 1 ? (tests[0] as string) : `OR(${tests.join(',')})`;
  return `=IF(${condition},${textLiteral(marker)},${body})`;
}

function contentOf(cell: Cell): CellContent {
  const content: CellContent = { value: cell.value };
  if (cell.formula !== undefined) content.formula = cell.formula;
  return content;
}

/** The value a cell shows for the marker: the empty marker is an empty cell when written as a constant. */
function markerValue(marker: string): CellContent {
  return { value: marker === '' ? null : marker };
}

function isSignFlip(sheet: SheetGrid, table: VarianceTable, row: TableRow): boolean {
  const prev = table.columns.previous;
  const actual = table.columns.actual;
  if (prev === undefined || actual === undefined) return false;
  const b = readNumber(cellAt(sheet, row.row, prev.col));
  const u = readNumber(cellAt(sheet, row.row, actual.col));
  return b !== undefined && u !== undefined && b.value * u.value < 0;
}

function planCell(sheet: SheetGrid, table: VarianceTable, row: TableRow, options: FixOptions): CellEdit | undefined {
  const change = table.columns.change;
  if (change === undefined) return undefined;
  const cell = cellAt(sheet, row.row, change.col);
  const divByZero = cell.error === 'DIV_BY_ZERO';
  const signFlip = options.meaningless && !divByZero && cell.error === undefined && isSignFlip(sheet, table, row);
  if (!divByZero && !signFlip) return undefined;

  let after: CellContent;
  if (cell.formula !== undefined) {
    const prev = table.columns.previous;
    const actual = table.columns.actual;
    const flipRefs = options.meaningless && prev !== undefined && actual !== undefined ? { base: cellAddress(row.row, prev.col), actual: cellAddress(row.row, actual.col) } : undefined;
    const guarded = guardChangeFormula(cell.formula, options.marker, flipRefs);
    if (guarded === undefined) return undefined;
    // The guard fires for this row (that is why it is fixed), so the cell will show the marker.
    after = { value: options.marker, formula: guarded };
  } else {
    after = markerValue(options.marker);
  }
  return {
    sheet: sheet.name,
    cell: cellAddress(row.row, change.col),
    row: row.row,
    col: change.col,
    before: contentOf(cell),
    after,
    reason: divByZero ? 'div0' : 'sign-flip',
  };
}

/**
 * Plans the edits that repair #DIV/0! in every table's change-% column: a
 * formula that divides by zero becomes a guarded one that keeps the rest of
 * the formula; pasted `#DIVISION/0!` text (or an error constant) becomes the
 * marker. With `meaningless`, sign-flip rows get the marker (constants) or a
 * sign guard (formulas) too. Nothing outside the change-% column is touched.
 */
export function planFixes(workbook: WorkbookGrid, result: Pick<CheckResult, 'tables'>, options: Partial<FixOptions> = {}): CellEdit[] {
  const opts: FixOptions = { ...DEFAULT_FIX_OPTIONS, ...options };
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s] as const));
  const edits: CellEdit[] = [];
  for (const table of result.tables) {
    const sheet = sheets.get(table.sheet);
    if (sheet === undefined) continue;
    const rows = table.total === null ? table.rows : [...table.rows, table.total];
    for (const row of rows) {
      const edit = planCell(sheet, table, row, opts);
      if (edit !== undefined) edits.push(edit);
    }
  }
  return edits;
}

/** The edits that undo `edits`: each cell back to its `before`, in reverse order. */
export function reverseEdits(edits: readonly CellEdit[]): CellEdit[] {
  return [...edits].reverse().map((e) => ({ ...e, before: e.after, after: e.before }));
}
