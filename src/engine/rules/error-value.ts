/**
 * `error-value`: any error value other than a division by zero (`#SAKNAS!`,
 * `#REFERENS!`, `#VÄRDEFEL!` …) in a table's value or label cells, as an
 * error or pasted as text.
 *
 * Severity error: the figure is simply not there, and a `#REFERENS!` often
 * means a deleted row or sheet the table still points at.
 */
import { finding, type Rule } from '../rule';
import type { Finding } from '../finding';
import type { TableRow } from '../table';
import { allValueColumns, columnSlots, eachTable, rowLabel, tableRows, type Slot } from './common';

export const errorValue: Rule = {
  id: 'error-value',
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet) => {
      const cols = [table.labelCol, ...(table.nameCol === null ? [] : [table.nameCol]), ...allValueColumns(table).map((c) => c.col)];
      const rows = tableRows(sheet, table);
      for (const col of cols) {
        const slots = columnSlots(sheet, table, col);
        for (let i = 0; i < rows.length; i++) {
          const slot = slots[i] as Slot;
          if (slot.kind !== 'error' || slot.code === 'DIV_BY_ZERO') continue;
          const row = rows[i] as TableRow;
          out.push(
            finding('error-value', 'error', table, sheet.name, row.row, col, null, slot.text, slot.fromText ? 'error-value.text' : 'error-value', {
              label: rowLabel(table, row),
              text: slot.text,
            }),
          );
        }
      }
    });
    return out;
  },
};
