/**
 * `tiny-base`: the base (Bokslut) is 0 at display precision, so the change %
 * is a division by a rounding remainder: 0 → 1 184 printed as 477 317,7 %
 * (Valnämnden, 3 Intäkter), or 0 → 0 printed as −149,6 % (KMY).
 *
 * Severity warning: the % is arithmetically right for the hidden decimals but
 * tells the reader nothing; an economist writes "e.j." or leaves it empty.
 * Not reported when both years show 0 and the % shows 0 (no change, nothing
 * misleads), nor for an empty cell or a marker. `#DIV/0!` is `div0`'s.
 */
import { defineRule } from '../rule';
import type { Finding } from '../finding';
import { cellAt } from '../grid';
import type { TableRow } from '../table';
import { displayedValue, eachTable, meaninglessChangeFinding, type NumberSlot } from './common';

export const tinyBase = defineRule({
  id: 'tiny-base',
  severity: 'warning',
  messages: ['tiny-base'],
  description: 'A change % over a base that shows as 0, which means nothing.',
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet, figures) => {
      const change = table.columns.change;
      if (change === undefined) return;
      const rows = figures.rows;
      const cs = figures.change();
      const meanings = figures.meanings();
      for (let i = 0; i < rows.length; i++) {
        if (!cs.isNumber(i) || meanings[i] !== 'zero-base') continue;
        const c = cs.get(i) as NumberSlot;
        const unit = cs.unit(i);
        const basis = figures.basis(i);
        const row = rows[i] as TableRow;
        const cCell = cellAt(sheet, row.row, change.col);
        if (basis.utfallZero === true && displayedValue(cCell, c) === 0) continue;
        out.push(meaninglessChangeFinding('tiny-base', sheet, table, row, c, unit, basis));
      }
    });
    return out;
  },
});
