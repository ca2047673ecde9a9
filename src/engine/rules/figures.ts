/**
 * A table's figures as the rules read them: each column's cells read once
 * per check (`SlotColumn`) and what the rules ask of every row (the change
 * %'s meaning), shared by the rules through `TableFigures`. `checkWorkbook`
 * makes one `TableFigures` per table and passes it in the rule context, so
 * a cell is parsed once per check, not once per rule, and nothing is kept
 * between checks.
 */
import { cellAt, type Cell, type SheetGrid } from '../grid';
import type { ChangeUnit } from '../interval';
import { MAX_FIGURE, TypedHalfUnits } from '../numbers';
import { formulaHalf } from '../precision';
import type { Measure, TableColumn, TableRow, VarianceTable } from '../table';
import { allValueColumns, changeUnitOfCell, displayedNumber, inSheetOrder, isPercentColumn, readSlot, type Slot } from './common';

const BLANK: Slot = { kind: 'blank' };

/**
 * A column's cells, one per row of the table's rows with the total: numbers
 * as their value, half-unit and whether a formula computed them (`get`
 * makes the slot), the rare text, error and marker cells as read. The rules'
 * per-row loops read the figures without making slots (`isNumber`, `lo`,
 * `hi`, `amount` …) and make slots only for the rows they report.
 */
export class SlotColumn {
  readonly length: number;
  // Arrays of the table's length from the start: a large table's columns are not copied as they grow.
  /** Per row: the number, NaN where the cell holds none. */
  private readonly values: Float64Array;
  private readonly halves: Float64Array;
  /** Per row: 1 where a formula computed the number, 0 elsewhere. */
  private readonly computed: Uint8Array;
  /** Per row, the rare cell that holds no number and is not empty (text, an error, a marker, a formula without a value); made for the first. */
  private others: Map<number, Slot> | undefined;
  /** Per row, for a change column: the unit the cell's % is in. */
  private readonly units: ChangeUnit[];

  /** `changeOf`: the table, when the column is its change % (each cell read in its own unit). */
  constructor(sheet: SheetGrid, rows: readonly TableRow[], col: number, changeOf?: VarianceTable) {
    this.length = rows.length;
    this.values = new Float64Array(rows.length);
    this.halves = new Float64Array(rows.length);
    this.computed = new Uint8Array(rows.length);
    this.units = new Array<ChangeUnit>(changeOf === undefined ? 0 : rows.length);
    // A column's cells share one or two number formats: what a format says is worked out when it changes.
    const typed = new TypedHalfUnits();
    let format: string | undefined;
    let numberUnit: ChangeUnit | undefined;
    for (let i = 0; i < rows.length; i++) {
      const cell = cellAt(sheet, (rows[i] as TableRow).row, col);
      const v = cell.value;
      if (cell.numberFormat !== format) {
        format = cell.numberFormat;
        numberUnit = undefined;
      }
      let divisor = 1;
      if (changeOf !== undefined) {
        // A number cell's unit is its format's, worked out once per format.
        const unit = typeof v === 'number' ? (numberUnit ??= changeUnitOfCell(cell, changeOf)) : changeUnitOfCell(cell, changeOf);
        this.units[i] = unit;
        if (unit === 'fraction') divisor = 100;
      }
      if (typeof v === 'number' && cell.error === undefined && Number.isFinite(v) && Math.abs(v) <= MAX_FIGURE) {
        // readSlot's number case; a formula that adds typed, rounded figures is only as exact as they are.
        const formula = cell.formula !== undefined;
        this.set(i, v, formula ? sumHalf(sheet, cell.formula as string) : typed.of(v, cell.numberFormat), formula);
        continue;
      }
      const slot = readSlot(cell, divisor);
      if (slot.kind === 'number') {
        this.set(i, slot.value, slot.half, slot.formula);
      } else {
        this.set(i, Number.NaN, Number.NaN, false);
        if (slot.kind !== 'blank') (this.others ??= new Map()).set(i, slot);
      }
    }
  }

  private set(i: number, value: number, half: number, formula: boolean): void {
    this.values[i] = value;
    this.halves[i] = half;
    this.computed[i] = formula ? 1 : 0;
  }

  /** The slot of row i (as `readSlot` reads the cell). */
  get(i: number): Slot {
    if (this.isNumber(i)) {
      const value = this.values[i] as number;
      const half = Math.abs(this.halves[i] as number);
      return { kind: 'number', value, half: this.halves[i] as number, lo: value - half, hi: value + half, formula: this.computed[i] === 1 };
    }
    return this.others?.get(i) ?? BLANK;
  }

  /** The kind of row i's slot, without making the slot. */
  kind(i: number): Slot['kind'] {
    return this.isNumber(i) ? 'number' : (this.others?.get(i) ?? BLANK).kind;
  }

  // The per-row readers below read the arrays directly (an index past the end reads as NaN) and stay
  // small, so that the rules' loops take them in without making an object for each number they return.

  /** True when row i holds a number (`kind(i) === 'number'`). */
  isNumber(i: number): boolean {
    return !Number.isNaN(this.values[i] ?? Number.NaN);
  }

  /** Row i's number (its slot's `value`); NaN when it holds none. */
  value(i: number): number {
    return this.values[i] ?? Number.NaN;
  }

  /** Half the last shown unit of row i's number (its slot's `half`); NaN when it holds none. */
  half(i: number): number {
    return this.halves[i] ?? Number.NaN;
  }

  /** The low end of row i's number (its slot's `lo`); NaN when it holds none. */
  lo(i: number): number {
    return this.value(i) - Math.abs(this.half(i));
  }

  /** The high end of row i's number (its slot's `hi`); NaN when it holds none. */
  hi(i: number): number {
    return this.value(i) + Math.abs(this.half(i));
  }

  /** True when row i's number stands for an interval that holds 0 (`lo(i) <= 0 && hi(i) >= 0`); false when it holds none. */
  holdsZero(i: number): boolean {
    return this.lo(i) <= 0 && this.hi(i) >= 0;
  }

  /** Row i as an amount (`amountValue`): a number as read, empty or a marker as 0; NaN for errors, text and unknown values. */
  amount(i: number): number {
    const value = this.value(i);
    return Number.isNaN(value) && this.countsAsZero(i) ? 0 : value;
  }

  /** The low end of row i as an amount (`amountInterval(…).lo`); NaN where `amount` is. */
  amountLo(i: number): number {
    const lo = this.lo(i);
    return Number.isNaN(lo) && this.countsAsZero(i) ? 0 : lo;
  }

  /** The high end of row i as an amount (`amountInterval(…).hi`); NaN where `amount` is. */
  amountHi(i: number): number {
    const hi = this.hi(i);
    return Number.isNaN(hi) && this.countsAsZero(i) ? 0 : hi;
  }

  /** The unit of row i's change % (change columns; 'percent' elsewhere). */
  unit(i: number): ChangeUnit {
    return this.units[i] ?? 'percent';
  }

  /** A row without a number that is an empty cell or a "not meaningful" marker: an amount of 0. */
  private countsAsZero(i: number): boolean {
    const kind = (this.others?.get(i) ?? BLANK).kind;
    return kind === 'blank' || kind === 'marker';
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

/** A value column to add up or check: one of the five or an extra one. */
export interface ValueColumn {
  measure: Measure | 'extra';
  column: TableColumn;
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

/** What a row's change % can mean (`ChangeBasis['meaning']`). */
export type ChangeMeaning = ChangeBasis['meaning'];

/** True when the cell shows 0 (an empty cell too): the number rounded at its displayed precision is 0. */
function showsZero(cell: Cell, slots: SlotColumn, index: number): boolean {
  const kind = slots.kind(index);
  if (kind === 'blank' || kind === 'marker') return true;
  if (kind !== 'number') return false;
  return displayedNumber(cell, slots.value(index), slots.half(index)) === 0 || slots.holdsZero(index);
}

/**
 * One table's figures for one check: its rows (data rows, then the total),
 * each column's cells read the first time a rule asks for them, and what
 * the rules ask of every row. Index i is the same everywhere.
 */
export class TableFigures {
  readonly rows: TableRow[];
  private readonly columns = new Map<number, SlotColumn>();
  private changeColumn: SlotColumn | undefined;
  private amounts: ValueColumn[] | undefined;
  private values: TableColumn[] | undefined;
  private changeMeanings: ChangeMeaning[] | undefined;

  constructor(
    readonly sheet: SheetGrid,
    readonly table: VarianceTable,
  ) {
    this.rows = table.total === null ? table.rows : [...table.rows, table.total];
  }

  /**
   * The cells of a sheet column, one per row. The change column's are its
   * reading in each cell's own unit (`change`): a unit only divides a %
   * written as text, and text is read as printed, so the slots are the same.
   */
  column(col: number): SlotColumn {
    if (col === this.table.columns.change?.col) return this.change();
    let slots = this.columns.get(col);
    if (slots === undefined) {
      slots = new SlotColumn(this.sheet, this.rows, col);
      this.columns.set(col, slots);
    }
    return slots;
  }

  /** The change-% cells, each in its own unit (`readChange`, with `unit(i)`); empty without a change column. */
  change(): SlotColumn {
    const change = this.table.columns.change;
    this.changeColumn ??= new SlotColumn(this.sheet, change === undefined ? [] : this.rows, change?.col ?? 0, this.table);
    return this.changeColumn;
  }

  /** Every value column: the five and all extras, in sheet order (`allValueColumns`). */
  valueColumns(): readonly TableColumn[] {
    this.values ??= allValueColumns(this.table);
    return this.values;
  }

  /** The amount columns: Bokslut, Utfall, Budget, Avv and the extra amount columns (Prognos …), in sheet order. */
  amountColumns(): readonly ValueColumn[] {
    if (this.amounts === undefined) {
      const out: ValueColumn[] = [];
      for (const m of ['previous', 'actual', 'budget', 'variance'] as const) {
        const c = this.table.columns[m];
        if (c !== undefined) out.push({ measure: m, column: c });
      }
      for (const e of this.table.extraColumns) if (!isPercentColumn(this.sheet, this.table, e)) out.push({ measure: 'extra', column: e });
      this.amounts = inSheetOrder(out, (a) => a.column.col);
    }
    return this.amounts;
  }

  /** Each row's change-% meaning: sign-flip, tiny-base and missing-value all ask for it, row by row. */
  meanings(): readonly ChangeMeaning[] {
    if (this.changeMeanings === undefined) {
      const { previous, actual } = this.table.columns;
      if (previous === undefined || actual === undefined) {
        this.changeMeanings = this.rows.map(() => 'unknown');
      } else {
        const bs = this.column(previous.col);
        const as = this.column(actual.col);
        this.changeMeanings = this.rows.map((row, i) => meaningOf(bs, as, i, cellAt(this.sheet, row.row, previous.col), cellAt(this.sheet, row.row, actual.col)));
      }
    }
    return this.changeMeanings;
  }

  /** Row i's change-% meaning with the figures it rests on (for the rows a rule reports). */
  basis(i: number): ChangeBasis {
    const meaning = this.meanings()[i] ?? 'unknown';
    const { previous, actual } = this.table.columns;
    if (meaning === 'unknown' || previous === undefined || actual === undefined) return { meaning };
    const as = this.column(actual.col);
    const row = (this.rows[i] as TableRow).row;
    return { meaning, bokslut: this.column(previous.col).amount(i), utfall: as.amount(i), utfallZero: showsZero(cellAt(this.sheet, row, actual.col), as, i) };
  }
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

/** The figures of each table of one check, made when a rule first asks for them. */
export function figuresPerCheck(): (table: VarianceTable, sheet: SheetGrid) => TableFigures {
  const made = new Map<VarianceTable, TableFigures>();
  return (table, sheet) => {
    let figures = made.get(table);
    if (figures === undefined) {
      figures = new TableFigures(sheet, table);
      made.set(table, figures);
    }
    return figures;
  };
}
