/**
 * Conditional formats in the test host, as Excel keeps them: per sheet, in
 * priority order (a new format goes on top), each with an id that is its
 * position in its collection (so ids shift), a type, the ranges it applies to and, for a `Custom` format, its
 * rule formula and fill. What a cell shows is its own fill unless a format
 * over it whose rule is met sets a fill (`displayedFill`).
 *
 * The object model (behind the same proxies as the rest of the host):
 * - `Range.conditionalFormats` (ExcelApi 1.6) and `Worksheet.getRanges(address)`
 *   with `RangeAreas.conditionalFormats` (ExcelApi 1.9): the formats that
 *   intersect the range(s); `Worksheet.getRange()` / `getRanges()` without an
 *   address give the whole sheet;
 * - `ConditionalFormatCollection.add(type)` (over the collection's ranges, at
 *   the top), `getItem(id)` (ItemNotFound when the collection has no such
 *   format), and loads of `items/id`, `items/type`, `items/priority`,
 *   `items/customOrNullObject/rule/formula` and
 *   `items/customOrNullObject/format/fill/color` (a null object for a format
 *   that is not `Custom`);
 * - `ConditionalFormat.id`, `.type`, `.priority`, `.custom` (fails on another
 *   type), `.customOrNullObject`, `.delete()`; `custom.rule.formula` and
 *   `custom.format.fill.color` to read and set, `fill.clear()`.
 * Adding, deleting and setting need a writable sheet (AccessDenied on a
 * protected sheet or a read-only workbook), like every other write.
 *
 * Not modelled: `getItemOrNullObject` (ExcelApi 1.14), formats of other
 * types beyond their type and ranges, `Range.clear` removing formats, and
 * rule formulas that refer to cells (the host evaluates a rule that refers to
 * no cell with `evaluator.ts`; one that refers to cells counts as not met).
 */
import { parseRect, qualifiedAddress, rectAddress, type Rect } from '../address';
import type { XlConditionalFormat, XlConditionalFormatCollection, XlConditionalFormatRule, XlConditionalRangeFill, XlConditionalRangeFormat, XlCustomConditionalFormat, XlRangeAreas } from '../xl';
import { evaluate, understands } from './evaluator';
import { extensions, HostError, ProxyBase, requireVersion, WHOLE_SHEET, type Server, type TestContext, type WorksheetProxy } from './proxies';
import type { HostConditionalFormat, HostFill, HostSheet } from './state';

/**
 * `ConditionalFormat.id` is documented as "the priority of the conditional
 * format within the current ConditionalFormatCollection"
 * (learn.microsoft.com/javascript/api/excel/excel.conditionalformat#excel-excel-conditionalformat-id-member):
 * a position, 0 for the top, that shifts when a format is added on top or one
 * above is deleted. The simulated Excel hands out exactly that.
 */
function positionalId(list: readonly HostConditionalFormat[], cf: HostConditionalFormat): string {
  return String(list.indexOf(cf));
}

function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

/**
 * The ranges of an address list (`F5, F9:F11`); the whole sheet without one.
 * Only the given separator is taken: desktop Excel with a locale whose list
 * separator is `;` refuses `,` with InvalidArgument (office-js issues 1167, 1985).
 */
export function parseAreas(address: string | undefined, separator: ',' | ';' = ','): Rect[] {
  if (address === undefined || address.trim() === '') return [{ ...WHOLE_SHEET }];
  return address.split(separator).map((part) => {
    const rect = parseRect(part.trim());
    if (rect === undefined || part.includes('!')) throw new HostError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    return rect;
  });
}

function formatsOf(sheet: HostSheet): HostConditionalFormat[] {
  return (sheet.conditionalFormats ??= []);
}

/** Whether a format's rule is met: a `Custom` rule that refers to no cell and evaluates to TRUE (or a non-zero number). */
function ruleMet(cf: HostConditionalFormat): boolean {
  if (cf.type !== 'Custom' || cf.formula === '' || !understands(cf.formula)) return false;
  let refersToCells = false;
  const v = evaluate(cf.formula, () => {
    refersToCells = true;
    return null;
  });
  return !refersToCells && (v === true || (typeof v === 'number' && v !== 0));
}

/** What a cell shows: the fill of the highest-priority format over it whose rule is met, else its own fill. */
export function displayedFill(sheet: HostSheet, row: number, col: number, own: HostFill): HostFill {
  for (const cf of sheet.conditionalFormats ?? []) {
    if (cf.fill === null || !cf.ranges.some((r) => contains(r, row, col)) || !ruleMet(cf)) continue;
    return { pattern: 'Solid', color: cf.fill, patternColor: '#000000' };
  }
  return own;
}

/** A plain copy of a sheet's conditional formats, highest priority first, for assertions and snapshots. */
export interface FormatSnapshot {
  id: string;
  type: string;
  /** `F5,F9:F11`. */
  ranges: string;
  formula: string;
  fill: string | null;
}

/** A sheet's conditional formats as plain data, highest priority first. */
export function formatSnapshots(sheet: HostSheet): FormatSnapshot[] {
  const list = sheet.conditionalFormats ?? [];
  return list.map((cf) => ({ id: positionalId(list, cf), type: cf.type, ranges: cf.ranges.map(rectAddress).join(','), formula: cf.formula, fill: cf.fill }));
}

/**
 * What a sheet's formats show, for `TestHost.snapshot()`: each one's type,
 * ranges, rule and fill, in priority order, without ids (an id is a handle,
 * not part of the workbook the economist sees: a mark deleted and added
 * again over the same cells leaves the workbook as it was).
 */
export function formatContents(sheet: HostSheet): Omit<FormatSnapshot, 'id'>[] {
  return formatSnapshots(sheet).map((f) => ({ type: f.type, ranges: f.ranges, formula: f.formula, fill: f.fill }));
}

/** Adds a format directly, as the economist would in Excel (on top); returns its id. */
export function addFormat(sheet: HostSheet, address: string, format: { type?: string; formula?: string; fill?: string | null }): string {
  const cf: HostConditionalFormat = { type: format.type ?? 'Custom', ranges: parseAreas(address), formula: format.formula ?? '', fill: format.fill?.toUpperCase() ?? null };
  formatsOf(sheet).unshift(cf);
  return positionalId(formatsOf(sheet), cf);
}

interface Owner {
  sheet: HostSheet;
  rects: Rect[];
}

interface Bound {
  sheet: HostSheet;
  cf: HostConditionalFormat;
}

/** `Worksheet.getRanges(address)` (ExcelApi 1.9). */
class RangeAreasProxy extends ProxyBase implements XlRangeAreas {
  private bound: Owner | null | undefined;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;
  constructor(
    ctx: TestContext,
    path: string,
    private readonly sheet: WorksheetProxy,
    private readonly list: string | undefined,
  ) {
    super(ctx, path);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(ctx, `${path}.conditionalFormats`, (server) => this.target(server));
  }
  exists(server: Server): boolean {
    requireVersion(server, '1.9', 'Worksheet.getRanges');
    if (this.bound === undefined) this.bound = this.sheet.exists(server) ? { sheet: this.sheet.target(server), rects: parseAreas(this.list, server.listSeparator) } : null;
    return this.bound !== null;
  }
  target(server: Server): Owner {
    if (!this.exists(server) || this.bound === null || this.bound === undefined) throw new HostError('InvalidObjectPath', 'null range areas');
    return this.bound;
  }
  get address(): string {
    return this.prop('address');
  }
  read(server: Server, prop: string): unknown {
    const { sheet, rects } = this.target(server);
    if (prop === 'address') return rects.map((r) => qualifiedAddress(sheet.name, rectAddress(r))).join(', ');
    throw new HostError('InvalidArgument', `RangeAreas.${prop}`);
  }
}

const ITEM_PROPS = new Set(['id', 'type', 'priority', 'customOrNullObject/rule/formula', 'customOrNullObject/format/fill/color']);

/** The conditional formats intersecting a range or ranges (ExcelApi 1.6). */
class ConditionalFormatCollectionProxy extends ProxyBase implements XlConditionalFormatCollection {
  private bound: Owner | undefined;
  private added = 0;
  /** Server side: the format each queued `add` created, by its number. */
  private readonly created = new Map<number, Bound>();
  /** Server side: the formats a load listed, for `deliver`. */
  private listed: HostConditionalFormat[] = [];
  constructor(
    ctx: TestContext,
    path: string,
    private readonly owner: (server: Server) => Owner,
  ) {
    super(ctx, path);
  }
  get items(): ConditionalFormatProxy[] {
    return this.prop('items');
  }
  exists(server: Server): boolean {
    requireVersion(server, '1.6', 'Range.conditionalFormats');
    this.bound ??= this.owner(server);
    return true;
  }
  private target(server: Server): Owner {
    this.exists(server);
    return this.bound as Owner;
  }
  /** Server side: the sheet's formats that intersect the owner's ranges, highest priority first. */
  private list(server: Server): HostConditionalFormat[] {
    const { sheet, rects } = this.target(server);
    return (sheet.conditionalFormats ?? []).filter((cf) => cf.ranges.some((a) => rects.some((b) => intersects(a, b))));
  }
  add(type: 'Custom'): ConditionalFormatProxy {
    const n = ++this.added;
    this.queueCall('add', type, n);
    // Bound to the format the queued `add` creates (it runs before anything queued after it).
    return new ConditionalFormatProxy(
      this.ctx,
      `${this.path}.add(${JSON.stringify(type)})#${n}`,
      () => this.created.get(n) ?? null,
      (server) => this.list(server),
    );
  }
  /** The format at this position of the collection when the request runs (ids are positions, see `positionalId`). */
  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(
      this.ctx,
      `${this.path}.getItem(${JSON.stringify(id)})`,
      (server) => {
        const cf = /^\d+$/.test(id) ? this.list(server)[Number(id)] : undefined;
        if (cf === undefined) throw new HostError('ItemNotFound', `The requested resource doesn't exist: conditional format ${id}`);
        return { sheet: this.target(server).sheet, cf };
      },
      (server) => this.list(server),
    );
  }
  override invoke(server: Server, method: string, args: unknown[]): void {
    if (method !== 'add') return super.invoke(server, method, args);
    const { sheet, rects } = this.target(server);
    server.checkWritable(sheet);
    const cf: HostConditionalFormat = { type: String(args[0]), ranges: rects.map((r) => ({ ...r })), formula: '', fill: null };
    formatsOf(sheet).unshift(cf);
    this.created.set(args[1] as number, { sheet, cf });
  }
  read(server: Server, prop: string): unknown {
    const item = prop.startsWith('items/') ? prop.slice('items/'.length) : '';
    if (!ITEM_PROPS.has(item)) throw new HostError('InvalidArgument', `ConditionalFormatCollection.${prop}`);
    const { sheet } = this.target(server);
    const list = this.list(server);
    this.listed = list;
    const custom = (cf: HostConditionalFormat, v: unknown): unknown => (cf.type === 'Custom' ? v : null);
    return list.map((cf) => {
      if (item === 'id') return positionalId(list, cf);
      if (item === 'type') return cf.type;
      if (item === 'priority') return formatsOf(sheet).indexOf(cf);
      if (item === 'customOrNullObject/rule/formula') return custom(cf, cf.formula);
      return custom(cf, cf.fill);
    });
  }
  /** A collection load creates item proxies bound to the formats, with what was loaded of each. */
  override deliver(values: Map<string, unknown>, isNull: boolean): void {
    const sheet = this.bound?.sheet;
    const items = this.listed.map((cf, i) => {
      const item = new ConditionalFormatProxy(
        this.ctx,
        `${this.path}.items[${i}]`,
        () => (sheet === undefined ? null : { sheet, cf }),
        (server) => this.list(server),
      );
      const own = new Map<string, unknown>();
      let formula: unknown;
      let color: unknown;
      for (const [key, list] of values) {
        const v = (list as unknown[])[i];
        const name = key.slice('items/'.length);
        if (name === 'customOrNullObject/rule/formula') formula = v;
        else if (name === 'customOrNullObject/format/fill/color') color = v;
        else own.set(name, v);
      }
      item.deliver(own, false);
      const c = item.customOrNullObject;
      c.deliver(new Map(), cf.type !== 'Custom');
      if (formula !== undefined) c.rule.deliver(new Map([['formula', formula]]), false);
      if (color !== undefined) c.format.fill.deliver(new Map([['color', color]]), false);
      return item;
    });
    this.listed = [];
    super.deliver(new Map([['items', items]]), isNull);
  }
}

/** One conditional format (ExcelApi 1.6). */
class ConditionalFormatProxy extends ProxyBase implements XlConditionalFormat {
  private bound: Bound | null | undefined;
  readonly custom: CustomFormatProxy;
  readonly customOrNullObject: CustomFormatProxy;
  constructor(
    ctx: TestContext,
    path: string,
    private readonly resolver: (server: Server) => Bound | null,
    /** The collection it belongs to, as the request finds it: its id is its position there. */
    private readonly collection: (server: Server) => HostConditionalFormat[],
  ) {
    super(ctx, path);
    this.custom = new CustomFormatProxy(ctx, `${path}.custom`, this, false);
    this.customOrNullObject = new CustomFormatProxy(ctx, `${path}.customOrNullObject`, this, true);
  }
  get id(): string {
    return this.prop('id');
  }
  get type(): string {
    return this.prop('type');
  }
  exists(server: Server): boolean {
    if (this.bound === undefined) this.bound = this.resolver(server);
    // A format deleted earlier (in this batch or before) is gone.
    return this.bound !== null && (this.bound.sheet.conditionalFormats ?? []).includes(this.bound.cf);
  }
  target(server: Server): Bound {
    if (!this.exists(server)) throw new HostError('ItemNotFound', 'The conditional format does not exist.');
    return this.bound as Bound;
  }
  read(server: Server, prop: string): unknown {
    const { sheet, cf } = this.target(server);
    if (prop === 'id') return positionalId(this.collection(server), cf);
    if (prop === 'type') return cf.type;
    if (prop === 'priority') return formatsOf(sheet).indexOf(cf);
    throw new HostError('InvalidArgument', `ConditionalFormat.${prop}`);
  }
  delete(): void {
    this.queueCall('delete');
  }
  override invoke(server: Server, method: string, args: unknown[]): void {
    if (method !== 'delete') return super.invoke(server, method, args);
    const { sheet, cf } = this.target(server);
    server.checkWritable(sheet);
    const list = formatsOf(sheet);
    list.splice(list.indexOf(cf), 1);
  }
}

/** `ConditionalFormat.custom` (fails on another type) or `.customOrNullObject` (a null object then). */
class CustomFormatProxy extends ProxyBase implements XlCustomConditionalFormat {
  readonly rule: RuleProxy;
  readonly format: XlConditionalRangeFormat & { fill: ConditionalFillProxy };
  constructor(
    ctx: TestContext,
    path: string,
    private readonly parent: ConditionalFormatProxy,
    private readonly orNull: boolean,
  ) {
    super(ctx, path);
    this.rule = new RuleProxy(ctx, `${path}.rule`, this);
    this.format = { fill: new ConditionalFillProxy(ctx, `${path}.format.fill`, this) };
  }
  exists(server: Server): boolean {
    if (!this.parent.exists(server)) return false;
    if (this.parent.target(server).cf.type === 'Custom') return true;
    if (this.orNull) return false;
    throw new HostError('InvalidArgument', 'The conditional format is not of type Custom.');
  }
  target(server: Server): Bound {
    if (!this.exists(server)) throw new HostError('InvalidObjectPath', 'null custom conditional format');
    return this.parent.target(server);
  }
  read(_server: Server, prop: string): unknown {
    throw new HostError('InvalidArgument', `CustomConditionalFormat.${prop}`);
  }
}

class RuleProxy extends ProxyBase implements XlConditionalFormatRule {
  constructor(
    ctx: TestContext,
    path: string,
    private readonly custom: CustomFormatProxy,
  ) {
    super(ctx, path);
  }
  get formula(): string {
    return this.prop('formula');
  }
  set formula(v: string) {
    this.queueSet('formula', v);
  }
  exists(server: Server): boolean {
    return this.custom.exists(server);
  }
  read(server: Server, prop: string): unknown {
    if (prop !== 'formula') throw new HostError('InvalidArgument', `ConditionalFormatRule.${prop}`);
    return this.custom.target(server).cf.formula;
  }
  override write(server: Server, prop: string, value: unknown): void {
    if (prop !== 'formula') return super.write(server, prop, value);
    const { sheet, cf } = this.custom.target(server);
    server.checkWritable(sheet);
    cf.formula = String(value);
  }
}

class ConditionalFillProxy extends ProxyBase implements XlConditionalRangeFill {
  constructor(
    ctx: TestContext,
    path: string,
    private readonly custom: CustomFormatProxy,
  ) {
    super(ctx, path);
  }
  get color(): string {
    return this.prop('color');
  }
  set color(v: string) {
    this.queueSet('color', v);
  }
  clear(): void {
    this.queueCall('clear');
  }
  exists(server: Server): boolean {
    return this.custom.exists(server);
  }
  read(server: Server, prop: string): unknown {
    if (prop !== 'color') throw new HostError('InvalidArgument', `ConditionalRangeFill.${prop}`);
    return this.custom.target(server).cf.fill;
  }
  override write(server: Server, prop: string, value: unknown): void {
    if (prop !== 'color') return super.write(server, prop, value);
    const { sheet, cf } = this.custom.target(server);
    server.checkWritable(sheet);
    cf.fill = String(value).toUpperCase();
  }
  override invoke(server: Server, method: string, args: unknown[]): void {
    if (method !== 'clear') return super.invoke(server, method, args);
    const { sheet, cf } = this.custom.target(server);
    server.checkWritable(sheet);
    cf.fill = null;
  }
}

extensions.conditionalFormats = (ctx, path, target) => new ConditionalFormatCollectionProxy(ctx, path, target);
extensions.rangeAreas = (ctx, path, sheet, address) => new RangeAreasProxy(ctx, path, sheet, address);
