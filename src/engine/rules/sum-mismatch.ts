/**
 * `sum-mismatch`: a figure in the total row is not the sum of the rows above
 * it, in every amount column (Bokslut, Utfall, Budget, Avv and extra amount
 * columns such as Prognos helår); and the total row's change % is not
 * computed from the totals (a summed or averaged % is a classic slip; the
 * message says when the printed % is the sum of the rows' %).
 *
 * Severity error. Rounding is respected: n printed rows may together be off
 * by up to n × half a unit, and only a total outside that range is reported.
 * Empty cells count as 0; a column with an error or text in it is not added
 * up (those cells are findings of their own).
 */
import { finding, type Rule } from '../rule';
import type { Finding } from '../finding';
import { cellAt, type SheetGrid } from '../grid';
import { changeInterval, changeScale, overlaps, roundTo, sum, type Interval } from '../interval';
import type { TableColumn, VarianceTable } from '../table';
import { amountTolerance, amountColumns, amountInterval, amountValue, asPercent, changeSlots, columnSlots, eachTable, readChange, readSlot, shownDecimals } from './common';

/** The rows' figures in a column as intervals and their plain sum, or undefined when one cannot be read. */
function columnSum(sheet: SheetGrid, table: VarianceTable, column: TableColumn): { interval: Interval; value: number } | undefined {
  let lo = 0;
  let hi = 0;
  let value = 0;
  const slots = columnSlots(sheet, table, column.col);
  for (let k = 0; k < table.rows.length; k++) {
    const v = slots.amount(k);
    if (Number.isNaN(v)) return undefined;
    lo += slots.amountLo(k);
    hi += slots.amountHi(k);
    value += v;
  }
  return { interval: { lo, hi }, value };
}

function checkChangeTotal(sheet: SheetGrid, table: VarianceTable, tolerance: number, out: Finding[]): void {
  const { previous, actual, change } = table.columns;
  const total = table.total;
  if (previous === undefined || actual === undefined || change === undefined || total === null) return;
  const cCell = cellAt(sheet, total.row, change.col);
  const { slot: c, unit } = readChange(cCell, table);
  if (c.kind !== 'number') return;
  const b = readSlot(cellAt(sheet, total.row, previous.col));
  const a = readSlot(cellAt(sheet, total.row, actual.col));
  const bi = amountInterval(b);
  const ai = amountInterval(a);
  const bv = amountValue(b);
  const av = amountValue(a);
  if (bi === undefined || ai === undefined || bv === undefined || av === undefined || bv === 0) return;
  const range = changeInterval(ai, bi, unit);
  if (range === undefined || overlaps(range, c, tolerance)) return;
  const expected = roundTo((av / bv - 1) * changeScale(unit), shownDecimals(cCell, c, unit === 'fraction' ? 3 : 1));
  // Is the printed total % the sum of the rows' %?
  const parts: Interval[] = [];
  let readable = true;
  const changes = changeSlots(sheet, table);
  for (let k = 0; k < table.rows.length; k++) {
    const s = changes.get(k);
    if (s.kind === 'number') parts.push(s);
    else if (s.kind !== 'blank' && s.kind !== 'marker') readable = false;
  }
  const summed = readable && parts.length >= 2 && overlaps(sum(parts), c, tolerance);
  out.push(
    finding('sum-mismatch', 'error', table, sheet.name, total.row, change.col, expected, c.value, summed ? 'sum-mismatch.change-summed' : 'sum-mismatch.change', {
      expected: roundTo(asPercent(expected, unit), 1),
      actual: roundTo(asPercent(c.value, unit), 1),
      bokslut: bv,
      utfall: av,
    }),
  );
}

export const sumMismatch: Rule = {
  id: 'sum-mismatch',
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet) => {
      const total = table.total;
      if (total === null || table.rows.length === 0) return;
      for (const { column } of amountColumns(sheet, table)) {
        const tCell = cellAt(sheet, total.row, column.col);
        const t = readSlot(tCell);
        if (t.kind !== 'number') continue;
        const s = columnSum(sheet, table, column);
        if (s === undefined || overlaps(s.interval, t, amountTolerance(ctx, table))) continue;
        const decimals = shownDecimals(tCell, t, 0);
        const expected = roundTo(s.value, decimals);
        out.push(
          finding('sum-mismatch', 'error', table, sheet.name, total.row, column.col, expected, t.value, 'sum-mismatch', {
            column: column.header.replace(/\s*\n\s*/g, ' '),
            expected,
            actual: t.value,
            difference: roundTo(t.value - expected, decimals),
            rows: table.rows.length,
          }),
        );
      }
      checkChangeTotal(sheet, table, ctx.options.tolerance, out);
    });
    return out;
  },
};
