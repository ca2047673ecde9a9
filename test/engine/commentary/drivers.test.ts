/**
 * The units named as driving a summary: the two largest variances in the
 * summary's direction, kept while a long RN table's rows are read, are the
 * two that ranking every row would name.
 */
import fc from 'fast-check';
import { addContributor, largestContributors, noContributors, type RowVariance } from '../../../src/engine/commentary/drivers';

const variance = fc.oneof(
  fc.integer({ min: -2_000_000, max: 2_000_000 }),
  // Around the 0,05 mnkr edge, where a variance starts to count.
  fc.integer({ min: -60, max: 60 }),
  // Ties: the upper row comes first.
  fc.constantFrom(-1_200, 1_200, 0),
);

function unitRows(variances: number[]): RowVariance[] {
  return variances.map((tkr, i) => ({
    row: { row: 4 + i, code: `K${String(i).padStart(3, '0')}`, name: `Enhet ${i}` },
    variance: { tkr, halfUnit: 0.5, cells: [{ sheet: 'Förvaltning', cell: `E${5 + i}` }] },
  }));
}

describe('the units driving a summary', () => {
  it('names the same two units whether kept row by row or ranked from every row', () => {
    fc.assert(
      fc.property(fc.array(variance, { maxLength: 40 }), fc.boolean(), (variances, favourable) => {
        const rows = unitRows(variances);
        const kept = noContributors();
        for (const r of rows) addContributor(kept, r.row, r.variance);
        const fromKept = largestContributors(favourable ? kept.favourable : kept.unfavourable, favourable);
        expect(fromKept.map((r) => r.row.code)).toEqual(largestContributors(rows, favourable).map((r) => r.row.code));
      }),
    );
  });

  it('names the larger overspend first and, on a tie, the upper row', () => {
    const rows = unitRows([-4_626, 1_150, -12_400, -4_626, 300]);
    const kept = noContributors();
    for (const r of rows) addContributor(kept, r.row, r.variance);
    expect(kept.unfavourable.map((r) => r.row.code)).toEqual(['K002', 'K000']);
    expect(kept.favourable.map((r) => r.row.code)).toEqual(['K001', 'K004']);
  });
});
