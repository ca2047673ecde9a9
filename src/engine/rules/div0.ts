/**
 * `div0`: `#DIV/0!` or `#DIVISION/0!` (or the same error in another Excel
 * language) in a table, whether a real error value or pasted as text.
 *
 * Severity error: it is printed in reports and readers stop trusting the
 * table. It almost always sits in the change % where Bokslut is 0; the fix
 * (`planFixes`) turns it into the chosen "not meaningful" marker.
 */
import { finding, type Rule } from '../rule';
import type { Finding } from '../finding';
import { cellAt } from '../grid';
import { allValueColumns, amountValue, eachTable, readSlot, rowLabel, rowsWithTotal } from './common';

export const div0: Rule = {
  id: 'div0',
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet) => {
      const columns = allValueColumns(table);
      for (const row of rowsWithTotal(table)) {
        for (const column of columns) {
          const slot = readSlot(cellAt(sheet, row.row, column.col));
          if (slot.kind !== 'error' || slot.code !== 'DIV_BY_ZERO') continue;
          const previous = table.columns.previous;
          const base = previous === undefined ? undefined : amountValue(readSlot(cellAt(sheet, row.row, previous.col)));
          const onChange = table.columns.change?.col === column.col;
          const messageId = slot.fromText ? 'div0.text' : onChange ? 'div0' : 'div0.other';
          out.push(
            finding('div0', 'error', table, sheet.name, row.row, column.col, null, slot.text, messageId, {
              label: rowLabel(table, row),
              text: slot.text,
              bokslut: base ?? '',
            }),
          );
        }
      }
    });
    return out;
  },
};
