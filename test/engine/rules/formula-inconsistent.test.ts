import { formulaInconsistent } from '../../../src/engine/rules/formula-inconsistent';
import { seedAsPastedValues } from '../../../src/example/seed';
import { sheetFromRows } from '../../helpers/grid';
import { run, withCell } from '../../helpers/rules';
import { loadSeed } from '../../helpers/seed';
import { buildTable, seedAsFormulas } from '../../helpers/tables';

const formulas = seedAsFormulas(loadSeed());

describe('formula-inconsistent', () => {
  it('finds nothing in the seed with formulas, nor in the seed pasted as values (no formulas at all)', () => {
    expect(run(formulaInconsistent, formulas)).toEqual([]);
    expect(run(formulaInconsistent, seedAsPastedValues(loadSeed()))).toEqual([]);
  });

  it('flags 964 typed over the Avv formula, and =C7-D8 among =C-D of the same row', () => {
    let wb = withCell(formulas, 'Kommunledning', 'E4', { value: 964, numberFormat: '#,##0' });
    wb = withCell(wb, 'Kommunledning', 'E7', { value: -4666 - -3649, formula: '=C7-D8', numberFormat: '#,##0' });
    const found = run(formulaInconsistent, wb);
    expect(found.map((f) => [f.cell, f.severity, f.messageId, f.expected, f.actual])).toEqual([
      ['E4', 'warning', 'formula-inconsistent.constant', '=C4-D4', 964],
      ['E7', 'warning', 'formula-inconsistent', '=C7-D7', '=C7-D8'],
    ]);
    expect(found[0]?.params.label).toBe('KLC Kansli Centerpartiet');
  });

  it('accepts the guarded formula the #DIV/0! fix writes, and other spellings of the same shape', () => {
    let wb = withCell(formulas, 'Kommunledning', 'F5', { value: '', formula: '=IF(B5=0,"",(C5/B5-1)*100)' });
    wb = withCell(wb, 'Kommunledning', 'F6', (c) => ({ ...c, formula: '=( c6 / b6 - 1 ) * 100' }));
    expect(run(formulaInconsistent, wb)).toEqual([]);
  });

  it('flags a typed total among SUM totals, and a SUM that leaves out rows', () => {
    let wb = withCell(formulas, 'Kommunledning', 'B20', { value: -40548, numberFormat: '#,##0' });
    wb = withCell(wb, 'Kommunledning', 'C20', (c) => ({ ...c, formula: '=SUM(C4:C17)' }));
    const found = run(formulaInconsistent, wb);
    expect(found.map((f) => [f.cell, f.messageId, f.expected, f.actual])).toEqual([
      ['B20', 'formula-inconsistent.total', '=SUM(B4:B18)', -40548],
      ['C20', 'formula-inconsistent.range', '=SUM(C4:C18)', '=SUM(C4:C17)'],
    ]);
  });

  it('does not mind a formula among typed ledger figures, nor a column split half and half', () => {
    const sheet = sheetFromRows('Blad1', [
      ['RN3', '2020\nBokslut', '2021\nUtfall Ack dec', '2021\nBudget', '2021\nAvv Budg o Utf', 'Förändr%\n2020 o 2021'],
      ['KAI   Kommunikation', -50786, { value: -52862, formula: "='Huvudbok'!C5" }, -57489, 4626, 4.1],
      ['KEK   Ekonomiavdelningen', -59273, -57199, -56121, -1078, -3.5],
      ['KHR   HR-avdelningen', -42401, -49213, -51980, 2767, 16.1],
    ]);
    expect(run(formulaInconsistent, { sheets: [sheet] })).toEqual([]);
  });

  it('works in a generated table placed away from A1 with a fraction %', () => {
    const built = buildTable(
      'Blad1',
      [
        { code: 'KAI', name: 'Kommunikation', b: -50786.4, u: -52862.2, budget: -57489.1 },
        { code: 'KEK', name: 'Ekonomiavdelningen', b: -59273.3, u: -57199.4, budget: -56121.2 },
        { code: 'KHR', name: 'HR-avdelningen', b: -42401, u: -49213, budget: -51980 },
      ],
      { formulas: true, unit: 'fraction', top: 6, left: 3, label: 'split' },
    );
    const wb = { sheets: [built.sheet] };
    expect(run(formulaInconsistent, wb)).toEqual([]);
    const typed = withCell(wb, 'Blad1', 'J9', { value: 0.041, numberFormat: '0.0%' });
    expect(run(formulaInconsistent, typed).map((f) => [f.cell, f.expected])).toEqual([['J9', '=G9/F9-1']]);
  });
});
