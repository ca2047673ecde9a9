/** The variance chart's figures: every row's Avv in mnkr, largest first, favourable when positive. */
import fc from 'fast-check';
import { checkWorkbook } from '../../../src/engine/check';
import { cellAt } from '../../../src/engine/grid';
import { varianceChartData } from '../../../src/engine/review';
import { seedAsExampleWorkbook } from '../../../src/example/seed';
import { loadSeed } from '../../helpers/seed';

const workbook = seedAsExampleWorkbook(loadSeed());
const { tables } = checkWorkbook(workbook);

describe('varianceChartData', () => {
  it("Kommunstyrelseförvaltning's RN table: KAI's Avv in mnkr, ranked by size, each bar pointing at its Avv cell", () => {
    const table = tables.find((t) => t.sheet === 'Kommunstyrelseförvaltning' && t.kind === 'rn')!;
    const data = varianceChartData(table, workbook);
    expect(data.bars).toHaveLength(table.rows.length);
    const sheet = workbook.sheets.find((s) => s.name === table.sheet)!;
    const kai = data.bars.find((b) => b.label.startsWith('KAI'))!;
    const avv = cellAt(sheet, kai.row, table.columns.variance!.col).value as number;
    expect(kai.mnkr).toBeCloseTo(avv / 1000, 9);
    expect(kai.favourable).toBe(avv >= 0);
    expect(kai.cell).toMatch(/^E\d+$/);
  });

  it('every table: bars sorted by absolute variance, favourable exactly when not negative', () => {
    for (const table of tables) {
      const bars = varianceChartData(table, workbook).bars;
      for (let i = 1; i < bars.length; i++) expect(Math.abs(bars[i - 1]!.mnkr)).toBeGreaterThanOrEqual(Math.abs(bars[i]!.mnkr));
      for (const b of bars) expect(b.favourable).toBe(b.mnkr >= 0);
    }
  });

  it('without an Avv column the variance follows the sign convention (costs positive: Budget − Utfall)', () => {
    const table = tables.find((t) => t.kind === 'kontogrupp')!;
    const noAvv = { ...table, columns: { ...table.columns, variance: undefined } };
    fc.assert(
      fc.property(fc.constantFrom<'costs-negative' | 'costs-positive'>('costs-negative', 'costs-positive'), (convention) => {
        const bars = varianceChartData({ ...noAvv, convention }, workbook).bars;
        const sheet = workbook.sheets.find((s) => s.name === table.sheet)!;
        for (const b of bars) {
          const actual = cellAt(sheet, b.row, table.columns.actual!.col).value as number;
          const budget = cellAt(sheet, b.row, table.columns.budget!.col).value as number;
          expect(b.mnkr).toBeCloseTo((convention === 'costs-positive' ? budget - actual : actual - budget) / 1000, 9);
        }
      }),
    );
  });
});
