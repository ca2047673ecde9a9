import { div0 } from '../../../src/engine/rules/div0';
import { seedAsPastedValues } from '../../../src/example/seed';
import { sheetFromRows } from '../../helpers/grid';
import { places, run } from '../../helpers/rules';
import { loadSeed } from '../../helpers/seed';
import { seedAsFormulas } from '../../helpers/tables';

const HEADER = ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'];

describe('div0', () => {
  it('finds exactly one in the seed pasted as values: Kommunledning KLFÖ’s change %, pasted as text', () => {
    const found = run(div0, seedAsPastedValues(loadSeed()));
    expect(found.map((f) => [f.sheet, f.cell, f.severity, f.messageId, f.expected, f.actual])).toEqual([['Kommunledning', 'F5', 'error', 'div0.text', null, '#DIVISION/0!']]);
    expect(found[0]?.params).toMatchObject({ label: 'KLFÖ Kommunledn Fördelning', bokslut: 0 });
  });

  it('finds the same cell as a real error value when the table has formulas', () => {
    const found = run(div0, seedAsFormulas(loadSeed()));
    expect(found.map((f) => [f.sheet, f.cell, f.messageId, f.actual])).toEqual([['Kommunledning', 'F5', 'div0', '#DIV/0!']]);
  });

  it('knows #DIV/0! in other Excel languages and in any value column, and nothing outside tables', () => {
    const sheet = sheetFromRows('Blad1', [
      HEADER,
      ['KLFÖ  Kommunledn Fördelning', 0, 0, 0, 0, { value: null, error: 'DIV_BY_ZERO', formula: '=(C2/B2-1)*100' }],
      ['KLX   Annan', 0, 10, 0, '#DIVISJON/0!', '#JAOLLA/0!'],
      [],
      [],
      [],
      ['#DIV/0!'],
    ]);
    expect(places(run(div0, { sheets: [sheet] }))).toEqual(['Blad1!F2', 'Blad1!E3', 'Blad1!F3']);
    expect(run(div0, { sheets: [sheet] }).map((f) => f.messageId)).toEqual(['div0', 'div0.text', 'div0.text']);
  });

  it('also recognises error text that the adapter did not mark as an error', () => {
    const sheet = sheetFromRows('Blad1', [
      HEADER,
      ['KLC   Kansli', -3495, -3170, -4134, 964, { value: ' #DIVISION/0! ' }],
      ['KLX   Annan', 0, 10, 0, { value: null, error: 'DIV_BY_ZERO', formula: '=C3/B3' }, 5],
    ]);
    expect(run(div0, { sheets: [sheet] }).map((f) => [f.cell, f.messageId, f.actual])).toEqual([
      ['F2', 'div0.text', '#DIVISION/0!'],
      ['E3', 'div0.other', '#DIV/0!'],
    ]);
  });
});
