/**
 * Reads an .xlsx file into the engine's grid model with exceljs.
 *
 * Formula results: exceljs keeps a cached result of 0 in `cell.result` but
 * drops it from `cell.value` (its copy skips falsy results), so results are
 * read from `cell.result`. A formula with no cached result at all (a file
 * written by a tool that does not calculate, or an empty-text result, whose
 * `<v></v>` exceljs drops) is evaluated from its inputs when the formula is
 * simple (see `formula.ts`); otherwise its value is left unknown (null, with
 * the formula kept), never guessed as 0 and never an empty cell.
 */
import ExcelJS from 'exceljs';
import { errorCodeFromText } from '../engine/errors';
import type { Cell, CellValue, ErrorCode, SheetGrid, WorkbookGrid } from '../engine/grid';
import { loadWorkbook, XlsxFileError } from './file';
import { evaluateFormula, type FormulaValue } from './formula';

const MS_PER_DAY = 86_400_000;

/** Excel's serial day number of a date (1900 or 1904 date system). */
export function dateToSerial(d: Date, date1904: boolean): number {
  return d.getTime() / MS_PER_DAY + (date1904 ? 24_107 : 25_569);
}

function errorCode(text: string): ErrorCode {
  return errorCodeFromText(text) ?? 'ERROR';
}

function richTextOf(v: ExcelJS.CellRichTextValue): string {
  return v.richText.map((r) => r.text).join('');
}

/** Plain text of a hyperlink's or rich value's text. */
function plainText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v !== null && typeof v === 'object' && 'richText' in v) return richTextOf(v as ExcelJS.CellRichTextValue);
  return v === undefined || v === null ? '' : String(v);
}

/**
 * A copy of a text that holds nothing else alive. exceljs's texts are slices
 * of the XML it parsed (V8 keeps a slice of 13 characters or more as a view
 * into the whole text): a grid holding them would keep every sheet's XML in
 * memory through the check (the benchmark's 40-sheet grid kept 8,4 MB alive
 * with the slices, 6,6 MB with copies), and the collector would copy it all.
 * Joining a character in front and slicing it off again makes a string of
 * its own (shorter texts are copies already).
 */
function ownText(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/**
 * A cell made in one go: V8 then keeps its properties in the object itself
 * (adding them one by one puts them in a second object and doubles the
 * cell's size; 38 000 cells are 1,3 MB less).
 */
function makeCell(value: CellValue, error: ErrorCode | undefined, errorIsText: boolean, formula: string | undefined, format: string | undefined): Cell {
  if (error === undefined) {
    if (formula === undefined) return format === undefined ? { value } : { value, numberFormat: format };
    return format === undefined ? { value, formula } : { value, formula, numberFormat: format };
  }
  if (errorIsText) return format === undefined ? { value, error, errorIsText: true } : { value, error, errorIsText: true, numberFormat: format };
  if (formula === undefined) return format === undefined ? { value, error } : { value, error, numberFormat: format };
  return format === undefined ? { value, error, formula } : { value, error, formula, numberFormat: format };
}

function textCell(raw: string, format: string | undefined): Cell {
  const text = ownText(raw);
  const error = errorCodeFromText(text);
  return makeCell(text, error, error !== undefined, undefined, format);
}

/** A cached formula result (`RESULT`), or false when there is none. */
const RESULT: { value: CellValue; error: ErrorCode | undefined } = { value: null, error: undefined };

function readResult(result: unknown, date1904: boolean): boolean {
  RESULT.error = undefined;
  if (result === undefined || result === null) return false;
  if (typeof result === 'number' || typeof result === 'boolean') RESULT.value = result;
  else if (typeof result === 'string') RESULT.value = ownText(result);
  else if (result instanceof Date) RESULT.value = dateToSerial(result, date1904);
  else if (typeof result === 'object' && 'error' in result) {
    RESULT.value = null;
    RESULT.error = errorCode(String((result as { error: unknown }).error));
  } else RESULT.value = ownText(plainText(result));
  return true;
}

/** The formula in en-US syntax with `=`, future-function prefixes removed (`_xlfn.IFS` → `IFS`). */
function formulaText(f: string): string {
  return ownText('=' + (FUTURE_PREFIX.test(f) ? f.replace(/_xlfn\.|_xlws\./gi, '') : f));
}

const FUTURE_PREFIX = /_xlfn\.|_xlws\./i;

interface Pending {
  row: number;
  col: number;
  cell: Cell;
}

const VT = ExcelJS.ValueType;

function convertCell(c: ExcelJS.Cell, date1904: boolean, pending: Pending[], row: number, col: number): Cell | undefined {
  const type = c.type;
  // The other cells of a merged range are empty, as Excel reports them.
  if (type === VT.Null || type === VT.Merge) return undefined;
  const numFmt = c.numFmt;
  const fmt = numFmt === undefined || numFmt === null || numFmt === '' ? undefined : numFmt;
  switch (type) {
    case VT.Number:
      return makeCell(c.value as number, undefined, false, undefined, fmt);
    case VT.String:
    case VT.SharedString:
      return textCell(String(c.value), fmt);
    case VT.RichText:
      return textCell(richTextOf(c.value as ExcelJS.CellRichTextValue), fmt);
    case VT.Hyperlink:
      return textCell(plainText((c.value as ExcelJS.CellHyperlinkValue).text), fmt);
    case VT.Date:
      return makeCell(dateToSerial(c.value as Date, date1904), undefined, false, undefined, fmt);
    case VT.Boolean:
      return makeCell(c.value as boolean, undefined, false, undefined, fmt);
    case VT.Error:
      return makeCell(null, errorCode(String((c.value as ExcelJS.CellErrorValue).error)), false, undefined, fmt);
    case VT.Formula: {
      const formula = c.formula;
      // `cell.result`, not `cell.value.result`: the latter loses a result of 0.
      const cached = readResult(c.result, date1904);
      if (formula === undefined || formula === '') return cached ? makeCell(RESULT.value, RESULT.error, false, undefined, fmt) : makeCell(null, undefined, false, undefined, fmt);
      if (cached) return makeCell(RESULT.value, RESULT.error, false, formulaText(formula), fmt);
      const cell = makeCell(null, undefined, false, formulaText(formula), fmt);
      pending.push({ row, col, cell });
      return cell;
    }
    default:
      return makeCell(ownText(plainText(c.value)), undefined, false, undefined, fmt);
  }
}

function toFormulaValue(cell: Cell): FormulaValue {
  if (cell.error !== undefined && cell.errorIsText !== true) return { error: cell.error };
  return cell.value;
}

/** Fills in formulas without a cached result by evaluating them, dependencies first. */
function resolvePending(sheet: SheetGrid, pending: Pending[]): void {
  if (pending.length === 0) return;
  const state = new Map<string, 'todo' | 'busy' | 'done' | 'unknown'>();
  const byKey = new Map<string, Pending>();
  for (const p of pending) {
    const key = `${p.row}:${p.col}`;
    state.set(key, 'todo');
    byKey.set(key, p);
  }
  const resolve = (p: Pending): boolean => {
    const key = `${p.row}:${p.col}`;
    const s = state.get(key);
    if (s === 'done') return true;
    if (s === 'unknown' || s === 'busy') return false; // a cycle or an unknown input
    state.set(key, 'busy');
    const v = evaluateFormula(p.cell.formula as string, (r, c) => {
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

/** One worksheet as a sheet of the grid model. */
function sheetToGrid(ws: ExcelJS.Worksheet, date1904: boolean): SheetGrid {
  const cells: (Cell | undefined)[][] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns: number[] = [];
  const pending: Pending[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    // Sized once (the last cell's column): grown cell by cell, a row's array ends up with room for 17 or more.
    const line = new Array<Cell | undefined>(row.cellCount);
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      const cell = convertCell(c, date1904, pending, r, colNumber - 1);
      if (cell !== undefined) line[colNumber - 1] = cell;
    });
    cells[r] = line;
  });
  // Hidden rows that carry no values still count.
  const lastRow = ws.lastRow?.number ?? 0;
  for (let r = 1; r <= lastRow; r++) {
    const row = ws.findRow(r);
    if (row !== undefined && row.hidden && !row.hasValues) hiddenRows.push(r - 1);
  }
  hiddenRows.sort((a, b) => a - b);
  const columns = ws.columns ?? [];
  columns.forEach((col, i) => {
    if (col.hidden) hiddenColumns.push(i);
  });
  const sheet: SheetGrid = { name: ws.name, cells, hiddenRows, hiddenColumns, hidden: ws.state === 'hidden' || ws.state === 'veryHidden' };
  resolvePending(sheet, pending);
  return sheet;
}

/**
 * Converts a loaded exceljs workbook into the grid model.
 *
 * `release` (for callers that need only the grid): each worksheet is taken
 * out of the workbook as soon as it is converted, last sheet first, and
 * nothing here holds it after that. exceljs builds the rows and cells of
 * every sheet at the very end of a load, so the last sheets' objects are
 * still in V8's young generation when the load returns; converting them
 * first and letting them go means the collections the conversion and the
 * check trigger no longer copy the loaded workbook (in a one-shot `check` of
 * 40 sheets that copying was ≈ 80 ms of pauses).
 */
export function workbookToGrid(wb: ExcelJS.Workbook, options: { release?: boolean } = {}): WorkbookGrid {
  const date1904 = wb.properties?.date1904 === true;
  if (options.release !== true) return { sheets: wb.worksheets.map((ws) => sheetToGrid(ws, date1904)) };
  // `rest` holds only the sheets still to convert: a list of all of them would keep every converted sheet alive too.
  const rest = [...wb.worksheets];
  const sheets: SheetGrid[] = [];
  for (let ws = rest.pop(); ws !== undefined; ws = rest.pop()) {
    sheets.push(sheetToGrid(ws, date1904));
    wb.removeWorksheet(ws.id);
  }
  return { sheets: sheets.reverse() };
}

/**
 * Refuses a workbook there is nothing to check in, with the reason: no
 * worksheet at all (an empty package, or only chart sheets, which exceljs
 * does not read as worksheets), only hidden sheets (Excel itself never saves
 * such a file: it comes from another tool), or sheets without a single cell.
 */
export function assertCheckable(grid: WorkbookGrid, file: string): void {
  if (grid.sheets.length === 0) throw new XlsxFileError('no-sheets', file);
  if (grid.sheets.every((s) => s.hidden === true)) throw new XlsxFileError('only-hidden', file);
  if (grid.sheets.every((s) => s.cells.every((row) => row === undefined || row.every((c) => c === undefined)))) throw new XlsxFileError('empty-workbook', file);
}

/**
 * Reads an .xlsx file into the grid model: values, error codes, formulas
 * (en-US, with `=`; shared formulas resolved), number formats, hidden sheets,
 * rows and columns. Throws `XlsxFileError` when the file cannot be read.
 */
export async function readWorkbookGrid(file: string): Promise<WorkbookGrid> {
  return workbookToGrid(await loadWorkbook(file), { release: true });
}
