/**
 * Property tests over generated tables in every layout the detector knows:
 * a consistent table gives no finding from the arithmetic rules, and moving
 * one figure by more than rounding can explain gives a finding at that cell.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../../src/engine/check';
import { cellAddress } from '../../../src/engine/grid';
import type { Rule } from '../../../src/engine/rule';
import { changeMismatch } from '../../../src/engine/rules/change-mismatch';
import { div0 } from '../../../src/engine/rules/div0';
import { errorValue } from '../../../src/engine/rules/error-value';
import { formulaInconsistent } from '../../../src/engine/rules/formula-inconsistent';
import { missingValue } from '../../../src/engine/rules/missing-value';
import { sumMismatch } from '../../../src/engine/rules/sum-mismatch';
import { varianceMismatch } from '../../../src/engine/rules/variance-mismatch';
import { withCell } from '../../helpers/rules';
import { buildTable, type GenRow, type Layout } from '../../helpers/tables';

const ARITHMETIC: Rule[] = [varianceMismatch, changeMismatch, sumMismatch, formulaInconsistent, missingValue, div0, errorValue];

/** Amounts in tkr with two hidden decimals, of one sign per table (costs or revenues), never near 0. */
const table = fc
  .record({
    sign: fc.constantFrom(-1, 1),
    rows: fc.array(
      fc.record({
        base: fc.integer({ min: 100_000, max: 100_000_000 }),
        ratio: fc.integer({ min: 10, max: 300 }),
        budgetDelta: fc.integer({ min: -10_000_000, max: 10_000_000 }),
      }),
      { minLength: 1, maxLength: 18 },
    ),
  })
  .map(({ sign, rows }): GenRow[] =>
    rows.map((r, i) => {
      const b = (sign * r.base) / 100;
      const u = Math.round(b * r.ratio) / 100;
      return { code: `K${String.fromCharCode(65 + i)}X`, name: `Enhet ${i + 1}`, b, u, budget: Math.round(u * 100 + r.budgetDelta) / 100 };
    }),
  );

const layout: fc.Arbitrary<Layout> = fc.record({
  top: fc.integer({ min: 0, max: 5 }),
  left: fc.integer({ min: 0, max: 3 }),
  unit: fc.constantFrom('percent' as const, 'fraction' as const),
  formulas: fc.boolean(),
  header: fc.constantFrom('wrapped' as const, 'two-row' as const),
  label: fc.constantFrom('padded' as const, 'split' as const),
  total: fc.boolean(),
});

function findings(wb: { sheets: ReturnType<typeof buildTable>['sheet'][] }, rules: Rule[] = ARITHMETIC): string[] {
  return checkWorkbook(wb, {}, rules).findings.map((f) => `${f.rule}@${f.cell}`);
}

describe('generated tables (property)', () => {
  it('a consistent table, pasted as printed or with formulas, in any layout, gives no finding', () => {
    fc.assert(
      fc.property(table, layout, (rows, lay) => {
        const built = buildTable('Blad1', rows, lay);
        const wb = { sheets: [built.sheet] };
        const result = checkWorkbook(wb, {}, ARITHMETIC);
        expect(result.tables).toHaveLength(1);
        expect(result.tables[0]?.rows).toHaveLength(rows.length);
        expect(result.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
      }),
    );
  });

  it('an Avv moved by more than rounding allows is caught at that cell', () => {
    fc.assert(
      fc.property(table, layout, fc.nat(), fc.integer({ min: 3, max: 100_000 }), fc.constantFrom(-1, 1), (rows, lay, pick, size, sign) => {
        const built = buildTable('Blad1', rows, lay);
        const row = built.rows[pick % built.rows.length] as number;
        const cell = cellAddress(row, built.cols.variance);
        const wb = withCell({ sheets: [built.sheet] }, 'Blad1', cell, (c) => ({ value: Math.round(c.value as number) + sign * size, numberFormat: '#,##0' }));
        expect(findings(wb, [varianceMismatch])).toEqual([`variance-mismatch@${cell}`]);
      }),
    );
  });

  it('a change % moved by a percentage point or more is caught at that cell, in either unit', () => {
    fc.assert(
      fc.property(table, layout, fc.nat(), fc.integer({ min: 10, max: 5000 }), fc.constantFrom(-1, 1), (rows, lay, pick, tenths, sign) => {
        const built = buildTable('Blad1', rows, lay);
        const row = built.rows[pick % built.rows.length] as number;
        const cell = cellAddress(row, built.cols.change);
        const moved = (sign * tenths) / 10; // percentage points
        const wb = withCell({ sheets: [built.sheet] }, 'Blad1', cell, (c) =>
          lay.unit === 'fraction'
            ? { value: Math.round(((c.value as number) + moved / 100) * 1000) / 1000, numberFormat: '0.0%' }
            : { value: Math.round(((c.value as number) + moved) * 10) / 10, numberFormat: '0.0' },
        );
        expect(findings(wb, [changeMismatch])).toEqual([`change-mismatch@${cell}`]);
      }),
    );
  });

  it('a total moved by more than its rows can round away is caught at that cell', () => {
    fc.assert(
      fc.property(
        table,
        layout,
        fc.constantFrom('previous' as const, 'actual' as const, 'budget' as const, 'variance' as const),
        fc.integer({ min: 2, max: 100_000 }),
        fc.constantFrom(-1, 1),
        (rows, lay, measure, extra, sign) => {
          const built = buildTable('Blad1', rows, { ...lay, total: true });
          const cell = cellAddress(built.totalRow as number, built.cols[measure]);
          const size = Math.ceil(rows.length / 2) + extra;
          const wb = withCell({ sheets: [built.sheet] }, 'Blad1', cell, (c) => ({ value: Math.round(c.value as number) + sign * size, numberFormat: '#,##0' }));
          expect(findings(wb, [sumMismatch])).toContain(`sum-mismatch@${cell}`);
        },
      ),
    );
  });

  it('an Utfall typed 3 tkr or more off in a printed table is caught in its row', () => {
    fc.assert(
      fc.property(table, layout, fc.nat(), fc.integer({ min: 3, max: 100_000 }), fc.constantFrom(-1, 1), (rows, lay, pick, size, sign) => {
        const built = buildTable('Blad1', rows, { ...lay, formulas: false });
        const row = built.rows[pick % built.rows.length] as number;
        const cell = cellAddress(row, built.cols.actual);
        const wb = withCell({ sheets: [built.sheet] }, 'Blad1', cell, (c) => ({ ...c, value: (c.value as number) + sign * size }));
        expect(findings(wb, [varianceMismatch])).toEqual([`variance-mismatch@${cellAddress(row, built.cols.variance)}`]);
      }),
    );
  });
});
