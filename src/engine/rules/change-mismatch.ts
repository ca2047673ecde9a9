/**
 * `change-mismatch`: the change % (Förändr%) is not (Utfall / Bokslut − 1),
 * in the column's own unit: × 100 for a column formatted `0,0`, a fraction
 * for one formatted `0,0%` (each cell's own format decides; text is read as
 * printed, `12,8 %` or `12,8`).
 *
 * Severity error. Rounding is respected: the ratio is taken over every
 * Utfall and Bokslut the printed figures allow (−6 → −25 may be anything
 * from 277 % to 364 %), and only a % outside that range is reported. Rows
 * whose base is 0 at display precision are left to `tiny-base` and `div0`,
 * empty or marked cells to `missing-value`. The total row's % is checked by
 * `sum-mismatch` (it must be computed from the totals).
 */
import { defineRule, finding } from '../rule';
import type { Finding } from '../finding';
import { cellAddress, cellAt } from '../grid';
import { changeEnd, changeScale, midpoint, rangesOverlap, roundTo, type ChangeUnit, type Interval } from '../interval';
import type { TableRow } from '../table';
import { asPercent, eachTable, rowLabel, shownDecimals, type NumberSlot } from './common';
import type { SlotColumn } from './figures';

/**
 * The range Utfall / Bokslut − 1 (in `unit`) takes over row i's figures' intervals, when it leaves out the
 * printed change %; undefined when it holds it, or when nothing can be said (a figure missing or unreadable,
 * a base that may be 0). Computed from the figures' ends, without making an interval for the rows that agree.
 */
function brokenChange(bs: SlotColumn, as: SlotColumn, cs: SlotColumn, i: number, unit: ChangeUnit, tolerance: number): Interval | undefined {
  const bLo = bs.amountLo(i);
  const aLo = as.amountLo(i);
  if (Number.isNaN(bLo) || Number.isNaN(aLo)) return undefined;
  const aHi = as.amountHi(i);
  const bHi = bs.amountHi(i);
  const lo = changeEnd(aLo, aHi, bLo, bHi, unit, 'lo');
  if (Number.isNaN(lo)) return undefined;
  const hi = changeEnd(aLo, aHi, bLo, bHi, unit, 'hi');
  if (rangesOverlap(lo, hi, cs.lo(i), cs.hi(i), tolerance)) return undefined;
  return { lo, hi };
}

export const changeMismatch = defineRule({
  id: 'change-mismatch',
  severity: 'error',
  messages: ['change-mismatch'],
  description: "The change % is not (Utfall / Bokslut − 1), in the column's own unit (× 100 or a fraction).",
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet, figures) => {
      const { previous, actual, change } = table.columns;
      if (previous === undefined || actual === undefined || change === undefined) return;
      const rows = table.rows;
      const cs = figures.change();
      const bs = figures.column(previous.col);
      const as = figures.column(actual.col);
      for (let i = 0; i < rows.length; i++) {
        if (!cs.isNumber(i)) continue;
        const unit = cs.unit(i);
        const range = brokenChange(bs, as, cs, i, unit, ctx.options.tolerance);
        if (range === undefined) continue;
        const c = cs.get(i) as NumberSlot;
        const row = rows[i] as TableRow;
        const cCell = cellAt(sheet, row.row, change.col);
        const bv = bs.amount(i);
        const av = as.amount(i);
        const decimals = shownDecimals(cCell, c, unit === 'fraction' ? 3 : 1);
        const raw = bv === 0 ? midpoint(range) : (av / bv - 1) * changeScale(unit);
        const expected = roundTo(raw, decimals);
        out.push(
          finding({
            rule: 'change-mismatch',
            severity: 'error',
            table,
            sheet: sheet.name,
            row: row.row,
            col: change.col,
            expected,
            actual: c.value,
            messageId: 'change-mismatch',
            calculation: {
              expression: `(${cellAddress(row.row, actual.col)} / ${cellAddress(row.row, previous.col)} − 1)${unit === 'percent' ? ' × 100' : ''}`,
              operands: [
                { cell: cellAddress(row.row, actual.col), value: av },
                { cell: cellAddress(row.row, previous.col), value: bv },
              ],
              result: raw,
            },
            params: {
              label: rowLabel(table, row),
              expected: roundTo(asPercent(expected, unit), 1),
              actual: roundTo(asPercent(c.value, unit), 1),
              bokslut: bv,
              utfall: av,
            },
          }),
        );
      }
    });
    return out;
  },
});
