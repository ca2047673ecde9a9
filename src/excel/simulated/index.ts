/**
 * The test host: a faithful fake of the part of Excel the adapter uses,
 * behind the same `XlHost` door as Office.js. Used by the adapter tests and
 * by demo mode in the browser (so: no Node imports).
 *
 * Like Excel:
 * - proxy objects (see `proxies.ts`): load before read, queued writes applied
 *   in order at `sync()`; a failing action stops the batch where it is, with
 *   the earlier actions of that batch already applied (Excel does not roll a
 *   batch back);
 * - requests and responses over 5 MB are refused (Excel on the web);
 * - requirement sets as configured (`apiVersion`), properties and methods of
 *   newer sets fail with ApiNotFound;
 * - error values show in the display language (`#DIVISION/0!` in sv-SE);
 * - written strings are interpreted as Excel interprets typed entries;
 * - formulas are recalculated after a write that can change values (an
 *   entry, cleared contents, a sheet added or deleted; see `evaluator.ts`),
 *   not after formatting (fills, number formats, notes, hidden columns), as
 *   Excel does;
 * - sheets can be added (`worksheets.add`), deleted and hidden, columns
 *   hidden (`range.columnHidden`); the last visible sheet cannot be hidden
 *   or deleted.
 *
 * Faults to inject: protected sheets, a cell in edit mode, a read-only
 * workbook, a dropped connection on a given sync, the task pane closed
 * during a given sync (`closePane`), and a hook before a given sync (another
 * user changing the sheet).
 */
import { errorCodeFromText, type WorkbookGrid } from '../../engine';
import { parseRect } from '../address';
import { EXCEL_API_VERSIONS, PAYLOAD_LIMIT_BYTES, type ExcelApiVersion, type HostDiagnostics, type XlContext, type XlHost, type XlRunOptions } from '../xl';
import { HostError, TestContext, type Action, type ProxyBase, type Server } from './proxies';
// Conditional formats (ExcelApi 1.6, RangeAreas 1.9) live in their own file and plug into the proxies.
import { addFormat, displayedFill, formatContents, formatSnapshots, type FormatSnapshot } from './conditional-formats';
import './data-validation';
import './charts';
import { emptyCell, interpretEntry, recalculate, sheetsFromGrid, type HostCell, type HostFill, type HostSheet } from './state';

export { HostError } from './proxies';
export type { HostCell, HostFill, HostSheet } from './state';
export type { FormatSnapshot } from './conditional-formats';

export interface TestHostOptions {
  /** Highest ExcelApi version supported (default '1.7', Office 2019). */
  apiVersion?: string;
  /** Excel's display language (default 'sv-SE'): error values show in it. */
  language?: string;
  documentUrl?: string;
  /** The payload limit per request and response (default 5 MB, Excel on the web). */
  payloadLimit?: number;
  /**
   * Where Excel runs (default 'windows'): what Excel can undo differs
   * (`Worksheet.visibility` is undoable on the web only).
   */
  platform?: ExcelPlatform;
  /**
   * Excel on Windows may put the author's name in front of a note added
   * through the API ("Anna Berg:" and a line break); undefined: notes are
   * kept as given. Microsoft's pages do not say which.
   */
  noteAuthor?: string;
  /**
   * The list separator `Worksheet.getRanges` takes (default ','): desktop
   * Excel with a Swedish locale may take ';' only (office-js issues 1167, 1985).
   */
  listSeparator?: ',' | ';';
}

/** The platforms whose documented behaviour differs. */
export type ExcelPlatform = 'windows' | 'mac' | 'web';

/** One round trip. */
export interface RequestRecord {
  /** Serialized size of what the request carried (actions, object paths, written values). */
  requestBytes: number;
  /** Serialized size of the loaded values that came back. */
  responseBytes: number;
  /** Actions that changed the workbook. */
  writes: number;
  /** The error code, when the request failed. */
  failed?: string;
}

export interface HostStats {
  syncs: number;
  requests: RequestRecord[];
  /** Steps on Excel's own undo stack the add-in's writes created. */
  excelUndoSteps: number;
}

interface ConnectionFault {
  /** Absolute sync number at which the connection drops. */
  at: number;
  /** Whether Excel applied that request before the answer was lost. */
  applied: boolean;
  /** How many syncs fail from `at` on. */
  lasting: number;
}

function versionNumber(v: string): number {
  const [major, minor] = v.split('.');
  return Number(major) * 1000 + Number(minor);
}

/** A plain copy of a cell, for assertions. */
export interface CellSnapshot {
  value: number | string | boolean | null;
  error?: string;
  formula?: string;
  numberFormat: string;
  fill: HostFill;
  note?: string;
}

export class TestHost implements XlHost {
  readonly sheets: HostSheet[];
  readonly stats: HostStats = { syncs: 0, requests: [], excelUndoSteps: 0 };
  readonly language: string;
  private readonly version: number;
  private readonly url: string;
  private readonly limit: number;
  readonly platform: ExcelPlatform;
  private readonly noteAuthor: string | undefined;
  private readonly listSeparator: ',' | ';';
  private editMode = false;
  private readOnlyWorkbook = false;
  private connection: ConnectionFault | undefined;
  private readonly hooks = new Map<number, () => void>();
  private paneClosed: { at: number; applied: boolean } | undefined;
  selection: { sheet: string; address: string } | null = null;
  activeSheet: string | null = null;

  constructor(grid: WorkbookGrid, options: TestHostOptions = {}) {
    this.sheets = sheetsFromGrid(grid);
    this.language = options.language ?? 'sv-SE';
    this.version = versionNumber(options.apiVersion ?? '1.7');
    this.url = options.documentUrl ?? 'https://example.invalid/kommunstyrelsen-2021.xlsx';
    this.limit = options.payloadLimit ?? PAYLOAD_LIMIT_BYTES;
    this.platform = options.platform ?? 'windows';
    this.noteAuthor = options.noteAuthor;
    this.listSeparator = options.listSeparator ?? ',';
    this.activeSheet = this.sheets[0]?.name ?? null;
  }

  // ---- XlHost ---------------------------------------------------------------

  supports(version: ExcelApiVersion): boolean {
    return versionNumber(version) <= this.version;
  }

  documentUrl(): string {
    return this.url;
  }

  displayLanguage(): string {
    return this.language;
  }

  diagnostics(): HostDiagnostics {
    const sets: Record<string, boolean> = {};
    for (const v of EXCEL_API_VERSIONS) sets[`ExcelApi ${v}`] = this.supports(v);
    return { version: `simulerad Excel (ExcelApi ${Math.floor(this.version / 1000)}.${this.version % 1000})`, platform: this.platform, sets };
  }

  async run<T>(batch: (context: XlContext) => Promise<T>, options: XlRunOptions = {}): Promise<T> {
    const run = { merge: options.mergeUndoGroup === true && this.supports('1.20'), wrote: false };
    const context = new TestContext((ctx) => this.send(ctx, run));
    const result = await batch(context);
    // Excel.run sends what is still queued when the batch returns.
    if (context.queue.length > 0) await context.sync();
    return result;
  }

  // ---- faults and test helpers ---------------------------------------------

  /** Protects (or unprotects) a sheet: writes to it fail with AccessDenied. */
  protect(sheet: string, on = true): void {
    this.sheet(sheet).protected = on;
  }

  /** A cell is being edited: every request fails with InvalidOperationInCellEditMode. */
  setEditMode(on: boolean): void {
    this.editMode = on;
  }

  /** The workbook was opened read-only: writes fail with AccessDenied. */
  setReadOnly(on: boolean): void {
    this.readOnlyWorkbook = on;
  }

  /**
   * The connection drops on the `onSync`-th sync from now (1 = the next one),
   * for `lasting` syncs. With `applied`, Excel applied the first failed request
   * but its answer was lost.
   */
  dropConnection({ onSync = 1, applied = false, lasting = 1 }: { onSync?: number; applied?: boolean; lasting?: number } = {}): void {
    this.connection = { at: this.stats.syncs + onSync, applied, lasting };
  }

  /**
   * The task pane is closed during the `onSync`-th sync from now: that
   * request never answers, and the add-in's code after it never runs. With
   * `applied`, Excel applied the request before the pane went away.
   */
  closePane({ onSync = 1, applied = false }: { onSync?: number; applied?: boolean } = {}): void {
    this.paneClosed = { at: this.stats.syncs + onSync, applied };
  }

  /** Runs `f` just before the `onSync`-th sync from now (someone else changing the workbook). */
  beforeSync(onSync: number, f: () => void): void {
    this.hooks.set(this.stats.syncs + onSync, f);
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.requests = [];
    this.stats.excelUndoSteps = 0;
    this.hooks.clear();
    this.connection = undefined;
    this.paneClosed = undefined;
  }

  hasSheet(name: string): boolean {
    return this.sheets.some((x) => x.name === name);
  }

  sheet(name: string): HostSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (s === undefined) throw new Error(`no sheet ${name}`);
    return s;
  }

  private cellAt(sheet: string, address: string, create: boolean): HostCell | undefined {
    const r = parseRect(address);
    if (r === undefined) throw new Error(`bad address ${address}`);
    const s = this.sheet(sheet);
    if (!create) return s.rows[r.top]?.[r.left];
    const row = (s.rows[r.top] ??= []);
    return (row[r.left] ??= emptyCell());
  }

  /** What a cell holds now. */
  cell(sheet: string, address: string): CellSnapshot {
    const c = this.cellAt(sheet, address, false) ?? emptyCell();
    const r = parseRect(address);
    const note = r === undefined ? undefined : this.sheet(sheet).notes.get(address.replace(/\$/g, '').toUpperCase());
    return {
      value: c.value,
      ...(c.error === undefined ? {} : { error: c.error }),
      ...(c.formula === undefined ? {} : { formula: c.formula }),
      numberFormat: c.numberFormat,
      fill: { ...c.fill },
      ...(note === undefined ? {} : { note }),
    };
  }

  /** Types into a cell, as a user would (a formula, a number or text), and recalculates. */
  type(sheet: string, address: string, entry: string | number): void {
    const c = this.cellAt(sheet, address, true) as HostCell;
    delete c.error;
    delete c.formula;
    if (typeof entry === 'number') c.value = entry;
    else Object.assign(c, interpretEntry(entry, c.numberFormat));
    recalculate(this.sheets);
  }

  /** Makes a cell an entity or linked data type (a Geography cell) showing `text`. */
  setDataType(sheet: string, address: string, text: string, type: 'Entity' | 'LinkedEntity' = 'LinkedEntity'): void {
    const c = this.cellAt(sheet, address, true) as HostCell;
    c.value = null;
    delete c.error;
    delete c.formula;
    c.dataType = { type, text };
  }

  /** Sets a cell's fill directly (`null`: no fill). */
  setFill(sheet: string, address: string, fill: { color: string; pattern?: string } | null): void {
    const c = this.cellAt(sheet, address, true) as HostCell;
    c.fill = fill === null ? { pattern: 'None', color: '#FFFFFF', patternColor: '#000000' } : { pattern: fill.pattern ?? 'Solid', color: fill.color.toUpperCase(), patternColor: '#000000' };
  }

  /** What a cell shows: a conditional format's fill where one over it applies, else the cell's own fill. */
  displayedFill(sheet: string, address: string): HostFill {
    const r = parseRect(address);
    if (r === undefined) throw new Error(`bad address ${address}`);
    return displayedFill(this.sheet(sheet), r.top, r.left, (this.cellAt(sheet, address, false) ?? emptyCell()).fill);
  }

  /** A sheet's conditional formats, highest priority first. */
  conditionalFormats(sheet: string): FormatSnapshot[] {
    return formatSnapshots(this.sheet(sheet));
  }

  /** Adds a conditional format as the economist would (on top of the others); returns its id. */
  addConditionalFormat(sheet: string, address: string, format: { type?: string; formula?: string; fill?: string | null }): string {
    return addFormat(this.sheet(sheet), address, format);
  }

  setNumberFormat(sheet: string, address: string, format: string): void {
    (this.cellAt(sheet, address, true) as HostCell).numberFormat = format;
  }

  /** The whole workbook's state as text: equal snapshots mean an unchanged workbook. */
  snapshot(): string {
    return JSON.stringify(
      this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        hiddenColumns: [...s.hiddenColumns].sort((a, b) => a - b),
        notes: [...s.notes].sort(),
        ...((s.conditionalFormats ?? []).length > 0 ? { conditionalFormats: formatContents(s) } : {}),
        ...((s.charts ?? []).length > 0 ? { charts: s.charts } : {}),
        rows: s.rows.map((row) => {
          const cells = (row ?? []).map((c) =>
            c === undefined || (c.value === null && c.error === undefined && c.formula === undefined && c.numberFormat === 'General' && c.fill.pattern === 'None') ? null : c,
          );
          return cells.every((c) => c === null) ? null : cells; // a row of untouched cells is no row
        }),
      })),
      (_k, v: unknown) => (Array.isArray(v) ? trimNulls(v) : v),
    );
  }

  /** Finds a cell showing an error text in the display language, for tests (`#DIVISION/0!`). */
  static errorCode(text: string): string | undefined {
    return errorCodeFromText(text);
  }

  // ---- the request pipeline -----------------------------------------------

  private server(mergedUndo: boolean): Server {
    return {
      sheets: this.sheets,
      platform: this.platform,
      mergedUndo,
      noteAuthor: this.noteAuthor,
      listSeparator: this.listSeparator,
      language: this.language,
      supports: (v) => this.supports(v),
      readOnly: () => this.readOnlyWorkbook,
      checkWritable: (sheet) => {
        if (this.readOnlyWorkbook) throw new HostError('AccessDenied', 'The workbook is read-only; changes cannot be made.');
        if (sheet.protected) throw new HostError('AccessDenied', "The cell or chart you're trying to change is on a protected sheet.");
      },
      select: (sheet, address) => {
        this.activeSheet = sheet.name;
        this.selection = { sheet: sheet.name, address };
      },
      activate: (sheet) => {
        this.activeSheet = sheet.name;
      },
    };
  }

  private async send(context: TestContext, run: { merge: boolean; wrote: boolean }): Promise<void> {
    const actions = context.queue;
    context.queue = [];
    if (actions.length === 0) return;
    await Promise.resolve(); // a round trip is never synchronous
    const n = ++this.stats.syncs;
    const record: RequestRecord = { requestBytes: byteLength(JSON.stringify(actions.map(wire))), responseBytes: 0, writes: 0 };
    this.stats.requests.push(record);
    const fail = (err: HostError): never => {
      record.failed = err.code;
      throw err;
    };
    this.hooks.get(n)?.();
    this.hooks.delete(n);
    const closing = this.paneClosed !== undefined && this.paneClosed.at === n ? this.paneClosed : undefined;
    if (closing !== undefined) this.paneClosed = undefined;
    if (closing !== undefined && !closing.applied) return new Promise<never>(() => undefined);

    const c = this.connection;
    const dropped = c !== undefined && n >= c.at && n < c.at + c.lasting;
    if (dropped && !(c.applied && n === c.at)) fail(new HostError('ConnectionFailure', 'The connection to Excel was lost.'));
    if (this.editMode)
      fail(new HostError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.'));
    if (record.requestBytes > this.limit) fail(new HostError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${record.requestBytes} bytes).`));

    const server = this.server(run.merge);
    const results = new Map<ProxyBase, Map<string, unknown>>();
    const touched = new Map<ProxyBase, boolean>();
    let failure: unknown;
    let recalc = false;
    for (const action of actions) {
      try {
        const exists = action.obj.exists(server);
        touched.set(action.obj, !exists);
        if (action.kind === 'load') {
          if (!exists) continue;
          const bag = results.get(action.obj) ?? new Map<string, unknown>();
          for (const p of action.props) bag.set(p, action.obj.read(server, p));
          results.set(action.obj, bag);
        } else {
          if (!exists) throw new HostError('InvalidObjectPath', 'The object is a null object.');
          if (action.kind === 'set') action.obj.write(server, action.prop, action.value);
          else action.obj.invoke(server, action.method, action.args);
          recalc ||= action.obj.changesValues?.(action) === true;
          if (!(action.kind === 'call' && (action.method === 'select' || action.method === 'activate'))) record.writes++;
        }
      } catch (err) {
        failure = err;
        break;
      }
    }
    if (recalc) recalculate(this.sheets);
    if (record.writes > 0) {
      if (!run.merge || !run.wrote) this.stats.excelUndoSteps++;
      run.wrote = true;
    }
    if (closing !== undefined) return new Promise<never>(() => undefined);
    if (failure !== undefined) fail(failure instanceof HostError ? failure : new HostError('GeneralException', String(failure)));
    if (dropped) fail(new HostError('ConnectionFailure', 'The connection to Excel was lost.'));

    const response: Record<string, unknown> = {};
    for (const [obj, bag] of results) response[obj.path] = Object.fromEntries(bag);
    record.responseBytes = byteLength(JSON.stringify(response));
    if (record.responseBytes > this.limit) fail(new HostError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${record.responseBytes} bytes).`));
    for (const [obj, isNull] of touched) obj.deliver(results.get(obj) ?? new Map(), isNull);
  }
}

function wire(a: Action): unknown {
  if (a.kind === 'load') return { o: a.obj.path, a: 'load', p: a.props };
  if (a.kind === 'set') return { o: a.obj.path, a: 'set', p: a.prop, v: a.value };
  return { o: a.obj.path, a: 'call', m: a.method, v: a.args };
}

/**
 * UTF-8 bytes of a JSON text (which has no lone surrogates), counted without
 * encoding it: Chromium's TextEncoder took ≈ 90 ms for 2,7 MB of such JSON
 * (the 40-sheet demo's read answers 1,7 MB), this loop ≈ 14 ms, cold; in
 * Node both ≈ 10 ms. The same count.
 */
function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

function trimNulls(v: unknown[]): unknown[] {
  let end = v.length;
  while (end > 0 && (v[end - 1] === null || v[end - 1] === undefined)) end--;
  return end === v.length ? v : v.slice(0, end);
}
