/**
 * Data validation in the test host (`Range.dataValidation`, ExcelApi 1.8,
 * https://learn.microsoft.com/javascript/api/excel/excel.datavalidation),
 * as much as the add-in uses: list rules.
 * - `rule = { list: { inCellDropDown, source } }`: the cells of the range get
 *   the list (ListDataValidation: `source` is "a string that contains a
 *   comma-separated number, boolean, or date", or a range). Microsoft's own
 *   samples clear the validation before setting a rule and the reference does
 *   not say what setting a rule over cells that already have another does, so
 *   the host refuses it (InvalidOperation): the adapter always clears first,
 *   which is right either way.
 * - `errorAlert = { showAlert, style, title, message }` (style `Stop` by
 *   default, `Warning`, `Information`) on the range's validation.
 * - `clear()`: the range's cells lose their validation (parts of a larger
 *   validation outside the range keep it).
 * - `type` loads `None` (no cell validated), `List` (every cell under one
 *   list) or `Inconsistent`; `rule` loads the list of a consistent range.
 * Writing needs ExcelApi 1.8 (ApiNotFound) and a writable sheet (AccessDenied).
 * Not modelled: other rule types, `prompt`, `ignoreBlanks`, `valid`,
 * `getInvalidCellsOrNullObject`.
 */
import type { Rect } from '../address';
import type { XlDataValidation, XlDataValidationErrorAlert, XlDataValidationRule } from '../validation';
import { extensions, HostError, ProxyBase, requireVersion, type Server, type TestContext } from './proxies';
import type { HostDataValidation, HostSheet } from './state';

function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** `a` without `b`: up to four rectangles. */
function subtract(a: Rect, b: Rect): Rect[] {
  if (!intersects(a, b)) return [a];
  const out: Rect[] = [];
  if (a.top < b.top) out.push({ top: a.top, bottom: b.top - 1, left: a.left, right: a.right });
  if (a.bottom > b.bottom) out.push({ top: b.bottom + 1, bottom: a.bottom, left: a.left, right: a.right });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) out.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) out.push({ top, bottom, left: b.right + 1, right: a.right });
  return out;
}

function validationsOf(sheet: HostSheet): HostDataValidation[] {
  sheet.dataValidations ??= [];
  return sheet.dataValidations;
}

class DataValidationProxy extends ProxyBase implements XlDataValidation {
  constructor(
    ctx: TestContext,
    path: string,
    private readonly target: (server: Server) => { sheet: HostSheet; rect: Rect },
  ) {
    super(ctx, path);
  }
  get type(): string {
    return this.prop('type');
  }
  get rule(): XlDataValidationRule {
    return this.prop('rule');
  }
  set rule(v: XlDataValidationRule) {
    this.queueSet('rule', v);
  }
  get errorAlert(): XlDataValidationErrorAlert {
    return this.prop('errorAlert');
  }
  set errorAlert(v: XlDataValidationErrorAlert) {
    this.queueSet('errorAlert', v);
  }
  clear(): void {
    this.queueCall('clear');
  }
  exists(server: Server): boolean {
    requireVersion(server, '1.8', 'Range.dataValidation');
    this.target(server);
    return true;
  }
  private over(server: Server): { sheet: HostSheet; rect: Rect; here: HostDataValidation[] } {
    const { sheet, rect } = this.target(server);
    return { sheet, rect, here: (sheet.dataValidations ?? []).filter((v) => v.rects.some((r) => intersects(r, rect))) };
  }
  read(server: Server, prop: string): unknown {
    const { rect, here } = this.over(server);
    // One validation whose cells include every cell of the range.
    const whole = here.length === 1 && here[0]!.rects.reduce<Rect[]>((left, r) => left.flatMap((x) => subtract(x, r)), [rect]).length === 0;
    switch (prop) {
      case 'type':
        return here.length === 0 ? 'None' : whole ? 'List' : 'Inconsistent';
      case 'rule':
        return whole ? { list: { inCellDropDown: here[0]!.inCellDropDown, source: here[0]!.source } } : {};
      case 'errorAlert':
        return whole ? { ...here[0]!.alert } : { message: '', showAlert: true, style: 'Stop', title: '' };
      default:
        throw new HostError('InvalidArgument', `DataValidation.${prop}`);
    }
  }
  override write(server: Server, prop: string, value: unknown): void {
    const { sheet, rect, here } = this.over(server);
    server.checkWritable(sheet);
    if (prop === 'rule') {
      const list = (value as XlDataValidationRule | null)?.list;
      if (list === undefined || typeof list.source !== 'string' || list.source.trim() === '') throw new HostError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      if (here.length > 0) throw new HostError('InvalidOperation', 'The range already has a data validation; clear it first.');
      validationsOf(sheet).push({ rects: [{ ...rect }], source: list.source, inCellDropDown: list.inCellDropDown !== false, alert: { message: '', showAlert: true, style: 'Stop', title: '' } });
      return;
    }
    if (prop === 'errorAlert') {
      const alert = value as Partial<XlDataValidationErrorAlert>;
      if (alert.style !== undefined && !['Stop', 'Warning', 'Information'].includes(alert.style)) throw new HostError('InvalidArgument', `DataValidationAlertStyle ${alert.style}`);
      for (const v of here) v.alert = { ...v.alert, ...alert };
      return;
    }
    super.write(server, prop, value);
  }
  override invoke(server: Server, method: string, args: unknown[]): void {
    if (method !== 'clear') return super.invoke(server, method, args);
    const { sheet, rect } = this.over(server);
    server.checkWritable(sheet);
    sheet.dataValidations = validationsOf(sheet)
      .map((v) => ({ ...v, rects: v.rects.flatMap((r) => subtract(r, rect)) }))
      .filter((v) => v.rects.length > 0);
  }
}

extensions.dataValidation = (ctx, path, target) => new DataValidationProxy(ctx, path, target);
