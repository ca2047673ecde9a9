/**
 * Reading the whole workbook into a `WorkbookGrid` in as few round trips as
 * Excel allows: 3 for any workbook whose data fits one 5 MB request.
 *
 * - Sync 1 lists the sheets (names, visibility, protection) and the
 *   workbook's read-only flag.
 * - Sync 2 learns every sheet's used range (`getUsedRangeOrNullObject(true)`:
 *   values only, so formatting far away does not count), through the items
 *   of sync 1. (Office.js cannot reach a sheet before the request that names
 *   it; a `getNextOrNullObject()` chain past the last sheet would call
 *   methods on null objects, which no Microsoft page or sample does.)
 * - Sync 3 … reads exactly the used ranges: values, formulas, number formats
 *   and value types (or `valuesAsJson` where ExcelApi 1.16 is supported),
 *   packed by their known sizes into the fewest requests of at most
 *   `READ_BUDGET_BYTES` each (a sheet larger than that is split into row
 *   bands): one request up to ~4.5 MB of data, far below the 5 million
 *   cells Excel allows in one range read. That limit is per range, not per
 *   workbook (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins):
 *   a larger workbook is read in more requests, never refused.
 *
 * A request Excel still refuses for its size (cells of very long text beat
 * the estimate) is split in two and retried; nothing is lost.
 */
import { type Cell, type CellValue, type ErrorCode, errorCodeFromText, type SheetGrid, type WorkbookGrid } from '../engine';
import { ActionError } from './actions';
import { parseRect, rectAddress, rectCells, type Rect } from './address';
import { isPayloadTooLarge, toActionError } from './errors';
import { MAX_CELLS_PER_READ, PAYLOAD_LIMIT_BYTES, type XlContext, type XlHost, type XlRange, type XlWorksheet } from './xl';

/** What the reader plans with: bytes per request (a margin below 5 MB) and per cell. */
export const READ_BUDGET_BYTES = Math.floor(PAYLOAD_LIMIT_BYTES * 0.9);
/**
 * Estimated response bytes per cell: values, formulas, number format and
 * value type of a budget table's cell (`-3495,"=C5-D5","#,##0","Double"` and
 * separators), generous for labels. With `valuesAsJson` the value carries its
 * type (`{"type":"Double","basicType":"Double","basicValue":-3495}`).
 */
export const BYTES_PER_CELL = 48;
export const BYTES_PER_CELL_JSON = 96;

export interface ReadStats {
  /** `context.sync()` calls made. */
  syncs: number;
  /** Syncs that carried cell data (sync 2 and, over ~4.5 MB, the further ones). */
  dataRequests: number;
  /** Cells in all used ranges. */
  cells: number;
  /** Whether `valuesAsJson` (ExcelApi 1.16) gave the error types. */
  valuesAsJson: boolean;
}

export interface ReadResult {
  workbook: WorkbookGrid;
  stats: ReadStats;
}

/** `valuesAsJson` error types (ExcelApi 1.16) by ErrorCode. */
const JSON_ERROR_TYPES: Record<string, ErrorCode> = {
  Div0: 'DIV_BY_ZERO',
  NotAvailable: 'NA',
  Name: 'NAME',
  Null: 'NULL',
  Num: 'NUM',
  Ref: 'REF',
  Value: 'VALUE',
  Spill: 'SPILL',
  Calc: 'CALC',
  GettingData: 'GETTING_DATA',
  Field: 'FIELD',
  Blocked: 'BLOCKED',
  Connect: 'CONNECT',
  Busy: 'BUSY',
  Unknown: 'UNKNOWN',
};

/** The data properties to load, by mode. */
export function dataProperties(json: boolean): string {
  return json ? 'address,valuesAsJson,formulas,numberFormat' : 'address,values,valueTypes,formulas,numberFormat';
}

function queueData(range: XlRange, json: boolean): XlRange {
  range.load(dataProperties(json));
  return range;
}

/**
 * A cell of `valuesAsJson` (ExcelApi 1.16): `type` says what it is, `basicType`
 * and `basicValue` what `values` would give (learn.microsoft.com/office/dev/add-ins/excel/excel-data-types-concepts).
 * An entity or linked entity (a Stocks or Geography cell) has `basicType`
 * "Error" and `basicValue` "#VALUE!" although it shows its `text`.
 */
interface JsonCellValue {
  type?: string;
  basicType?: string;
  basicValue?: unknown;
  errorType?: string;
  text?: unknown;
}

/** One `valuesAsJson` cell as value, value type and error type (the names `valueTypes` uses). */
export function jsonCell(raw: unknown): { value: unknown; type: string; errorType?: string } {
  const jv = (raw ?? {}) as JsonCellValue;
  const basic = jv.basicType ?? jv.type;
  if (jv.type === 'Error') return { value: jv.basicValue, type: 'Error', ...(jv.errorType === undefined ? {} : { errorType: jv.errorType }) };
  // A data type whose fallback is an error (entity, linked entity): the text the cell shows, a label to the checks.
  if (basic === 'Error') return typeof jv.text === 'string' && jv.text !== '' ? { value: jv.text, type: 'String' } : { value: null, type: 'Other' };
  if (basic === 'Empty') return { value: null, type: 'Empty' };
  if (basic === 'Double' || basic === 'Boolean' || basic === 'String') return { value: jv.basicValue, type: basic };
  return { value: jv.basicValue, type: typeof jv.basicValue === 'string' ? 'String' : 'Other' };
}

function scalar(v: unknown): CellValue {
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return null;
}

/** One cell from what Excel returned, or undefined for an empty cell. */
export function toCell(value: unknown, type: string, formula: unknown, numberFormat: unknown, errorType?: string): Cell | undefined {
  const f = typeof formula === 'string' && formula.startsWith('=') && formula !== value ? formula : undefined;
  let cell: Cell;
  if (type === 'Error') {
    const text = typeof value === 'string' ? value : '';
    const error = (errorType !== undefined ? JSON_ERROR_TYPES[errorType] : undefined) ?? errorCodeFromText(text) ?? 'ERROR';
    cell = { value: null, error };
  } else if (type === 'Empty' && f === undefined) {
    return undefined;
  } else {
    cell = { value: type === 'Empty' ? null : scalar(value) };
    // An error text typed or pasted as text (`#DIVISION/0!` from a report): still an error to the checks.
    const error = typeof value === 'string' ? errorCodeFromText(value) : undefined;
    if (error !== undefined) {
      cell.error = error;
      cell.errorIsText = true;
    }
  }
  if (f !== undefined) cell.formula = f;
  if (typeof numberFormat === 'string' && numberFormat !== '' && numberFormat !== 'General') cell.numberFormat = numberFormat;
  return cell;
}

/** Copies a loaded range's data into the sheet grid at its address. */
function fill(sheet: SheetGrid, range: XlRange, json: boolean): void {
  const at = parseRect(range.address);
  if (at === undefined) return;
  const formulas = range.formulas;
  const formats = range.numberFormat;
  const values = json ? range.valuesAsJson : range.values;
  const types = json ? undefined : range.valueTypes;
  values.forEach((row, i) => {
    const r = at.top + i;
    row.forEach((raw, j) => {
      let value: unknown = raw;
      let type: string;
      let errorType: string | undefined;
      if (types !== undefined) {
        type = types[i]?.[j] ?? 'Empty';
      } else {
        ({ value, type, errorType } = jsonCell(raw));
      }
      const cell = toCell(value, type, formulas[i]?.[j], formats[i]?.[j], errorType);
      if (cell === undefined) return;
      const target = (sheet.cells[r] ??= []);
      target[at.left + j] = cell;
    });
  });
}

/** A band of rows of one sheet to read. */
export interface Band {
  sheet: number;
  rect: Rect;
}

/**
 * Packs rectangles into requests of at most `budget` bytes at `perCell` bytes
 * a cell, splitting a rectangle into row bands where it does not fit: next-fit
 * with splitting, which gives the fewest requests (ceil(total / budget)) when
 * every row fits a request.
 */
export function planBands(parts: readonly Band[], budget: number, perCell: number, maxCells = MAX_CELLS_PER_READ): Band[][] {
  const requests: Band[][] = [];
  let current: Band[] = [];
  let room = budget;
  for (const part of parts) {
    const width = part.rect.right - part.rect.left + 1;
    const rowBytes = width * perCell;
    let top = part.rect.top;
    while (top <= part.rect.bottom) {
      // Within the bytes left, and within Excel's cell limit for one range read.
      let rows = Math.min(Math.floor(room / rowBytes), Math.floor(maxCells / width));
      if (rows < 1) {
        if (current.length > 0) {
          requests.push(current);
          current = [];
          room = budget;
          continue;
        }
        rows = 1; // a single row wider than the budget: read it alone (its columns in turn would need splitting; not a budget table)
      }
      const bottom = Math.min(part.rect.bottom, top + rows - 1);
      current.push({ sheet: part.sheet, rect: { top, left: part.rect.left, bottom, right: part.rect.right } });
      room -= (bottom - top + 1) * rowBytes;
      top = bottom + 1;
    }
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/** What the first sync learnt of a sheet (besides its data). */
export interface SheetFacts {
  name: string;
  hidden: boolean;
  /** The sheet is protected: writes to it fail. */
  protected: boolean;
  /** The used range (values only), undefined for an empty sheet. */
  used: Rect | undefined;
}

/** Also known after reading: what marking needs to write in one batch. */
export interface ReadFacts {
  sheets: SheetFacts[];
  /** The workbook is read-only (ExcelApi 1.8; false where unknown). */
  readOnly: boolean;
}

export interface ReadOptions {
  /**
   * Queues further loads in the first data request (no extra round trip),
   * once the sheets are known; the returned function is called after that
   * request arrived. Not called for a workbook without data.
   */
  alongside?: (context: XlContext, sheets: ReadonlyMap<string, XlWorksheet>) => () => void;
}

/** Reads every sheet of the workbook. Throws ActionError (`editing`, `connection`, `too-large` for a row over 5 MB …). */
export async function readWorkbook(host: XlHost, options: ReadOptions = {}): Promise<ReadResult & { facts: ReadFacts }> {
  const json = host.supports('1.16');
  const perCell = json ? BYTES_PER_CELL_JSON : BYTES_PER_CELL;
  const stats: ReadStats = { syncs: 0, dataRequests: 0, cells: 0, valuesAsJson: json };
  try {
    return await host.run(async (context) => {
      const sync = async (): Promise<void> => {
        stats.syncs++;
        await context.sync();
      };
      // Sync 1: the sheets.
      const collection = context.workbook.worksheets;
      collection.load('items/name,items/visibility,items/protection/protected');
      const readOnlyKnown = host.supports('1.8');
      if (readOnlyKnown) context.workbook.load('readOnly');
      await sync();
      const sheets = collection.items;
      // Sync 2: their used ranges.
      const useds = sheets.map((ws) => ws.getUsedRangeOrNullObject(true).load('address') as XlRange);
      if (useds.length > 0) await sync();
      const facts: SheetFacts[] = sheets.map((s, i) => {
        const u = useds[i] as XlRange;
        return { name: s.name, hidden: s.visibility !== 'Visible', protected: s.protection.protected, used: u.isNullObject ? undefined : parseRect(u.address) };
      });
      const grids: SheetGrid[] = facts.map((s) => ({ name: s.name, cells: [], ...(s.hidden ? { hidden: true } : {}) }));
      stats.cells = facts.reduce((n, f) => n + (f.used === undefined ? 0 : rectCells(f.used)), 0);

      // Syncs 3…: exactly the used ranges, in the fewest requests that fit.
      const parts: Band[] = [];
      facts.forEach((f, i) => {
        if (f.used !== undefined) parts.push({ sheet: i, rect: f.used });
      });
      let alongside = options.alongside;
      const byName = new Map(sheets.map((s) => [s.name, s] as const));
      const readBands = async (bands: Band[]): Promise<void> => {
        const ranges = bands.map((b) => queueData((sheets[b.sheet] as XlWorksheet).getRange(rectAddress(b.rect)), json));
        const extra = alongside?.(context, byName);
        alongside = undefined;
        try {
          stats.dataRequests++;
          await sync();
        } catch (err) {
          if (!isPayloadTooLarge(err)) throw err;
          stats.dataRequests--;
          if (extra !== undefined) alongside = options.alongside;
          const halves = splitBands(bands);
          if (halves === undefined) throw new ActionError('too-large', 'one row exceeds the payload limit');
          await readBands(halves[0]);
          await readBands(halves[1]);
          return;
        }
        extra?.();
        ranges.forEach((r, k) => fill(grids[(bands[k] as Band).sheet] as SheetGrid, r, json));
      };
      for (const request of planBands(parts, READ_BUDGET_BYTES, perCell)) await readBands(request);
      return { workbook: { sheets: grids }, stats, facts: { sheets: facts, readOnly: readOnlyKnown && context.workbook.readOnly } };
    });
  } catch (err) {
    throw toActionError(err);
  }
}

/** Splits a request's bands in two halves by cells, or undefined when it is a single row. */
function splitBands(bands: Band[]): [Band[], Band[]] | undefined {
  if (bands.length > 1) {
    const mid = Math.ceil(bands.length / 2);
    return [bands.slice(0, mid), bands.slice(mid)];
  }
  const only = bands[0];
  if (only === undefined || only.rect.top === only.rect.bottom) return undefined;
  const mid = Math.floor((only.rect.top + only.rect.bottom) / 2);
  return [[{ sheet: only.sheet, rect: { ...only.rect, bottom: mid } }], [{ sheet: only.sheet, rect: { ...only.rect, top: mid + 1 } }]];
}

export { rectCells };
