/**
 * `cross-table-total`: an RN table and a kontogrupp table of the same unit
 * disagree on their totals. Both break the same result down (by unit, by
 * account group), so their totals of Bokslut, Utfall, Budget and Avv must
 * agree. Tables belong to the same unit when they share a title (the text
 * above them, e.g. `Kommunledning`) or, when one has no title, a sheet; two
 * different titles never pair.
 *
 * A table without a total row is compared by the sum of its rows. Rounding
 * is respected as in `sum-mismatch`. Severity error: one of the two tables
 * is missing something. The finding sits at the kontogrupp table's total.
 */
import { defineRule, finding } from '../rule';
import type { Finding } from '../finding';
import { cellAt, cellAddress, type SheetGrid } from '../grid';
import { overlaps, rangesOverlap, roundTo, type Interval } from '../interval';
import type { Measure, TableRow, VarianceTable } from '../table';
import { amountTolerance, eachTable, shownDecimals } from './common';
import type { TableFigures } from './figures';

const MEASURES: readonly Measure[] = ['previous', 'actual', 'budget', 'variance'];

interface Total {
  interval: Interval;
  value: number;
  row: number;
  decimals: number;
}

/** The smallest interval holding both. */
function hull(a: Interval, b: Interval): Interval {
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

/**
 * A table's total of a measure as an interval: a typed or pasted total by its
 * rounding; a formula total (=SUM) by what its rows stand for, since two
 * tables of rounded typed rows may legitimately add up to totals a few tkr
 * apart; no total row: the sum of the rows.
 */
function totalOf(figures: TableFigures, sheet: SheetGrid, table: VarianceTable, measure: Measure): Total | undefined {
  const column = table.columns[measure];
  if (column === undefined) return undefined;
  const slots = figures.column(column.col);
  const { actual, budget } = table.columns;
  // An Avv computed as =C5−D5 stands for Utfall − Budget over their intervals.
  const inputs = measure === 'variance' && actual !== undefined && budget !== undefined ? { actual: figures.column(actual.col), budget: figures.column(budget.col) } : undefined;
  let lo = 0;
  let hi = 0;
  let value = 0;
  let readable = true;
  // What each row's figure stands for: a constant its rounding interval; a formula is exact given its inputs,
  // but when they are rounded typed figures the quantity it stands for is not (the hull of both when they meet).
  for (let i = 0; i < table.rows.length; i++) {
    const v = slots.amount(i);
    if (Number.isNaN(v)) {
      readable = false;
      break;
    }
    let rowLo = slots.amountLo(i);
    let rowHi = slots.amountHi(i);
    if (inputs !== undefined && cellAt(sheet, (table.rows[i] as TableRow).row, column.col).formula !== undefined) {
      const inLo = inputs.actual.amountLo(i) - inputs.budget.amountHi(i);
      const inHi = inputs.actual.amountHi(i) - inputs.budget.amountLo(i);
      if (!Number.isNaN(inLo) && !Number.isNaN(inHi) && rangesOverlap(inLo, inHi, rowLo, rowHi)) {
        rowLo = Math.min(inLo, rowLo);
        rowHi = Math.max(inHi, rowHi);
      }
    }
    lo += rowLo;
    hi += rowHi;
    value += v;
  }
  const rows: Interval | undefined = readable ? { lo, hi } : undefined;
  if (table.total !== null) {
    const cell = cellAt(sheet, table.total.row, column.col);
    const slot = slots.get(table.rows.length);
    if (slot.kind !== 'number') return undefined;
    const decimals = shownDecimals(cell, slot, 0);
    const interval = cell.formula !== undefined && rows !== undefined && overlaps(rows, slot) ? hull(rows, slot) : slot;
    return { interval, value: slot.value, row: table.total.row, decimals };
  }
  if (rows === undefined) return undefined;
  const last = table.rows[table.rows.length - 1] as TableRow;
  return { interval: rows, value, row: last.row, decimals: 0 };
}

/** A title as tables are paired by it: lower case, white space as single spaces (Swedish has no language-specific case mappings, so `toLowerCase` is `toLocaleLowerCase('sv')`). */
function normalTitle(t: string | null): string | null {
  return t === null ? null : t.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A table with its figures and its title as tables are paired by it (`normalTitle`). */
interface TableAt {
  table: VarianceTable;
  sheet: SheetGrid;
  figures: TableFigures;
  title: string | null;
}

function sameUnit(a: TableAt, b: TableAt): boolean {
  if (a.title !== null && b.title !== null) return a.title === b.title;
  return a.table.sheet === b.table.sheet;
}

/**
 * The RN tables each kontogrupp table pairs with, in table order. Indexed by
 * title and by sheet, so pairing is linear in the number of tables (not one
 * comparison per pair of tables in the workbook).
 */
function partners(kg: TableAt[], rn: TableAt[]): number[][] {
  const byTitle = new Map<string, number[]>();
  const untitledBySheet = new Map<string, number[]>();
  const bySheet = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, i: number): void => {
    const l = m.get(k);
    if (l === undefined) m.set(k, [i]);
    else l.push(i);
  };
  rn.forEach(({ table, title: t }, i) => {
    if (t === null) push(untitledBySheet, table.sheet, i);
    else push(byTitle, t, i);
    push(bySheet, table.sheet, i);
  });
  return kg.map(({ table, title: t }) => {
    // Same as `sameUnit`: both titled → equal titles; otherwise the same sheet.
    if (t === null) return bySheet.get(table.sheet) ?? [];
    const titled = byTitle.get(t) ?? [];
    const untitled = untitledBySheet.get(table.sheet) ?? [];
    return untitled.length === 0 ? titled : [...titled, ...untitled].sort((a, b) => a - b);
  });
}

export const crossTableTotal = defineRule({
  id: 'cross-table-total',
  severity: 'error',
  messages: ['cross-table-total'],
  description: "An RN table's total that differs from the kontogrupp table's total of the same unit.",
  check(ctx) {
    const out: Finding[] = [];
    const rn: TableAt[] = [];
    const kg: TableAt[] = [];
    eachTable(ctx, (table, sheet, figures) => (table.kind === 'rn' ? rn : kg).push({ table, sheet, figures, title: normalTitle(table.title) }));
    // Each table's totals once, however many tables it pairs with.
    const totals = new Map<VarianceTable, (Total | undefined)[]>();
    const totalsOf = (t: TableAt): (Total | undefined)[] => {
      let v = totals.get(t.table);
      if (v === undefined) {
        v = MEASURES.map((m) => totalOf(t.figures, t.sheet, t.table, m));
        totals.set(t.table, v);
      }
      return v;
    };
    const pairs = partners(kg, rn);
    kg.forEach((k, ki) => {
      for (const ri of pairs[ki] as number[]) {
        const r = rn[ri] as TableAt;
        // Tables of one unit in the same amount unit only (kr against tkr would differ by 1 000).
        if (!sameUnit(k, r) || k.table.unit !== r.table.unit) continue;
        MEASURES.forEach((m, mi) => {
          const kt = totalsOf(k)[mi];
          const rt = totalsOf(r)[mi];
          const col = k.table.columns[m]?.col;
          if (kt === undefined || rt === undefined || col === undefined) return;
          if (overlaps(kt.interval, rt.interval, amountTolerance(ctx, k.table))) return;
          const expected = roundTo(rt.value, kt.decimals);
          const rCol = r.table.columns[m]?.col as number;
          out.push(
            finding({
              rule: 'cross-table-total',
              severity: 'error',
              table: k.table,
              sheet: k.sheet.name,
              row: kt.row,
              col,
              expected,
              actual: kt.value,
              messageId: 'cross-table-total',
              params: {
                column: (k.table.columns[m]?.header ?? '').replace(/\s*\n\s*/g, ' '),
                expected,
                actual: kt.value,
                difference: roundTo(kt.value - expected, kt.decimals),
                other: r.sheet.name === k.sheet.name ? cellAddress(rt.row, rCol) : `${r.sheet.name}!${cellAddress(rt.row, rCol)}`,
                level: r.table.level ?? 'RN',
              },
            }),
          );
        });
      }
    });
    return out;
  },
});
