/**
 * Proxy objects that behave like Office.js's: a property can be read only
 * after it was loaded and a sync ran (else `PropertyNotLoaded`); setters and
 * methods are queued and take effect, in order, at `sync()`. Each object is
 * bound to its workbook object the first time a request touches it (a used
 * range is computed then, as Excel does), and keeps that binding.
 */
import { cellAddress, type ErrorCode, errorTextEnUs } from '../../engine';
import { parseRect, qualifiedAddress, rectAddress, type Rect } from '../address';
import type {
  ExcelApiVersion,
  XlContext,
  XlNote,
  XlNoteCollection,
  XlConditionalFormatCollection,
  XlRange,
  XlRangeAreas,
  XlRangeFill,
  XlRangeFormat,
  XlWorkbook,
  XlWorksheet,
  XlWorksheetCollection,
  XlWorksheetProtection,
} from '../xl';
import type { XlDataValidation } from '../validation';
import type { XlChartCollection } from '../chart';
import { emptyCell, errorDisplayText, interpretEntry, isEmptyContent, newSheet, NO_FILL, type HostCell, type HostSheet } from './state';

/** An error shaped like OfficeExtension.Error: `code` is what the adapter looks at. */
export class HostError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

/** What a proxy needs from the host while a request runs. */
export interface Server {
  readonly sheets: HostSheet[];
  /** Where Excel runs: what it can undo differs. */
  readonly platform: 'windows' | 'mac' | 'web';
  /** The request belongs to an `Excel.run({ mergeUndoGroup: true })` (ExcelApi 1.20). */
  readonly mergedUndo: boolean;
  /** The name put in front of notes added through the API, if any. */
  readonly noteAuthor: string | undefined;
  /** The separator of `getRanges` address lists this Excel takes. */
  readonly listSeparator: ',' | ';';
  readonly language: string;
  supports(version: ExcelApiVersion): boolean;
  readOnly(): boolean;
  /** Throws AccessDenied when the sheet (or workbook) cannot be changed. */
  checkWritable(sheet: HostSheet): void;
  select(sheet: HostSheet, address: string): void;
  activate(sheet: HostSheet): void;
}

export type Action =
  { kind: 'load'; obj: ProxyBase; props: string[] } | { kind: 'set'; obj: ProxyBase; prop: string; value: unknown } | { kind: 'call'; obj: ProxyBase; method: string; args: unknown[] };

/** The request context: a queue of actions, sent at `sync()`. */
export class TestContext implements XlContext {
  readonly workbook: WorkbookProxy;
  queue: Action[] = [];
  constructor(private readonly send: (context: TestContext) => Promise<void>) {
    this.workbook = new WorkbookProxy(this, 'workbook');
  }
  sync(): Promise<void> {
    return this.send(this);
  }
}

function notLoaded(name: string): HostError {
  return new HostError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export abstract class ProxyBase {
  private readonly loaded = new Map<string, unknown>();
  private nullObject: boolean | undefined;

  constructor(
    readonly ctx: TestContext,
    readonly path: string,
  ) {}

  /** A loaded property's value, as Office.js gives it after sync. */
  protected prop<T>(name: string): T {
    if (this.nullObject === true) throw new HostError('InvalidObjectPath', `The object is a null object; '${name}' cannot be read.`);
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw notLoaded('isNullObject');
    return this.nullObject;
  }

  load(propertyNames: string): this {
    this.ctx.queue.push({
      kind: 'load',
      obj: this,
      props: propertyNames
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== ''),
    });
    return this;
  }

  protected queueSet(prop: string, value: unknown): void {
    this.ctx.queue.push({ kind: 'set', obj: this, prop, value });
  }

  protected queueCall(method: string, ...args: unknown[]): void {
    this.ctx.queue.push({ kind: 'call', obj: this, method, args });
  }

  /** Server side: whether this object exists (binding it on first use). */
  abstract exists(server: Server): boolean;
  /** Server side: a property's current value. */
  abstract read(server: Server, prop: string): unknown;
  /** Server side: applies a setter. */
  write(_server: Server, prop: string, value: unknown): void {
    throw new HostError('InvalidArgument', `Cannot set ${prop} (to a ${typeof value})`);
  }
  /** Server side: runs a queued method. */
  invoke(_server: Server, method: string, args: unknown[]): void {
    throw new HostError('InvalidArgument', `Unknown method ${method} (${args.length} arguments)`);
  }
  /**
   * Whether a queued setter or method can change what formulas calculate:
   * Excel recalculates after an entry or a change to the sheets, not after
   * formatting (a fill, a number format, a note, a hidden column or sheet).
   */
  changesValues?(action: Action): boolean;

  /** Delivers a request's results to the proxy. */
  deliver(values: Map<string, unknown>, isNull: boolean): void {
    this.nullObject = isNull;
    for (const [k, v] of values) this.loaded.set(k, v);
  }
}

/**
 * Parts of the object model kept in files of their own (conditional formats,
 * `conditional-formats.ts`) plug in here, so they can build on this file
 * without an import cycle.
 */
export const extensions: {
  /** The conditional formats intersecting a range or ranges of a sheet (ExcelApi 1.6). */
  conditionalFormats?: (ctx: TestContext, path: string, target: (server: Server) => { sheet: HostSheet; rects: Rect[] }) => XlConditionalFormatCollection;
  /** `Range.dataValidation` (ExcelApi 1.8), `data-validation.ts`. */
  dataValidation?: (ctx: TestContext, path: string, target: (server: Server) => { sheet: HostSheet; rect: Rect }) => XlDataValidation;
  /** `Worksheet.charts` (ExcelApi 1.1), `charts.ts`. */
  charts?: (ctx: TestContext, path: string, sheet: (server: Server) => HostSheet) => XlChartCollection;
  /** `Worksheet.getRanges(address)` (ExcelApi 1.9). */
  rangeAreas?: (ctx: TestContext, path: string, sheet: WorksheetProxy, address: string | undefined) => XlRangeAreas;
} = {};

function extension<K extends keyof typeof extensions>(name: K): NonNullable<(typeof extensions)[K]> {
  const f = extensions[name];
  if (f === undefined) throw new Error(`test host: ${name} not loaded (import './conditional-formats')`);
  return f as NonNullable<(typeof extensions)[K]>;
}

/** The whole sheet (`Worksheet.getRange()` without an address): 1 048 576 rows × 16 384 columns. */
export const WHOLE_SHEET: Readonly<Rect> = Object.freeze({ top: 0, left: 0, bottom: 1_048_575, right: 16_383 });

export function requireVersion(server: Server, version: ExcelApiVersion, what: string): void {
  if (!server.supports(version)) throw new HostError('ApiNotFound', `${what} needs ExcelApi ${version}`);
}

class WorkbookProxy extends ProxyBase implements XlWorkbook {
  readonly worksheets: WorksheetCollectionProxy;
  constructor(ctx: TestContext, path: string) {
    super(ctx, path);
    this.worksheets = new WorksheetCollectionProxy(ctx, `${path}.worksheets`);
  }
  get readOnly(): boolean {
    return this.prop('readOnly');
  }
  exists(): boolean {
    return true;
  }
  read(server: Server, prop: string): unknown {
    if (prop === 'readOnly') {
      requireVersion(server, '1.8', 'Workbook.readOnly');
      return server.readOnly();
    }
    throw new HostError('InvalidArgument', `Workbook.${prop}`);
  }
}

class WorksheetCollectionProxy extends ProxyBase implements XlWorksheetCollection {
  get items(): WorksheetProxy[] {
    return this.prop('items');
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `${this.path}.getItem(${JSON.stringify(key)})`, (server) => findSheet(server, key, true));
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`, (server) => findSheet(server, key, false));
  }
  getFirst(visibleOnly = false): WorksheetProxy {
    const path = `${this.path}.getFirst(${String(visibleOnly)})`;
    return new WorksheetProxy(
      this.ctx,
      path,
      (server) => {
        const s = server.sheets.find((x) => !visibleOnly || x.visibility === 'Visible');
        if (s === undefined) throw new HostError('ItemNotFound', 'The workbook has no worksheet.');
        return s;
      },
      { root: path, index: 0 },
    );
  }
  private added = 0;
  /** Server side: the sheet each queued `add` created, by its number. */
  private readonly addedSheets = new Map<number, HostSheet>();
  add(name?: string): WorksheetProxy {
    const n = ++this.added;
    this.queueCall('add', name, n);
    // Bound to the sheet the queued `add` creates (it runs before anything queued after it).
    return new WorksheetProxy(this.ctx, `${this.path}.add(${JSON.stringify(name ?? '')})#${n}`, () => this.addedSheets.get(n) ?? null);
  }
  override invoke(server: Server, method: string, args: unknown[]): void {
    if (method !== 'add') return super.invoke(server, method, args);
    if (server.readOnly()) throw new HostError('AccessDenied', 'The workbook is read-only; changes cannot be made.');
    let name = args[0] as string | undefined;
    if (name === undefined) {
      let i = server.sheets.length + 1;
      while (findSheet(server, `Blad${i}`, false) !== null) i++;
      name = `Blad${i}`;
    }
    if (name.trim() === '' || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new HostError('InvalidArgument', `The sheet name ${name} is not valid.`);
    }
    if (findSheet(server, name, false) !== null) throw new HostError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
    const sheet = newSheet(name);
    server.sheets.push(sheet);
    this.addedSheets.set(args[1] as number, sheet);
  }
  /** A new sheet can give a formula that named it a value (it showed #REF!). */
  override changesValues(action: Action): boolean {
    return action.kind === 'call' && action.method === 'add';
  }
  exists(): boolean {
    return true;
  }
  private pendingSheets: HostSheet[] = [];
  read(server: Server, prop: string): unknown {
    const m = /^items\/(name|visibility|protection\/protected)$/.exec(prop);
    if (m === null) throw new HostError('InvalidArgument', `WorksheetCollection.${prop}`);
    this.pendingSheets = server.sheets.slice();
    return server.sheets.map((s) => (m[1] === 'name' ? s.name : m[1] === 'visibility' ? s.visibility : s.protected));
  }
  /** Collection loads create item proxies bound to the sheets. */
  override deliver(values: Map<string, unknown>, isNull: boolean): void {
    const items = this.pendingSheets.map((sheet, i) => {
      const item = new WorksheetProxy(this.ctx, `${this.path}.items[${i}]`, () => sheet);
      item.bind(sheet);
      const props = new Map<string, unknown>();
      for (const [key, list] of values) {
        const name = key.replace(/^items\//, '');
        if (name === 'protection/protected') item.protection.deliver(new Map([['protected', (list as unknown[])[i]]]), false);
        else props.set(name, (list as unknown[])[i]);
      }
      item.deliver(props, false);
      return item;
    });
    super.deliver(new Map([['items', items]]), isNull);
  }
}

function findSheet(server: Server, key: string, required: boolean): HostSheet | null {
  const s = server.sheets.find((x) => x.name.toLowerCase() === key.toLowerCase());
  if (s === undefined && required) throw new HostError('ItemNotFound', `The requested resource doesn't exist: ${key}`);
  return s ?? null;
}

class ProtectionProxy extends ProxyBase implements XlWorksheetProtection {
  constructor(
    ctx: TestContext,
    path: string,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx, path);
  }
  get protected(): boolean {
    return this.prop('protected');
  }
  exists(server: Server): boolean {
    return this.sheet.exists(server);
  }
  read(server: Server, prop: string): unknown {
    if (prop !== 'protected') throw new HostError('InvalidArgument', prop);
    return this.sheet.target(server).protected;
  }
}

export class WorksheetProxy extends ProxyBase implements XlWorksheet {
  private bound: HostSheet | null | undefined;
  readonly protection: ProtectionProxy;
  readonly notes: NoteCollectionProxy;
  constructor(
    ctx: TestContext,
    path: string,
    private readonly resolver: (server: Server) => HostSheet | null,
    /** For a `getFirst()` / `getNextOrNullObject()` chain: its start and this sheet's place in it. */
    private readonly chain?: { root: string; index: number },
  ) {
    super(ctx, path);
    this.protection = new ProtectionProxy(ctx, `${path}.protection`, this);
    this.notes = new NoteCollectionProxy(ctx, `${path}.notes`, this);
  }
  bind(sheet: HostSheet): void {
    this.bound = sheet;
  }
  get name(): string {
    return this.prop('name');
  }
  get visibility(): string {
    return this.prop('visibility');
  }
  private chartCollection: XlChartCollection | undefined;
  /** ExcelApi 1.1. */
  get charts(): XlChartCollection {
    this.chartCollection ??= extension('charts')(this.ctx, `${this.path}.charts`, (server) => this.target(server));
    return this.chartCollection;
  }
  set visibility(v: string) {
    this.queueSet('visibility', v);
  }
  exists(server: Server): boolean {
    if (this.bound === undefined) this.bound = this.resolver(server);
    return this.bound !== null;
  }
  target(server: Server): HostSheet {
    if (!this.exists(server) || this.bound === null || this.bound === undefined) throw new HostError('InvalidObjectPath', 'null worksheet');
    return this.bound;
  }
  read(server: Server, prop: string): unknown {
    const s = this.target(server);
    if (prop === 'name') return s.name;
    if (prop === 'visibility') return s.visibility;
    throw new HostError('InvalidArgument', `Worksheet.${prop}`);
  }
  getRange(address = ''): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.getRange(${JSON.stringify(address)})`, (server) => {
      const rect = address === '' ? { ...WHOLE_SHEET } : parseRect(address);
      if (rect === undefined) throw new HostError('InvalidArgument', `Bad address ${address}`);
      return { sheet: this.target(server), rect };
    });
  }
  getRanges(address?: string): XlRangeAreas {
    return extension('rangeAreas')(this.ctx, `${this.path}.getRanges(${JSON.stringify(address ?? '')})`, this, address);
  }
  getNextOrNullObject(visibleOnly = false): WorksheetProxy {
    // Office.js sends each object path once, by id: a chain costs the same per link however long it is.
    const chain = { root: this.chain?.root ?? this.path, index: (this.chain?.index ?? 0) + 1 };
    return new WorksheetProxy(
      this.ctx,
      `${chain.root}.next(${chain.index}${visibleOnly ? ',visible' : ''})`,
      (server) => {
        if (!this.exists(server)) return null; // a null object's next is a null object
        const sheet = this.target(server);
        const after = server.sheets.slice(server.sheets.indexOf(sheet) + 1);
        return after.find((x) => !visibleOnly || x.visibility === 'Visible') ?? null;
      },
      chain,
    );
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.ctx, `${this.path}.getUsedRangeOrNullObject(${String(valuesOnly)})`, (server) => {
      if (!this.exists(server)) return null; // a null sheet's used range is a null object
      const sheet = this.target(server);
      const rect = usedRect(sheet, valuesOnly);
      return rect === undefined ? null : { sheet, rect };
    });
  }
  activate(): void {
    this.queueCall('activate');
  }
  delete(): void {
    this.queueCall('delete');
  }
  override invoke(server: Server, method: string): void {
    const sheet = this.target(server);
    if (method === 'activate') return server.activate(sheet);
    if (method !== 'delete') return super.invoke(server, method, []);
    // Not undoable on any platform: refused inside a merged undo group
    // (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities, "Unsupported APIs").
    if (server.mergedUndo) throw new HostError('UndoNotSupported', 'Worksheet.delete cannot be part of an undo group.');
    // learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member:
    // a VeryHidden sheet cannot be deleted; its visibility must be changed first.
    if (sheet.visibility === 'VeryHidden') throw new HostError('InvalidOperation', 'A very hidden worksheet cannot be deleted.');
    if (server.readOnly()) throw new HostError('AccessDenied', 'The workbook is read-only; changes cannot be made.');
    if (sheet.visibility === 'Visible' && server.sheets.filter((s) => s.visibility === 'Visible').length === 1) {
      throw new HostError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    server.sheets.splice(server.sheets.indexOf(sheet), 1);
  }
  /** A deleted sheet's references become #REF!. */
  override changesValues(action: Action): boolean {
    return action.kind === 'call' && action.method === 'delete';
  }
  override write(server: Server, prop: string, value: unknown): void {
    if (prop !== 'visibility') return super.write(server, prop, value);
    const sheet = this.target(server);
    // Undoable on the web only: refused inside a merged undo group on Windows and Mac (excel-add-ins-undo-capabilities).
    if (server.mergedUndo && server.platform !== 'web') throw new HostError('UndoNotSupported', 'Worksheet.visibility cannot be part of an undo group on this platform.');
    if (server.readOnly()) throw new HostError('AccessDenied', 'The workbook is read-only; changes cannot be made.');
    if (value !== 'Visible' && value !== 'Hidden' && value !== 'VeryHidden') throw new HostError('InvalidArgument', `visibility ${String(value)}`);
    if (value !== 'Visible' && sheet.visibility === 'Visible' && server.sheets.filter((s) => s.visibility === 'Visible').length === 1) {
      throw new HostError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    }
    sheet.visibility = value;
  }
}

/** The used range: every cell with content (and, unless valuesOnly, any format). */
export function usedRect(sheet: HostSheet, valuesOnly: boolean): Rect | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  // Plain loops (holes read as undefined): this runs for every sheet of every read.
  const rows = sheet.rows;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row === undefined) continue;
    for (let col = 0; col < row.length; col++) {
      const c = row[col];
      if (c === undefined) continue;
      if (isEmptyContent(c) && (valuesOnly || (c.numberFormat === 'General' && c.fill.pattern === 'None'))) continue;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (col < left) left = col;
      if (col > right) right = col;
    }
  }
  return bottom < 0 ? undefined : { top, left, bottom, right };
}

interface RangeTarget {
  sheet: HostSheet;
  rect: Rect;
}

const JSON_ERROR_TYPES: Partial<Record<ErrorCode, string>> = {
  DIV_BY_ZERO: 'Div0',
  NA: 'NotAvailable',
  NAME: 'Name',
  NULL: 'Null',
  NUM: 'Num',
  REF: 'Ref',
  VALUE: 'Value',
  SPILL: 'Spill',
  CALC: 'Calc',
  GETTING_DATA: 'GettingData',
  FIELD: 'Field',
  BLOCKED: 'Blocked',
  CONNECT: 'Connect',
  BUSY: 'Busy',
  UNKNOWN: 'Unknown',
};

export class RangeProxy extends ProxyBase implements XlRange {
  private bound: RangeTarget | null | undefined;
  readonly format: XlRangeFormat;
  constructor(
    ctx: TestContext,
    path: string,
    private readonly resolver: (server: Server) => RangeTarget | null,
  ) {
    super(ctx, path);
    this.format = { fill: new FillProxy(ctx, `${path}.format.fill`, this) };
  }
  private formats: XlConditionalFormatCollection | undefined;
  get conditionalFormats(): XlConditionalFormatCollection {
    this.formats ??= extension('conditionalFormats')(this.ctx, `${this.path}.conditionalFormats`, (server) => {
      const { sheet, rect } = this.target(server);
      return { sheet, rects: [rect] };
    });
    return this.formats;
  }
  private validation: XlDataValidation | undefined;
  /** ExcelApi 1.8. */
  get dataValidation(): XlDataValidation {
    this.validation ??= extension('dataValidation')(this.ctx, `${this.path}.dataValidation`, (server) => this.target(server));
    return this.validation;
  }
  exists(server: Server): boolean {
    if (this.bound === undefined) this.bound = this.resolver(server);
    return this.bound !== null;
  }
  target(server: Server): RangeTarget {
    if (!this.exists(server) || this.bound === null || this.bound === undefined) throw new HostError('InvalidObjectPath', 'null range');
    return this.bound;
  }
  get address(): string {
    return this.prop('address');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  set values(v: unknown[][]) {
    this.queueSet('values', v);
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }
  set formulas(v: unknown[][]) {
    this.queueSet('formulas', v);
  }
  get numberFormat(): unknown[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.queueSet('numberFormat', v);
  }
  get valueTypes(): string[][] {
    return this.prop('valueTypes');
  }
  get valuesAsJson(): unknown[][] {
    return this.prop('valuesAsJson');
  }
  get columnHidden(): boolean {
    return this.prop('columnHidden');
  }
  set columnHidden(v: boolean) {
    this.queueSet('columnHidden', v);
  }
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.queueCall('clear', applyTo);
  }
  select(): void {
    this.queueCall('select');
  }
  getIntersectionOrNullObject(other: XlRange | string): RangeProxy {
    const path = `${this.path}.getIntersectionOrNullObject(${typeof other === 'string' ? JSON.stringify(other) : (other as RangeProxy).path})`;
    return new RangeProxy(this.ctx, path, (server) => {
      if (!this.exists(server)) return null;
      const a = this.target(server);
      let b: RangeTarget;
      if (typeof other === 'string') {
        const rect = parseRect(other);
        if (rect === undefined) throw new HostError('InvalidArgument', other);
        b = { sheet: a.sheet, rect };
      } else {
        const o = other as RangeProxy;
        if (!o.exists(server)) return null;
        b = o.target(server);
      }
      if (a.sheet !== b.sheet) throw new HostError('InvalidArgument', 'ranges on different sheets');
      const rect = { top: Math.max(a.rect.top, b.rect.top), left: Math.max(a.rect.left, b.rect.left), bottom: Math.min(a.rect.bottom, b.rect.bottom), right: Math.min(a.rect.right, b.rect.right) };
      return rect.top > rect.bottom || rect.left > rect.right ? null : { sheet: a.sheet, rect };
    });
  }

  /** Calls f for every cell of the range, row by row. */
  private grid<T>(server: Server, f: (cell: HostCell | undefined, row: number, col: number) => T): T[][] {
    const { sheet, rect } = this.target(server);
    const out: T[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const line: T[] = [];
      const row = sheet.rows[r];
      for (let c = rect.left; c <= rect.right; c++) line.push(f(row?.[c], r, c));
      out.push(line);
    }
    return out;
  }

  read(server: Server, prop: string): unknown {
    const { sheet, rect } = this.target(server);
    switch (prop) {
      case 'address':
        return qualifiedAddress(sheet.name, rectAddress(rect));
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      case 'values':
        return this.grid(server, (c) =>
          c === undefined ? '' : c.dataType !== undefined ? errorDisplayText('VALUE', server.language) : c.error !== undefined ? errorDisplayText(c.error, server.language) : (c.value ?? ''),
        );
      case 'valueTypes':
        return this.grid(server, (c) =>
          c?.dataType !== undefined
            ? 'Error'
            : c === undefined || (c.value === null && c.error === undefined)
              ? 'Empty'
              : c.error !== undefined
                ? 'Error'
                : typeof c.value === 'number'
                  ? 'Double'
                  : typeof c.value === 'boolean'
                    ? 'Boolean'
                    : 'String',
        );
      case 'formulas':
        return this.grid(server, (c) => (c === undefined ? '' : c.dataType !== undefined ? '#VALUE!' : (c.formula ?? (c.error !== undefined ? errorTextEnUs(c.error) : (c.value ?? '')))));
      case 'numberFormat':
        return this.grid(server, (c) => c?.numberFormat ?? 'General');
      case 'columnHidden': {
        let all = true;
        for (let c = rect.left; c <= rect.right; c++) all &&= sheet.hiddenColumns.has(c);
        return all;
      }
      case 'valuesAsJson':
        requireVersion(server, '1.16', 'Range.valuesAsJson');
        return this.grid(server, (c) => {
          if (c?.dataType !== undefined) return { type: c.dataType.type, basicType: 'Error', basicValue: '#VALUE!', errorType: 'Value', text: c.dataType.text, properties: {} };
          if (c === undefined || (c.value === null && c.error === undefined)) return { type: 'Empty', basicType: 'Empty', basicValue: '' };
          if (c.error !== undefined) return { type: 'Error', basicType: 'Error', basicValue: errorTextEnUs(c.error), errorType: JSON_ERROR_TYPES[c.error] ?? 'Unknown' };
          const t = typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String';
          return { type: t, basicType: t, basicValue: c.value };
        });
      default:
        throw new HostError('InvalidArgument', `Range.${prop}`);
    }
  }

  /** Applies a 2-D setter (a single value is spread over the range; null leaves a cell as it is). */
  private apply(server: Server, value: unknown, f: (cell: HostCell, v: unknown) => void): void {
    const { sheet, rect } = this.target(server);
    server.checkWritable(sheet);
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    const matrix = Array.isArray(value) ? (value as unknown[][]) : undefined;
    if (matrix !== undefined && (matrix.length !== rows || matrix.some((r) => !Array.isArray(r) || r.length !== cols))) {
      throw new HostError('InvalidArgument', 'The number of rows or columns in the input array does not match the size or dimensions of the range.');
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const v = matrix === undefined ? value : matrix[i]?.[j];
        if (v === null || v === undefined) continue;
        const row = (sheet.rows[rect.top + i] ??= []);
        const cell = (row[rect.left + j] ??= emptyCell());
        f(cell, v);
      }
    }
  }

  override write(server: Server, prop: string, value: unknown): void {
    const enter = (cell: HostCell, v: unknown, asFormula: boolean): void => {
      delete cell.dataType;
      delete cell.error;
      delete cell.formula;
      if (typeof v === 'number' || typeof v === 'boolean') {
        cell.value = v;
        return;
      }
      const text = String(v);
      const entry = asFormula && text.startsWith('=') && text.length > 1 ? { value: null, formula: text } : interpretEntry(text, cell.numberFormat);
      cell.value = entry.value;
      if (entry.error !== undefined) cell.error = entry.error;
      if (entry.formula !== undefined) cell.formula = entry.formula;
    };
    switch (prop) {
      case 'values':
        return this.apply(server, value, (c, v) => enter(c, v, false));
      case 'formulas':
        return this.apply(server, value, (c, v) => enter(c, v, true));
      case 'numberFormat':
        return this.apply(server, value, (c, v) => {
          c.numberFormat = String(v);
        });
      case 'columnHidden': {
        const { sheet, rect } = this.target(server);
        server.checkWritable(sheet);
        for (let c = rect.left; c <= rect.right; c++) {
          if (value === true) sheet.hiddenColumns.add(c);
          else sheet.hiddenColumns.delete(c);
        }
        return;
      }
      default:
        return super.write(server, prop, value);
    }
  }

  override invoke(server: Server, method: string, args: unknown[]): void {
    const { sheet, rect } = this.target(server);
    if (method === 'select') return server.select(sheet, rectAddress(rect));
    if (method !== 'clear') return super.invoke(server, method, args);
    server.checkWritable(sheet);
    const what = args[0] as string;
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row = sheet.rows[r];
      if (row === undefined) continue;
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = row[c];
        if (cell === undefined) continue;
        if (what === 'All' || what === 'Contents') {
          cell.value = null;
          delete cell.error;
          delete cell.formula;
        }
        if (what === 'All' || what === 'Formats') {
          cell.numberFormat = 'General';
          cell.fill = NO_FILL;
        }
      }
    }
  }

  /** Entries (values, formulas) and clearing contents; not number formats, hidden columns or selecting. */
  override changesValues(action: Action): boolean {
    if (action.kind === 'set') return action.prop === 'values' || action.prop === 'formulas';
    return action.kind === 'call' && action.method === 'clear' && action.args[0] !== 'Formats';
  }

  /** Server side, for the fill proxy: every cell of the range, created where missing. */
  cells(server: Server): HostCell[] {
    const { sheet, rect } = this.target(server);
    const out: HostCell[] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row = (sheet.rows[r] ??= []);
      for (let c = rect.left; c <= rect.right; c++) out.push((row[c] ??= emptyCell()));
    }
    return out;
  }

  sheetOf(server: Server): HostSheet {
    return this.target(server).sheet;
  }
}

class FillProxy extends ProxyBase implements XlRangeFill {
  constructor(
    ctx: TestContext,
    path: string,
    private readonly range: RangeProxy,
  ) {
    super(ctx, path);
  }
  get color(): string {
    return this.prop('color');
  }
  set color(v: string) {
    this.queueSet('color', v);
  }
  get pattern(): string {
    return this.prop('pattern');
  }
  set pattern(v: string) {
    this.queueSet('pattern', v);
  }
  get patternColor(): string {
    return this.prop('patternColor');
  }
  set patternColor(v: string) {
    this.queueSet('patternColor', v);
  }
  clear(): void {
    this.queueCall('clear');
  }
  exists(server: Server): boolean {
    return this.range.exists(server);
  }
  read(server: Server, prop: string): unknown {
    const fills = this.range.cells(server).map((c) => c.fill);
    const uniform = <T>(f: (x: (typeof fills)[number]) => T): T | null => {
      const first = fills[0] === undefined ? null : f(fills[0]);
      return fills.every((x) => f(x) === first) ? first : null;
    };
    if (prop === 'color') return uniform((f) => (f.pattern === 'None' ? '#FFFFFF' : f.color)); // no fill reads as white, as in Excel
    if (prop === 'pattern') {
      requireVersion(server, '1.9', 'RangeFill.pattern');
      return uniform((f) => f.pattern);
    }
    if (prop === 'patternColor') {
      requireVersion(server, '1.9', 'RangeFill.patternColor');
      return uniform((f) => f.patternColor);
    }
    throw new HostError('InvalidArgument', `RangeFill.${prop}`);
  }
  override write(server: Server, prop: string, value: unknown): void {
    server.checkWritable(this.range.sheetOf(server));
    const v = String(value).toUpperCase();
    if (prop !== 'color') requireVersion(server, '1.9', `RangeFill.${prop}`);
    for (const cell of this.range.cells(server)) {
      if (prop === 'color') cell.fill = { ...cell.fill, pattern: cell.fill.pattern === 'None' ? 'Solid' : cell.fill.pattern, color: v };
      else if (prop === 'pattern') cell.fill = { ...cell.fill, pattern: String(value) };
      else if (prop === 'patternColor') cell.fill = { ...cell.fill, patternColor: v };
      else super.write(server, prop, value);
    }
  }
  override invoke(server: Server, method: string, args: unknown[]): void {
    if (method !== 'clear') return super.invoke(server, method, args);
    server.checkWritable(this.range.sheetOf(server));
    for (const cell of this.range.cells(server)) cell.fill = NO_FILL;
  }
}

class NoteCollectionProxy extends ProxyBase implements XlNoteCollection {
  constructor(
    ctx: TestContext,
    path: string,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx, path);
  }
  add(cellAddress: string, content: string): void {
    this.queueCall('add', cellAddress, content);
  }
  getItemOrNullObject(key: string): NoteProxy {
    return new NoteProxy(this.ctx, `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`, this.sheet, key);
  }
  exists(server: Server): boolean {
    requireVersion(server, '1.18', 'Worksheet.notes');
    return this.sheet.exists(server);
  }
  read(_server: Server, prop: string): unknown {
    throw new HostError('InvalidArgument', `NoteCollection.${prop}`);
  }
  override invoke(server: Server, method: string, args: unknown[]): void {
    requireVersion(server, '1.18', 'Worksheet.notes');
    if (method !== 'add') return super.invoke(server, method, args);
    const sheet = this.sheet.target(server);
    server.checkWritable(sheet);
    const key = normalizeCell(String(args[0]));
    if (sheet.notes.has(key)) throw new HostError('InvalidArgument', 'The cell already has a note.');
    sheet.notes.set(key, server.noteAuthor === undefined ? String(args[1]) : `${server.noteAuthor}:\n${String(args[1])}`);
  }
}

function normalizeCell(address: string): string {
  const r = parseRect(address);
  return r === undefined ? address : cellAddress(r.top, r.left);
}

class NoteProxy extends ProxyBase implements XlNote {
  constructor(
    ctx: TestContext,
    path: string,
    private readonly sheet: WorksheetProxy,
    private readonly key: string,
  ) {
    super(ctx, path);
  }
  get content(): string {
    return this.prop('content');
  }
  set content(v: string) {
    this.queueSet('content', v);
  }
  delete(): void {
    this.queueCall('delete');
  }
  exists(server: Server): boolean {
    requireVersion(server, '1.18', 'Worksheet.notes');
    return this.sheet.exists(server) && this.sheet.target(server).notes.has(normalizeCell(this.key));
  }
  read(server: Server, prop: string): unknown {
    if (prop !== 'content') throw new HostError('InvalidArgument', `Note.${prop}`);
    return this.sheet.target(server).notes.get(normalizeCell(this.key));
  }
  override invoke(server: Server, method: string, args: unknown[]): void {
    if (method !== 'delete') return super.invoke(server, method, args);
    const sheet = this.sheet.target(server);
    server.checkWritable(sheet);
    sheet.notes.delete(normalizeCell(this.key));
  }
}
