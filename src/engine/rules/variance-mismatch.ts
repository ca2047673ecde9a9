/**
 * `variance-mismatch`: the variance (Avv Budg o Utf) is not Utfall − Budget.
 *
 * Severity error: a wrong variance is exactly what the commentary is written
 * from ("positiv avvikelse med 4,6 mnkr"). Rounding is respected: printed
 * figures stand for their value ± half the last shown unit, so −3 170 − (−4 134)
 * printed as 964 or 965 is fine; only a variance no unrounded Utfall and Budget
 * could give is reported. A variance with the opposite sign throughout
 * (Budget − Utfall) gets its own message. An empty Budget counts as 0 (the
 * empty cell itself is `missing-value`'s business). Checked on data rows and
 * on the total row.
 */
import { finding, type Rule } from '../rule';
import type { Finding } from '../finding';
import { cellAt } from '../grid';
import { neg, overlaps, rangesOverlap, roundTo, sub, type Interval } from '../interval';
import type { TableRow } from '../table';
import { amountTolerance, amountInterval, columnSlots, eachTable, rowLabel, shownDecimals, tableRows, type NumberSlot } from './common';

export const varianceMismatch: Rule = {
  id: 'variance-mismatch',
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet) => {
      const { actual, budget, variance } = table.columns;
      if (actual === undefined || budget === undefined || variance === undefined) return;
      const rows = tableRows(sheet, table);
      const vs = columnSlots(sheet, table, variance.col);
      const as = columnSlots(sheet, table, actual.col);
      const bs = columnSlots(sheet, table, budget.col);
      const tolerance = amountTolerance(ctx, table);
      for (let i = 0; i < rows.length; i++) {
        if (!vs.isNumber(i)) continue;
        if (as.kind(i) === 'blank' && bs.kind(i) === 'blank') continue;
        // Utfall − Budget over their intervals, compared without making objects (most rows agree).
        const aLo = as.amountLo(i);
        const bLo = bs.amountLo(i);
        if (Number.isNaN(aLo) || Number.isNaN(bLo)) continue;
        if (rangesOverlap(aLo - bs.amountHi(i), as.amountHi(i) - bLo, vs.lo(i), vs.hi(i), tolerance)) continue;
        const v = vs.get(i) as NumberSlot;
        const row = rows[i] as TableRow;
        const vCell = cellAt(sheet, row.row, variance.col);
        const computed = sub(amountInterval(as.get(i)) as Interval, amountInterval(bs.get(i)) as Interval);
        const av = as.amount(i);
        const bv = bs.amount(i);
        const expected = roundTo(av - bv, shownDecimals(vCell, v, 0));
        const reversed = overlaps(neg(computed), v, tolerance);
        out.push(
          finding('variance-mismatch', 'error', table, sheet.name, row.row, variance.col, expected, v.value, reversed ? 'variance-mismatch.reversed' : 'variance-mismatch', {
            label: rowLabel(table, row),
            expected,
            actual: v.value,
            difference: roundTo(v.value - expected, shownDecimals(vCell, v, 0)),
            utfall: av,
            budget: bv,
          }),
        );
      }
    });
    return out;
  },
};
