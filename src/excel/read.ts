/**
 * Reading the whole workbook into a `WorkbookGrid` in as few round trips as
 * Excel allows.
 *
 * - Sync 1 lists the sheets (names, visibility). Office.js cannot reach a
 *   sheet's used range before it knows the sheet, so this sync cannot be
 *   avoided.
 * - Sync 2 loads, for every sheet at once, the used range's address and size
 *   (`getUsedRangeOrNullObject(true)`: values only, so formatting far away
 *   does not count) AND its data: values, formulas, number formats and value
 *   types (or `valuesAsJson` where ExcelApi 1.16 is supported). The data is
 *   clipped to a window per sheet (`WINDOW_COLUMNS` columns × as many rows as
 *   the payload budget allows for that many sheets), so this request can never
 *   exceed Excel on the web's 5 MB limit, and never reads more than its
 *   budget of cells.
 * - Only when a sheet's used range reaches beyond its window (a workbook of
 *   more than about 4 MB, or a sheet much wider than a budget table), the
 *   rest is read in further syncs, now that every size is known: split into
 *   row bands and packed into as few requests as fit the budget. Before that,
 *   a workbook of more than 5 million cells is refused (`too-large`), having
 *   read no more than the windows.
 *
 * A request Excel still refuses for its size (cells of very long text beat
 * the estimate) is split in two and retried; nothing is lost.
 */
import { errorCodeFromText } from '../engine/errors';
import type { Cell, CellValue, ErrorCode, SheetGrid, WorkbookGrid } from '../engine/grid';
import { ActionError } from './actions';
import { parseRect, rectAddress, rectCells, type Rect } from './address';
import { isPayloadTooLarge, toActionError } from './errors';
import { MAX_CELLS, PAYLOAD_LIMIT_BYTES, type XlHost, type XlRange } from './xl';

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
/**
 * Width of the window read in sync 2 (A:P): budget tables have 6–12 columns
 * (label, five value columns, a delårsrapport's forecast columns). Data
 * further right is read in a later sync.
 */
export const WINDOW_COLUMNS = 16;

export interface ReadStats {
  /** `context.sync()` calls made. */
  syncs: number;
  /** Syncs that carried cell data (sync 2 and any further bands). */
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

interface JsonCellValue {
  type?: string;
  basicValue?: unknown;
  errorType?: string;
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
        const jv = (raw ?? {}) as JsonCellValue;
        value = jv.basicValue;
        type = jv.type === 'Error' ? 'Error' : jv.type === 'Empty' ? 'Empty' : typeof jv.basicValue === 'string' ? 'String' : 'Other';
        errorType = jv.errorType;
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
export function planBands(parts: readonly Band[], budget: number, perCell: number): Band[][] {
  const requests: Band[][] = [];
  let current: Band[] = [];
  let room = budget;
  for (const part of parts) {
    const width = part.rect.right - part.rect.left + 1;
    const rowBytes = width * perCell;
    let top = part.rect.top;
    while (top <= part.rect.bottom) {
      let rows = Math.floor(room / rowBytes);
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

/** The parts of `used` outside `window` (right strip, then bottom strip). */
export function outside(used: Rect, window: Rect | undefined): Rect[] {
  if (window === undefined) return [used];
  const parts: Rect[] = [];
  if (used.right > window.right) parts.push({ top: used.top, left: window.right + 1, bottom: used.bottom, right: used.right });
  if (used.bottom > window.bottom) {
    parts.push({ top: window.bottom + 1, left: used.left, bottom: used.bottom, right: Math.min(used.right, window.right) });
  }
  return parts;
}

/** Rows per sheet in the sync-2 window, for n sheets. */
export function windowRows(sheets: number, perCell: number, budget = READ_BUDGET_BYTES): number {
  return Math.max(1, Math.floor(budget / (Math.max(1, sheets) * WINDOW_COLUMNS * perCell)));
}

interface SheetInfo {
  name: string;
  hidden: boolean;
  used: Rect | undefined;
}

/** Reads every sheet of the workbook. Throws ActionError (`too-large`, `editing`, `connection` …). */
export async function readWorkbook(host: XlHost): Promise<ReadResult> {
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
      collection.load('items/name,items/visibility');
      await sync();
      const sheets = collection.items;
      const infos: SheetInfo[] = sheets.map((s) => ({ name: s.name, hidden: s.visibility !== 'Visible', used: undefined }));
      const grids: SheetGrid[] = infos.map((s) => ({ name: s.name, cells: [], ...(s.hidden ? { hidden: true } : {}) }));

      // Sync 2: every used range's size, and its data inside the window.
      const rows = windowRows(sheets.length, perCell);
      const windowRect: Rect = { top: 0, left: 0, bottom: rows - 1, right: WINDOW_COLUMNS - 1 };
      const windowAddress = rectAddress(windowRect);
      const useds = sheets.map((s) => {
        const used = s.getUsedRangeOrNullObject(true);
        used.load('address,rowCount,columnCount');
        return used;
      });
      let windows: XlRange[] | undefined = sheets.map((s, i) => queueData((useds[i] as XlRange).getIntersectionOrNullObject(s.getRange(windowAddress)), json));
      try {
        stats.dataRequests++;
        await sync();
      } catch (err) {
        if (!isPayloadTooLarge(err)) throw err;
        // Longer texts than estimated: ask again for the sizes only; read everything in bands.
        windows = undefined;
        stats.dataRequests--;
        const again = sheets.map((s) => {
          const used = s.getUsedRangeOrNullObject(true);
          used.load('address,rowCount,columnCount');
          return used;
        });
        await sync();
        again.forEach((u, i) => (useds[i] = u));
      }
      useds.forEach((u, i) => {
        if (!u.isNullObject) (infos[i] as SheetInfo).used = parseRect(u.address);
      });
      stats.cells = useds.reduce((n, u) => n + (u.isNullObject ? 0 : u.rowCount * u.columnCount), 0);
      if (stats.cells > MAX_CELLS) throw new ActionError('too-large', `${stats.cells} cells`);
      if (windows !== undefined) windows.forEach((w, i) => (w.isNullObject ? undefined : fill(grids[i] as SheetGrid, w, json)));

      // Syncs 3…: what lies outside the windows, in the fewest requests.
      const parts: Band[] = [];
      infos.forEach((info, i) => {
        if (info.used === undefined) return;
        for (const rect of outside(info.used, windows === undefined ? undefined : windowRect)) parts.push({ sheet: i, rect });
      });
      const readBands = async (bands: Band[]): Promise<void> => {
        const ranges = bands.map((b) => queueData((sheets[b.sheet] as (typeof sheets)[number]).getRange(rectAddress(b.rect)), json));
        try {
          stats.dataRequests++;
          await sync();
        } catch (err) {
          if (!isPayloadTooLarge(err)) throw err;
          stats.dataRequests--;
          const halves = splitBands(bands);
          if (halves === undefined) throw new ActionError('too-large', 'one row exceeds the payload limit');
          await readBands(halves[0]);
          await readBands(halves[1]);
          return;
        }
        ranges.forEach((r, k) => fill(grids[(bands[k] as Band).sheet] as SheetGrid, r, json));
      };
      for (const request of planBands(parts, READ_BUDGET_BYTES, perCell)) await readBands(request);
      return { workbook: { sheets: grids }, stats };
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
