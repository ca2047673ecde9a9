import { cellAddress } from '../../../src/engine/grid';
import { changeMismatch } from '../../../src/engine/rules/change-mismatch';
import { seedAsPastedValues } from '../../../src/example/seed';
import { sheetFromRows } from '../../helpers/grid';
import { places, run, withCell } from '../../helpers/rules';
import { loadSeed } from '../../helpers/seed';
import { buildTable, seedAsFormulas } from '../../helpers/tables';

const pasted = seedAsPastedValues(loadSeed());
const formulas = seedAsFormulas(loadSeed());
const HEADER = ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'];

describe('change-mismatch', () => {
  it('finds nothing in the seed, pasted or with formulas: KLÖS −6 → −25 at 331,6 % and KCS 2 → 0 at −101,9 % are within rounding', () => {
    expect(run(changeMismatch, pasted)).toEqual([]);
    expect(run(changeMismatch, formulas)).toEqual([]);
  });

  it('catches a wrong % and says what it should be, in the column unit', () => {
    // KLKF −3 968 → −4 666 is 17,6 %.
    const wb = withCell(pasted, 'Kommunledning', 'F7', { value: 16.6, numberFormat: '0.0' });
    const [f] = run(changeMismatch, wb);
    expect(f).toMatchObject({ cell: 'F7', severity: 'error', expected: 17.6, actual: 16.6 });
    expect(f?.params).toMatchObject({ label: 'KLKF Kommunfullmäktige', bokslut: -3968, utfall: -4666 });
  });

  it('catches a wrong % typed over a formula', () => {
    const typed = withCell(formulas, 'Kommunstyrelseförvaltning', 'F7', { value: 4.6, numberFormat: '0.0' }); // KAI is 4,1
    expect(places(run(changeMismatch, typed))).toEqual(['Kommunstyrelseförvaltning!F7']);
  });

  it('leaves bases that show as 0 to tiny-base and div0, and empty cells to missing-value', () => {
    const sheet = sheetFromRows('Blad1', [HEADER, ['A     En', 0, 1184, 549, 635, 477317.7], ['B     Två', 0, 0, 0, 0, '#DIV/0!'], ['C     Tre', -2208, -1488, -1490, 2, null]]);
    expect(run(changeMismatch, { sheets: [sheet] })).toEqual([]);
  });

  it('understands a fraction column (0,0%) and % written as text', () => {
    const pct = (v: number) => ({ value: v, numberFormat: '0.0%' });
    const sheet = sheetFromRows('Blad1', [
      HEADER,
      ['KAI   Kommunikation', -50786, -52862, -57489, 4626, pct(0.041)],
      ['KEK   Ekonomiavdelningen', -59273, -57199, -56121, -1078, pct(-0.045)],
      ['KHR   HR-avdelningen', -42401, -49213, -51980, 2767, '16,1 %'],
      ['KIT   IT-avdelningen', -66150, -75740, -82164, 6424, '15,5 %'],
    ]);
    const found = run(changeMismatch, { sheets: [sheet] });
    expect(found.map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ['F3', -0.035, -0.045],
      ['F5', 14.5, 15.5],
    ]);
    expect(found[0]?.params).toMatchObject({ expected: -3.5, actual: -4.5 });
  });

  it('in a generated fraction table with formulas, a % off by one point is caught at that cell', () => {
    const built = buildTable(
      'Blad1',
      [
        { code: 'KAI', name: 'Kommunikation', b: -50786.4, u: -52862.2, budget: -57489.1 },
        { code: 'KEK', name: 'Ekonomiavdelningen', b: -59273.3, u: -57199.4, budget: -56121.2 },
      ],
      { unit: 'fraction', formulas: true, label: 'split' },
    );
    const wb = { sheets: [built.sheet] };
    expect(run(changeMismatch, wb)).toEqual([]);
    const cell = cellAddress(built.rows[0] as number, built.cols.change);
    const typed = withCell(wb, 'Blad1', cell, (c) => ({ value: (c.value as number) + 0.01, numberFormat: '0.0%' }));
    expect(places(run(changeMismatch, typed))).toEqual([`Blad1!${cell}`]);
  });

  it('takes the tolerance in the column unit', () => {
    const wb = withCell(pasted, 'Kommunledning', 'F7', { value: 17.9, numberFormat: '0.0' });
    expect(run(changeMismatch, wb)).toHaveLength(1);
    expect(run(changeMismatch, wb, { tolerance: 0.5 })).toEqual([]);
  });
});
