/**
 * What the rules share: reading a table cell as a number with its rounding
 * interval (or as blank, a "not meaningful" marker, an error, text), the
 * table's value columns, and the displayed precision of a cell.
 */
import { errorCodeFromText, errorTextEnUs } from '../errors';
import { cellAt, isBlank, type Cell, type ErrorCode, type SheetGrid } from '../grid';
import { decimalsOfHalfUnit, exact, roundTo, type ChangeUnit, type Interval } from '../interval';
import { constantHalfUnit, isMarkerText, formatDecimals, halfUnitShown, isPercentFormat, MAX_FIGURE, readNumber, shownStoredDecimals } from '../numbers';
import { formulaHalf } from '../precision';
import { finding, type FindingFields, type RuleContext } from '../rule';
import type { Finding, MessageParams } from '../finding';
import { tkrFactor, type Measure, type TableColumn, type TableRow, type VarianceTable } from '../table';

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
function displayedNumber(cell: Cell, value: number, half: number): number {
  const d = formatDecimals(cell.numberFormat);
  if (d === undefined) return half > 0 ? value : roundTo(value, 6);
  return roundTo(value, d + (isPercentFormat(cell.numberFormat) && typeof cell.value === 'number' ? 2 : 0));
}

/** A change value in percent for messages (a fraction × 100). */
export function asPercent(value: number, unit: ChangeUnit): number {
  return unit === 'fraction' ? value * 100 : value;
}

const BLANK: Slot = { kind: 'blank' };
/** Kinds of a column's rows: 0 is any other slot (kept as read). */
const K_CONSTANT = 1;
const K_FORMULA = 2;
const K_BLANK = 3;
/** A "not meaningful" marker (kept as read, like the other slots). */
const K_MARKER = 4;

/**
 * A column's cells read once per check and shared by every rule, one per row
 * of `tableRows` (data rows, then the total). Numbers are kept in typed
 * arrays and handed out as a fresh `Slot` by `get` (a slot lives only as long
 * as a rule looks at it: keeping 600 000 of them alive through a check cost
 * more than all the rules); the rare text, error and marker cells as read.
 *
 * The rules' per-row loops read the figures without making slots at all
 * (`isNumber`, `lo`, `hi`, `amount`, `amountLo`, `amountHi`), and make the
 * slot objects only for the rows they report: a check of a 6 000-row workbook
 * otherwise allocates tens of megabytes of short-lived slots and intervals,
 * and the collector's time for them is most of the check's.
 */
export class SlotColumn {
  readonly length: number;
  private readonly kinds: Uint8Array;
  /** value, half for row i at 2i, 2i + 1. */
  private readonly numbers: Float64Array;
  private readonly others = new Map<number, Slot>();
  /** Per row: 1 when the change % is stored as a fraction (change columns only). */
  private readonly fractions: Uint8Array | undefined;

  /** `store`: the table's arrays to take this column's part of (one allocation per table, not three per column). */
  constructor(sheet: SheetGrid, rows: readonly TableRow[], col: number, changeOf?: VarianceTable, store?: ColumnStore) {
    const n = rows.length;
    this.length = n;
    if (store !== undefined && store.used < store.columns) {
      const k = store.used++;
      this.kinds = store.kinds.subarray(k * n, (k + 1) * n);
      this.numbers = store.numbers.subarray(2 * k * n, 2 * (k + 1) * n);
    } else {
      this.kinds = new Uint8Array(n);
      this.numbers = new Float64Array(2 * n);
    }
    this.fractions = changeOf === undefined ? undefined : new Uint8Array(n);
    // A column's cells share one or two number formats: what a format says is worked out when it changes.
    let format: string | undefined;
    let shownStored = shownStoredDecimals(undefined);
    let numberUnit: ChangeUnit | undefined;
    for (let i = 0; i < n; i++) {
      const cell = cellAt(sheet, (rows[i] as TableRow).row, col);
      const v = cell.value;
      if (cell.numberFormat !== format) {
        format = cell.numberFormat;
        shownStored = shownStoredDecimals(format);
        numberUnit = undefined;
      }
      let divisor = 1;
      if (changeOf !== undefined) {
        // changeUnitOfCell, remembered per format for number cells (whose unit only their format decides).
        const unit = typeof v === 'number' ? (numberUnit ??= changeUnitOfCell(cell, changeOf)) : changeUnitOfCell(cell, changeOf);
        if (unit === 'fraction') {
          (this.fractions as Uint8Array)[i] = 1;
          divisor = 100;
        }
      }
      if (typeof v === 'number' && cell.error === undefined && Number.isFinite(v) && Math.abs(v) <= MAX_FIGURE) {
        // readSlot's number case, without the object.
        const formula = cell.formula !== undefined;
        this.kinds[i] = formula ? K_FORMULA : K_CONSTANT;
        this.numbers[2 * i] = v;
        // A formula that adds typed, rounded figures is only as exact as they are.
        this.numbers[2 * i + 1] = formula ? sumHalf(sheet, cell.formula as string) : halfUnitShown(v, shownStored);
        continue;
      }
      const slot = readSlot(cell, divisor);
      if (slot.kind === 'number') {
        this.kinds[i] = slot.formula ? K_FORMULA : K_CONSTANT;
        this.numbers[2 * i] = slot.value;
        this.numbers[2 * i + 1] = slot.half;
      } else if (slot.kind === 'blank') {
        this.kinds[i] = K_BLANK;
      } else {
        if (slot.kind === 'marker') this.kinds[i] = K_MARKER;
        this.others.set(i, slot);
      }
    }
  }

  /** The slot of row i (as `readSlot` reads the cell). */
  get(i: number): Slot {
    const k = this.kinds[i];
    if (k === K_CONSTANT || k === K_FORMULA) return numberSlot(this.numbers[2 * i] as number, this.numbers[2 * i + 1] as number, k === K_FORMULA);
    if (k === K_BLANK) return BLANK;
    return this.others.get(i) ?? BLANK;
  }

  /** The kind of row i's slot, without making the slot. */
  kind(i: number): Slot['kind'] {
    const k = this.kinds[i];
    if (k === K_CONSTANT || k === K_FORMULA) return 'number';
    if (k === K_BLANK) return 'blank';
    if (k === K_MARKER) return 'marker';
    return (this.others.get(i) ?? BLANK).kind;
  }

  /** True when row i holds a number (`kind(i) === 'number'`). */
  isNumber(i: number): boolean {
    const k = this.kinds[i];
    return k === K_CONSTANT || k === K_FORMULA;
  }

  /** Row i's number (its slot's `value`); NaN when it holds none. */
  value(i: number): number {
    return this.isNumber(i) ? (this.numbers[2 * i] as number) : Number.NaN;
  }

  /** Half the last shown unit of row i's number (its slot's `half`); NaN when it holds none. */
  half(i: number): number {
    return this.isNumber(i) ? (this.numbers[2 * i + 1] as number) : Number.NaN;
  }

  /** The low end of row i's number (its slot's `lo`); NaN when it holds none. */
  lo(i: number): number {
    return this.isNumber(i) ? (this.numbers[2 * i] as number) - Math.abs(this.numbers[2 * i + 1] as number) : Number.NaN;
  }

  /** The high end of row i's number (its slot's `hi`); NaN when it holds none. */
  hi(i: number): number {
    return this.isNumber(i) ? (this.numbers[2 * i] as number) + Math.abs(this.numbers[2 * i + 1] as number) : Number.NaN;
  }

  /** Row i as an amount (`amountValue`): a number as read, empty or a marker as 0; NaN for errors, text and unknown values. */
  amount(i: number): number {
    const k = this.kinds[i];
    if (k === K_CONSTANT || k === K_FORMULA) return this.numbers[2 * i] as number;
    return k === K_BLANK || k === K_MARKER ? 0 : Number.NaN;
  }

  /** The low end of row i as an amount (`amountInterval(…).lo`); NaN where `amount` is. */
  amountLo(i: number): number {
    const k = this.kinds[i];
    if (k === K_CONSTANT || k === K_FORMULA) return (this.numbers[2 * i] as number) - Math.abs(this.numbers[2 * i + 1] as number);
    return k === K_BLANK || k === K_MARKER ? 0 : Number.NaN;
  }

  /** The high end of row i as an amount (`amountInterval(…).hi`); NaN where `amount` is. */
  amountHi(i: number): number {
    const k = this.kinds[i];
    if (k === K_CONSTANT || k === K_FORMULA) return (this.numbers[2 * i] as number) + Math.abs(this.numbers[2 * i + 1] as number);
    return k === K_BLANK || k === K_MARKER ? 0 : Number.NaN;
  }

  /** The unit of row i's change % (change columns; 'percent' elsewhere). */
  unit(i: number): ChangeUnit {
    return this.fractions !== undefined && this.fractions[i] === 1 ? 'fraction' : 'percent';
  }
}

/**
 * The rounding a formula that adds up rows carries (`=SUM(E4:E18)`, `=E4+E5+E6+E7`):
 * a difference within a row (`=C5-D5`) is exact against the figures the rules
 * compare it with, which are its own inputs.
 */
function sumHalf(sheet: SheetGrid, formula: string): number {
  return ADDS_UP_ROWS.test(formula) ? formulaHalf(sheet, formula) : 0;
}

/** A range (`E4:E18`) or three or more terms added or subtracted (`=E4+E5+E6+E7`). */
const ADDS_UP_ROWS = /:|(?:[+-][^+-]*){3}/;

/**
 * Per table, each column's cells read once and shared by every rule of one
 * check (rules are linear in the table's size; a cell is parsed once, not
 * once per rule). Keyed by sheet and table objects, so an edited copy of a
 * workbook is read afresh.
 */
interface TableView {
  rows: TableRow[];
  columns: Map<number, SlotColumn>;
  change?: SlotColumn;
  store: ColumnStore;
  amountColumns?: readonly ValueColumn[];
  meanings?: readonly ChangeMeaning[];
}

/** The typed arrays a table's columns share: room for `columns` columns of the table's rows. */
interface ColumnStore {
  kinds: Uint8Array;
  numbers: Float64Array;
  columns: number;
  used: number;
}

const VIEWS = new WeakMap<SheetGrid, WeakMap<VarianceTable, TableView>>();

function viewOf(sheet: SheetGrid, table: VarianceTable): TableView {
  let bySheet = VIEWS.get(sheet);
  if (bySheet === undefined) {
    bySheet = new WeakMap();
    VIEWS.set(sheet, bySheet);
  }
  let view = bySheet.get(table);
  if (view === undefined) {
    const rows = table.total === null ? table.rows : [...table.rows, table.total];
    // Every value column, and the change column read once more in its own unit.
    const columns = 6 + table.extraColumns.length;
    view = { rows, columns: new Map(), store: { kinds: new Uint8Array(columns * rows.length), numbers: new Float64Array(2 * columns * rows.length), columns, used: 0 } };
    bySheet.set(table, view);
  }
  return view;
}

/** Data rows followed by the total row, if any. */
export function rowsWithTotal(table: VarianceTable): TableRow[] {
  return table.total === null ? table.rows : [...table.rows, table.total];
}

/** Data rows followed by the total row, shared by the rules of one check (index i matches `columnSlots`). */
export function tableRows(sheet: SheetGrid, table: VarianceTable): TableRow[] {
  return viewOf(sheet, table).rows;
}

/** The slots of a column, one per row of `rowsWithTotal` (data rows first, then the total). */
export function columnSlots(sheet: SheetGrid, table: VarianceTable, col: number): SlotColumn {
  const view = viewOf(sheet, table);
  let slots = view.columns.get(col);
  if (slots === undefined) {
    slots = new SlotColumn(sheet, view.rows, col, undefined, view.store);
    view.columns.set(col, slots);
  }
  return slots;
}

/**
 * The change-% slots in each cell's own unit (`readChange`), one per row of
 * `rowsWithTotal`, with `unit(i)`; empty without a change column.
 */
export function changeSlots(sheet: SheetGrid, table: VarianceTable): SlotColumn {
  const change = table.columns.change;
  const view = viewOf(sheet, table);
  if (change === undefined) return new SlotColumn(sheet, [], 0, table);
  view.change ??= new SlotColumn(sheet, view.rows, change.col, table, view.store);
  return view.change;
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

/** A value column to add up or check: one of the five or an extra one. */
export interface ValueColumn {
  measure: Measure | 'extra';
  column: TableColumn;
}

/** True when an extra column holds a percentage (its header or format says so), so it is not an amount. */
function isPercentColumn(sheet: SheetGrid, table: VarianceTable, column: TableColumn): boolean {
  if (/%|förändr|forandr|procent|percent/i.test(column.header)) return true;
  for (const r of table.rows) {
    const cell = cellAt(sheet, r.row, column.col);
    if (typeof cell.value === 'number') return isPercentFormat(cell.numberFormat);
  }
  return false;
}

/**
 * The amount columns in tkr: Bokslut, Utfall, Budget, Avv and the extra amount
 * columns (Prognos …), in sheet order; worked out once per table and check.
 */
export function amountColumns(sheet: SheetGrid, table: VarianceTable): readonly ValueColumn[] {
  const view = viewOf(sheet, table);
  view.amountColumns ??= findAmountColumns(sheet, table);
  return view.amountColumns;
}

function findAmountColumns(sheet: SheetGrid, table: VarianceTable): ValueColumn[] {
  const out: ValueColumn[] = [];
  for (const m of ['previous', 'actual', 'budget', 'variance'] as const) {
    const c = table.columns[m];
    if (c !== undefined) out.push({ measure: m, column: c });
  }
  for (const e of table.extraColumns) if (!isPercentColumn(sheet, table, e)) out.push({ measure: 'extra', column: e });
  return out.sort((a, b) => a.column.col - b.column.col);
}

const VALUE_COLUMNS = new WeakMap<VarianceTable, readonly TableColumn[]>();

/** Every value column: the five and all extras, in sheet order (worked out once per table). */
export function allValueColumns(table: VarianceTable): readonly TableColumn[] {
  let columns = VALUE_COLUMNS.get(table);
  if (columns === undefined) {
    columns = findValueColumns(table);
    VALUE_COLUMNS.set(table, columns);
  }
  return columns;
}

function findValueColumns(table: VarianceTable): TableColumn[] {
  const out: TableColumn[] = [];
  for (const m of ['previous', 'actual', 'budget', 'variance', 'change'] as const) {
    const c = table.columns[m];
    if (c !== undefined) out.push(c);
  }
  out.push(...table.extraColumns);
  return out.sort((a, b) => a.col - b.col);
}

/** The tolerance option (in tkr) in the table's own amount unit: × 1 000 for a table in kr. */
export function amountTolerance(ctx: RuleContext, table: VarianceTable): number {
  return ctx.options.tolerance / tkrFactor(table.unit);
}

/** Calls fn for each table whose sheet exists. */
export function eachTable(ctx: RuleContext, fn: (table: VarianceTable, sheet: SheetGrid) => void): void {
  for (const table of ctx.tables) {
    const sheet = ctx.sheet(table.sheet);
    if (sheet !== undefined) fn(table, sheet);
  }
}

/** Whether a row's change % can mean anything, and the figures it rests on. */
export interface ChangeBasis {
  /**
   * `zero-base`: Bokslut shows as 0 (or is empty); `sign-flip`: Bokslut and
   * Utfall have opposite signs; `unknown`: a figure is missing or unreadable.
   */
  meaning: 'meaningful' | 'zero-base' | 'sign-flip' | 'unknown';
  bokslut?: number;
  utfall?: number;
  /** Whether Utfall shows as 0. */
  utfallZero?: boolean;
}

/** True when the cell shows 0 (an empty cell too): the number rounded at its displayed precision is 0. */
function showsZero(cell: Cell, slots: SlotColumn, index: number): boolean {
  const kind = slots.kind(index);
  if (kind === 'blank' || kind === 'marker') return true;
  if (kind !== 'number') return false;
  return displayedNumber(cell, slots.value(index), slots.half(index)) === 0 || (slots.lo(index) <= 0 && slots.hi(index) >= 0);
}

/** What a row's change % can mean (`ChangeBasis['meaning']`). */
export type ChangeMeaning = ChangeBasis['meaning'];

/**
 * Each row's `changeBasis` meaning (index i as `tableRows`: data rows, then
 * the total), worked out once per table and check: sign-flip, tiny-base and
 * missing-value all ask for it, row by row.
 */
export function changeMeanings(sheet: SheetGrid, table: VarianceTable): readonly ChangeMeaning[] {
  const view = viewOf(sheet, table);
  if (view.meanings !== undefined) return view.meanings;
  const { previous, actual } = table.columns;
  const rows = view.rows;
  const meanings = new Array<ChangeMeaning>(rows.length);
  if (previous === undefined || actual === undefined) {
    meanings.fill('unknown');
  } else {
    const bs = columnSlots(sheet, table, previous.col);
    const as = columnSlots(sheet, table, actual.col);
    for (let i = 0; i < rows.length; i++) {
      const row = (rows[i] as TableRow).row;
      meanings[i] = meaningOf(bs, as, i, cellAt(sheet, row, previous.col), cellAt(sheet, row, actual.col));
    }
  }
  view.meanings = meanings;
  return meanings;
}

/** The meaning of row i's change %, from its Bokslut and Utfall readings and cells. */
function meaningOf(bs: SlotColumn, as: SlotColumn, i: number, bokslutCell: Cell, utfallCell: Cell): ChangeMeaning {
  const bokslut = bs.amount(i);
  const utfall = as.amount(i);
  if (Number.isNaN(bokslut) || Number.isNaN(utfall)) return 'unknown';
  if (bs.kind(i) === 'blank' && as.kind(i) === 'blank') return 'unknown';
  const utfallZero = showsZero(utfallCell, as, i);
  if (showsZero(bokslutCell, bs, i)) return 'zero-base';
  if (!utfallZero && Math.sign(bokslut) !== Math.sign(utfall)) return 'sign-flip';
  return 'meaningful';
}

/** Row i's change-% meaning (`changeMeanings(sheet, table)[i]`). */
export function changeMeaning(sheet: SheetGrid, table: VarianceTable, index: number): ChangeMeaning {
  return changeMeanings(sheet, table)[index] ?? 'unknown';
}

/** Row i's change-% meaning with the figures it rests on (for the rows a rule reports). */
export function changeBasis(sheet: SheetGrid, table: VarianceTable, index: number): ChangeBasis {
  const meaning = changeMeaning(sheet, table, index);
  const { previous, actual } = table.columns;
  if (meaning === 'unknown' || previous === undefined || actual === undefined) return { meaning };
  const as = columnSlots(sheet, table, actual.col);
  const row = (viewOf(sheet, table).rows[index] as TableRow).row;
  return { meaning, bokslut: columnSlots(sheet, table, previous.col).amount(index), utfall: as.amount(index), utfallZero: showsZero(cellAt(sheet, row, actual.col), as, index) };
}
