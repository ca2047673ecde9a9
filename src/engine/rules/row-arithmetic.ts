/**
 * `row-arithmetic`: an identity within a row that the rest of the table
 * keeps is broken — Netto ≠ Intäkter + Kostnader (or Kostnader − Intäkter
 * where costs are positive), Förändring tkr ≠ Utfall − Bokslut. Variances
 * are `variance-mismatch`'s. Rounding is respected as there (`identity.ts`).
 *
 * Severity error. Also, once per table and as info, the header guesses the
 * figures contradict on most rows (a column headed Avvikelse that is no
 * difference of the table's columns): those columns are not checked, rather
 * than reported row by row.
 */
import type { Finding } from '../finding';
import { defineRule, finding } from '../rule';
import { eachTable, rowLabel } from './common';
import { brokenRows, columnAt, oneLine } from './identity';

export const rowArithmetic = defineRule({
  id: 'row-arithmetic',
  severity: 'error',
  messages: ['row-arithmetic.net', 'row-arithmetic.change-amount', 'row-arithmetic.unreconciled'],
  description:
    'An identity within a row that the rest of the table keeps is broken (Netto = Intäkter + Kostnader, Förändring tkr = Utfall − Bokslut); and, once per table as info, a header the figures contradict.',
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet, figures) => {
      for (const relation of table.relations) {
        if (relation.meaning !== 'net' && relation.meaning !== 'changeAmount') continue;
        const names = relation.terms.map((t) => oneLine(columnAt(table, t.col)));
        const formula = relation.terms.map((t, i) => `${i === 0 ? (t.sign === 1 ? '' : '−') : t.sign === 1 ? ' + ' : ' − '}${names[i] ?? ''}`).join('');
        for (const broken of brokenRows(ctx, figures, relation)) {
          out.push(
            finding({
              rule: 'row-arithmetic',
              severity: 'error',
              table,
              sheet: sheet.name,
              row: broken.row.row,
              col: relation.result,
              expected: broken.expected,
              actual: broken.actual,
              messageId: relation.meaning === 'net' ? 'row-arithmetic.net' : 'row-arithmetic.change-amount',
              params: {
                label: rowLabel(table, broken.row),
                column: oneLine(columnAt(table, relation.result)),
                formula,
                values: broken.terms.join(' ; '),
                expected: broken.expected,
                actual: broken.actual,
                difference: broken.difference,
              },
              calculation: broken.calculation,
            }),
          );
        }
      }
      const [first] = table.unreconciled;
      if (first !== undefined) {
        out.push(
          finding({
            rule: 'row-arithmetic',
            severity: 'info',
            table,
            sheet: sheet.name,
            row: table.headerBottom,
            col: first.col,
            expected: null,
            actual: null,
            messageId: 'row-arithmetic.unreconciled',
            params: { columns: table.unreconciled.map((u) => `”${u.header.replace(/\s*\n\s*/g, ' ')}”`).join(', '), agreeing: first.agreeing, checked: first.checked },
          }),
        );
      }
    });
    return out;
  },
});
