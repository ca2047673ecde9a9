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
import type { TableRow } from '../table';
import { amountTolerance, amountInterval, amountValue, columnSlots, eachTable, rowLabel, shownDecimals, tableRows, type NumberSlot } from './common';

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
      for (let i = 0; i < rows.length; i++) {
        if (vs.kind(i) !== 'number') continue;
        const v = vs.get(i) as NumberSlot;
        const row = rows[i] as TableRow;
        const vCell = cellAt(sheet, row.row, variance.col);
        const a = as.get(i);
        const b = bs.get(i);
        if (a.kind === 'blank' && b.kind === 'blank') continue;
        const ai = amountInterval(a);
        const bi = amountInterval(b);
        const av = amountValue(a);
        const bv = amountValue(b);
        if (ai === undefined || bi === undefined || av === undefined || bv === undefined) continue;
        const computed = sub(ai, bi);
        if (overlaps(computed, v, amountTolerance(ctx, table))) continue;
        const expected = roundTo(av - bv, shownDecimals(vCell, v, 0));
        const reversed = overlaps(neg(computed), v, amountTolerance(ctx, table));
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
