/**
 * Checking a row against an identity its table keeps (Avv = Utfall − Budget,
 * Netto = Intäkter + Kostnader): shared by `variance-mismatch` and
 * `row-arithmetic`. Rounding is respected: each printed figure stands for
 * its value ± half its last shown unit, and a formula over typed figures is
 * only as exact as they are; only a result no unrounded figures could give
 * is reported.
 */
import type { Calculation } from '../finding';
import { cellAddress, cellAt } from '../grid';
import { rangesOverlap, roundTo } from '../interval';
import type { RuleContext } from '../rule';
import type { ColumnRelation, TableColumn, TableRow, VarianceTable } from '../table';
import { amountTolerance, shownDecimals, type NumberSlot } from './common';
import type { SlotColumn, TableFigures } from './figures';

/** A row whose result column breaks the identity. */
export interface BrokenIdentity {
  row: TableRow;
  /** The result the terms give, rounded as the result cell shows, and what the cell holds. */
  expected: number;
  actual: number;
  /** actual − expected, rounded as the cell shows. */
  difference: number;
  /** Whether the result has the opposite sign of what the terms give (Budget − Utfall for Utfall − Budget). */
  reversed: boolean;
  /** Each term's value, in the relation's order. */
  terms: number[];
  calculation: Calculation;
}

/** The header of a column on one line (`2021 Avv Budg o Utf`). */
export function oneLine(column: TableColumn | undefined): string {
  return column === undefined ? '' : column.header.replace(/\s*\n\s*/g, ' ');
}

/** The column of a table at a sheet column (the five, the named roles, the extras). */
export function columnAt(table: VarianceTable, col: number): TableColumn | undefined {
  return Object.values(table.columns).find((c) => c?.col === col) ?? table.extraColumns.find((c) => c.col === col);
}

/** `C12 − D12`, `B7 + C7`. */
function expressionOf(relation: ColumnRelation, row: number): string {
  return relation.terms.map((t, i) => `${i === 0 ? (t.sign === 1 ? '' : '−') : t.sign === 1 ? ' + ' : ' − '}${cellAddress(row, t.col)}`).join('');
}

/** True when every term's cell in row i is empty (a row without those figures breaks nothing). */
function allTermsBlank(terms: readonly { slots: SlotColumn }[], i: number): boolean {
  for (let k = 0; k < terms.length; k++) if ((terms[k] as { slots: SlotColumn }).slots.kind(i) !== 'blank') return false;
  return true;
}

/** The rows (data rows and the total) whose result cell breaks the relation. */
export function brokenRows(ctx: RuleContext, figures: TableFigures, relation: ColumnRelation): BrokenIdentity[] {
  const { sheet, table } = figures;
  const rows = figures.rows;
  const result = figures.column(relation.result);
  const terms = relation.terms.map((t) => ({ sign: t.sign, col: t.col, slots: figures.column(t.col) }));
  const tolerance = amountTolerance(ctx, table);
  const out: BrokenIdentity[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (!result.isNumber(i)) continue;
    if (allTermsBlank(terms, i)) continue;
    let lo = 0;
    let hi = 0;
    let value = 0;
    let readable = true;
    for (let k = 0; k < terms.length; k++) {
      const t = terms[k] as (typeof terms)[number];
      const tLo = t.slots.amountLo(i);
      const tHi = t.slots.amountHi(i);
      if (Number.isNaN(tLo)) {
        readable = false;
        break;
      }
      lo += t.sign === 1 ? tLo : -tHi;
      hi += t.sign === 1 ? tHi : -tLo;
      value += t.sign * t.slots.amount(i);
    }
    if (!readable || rangesOverlap(lo, hi, result.lo(i), result.hi(i), tolerance)) continue;
    const row = rows[i] as TableRow;
    const slot = result.get(i) as NumberSlot;
    const decimals = shownDecimals(cellAt(sheet, row.row, relation.result), slot, 0);
    const expected = roundTo(value, decimals);
    out.push({
      row,
      expected,
      actual: slot.value,
      difference: roundTo(slot.value - expected, decimals),
      reversed: rangesOverlap(-hi, -lo, result.lo(i), result.hi(i), tolerance),
      terms: terms.map((t) => t.slots.amount(i)),
      calculation: {
        expression: expressionOf(relation, row.row),
        operands: terms.map((t) => ({ cell: cellAddress(row.row, t.col), value: t.slots.amount(i) })),
        result: value,
      },
    });
  }
  return out;
}
