/**
 * Reads an .xlsx file into the engine's grid model: a streaming reader on
 * Node's zlib (zip) and saxes (XML); see `zip.ts` and `xml.ts` for why those.
 * Only the parts the grid needs are inflated: workbook.xml and its
 * relationships, the styles' number formats, the shared strings and the
 * worksheets, each worksheet streamed piece by piece.
 *
 * A formula with no cached result (a file written by a tool that does not
 * calculate) is evaluated from its inputs when the formula is simple (see
 * `src/formula/`); otherwise its value is left unknown (null, with the
 * formula kept), never guessed as 0 and never an empty cell.
 */
import type { Cell, CellValue, SheetGrid, WorkbookGrid } from '../engine';
import { evaluateFormula, type FormulaValue } from '../formula/evaluate';
import { assertXlsxBytes, XlsxFileError } from './file';
import { openPackage, packageOfBytes, type XlsxPackage } from './package';
import { readSheet, type PendingFormula } from './sheet';
import { readCellFormats, readSharedStrings, readWorkbookInfo, type WorkbookInfo } from './workbook';

function toFormulaValue(cell: Cell): FormulaValue {
  if (cell.error !== undefined && cell.errorIsText !== true) return { error: cell.error };
  return cell.value;
}

/** Fills in formulas without a cached result by evaluating them, dependencies first. */
function resolvePending(sheet: SheetGrid, pending: readonly PendingFormula[]): void {
  if (pending.length === 0) return;
  const state = new Map<string, 'todo' | 'busy' | 'done' | 'unknown'>();
  const byKey = new Map<string, PendingFormula>();
  for (const p of pending) {
    const key = `${p.row}:${p.col}`;
    state.set(key, 'todo');
    byKey.set(key, p);
  }
  const resolve = (p: PendingFormula): boolean => {
    const key = `${p.row}:${p.col}`;
    const s = state.get(key);
    if (s === 'done') return true;
    if (s === 'unknown' || s === 'busy') return false; // a cycle or an unknown input
    state.set(key, 'busy');
    const v = evaluateFormula(p.cell.formula as string, (r, c, other) => {
      if (other !== undefined) return undefined; // another sheet: unknown here, never this sheet's cell
      const dep = byKey.get(`${r}:${c}`);
      if (dep !== undefined && !resolve(dep)) return undefined;
      const cell = sheet.cells[r]?.[c];
      return cell === undefined ? null : toFormulaValue(cell);
    });
    if (v === undefined) {
      state.set(key, 'unknown');
      return false;
    }
    if (v !== null && typeof v === 'object') {
      p.cell.value = null;
      p.cell.error = v.error;
    } else {
      p.cell.value = v as CellValue;
    }
    state.set(key, 'done');
    return true;
  };
  for (const p of pending) resolve(p);
}

/** The grid of an opened package, and what the writer needs to know of the workbook. */
export function readPackageGrid(pkg: XlsxPackage): { grid: WorkbookGrid; info: WorkbookInfo } {
  const info = readWorkbookInfo(pkg);
  const context = {
    sharedStrings: readSharedStrings(pkg, info.sharedStringsPart),
    cellFormats: readCellFormats(pkg, info.stylesPart),
    date1904: info.date1904,
  };
  const sheets = info.sheets.map((entry) => {
    const pending: PendingFormula[] = [];
    const sheet = readSheet(pkg, entry.part, entry.name, entry.state === 'hidden' || entry.state === 'veryHidden', context, pending);
    resolvePending(sheet, pending);
    return sheet;
  });
  return { grid: { sheets }, info };
}

/**
 * Refuses a workbook there is nothing to check in, with the reason: no
 * worksheet at all (an empty package, or only chart sheets), only hidden
 * sheets (Excel itself never saves such a file: it comes from another tool),
 * or sheets without a single cell.
 */
export function assertCheckable(grid: WorkbookGrid, file: string): void {
  if (grid.sheets.length === 0) throw new XlsxFileError('no-sheets', file);
  if (grid.sheets.every((s) => s.hidden === true)) throw new XlsxFileError('only-hidden', file);
  if (grid.sheets.every((s) => s.cells.every((row) => row === undefined || row.every((c) => c === undefined)))) throw new XlsxFileError('empty-workbook', file);
}

/**
 * Reads an .xlsx file into the grid model: values, error codes, formulas
 * (en-US, with `=`; shared and array formulas resolved per cell), number
 * formats, hidden sheets, rows and columns. Throws `XlsxFileError` when the
 * file cannot be read.
 */
export async function readWorkbookGrid(file: string): Promise<WorkbookGrid> {
  return readPackageGrid(openPackage(file)).grid;
}

/** The grid of a workbook given as bytes (`name` is what errors call it). */
export function readWorkbookGridFromBytes(bytes: Buffer, name: string): WorkbookGrid {
  assertXlsxBytes(bytes, name);
  return readPackageGrid(packageOfBytes(bytes, name)).grid;
}
