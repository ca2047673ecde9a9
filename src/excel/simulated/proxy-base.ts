/**
 * The base of the simulated Office.js proxies: `ProxyBase` (load, queued
 * setters and methods, delivered results), the request's `Action`s, the
 * `Server` a proxy talks to, `HostError`, and the `extensions` other files
 * plug into. The proxies themselves are in `proxies.ts` (workbook, sheets),
 * `range-proxies.ts` (ranges, fills) and `note-proxies.ts` (notes).
 */
import type { Rect } from '../address';
import type { ExcelApiVersion, XlConditionalFormatCollection, XlRangeAreas } from '../xl';
import type { XlDataValidation } from '../validation';
import type { XlChartCollection } from '../chart';
import type { HostSheet } from './state';
import type { TestContext, WorksheetProxy } from './proxies';

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

export function extension<K extends keyof typeof extensions>(name: K): NonNullable<(typeof extensions)[K]> {
  const f = extensions[name];
  if (f === undefined) throw new Error(`test host: ${name} not loaded (import './conditional-formats')`);
  return f as NonNullable<(typeof extensions)[K]>;
}

/** The whole sheet (`Worksheet.getRange()` without an address): 1 048 576 rows × 16 384 columns. */
export const WHOLE_SHEET: Readonly<Rect> = Object.freeze({ top: 0, left: 0, bottom: 1_048_575, right: 16_383 });

export function requireVersion(server: Server, version: ExcelApiVersion, what: string): void {
  if (!server.supports(version)) throw new HostError('ApiNotFound', `${what} needs ExcelApi ${version}`);
}
