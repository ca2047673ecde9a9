import { findTables } from '../../../src/engine/detect';
import { cellAddress, type SheetGrid } from '../../../src/engine/grid';
import { varianceMismatch } from '../../../src/engine/rules/variance-mismatch';
import { seedAsPastedValues } from '../../../src/example/seed';
import { sheetFromRows } from '../../helpers/grid';
import { places, run, runOnTables, withCell } from '../../helpers/rules';
import { loadSeed } from '../../helpers/seed';
import { buildTable, seedAsFormulas } from '../../helpers/tables';

const pasted = seedAsPastedValues(loadSeed());
const formulas = seedAsFormulas(loadSeed());
const HEADER = ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'];

describe('variance-mismatch on the seed', () => {
  it('finds nothing in the report as printed: its 1 tkr differences are rounding', () => {
    expect(run(varianceMismatch, pasted)).toEqual([]);
    expect(run(varianceMismatch, formulas)).toEqual([]);
  });

  it('catches a typo of 2 tkr in Avv, Utfall or Budget exactly when no rounding can explain it, and every typo of 3', () => {
    const tables = findTables(pasted);
    let caughtTwos = 0;
    let rowsChecked = 0;
    for (const t of tables) {
      const sheet = pasted.sheets.find((s) => s.name === t.sheet) as SheetGrid;
      const value = (r: number, c: number): number => sheet.cells[r]?.[c]?.value as number;
      const { actual, budget, variance } = t.columns as Required<typeof t.columns>;
      for (const row of t.rows) {
        rowsChecked++;
        for (const col of [variance.col, actual.col, budget.col]) {
          for (const d of [2, -2, 3, -3]) {
            const wb = withCell(pasted, t.sheet, cellAddress(row.row, col), (c) => ({ ...c, value: (c.value as number) + d }));
            const [u, b, v] = [actual.col, budget.col, variance.col].map((c) => value(row.row, c) + (c === col ? d : 0)) as [number, number, number];
            const explainable = Math.abs(v - (u - b)) <= 1; // a correct report could print this row
            const found = places(runOnTables(varianceMismatch, wb, tables));
            expect(found).toEqual(explainable ? [] : [`${t.sheet}!${cellAddress(row.row, variance.col)}`]);
            if (Math.abs(d) === 3) expect(explainable).toBe(false);
            if (Math.abs(d) === 2 && !explainable) caughtTwos++;
          }
        }
      }
    }
    // Only rows whose printed Avv already differs by 1 tkr let a 2 tkr typo in the other direction through.
    expect(caughtTwos).toBeGreaterThan(rowsChecked * 6 * 0.9);
  });

  it('reports where the cell is, what it should be and what it is', () => {
    const wb = withCell(pasted, 'Kommunledning', 'E4', { value: 970, numberFormat: '#,##0' });
    const [f] = run(varianceMismatch, wb);
    expect(f).toMatchObject({ rule: 'variance-mismatch', severity: 'error', sheet: 'Kommunledning', cell: 'E4', expected: 964, actual: 970, messageId: 'variance-mismatch' });
    expect(f?.params).toMatchObject({ label: 'KLC Kansli Centerpartiet', utfall: -3170, budget: -4134 });
  });

  it('catches a typed constant and a formula pointing at the wrong row in a formula table', () => {
    const typed = withCell(formulas, 'Kommunledning', 'E4', { value: 970, numberFormat: '#,##0' });
    expect(places(run(varianceMismatch, typed))).toEqual(['Kommunledning!E4']);
    // =C7-D8 in row 7: the value Excel shows is KLKS's Utfall minus KLL's Budget.
    const shifted = withCell(formulas, 'Kommunledning', 'E7', { value: -4666 - -3649, formula: '=C7-D8', numberFormat: '#,##0' });
    expect(places(run(varianceMismatch, shifted))).toEqual(['Kommunledning!E7']);
  });

  it('checks the total row too', () => {
    const wb = withCell(pasted, 'Kommunledning', 'E20', { value: 12700, numberFormat: '#,##0' });
    expect(places(run(varianceMismatch, wb))).toEqual(['Kommunledning!E20']);
  });

  it('says so when the variance is Budget − Utfall', () => {
    const sheet = sheetFromRows('Blad1', [HEADER, ['KAI   Kommunikation', -50786, -52862, -57489, -4627, 4.1], ['KEK   Ekonomiavdelningen', -59273, -57199, -56121, -1078, -3.5]]);
    const found = run(varianceMismatch, { sheets: [sheet] });
    expect(found.map((f) => [f.cell, f.messageId, f.expected])).toEqual([['E2', 'variance-mismatch.reversed', 4627]]);
  });

  it('reads numbers stored as text, and counts an empty Budget as 0', () => {
    const sheet = sheetFromRows('Blad1', [
      HEADER,
      ['KLC   Kansli Centerpartiet', '−3 495', '−3 170', '−4 134', '964', '−9,3'],
      ['KLM   Kansli Moderaterna', '−3 861', '−4 655', '−7 109', '2 460', '20,6'],
      ['KLX   Ny enhet', 0, -120, null, -120, null],
    ]);
    expect(places(run(varianceMismatch, { sheets: [sheet] }))).toEqual(['Blad1!E3']);
  });

  it('adds the tolerance asked for on top of rounding', () => {
    const wb = withCell(pasted, 'Kommunledning', 'E4', { value: 968, numberFormat: '#,##0' });
    expect(run(varianceMismatch, wb)).toHaveLength(1);
    expect(run(varianceMismatch, wb, { tolerance: 3 })).toEqual([]);
  });

  it('works in odd layouts: split code and name, two-row header away from A1, fraction %', () => {
    const rows = [
      { code: 'KAI', name: 'Kommunikation', b: -50786.4, u: -52862.2, budget: -57489.1 },
      { code: 'KEK', name: 'Ekonomiavdelningen', b: -59273.3, u: -57199.4, budget: -56121.2 },
    ];
    const built = buildTable('Blad1', rows, { top: 4, left: 2, header: 'two-row', label: 'split', unit: 'fraction', title: 'Kommunstyrelseförvaltning' });
    const wb = { sheets: [built.sheet] };
    expect(run(varianceMismatch, wb)).toEqual([]);
    const cell = cellAddress(built.rows[1] as number, built.cols.variance);
    const typo = withCell(wb, 'Blad1', cell, (c) => ({ ...c, value: (c.value as number) - 5 }));
    expect(places(run(varianceMismatch, typo))).toEqual([`Blad1!${cell}`]);
  });
});
