/**
 * Proxy objects that behave like Office.js's: a property can be read only
 * after it was loaded and a sync ran (else `PropertyNotLoaded`); setters and
 * methods are queued and take effect, in order, at `sync()`. Each object is
 * bound to its workbook object the first time a request touches it (a used
 * range is computed then, as Excel does), and keeps that binding.
 *
 * This file holds the request context, the workbook and its sheets; the
 * proxies' base is in `proxy-base.ts`, ranges and fills in `range-proxies.ts`,
 * notes in `note-proxies.ts` (the base and `RangeProxy` are re-exported here).
 */
import { parseRect, type Rect } from '../address';
import type { XlContext, XlWorkbook, XlWorksheet, XlWorksheetCollection, XlWorksheetProtection, XlRangeAreas } from '../xl';
import type { XlChartCollection } from '../chart';
import { isEmptyContent, newSheet, type HostSheet } from './state';
import { extension, HostError, ProxyBase, requireVersion, WHOLE_SHEET, type Action, type Server } from './proxy-base';
import { RangeProxy } from './range-proxies';
import { NoteCollectionProxy } from './note-proxies';

export { extensions, HostError, ProxyBase, requireVersion, WHOLE_SHEET, type Action, type Server } from './proxy-base';
export { RangeProxy } from './range-proxies';

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
