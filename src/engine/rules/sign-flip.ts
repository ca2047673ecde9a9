/**
 * `sign-flip`: Bokslut and Utfall have opposite signs, so the printed change %
 * means nothing: a cost of 2 296 that turned into a revenue of 5 055 is
 * printed as −320,2 % (KGAMT), which reads as a fall.
 *
 * Severity warning: the arithmetic is right, the figure misleads. Reported
 * only with `options.signFlipMeaningless` (the default), at the change-% cell,
 * when it shows a number; an empty cell or a marker there is the right thing.
 * The fix can replace it with the "not meaningful" marker (`--meaningless`).
 */
import { defineRule } from '../rule';
import type { Finding } from '../finding';
import type { TableRow } from '../table';
import { eachTable, meaninglessChangeFinding, type NumberSlot } from './common';

export const signFlip = defineRule({
  id: 'sign-flip',
  severity: 'warning',
  messages: ['sign-flip'],
  description: 'A change % between figures of opposite sign, which means nothing.',
  check(ctx) {
    const out: Finding[] = [];
    if (!ctx.options.signFlipMeaningless) return out;
    eachTable(ctx, (table, sheet, figures) => {
      if (table.columns.change === undefined) return;
      const rows = figures.rows;
      const cs = figures.change();
      const meanings = figures.meanings();
      for (let i = 0; i < rows.length; i++) {
        if (!cs.isNumber(i) || meanings[i] !== 'sign-flip') continue;
        out.push(meaninglessChangeFinding('sign-flip', sheet, table, rows[i] as TableRow, cs.get(i) as NumberSlot, cs.unit(i), figures.basis(i)));
      }
    });
    return out;
  },
});
