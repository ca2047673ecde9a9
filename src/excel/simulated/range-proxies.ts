/**
 * The simulated `Range` and its `RangeFill`: values, formulas, number formats
 * and fills read and written cell by cell on the host sheet.
 */
import { type ErrorCode, errorTextEnUs } from '../../engine';
import { parseRect, qualifiedAddress, rectAddress, type Rect } from '../address';
import type { XlConditionalFormatCollection, XlRange, XlRangeFill, XlRangeFormat } from '../xl';
import type { XlDataValidation } from '../validation';
import { emptyCell, errorDisplayText, interpretEntry, NO_FILL, type HostCell, type HostSheet } from './state';
import { extension, HostError, ProxyBase, requireVersion, type Action, type Server } from './proxy-base';
import type { TestContext } from './proxies';
import { boxOf } from './geometry';

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
  /** Where the range is, in points (ExcelApi 1.10, `geometry.ts`). */
  get left(): number {
    return this.prop('left');
  }
  get top(): number {
    return this.prop('top');
  }
  get width(): number {
    return this.prop('width');
  }
  get height(): number {
    return this.prop('height');
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
      case 'left':
      case 'top':
      case 'width':
      case 'height':
        requireVersion(server, '1.10', `Range.${prop}`);
        return boxOf(sheet, rect)[prop];
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
