/**
 * Property: whatever the figures, a fresh draft states the amount and the
 * direction of its row's variance, so reading it back with the narrative
 * check never gives a narrative-mismatch.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../../src/engine/check';
import { tkrToMnkr } from '../../../src/engine/commentary/amounts';
import { allDrafts, draftCommentary } from '../../../src/engine/commentary/draft';
import { compareStated, statedVariance } from '../../../src/engine/commentary/narrative';
import { planCommentsSheet } from '../../../src/engine/commentary/sheet';
import type { Cell, WorkbookGrid } from '../../../src/engine/grid';
import { applyToGrid, narrativeFindings } from './helpers';

interface GenRow {
  code: string;
  name: string;
  previous: number;
  actual: number;
  budget: number;
}

const amount = fc.oneof(
  fc.integer({ min: -2_000_000, max: 2_000_000 }),
  fc.integer({ min: -2_000, max: 2_000 }),
  // Exact halves of 0,1 mnkr, where rounding is easiest to get wrong.
  fc.integer({ min: -500, max: 500 }).map((n) => n * 100 + 50),
  fc.constant(0),
);
const row = fc.record({
  name: fc.stringMatching(/^[A-ZÅÄÖ][a-zåäö]{2,10}( [a-zåäö]{2,8})?$/),
  previous: amount,
  actual: amount,
  budget: amount,
});
const table = fc.uniqueArray(fc.stringMatching(/^K[A-ZÅÄÖ]{1,4}$/), { minLength: 1, maxLength: 8 }).chain((codes) =>
  fc.tuple(...codes.map(() => row)).map((rows) => rows.map((r, i): GenRow => ({ ...r, code: codes[i] as string }))),
);

function workbookOf(rows: GenRow[], formulas: boolean): WorkbookGrid {
  const n = (value: number, format = '#,##0'): Cell => ({ value, numberFormat: format });
  const cells: (Cell | undefined)[][] = [
    [{ value: 'Förvaltningen' }],
    [],
    ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'].map((value) => ({ value })),
  ];
  rows.forEach((r, i) => {
    const excelRow = 4 + i;
    const variance: Cell = formulas ? { value: r.actual - r.budget, formula: `=C${excelRow}-D${excelRow}` } : n(r.actual - r.budget);
    const change: Cell = r.previous === 0 ? { value: '#DIVISION/0!', error: 'DIV_BY_ZERO', errorIsText: true } : n(Math.round((r.actual / r.previous - 1) * 1000) / 10, '0.0');
    cells.push([{ value: `${r.code.padEnd(6, ' ')}${r.name}` }, n(r.previous), n(r.actual), n(r.budget), variance, change]);
  });
  cells.push([]);
  const sum = (f: (r: GenRow) => number): number => rows.reduce((s, r) => s + f(r), 0);
  cells.push([undefined, n(sum((r) => r.previous)), n(sum((r) => r.actual)), n(sum((r) => r.budget)), n(sum((r) => r.actual - r.budget))]);
  return { sheets: [{ name: 'Förvaltning', cells }] };
}

describe('property: a fresh draft agrees with its row', () => {
  it('states the variance rounded half away from zero, with the direction of its sign', () => {
    fc.assert(
      fc.property(table, fc.boolean(), fc.constantFrom('sv' as const, 'en' as const), (rows, formulas, lang) => {
        const wb = workbookOf(rows, formulas);
        const drafts = allDrafts(draftCommentary(checkWorkbook(wb), wb, { lang }));
        for (const d of drafts) {
          if (d.kind !== 'row') continue;
          const r = rows.find((x) => x.code === d.code) as GenRow;
          expect(d.varianceTkr).toBe(r.actual - r.budget);
          expect(d.varianceMnkr).toBe(tkrToMnkr(r.actual - r.budget));
          const stated = statedVariance(d.text);
          if (!d.material) {
            // The short "i nivå med budget" sentence states no variance to contradict.
            expect(stated).toBeUndefined();
            continue;
          }
          expect(stated).toBeDefined();
          if (stated === undefined) continue;
          expect(compareStated(stated, d.varianceTkr).kind).toBe('ok');
          const sign = Math.sign(d.varianceMnkr);
          expect(stated.word === 'negative' ? -1 : 1).toBe(sign);
          expect(stated.magnitude).toBe(Math.abs(d.varianceMnkr));
          // Never a % across a sign flip or from a zero base.
          if (r.previous === 0 || r.previous * r.actual < 0) expect(d.text).not.toMatch(/%/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never gives a narrative-mismatch on the comments sheet it plans, with any materiality thresholds', () => {
    fc.assert(
      fc.property(
        table,
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('sv' as const, 'en' as const),
        (rows, materialityTkr, materialityShare, lang) => {
          const wb = workbookOf(rows, false);
          const drafts = draftCommentary(checkWorkbook(wb), wb, { lang, materialityTkr, materialityShare });
          const written = applyToGrid(wb, planCommentsSheet(wb, drafts));
          expect(narrativeFindings(written)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
