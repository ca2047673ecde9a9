/**
 * A total `=SUM(E4:E15)` over a column of Avv formulas (`=C4-D4`, `=C5-D5` …)
 * is as exact as the typed Utfall and Budget those formulas subtract: its
 * half-width is the sum of the half-widths of the cells in the range, each
 * read on its own. `formulaHalf` reads a column of like formulas without
 * reading each formula again; it must give exactly what each cell's own
 * reading gives, whatever the column holds: like formulas, a shifted
 * reference, `$`, lower case, spaces, typed numbers, text and empty cells.
 */
import fc from 'fast-check';
import type { Cell, SheetGrid } from '../../src/engine/grid';
import { constantHalfUnit, readNumber } from '../../src/engine/numbers';
import { formulaHalf } from '../../src/engine/precision';

/** Utfall (C) and Budget (D) as a report types them: whole tkr, or with decimals, in a few formats. */
const typed: fc.Arbitrary<Cell> = fc.oneof(
  fc.record({ value: fc.integer({ min: -90_000, max: 90_000 }), numberFormat: fc.constantFrom('#,##0', '0.0', 'General') }),
  fc.record({ value: fc.integer({ min: -9_000_000, max: 9_000_000 }).map((n) => n / 100), numberFormat: fc.constantFrom('#,##0', '0.00') }),
  fc.record({ value: fc.constantFrom('−3 495', '1 184,0', 'e.j.', '') }),
);

/** The Avv cell of row r (0-based), mostly `=C{r+1}-D{r+1}`, sometimes another formula or a typed figure. */
function avvCell(kind: number, r: number): Cell | undefined {
  const n = r + 1;
  switch (kind) {
    case 0:
      return { value: 0, formula: `=C${n}-D${n}` };
    case 1:
      return { value: 0, formula: `=C${n + 1}-D${n}` };
    case 2:
      return { value: 0, formula: `=$C$${n}-D${n}` };
    case 3:
      return { value: 0, formula: `=c${n} - d${n}` };
    case 4:
      return { value: 0, formula: `=C${n}+D${n}` };
    case 5:
      return { value: 0, formula: `=SUM(C${n}:D${n})` };
    case 6:
      return { value: 1.5, numberFormat: '0.0' };
    case 7:
      return undefined;
    default:
      return { value: 0, formula: `=(C${n}/D${n}-1)*100` };
  }
}

/** The half-width of one cell as `formulaHalf` reads a cell of a range, on its own. */
function ownHalf(sheet: SheetGrid, r: number, c: number): number {
  const cell = sheet.cells[r]?.[c] ?? { value: null };
  if (cell.formula !== undefined) return formulaHalf(sheet, cell.formula, 1);
  if (typeof cell.value === 'number') return constantHalfUnit(cell.value, cell.numberFormat);
  return readNumber(cell)?.halfUnit ?? 0;
}

describe('formulaHalf over a column of formulas', () => {
  it('is the sum of each cell’s own half-width', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(typed, typed, fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 }))), { minLength: 1, maxLength: 30 }), (rows) => {
        const cells = rows.map(([c, d, kind], r) => [undefined, undefined, c, d, avvCell(kind, r)]);
        const sheet: SheetGrid = { name: 'Blad1', cells };
        let expected = 0;
        for (let r = 0; r < rows.length; r++) expected += ownHalf(sheet, r, 4);
        expect(formulaHalf(sheet, `=SUM(E1:E${rows.length})`)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('adds up a typed Utfall and Budget for each Avv formula of a total', () => {
    const sheet: SheetGrid = {
      name: 'Blad1',
      cells: [
        [undefined, undefined, { value: -57199, numberFormat: '#,##0' }, { value: -56121, numberFormat: '#,##0' }, { value: -1078, formula: '=C1-D1', numberFormat: '#,##0' }],
        [undefined, undefined, { value: 964.5, numberFormat: '#,##0.0' }, { value: 1000, numberFormat: '#,##0' }, { value: -35.5, formula: '=C2-D2', numberFormat: '#,##0' }],
        [undefined, undefined, { value: 120, numberFormat: '#,##0' }, { value: 100, numberFormat: '#,##0' }, { value: 20, formula: '=C3-D3', numberFormat: '#,##0' }],
      ],
    };
    // Row 1: 0,5 + 0,5; row 2: 0,05 + 0,5; row 3: 0,5 + 0,5.
    expect(formulaHalf(sheet, '=SUM(E1:E3)')).toBeCloseTo(2.55, 12);
  });
});
