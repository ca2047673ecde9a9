/**
 * One worksheet part, streamed into a sheet of the grid model: each cell's
 * value and type, its formula (a shared formula's cells get the formula
 * Excel shows in each, moved from the master; every cell of an array
 * formula's range gets the array formula), the cached result, the number
 * format of its style, hidden rows and columns.
 *
 * Only `sheetData` and `cols` are looked at. Ranges elsewhere in the part
 * (data validation, conditional formats, merges, hyperlinks, the dimension)
 * are never expanded: a validation over `A1:XFD1048576` costs nothing.
 */
import { type Cell, type CellValue, type ErrorCode, errorCodeFromText, type SheetGrid } from '../engine';
import { moveFormula } from '../formula/references';
import { XlsxFileError } from './file';
import { readPart, type XlsxPackage } from './package';

/** What a sheet needs from the workbook. */
export interface SheetContext {
  sharedStrings: readonly string[];
  cellFormats: readonly (string | undefined)[];
  date1904: boolean;
}

/** A formula cell without a cached result, to be calculated from its inputs once the sheet is read. */
export interface PendingFormula {
  row: number;
  col: number;
  cell: Cell;
}

const MS_PER_DAY = 86_400_000;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** A cell reference (`C12`, `$C$12`) as 0-based row and column; undefined when it is not one. */
export function parseCellRef(ref: string): { row: number; col: number } | undefined {
  let i = ref.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  let col = 0;
  for (let code = ref.charCodeAt(i); code >= 65 && code <= 90; code = ref.charCodeAt(++i)) col = col * 26 + (code - 64);
  if (ref.charCodeAt(i) === 36) i++;
  const digits = ref.slice(i);
  const row = Number(digits);
  if (col === 0 || col > MAX_COLS || digits === '' || !Number.isInteger(row) || row < 1 || row > MAX_ROWS || digits.charCodeAt(0) === 43 || digits.charCodeAt(0) === 32) return undefined;
  return { row: row - 1, col: col - 1 };
}

/** A range reference (`D2:D5` or `D2`) as 0-based corners. */
function parseRangeRef(ref: string): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b] = ref.split(':');
  const from = parseCellRef(a ?? '');
  const to = b === undefined ? from : parseCellRef(b);
  if (from === undefined || to === undefined) return undefined;
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

/**
 * A copy of a text that holds nothing else alive: a parser's texts can be
 * slices of the piece of XML they came from (V8 keeps a slice of 13
 * characters or more as a view into the whole), and a grid holding them
 * would keep those pieces in memory. Joined from two parts, the copy is one
 * new string (a slice of a copy would be a view again, of the copy).
 */
export function ownText(text: string): string {
  return text.length < 13 ? text : [text.slice(0, 1), text.slice(1)].join('');
}

/**
 * The formula in en-US syntax with `=`, future-function prefixes removed
 * (`_xlfn.IFS` → `IFS`). Joined from its two parts, the text is one new
 * string of its own: no view into the XML it came from, and not a pair of
 * pieces (what `'=' + f` makes of a text of 13 characters or more).
 */
function formulaText(f: string): string {
  return ['=', f.includes('_') ? f.replace(/_xlfn\.|_xlws\./gi, '') : f].join('');
}

/** Excel's serial day number of an ISO date (a `t="d"` cell). */
function isoDateSerial(text: string, date1904: boolean): number | undefined {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`);
  if (!Number.isFinite(ms)) return undefined;
  return ms / MS_PER_DAY + (date1904 ? 24_107 : 25_569);
}

/**
 * A grid cell with only the properties it has. Each common kind is made as
 * one object literal with all its properties, which V8 stores inside the
 * object; properties added one by one afterwards would go to a separate
 * backing store (a second allocation per cell).
 */
function makeCell(value: CellValue, error: ErrorCode | undefined, errorIsText: boolean, formula: string | undefined, format: string | undefined): Cell {
  if (error === undefined) {
    if (formula === undefined) return format === undefined ? { value } : { value, numberFormat: format };
    return format === undefined ? { value, formula } : { value, formula, numberFormat: format };
  }
  const cell: Cell = { value, error };
  if (errorIsText) cell.errorIsText = true;
  if (formula !== undefined) cell.formula = formula;
  if (format !== undefined) cell.numberFormat = format;
  return cell;
}

/** A text cell: plain text that reads like an error is pasted error text; a formula's text result is text. `t` holds nothing else alive. */
function textCell(own: string, formula: string | undefined, format: string | undefined): Cell {
  if (formula !== undefined) return makeCell(own, undefined, false, formula, format);
  const error = errorCodeFromText(own);
  return makeCell(own, error, error !== undefined, undefined, format);
}

/**
 * Builds the grid cell of a `<c>` once it is closed (undefined: an empty
 * cell) from its type (`t`), its value's text (`<v>`), an inline string's
 * text (`<is>`), its formula and its number format.
 */
function toCell(type: string, v: string | undefined, inline: string | undefined, formula: string | undefined, format: string | undefined, ctx: SheetContext): Cell | undefined {
  switch (type) {
    case 's': {
      const s = v === undefined ? undefined : ctx.sharedStrings[Number(v)];
      // The shared strings are the workbook's own texts already (see readSharedStrings): every cell showing one shares it.
      return s === undefined ? undefined : textCell(s, formula, format);
    }
    case 'inlineStr':
      return inline === undefined ? undefined : textCell(ownText(inline), formula, format);
    case 'str':
      if (v !== undefined) return textCell(ownText(v), formula, format);
      break;
    case 'b':
      if (v !== undefined && v !== '') return makeCell(v === '1' || v === 'true', undefined, false, formula, format);
      break;
    case 'e':
      if (v !== undefined && v !== '') return makeCell(null, errorCodeFromText(v) ?? 'ERROR', false, formula, format);
      break;
    case 'd': {
      const serial = v === undefined ? undefined : isoDateSerial(v, ctx.date1904);
      if (serial !== undefined) return makeCell(serial, undefined, false, formula, format);
      break;
    }
    default:
      if (v !== undefined && v.trim() !== '') {
        const n = Number(v);
        if (Number.isFinite(n)) return makeCell(n, undefined, false, formula, format);
      }
  }
  // A formula without a cached result: its value is calculated once the sheet is read.
  return formula === undefined ? undefined : makeCell(null, undefined, false, formula, format);
}

/**
 * Reads one worksheet part into a sheet of the grid. `pending` receives the
 * formula cells that have no cached result.
 */
export function readSheet(pkg: XlsxPackage, part: string, name: string, hidden: boolean, ctx: SheetContext, pending: PendingFormula[]): SheetGrid {
  const cells: (Cell | undefined)[][] = [];
  const hiddenRows: number[] = [];
  const hiddenColumns: number[] = [];
  /** Shared formulas by index: the master's formula and position. */
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  /** Array formulas: the range and the formula every cell of it shows. */
  const arrays: { top: number; left: number; bottom: number; right: number; formula: string }[] = [];
  let root = '';
  let inSheetData = false;
  let row = -1;
  let col = -1;
  /** How many cells of the `<row>` being read hold something. */
  let rowCells = 0;
  /** The `<c>` being read (none between cells): its row (its column is `col`), type and style, its `<f>` element's attributes and text, its value's text and an inline string's text. */
  let inCell = false;
  let cellRow = -1;
  let cellType = 'n';
  let cellStyle = 0;
  let formulaAttrs: Record<string, string> | undefined;
  let formulaSource: string | undefined;
  let valueText: string | undefined;
  let inlineText: string | undefined;
  /** Which text is being collected: the formula, the value or an inline string's text. */
  let collecting: 'f' | 'v' | 't' | undefined;
  let phonetic = 0;
  let buffer = '';

  const arrayFormulaAt = (r: number, c: number): string | undefined => arrays.find((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right)?.formula;

  /** The formula the cell being read shows: its own, moved from its shared formula's master, or that of an array formula over it. */
  const cellFormula = (): string | undefined => {
    const attrs = formulaAttrs;
    const source = formulaSource;
    if (attrs === undefined) return arrays.length > 0 ? arrayFormulaAt(cellRow, col) : undefined;
    const kind = attrs.t ?? 'normal';
    if (kind === 'shared' && attrs.si !== undefined) {
      if (source !== undefined && source !== '') {
        shared.set(attrs.si, { formula: source, row: cellRow, col });
        return formulaText(source);
      }
      const master = shared.get(attrs.si);
      return master === undefined ? undefined : formulaText(moveFormula(master.formula, cellRow - master.row, col - master.col));
    }
    if (source === undefined || source === '' || kind === 'dataTable') return undefined;
    const formula = formulaText(source);
    if (kind === 'array') {
      const range = parseRangeRef(attrs.ref ?? '');
      if (range !== undefined) arrays.push({ ...range, formula });
    }
    return formula;
  };

  const finishCell = (): void => {
    const formula = cellFormula();
    const made = toCell(cellType, valueText, inlineText, formula, ctx.cellFormats[cellStyle], ctx);
    if (made === undefined) return;
    // A formula cell with neither a value nor an error has no cached result: it is calculated once the sheet is read.
    if (formula !== undefined && made.value === null && made.error === undefined) pending.push({ row: cellRow, col, cell: made });
    const line = (cells[cellRow] ??= []);
    line[col] = made;
    if (cellRow === row) rowCells++;
  };

  readPart(pkg, part, {
    open(tag, attrs) {
      if (root === '') {
        root = tag;
        if (root !== 'worksheet') throw new XlsxFileError('damaged', pkg.file, `${part} is not a worksheet`);
        return;
      }
      if (!inSheetData) {
        if (tag === 'sheetData') inSheetData = true;
        else if (tag === 'col' && attrs.hidden !== undefined && (attrs.hidden === '1' || attrs.hidden === 'true')) {
          const min = Math.max(1, Number(attrs.min));
          const max = Math.min(MAX_COLS, Number(attrs.max));
          for (let c = min; c <= max; c++) hiddenColumns.push(c - 1);
        }
        return;
      }
      switch (tag) {
        case 'row': {
          const r = attrs.r === undefined ? row + 1 : Number(attrs.r) - 1;
          if (!Number.isInteger(r) || r < 0 || r >= MAX_ROWS) throw new XlsxFileError('damaged', pkg.file, `${part}: row ${attrs.r ?? ''}`);
          row = r;
          col = -1;
          rowCells = 0;
          if (attrs.hidden === '1' || attrs.hidden === 'true') hiddenRows.push(r);
          break;
        }
        case 'c': {
          const ref = attrs.r;
          const at = ref === undefined ? { row, col: col + 1 } : parseCellRef(ref);
          if (at === undefined || at.col >= MAX_COLS || at.row < 0) throw new XlsxFileError('damaged', pkg.file, `${part}: cell ${ref ?? ''}`);
          inCell = true;
          cellRow = at.row;
          col = at.col;
          cellType = attrs.t ?? 'n';
          cellStyle = attrs.s === undefined ? 0 : Number(attrs.s);
          formulaAttrs = undefined;
          formulaSource = undefined;
          valueText = undefined;
          inlineText = undefined;
          break;
        }
        case 'f':
          if (inCell) {
            formulaAttrs = attrs;
            collecting = 'f';
            buffer = '';
          }
          break;
        case 'v':
          if (inCell) {
            collecting = 'v';
            buffer = '';
          }
          break;
        case 'is':
          if (inCell) inlineText = '';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inlineText !== undefined && phonetic === 0) {
            collecting = 't';
            buffer = '';
          }
          break;
      }
    },
    text(text) {
      if (collecting !== undefined) buffer += text;
    },
    close(tag) {
      if (!inSheetData) return;
      switch (tag) {
        case 'sheetData':
          inSheetData = false;
          break;
        case 'c':
          if (inCell) finishCell();
          inCell = false;
          inlineText = undefined;
          break;
        case 'row': {
          // A row with values is as long as its last cell, also an empty one with only a style (as Excel's used range counts it).
          const line = cells[row];
          if (line === undefined) break;
          if (line.length < col + 1) line.length = col + 1;
          // A row mostly full is kept as a copy of exactly its length: the array its cells were added to has room for more (V8 grows
          // an array by half and 16 more). A sparse one (a cell in A and one in XFD) is kept as it is: V8 keeps it small, a copy would not be.
          if (2 * rowCells >= line.length) cells[row] = line.slice();
          break;
        }
        case 'f':
          if (inCell && collecting === 'f') formulaSource = buffer;
          collecting = undefined;
          break;
        case 'v':
          if (inCell && collecting === 'v') valueText = buffer;
          collecting = undefined;
          break;
        case 't':
          if (inlineText !== undefined && collecting === 't') inlineText += buffer;
          collecting = undefined;
          break;
        case 'rPh':
          phonetic--;
          break;
      }
    },
  });
  if (root !== 'worksheet') throw new XlsxFileError('damaged', pkg.file, `${part} is not a worksheet`);
  return { name, cells, hiddenRows, hiddenColumns, hidden };
}
