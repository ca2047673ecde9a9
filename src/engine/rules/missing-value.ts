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
import { defineRule } from '../rule';
import type { Calculation, Finding } from '../finding';
import { cellAddress, type SheetGrid } from '../grid';
import { changeScale, roundTo } from '../interval';
import type { TableRow, VarianceTable } from '../table';
import { amountValue, asPercent, eachTable, rowFinding, type Slot } from './common';
import { type SlotColumn } from './figures';

/** A figure cell holding text that is no number (`ca 300`). */
function textFinding(sheet: SheetGrid, table: VarianceTable, row: TableRow, col: number, text: string): Finding {
  return rowFinding({ rule: 'missing-value', severity: 'warning', table, sheet, row, col, expected: null, actual: text, messageId: 'missing-value.text', params: { text } });
}

/** True when every one of the columns is empty in row i. */
function allBlank(columns: readonly SlotColumn[], i: number): boolean {
  for (let k = 0; k < columns.length; k++) if ((columns[k] as SlotColumn).kind(i) !== 'blank') return false;
  return true;
}

export const missingValue = defineRule({
  id: 'missing-value',
  severity: 'warning',
  messages: ['missing-value', 'missing-value.change', 'missing-value.marker', 'missing-value.text'],
  description: 'An empty figure in a row that has others, or a change % left empty or marked where it can be computed.',
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet, figures) => {
      const amounts = figures.amountColumns().map((a) => ({ ...a, slots: figures.column(a.column.col) }));
      const values = figures.valueColumns().map((c) => figures.column(c.col));
      const change = table.columns.change;
      const changes = figures.change();
      const { actual, budget, previous } = table.columns;
      const rows = figures.rows;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as TableRow;
        const isTotal = table.total !== null && row.row === table.total.row;
        if (allBlank(values, i)) continue;
        for (let k = 0; k < amounts.length; k++) {
          const { measure, column, slots } = amounts[k] as (typeof amounts)[number];
          const kind = slots.kind(i);
          if (kind === 'text') {
            const slot = slots.get(i) as Extract<Slot, { kind: 'text' }>;
            out.push(textFinding(sheet, table, row, column.col, slot.text));
            continue;
          }
          if (kind !== 'blank') continue;
          let expected: number | null = null;
          let calculation: Calculation | undefined;
          if (measure === 'variance' && actual !== undefined && budget !== undefined) {
            const a = amountValue(figures.column(actual.col).get(i));
            const b = amountValue(figures.column(budget.col).get(i));
            if (a !== undefined && b !== undefined) {
              // The variance is favourable when positive: Utfall − Budget with costs negative, Budget − Utfall with costs positive.
              const utfall = { cell: cellAddress(row.row, actual.col), value: a };
              const budgeted = { cell: cellAddress(row.row, budget.col), value: b };
              const [first, second] = table.convention === 'costs-positive' ? [budgeted, utfall] : [utfall, budgeted];
              const result = table.convention === 'costs-positive' ? b - a : a - b;
              expected = roundTo(result, 0);
              calculation = { expression: `${first.cell} − ${second.cell}`, operands: [first, second], result };
            }
          } else if (isTotal) {
            let s = 0;
            for (let j = 0; j < table.rows.length; j++) {
              const v = amountValue(slots.get(j));
              if (v === undefined) {
                s = Number.NaN;
                break;
              }
              s += v;
            }
            if (Number.isFinite(s)) expected = roundTo(s, 0);
          }
          out.push(
            rowFinding({
              rule: 'missing-value',
              severity: 'warning',
              table,
              sheet,
              row,
              col: column.col,
              expected,
              actual: null,
              messageId: 'missing-value',
              calculation,
              params: { column: column.header.replace(/\s*\n\s*/g, ' '), expected: expected ?? '' },
            }),
          );
        }
        if (change === undefined) continue;
        const kind = changes.kind(i);
        if (kind !== 'text' && kind !== 'blank' && kind !== 'marker') continue;
        const c = changes.get(i);
        const unit = changes.unit(i);
        if (c.kind === 'text') {
          out.push(textFinding(sheet, table, row, change.col, c.text));
          continue;
        }
        if (c.kind !== 'blank' && c.kind !== 'marker') continue;
        const basis = figures.basis(i);
        if (basis.meaning === 'zero-base' || basis.meaning === 'unknown') continue;
        if (basis.meaning === 'sign-flip' && ctx.options.signFlipMeaningless) continue;
        const b = basis.bokslut as number;
        const a = basis.utfall as number;
        const expected = roundTo((a / b - 1) * changeScale(unit), unit === 'fraction' ? 3 : 1);
        out.push(
          rowFinding({
            rule: 'missing-value',
            severity: 'warning',
            table,
            sheet,
            row,
            col: change.col,
            expected,
            actual: c.kind === 'marker' ? c.text : null,
            messageId: c.kind === 'marker' ? 'missing-value.marker' : 'missing-value.change',
            calculation:
              actual === undefined || previous === undefined
                ? undefined
                : {
                    expression: `(${cellAddress(row.row, actual.col)} / ${cellAddress(row.row, previous.col)} − 1)${unit === 'percent' ? ' × 100' : ''}`,
                    operands: [
                      { cell: cellAddress(row.row, actual.col), value: a },
                      { cell: cellAddress(row.row, previous.col), value: b },
                    ],
                    result: (a / b - 1) * changeScale(unit),
                  },
            params: {
              expected: roundTo(asPercent(expected, unit), 1),
              text: c.kind === 'marker' ? c.text : '',
              bokslut: b,
              utfall: a,
            },
          }),
        );
      }
    });
    return out;
  },
});
