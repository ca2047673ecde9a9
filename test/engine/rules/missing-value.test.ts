import { missingValue } from '../../../src/engine/rules/missing-value';
import { seedAsPastedValues } from '../../../src/example/seed';
import { sheetFromRows } from '../../helpers/grid';
import { run } from '../../helpers/rules';
import { loadSeed } from '../../helpers/seed';
import { seedAsFormulas } from '../../helpers/tables';

const HEADER = ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'];

describe('missing-value', () => {
  it('finds the seed’s empty change % where a % belongs: KGHR, KGOS, Kommunledning 6A, Stadsrevisionen 3', () => {
    const expected = [
      ['Kommunledning', 'F27', '6A Lokalhyror', 63.3],
      ['Kommungemensamt', 'F11', 'KGHR Kommungemensamt HR', -32.6],
      ['Kommungemensamt', 'F17', 'KGOS Kommungem Oslo-SHLM', 0],
      ['Stadsrevisionen', 'F4', '3 Intäkter', 0],
    ];
    for (const wb of [seedAsPastedValues(loadSeed()), seedAsFormulas(loadSeed())]) {
      const found = run(missingValue, wb);
      expect(found.map((f) => [f.sheet, f.cell, f.params.label, f.expected])).toEqual(expected);
      expect(found.every((f) => f.severity === 'warning' && f.messageId === 'missing-value.change' && f.actual === null)).toBe(true);
    }
  });

  it('shows how the missing % is computed, from the row’s own cells (Varför?)', () => {
    const sheet = sheetFromRows('Blad1', [HEADER, ['KGHR  Kommungemensamt HR', -2208, -1488, -1490, 2, null], ['KEK   Ekonomiavdelningen', -59273, -57199, -56121, -1078, -3.5]]);
    const [f] = run(missingValue, { sheets: [sheet] });
    expect(f?.calculation).toEqual({
      expression: '(C2 / B2 − 1) × 100',
      operands: [
        { cell: 'C2', value: -1488 },
        { cell: 'B2', value: -2208 },
      ],
      result: (-1488 / -2208 - 1) * 100,
    });
  });

  it('computes a missing variance in the table’s sign convention: Budget − Utfall where costs are positive', () => {
    const header = ['Verksamhet', 'Kommunbidrag', 'Nettokostnad', 'Avvikelse'];
    const sheet = sheetFromRows('Blad1', [
      header,
      ['Kansli', 21400, 20900, 500],
      ['Ekonomi', 18300, 18750, -450],
      ['Personal', 12000, 11000, 1000],
      ['IT', 9800, 9650, null],
      ['Summa', 61500, 60300, 1200],
    ]);
    const found = run(missingValue, { sheets: [sheet] }).filter((f) => f.cell === 'D5');
    expect(found.map((f) => [f.expected, f.calculation?.expression])).toEqual([[150, 'B5 − C5']]);
  });

  it('does not ask for a % where none means anything: base 0, sign changed, or a row without figures', () => {
    const sheet = sheetFromRows('Blad1', [
      HEADER,
      ['KLFÖ  Kommunledn Fördelning', 0, 0, 0, 0, null],
      ['VAL   Valnämnd', 0, 1184, 549, 635, '–'],
      ['KGAMT Arbetsmiljötjänster', -2296, 5055, -3495, 8550, 'e.j.'],
      ['KGX   Ny enhet', null, null, null, null, null],
      ['KGHR  Kommungemensamt HR', -2208, -1488, -1490, 2, 'e.j.'],
    ]);
    const found = run(missingValue, { sheets: [sheet] });
    expect(found.map((f) => [f.cell, f.messageId, f.expected, f.actual])).toEqual([['F6', 'missing-value.marker', -32.6, 'e.j.']]);
  });

  it('asks for the % of a sign-flip row when sign flips are not counted as meaningless', () => {
    const sheet = sheetFromRows('Blad1', [HEADER, ['KGAMT Arbetsmiljötjänster', -2296, 5055, -3495, 8550, null]]);
    expect(run(missingValue, { sheets: [sheet] })).toEqual([]);
    expect(run(missingValue, { sheets: [sheet] }, { signFlipMeaningless: false }).map((f) => [f.cell, f.expected])).toEqual([['F2', -320.2]]);
  });

  it('reports empty amounts in a row with figures and in the total, with what they should be where it can be computed', () => {
    const sheet = sheetFromRows('Blad1', [
      HEADER,
      ['KAI   Kommunikation', -50786, -52862, null, 4626, 4.1],
      ['KEK   Ekonomiavdelningen', -59273, -57199, -56121, null, -3.5],
      [],
      [null, -110059, null, -113610, 3548, 0.0],
    ]);
    const found = run(missingValue, { sheets: [sheet] });
    expect(found.map((f) => [f.cell, f.messageId, f.expected])).toEqual([
      ['D2', 'missing-value', null],
      ['E3', 'missing-value', -1078],
      ['C5', 'missing-value', -110061],
    ]);
    expect(found[0]?.params).toMatchObject({ column: '2021 Budget', label: 'KAI Kommunikation' });
  });

  it('names text that is not a number instead of failing on it', () => {
    const sheet = sheetFromRows('Blad1', [HEADER, ['KAI   Kommunikation', -50786, 'ca 53 000', -57489, 4626, 'se not']]);
    expect(run(missingValue, { sheets: [sheet] }).map((f) => [f.cell, f.messageId, f.actual])).toEqual([
      ['C2', 'missing-value.text', 'ca 53 000'],
      ['F2', 'missing-value.text', 'se not'],
    ]);
  });
});
