/**
 * What the rules share: reading a table cell as a number with its rounding
 * interval (or as blank, a "not meaningful" marker, an error, text), the
 * table's value columns, and the displayed precision of a cell.
 */
import { errorCodeFromText, errorTextEnUs } from '../errors';
import { cellAt, isBlank, type Cell, type ErrorCode, type SheetGrid } from '../grid';
import { decimalsOfHalfUnit, exact, roundTo, type ChangeUnit, type Interval } from '../interval';
import { constantHalfUnit, isMarkerText, formatDecimals, isPercentFormat, MAX_FIGURE, readNumber } from '../numbers';
import { finding, type FindingFields, type RuleContext } from '../rule';
import type { Finding, MessageParams } from '../finding';
import { tkrFactor, type TableColumn, type TableRow, type VarianceTable } from '../table';
import type { ChangeBasis, TableFigures } from './figures';

/**
 * What a table cell holds, as the rules see it. A number is its own rounding
 * interval (`lo`, `hi`: value ± half), so reading a cell makes one object.
 */
export type Slot =
  | { kind: 'number'; value: number; half: number; lo: number; hi: number; formula: boolean }
  | { kind: 'blank' }
  /** A "not meaningful" marker: `–`, `e.j.`, or a formula that returns "" (a guarded change %). */
  | { kind: 'marker'; text: string }
  | { kind: 'error'; code: ErrorCode; text: string; fromText: boolean }
  /** Text that is neither a number, an error nor a marker. */
  | { kind: 'text'; text: string }
  /** A formula without a calculated value (the adapter had none): nothing can be said about it. */
  | { kind: 'unknown' };

export type NumberSlot = Extract<Slot, { kind: 'number' }>;

export { isMarkerText };

/** A number slot: value ± half (as `around` makes it). */
function numberSlot(value: number, half: number, formula: boolean): NumberSlot {
  const h = Math.abs(half);
  return { kind: 'number', value, half, lo: value - h, hi: value + h, formula };
}

export type ErrorSlot = Extract<Slot, { kind: 'error' }>;

/**
 * The cell's error, exactly as `readSlot` reads it, or undefined when it
 * holds none; for label columns, where nothing else is read.
 */
export function readErrorSlot(cell: Cell): ErrorSlot | undefined {
  if (cell.error !== undefined) return readSlot(cell) as ErrorSlot;
  const v = cell.value;
  if (typeof v !== 'string') return undefined;
  const code = errorCodeFromText(v);
  return code === undefined ? undefined : { kind: 'error', code, text: v.trim(), fromText: cell.formula === undefined };
}

/**
 * Reads a cell. `percentDivisor` converts a number written as text with a
 * percent sign (`12,8 %`) into the column's unit: 100 for a fraction column.
 */
export function readSlot(cell: Cell, percentDivisor = 1): Slot {
  if (cell.error !== undefined) {
    const text = typeof cell.value === 'string' && cell.value.trim() !== '' ? cell.value.trim() : errorTextEnUs(cell.error);
    return { kind: 'error', code: cell.error, text, fromText: cell.errorIsText === true || (cell.formula === undefined && typeof cell.value === 'string') };
  }
  if (isBlank(cell)) return { kind: 'blank' };
  const v = cell.value;
  if (typeof v === 'string') {
    const code = errorCodeFromText(v);
    if (code !== undefined) return { kind: 'error', code, text: v.trim(), fromText: cell.formula === undefined };
    if (v.trim() === '' || isMarkerText(v)) return { kind: 'marker', text: v.trim() };
    const r = readNumber(cell);
    if (r === undefined) return { kind: 'text', text: v.trim() };
    const d = r.percentText ? percentDivisor : 1;
    return numberSlot(r.value / d, r.halfUnit / d, false);
  }
  if (typeof v === 'number') {
    // readNumber without its object: a formula's result is exact, a constant known to ± half its last shown unit.
    if (!Number.isFinite(v) || Math.abs(v) > MAX_FIGURE) return { kind: 'text', text: String(v) };
    const formula = cell.formula !== undefined;
    return numberSlot(v, formula ? 0 : constantHalfUnit(v, cell.numberFormat), formula);
  }
  if (typeof v === 'boolean') return { kind: 'text', text: v ? 'TRUE' : 'FALSE' };
  return { kind: 'unknown' };
}

/** The unit a change-% cell is in: a number shown with a % format is a fraction; text is read as printed (× 100). */
export function changeUnitOfCell(cell: Cell, table: VarianceTable): ChangeUnit {
  if (typeof cell.value === 'number' || (cell.formula !== undefined && cell.value === null)) {
    if (isPercentFormat(cell.numberFormat)) return 'fraction';
    return cell.numberFormat !== undefined && formatDecimals(cell.numberFormat) !== undefined ? 'percent' : table.changeUnit;
  }
  return 'percent';
}

/** Reads a change-% cell in its own unit. */
export function readChange(cell: Cell, table: VarianceTable): { slot: Slot; unit: ChangeUnit } {
  const unit = changeUnitOfCell(cell, table);
  return { slot: readSlot(cell, unit === 'fraction' ? 100 : 1), unit };
}

/**
 * An amount as an interval: a number as read; an empty cell or a dash as an
 * exact 0 (the ledger prints nothing for nothing). Undefined for errors,
 * text and formulas without a value.
 */
export function amountInterval(slot: Slot): Interval | undefined {
  if (slot.kind === 'number') return slot;
  if (slot.kind === 'blank' || slot.kind === 'marker') return exact(0);
  return undefined;
}

/** The amount's value (0 for empty), for expected figures. */
export function amountValue(slot: Slot): number | undefined {
  if (slot.kind === 'number') return slot.value;
  if (slot.kind === 'blank' || slot.kind === 'marker') return 0;
  return undefined;
}

/** Decimals a cell shows: from its rounding when it is a constant, else from its number format. */
export function shownDecimals(cell: Cell, slot: Slot, fallback: number): number {
  if (slot.kind === 'number' && slot.half > 0) return decimalsOfHalfUnit(slot.half);
  const d = formatDecimals(cell.numberFormat);
  if (d === undefined) return fallback;
  return d + (isPercentFormat(cell.numberFormat) && typeof cell.value === 'number' ? 2 : 0);
}

/** The value a cell displays (rounded at its format's decimals, or at its own rounding). */
export function displayedValue(cell: Cell, slot: NumberSlot): number {
  return displayedNumber(cell, slot.value, slot.half);
}

/** `displayedValue` of a number read from the cell as value ± half. */
export function displayedNumber(cell: Cell, value: number, half: number): number {
  const d = formatDecimals(cell.numberFormat);
  if (d === undefined) return half > 0 ? value : roundTo(value, 6);
  return roundTo(value, d + (isPercentFormat(cell.numberFormat) && typeof cell.value === 'number' ? 2 : 0));
}

/** A change value in percent for messages (a fraction × 100). */
export function asPercent(value: number, unit: ChangeUnit): number {
  return unit === 'fraction' ? value * 100 : value;
}

/** The label a row is known by in messages: `KLFÖ Kommunledn Fördelning`, or `Summa` for the total. */
export function rowLabel(table: VarianceTable, row: TableRow): string {
  if (table.total !== null && row.row === table.total.row) return row.name === '' ? 'Summa' : row.name;
  return [row.code, row.name].filter((s) => s !== '').join(' ');
}

/** What a finding about one cell of a table row says: the row stands for its sheet row and its label. */
export interface RowFindingFields extends Omit<FindingFields, 'sheet' | 'row' | 'table' | 'params'> {
  table: VarianceTable;
  sheet: SheetGrid;
  row: TableRow;
  /** The message's parameters besides `label`, the row's label. */
  params?: MessageParams;
}

/** A finding at a cell of a table row, its message naming the row (`label`). */
export function rowFinding(f: RowFindingFields): Finding {
  return finding({ ...f, sheet: f.sheet.name, row: f.row.row, params: { label: rowLabel(f.table, f.row), ...f.params } });
}

/**
 * A warning that a row's change % means nothing (`sign-flip`, `tiny-base`):
 * at the change cell, with the Bokslut and Utfall it rests on and the % as printed.
 */
export function meaninglessChangeFinding(rule: 'sign-flip' | 'tiny-base', sheet: SheetGrid, table: VarianceTable, row: TableRow, change: NumberSlot, unit: ChangeUnit, basis: ChangeBasis): Finding {
  return rowFinding({
    rule,
    severity: 'warning',
    table,
    sheet,
    row,
    col: (table.columns.change as TableColumn).col,
    expected: null,
    actual: change.value,
    messageId: rule,
    params: { bokslut: basis.bokslut as number, utfall: basis.utfall as number, change: roundTo(asPercent(change.value, unit), 1) },
  });
}

/** True when an extra column holds a percentage (its header or format says so), so it is not an amount. */
export function isPercentColumn(sheet: SheetGrid, table: VarianceTable, column: TableColumn): boolean {
  if (/%|förändr|forandr|procent|percent/i.test(column.header)) return true;
  for (const r of table.rows) {
    const cell = cellAt(sheet, r.row, column.col);
    if (typeof cell.value === 'number') return isPercentFormat(cell.numberFormat);
  }
  return false;
}

/** Every value column: the five and all extras, in sheet order. */
export function allValueColumns(table: VarianceTable): TableColumn[] {
  const out: TableColumn[] = [];
  for (const m of ['previous', 'actual', 'budget', 'variance', 'change'] as const) {
    const c = table.columns[m];
    if (c !== undefined) out.push(c);
  }
  for (const e of table.extraColumns) out.push(e);
  return inSheetOrder(out, (c) => c.col);
}

/** Columns sorted left to right by their sheet column (`colOf`), sorted only when they are not in order yet (most tables list them in order). */
export function inSheetOrder<T>(columns: T[], colOf: (column: T) => number): T[] {
  for (let k = 1; k < columns.length; k++) if (colOf(columns[k - 1] as T) > colOf(columns[k] as T)) return columns.sort((a, b) => colOf(a) - colOf(b));
  return columns;
}

/** The tolerance option (in tkr) in the table's own amount unit: × 1 000 for a table in kr. */
export function amountTolerance(ctx: RuleContext, table: VarianceTable): number {
  return ctx.options.tolerance / tkrFactor(table.unit);
}

/** Calls fn for each table whose sheet exists, with the table's figures as this check has read them. */
export function eachTable(ctx: RuleContext, fn: (table: VarianceTable, sheet: SheetGrid, figures: TableFigures) => void): void {
  for (const table of ctx.tables) {
    const sheet = ctx.sheet(table.sheet);
    if (sheet !== undefined) fn(table, sheet, ctx.figures(table, sheet));
  }
}
