/**
 * `error-value`: any error value other than a division by zero (`#SAKNAS!`,
 * `#REFERENS!`, `#VÄRDEFEL!` …) in a table's value or label cells, as an
 * error or pasted as text.
 *
 * Severity error: the figure is simply not there, and a `#REFERENS!` often
 * means a deleted row or sheet the table still points at.
 */
import { defineRule, finding } from '../rule';
import type { Finding } from '../finding';
import type { TableRow } from '../table';
import { cellAt } from '../grid';
import { eachTable, readErrorSlot, rowLabel } from './common';

export const errorValue = defineRule({
  id: 'error-value',
  severity: 'error',
  messages: ['error-value', 'error-value.text'],
  description: 'Another error value (#REFERENS!, #VÄRDEFEL! …) in a table cell.',
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet, figures) => {
      const labelCols = [table.labelCol, ...(table.nameCol === null ? [] : [table.nameCol])];
      const valueCols = figures.valueColumns().map((c) => c.col);
      const rows = figures.rows;
      for (const col of [...labelCols, ...valueCols]) {
        // Label cells are only looked at for errors (value columns are read once for every rule).
        const slots = valueCols.includes(col) ? figures.column(col) : undefined;
        for (let i = 0; i < rows.length; i++) {
          const row = rows[i] as TableRow;
          if (slots !== undefined && slots.kind(i) !== 'error') continue;
          const slot = slots === undefined ? readErrorSlot(cellAt(sheet, row.row, col)) : slots.get(i);
          if (slot === undefined || slot.kind !== 'error' || slot.code === 'DIV_BY_ZERO') continue;
          out.push(
            finding({
              rule: 'error-value',
              severity: 'error',
              table,
              sheet: sheet.name,
              row: row.row,
              col,
              expected: null,
              actual: slot.text,
              messageId: slot.fromText ? 'error-value.text' : 'error-value',
              params: {
                label: rowLabel(table, row),
                text: slot.text,
              },
            }),
          );
        }
      }
    });
    return out;
  },
});
