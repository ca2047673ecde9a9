/**
 * `variance-mismatch`: a variance column is not the difference the table's
 * figures keep on its other rows — the budget variance (Avv Budg o Utf:
 * Utfall − Budget; Budget − Utfall where costs are positive) and the
 * forecast variance (Avvikelse prognos: Prognos − Budget …). Detection finds
 * which difference a column is from its header and confirms it on the rows;
 * this rule reports the rows that break it.
 *
 * Severity error: a wrong variance is exactly what the commentary is written
 * from ("positiv avvikelse med 4,6 mnkr"). Rounding is respected (see
 * `identity.ts`): −3 170 − (−4 134) printed as 964 or 965 is fine. A variance
 * with the opposite sign gets its own message. An empty Budget counts as 0
 * (the empty cell itself is `missing-value`'s business). Checked on data
 * rows and on the total row.
 */
import type { Finding, MessageParams } from '../finding';
import { defineRule, finding } from '../rule';
import { eachTable, rowLabel } from './common';
import { brokenRows, columnAt, oneLine } from './identity';

export const varianceMismatch = defineRule({
  id: 'variance-mismatch',
  severity: 'error',
  messages: [
    'variance-mismatch',
    'variance-mismatch.reversed',
    'variance-mismatch.costs-positive',
    'variance-mismatch.costs-positive-reversed',
    'variance-mismatch.forecast',
    'variance-mismatch.forecast-reversed',
  ],
  description:
    'A variance column (against budget or forecast) is not the difference the rest of its table keeps: Utfall − Budget, Budget − Utfall where costs are positive, Prognos − Budget; the message says which.',
  check(ctx) {
    const out: Finding[] = [];
    eachTable(ctx, (table, sheet, figures) => {
      for (const relation of table.relations) {
        if (relation.meaning !== 'variance' && relation.meaning !== 'forecastVariance') continue;
        const [left, right] = relation.terms;
        if (left === undefined || right === undefined) continue;
        const standard = relation.meaning === 'variance' && left.col === table.columns.actual?.col && right.col === table.columns.budget?.col;
        const costsPositive = relation.meaning === 'variance' && left.col === table.columns.budget?.col && right.col === table.columns.actual?.col;
        const base = standard ? 'variance-mismatch' : costsPositive ? 'variance-mismatch.costs-positive' : 'variance-mismatch.forecast';
        for (const broken of brokenRows(ctx, figures, relation)) {
          const [l, r] = broken.terms as [number, number];
          const params: MessageParams = standard
            ? { label: rowLabel(table, broken.row), expected: broken.expected, actual: broken.actual, difference: broken.difference, utfall: l, budget: r }
            : costsPositive
              ? { label: rowLabel(table, broken.row), expected: broken.expected, actual: broken.actual, difference: broken.difference, budget: l, utfall: r }
              : {
                  label: rowLabel(table, broken.row),
                  expected: broken.expected,
                  actual: broken.actual,
                  difference: broken.difference,
                  column: oneLine(columnAt(table, relation.result)),
                  left: oneLine(columnAt(table, left.col)),
                  right: oneLine(columnAt(table, right.col)),
                  leftValue: l,
                  rightValue: r,
                };
          out.push(
            finding({
              rule: 'variance-mismatch',
              severity: 'error',
              table,
              sheet: sheet.name,
              row: broken.row.row,
              col: relation.result,
              expected: broken.expected,
              actual: broken.actual,
              messageId: broken.reversed ? (standard ? 'variance-mismatch.reversed' : `${base}-reversed`) : base,
              params,
              calculation: broken.calculation,
            }),
          );
        }
      }
    });
    return out;
  },
});
