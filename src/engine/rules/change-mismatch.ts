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
import { finding, type Rule } from '../rule';
import type { Finding } from '../finding';
import { cellAt } from '../grid';
import { changeInterval, changeScale, midpoint, overlaps, roundTo } from '../interval';
import type { TableRow } from '../table';
import { amountInterval, amountValue, asPercent, changeSlots, columnSlots, eachTable, rowLabel, shownDecimals, type NumberSlot } from './common';

export const changeMismatch: Rule = {
  id: 'change-mismatch',
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet) => {
      const { previous, actual, change } = table.columns;
      if (previous === undefined || actual === undefined || change === undefined) return;
      const rows = table.rows;
      const cs = changeSlots(sheet, table);
      const bs = columnSlots(sheet, table, previous.col);
      const as = columnSlots(sheet, table, actual.col);
      for (let i = 0; i < rows.length; i++) {
        if (cs.kind(i) !== 'number') continue;
        const c = cs.get(i) as NumberSlot;
        const unit = cs.unit(i);
        const row = rows[i] as TableRow;
        const cCell = cellAt(sheet, row.row, change.col);
        const b = bs.get(i);
        const a = as.get(i);
        const bi = amountInterval(b);
        const ai = amountInterval(a);
        const bv = amountValue(b);
        const av = amountValue(a);
        if (bi === undefined || ai === undefined || bv === undefined || av === undefined) continue;
        const range = changeInterval(ai, bi, unit);
        if (range === undefined) continue;
        if (overlaps(range, c, ctx.options.tolerance)) continue;
        const decimals = shownDecimals(cCell, c, unit === 'fraction' ? 3 : 1);
        const raw = bv === 0 ? midpoint(range) : (av / bv - 1) * changeScale(unit);
        const expected = roundTo(raw, decimals);
        out.push(
          finding('change-mismatch', 'error', table, sheet.name, row.row, change.col, expected, c.value, 'change-mismatch', {
            label: rowLabel(table, row),
            expected: roundTo(asPercent(expected, unit), 1),
            actual: roundTo(asPercent(c.value, unit), 1),
            bokslut: bv,
            utfall: av,
          }),
        );
      }
    });
    return out;
  },
};
