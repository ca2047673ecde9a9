import { crossTableTotal } from '../../../src/engine/rules/cross-table-total';
import { seedAsPastedValues } from '../../../src/example/seed';
import { placeRows, sheetFromRows, type Input } from '../../helpers/grid';
import { run, withCell } from '../../helpers/rules';
import { loadSeed } from '../../helpers/seed';
import { seedAsFormulas } from '../../helpers/tables';

const pasted = seedAsPastedValues(loadSeed());
const RN: Input[][] = [
  ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'],
  ['KAI   Kommunikation', -50786, -52862, -57489, 4626, 4.1],
  ['KEK   Ekonomiavdelningen', -59273, -57199, -56121, -1078, -3.5],
  [],
  [null, -110059, -110061, -113610, 3548, 0.0],
];
const KG = (utfall: number): Input[][] => [
  ['KONTOGRUPP SUM', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'],
  ['3     Intäkter', 20000, 21000, 20000, 1000, 5.0],
  ['5     Personalkostnader', -130059, utfall - 21000, -133610, utfall - 21000 + 133610, 0.0],
  [],
  [null, -110059, utfall, -113610, utfall + 113610, 0.0],
];

describe('cross-table-total', () => {
  it('finds the seed’s RN and kontogrupp tables in agreement, pasted and with formulas (rounded rows under SUM)', () => {
    expect(run(crossTableTotal, pasted)).toEqual([]);
    expect(run(crossTableTotal, seedAsFormulas(loadSeed()))).toEqual([]);
  });

  it('catches a kontogrupp total that differs from the RN total on the same sheet, at the kontogrupp total', () => {
    const wb = withCell(pasted, 'Kommunledning', 'D31', { value: -56186, numberFormat: '#,##0' });
    const found = run(crossTableTotal, wb);
    expect(found.map((f) => [f.cell, f.severity, f.expected, f.actual])).toEqual([['D31', 'error', -56286, -56186]]);
    expect(found[0]?.params).toMatchObject({ other: 'D20', level: 'RN3', difference: 100 });
  });

  it('pairs tables on different sheets by their title, and never tables with different titles', () => {
    const a = sheetFromRows('RN', [['Kommunstyrelseförvaltning'], [], ...RN]);
    placeRows(a, [['Valnämnden'], [], ...KG(-120000)], 10, 0);
    const b = sheetFromRows('KG', [['Kommunstyrelseförvaltning'], [], ...KG(-110070)]);
    const found = run(crossTableTotal, { sheets: [a, b] });
    expect(found.map((f) => [f.sheet, f.cell, f.expected, f.actual])).toEqual([
      ['KG', 'C7', -110061, -110070],
      ['KG', 'E7', 3548, 3540],
    ]);
    expect(found[0]?.params.other).toBe('RN!C7');
  });

  it('pairs titles as Swedish lower case does: every character lower-cased as toLocaleLowerCase("sv") does', () => {
    // The titles are lower-cased with toLowerCase: Swedish has no case mappings of its own (only Lithuanian, Turkish and Azeri have).
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (ch.toLowerCase() !== ch.toLocaleLowerCase('sv')) throw new Error(`U+${c.toString(16)}`);
    }
    expect('KOMMUNSTYRELSEFÖRVALTNING ΟΔΟΣ İ'.toLowerCase()).toBe('KOMMUNSTYRELSEFÖRVALTNING ΟΔΟΣ İ'.toLocaleLowerCase('sv'));
  });

  it('allows the rounding of both totals and the tolerance asked for', () => {
    const sheet = sheetFromRows('Blad1', RN);
    placeRows(sheet, KG(-110062), 7, 0);
    expect(run(crossTableTotal, { sheets: [sheet] })).toEqual([]);
    const off = sheetFromRows('Blad1', RN);
    placeRows(off, KG(-110064), 7, 0);
    expect(run(crossTableTotal, { sheets: [off] }).map((f) => f.cell)).toEqual(['C12', 'E12']);
    expect(run(crossTableTotal, { sheets: [off] }, { tolerance: 3 })).toEqual([]);
  });
});
