/**
 * `div0`: `#DIV/0!` or `#DIVISION/0!` (or the same error in another Excel
 * language) in a table, whether a real error value or pasted as text.
 *
 * Severity error: it is printed in reports and readers stop trusting the
 * table. It almost always sits in the change % where Bokslut is 0; the fix
 * (`planFixes`) turns it into the chosen "not meaningful" marker.
 */
import { defineRule } from '../rule';
import type { Finding } from '../finding';
import type { TableRow } from '../table';
import { amountValue, eachTable, rowFinding } from './common';

export const div0 = defineRule({
  id: 'div0',
  severity: 'error',
  messages: ['div0', 'div0.other', 'div0.text'],
  description: "A #DIVISION/0! (or its text pasted as a value) where last year's figure is 0.",
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet, figures) => {
      const columns = figures.valueColumns();
      const rows = figures.rows;
      const previous = table.columns.previous;
      for (const column of columns) {
        const slots = figures.column(column.col);
        for (let i = 0; i < rows.length; i++) {
          if (slots.kind(i) !== 'error') continue;
          const slot = slots.get(i);
          if (slot.kind !== 'error' || slot.code !== 'DIV_BY_ZERO') continue;
          const row = rows[i] as TableRow;
          const base = previous === undefined ? undefined : amountValue(figures.column(previous.col).get(i));
          const onChange = table.columns.change?.col === column.col;
          const messageId = slot.fromText ? 'div0.text' : onChange ? 'div0' : 'div0.other';
          out.push(rowFinding({ rule: 'div0', severity: 'error', table, sheet, row, col: column.col, expected: null, actual: slot.text, messageId, params: { text: slot.text, bokslut: base ?? '' } }));
        }
      }
    });
    return out;
  },
});
