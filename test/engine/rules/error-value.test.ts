import { errorValue } from '../../../src/engine/rules/error-value';
import { seedAsPastedValues } from '../../../src/example/seed';
import { sheetFromRows } from '../../helpers/grid';
import { run } from '../../helpers/rules';
import { loadSeed } from '../../helpers/seed';
import { seedAsFormulas } from '../../helpers/tables';

const HEADER = ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'];

describe('error-value', () => {
  it('finds none in the seed: its only error is a #DIVISION/0!, which is div0’s', () => {
    expect(run(errorValue, seedAsPastedValues(loadSeed()))).toEqual([]);
    expect(run(errorValue, seedAsFormulas(loadSeed()))).toEqual([]);
  });

  it('reports every other error, real or pasted, in any language, in values and total', () => {
    const sheet = sheetFromRows('Blad1', [
      HEADER,
      ['KLC   Kansli', { value: null, error: 'REF', formula: '=Blad2!B5' }, -3170, -4134, 964, -9.3],
      ['KLM   Moderaterna', -3861, '#SAKNAS!', -7109, { value: null, error: 'VALUE', formula: '=C3-D3' }, 20.6],
      [],
      [null, -7356, -7825, -11243, 3418, '#WERT!'],
    ]);
    const found = run(errorValue, { sheets: [sheet] });
    expect(found.map((f) => [f.cell, f.severity, f.actual, f.messageId])).toEqual([
      ['B2', 'error', '#REF!', 'error-value'],
      ['C3', 'error', '#SAKNAS!', 'error-value.text'],
      ['E3', 'error', '#VALUE!', 'error-value'],
      ['F5', 'error', '#WERT!', 'error-value.text'],
    ]);
    expect(found[3]?.params.label).toBe('Summa');
  });
});
