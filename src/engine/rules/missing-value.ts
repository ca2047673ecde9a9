/**
 * `missing-value`: an empty cell where a value belongs.
 *
 * - An empty Bokslut, Utfall, Budget, Avv (or Prognos …) in a row that has
 *   other figures, or in the total row.
 * - An empty (or "–", "e.j.") change % where the % means something: Bokslut
 *   is not 0 at display precision and (with `signFlipMeaningless`) the sign
 *   did not change. Where the base is 0 or the sign flipped, an empty % is
 *   exactly what an economist writes, so it is not reported (`messageId`
 *   `missing-value.change`, or `missing-value.marker` for a marker).
 * - Text that is not a number in a value column (`ca 300`, `se not`):
 *   `missing-value.text`, since no figure can be read there.
 *
 * A row with no figures at all (a unit without transactions) is not reported.
 * Severity warning: nothing shown is wrong, but the reader is left without a
 * figure the table promises.
 */
import { finding, type Rule } from '../rule';
import type { Finding } from '../finding';
import { cellAt } from '../grid';
import { changeScale, roundTo } from '../interval';
import { allValueColumns, amountColumns, amountValue, asPercent, changeBasis, changeUnitOfCell, eachTable, readSlot, rowLabel, rowsWithTotal } from './common';

export const missingValue: Rule = {
  id: 'missing-value',
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet) => {
      const amounts = amountColumns(sheet, table);
      const values = allValueColumns(table);
      const change = table.columns.change;
      const { actual, budget } = table.columns;
      for (const row of rowsWithTotal(table)) {
        const isTotal = table.total !== null && row.row === table.total.row;
        const label = rowLabel(table, row);
        if (values.every((c) => readSlot(cellAt(sheet, row.row, c.col)).kind === 'blank')) continue;
        for (const { measure, column } of amounts) {
          const slot = readSlot(cellAt(sheet, row.row, column.col));
          if (slot.kind === 'text') {
            out.push(finding('missing-value', 'warning', table, sheet.name, row.row, column.col, null, slot.text, 'missing-value.text', { label, text: slot.text }));
            continue;
          }
          if (slot.kind !== 'blank') continue;
          let expected: number | null = null;
          if (measure === 'variance' && actual !== undefined && budget !== undefined) {
            const a = amountValue(readSlot(cellAt(sheet, row.row, actual.col)));
            const b = amountValue(readSlot(cellAt(sheet, row.row, budget.col)));
            if (a !== undefined && b !== undefined) expected = roundTo(a - b, 0);
          } else if (isTotal) {
            let s = 0;
            for (const r of table.rows) {
              const v = amountValue(readSlot(cellAt(sheet, r.row, column.col)));
              if (v === undefined) {
                s = Number.NaN;
                break;
              }
              s += v;
            }
            if (Number.isFinite(s)) expected = roundTo(s, 0);
          }
          out.push(
            finding('missing-value', 'warning', table, sheet.name, row.row, column.col, expected, null, 'missing-value', {
              label,
              column: column.header.replace(/\s*\n\s*/g, ' '),
              expected: expected ?? '',
            }),
          );
        }
        if (change === undefined) continue;
        const cCell = cellAt(sheet, row.row, change.col);
        const unit = changeUnitOfCell(cCell, table);
        const c = readSlot(cCell, unit === 'fraction' ? 100 : 1);
        if (c.kind === 'text') {
          out.push(finding('missing-value', 'warning', table, sheet.name, row.row, change.col, null, c.text, 'missing-value.text', { label, text: c.text }));
          continue;
        }
        if (c.kind !== 'blank' && c.kind !== 'marker') continue;
        const basis = changeBasis(sheet, table, row);
        if (basis.meaning === 'zero-base' || basis.meaning === 'unknown') continue;
        if (basis.meaning === 'sign-flip' && ctx.options.signFlipMeaningless) continue;
        const b = basis.bokslut as number;
        const a = basis.utfall as number;
        const expected = roundTo((a / b - 1) * changeScale(unit), unit === 'fraction' ? 3 : 1);
        out.push(
          finding('missing-value', 'warning', table, sheet.name, row.row, change.col, expected, c.kind === 'marker' ? c.text : null, c.kind === 'marker' ? 'missing-value.marker' : 'missing-value.change', {
            label,
            expected: roundTo(asPercent(expected, unit), 1),
            text: c.kind === 'marker' ? c.text : '',
            bokslut: b,
            utfall: a,
          }),
        );
      }
    });
    return out;
  },
};
