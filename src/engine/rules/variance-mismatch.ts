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
import { neg, overlaps, roundTo, sub } from '../interval';
import { amountInterval, amountValue, eachTable, readSlot, rowLabel, rowsWithTotal, shownDecimals } from './common';

export const varianceMismatch: Rule = {
  id: 'variance-mismatch',
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet) => {
      const { actual, budget, variance } = table.columns;
      if (actual === undefined || budget === undefined || variance === undefined) return;
      for (const row of rowsWithTotal(table)) {
        const vCell = cellAt(sheet, row.row, variance.col);
        const v = readSlot(vCell);
        if (v.kind !== 'number') continue;
        const a = readSlot(cellAt(sheet, row.row, actual.col));
        const b = readSlot(cellAt(sheet, row.row, budget.col));
        if (a.kind === 'blank' && b.kind === 'blank') continue;
        const ai = amountInterval(a);
        const bi = amountInterval(b);
        const av = amountValue(a);
        const bv = amountValue(b);
        if (ai === undefined || bi === undefined || av === undefined || bv === undefined) continue;
        const computed = sub(ai, bi);
        if (overlaps(computed, v.interval, ctx.options.tolerance)) continue;
        const expected = roundTo(av - bv, shownDecimals(vCell, v, 0));
        const reversed = overlaps(neg(computed), v.interval, ctx.options.tolerance);
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
